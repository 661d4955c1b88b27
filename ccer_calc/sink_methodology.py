"""The wiring shared by the afforestation and reforestation (A/R) sink plug-ins.

Every A/R plug-in (AR-ACM0003, AR-AM0014 and the provisional CCER-14 plug-ins built on them)
runs the same chain: the project's inventories (or, ex ante, its planting plan) through the
A/R tools into pool changes, the baseline's pools, SOC, then the methodology's own net-removal
equations (baseline, project stock change, actual, leakage, net, and BE/PE as negative
emissions). :class:`SinkMethodology` holds that chain once; a plug-in states what its document
makes different: its identity (``info``), its equations (:class:`SinkChain` and the
``equations`` it declares), its parameters, checks, inputs and tables, and its differences of
rule (litter accounted or not, SOC by AR-TOOL16 or by planting year, tCER/lCER).
:class:`ProvisionalSinkMethodology` adds what a provisional CCER plug-in applies on top of
its CDM parent: pool flags, the precision deduction and the gas flags.

The base shares wiring, not equation identity: every equation it calls is one the plug-in
declares in its own module, with its own id and citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar

from pydantic import BaseModel

from ccer_calc.equation import Equation
from ccer_calc.errors import InputError
from ccer_calc.io.files import ProjectFiles
from ccer_calc.io.sinks import load_sink_data, load_sink_plan
from ccer_calc.methodology import Context, ExpectedQuantity, Methodology, PeriodFigure, Stages
from ccer_calc.parameters import Value
from ccer_calc.plugin_info import MethodologyInfo
from ccer_calc.project import ProjectData, ProjectSpec
from ccer_calc.tools.forestry.sink import per_period, zero_on_axis
from ccer_calc.tools.forestry.sink_baseline import baseline_pools, duration, tool16_soc_change
from ccer_calc.tools.forestry.sink_events import SinkEvents, require_rows
from ccer_calc.tools.forestry.sink_exante import plan_sensitivity, planted_areas, project_changes
from ccer_calc.tools.forestry.sink_gas_flags import (
    provisional_leakage,
    provisional_non_co2,
    refuse_gas_inputs,
)
from ccer_calc.tools.forestry.sink_gases import leakage_of, non_co2_of
from ccer_calc.tools.forestry.sink_inputs import SinkInputs
from ccer_calc.tools.forestry.sink_parameters import GAS_TABLES, INVENTORY_FILES, baseline_settings
from ccer_calc.tools.forestry.sink_plan import SinkExpectedIn
from ccer_calc.tools.forestry.sink_precision import deduction_for
from ccer_calc.tools.forestry.sink_provisional import accounted, selected_pools, unless_accounted
from ccer_calc.units import Quantity

__all__ = ["ProvisionalSinkMethodology", "SinkChain", "SinkMethodology"]


@dataclass(frozen=True)
class SinkChain:
    """A plug-in's own net-removal equations, as its equations module declares them.

    Parameters
    ----------
    baseline, project_change, actual, leakage, net : Equation
        ΔC_BSL,t, ΔC_P,t, ΔC_ACTUAL,t, LK_t and the net anthropogenic removals.
    baseline_emissions, project_emissions : Equation
        BE_t = −ΔC_BSL,t and PE_t = −ΔC_ACTUAL,t.
    soc_rate, soil_carbon : Equation or None
        The planting-year SOC equations (AR-AM0014 eq. 4 and its rate), where the
        methodology has them.
    temporary_cers, long_term_cers : Equation or None
        tCER and lCER per verification period, where the methodology issues them.
    deduction : Equation or None
        A provisional plug-in's own precision deduction (prov. deduction).
    """

    baseline: Equation
    project_change: Equation
    actual: Equation
    leakage: Equation
    net: Equation
    baseline_emissions: Equation
    project_emissions: Equation
    soc_rate: Equation | None = None
    soil_carbon: Equation | None = None
    temporary_cers: Equation | None = None
    long_term_cers: Equation | None = None
    deduction: Equation | None = None

    def __post_init__(self) -> None:
        """Refuse half of the planting-year SOC pair: it would fall back to AR-TOOL16."""
        if (self.soc_rate is None) != (self.soil_carbon is None):
            msg = "SinkChain: soc_rate and soil_carbon are declared together or not at all"
            raise TypeError(msg)

    @property
    def planting_soc(self) -> tuple[Equation, Equation] | None:
        """(``soc_rate``, ``soil_carbon``) where the methodology computes SOC by planting year."""
        if self.soc_rate is None or self.soil_carbon is None:
            return None
        return self.soc_rate, self.soil_carbon

    def members(self) -> tuple[Equation, ...]:
        """The chain's equations in the order a plug-in declares them (show, describe, schema).

        ΔC_BSL,t, ΔC_ACTUAL,t, ΔC_P,t, the SOC pair, LK_t, the net removals, tCER and lCER,
        BE_t and PE_t, then the deduction; those the methodology lacks are left out.
        """
        order = (self.baseline, self.actual, self.project_change, self.soc_rate,
                 self.soil_carbon, self.leakage, self.net, self.temporary_cers,
                 self.long_term_cers, self.baseline_emissions, self.project_emissions,
                 self.deduction)
        return tuple(e for e in order if e is not None)

    @classmethod
    def of(cls, module: ModuleType, deduction: Equation | None = None) -> SinkChain:
        """The chain from an equations module that uses the shared function names."""
        def opt(name: str) -> Equation | None:
            return getattr(module, name, None)

        return cls(module.baseline_net_removals, module.project_stock_change,
                   module.actual_net_removals, module.leakage,
                   module.net_anthropogenic_removals, module.baseline_as_emissions,
                   module.project_as_emissions, opt("soc_rate_by_planting_year"),
                   opt("soil_carbon_change"), opt("temporary_cers"), opt("long_term_cers"),
                   deduction)


class SinkMethodology(Methodology):
    """An A/R CDM sink plug-in: the shared chain, with the hooks a document may change.

    A subclass sets ``info`` (which fills ``id``, ``version``, the titles, ``sector``,
    ``status``, ``document``, ``programme`` and ``accounts``), ``chain``, ``source``,
    ``tool_documents``, ``data_tables``, ``parameters``, ``input_model``, ``checks`` and
    ``equations``; and, where its rule differs from the default, ``reversal_paragraph`` (the
    paragraph on replacing lCERs after a reversal, for the tCER/lCER figures). Whether litter
    is accounted and how SOC is computed follow from ``chain`` (:attr:`accounts_litter`,
    :attr:`soc_by_planting_year`).
    """

    info: ClassVar[MethodologyInfo]
    chain: ClassVar[SinkChain]
    reversal_paragraph: ClassVar[str] = ""
    #: Why ΔSOC is zero when it is not accounted.
    soc_zero_rule: ClassVar[str] = "SOC not accounted (optional pool not selected)"
    inventory_files: ClassVar[tuple[dict[str, Any], ...]] = (*INVENTORY_FILES, *GAS_TABLES)
    monitored_columns = ()
    expected_model = SinkExpectedIn
    example: ClassVar[str] = "data/example.toml"

    @property
    def accounts_litter(self) -> bool:
        """Whether the chain's ΔC_BSL,t and ΔC_P,t have a litter term (AR-ACM0003: yes)."""
        return "litter" in self.chain.baseline.meta.inputs

    @property
    def soc_by_planting_year(self) -> bool:
        """Whether the chain has the planting-year SOC equations (AR-AM0014 eq. 4).

        False: ΔSOC from the AR-TOOL16 strata of ``inputs.soc``, computed before the baseline;
        True: ΔSOC_PROJ,t from the area planted each year (``inputs.planting``) by the chain's
        ``soc_rate`` and ``soil_carbon``, computed after the baseline.
        """
        return self.chain.planting_soc is not None

    def load_data(self, spec: ProjectSpec, inputs: BaseModel,
                  files: ProjectFiles) -> ProjectData | None:
        """The inventories, species and models the project names (:mod:`ccer_calc.io.sinks`)."""
        assert isinstance(inputs, SinkInputs)  # noqa: S101 - type narrowing only
        sink: Any = inputs
        if self.soc_by_planting_year and "soc" in sink.pools and not sink.planting:
            raise InputError("SOC by planting year needs the area planted in each year",
                             field="inputs.planting", methodology=self.id,
                             expected="[[inputs.planting]] rows (year, area), or no 'soc' in "
                                      "pools")
        data = load_sink_data(spec, inputs, files)
        self.check_events(inputs, data.datasets["sink"].events)
        return data

    def estimate_data(self, spec: ProjectSpec, inputs: BaseModel,
                      files: ProjectFiles) -> ProjectData | None:
        """The planting plan of ``[expected]`` on the crediting period's years (ex ante)."""
        assert isinstance(inputs, SinkInputs)  # noqa: S101 - type narrowing only
        data = load_sink_plan(spec, inputs, files)
        if data is not None:
            self.check_events(inputs, data.datasets["plan"].events)
        return data

    def check_events(self, inputs: BaseModel, events: SinkEvents) -> None:
        """A/R CDM: each event flag stated true lists its events (:func:`.require_rows`)."""
        require_rows(inputs, events)

    def expected_quantities(self, data: ProjectData) -> tuple[ExpectedQuantity, ...]:
        """Cohort areas, each growth curve's asymptote, planned burns and displacements."""
        return plan_sensitivity(data)

    def describe(self, inputs: BaseModel | None = None) -> dict[str, Any]:
        """The shared description, and the inventory files a project supplies."""
        return {**super().describe(inputs),
                "inventory": [dict(f) for f in self.inventory_files]}

    def compute(self, ctx: Context) -> Stages:
        """Pools from the tools, SOC, then the plug-in's chain on the period axis."""
        inputs: Any = ctx.inputs
        self.refuse(ctx)
        pools = self.pools(ctx, tuple(inputs.pools))
        proj = project_changes(ctx, pools=pools, climate=inputs.climate,
                               deduction=self.deduction(ctx))
        soc = None if self.soc_by_planting_year else self.soil_carbon(ctx)
        base = baseline_pools(ctx, inputs.baseline, baseline_settings(
            ctx, crown_cover=inputs.baseline.method == "crown_cover"), pools=pools,
            climate=inputs.climate, start_year=ctx.project.spec.dates.construction_start.year)
        c = self.chain
        kw: dict[str, Any] = {"trail": ctx.trail}
        bsl = c.baseline(**self._changes(ctx, base, "BSL"), **kw)
        change = c.project_change(**self._changes(ctx, proj, "PROJ"),
                                  soil_carbon=self.soil_carbon(ctx) if soc is None else soc, **kw)
        actual = c.actual(project_change=change, non_co2=self.non_co2(ctx, pools), **kw)
        lk = c.leakage(agricultural_displacement=self.displacement(ctx), **kw)
        net = c.net(actual=actual, baseline=bsl, leakage=lk, **kw)
        be = c.baseline_emissions(baseline_removals=bsl, **kw)
        pe = c.project_emissions(actual_removals=actual, **kw)
        credits = () if ctx.ex_ante else self.credits(ctx, net)  # no verification ex ante
        return Stages(be, pe, lk, net, per_period=credits)

    def _changes(self, ctx: Context, pools: Any, side: str) -> dict[str, Any]:  # noqa: ANN401
        """The pool terms of ΔC_BSL,t (``side`` BSL) or ΔC_P,t (PROJ), in the eq.'s order."""
        out = {"trees": pools.trees,
               "shrubs": self.shrubs(ctx, pools.shrubs, f"ΔC_SHRUB_{side},t"),
               "dead_wood": pools.dead_wood}
        if self.accounts_litter:
            out["litter"] = pools.litter
        return out

    # Hooks: the A/R CDM rule here, a provisional plug-in's in ProvisionalSinkMethodology.

    def refuse(self, ctx: Context) -> None:
        """Refuse inputs the methodology cannot account; A/R CDM refuses none here."""
        del ctx

    def pools(self, ctx: Context, selected: tuple[str, ...]) -> tuple[str, ...]:
        """The pools accounted: the project's selection."""
        del ctx
        return selected

    def deduction(self, ctx: Context) -> Any:  # noqa: ANN401 - a deduction callable or None
        """The precision deduction on the project's pool changes: none (AR-TOOL14's own)."""
        del ctx

    def shrubs(self, ctx: Context, change: Value, symbol: str) -> Value:
        """The shrub term: always accounted."""
        del ctx, symbol
        return change

    def soc_accounted(self, ctx: Context) -> bool:
        """Whether SOC is accounted besides being selected: always."""
        del ctx
        return True

    def non_co2(self, ctx: Context, pools: tuple[str, ...]) -> Value:
        """GHG_E,t: AR-TOOL08 on the fires the project lists, ``pools`` accounted."""
        return non_co2_of(ctx, pools)

    def displacement(self, ctx: Context) -> Value:
        """LK_AGRIC,t: AR-TOOL15 on the displacements the project lists."""
        return leakage_of(ctx)

    def soil_carbon(self, ctx: Context) -> Value:
        """ΔSOC: by planting year or from AR-TOOL16, or zero where it is not accounted."""
        inputs: Any = ctx.inputs
        planting_soc = self.chain.planting_soc
        if planting_soc is not None:
            if "soc" not in inputs.pools or not self.soc_accounted(ctx):
                return zero_on_axis(ctx, "ΔSOC_PROJ,t", self.soc_zero_rule)
            return self._soc_by_planting_year(ctx, inputs.planting, *planting_soc)
        if inputs.soc is not None and self.soc_accounted(ctx):
            return tool16_soc_change(ctx, inputs.soc, ctx.param("soc_rate_cap"))
        return zero_on_axis(ctx, "ΔSOC_AL,t", self.soc_zero_rule)

    @staticmethod
    def _soc_by_planting_year(ctx: Context, planting: Any,  # noqa: ANN401
                              rate_eq: Equation, change_eq: Equation) -> Value:
        """ΔSOC_PROJ,t from the area planted each year, by the chain's SOC equations."""
        planting_year, area = planted_areas(ctx, planting)
        rate = rate_eq(
            year=Value("t", Quantity(ctx.years, ""), "computed", "calendar year of each element"),
            planting_year=planting_year, accrual_rate=ctx.param("soc_accrual_rate"),
            accrual_years=ctx.param("soc_accrual_years"), trail=ctx.trail)
        return change_eq(planted_area=area, soc_rate=rate, duration=duration(ctx),
                         trail=ctx.trail)

    def credits(self, ctx: Context, net: Value) -> tuple[PeriodFigure, ...]:
        """The tCER and lCER per verification period, by the chain's equations."""
        t_eq, l_eq = self.chain.temporary_cers, self.chain.long_term_cers
        if t_eq is None or l_eq is None:
            return ()
        tcer = per_period(ctx, t_eq, net, since_start=True)
        lcer = per_period(ctx, l_eq, net, since_start=False)
        t_no, l_no = t_eq.meta.id.strip("()"), l_eq.meta.id.strip("()")
        para = self.reversal_paragraph
        return (
            PeriodFigure("tCER", "tCER_t2", t_eq.meta.id, "t CO2e", tcer,
                         f"tCERs issuable at the end of the verification period (eq. {t_no})",
                         f"核查期末可签发的临时核证减排量 tCER（式{t_no}）"),
            PeriodFigure("lCER", "lCER_t2", l_eq.meta.id, "t CO2e", lcer,
                         f"lCERs issuable for the verification period (eq. {l_no})",
                         f"核查期可签发的长期核证减排量 lCER（式{l_no}）",
                         "a negative lCER is the number of lCERs to be replaced because of a "
                         f"reversal since the previous certification (para. {para})",
                         "lCER 为负时，其绝对值为因净人为汇清除逆转而须替换的 lCER 数量"
                         f"（第{para}段）"),
        )


class ProvisionalSinkMethodology(SinkMethodology):
    """A provisional CCER sink plug-in on its CDM parent: the parent's chain, with flags.

    Besides the :class:`SinkMethodology` attributes a subclass sets ``parent`` (the CDM
    parent with its version), a ``chain`` with its ``deduction`` (its own prov. deduction
    equation) and ``leakage_zero_rule`` (why LK_AGRIC,t is zero when leakage is not
    computed). The flags ``account_<pool>``, ``account_ghg_e``, ``account_leakage`` and the
    precision parameters come from :mod:`.sink_provisional`, :mod:`.sink_gas_flags` and
    :mod:`.sink_precision`. Ordinary CCER units: no tCER/lCER; a 20-40-year crediting period.
    """

    parent: ClassVar[str]
    leakage_zero_rule: ClassVar[str]
    soc_zero_rule: ClassVar[str] = ("SOC not accounted (optional pool not selected, or "
                                    "parameters.account_soc = 0)")
    inventory_files: ClassVar[tuple[dict[str, Any], ...]] = INVENTORY_FILES
    max_crediting_years: ClassVar[int | None] = 40
    min_crediting_years: ClassVar[int | None] = 20

    def check_events(self, inputs: BaseModel, events: SinkEvents) -> None:
        """None here: the gas flags decide in :meth:`refuse` and the checks."""
        del inputs, events

    def refuse(self, ctx: Context) -> None:
        """Refuse the fire and displacement inputs the gas flags leave unaccounted."""
        refuse_gas_inputs(ctx, self.parent)

    def pools(self, ctx: Context, selected: tuple[str, ...]) -> tuple[str, ...]:
        """The selected pools that their ``account_<pool>`` flags leave accounted."""
        return selected_pools(ctx, selected)

    def deduction(self, ctx: Context) -> Any:  # noqa: ANN401 - the deduction callable
        """The share of the AR-TOOL14 discount kept above the precision target."""
        equation = self.chain.deduction
        assert equation is not None  # noqa: S101 - a provisional chain declares it
        return deduction_for(ctx, equation)

    def shrubs(self, ctx: Context, change: Value, symbol: str) -> Value:
        """The shrub term, or zero where ``account_shrubs`` is 0."""
        return unless_accounted(ctx, "shrubs", change, symbol)

    def soc_accounted(self, ctx: Context) -> bool:
        """Whether ``account_soc`` is 1."""
        return accounted(ctx, "soc")

    def non_co2(self, ctx: Context, pools: tuple[str, ...]) -> Value:
        """GHG_E,t under ``account_ghg_e``, ``pools`` accounted."""
        return provisional_non_co2(ctx, pools)

    def displacement(self, ctx: Context) -> Value:
        """LK_AGRIC,t under ``account_leakage``."""
        return provisional_leakage(ctx, self.leakage_zero_rule)

    def credits(self, ctx: Context, net: Value) -> tuple[PeriodFigure, ...]:
        """None: ordinary CCER units, issued per vintage."""
        del ctx, net
        return ()
