"""Ex-ante removals of CCER-14-001-V01 (PROVISIONAL) for the PDD: a plan through prov. (1)-(5).

Trees grow along the plan's growth curves (AR-TOOL14 v04.2 section 8.2, eq. 12 and 11, see
:mod:`ccer_calc.tools.forestry.sink_exante`); ex-ante project shrub changes are zero (AR-TOOL14
para. 13); dead wood, litter and SOC are not projected (their accounting is optional and
conservative to omit ex ante); baseline net removals are the plan's constant annual figure
(zero where an indicator of AR-TOOL14 para. 12 applies); no burning and no displacement are
assumed. Not subject to uncertainty control (AR-TOOL14 para. 48).
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
from methodologies.ccer_14_001_v01 import equations as eq

__all__ = ["ex_ante_removals"]


def ex_ante_removals(plan: ExAntePlan, *, carbon_fraction: Value | pint.Quantity,
                     trail: Trail | None = None) -> ExAnteRemovals:
    """Baseline, actual, leakage and net removals of each year of the plan [t CO2e].

    Examples
    --------
    One cohort of 100 ha planted in 2025, A = 200 t/ha, k = 0.1/yr, c = 2, CF 0.47: the
    stock in 2026 is 44/12 × 0.47 × 100 × 200 × (1 − e^−0.1)² = 312.13 t CO2e, all of it
    removed in 2026 (the stock is zero in the planting year):

    >>> from ccer_calc.units import Quantity
    >>> from ccer_calc.tools.forestry.sink_exante import ExAntePlan, PlantingCohort
    >>> plan = ExAntePlan((PlantingCohort(2025, Quantity(100, "ha"), "S1",
    ...     Quantity(200, "t/ha"), Quantity(0.1, "1/yr"), 2.0),), (2025, 2026))
    >>> r = ex_ante_removals(plan, carbon_fraction=Quantity(0.47, "t C/t"))
    >>> [round(row["net"], 2) for row in r.by_year()]
    [0.0, 312.13]
    """
    kw: dict[str, Any] = {"trail": trail, "instance": "ex-ante"}
    trees = ex_ante_tree_change(plan, carbon_fraction, trail=trail)
    zero_shrubs = yearly_zero(plan, "ΔC_SHRUB_PROJ,t", "AR-TOOL14 v04.2 para. 13: ex-ante "
                                                       "project shrub change taken as zero")
    not_projected = yearly_zero(plan, "0", "not projected ex ante (optional pool)")
    annual = np.full(len(plan.years), float(plan.baseline_removals.m_as("t CO2e/yr")))
    baseline_trees = Value("ΔC_TREE_BSL,t", Quantity(annual, "t CO2e"), "project",
                           "the plan's baseline net removals per year")
    bsl = eq.baseline_net_removals(trees=baseline_trees, shrubs=yearly_zero(
        plan, "ΔC_SHRUB_BSL,t", "in the plan's baseline figure"), dead_wood=not_projected,
        litter=not_projected, **kw)
    change = eq.project_stock_change(trees=trees, shrubs=zero_shrubs, dead_wood=not_projected,
                                     litter=not_projected, soil_carbon=not_projected, **kw)
    actual = eq.actual_net_removals(project_change=change, non_co2=yearly_zero(
        plan, "GHG_E,t", "no burning planned"), **kw)
    lk = eq.leakage(agricultural_displacement=yearly_zero(
        plan, "LK_AGRIC,t", "no displacement of agriculture planned"), **kw)
    net = eq.net_anthropogenic_removals(actual=actual, baseline=bsl, leakage=lk, **kw)
    return ExAnteRemovals(plan.years, trees, bsl, actual, lk, net)
