"""Ex-ante removals of CCER-14-002-V01 (PROVISIONAL) for the PDD: a plan through prov. (1)-(6).

Trees grow along the plan's growth curves (AR-TOOL14 v04.2 section 8.2, eq. 12 and 11, see
:mod:`ccer_calc.tools.forestry.sink_exante`); ex-ante project shrub changes are zero (AR-TOOL14
para. 13); SOC, where accounted, follows prov. (4) with the area planted each year; dead wood is
not projected (optional, conservative to omit ex ante); baseline net removals are the plan's
constant annual figure; no burning and no displacement are assumed. Not subject to uncertainty
control (AR-TOOL14 para. 48).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.sink_exante import (
    ExAntePlan,
    ExAnteRemovals,
    ex_ante_tree_change,
    yearly_zero,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ccer_14_002_v01 import equations as eq

__all__ = ["ex_ante_removals"]


def _soil_carbon(plan: ExAntePlan, rate: Value | pint.Quantity, years: Value | pint.Quantity,
                 kw: dict[str, Any]) -> Value:
    planted = sorted({c.year for c in plan.cohorts})
    area = [sum(float(c.area.m_as("ha")) for c in plan.cohorts if c.year == y) for y in planted]
    dsoc = eq.soc_rate_by_planting_year(
        year=Value("t", Quantity(np.asarray(plan.years), ""), "computed", "year of the plan"),
        planting_year=Value("t_PLANT", Quantity(planted, ""), "project", "the plan's plantings"),
        accrual_rate=rate, accrual_years=years, **kw)
    return eq.soil_carbon_change(
        planted_area=Value("A_PLANT,t", Quantity(area, "ha"), "project", "the plan's plantings"),
        soc_rate=dsoc, duration=Value("Δt", Quantity(np.ones(len(plan.years)), "yr"), "fixed",
                                      "whole years"), **kw)


def ex_ante_removals(plan: ExAntePlan, *, carbon_fraction: Value | pint.Quantity,
                     soc_rate: Value | pint.Quantity | None = None,
                     soc_years: Value | pint.Quantity | None = None,
                     trail: Trail | None = None) -> ExAnteRemovals:
    """Baseline, actual, leakage and net removals of each year of the plan [t CO2e].

    ``soc_rate`` and ``soc_years`` (dSOC and N of prov. 4) account SOC; without them it is not
    projected.

    Examples
    --------
    60 ha planted in 2025 with no tree growth yet in 2025 and SOC at 0.5 t C/ha/yr: 44/12 ×
    60 × 0.5 = 110 t CO2e in the planting year:

    >>> from ccer_calc.units import Quantity
    >>> from ccer_calc.tools.forestry.sink_exante import ExAntePlan, PlantingCohort
    >>> plan = ExAntePlan((PlantingCohort(2025, Quantity(60, "ha"), "M1",
    ...     Quantity(150, "t/ha"), Quantity(0.12, "1/yr"), 1.5),), (2025,))
    >>> r = ex_ante_removals(plan, carbon_fraction=Quantity(0.47, "t C/t"),
    ...     soc_rate=Quantity(0.5, "t C/ha/yr"), soc_years=Quantity(20, "yr"))
    >>> [round(row["net"], 6) for row in r.by_year()]
    [110.0]
    """
    kw: dict[str, Any] = {"trail": trail, "instance": "ex-ante"}
    trees = ex_ante_tree_change(plan, carbon_fraction, trail=trail)
    not_projected = yearly_zero(plan, "0", "not projected ex ante (optional pool)")
    soil = (_soil_carbon(plan, soc_rate, soc_years, kw)
            if soc_rate is not None and soc_years is not None else not_projected)
    annual = np.full(len(plan.years), float(plan.baseline_removals.m_as("t CO2e/yr")))
    bsl = eq.baseline_net_removals(
        trees=Value("ΔC_TREE_BSL,t", Quantity(annual, "t CO2e"), "project",
                    "the plan's baseline net removals per year"),
        shrubs=yearly_zero(plan, "ΔC_SHRUB_BSL,t", "in the plan's baseline figure"),
        dead_wood=not_projected, **kw)
    change = eq.project_stock_change(
        trees=trees, shrubs=yearly_zero(plan, "ΔC_SHRUB_PROJ,t", "AR-TOOL14 v04.2 para. 13: "
                                        "ex-ante project shrub change taken as zero"),
        dead_wood=not_projected, soil_carbon=soil, **kw)
    actual = eq.actual_net_removals(project_change=change, non_co2=yearly_zero(
        plan, "GHG_E,t", "no burning planned"), **kw)
    lk = eq.leakage(agricultural_displacement=yearly_zero(
        plan, "LK_AGRIC,t", "no displacement of agriculture planned"), **kw)
    net = eq.net_anthropogenic_removals(actual=actual, baseline=bsl, leakage=lk, **kw)
    return ExAnteRemovals(plan.years, trees, bsl, actual, lk, net)
