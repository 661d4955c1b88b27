"""The project's carbon pools on the period axis, from stock estimates at successive dates.

Shared by the A/R plug-ins, which then apply their own equations (the methodology's numbers)
to what this module returns. For every estimate (instance label: its date):

* trees: AR-TOOL14 v04.2 App. 1 and eq. (12)-(17) through :func:`.tool14_stock.tree_stock`
  (the per-tree and per-plot steps are not recorded in the trail; the plot values are the
  inputs of eq. 16-17), or a zero stock at the start under para. 11;
* shrubs: eq. (27) and (26) from the shrub strata measured with it;
* dead wood and litter (when accounted): AR-TOOL12 eq. (9) and (15), the default-factor
  method, from the tree stock.

For every interval between estimates (instance label: ``first day..last day``): the change in
tree carbon by eq. (1), its uncertainty by eq. (2) and, above 10 %, the Appendix 2 discount
(para. 18); the previous stock always enters undiscounted. Each change is then spread over the
days of the interval (:mod:`.linear_change`), giving one value per element of the period axis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.linear_change import (
    dead_wood_change_in_days,
    litter_change_in_days,
    shrub_change_in_days,
    tree_change_in_days,
)
from ccer_calc.tools.forestry.tool08_burning import non_co2_emissions
from ccer_calc.tools.forestry.tool12_litter import litter_default_factor
from ccer_calc.tools.forestry.tool12_stocks import dead_wood_default_factor, default_fractions
from ccer_calc.tools.forestry.tool14_change import (
    carbon_stock_change,
    change_uncertainty_two_stocks,
)
from ccer_calc.tools.forestry.tool14_discount import conservative_project_value
from ccer_calc.tools.forestry.tool14_shrubs import shrub_biomass_per_hectare, shrub_carbon_stock
from ccer_calc.tools.forestry.tool14_stock import TreeStock, tree_stock
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from collections.abc import Callable

    import pint

    from ccer_calc.equation import Equation
    from ccer_calc.methodology import Context
    from ccer_calc.tools.forestry.sink_data import SinkData
    from ccer_calc.tools.forestry.sink_inputs import ClimateIn

__all__ = [
    "FORESTRY_PACKAGE",
    "ProjectPools",
    "SinkSettings",
    "counted_sum",
    "day_fraction",
    "interval_labels",
    "no_burning",
    "on_axis",
    "per_period",
    "project_pools",
    "refuse_forest_fire",
    "zero_on_axis",
]

Arr = np.ndarray[Any, np.dtype[Any]]
_ONE_DAY = dt.timedelta(days=1)
#: The package of the A/R tools' bundled tables.
FORESTRY_PACKAGE = "ccer_calc.tools.data.forestry"


@dataclass(frozen=True)
class SinkSettings:
    """The parameter values the project side applies (defaults or the project's overrides)."""

    carbon_fraction_tree: Value
    confidence_level: Value
    carbon_fraction_shrub: Value
    root_shoot_ratio_shrub: Value
    shrub_biomass_ratio: Value
    forest_biomass: Value | None


@dataclass(frozen=True)
class ProjectPools:
    """Changes of the project's pools on the period axis [t CO2], and the stocks behind them."""

    trees: Value
    shrubs: Value
    dead_wood: Value
    litter: Value
    stocks: tuple[Value, ...]
    uncertainties: tuple[Value, ...]
    change_uncertainties: tuple[Value, ...]
    conservative_changes: tuple[Value, ...]


def interval_labels(data: SinkData) -> list[str]:
    """``first day..last day`` of each interval between successive estimates."""
    return [f"{(a.date + _ONE_DAY).isoformat()}..{b.date.isoformat()}"
            for a, b in zip(data.estimates[:-1], data.estimates[1:], strict=True)]


def on_axis(ctx: Context, per_interval: Arr, symbol: str, unit: str, ref: str) -> Value:
    """A value per interval between estimates, repeated for each element of the period axis."""
    return Value(symbol, Quantity(np.asarray(per_interval, dtype=np.float64)[ctx.segments.row],
                                  unit), "computed", ref)


def day_fraction(ctx: Context) -> Value:
    """d_t / D: each element's days over the days of the interval it lies in."""
    return Value("d_t/D", Quantity(ctx.segments.fraction, ""), "computed",
                 "days of each element over the days between the estimates enclosing it")


def zero_on_axis(ctx: Context, symbol: str, ref: str) -> Value:
    """Zero on the period axis, as a fixed value with the rule that makes it zero."""
    return Value(symbol, Quantity(np.zeros(ctx.segments.row.shape), "t CO2"), "fixed", ref)


def _tree_stocks(ctx: Context, data: SinkData, s: SinkSettings) -> list[TreeStock | None]:
    out: list[TreeStock | None] = []
    for e in data.estimates:
        if e.inventory is None:
            out.append(None)
            continue
        out.append(tree_stock(e.inventory, data.species, data.models, scenario="project",
                              carbon_fraction=s.carbon_fraction_tree,
                              confidence=s.confidence_level, trail=ctx.trail,
                              instance=e.label, record_plots=False))
    return out


def _zero_stock(data: SinkData) -> tuple[Value, Value]:
    rule = data.zero_start.reason if data.zero_start is not None else ""
    ref = f"AR-TOOL14 v04.2 para. 11: {rule}"
    return (Value("C_TREE,t0", Quantity(0.0, "t CO2"), "fixed", ref),
            Value("u_t0", Quantity(0.0, ""), "fixed", ref))


def _tree_changes(ctx: Context, data: SinkData, stocks: list[TreeStock | None],
                  deduction: Callable[[Value, Value, Value, str], Value] | None
                  ) -> tuple[list[Value], list[Value], list[Value], list[Value]]:
    carbon, unc = [], []
    for st in stocks:
        c, u = _zero_stock(data) if st is None else (st.carbon_stock, st.uncertainty)
        carbon.append(c)
        unc.append(u)
    uncertainties, conservative = [], []
    for k, label in enumerate(interval_labels(data)):
        kw: dict[str, Any] = {"trail": ctx.trail, "instance": label}
        change = carbon_stock_change(stock_t2=carbon[k + 1], stock_t1=carbon[k], **kw)
        if float(change.quantity.m_as("t CO2")) == 0.0:
            u = Value("u_ΔC", Quantity(0.0, ""), "fixed", "no change between the estimates")
        else:
            u = change_uncertainty_two_stocks(stock_t1=carbon[k], uncertainty_t1=unc[k],
                                              stock_t2=carbon[k + 1],
                                              uncertainty_t2=unc[k + 1], **kw)
        uncertainties.append(u)
        cons = conservative_project_value(estimate=change, uncertainty=u, **kw)
        conservative.append(cons if deduction is None else deduction(change, u, cons, label))
    return carbon, unc, uncertainties, conservative


def _shrub_stocks(ctx: Context, data: SinkData, s: SinkSettings) -> list[Value]:
    out = []
    for e in data.estimates:
        shrubs = e.shrubs
        assert shrubs is not None  # noqa: S101 - has_shrubs was checked
        kw: dict[str, Any] = {"trail": ctx.trail, "instance": e.label}
        if s.forest_biomass is None:  # pragma: no cover - the plug-in asks for it first
            msg = "b_FOREST is needed for shrubs"
            raise TypeError(msg)
        b = shrub_biomass_per_hectare(
            shrub_biomass_ratio=s.shrub_biomass_ratio, forest_biomass=s.forest_biomass,
            shrub_crown_cover=Value("CC_SHRUB,i", shrubs.cover, "monitored", shrubs.source),
            **kw)
        out.append(shrub_carbon_stock(
            carbon_fraction=s.carbon_fraction_shrub, root_shoot_ratio=s.root_shoot_ratio_shrub,
            shrub_stratum_area=Value("A_SHRUB,i", shrubs.area, "monitored", shrubs.source),
            shrub_biomass=b, **kw))
    return out


def _between(ctx: Context, stocks: list[Value], symbol: str) -> tuple[Value, Value]:
    """(stock at the end, stock at the start) of each element's interval, on the axis."""
    mags = np.array([float(v.quantity.m_as("t CO2")) for v in stocks])
    refs = "estimate enclosing each element"
    return (on_axis(ctx, mags[1:], f"{symbol},t2", "t CO2", f"{symbol} at the later {refs}"),
            on_axis(ctx, mags[:-1], f"{symbol},t1", "t CO2", f"{symbol} at the earlier {refs}"))


def _dead_organic_matter(ctx: Context, data: SinkData, carbon: list[Value],
                         climate: ClimateIn, pool: str) -> Value:
    dw, li = default_fractions(climate.biome, float(climate.elevation.m_as("m")),
                               float(climate.precipitation.m_as("mm/yr")))
    use_table("ar_tool12_default_fractions.csv", FORESTRY_PACKAGE)
    factor, equation = (dw, dead_wood_default_factor) if pool == "dead_wood" else (
        li, litter_default_factor)
    stocks = [equation(tree_carbon=c, default_factor=factor, trail=ctx.trail,
                       instance=e.label) for c, e in zip(carbon, data.estimates, strict=True)]
    symbol = "C_DW" if pool == "dead_wood" else "C_LI"
    t2, t1 = _between(ctx, stocks, symbol)
    spread = dead_wood_change_in_days if pool == "dead_wood" else litter_change_in_days
    return spread(stock_t2=t2, stock_t1=t1, day_fraction=day_fraction(ctx), trail=ctx.trail)


def project_pools(ctx: Context, data: SinkData, settings: SinkSettings, *,
                  pools: tuple[str, ...], climate: ClimateIn | None,
                  deduction: Callable[[Value, Value, Value, str], Value] | None = None
                  ) -> ProjectPools:
    """The changes of trees, shrubs, dead wood and litter on the period axis.

    ``pools`` are the optional pools the project accounts (``dead_wood``, ``litter``); the
    others are zero, with the reason in their provenance. ``deduction``, when given, turns each
    interval's Appendix 2 value into the change used (a provisional plug-in's own equation).
    """
    for table in ("ar_tool_defaults.csv", *data.tables):
        use_table(table, FORESTRY_PACKAGE)
    stocks = _tree_stocks(ctx, data, settings)
    carbon, unc, change_unc, conservative = _tree_changes(ctx, data, stocks, deduction)
    trees = tree_change_in_days(
        interval_change=on_axis(ctx, np.array([float(c.quantity.m_as("t CO2"))
                                               for c in conservative]),
                                "ΔC_TREE", "t CO2", "AR-TOOL14 (1), App. 2 (project) of "
                                "each interval"),
        day_fraction=day_fraction(ctx), trail=ctx.trail)
    if data.has_shrubs:
        t2, t1 = _between(ctx, _shrub_stocks(ctx, data, settings), "C_SHRUB")
        shrubs = shrub_change_in_days(stock_t2=t2, stock_t1=t1,
                                      day_fraction=day_fraction(ctx), trail=ctx.trail)
    else:
        shrubs = zero_on_axis(ctx, "ΔC_SHRUB_PROJ,t", "AR-TOOL14 v04.2 para. 60: shrub crown "
                                                      "cover below 5 per cent, as the project "
                                                      "states: zero shrub biomass")
    dom = {}
    for pool in ("dead_wood", "litter"):
        if pool in pools and climate is not None:
            dom[pool] = _dead_organic_matter(ctx, data, carbon, climate, pool)
        else:
            dom[pool] = zero_on_axis(ctx, "ΔC_DW_PROJ,t" if pool == "dead_wood"
                                     else "ΔC_LI_PROJ,t",
                                     f"{pool.replace('_', ' ')} not accounted (optional pool "
                                     "not selected)")
    return ProjectPools(trees, shrubs, dom["dead_wood"], dom["litter"], tuple(carbon),
                        tuple(unc), tuple(change_unc), tuple(conservative))



def counted_sum(values: pint.Quantity, counted: pint.Quantity) -> pint.Quantity:
    """Σ of the values whose ``counted`` flag is 1 (the years t of a sum's bounds).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> float(counted_sum(Quantity([5.0, 7.0, -2.0], "t CO2"), Quantity([1, 0, 1], ""))
    ...       .m_as("t CO2"))
    3.0
    """
    flags = np.asarray(counted.m_as(""), dtype=np.float64)
    if not np.all((flags == 0) | (flags == 1)):
        raise ValueError("counted flags are 0 or 1")
    mags = np.asarray(values.magnitude, dtype=np.float64)
    return Quantity(float(np.dot(mags, flags)), values.units)


def per_period(ctx: Context, equation: Equation, net: Value, *, since_start: bool
               ) -> tuple[float, ...]:
    """Evaluate a per-verification sum once per monitoring period (instance: the period id).

    ``since_start``: sum from the first element of the axis to the period's end (tCER, from
    year 1 of the project: the first monitoring period starts the day after the initial
    estimate); else over the period only (lCER, t1 + 1 to t2).
    """
    out = []
    period = ctx.segments.period
    for k, p in enumerate(ctx.project.periods):
        flags = (period <= k) if since_start else (period == k)
        what = f"years 1 to the end of {p.id}" if since_start else f"the years of {p.id}"
        counted = Value("t ∈ sum", Quantity(flags.astype(np.float64), ""), "computed",
                        f"elements of the period axis in {what}")
        v = equation(net_removals=net, counted=counted, trail=ctx.trail, instance=p.id)
        out.append(float(v.quantity.m_as("t CO2")))
    return tuple(out)


def no_burning(ctx: Context) -> Value:
    """GHG_E,t of AR-TOOL08 eq. (1) where nothing was burnt, as the project states: zero."""
    said = "as the project states (inputs.burning, inputs.forest_fire)"
    return non_co2_emissions(
        site_preparation=zero_on_axis(ctx, "GHG_SPF,t", f"no burning for site preparation, "
                                                        f"{said}"),
        harvest_residue=zero_on_axis(ctx, "GHG_FMF,t", f"no burning in forest management, "
                                                       f"{said}"),
        forest_fire=zero_on_axis(ctx, "GHG_FF,t", f"no forest fire, {said}"),
        trail=ctx.trail)


def refuse_forest_fire(inputs: Any, methodology: str, parent: str) -> None:  # noqa: ANN401
    """A provisional CCER plug-in refuses a forest fire rather than count it as zero.

    Whether the CCER text accounts the non-CO2 emissions of forest fires is not known (only its
    first pages were read; docs/data-sources.md); its CDM parent computes them with AR-TOOL08
    v04.0.0 eq. (6)-(8). Burning and displaced agriculture are refused by the plug-in's named
    checks (the CCER bans).

    Raises
    ------
    InputError
        Naming ``inputs.forest_fire``.
    """
    if getattr(inputs, "forest_fire", False) or getattr(inputs, "forest_fires", ()):
        raise InputError(f"{methodology}: the project states a forest fire, whose non-CO2 "
                         "emissions this provisional plug-in does not account: the CCER text's "
                         "rule for them is not known, and a fire is never counted as zero (the "
                         f"CDM parent {parent} computes them with AR-TOOL08 v04.0.0 eq. (6)-(8))",
                         field="inputs.forest_fire", value=True,
                         expected=f"false, or the CDM methodology {parent}")
