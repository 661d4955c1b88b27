"""Wiring of CCER-01-001-V01: grid baseline, (1)-(3), and fossil fuel for anti-freeze, (4)-(5).

monitored export/import → §7.3.4 → (2), (3) → (1);
monitored fuel per fuel → §7.3.4 → × (5) coefficient → (4) term → (4); §6.5 LE = 0; (6).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import ClassVar

import numpy as np
from pydantic import BaseModel

from ccer_calc.methodology import Context, MonitoredColumn
from ccer_calc.parameters import Value
from ccer_calc.tools.fuel_combustion import (
    FuelProperties,
    consumption_unit,
    fuel_properties,
    stack_per_fuel,
)
from ccer_calc.tools.grid_baseline import GridPowerMethodology, grid_margins
from ccer_calc.tools.metering import meter_error
from ccer_calc.trail import Trail
from methodologies.ccer_01_001_v01 import INFO
from methodologies.ccer_01_001_v01 import equations as eq
from methodologies.ccer_01_001_v01.applicability import CHECKS
from methodologies.ccer_01_001_v01.inputs import SolarThermalInputs
from methodologies.ccer_01_001_v01.parameters import DOC, MONITORED, PARAMETERS, fuel_column

__all__ = ["METHODOLOGY", "SolarThermal", "fuel_term", "project_fuel_properties"]

_FIELD = "inputs.fuel_properties"
_METERING = f"{DOC} §7.3.4"


def project_fuel_properties(inputs: SolarThermalInputs) -> list[FuelProperties]:
    """NCV, CC and OF of each fuel the project lists: its measured values, else the defaults."""
    out = []
    for fuel in inputs.fuels:
        given = inputs.fuel_properties.get(fuel)
        out.append(fuel_properties(fuel, ncv=None if given is None else given.ncv,
                                   cc=None if given is None else given.cc,
                                   of=None if given is None else given.of, field=_FIELD))
    return out


def fuel_term(
    trail: Trail | None, *, consumed: Value, error: Value, properties: FuelProperties
) -> Value:
    """FC_i,y × COEF_i,y of one fuel, after the conservative meter correction (§7.3.4)."""
    key = properties.fuel
    fc = eq.fuel_corrected_for_meter_error(trail=trail, instance=key, measured=consumed,
                                           error=error)
    coef = eq.fuel_emission_coefficient(
        trail=trail, instance=key, net_calorific_value=properties.net_calorific_value,
        carbon_content=properties.carbon_content,
        oxidation_fraction=properties.oxidation_fraction)
    return eq.fuel_emissions(trail=trail, instance=key, fuel=fc, coefficient=coef)


def _inputs(ctx: Context) -> SolarThermalInputs:
    inputs = ctx.inputs
    assert isinstance(inputs, SolarThermalInputs)  # noqa: S101 - type narrowing only
    return inputs


class SolarThermal(GridPowerMethodology):
    """CCER-01-001-V01 并网光热发电."""

    info = INFO
    source: ClassVar[str] = f"{DOC} (MEE, 2023-10-24)"
    max_crediting_years: ClassVar[int | None] = 10
    data_tables: ClassVar[tuple[str, ...]] = ("grid_factor_editions_mee", "grid_factors_mee",
                                              "fuel_defaults_mee")
    parameters = PARAMETERS
    input_model = SolarThermalInputs
    monitored_columns = MONITORED
    checks = CHECKS
    equations = (eq.baseline_emissions, eq.net_electricity_delivered, eq.combined_margin_factor,
                 eq.fuel_emissions, eq.project_emissions_fossil_fuel,
                 eq.fuel_emission_coefficient, eq.leakage_emissions_neglected,
                 eq.emission_reductions, eq.export_corrected_for_meter_error,
                 eq.import_corrected_for_meter_error, eq.fuel_corrected_for_meter_error)
    example: ClassVar[str] = "data/example.toml"

    def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
        """Export and import, then one column ``fuel_<key>`` per fuel (t or 万Nm3)."""
        assert isinstance(inputs, SolarThermalInputs)  # noqa: S101 - type narrowing only
        return self.monitored_columns + tuple(
            fuel_column(p.fuel, consumption_unit(p.net_calorific_value.quantity))
            for p in project_fuel_properties(inputs))

    def stage_key(self, ctx: Context) -> Hashable:
        """The fuels burned, in order: they fix the sequence of equations."""
        return tuple(_inputs(ctx).fuels)

    def gather(self, ctx: Context) -> dict[str, Value]:
        """Margins, export and import with their meter errors, weights, and each fuel's data.

        Per fuel ``<key>``: ``fuel:<key>`` (consumed), ``fuel_error:<key>`` and its NCV, CC
        and OF (``ncv:<key>``, ``cc:<key>``, ``of:<key>``).
        """
        inputs = _inputs(ctx)
        om, bm = grid_margins(ctx, inputs.grid)
        values = {"exported": ctx.monitored("export"),
                  "export_error": meter_error(ctx, "export", _METERING),
                  "imported": ctx.monitored("import"),
                  "import_error": meter_error(ctx, "import", _METERING),
                  "om_weight": ctx.param("om_weight"), "operating_margin": om,
                  "bm_weight": ctx.param("bm_weight"), "build_margin": bm}
        for p in project_fuel_properties(inputs):
            column = f"fuel_{p.fuel}"
            values |= {f"fuel:{p.fuel}": ctx.monitored(column),
                       f"fuel_error:{p.fuel}": meter_error(ctx, column, _METERING),
                       f"ncv:{p.fuel}": p.net_calorific_value, f"cc:{p.fuel}": p.carbon_content,
                       f"of:{p.fuel}": p.oxidation_fraction}
        return values

    def stages(self, trail: Trail | None, key: Hashable,
               values: Mapping[str, Value]) -> dict[str, Value]:
        """(2), (3), (1) with §7.3.4; per fuel of ``key`` (5) and its (4) term; (4), §6.5, (6)."""
        v, t = values, trail
        exp = eq.export_corrected_for_meter_error(trail=t, measured=v["exported"],
                                                  error=v["export_error"])
        imp = eq.import_corrected_for_meter_error(trail=t, measured=v["imported"],
                                                  error=v["import_error"])
        net = eq.net_electricity_delivered(trail=t, electricity_exported=exp,
                                           electricity_imported=imp)
        cm = eq.combined_margin_factor(trail=t, om_weight=v["om_weight"],
                                       operating_margin=v["operating_margin"],
                                       bm_weight=v["bm_weight"], build_margin=v["build_margin"])
        be = eq.baseline_emissions(trail=t, net_electricity=net, combined_margin=cm)
        fuels = key if isinstance(key, tuple) else ()
        per_fuel = [fuel_term(t, consumed=v[f"fuel:{k}"], error=v[f"fuel_error:{k}"],
                              properties=FuelProperties(k, v[f"ncv:{k}"], v[f"cc:{k}"],
                                                        v[f"of:{k}"]))
                    for k in fuels]
        stacked = stack_per_fuel(per_fuel, np.shape(v["exported"].quantity.magnitude),
                                 "FC_i,y × COEF_i,y")
        pe = eq.project_emissions_fossil_fuel(trail=t, fuel_emissions=stacked)
        le = eq.leakage_emissions_neglected(trail=t, net_electricity=net)
        er = eq.emission_reductions(trail=t, baseline=be, project=pe)
        return {"baseline_emissions": be, "project_emissions": pe, "leakage_emissions": le,
                "emission_reductions": er, "net_electricity": net}


METHODOLOGY = SolarThermal()
