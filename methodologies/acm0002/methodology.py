"""Wiring of CDM ACM0002 (greenfield): net supply, TOOL07 combined margin, PE_FF, PE_HP, ER.

monitored export/import → EG_PJ → BE with EF_CM (TOOL07 v07.0 para. 86 weights for the
technology and crediting period, project OM/BM); monitored fuel per fuel → FC × COEF (TOOL03
v03.0 eq. (4), option B) → PE_FF; reservoir: PD → PE_HP; PE; ER.
No meter correction: §7.3.4 is a CCER rule, not part of ACM0002.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel

from ccer_calc.methodology import Context, Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import Value
from ccer_calc.tools.fuel_combustion import (
    consumption_unit,
    fuel_combustion_emissions,
    fuel_emission_coefficient_tool03_option_b,
    stack_per_fuel,
)
from ccer_calc.tools.grid_baseline import broadcast_value, refuse_negative_net_delivery
from ccer_calc.tools.tool07_common import tool07_weight_names
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.acm0002 import INFO
from methodologies.acm0002 import equations as eq
from methodologies.acm0002.applicability import CHECKS
from methodologies.acm0002.inputs import Acm0002Inputs
from methodologies.acm0002.parameters import (
    DOC,
    GENERATION,
    MONITORED,
    PARAMETERS,
    fuel_column,
)

__all__ = ["METHODOLOGY", "Acm0002"]


def _fuel_term(trail: Trail | None, fuel: str, inputs: Acm0002Inputs, consumed: Value) -> Value:
    f = inputs.fuels[fuel]
    ref = f"project file, inputs.fuels.{fuel}"
    ncv = Value(f"NCV_{fuel}", f.ncv, "project", f"{ref}.ncv")
    ef = Value(f"EF_CO2,{fuel}", f.co2_emission_factor, "project", f"{ref}.co2_emission_factor")
    coef = fuel_emission_coefficient_tool03_option_b(trail=trail, instance=fuel,
                                                     net_calorific_value=ncv,
                                                     co2_emission_factor=ef)
    return fuel_combustion_emissions(trail=trail, instance=fuel, fuel_consumed=consumed,
                                     emission_coefficient=coef)


class Acm0002(Methodology):
    """CDM ACM0002, greenfield grid-connected renewable power."""

    id: ClassVar[str] = INFO.id
    version: ClassVar[str] = INFO.version
    title_zh: ClassVar[str] = INFO.title_zh
    title_en: ClassVar[str] = INFO.title_en
    sector: ClassVar[str] = INFO.sector
    status: ClassVar[str] = INFO.status
    source: ClassVar[str] = f"{DOC} (UNFCCC CDM Executive Board) [U]"
    document: ClassVar[str] = INFO.document
    tool_documents: ClassVar[tuple[str, ...]] = ("TOOL03 v03.0", "TOOL07 v07.0")
    programme: ClassVar[str] = INFO.programme
    max_crediting_years: ClassVar[int | None] = None
    parameters = PARAMETERS
    input_model = Acm0002Inputs
    monitored_columns = MONITORED
    checks = CHECKS
    equations = (eq.net_electricity_delivered, eq.combined_margin_factor, eq.baseline_emissions,
                 fuel_emission_coefficient_tool03_option_b, fuel_combustion_emissions,
                 eq.fossil_fuel_project_emissions, eq.power_density,
                 eq.reservoir_project_emissions, eq.project_emissions,
                 eq.leakage_emissions_neglected, eq.emission_reductions)
    example: ClassVar[str] = "data/example.toml"

    def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
        """Export and import; total generation for a reservoir; one column per fuel."""
        assert isinstance(inputs, Acm0002Inputs)  # noqa: S101 - type narrowing only
        extra = (GENERATION,) if inputs.reservoir else ()
        fuels = tuple(fuel_column(k, consumption_unit(f.ncv, f"inputs.fuels.{k}.ncv"))
                      for k, f in inputs.fuels.items())
        return self.monitored_columns + extra + fuels

    def compute(self, ctx: Context) -> Stages:
        """Run the stages on the project's period axis."""
        inputs = ctx.inputs
        assert isinstance(inputs, Acm0002Inputs)  # noqa: S101 - type narrowing only
        shape = ctx.years.shape
        t = ctx.trail
        net = eq.net_electricity_delivered(trail=t,
                                           electricity_exported=ctx.monitored("export"),
                                           electricity_imported=ctx.monitored("import"))
        refuse_negative_net_delivery(ctx, net)
        om_name, bm_name = tool07_weight_names(inputs.technology, inputs.crediting_period)
        cm = eq.combined_margin_factor(
            trail=t, om_weight=ctx.param(om_name),
            operating_margin=broadcast_value(ctx.param("grid_om_factor"), shape),
            bm_weight=ctx.param(bm_name),
            build_margin=broadcast_value(ctx.param("grid_bm_factor"), shape))
        be = eq.baseline_emissions(trail=t, net_electricity=net, combined_margin=cm)
        terms = [_fuel_term(t, k, inputs, ctx.monitored(f"fuel_{k}")) for k in inputs.fuels]
        pe_ff = eq.fossil_fuel_project_emissions(
            trail=t, fuel_emissions=stack_per_fuel(terms, shape, "FC_i,y × COEF_i,y"))
        pe_hp = self._reservoir(ctx, inputs, net)
        pe = eq.project_emissions(trail=t, fossil_fuel=pe_ff, reservoir=pe_hp)
        le = eq.leakage_emissions_neglected(trail=t, net_electricity=net)
        er = eq.emission_reductions(trail=t, baseline=be, project=pe)
        return Stages(be, pe, le, er)

    def _reservoir(self, ctx: Context, inputs: Acm0002Inputs, net: Value) -> Value:
        if not inputs.reservoir or inputs.reservoir_area is None:
            zero = Quantity(net.quantity.magnitude * 0.0, "t CO2e")
            return Value("PE_HP,y", zero, "fixed", "no new reservoir: PE_HP,y = 0")
        t = ctx.trail
        cap = Value("Cap_PJ", inputs.installed_capacity, "project",
                    "project file, inputs.installed_capacity")
        area = Value("A_PJ", inputs.reservoir_area, "project",
                     "project file, inputs.reservoir_area")
        pd = eq.power_density(trail=t, installed_capacity=cap, reservoir_area=area)
        return eq.reservoir_project_emissions(
            trail=t, reservoir_emission_factor=ctx.param("reservoir_emission_factor"),
            total_generation=ctx.monitored("generation"), power_density=pd,
            power_density_no_emissions=ctx.param("power_density_no_emissions"))


METHODOLOGY = Acm0002()
