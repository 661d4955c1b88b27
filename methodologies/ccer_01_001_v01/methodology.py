"""Wiring of CCER-01-001-V01: grid baseline (C1-C3) and fossil fuel for anti-freeze (C4, C5).

monitored export/import → M1/M2 → C2 (W2), C3 (W3) → C1;
monitored fuel per fuel → M2 → × C5 coefficient (TOOL03 (1) term) → C4; LE = 0; C6.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel

from ccer_calc.methodology import Context, Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import Value
from ccer_calc.tools.fuel_combustion import (
    FuelProperties,
    consumption_unit,
    fuel_combustion_emissions,
    fuel_emission_coefficient_ncv_cc_of,
    fuel_properties,
    stack_per_fuel,
)
from ccer_calc.tools.grid_baseline import grid_baseline, grid_margins, refuse_negative_net_delivery
from ccer_calc.tools.grid_emission_factor import combined_margin_factor
from ccer_calc.tools.metering import increase_for_meter_error, reduce_for_meter_error
from ccer_calc.tools.net_generation import net_electricity_delivered
from ccer_calc.trail import Trail
from methodologies.ccer_01_001_v01 import equations as eq
from methodologies.ccer_01_001_v01.applicability import CHECKS
from methodologies.ccer_01_001_v01.inputs import SolarThermalInputs
from methodologies.ccer_01_001_v01.parameters import DOC, MONITORED, PARAMETERS, fuel_column

__all__ = ["METHODOLOGY", "SolarThermal", "project_fuel_properties"]

_FIELD = "inputs.fuel_properties"


def project_fuel_properties(inputs: SolarThermalInputs) -> list[FuelProperties]:
    """NCV, CC and OF of each fuel the project lists: its measured values, else the defaults."""
    out = []
    for fuel in inputs.fuels:
        given = inputs.fuel_properties.get(fuel)
        out.append(fuel_properties(fuel, ncv=None if given is None else given.ncv,
                                   cc=None if given is None else given.cc,
                                   of=None if given is None else given.of, field=_FIELD))
    return out


def fuel_emissions(
    trail: Trail | None, *, consumed: Value, error: Value, properties: FuelProperties
) -> Value:
    """FC_i,y × COEF_i,y of one fuel, after the conservative meter correction (M2, §7.3.4)."""
    key = properties.fuel
    fc = increase_for_meter_error(trail=trail, instance=f"fuel_{key}", measured=consumed,
                                  error=error)
    coef = fuel_emission_coefficient_ncv_cc_of(
        trail=trail, instance=key, net_calorific_value=properties.net_calorific_value,
        carbon_content=properties.carbon_content,
        oxidation_fraction=properties.oxidation_fraction)
    return fuel_combustion_emissions(trail=trail, instance=key, fuel_consumed=fc,
                                     emission_coefficient=coef)


def _inputs(ctx: Context) -> SolarThermalInputs:
    inputs = ctx.inputs
    assert isinstance(inputs, SolarThermalInputs)  # noqa: S101 - type narrowing only
    return inputs


class SolarThermal(Methodology):
    """CCER-01-001-V01 并网光热发电."""

    id: ClassVar[str] = "CCER-01-001-V01"
    version: ClassVar[str] = "V01"
    title_zh: ClassVar[str] = "并网光热发电"
    title_en: ClassVar[str] = "Grid-connected solar thermal power"
    sector: ClassVar[str] = "能源产业 / energy industries"
    status: ClassVar[str] = "in force since 2023-10-24 (batch 1)"
    source: ClassVar[str] = f"{DOC} (MEE, 2023-10-24)"
    max_crediting_years: ClassVar[int | None] = 10
    parameters = PARAMETERS
    input_model = SolarThermalInputs
    monitored_columns = MONITORED
    checks = CHECKS
    equations = (eq.baseline_emissions, net_electricity_delivered, combined_margin_factor,
                 eq.project_emissions_fossil_fuel, fuel_emission_coefficient_ncv_cc_of,
                 fuel_combustion_emissions, eq.leakage_emissions_neglected,
                 eq.emission_reductions, reduce_for_meter_error, increase_for_meter_error)
    example: ClassVar[str] = "data/example.toml"

    def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
        """Export and import, then one column ``fuel_<key>`` per fuel (t or 万Nm3)."""
        assert isinstance(inputs, SolarThermalInputs)  # noqa: S101 - type narrowing only
        return self.monitored_columns + tuple(
            fuel_column(p.fuel, consumption_unit(p.net_calorific_value.quantity))
            for p in project_fuel_properties(inputs))

    def compute(self, ctx: Context) -> Stages:
        """Run the stages on the project's period axis and refuse negative net delivery."""
        inputs = _inputs(ctx)
        om, bm = grid_margins(ctx, inputs.grid)
        grid = grid_baseline(
            ctx.trail,
            exported=ctx.monitored("export"), imported=ctx.monitored("import"),
            export_error=ctx.meter_error("export"), import_error=ctx.meter_error("import"),
            om_weight=ctx.param("om_weight"), operating_margin=om,
            bm_weight=ctx.param("bm_weight"), build_margin=bm)
        refuse_negative_net_delivery(ctx, grid.net_electricity)
        net = grid.net_electricity
        be = eq.baseline_emissions(trail=ctx.trail, net_electricity=net,
                                   combined_margin=grid.combined_margin)
        per_fuel = [fuel_emissions(ctx.trail, consumed=ctx.monitored(f"fuel_{p.fuel}"),
                                   error=ctx.meter_error(f"fuel_{p.fuel}"), properties=p)
                    for p in project_fuel_properties(inputs)]
        stacked = stack_per_fuel(per_fuel, ctx.years.shape, "FC_i,y × COEF_i,y")
        pe = eq.project_emissions_fossil_fuel(trail=ctx.trail, fuel_emissions=stacked)
        le = eq.leakage_emissions_neglected(trail=ctx.trail, net_electricity=net)
        er = eq.emission_reductions(trail=ctx.trail, baseline=be, project=pe)
        return Stages(be, pe, le, er, {**grid.as_intermediates(), "fuel_emissions": stacked})


METHODOLOGY = SolarThermal()
