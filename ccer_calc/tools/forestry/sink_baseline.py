"""The baseline's pools and the SOC of the land meeting AR-TOOL16, on the period axis.

Shared by the A/R plug-ins (their own equations then sum the pools):

* baseline trees and shrubs: zero where an indicator of AR-TOOL14 v04.2 para. 12 is
  demonstrated; otherwise trees by proportionate crown cover, eq. (10) per baseline stratum,
  (9) over the strata, with the default increment zero after the steady-state year (para. 25),
  shrubs zero under para. 60 (crown cover below 5 %); dead wood and litter, where accounted,
  by the AR-TOOL12 default factors applied to the baseline tree change (eq. 9 and 15 are
  linear in the tree stock, so they carry over to its change);
* SOC by AR-TOOL16 v01.1.0 eq. (1)-(8), stratum by stratum (instance: the stratum);
* :func:`duration`: the share of its calendar year each element of the period axis covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.linear_change import (
    baseline_tree_change_in_days,
    soc_change_in_days,
)
from ccer_calc.tools.forestry.sink import FORESTRY_PACKAGE, zero_on_axis
from ccer_calc.tools.forestry.sink_inputs import PARA12_INDICATORS
from ccer_calc.tools.forestry.tool12_litter import litter_default_factor
from ccer_calc.tools.forestry.tool12_stocks import dead_wood_default_factor, default_fractions
from ccer_calc.tools.forestry.tool14_crown import (
    baseline_tree_carbon_change,
    baseline_tree_carbon_change_stratum,
    forest_increment_in_year,
    proportionate_crown_cover_applies,
)
from ccer_calc.tools.forestry.tool14_zero import baseline_change_is_zero
from ccer_calc.tools.forestry.tool16_soc import (
    capped_soc_rate,
    initial_soc,
    soc_loss,
    soc_rate_in_year,
    soc_rate_preparation_year,
    soc_rate_recovery,
)
from ccer_calc.tools.forestry.tool16_tables import (
    soc_reference,
    soc_tool_applicable,
    stock_change_factor,
)
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from ccer_calc.methodology import Context
    from ccer_calc.tools.forestry.sink_inputs import BaselineIn, ClimateIn, SocIn

__all__ = ["BaselinePools", "BaselineSettings", "baseline_pools", "duration",
           "tool16_soc_change"]



@dataclass(frozen=True)
class BaselineSettings:
    """Parameter values of the crown cover method (unused where the baseline is zero)."""

    carbon_fraction_tree: Value
    root_shoot_ratio_tree: Value
    forest_biomass_increment: Value | None
    steady_state_year: Value


@dataclass(frozen=True)
class BaselinePools:
    """Baseline changes of trees, shrubs, dead wood and litter on the period axis [t CO2]."""

    trees: Value
    shrubs: Value
    dead_wood: Value
    litter: Value


def duration(ctx: Context) -> Value:
    """Δt: each element's days as a share of its calendar year [yr]."""
    seg = ctx.segments
    days = (seg.end - seg.start).astype(np.int64) + 1
    y = seg.year
    year_days = np.where((y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0)), 366, 365)
    return Value("Δt", Quantity(days / year_days, "yr"), "computed",
                 "days of each element over the days of its calendar year")


def _crown_cover_trees(ctx: Context, b: BaselineIn, s: BaselineSettings,
                       start_year: int) -> Value:
    threshold = float(b.forest_crown_cover_threshold.m_as(""))  # type: ignore[union-attr]
    cover = [float(x.crown_cover.m_as("")) for x in b.strata]
    area = [float(x.area.m_as("ha")) for x in b.strata]
    check = proportionate_crown_cover_applies(cover, area, threshold)
    if not check.applies:
        raise InputError(f"the proportionate crown cover method does not apply ({check.rule}): "
                         f"{check.reason}", field="inputs.baseline",
                         expected="method zero with a para. 12 indicator, or a baseline whose "
                                  "crown cover is below 20 % of the forest threshold")
    if s.forest_biomass_increment is None:  # pragma: no cover - the plug-in asks for it first
        msg = "Δb_FOREST is needed for the crown cover method"
        raise TypeError(msg)
    years = Value("t", Quantity(ctx.years - start_year + 1, "yr"), "computed",
                  f"project year: calendar year minus {start_year} (start of the project) "
                  "plus 1")
    increment = forest_increment_in_year(
        forest_biomass_increment=s.forest_biomass_increment, project_year=years,
        steady_state_year=s.steady_state_year, trail=ctx.trail)
    per_stratum = [baseline_tree_carbon_change_stratum(
        carbon_fraction=s.carbon_fraction_tree, forest_biomass_increment=increment,
        root_shoot_ratio=s.root_shoot_ratio_tree,
        crown_cover=Value("CC_TREE_BSL,i", x.crown_cover, "project",
                          f"inputs.baseline.strata {x.id}"),
        stratum_area=Value("A_i", x.area, "project", f"inputs.baseline.strata {x.id}"),
        trail=ctx.trail, instance=x.id) for x in b.strata]
    stacked = Value("ΔC_TREE_BSL,i", Quantity(np.stack(
        [np.asarray(v.quantity.m_as("t CO2/yr")) for v in per_stratum], axis=-1), "t CO2/yr"),
        "computed", "AR-TOOL14 (10) of each baseline stratum")
    annual = baseline_tree_carbon_change(stratum_change=stacked, trail=ctx.trail)
    return baseline_tree_change_in_days(annual_change=annual, duration=duration(ctx),
                                        trail=ctx.trail)


def baseline_pools(ctx: Context, baseline: BaselineIn, settings: BaselineSettings, *,
                   pools: tuple[str, ...], climate: ClimateIn | None,
                   start_year: int) -> BaselinePools:
    """The baseline changes on the period axis; zero ones carry the rule that makes them so.

    Raises
    ------
    InputError
        If the crown cover method is chosen where it does not apply (para. 24).
    """
    if baseline.method == "zero":
        check = baseline_change_is_zero(
            {PARA12_INDICATORS[name]: True for name in baseline.indicators})
        why = f"{check.rule}: {check.reason}"
        zero = {k: zero_on_axis(ctx, sym, why) for k, sym in (
            ("trees", "ΔC_TREE_BSL,t"), ("shrubs", "ΔC_SHRUB_BSL,t"))}
        dom = {p: zero_on_axis(ctx, sym, f"{why}; no baseline tree change, so none in "
                                         f"{p.replace('_', ' ')}" if p in pools else
                               f"{p.replace('_', ' ')} not accounted (optional pool not "
                               "selected)")
               for p, sym in (("dead_wood", "ΔC_DW_BSL,t"), ("litter", "ΔC_LI_BSL,t"))}
        return BaselinePools(zero["trees"], zero["shrubs"], dom["dead_wood"], dom["litter"])
    trees = _crown_cover_trees(ctx, baseline, settings, start_year)
    shrubs = zero_on_axis(ctx, "ΔC_SHRUB_BSL,t", "AR-TOOL14 v04.2 para. 60: baseline shrub "
                                                 "crown cover below 5 per cent, as the project "
                                                 "states: zero shrub biomass")
    dom = {}
    for pool, symbol in (("dead_wood", "ΔC_DW_BSL,t"), ("litter", "ΔC_LI_BSL,t")):
        if pool not in pools or climate is None:
            dom[pool] = zero_on_axis(ctx, symbol, f"{pool.replace('_', ' ')} not accounted "
                                                  "(optional pool not selected)")
            continue
        dw, li = default_fractions(climate.biome, float(climate.elevation.m_as("m")),
                                   float(climate.precipitation.m_as("mm/yr")))
        use_table("ar_tool12_default_fractions.csv", FORESTRY_PACKAGE)
        equation = dead_wood_default_factor if pool == "dead_wood" else litter_default_factor
        tree_change = Value("ΔC_TREE_BSL,t", trees.quantity, "computed",
                            "AR-TOOL14 (9) by days: the default factor applied to the "
                            "baseline tree change (the equation is linear in the stock)")
        dom[pool] = equation(tree_carbon=tree_change, default_factor=dw if pool == "dead_wood"
                             else li, trail=ctx.trail, instance="baseline")
    return BaselinePools(trees, shrubs, dom["dead_wood"], dom["litter"])


def _soc_stratum_inputs(soc: SocIn, k: int) -> tuple[Value, dict[str, Value]]:
    """SOC_REF and f_LU, f_MG, f_IN of one stratum from Tables 3-6, after the para. 3 check."""
    st = soc.strata[k]
    check = soc_tool_applicable(
        wetland=soc.wetland, organic_soils=soc.organic_soils, land=st.land,
        climate_region=soc.climate_region, land_use=st.land_use, management=st.management,
        inputs=st.inputs, litter_remains=soc.litter_remains,
        disturbance_conforms=soc.disturbance_conforms)
    if not check.applies:
        raise InputError(f"AR-TOOL16 does not apply to SOC stratum {st.stratum}: {check.reason}",
                         field=f"inputs.soc.strata[{k}]",
                         expected="only strata meeting AR-TOOL16 para. 3 in inputs.soc")
    factors = {f: stock_change_factor(st.land, f, level, temperature=soc.temperature,
                                      moisture=soc.moisture)
               for f, level in (("f_LU", st.land_use), ("f_MG", st.management),
                                ("f_IN", st.inputs))}
    return soc_reference(soc.climate_region, st.soil), factors


def _stack(values: list[Value], symbol: str, unit: str) -> Value:
    """Per-stratum look-ups as one vector, keeping each one's source."""
    refs = "; ".join(dict.fromkeys(v.ref for v in values))
    return Value(symbol, Quantity([float(v.quantity.m_as(unit)) for v in values], unit),
                 values[0].origin, refs)


def tool16_soc_change(ctx: Context, soc: SocIn, cap: Value) -> Value:
    """ΔSOC_AL on the period axis: AR-TOOL16 eq. (1)-(7) over the SOC strata, (8) by days.

    Raises
    ------
    InputError
        If a listed stratum does not meet the tool's applicability conditions (para. 3).
    """
    for name in ("ar_tool16_soc_reference.csv", "ar_tool16_stock_change_factors.csv",
                 "ar_tool16_not_applicable.csv"):
        use_table(name, FORESTRY_PACKAGE)
    looked_up = [_soc_stratum_inputs(soc, k) for k in range(len(soc.strata))]
    ref = _stack([r for r, _ in looked_up], "SOC_REF,i", "t C/ha")
    f = {k: _stack([fs[k] for _, fs in looked_up], k, "") for k in ("f_LU", "f_MG", "f_IN")}
    kw: dict[str, Any] = {"trail": ctx.trail}
    start = initial_soc(soc_reference=ref, land_use_factor=f["f_LU"],
                        management_factor=f["f_MG"], input_factor=f["f_IN"], **kw)
    loss = soc_loss(initial_soc=start, disturbed_share=Value(
        "disturbed share", Quantity([float(st.disturbed_share.m_as("")) for st in soc.strata],
                                    ""), "project", "inputs.soc.strata disturbed_share"), **kw)
    prep = soc_rate_preparation_year(soc_loss=loss, **kw)
    recovery = capped_soc_rate(rate=soc_rate_recovery(soc_reference=ref, initial_soc=start,
                                                      soc_loss=loss, **kw), cap=cap, **kw)
    rate = soc_rate_in_year(
        year=Value("t", Quantity(ctx.years, ""), "computed", "calendar year of each element"),
        preparation_year=Value("t_PREP,i", Quantity([st.preparation_year
                                                     for st in soc.strata], ""),
                               "project", "inputs.soc.strata preparation_year"),
        preparation_rate=prep, recovery_rate=recovery, **kw)
    area = Value("A_i", Quantity([float(st.area.m_as("ha")) for st in soc.strata], "ha"),
                 "project", "inputs.soc.strata area")
    return soc_change_in_days(stratum_area=area, soc_rate=rate, duration=duration(ctx), **kw)
