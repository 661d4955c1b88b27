"""Wiring of AR-AM0014 v03.0: inventories → tools' pools, eq. (4) → (3), (1), (2), (5) → (6).

Per monitoring period (a verification period) the tCER and lCER quantities of eq. (7) and (8).
Removals are reported with the engine's sign: BE = −ΔC_BSL, PE = −ΔC_ACTUAL, LE = LK,
ER = ΔC_AR-CDM (docs/architecture.md).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel

from ccer_calc.errors import InputError
from ccer_calc.io.files import ProjectFiles
from ccer_calc.io.sinks import load_sink_data, load_sink_plan
from ccer_calc.methodology import Context, ExpectedQuantity, Methodology, PeriodFigure, Stages
from ccer_calc.parameters import Value
from ccer_calc.project import ProjectData, ProjectSpec
from ccer_calc.tools.forestry._common import TOOL08, TOOL12, TOOL14, TOOL15
from ccer_calc.tools.forestry.sink import per_period, zero_on_axis
from ccer_calc.tools.forestry.sink_baseline import baseline_pools, duration
from ccer_calc.tools.forestry.sink_event_checks import GAS_CHECKS
from ccer_calc.tools.forestry.sink_events import require_rows
from ccer_calc.tools.forestry.sink_exante import (
    EX_ANTE_EQUATIONS,
    plan_sensitivity,
    planted_areas,
    project_changes,
)
from ccer_calc.tools.forestry.sink_gases import GAS_EQUATIONS, leakage_of, non_co2_of
from ccer_calc.tools.forestry.sink_parameters import (
    GAS_TABLES,
    INVENTORY_FILES,
    TOOL_EQUATIONS,
    baseline_settings,
)
from ccer_calc.tools.forestry.sink_plan import SinkExpectedIn
from ccer_calc.units import Quantity
from methodologies.ar_am0014 import INFO
from methodologies.ar_am0014 import equations as eq
from methodologies.ar_am0014.applicability import CHECKS
from methodologies.ar_am0014.inputs import ArAm0014Inputs
from methodologies.ar_am0014.parameters import DOC, PARAMETERS

__all__ = ["METHODOLOGY", "ArAm0014"]


def _soil_carbon(ctx: Context, inputs: ArAm0014Inputs) -> Value:
    """ΔSOC_PROJ,t by eq. (4), or zero where the pool is not accounted."""
    if "soc" not in inputs.pools:
        return zero_on_axis(ctx, "ΔSOC_PROJ,t", "SOC not accounted (optional pool not "
                                                "selected)")
    planting_year, area = planted_areas(ctx, inputs.planting)
    rate = eq.soc_rate_by_planting_year(
        year=Value("t", Quantity(ctx.years, ""), "computed", "calendar year of each element"),
        planting_year=planting_year, accrual_rate=ctx.param("soc_accrual_rate"),
        accrual_years=ctx.param("soc_accrual_years"), trail=ctx.trail)
    return eq.soil_carbon_change(planted_area=area, soc_rate=rate, duration=duration(ctx),
                                 trail=ctx.trail)


class ArAm0014(Methodology):
    """AR-AM0014 v03.0, afforestation and reforestation of degraded mangrove habitats."""

    id: ClassVar[str] = INFO.id
    version: ClassVar[str] = INFO.version
    title_zh: ClassVar[str] = INFO.title_zh
    title_en: ClassVar[str] = INFO.title_en
    sector: ClassVar[str] = INFO.sector
    status: ClassVar[str] = INFO.status
    source: ClassVar[str] = f"{DOC} (UNFCCC CDM Executive Board, EB 75 Annex 29)"
    document: ClassVar[str] = INFO.document
    tool_documents: ClassVar[tuple[str, ...]] = (TOOL14, TOOL12, TOOL08, TOOL15)
    programme: ClassVar[str] = INFO.programme
    accounts: ClassVar[str] = INFO.accounts
    data_tables: ClassVar[tuple[str, ...]] = (
        "ar_tool_defaults", "ar_tool12_default_fractions", "allometric_models",
        "ar_tool08_fire_factors", "ar_tool16_soc_reference", "ar_tool16_stock_change_factors")
    parameters = PARAMETERS
    input_model = ArAm0014Inputs
    monitored_columns = ()
    checks = (*CHECKS, *GAS_CHECKS)
    equations = (eq.baseline_net_removals, eq.actual_net_removals, eq.project_stock_change,
                 eq.soc_rate_by_planting_year, eq.soil_carbon_change, eq.leakage,
                 eq.net_anthropogenic_removals, eq.temporary_cers, eq.long_term_cers,
                 eq.baseline_as_emissions, eq.project_as_emissions, *TOOL_EQUATIONS,
                 *EX_ANTE_EQUATIONS, *GAS_EQUATIONS)
    expected_model = SinkExpectedIn
    example: ClassVar[str] = "data/example.toml"

    def load_data(self, spec: ProjectSpec, inputs: BaseModel,
                  files: ProjectFiles) -> ProjectData | None:
        """The inventories, species and models the project names (:mod:`ccer_calc.io.sinks`)."""
        assert isinstance(inputs, ArAm0014Inputs)  # noqa: S101 - type narrowing only
        if "soc" in inputs.pools and not inputs.planting:
            raise InputError("SOC by planting year needs the area planted in each year",
                             field="inputs.planting", methodology=self.id,
                             expected="[[inputs.planting]] rows (year, area), or no 'soc' in "
                                      "pools")
        data = load_sink_data(spec, inputs, files)
        require_rows(inputs, data.datasets["sink"].events)
        return data

    def estimate_data(self, spec: ProjectSpec, inputs: BaseModel,
                      files: ProjectFiles) -> ProjectData | None:
        """The planting plan of ``[expected]`` on the crediting period's years (ex ante)."""
        assert isinstance(inputs, ArAm0014Inputs)  # noqa: S101 - type narrowing only
        data = load_sink_plan(spec, inputs, files)
        if data is not None:
            require_rows(inputs, data.datasets["plan"].events)
        return data

    def expected_quantities(self, data: ProjectData) -> tuple[ExpectedQuantity, ...]:
        """Cohort areas, each growth curve's asymptote, planned burns and displacements."""
        return plan_sensitivity(data)

    def describe(self, inputs: BaseModel | None = None) -> dict[str, Any]:
        """The shared description, and the inventory files a project supplies."""
        return {**super().describe(inputs),
                "inventory": [dict(f) for f in (*INVENTORY_FILES, *GAS_TABLES)]}

    def compute(self, ctx: Context) -> Stages:
        """Pools from the tools and eq. (4), then eq. (1)-(8) on the period axis."""
        inputs = ctx.inputs
        assert isinstance(inputs, ArAm0014Inputs)  # noqa: S101 - type narrowing only
        pools = tuple(inputs.pools)
        proj = project_changes(ctx, pools=pools, climate=inputs.climate)
        base = baseline_pools(ctx, inputs.baseline, baseline_settings(
            ctx, crown_cover=inputs.baseline.method == "crown_cover"), pools=pools,
            climate=inputs.climate, start_year=ctx.project.spec.dates.construction_start.year)
        kw: dict[str, Any] = {"trail": ctx.trail}
        bsl = eq.baseline_net_removals(trees=base.trees, shrubs=base.shrubs,
                                       dead_wood=base.dead_wood, **kw)
        change = eq.project_stock_change(trees=proj.trees, shrubs=proj.shrubs,
                                         dead_wood=proj.dead_wood,
                                         soil_carbon=_soil_carbon(ctx, inputs), **kw)
        actual = eq.actual_net_removals(project_change=change, non_co2=non_co2_of(ctx), **kw)
        lk = eq.leakage(agricultural_displacement=leakage_of(ctx), **kw)
        net = eq.net_anthropogenic_removals(actual=actual, baseline=bsl, leakage=lk, **kw)
        be = eq.baseline_as_emissions(baseline_removals=bsl, **kw)
        pe = eq.project_as_emissions(actual_removals=actual, **kw)
        credits = () if ctx.ex_ante else self._credits(ctx, net)  # no verification ex ante
        return Stages(be, pe, lk, net, per_period=credits)

    @staticmethod
    def _credits(ctx: Context, net: Any) -> tuple[PeriodFigure, ...]:  # noqa: ANN401
        tcer = per_period(ctx, eq.temporary_cers, net, since_start=True)
        lcer = per_period(ctx, eq.long_term_cers, net, since_start=False)
        return (
            PeriodFigure("tCER", "tCER_t2", "(7)", "t CO2e", tcer,
                         "tCERs issuable at the end of the verification period (eq. 7)",
                         "核查期末可签发的临时核证减排量 tCER（式7）"),
            PeriodFigure("lCER", "lCER_t2", "(8)", "t CO2e", lcer,
                         "lCERs issuable for the verification period (eq. 8)",
                         "核查期可签发的长期核证减排量 lCER（式8）",
                         "a negative lCER is the number of lCERs to be replaced because of a "
                         "reversal since the previous certification (para. 21)",
                         "lCER 为负时，其绝对值为因净人为汇清除逆转而须替换的 lCER 数量（第21段）"),
        )


METHODOLOGY = ArAm0014()
