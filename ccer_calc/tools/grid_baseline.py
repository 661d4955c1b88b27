"""What the CCER energy methodologies share around their grid baseline, besides arithmetic.

CCER-01-001-V01 (solar thermal) and CCER-01-002-V01 (offshore wind) take the MEE OM/BM of year
y for the project's regional grid (or the project's own pair, given together), refuse a
monitoring period whose net delivery is negative, and declare the same four parameters and the
same export/import columns, each citing its own document's tables. Their equations are their
own (each plug-in's ``equations.py``); the shared arithmetic is in
:mod:`ccer_calc.tools.grid_power`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ccer_calc.bounds import FRACTION, GRID_EMISSION_FACTOR, NONNEGATIVE
from ccer_calc.errors import InputError
from ccer_calc.methodology import Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import Parameter, Value
from ccer_calc.tools.mee_grid_factors import (
    grid_factors_for_years,
    latest_grid_factors,
    refuse_grid_before_it_existed,
)
from ccer_calc.units import Quantity, parse_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import Context

__all__ = [
    "GridPowerMethodology",
    "broadcast_value",
    "grid_baseline_parameters",
    "grid_exchange_columns",
    "grid_margins",
    "refuse_negative_net_delivery",
]


def broadcast_value(v: Value, shape: tuple[int, ...]) -> Value:
    """The same Value broadcast to the period axis."""
    q = v.quantity
    return Value(v.symbol, Quantity(np.broadcast_to(q.magnitude, shape), q.units), v.origin,
                 v.ref)


def grid_margins(ctx: Context, grid: str) -> tuple[Value, Value]:
    """OM and BM on the period axis: the project's pair if given, else MEE's for each year.

    Ex ante (``ctx.ex_ante``) MEE's pair is the latest edition available when the estimate is
    made, for every year (Tables 6-7: the PDD uses the latest available edition).

    Raises
    ------
    InputError
        If the project overrides only one of ``grid_om_factor`` and ``grid_bm_factor``, or
        a year is before MEE's tables had its grid (西南 before 2024), own pair or not.
    DataNotFound
        If the edition the rule selects cannot be decided or is not bundled.
    """
    refuse_grid_before_it_existed(grid, ctx.years.ravel().tolist())
    om_set, bm_set = ctx.overridden("grid_om_factor"), ctx.overridden("grid_bm_factor")
    if om_set != bm_set:
        raise InputError("override both grid factors or neither",
                         field="parameters.grid_om_factor" if bm_set
                         else "parameters.grid_bm_factor",
                         expected="grid_om_factor and grid_bm_factor together",
                         methodology=ctx.methodology.id)
    shape = ctx.years.shape
    if om_set:
        return (broadcast_value(ctx.param("grid_om_factor"), shape),
                broadcast_value(ctx.param("grid_bm_factor"), shape))
    if ctx.ex_ante:
        return latest_grid_factors(grid, shape, as_of=ctx.as_of)
    return grid_factors_for_years(grid, ctx.years, as_of=ctx.as_of)


def refuse_negative_net_delivery(ctx: Context, net_electricity: Value) -> None:
    """Refuse a monitoring period (ex ante: a year) in which import exceeds export.

    Raises
    ------
    InputError
        Naming the first such period and its net delivery.
    """
    net = net_electricity.quantity.m_as(parse_unit("MWh"))
    per_period = np.bincount(ctx.segments.period, weights=net,
                             minlength=len(ctx.project.periods))
    bad = np.flatnonzero(per_period < 0)
    if bad.size:
        p = ctx.project.periods[int(bad[0])]
        raise InputError(
            "electricity imported exceeds electricity exported over the period",
            field=f"expected values, year {p.id}" if ctx.ex_ante else f"monitoring period {p.id}",
            value=f"{per_period[bad[0]]:.3f} MWh net",
            expected="net delivery EG_export − EG_import >= 0", methodology=ctx.methodology.id)


class GridPowerMethodology(Methodology):
    """Base of the grid-connected power plug-ins: stackable stages, net delivery checked.

    ``compute`` is :meth:`~ccer_calc.methodology.Methodology.run_stages` (gather, stages,
    after), so a batch worker may stack the stages (:mod:`ccer_calc.stacking`); ``after``
    refuses a monitoring period (ex ante: a year) whose net delivery is negative, from the
    ``net_electricity`` the stages return beside the four quantities. A plug-in declares
    ``stage_key``, ``gather`` and ``stages``.
    """

    def after(self, ctx: Context, out: Mapping[str, Value]) -> Stages:
        """Refuse a period of negative net delivery; the four quantities."""
        refuse_negative_net_delivery(ctx, out["net_electricity"])
        return super().after(ctx, out)

    def compute(self, ctx: Context) -> Stages:
        """Gather, run the stages, and refuse negative net delivery."""
        return self.run_stages(ctx)


def grid_baseline_parameters(
    doc: str, *, om_weight_source: str, bm_weight_source: str, margin_source: str
) -> tuple[Parameter, ...]:
    """The four baseline parameters both CCER energy methodologies declare.

    The OM/BM weights are fixed at 0.5 by the methodologies' own tables (not TOOL07's 0.75/0.25
    for wind and solar); the margins are MEE's for year y and may be overridden as a pair.

    Parameters
    ----------
    doc : str
        Document id and title, e.g. ``CCER-01-002-V01 并网海上风力发电``.
    om_weight_source, bm_weight_source, margin_source : str
        Section and table of each, e.g. ``§7.1 Table 2``.

    Returns
    -------
    tuple of Parameter
        ``om_weight``, ``bm_weight``, ``grid_om_factor``, ``grid_bm_factor``.
    """
    mee = "MEE 减排项目中国区域电网基准线排放因子 for year y, else the latest earlier edition"
    return (
        Parameter(
            name="om_weight", symbol="w_OM", unit="dimensionless",
            description_zh="电量边际排放因子的权重",
            description_en="weight of the operating margin",
            source=f"{doc} {om_weight_source}", kind="fixed", default=0.5, overridable=False,
            bounds=FRACTION),
        Parameter(
            name="bm_weight", symbol="w_BM", unit="dimensionless",
            description_zh="容量边际排放因子的权重", description_en="weight of the build margin",
            source=f"{doc} {bm_weight_source}", kind="fixed", default=0.5, overridable=False,
            bounds=FRACTION),
        Parameter(
            name="grid_om_factor", symbol="EF_grid,OM,y", unit="t CO2/MWh",
            description_zh="项目所在区域电网第y年的电量边际排放因子",
            description_en="operating-margin emission factor of the regional grid in year y",
            source=f"{doc} {margin_source}: {mee}",
            kind="published", frequency="yearly, as MEE publishes", overridable=True,
            bounds=GRID_EMISSION_FACTOR),
        Parameter(
            name="grid_bm_factor", symbol="EF_grid,BM,y", unit="t CO2/MWh",
            description_zh="项目所在区域电网第y年的容量边际排放因子",
            description_en="build-margin emission factor of the regional grid in year y",
            source=f"{doc} {margin_source}: {mee}",
            kind="published", frequency="yearly, as MEE publishes", overridable=True,
            bounds=GRID_EMISSION_FACTOR),
    )


def grid_exchange_columns(
    doc: str, *, plant: str, export_source: str, import_source: str
) -> tuple[MonitoredColumn, MonitoredColumn]:
    """The monitored export and import columns of a grid-connected plant.

    Parameters
    ----------
    doc : str
        Document id and title.
    plant : str
        How the English descriptions name the plant (``the project``, ``the CSP plant``).
    export_source, import_source : str
        Section and table of each.

    Returns
    -------
    tuple of MonitoredColumn
        ``export`` (EG_export,y) and ``import`` (EG_import,y), in MWh.
    """
    frequency = "continuous, recorded at least monthly"
    return (
        MonitoredColumn(
            name="export", symbol="EG_export,y", unit="MWh",
            description_zh="项目第y年向区域电网输送的电量",
            description_en=f"electricity delivered by {plant} to the regional grid in year y",
            source=f"{doc} {export_source}", frequency=frequency, bounds=NONNEGATIVE,
            at_most_capacity_of="installed_capacity"),
        MonitoredColumn(
            name="import", symbol="EG_import,y", unit="MWh",
            description_zh="项目第y年从区域电网下网的电量",
            description_en=f"electricity {plant} draws from the regional grid in year y",
            source=f"{doc} {import_source}", frequency=frequency, bounds=NONNEGATIVE),
    )
