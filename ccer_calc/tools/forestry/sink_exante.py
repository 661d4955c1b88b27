"""The project's carbon pools on the estimate's axis, projected from the planting plan.

When a sink plug-in's ``compute`` runs with ``ctx.ex_ante`` (``ccer-calc estimate``), the axis is
one element per calendar year t of the crediting period and the project's pools come from its
:class:`~ccer_calc.tools.forestry.sink_plan.SinkPlan` instead of inventories (AR-TOOL14 v04.2
section 8.2):

* trees: each cohort c follows its growth curve (para. 47, Chapman-Richards), its age at the
  end of year t being t − t_PLANT,c (zero in the planting year, so a cohort adds nothing until
  the year after it is planted); para. 46 sums area × biomass per hectare over the cohorts;
  eq. (12) turns the biomass into carbon; eq. (11) with T = 1 year gives the change in year t
  from the stocks at the end of years t − 1 and t, and its form by days keeps the part of year
  t inside the crediting period (the whole year but for a crediting period starting or ending
  inside a year). Every cohort is planted inside the crediting period, so the stock at the end
  of the year before it is zero;
* shrubs: zero, as para. 13 allows for the ex-ante project scenario;
* dead wood and litter, where the project accounts them: the AR-TOOL12 v03.1 default factors
  (eq. 9 and 15) applied to the projected change in tree carbon (the equations are linear in
  the tree stock, as for the baseline).

Para. 48: the projection "is not subjected to uncertainty control": no t value, uncertainty or
Appendix 2 discount applies. The growth parameters and areas enter the trail with origin
``expected``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.parameters import Value
from ccer_calc.plugin_extras import ExpectedQuantity
from ccer_calc.tools.forestry.growth import chapman_richards, cohort_stock
from ccer_calc.tools.forestry.linear_change import tree_change_in_days
from ccer_calc.tools.forestry.sink import (
    FORESTRY_PACKAGE,
    ProjectPools,
    project_pools,
    zero_on_axis,
)
from ccer_calc.tools.forestry.sink_baseline import duration
from ccer_calc.tools.forestry.sink_data import SinkData
from ccer_calc.tools.forestry.sink_parameters import sink_settings
from ccer_calc.tools.forestry.sink_plan import SinkPlan, expected_quantities
from ccer_calc.tools.forestry.tool12_litter import litter_default_factor
from ccer_calc.tools.forestry.tool12_stocks import dead_wood_default_factor, default_fractions
from ccer_calc.tools.forestry.tool14_change import annual_tree_carbon_change
from ccer_calc.tools.forestry.tool14_sampling import tree_carbon_stock
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ccer_calc.methodology import Context
    from ccer_calc.project import ProjectData
    from ccer_calc.tools.forestry.sink_inputs import ClimateIn

__all__ = [
    "EX_ANTE_EQUATIONS",
    "ExAntePools",
    "ex_ante_pools",
    "plan_of",
    "plan_sensitivity",
    "planted_areas",
    "project_changes",
    "projected_tree_stock",
    "sink_data_of",
]

#: The tool equations of the projection that the inventories' path does not use (a plug-in
#: lists them with its own and :data:`.sink_parameters.TOOL_EQUATIONS`).
EX_ANTE_EQUATIONS = (chapman_richards, cohort_stock, annual_tree_carbon_change)


@dataclass(frozen=True)
class ExAntePools:
    """Projected changes of the project's pools on the estimate's axis [t CO2]."""

    trees: Value
    shrubs: Value
    dead_wood: Value
    litter: Value
    stock: Value


def plan_of(ctx: Context) -> SinkPlan:
    """The planting plan the estimate's rows carry (``estimate_data`` put it there)."""
    data = ctx.project.data.datasets.get("plan") if ctx.project.data is not None else None
    if not isinstance(data, SinkPlan):  # pragma: no cover - estimate_data guarantees it
        msg = "the project's planting plan was not loaded"
        raise TypeError(msg)
    return data


def sink_data_of(ctx: Context) -> SinkData:
    """The inventories the monitoring rows carry (``load_data`` put them there)."""
    data = ctx.project.data.datasets.get("sink") if ctx.project.data is not None else None
    if not isinstance(data, SinkData):  # pragma: no cover - load_data guarantees it
        msg = "the project's inventories were not loaded"
        raise TypeError(msg)
    return data


def _expected(symbol: str, values: Any, unit: str, column: str,  # noqa: ANN401 - an array
              table: str = "planting schedule") -> Value:
    return Value(symbol, Quantity(np.asarray(values, dtype=np.float64), unit), "expected",
                 f"{table}, column {column}")


def projected_tree_stock(ctx: Context, plan: SinkPlan, carbon_fraction: Value) -> Value:
    """C_TREE,t at the end of each year of the axis: para. 47, para. 46, eq. (12)."""
    kw: dict[str, Any] = {"trail": ctx.trail}
    age = Value("a", Quantity(ctx.years[:, None] - plan.planting_year[None, :], "yr"),
                "computed", "calendar year t minus the planting year of each cohort")
    per_ha = chapman_richards(
        age=age, asymptote=_expected("A", plan.asymptote, "t/ha", "asymptote", "growth models"),
        growth_rate=_expected("k", plan.rate, "1/yr", "rate", "growth models"),
        shape=_expected("c", plan.shape, "", "shape", "growth models"), **kw)
    biomass = cohort_stock(biomass_per_ha=per_ha,
                           cohort_area=_expected("A_c", plan.area, "ha", "area"), **kw)
    return tree_carbon_stock(carbon_fraction=carbon_fraction, tree_biomass=biomass, **kw)


def _tree_change(ctx: Context, stock: Value) -> Value:
    c = np.asarray(stock.quantity.m_as("t CO2"), dtype=np.float64)
    kw: dict[str, Any] = {"trail": ctx.trail}
    annual = annual_tree_carbon_change(
        stock_t2=stock, stock_t1=Value(
            "C_TREE,t-1", Quantity(np.concatenate([[0.0], c[:-1]]), "t CO2"), "computed",
            "AR-TOOL14 (12) at the end of the year before; zero before the crediting period, "
            "in which every cohort is planted"),
        elapsed_time=Value("T", Quantity(1.0, "yr"), "fixed", "one calendar year"), **kw)
    share = duration(ctx)
    return tree_change_in_days(
        interval_change=annual, day_fraction=Value(
            "d_t/D", Quantity(np.asarray(share.quantity.m_as("yr")), ""), "computed",
            "days of year t inside the crediting period over the days of year t"), **kw)


def _dead_organic_matter(ctx: Context, trees: Value, climate: ClimateIn, pool: str) -> Value:
    dw, li = default_fractions(climate.biome, float(climate.elevation.m_as("m")),
                               float(climate.precipitation.m_as("mm/yr")))
    use_table("ar_tool12_default_fractions.csv", FORESTRY_PACKAGE)
    equation = dead_wood_default_factor if pool == "dead_wood" else litter_default_factor
    change = Value("ΔC_TREE_PROJ,t", trees.quantity, "computed",
                   "AR-TOOL14 (11) by days: the default factor applied to the projected tree "
                   "change (the equation is linear in the stock)")
    return equation(tree_carbon=change, default_factor=dw if pool == "dead_wood" else li,
                    trail=ctx.trail, instance="project")


def ex_ante_pools(ctx: Context, plan: SinkPlan, carbon_fraction: Value, *,
                  pools: tuple[str, ...], climate: ClimateIn | None) -> ExAntePools:
    """The projected changes of trees, shrubs, dead wood and litter on the estimate's axis.

    ``pools`` are the optional pools the project accounts (``dead_wood``, ``litter``); the
    others are zero, with the reason in their provenance.
    """
    use_table("ar_tool_defaults.csv", FORESTRY_PACKAGE)
    stock = projected_tree_stock(ctx, plan, carbon_fraction)
    trees = _tree_change(ctx, stock)
    shrubs = zero_on_axis(ctx, "ΔC_SHRUB_PROJ,t", "AR-TOOL14 v04.2 para. 13: the ex-ante "
                                                  "change in project shrubs estimated as zero")
    dom = {}
    for pool, symbol in (("dead_wood", "ΔC_DW_PROJ,t"), ("litter", "ΔC_LI_PROJ,t")):
        if pool in pools and climate is not None:
            dom[pool] = _dead_organic_matter(ctx, trees, climate, pool)
        else:
            dom[pool] = zero_on_axis(ctx, symbol, f"{pool.replace('_', ' ')} not accounted "
                                                  "(optional pool not selected)")
    return ExAntePools(trees, shrubs, dom["dead_wood"], dom["litter"], stock)


def project_changes(ctx: Context, *, pools: tuple[str, ...], climate: ClimateIn | None,
                    deduction: Callable[[Value, Value, Value, str], Value] | None = None
                    ) -> ProjectPools | ExAntePools:
    """The project's pools: from the inventories, or projected from the plan ex ante.

    ``deduction`` is :func:`.sink.project_pools`'s; ex ante it is not used (para. 48: the
    projection is not subject to uncertainty control).
    """
    if ctx.ex_ante:
        return ex_ante_pools(ctx, plan_of(ctx), ctx.param("carbon_fraction_tree"), pools=pools,
                             climate=climate)
    data = sink_data_of(ctx)
    return project_pools(ctx, data, sink_settings(ctx, shrubs=data.has_shrubs), pools=pools,
                         climate=climate, deduction=deduction)


def planted_areas(ctx: Context, planting: Sequence[Any]) -> tuple[Value, Value]:
    """t_PLANT and A_PLANT,t: area planted each year, by the plan ex ante, else as recorded.

    ``planting`` are the project's ``[[inputs.planting]]`` rows (year, area), which ``compute``
    reads; the estimate sums the cohorts of its planting schedule by year instead.
    """
    if ctx.ex_ante:
        years, area = plan_of(ctx).planted_by_year()
        ref = "planting schedule, column {}, summed per planting year"
        return (Value("t_PLANT", Quantity(years, ""), "expected", ref.format("year")),
                Value("A_PLANT,t", Quantity(area, "ha"), "expected", ref.format("area")))
    return (Value("t_PLANT", Quantity([p.year for p in planting], ""), "project",
                  "inputs.planting year"),
            Value("A_PLANT,t", Quantity([float(p.area.m_as("ha")) for p in planting], "ha"),
                  "project", "inputs.planting area"))


def plan_sensitivity(data: ProjectData) -> tuple[ExpectedQuantity, ...]:
    """What the estimate's sensitivity varies in a sink's plan, each with its scaled data.

    The quantities of :func:`.sink_plan.expected_quantities` (cohort areas, the asymptote of
    each growth curve, planned burns, expected displacements), each returning the estimate's
    data with the plan scaled: a plug-in's
    :meth:`~ccer_calc.methodology.Methodology.expected_quantities`.
    """
    plan = data.datasets.get("plan")
    if not isinstance(plan, SinkPlan):  # pragma: no cover - estimate_data puts it there
        return ()
    return expected_quantities(
        plan, lambda scaled: replace(data, datasets={**data.datasets, "plan": scaled}))
