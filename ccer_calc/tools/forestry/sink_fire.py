"""GHG_E,t on the period axis: AR-TOOL08 v04.0.0 applied to a sink project's fires.

Shared by the A/R CDM plug-ins (their eq. 2 subtracts it from the change in carbon stocks).
Each fire falls on the element of the period axis that holds its date, whole: the tool gives
the emissions of year t, the axis is split at calendar years, and a fire is an event of one
day, so its emissions belong to the monitoring period and the vintage of that day (nothing is
spread over days). Ex ante the axis is the crediting period's calendar years and the planned
burns fall on their year.

The tool's equations are evaluated once each, on the whole axis: the areas enter as a matrix of
one row per element of the axis and one column per row of the project's table (A_SPF,i,t,
A_FMF,t, A_BURN,i,t: zero but in the element of the fire's date), so the sums over strata of
eq. (3), (7) and (8) run over the columns. Rows whose incidence is not accounted (para. 3),
site preparation under eq. (2), and forest fires of the first verification period (paras.
12-13) are left out; the named checks of :mod:`.sink_event_checks` say which and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.errors import InputError
from ccer_calc.parameters import Origin, Value
from ccer_calc.tools.forestry.sink import FORESTRY_PACKAGE, no_burning, zero_on_axis
from ccer_calc.tools.forestry.sink_events import (
    SinkEvents,
    accounted_rows,
    first_period,
)
from ccer_calc.tools.forestry.tool08_burning import (
    harvest_residue_burning_emissions,
    harvested_biomass,
    non_co2_emissions,
    site_preparation_burning_emissions,
    site_preparation_zero,
)
from ccer_calc.tools.forestry.tool08_forest_fire import (
    fire_factors,
    forest_fire_dom_emissions,
    forest_fire_emissions,
    forest_fire_tree_emissions,
)
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ccer_calc.methodology import Context

__all__ = ["FIRE_EQUATIONS", "FireSettings", "element_of", "non_co2_on_axis"]

Arr = np.ndarray[Any, np.dtype[Any]]

#: The AR-TOOL08 equations this module may evaluate (a plug-in lists them).
FIRE_EQUATIONS = (site_preparation_burning_emissions, harvested_biomass,
                  harvest_residue_burning_emissions, forest_fire_tree_emissions,
                  forest_fire_dom_emissions, forest_fire_emissions)


@dataclass(frozen=True, kw_only=True)
class FireSettings:
    """The parameter values AR-TOOL08 applies, and what the project states about its area.

    The values of eq. (3)-(5) may be left out (None) by a plug-in under which no burning for
    site preparation or of harvest residue is ever computed (the CCER ban on man-made burning,
    :mod:`.sink_gas_flags`); a forest fire needs only the GWPs and the pools (eq. 6-8).
    """

    gwp_ch4: Value
    gwp_n2o: Value
    project_area: float
    minimum_area: float
    pools: tuple[str, ...]
    carbon_fraction_tree: Value | None = None
    carbon_fraction_shrub: Value | None = None
    shrub_biomass_ratio: Value | None = None
    forest_biomass: Value | None = None
    biomass_expansion_factor: Value | None = None
    residue_fraction: dict[str, Value] | None = None


def _given(value: Any, what: str) -> Any:  # noqa: ANN401 - a Value or the f_BL mapping
    """A value of eq. (3)-(5), which a plug-in computing burning must give."""
    if value is None:  # pragma: no cover - a plug-in that computes burning gives it
        msg = f"{what} is needed to compute burning (AR-TOOL08 eq. 3-5)"
        raise TypeError(msg)
    return value


def element_of(ctx: Context, dates: Sequence[Any], fields: Sequence[str]) -> Arr:
    """Index of the element of the period axis holding each date.

    Raises
    ------
    InputError
        Naming the field of a date outside the axis (load-time checks refuse it first).
    """
    seg = ctx.segments
    days = np.array(dates, dtype="datetime64[D]")
    k = np.searchsorted(seg.start, days, side="right") - 1
    inside = (k >= 0) & (days <= seg.end[np.clip(k, 0, None)])
    if not np.all(inside):
        j = int(np.flatnonzero(~inside)[0])
        raise InputError("the event is dated outside the period axis", field=fields[j],
                         value=str(dates[j]), expected=f"a date from {seg.start[0]} to "
                                                        f"{seg.end[-1]}")
    return k


def _matrix(ctx: Context, events: SinkEvents, table: str, rows: Sequence[int],
            values: Sequence[float]) -> Arr:
    """One row per element of the axis, one column per table row: the value on its date."""
    all_rows = events.rows(table)
    at = element_of(ctx, [all_rows[j].date for j in rows],
                    [events.field(table, j, "date") for j in rows])
    out = np.zeros((ctx.segments.row.shape[0], len(rows)))
    out[at, np.arange(len(rows))] = values
    return out


def _labels(events: SinkEvents, table: str, rows: Sequence[int]) -> str:
    all_rows = events.rows(table)
    return ", ".join(f"{all_rows[j].id}/{getattr(all_rows[j], 'stratum', '')}".rstrip("/")
                     for j in rows)


def _areas(ctx: Context, events: SinkEvents, table: str, rows: Sequence[int],
           symbol: str) -> Value:
    all_rows = events.rows(table)
    return Value(symbol, Quantity(_matrix(ctx, events, table, rows, [
        float(all_rows[j].area.m_as("ha")) for j in rows]), "ha"), events.origin(True),
        f"{events.where}.{table} area, one column per row ({_labels(events, table, rows)}), "
        "on the element of the period axis holding its date")


def _column(events: SinkEvents, table: str, rows: Sequence[int], name: str, *, symbol: str,
            unit: str) -> Value:
    all_rows = events.rows(table)
    return Value(symbol, Quantity([float(getattr(all_rows[j], name).m_as(unit)) for j in rows],
                                  unit), events.origin(False),
                 f"{events.where}.{table} {name} ({_labels(events, table, rows)})")


def _site_preparation(ctx: Context, events: SinkEvents, s: FireSettings,
                      accounted: Arr) -> Value:
    table = "site_preparation_burns"
    rows = [k for k, r in enumerate(events.site_preparation_burns) if accounted[k]
            and not site_preparation_zero(slash_and_burn_common=r.slash_and_burn_common,
                                          fire_in_last_10_years=r.fire_in_last_10_years).applies]
    if not rows:
        return zero_on_axis(ctx, "GHG_SPF,t", "AR-TOOL08 v04.0.0 para. 3 and eq. (2): no fire "
                            "for site preparation accounted (checks fire_area_threshold, "
                            "site_preparation_slash_and_burn)")
    return site_preparation_burning_emissions(
        burnt_area=_areas(ctx, events, table, rows, "A_SPF,i,t"),
        carbon_fraction_tree=_given(s.carbon_fraction_tree, "CF_TREE"),
        tree_biomass=_column(events, table, rows, "tree_biomass", symbol="b_TREE,i,t", unit="t/ha"),
        carbon_fraction_shrub=_given(s.carbon_fraction_shrub, "CF_SHRUB"),
        shrub_biomass_ratio=_given(s.shrub_biomass_ratio, "BDR_SF"),
        forest_biomass=_given(s.forest_biomass, "B_FOREST"),
        shrub_crown_cover=_column(events, table, rows, "shrub_crown_cover",
                                  symbol="CC_SHRUB,i,t", unit=""), trail=ctx.trail)


def _residue(ctx: Context, events: SinkEvents, s: FireSettings, accounted: Arr) -> Value:
    table = "residue_burns"
    burns = events.residue_burns
    rows = [k for k in range(len(burns)) if accounted[k]]
    if not rows:
        return zero_on_axis(ctx, "GHG_FMF,t", "AR-TOOL08 v04.0.0 para. 3: no fire to clear "
                            "harvest residue accounted (check fire_area_threshold)")
    residue_fraction = _given(s.residue_fraction, "f_BL")
    if burns[rows[0]].harvested_biomass is not None:
        harvest = Value("B_HARVEST,t", Quantity(_matrix(ctx, events, table, rows, [
            float(burns[j].harvested_biomass.m_as("t")) for j in rows]), "t"),  # type: ignore[union-attr]
            events.origin(True), f"{events.where}.{table} harvested_biomass, one column per "
                                   f"row ({_labels(events, table, rows)}), on its date")
    else:
        bef = _given(s.biomass_expansion_factor, "BEF_2")
        harvest = harvested_biomass(forest_biomass=_given(s.forest_biomass, "B_FOREST"),
                                    biomass_expansion_factor=bef,
                                    burnt_area=_areas(ctx, events, table, rows, "A_FMF,t"),
                                    trail=ctx.trail)
    zones = [burns[j].forest_zone for j in rows]
    fraction = Value("f_BL", Quantity([float(residue_fraction[z].quantity.m_as(""))
                                       for z in zones], ""), residue_fraction[zones[0]].origin,
                     "; ".join(dict.fromkeys(f"{z}: {residue_fraction[z].ref}"
                                             for z in zones)))
    return harvest_residue_burning_emissions(harvested_biomass=harvest,
                                             residue_fraction=fraction,
                                             carbon_fraction=_given(s.carbon_fraction_tree,
                                                                    "CF_TREE"),
                                             trail=ctx.trail)


def _factors(events: SinkEvents, rows: Sequence[int]) -> tuple[Value, Value, Value]:
    """COMF_i, EF_CH4,i, EF_N2O,i per row: the project's, or section III's defaults."""
    fires = events.forest_fires
    got: list[tuple[float, float, float, str]] = []
    for j in rows:
        r = fires[j]
        if r.combustion_factor is not None:
            got.append((r.combustion_factor,
                        float(r.ef_ch4.m_as("g CH4/kg")),  # type: ignore[union-attr]
                        float(r.ef_n2o.m_as("g N2O/kg")),  # type: ignore[union-attr]
                        f"{r.id}/{r.stratum}: {r.factor_source}"))
            continue
        assert r.forest_type is not None  # noqa: S101 - check_events requires it
        age = 0.0 if r.mean_age is None else float(r.mean_age.m_as("yr"))
        comf, ch4, n2o = fire_factors(r.forest_type, age)
        use_table("ar_tool08_fire_factors.csv", FORESTRY_PACKAGE)
        got.append((float(comf.quantity.m_as("")), float(ch4.quantity.m_as("g CH4/kg")),
                    float(n2o.quantity.m_as("g N2O/kg")), f"{r.id}/{r.stratum}: {comf.ref}"))
    own = any(fires[j].combustion_factor is not None for j in rows)
    origin: Origin = events.origin(False) if own else "default"
    ref = "; ".join(g[3] for g in got)
    return (Value("COMF_i", Quantity([g[0] for g in got], ""), origin, ref),
            Value("EF_CH4,i", Quantity([g[1] for g in got], "g CH4/kg"), origin, ref),
            Value("EF_N2O,i", Quantity([g[2] for g in got], "g N2O/kg"), origin, ref))


def _pool_column(events: SinkEvents, rows: Sequence[int], pool: str, pools: tuple[str, ...],
                 symbol: str) -> Value:
    if pool in pools:
        return _column(events, "forest_fires", rows, pool, symbol=symbol, unit="t CO2/ha")
    return Value(symbol, Quantity(np.zeros(len(rows)), "t CO2/ha"), "fixed",
                 f"AR-TOOL08 v04.0.0 para. 13: {pool.replace('_', ' ')} not accounted, its "
                 "stock is considered zero")


def _forest_fire(ctx: Context, events: SinkEvents, s: FireSettings, accounted: Arr) -> Value:
    table = "forest_fires"
    fires = events.forest_fires
    later = [k for k, r in enumerate(fires) if accounted[k] and not first_period(events, r)]
    kw: dict[str, Any] = {"trail": ctx.trail}
    trees = [k for k in later if fires[k].trees_burnt]
    if trees:
        comf, ch4, n2o = _factors(events, trees)
        tree = forest_fire_tree_emissions(
            burnt_area=_areas(ctx, events, table, trees, "A_BURN,i,t"),
            tree_biomass=_column(events, table, trees, "tree_biomass", symbol="b_TREE,i,tL",
                                unit="t/ha"),
            combustion_factor=comf, ef_ch4=ch4, gwp_ch4=s.gwp_ch4, ef_n2o=n2o,
            gwp_n2o=s.gwp_n2o, **kw)
    else:
        tree = zero_on_axis(ctx, "GHG_FF_TREE,t", "AR-TOOL08 v04.0.0 paras. 3, 4(a), 12: no "
                            "living trees burnt in an accounted fire after the first "
                            "verification (checks fire_area_threshold, forest_fire_zero)")
    dom_pools = tuple(p for p in ("dead_wood", "litter") if p in s.pools)
    if later and dom_pools:
        dom = forest_fire_dom_emissions(
            burnt_area=_areas(ctx, events, table, later, "A_BURN,i,t"),
            dead_wood_per_ha=_pool_column(events, later, "dead_wood", s.pools, "C_DW,i,tL"),
            litter_per_ha=_pool_column(events, later, "litter", s.pools, "C_LI,i,tL"), **kw)
    else:
        dom = zero_on_axis(ctx, "GHG_FF_DOM,t", "AR-TOOL08 v04.0.0 paras. 3, 13: no accounted "
                           "fire after the first verification, or dead organic matter not "
                           "accounted (checks fire_area_threshold, forest_fire_zero)")
    return forest_fire_emissions(tree_emissions=tree, dom_emissions=dom, **kw)


def non_co2_on_axis(ctx: Context, events: SinkEvents, settings: FireSettings) -> Value:
    """GHG_E,t of AR-TOOL08 eq. (1) on the period axis, from eq. (2)-(8).

    Where the project lists no fire, the three terms are zero as it states (as before).
    """
    if not events.has_fire:
        return no_burning(ctx)
    use_table("ar_tool_defaults.csv", FORESTRY_PACKAGE)
    accounted = accounted_rows(events, settings.project_area, settings.minimum_area)
    return non_co2_emissions(
        site_preparation=_site_preparation(ctx, events, settings,
                                           accounted["site_preparation_burns"]),
        harvest_residue=_residue(ctx, events, settings, accounted["residue_burns"]),
        forest_fire=_forest_fire(ctx, events, settings, accounted["forest_fires"]),
        trail=ctx.trail)
