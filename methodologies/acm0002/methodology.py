"""Wiring of CDM ACM0002 (greenfield): net supply, TOOL07 combined margin, PE_FF, PE_HP, ER.

monitored export/import → EG_PJ → BE with EF_CM (TOOL07 v07.0 para. 86 weights for the
technology and crediting period, project OM/BM); monitored fuel per fuel → FC × COEF (TOOL03
v03.0 eq. (4), option B) → PE_FF; reservoir: PD → PE_HP; PE; ER.
No meter correction: §7.3.4 is a CCER rule, not part of ACM0002.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import ClassVar

import numpy as np
import pint
from pydantic import BaseModel

from ccer_calc.methodology import Context, MonitoredColumn
from ccer_calc.parameters import Value
from ccer_calc.tools.fuel_combustion import (
    consumption_unit,
    fuel_combustion_emissions,
    fuel_emission_coefficient_tool03_option_b,
    stack_per_fuel,
)
from ccer_calc.tools.grid_baseline import GridPowerMethodology, broadcast_value
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


def _fuel_term(trail: Trail | None, fuel: str, values: Mapping[str, Value]) -> Value:
    coef = fuel_emission_coefficient_tool03_option_b(
        trail=trail, instance=fuel, net_calorific_value=values[f"ncv:{fuel}"],
        co2_emission_factor=values[f"ef:{fuel}"])
    return fuel_combustion_emissions(trail=trail, instance=fuel,
                                     fuel_consumed=values[f"fuel:{fuel}"],
                                     emission_coefficient=coef)


def _project_value(symbol: str, q: pint.Quantity, field: str) -> Value:
    return Value(symbol, q, "project", f"project file, inputs.{field}")


def _inputs(ctx: Context) -> Acm0002Inputs:
    inputs = ctx.inputs
    assert isinstance(inputs, Acm0002Inputs)  # noqa: S101 - type narrowing only
    return inputs


def _has_reservoir(inputs: Acm0002Inputs) -> bool:
    return bool(inputs.reservoir) and inputs.reservoir_area is not None


def _reservoir(t: Trail | None, v: Mapping[str, Value]) -> Value:
    """PE_HP,y of a new reservoir: its power density, then its emissions."""
    pd = eq.power_density(trail=t, installed_capacity=v["installed_capacity"],
                          reservoir_area=v["reservoir_area"])
    return eq.reservoir_project_emissions(
        trail=t, reservoir_emission_factor=v["reservoir_emission_factor"],
        total_generation=v["total_generation"], power_density=pd,
        power_density_no_emissions=v["power_density_no_emissions"])


class Acm0002(GridPowerMethodology):
    """CDM ACM0002, greenfield grid-connected renewable power."""

    info = INFO
    source: ClassVar[str] = f"{DOC} (UNFCCC CDM Executive Board) [U]"
    tool_documents: ClassVar[tuple[str, ...]] = ("TOOL03 v03.0", "TOOL07 v07.0")
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

    def stage_key(self, ctx: Context) -> Hashable:
        """The fuels burned, in order, and whether a new reservoir emits."""
        inputs = _inputs(ctx)
        return (tuple(inputs.fuels), _has_reservoir(inputs))

    def gather(self, ctx: Context) -> dict[str, Value]:
        """Export, import, the TOOL07 weights and margins, each fuel's data, the reservoir's.

        Per fuel ``<key>``: ``fuel:<key>`` (consumed), ``ncv:<key>`` and ``ef:<key>``.
        """
        inputs = _inputs(ctx)
        shape = ctx.years.shape
        values = {"exported": ctx.monitored("export"), "imported": ctx.monitored("import")}
        om_name, bm_name = tool07_weight_names(inputs.technology, inputs.crediting_period)
        values |= {
            "om_weight": ctx.param(om_name),
            "operating_margin": broadcast_value(ctx.param("grid_om_factor"), shape),
            "bm_weight": ctx.param(bm_name),
            "build_margin": broadcast_value(ctx.param("grid_bm_factor"), shape)}
        for k, f in inputs.fuels.items():
            values |= {f"fuel:{k}": ctx.monitored(f"fuel_{k}"),
                       f"ncv:{k}": _project_value(f"NCV_{k}", f.ncv, f"fuels.{k}.ncv"),
                       f"ef:{k}": _project_value(f"EF_CO2,{k}", f.co2_emission_factor,
                                                 f"fuels.{k}.co2_emission_factor")}
        if _has_reservoir(inputs) and inputs.reservoir_area is not None:
            values |= {
                "installed_capacity": _project_value("Cap_PJ", inputs.installed_capacity,
                                                     "installed_capacity"),
                "reservoir_area": _project_value("A_PJ", inputs.reservoir_area,
                                                 "reservoir_area"),
                "reservoir_emission_factor": ctx.param("reservoir_emission_factor"),
                "total_generation": ctx.monitored("generation"),
                "power_density_no_emissions": ctx.param("power_density_no_emissions")}
        return values

    def stages(self, trail: Trail | None, key: Hashable,
               values: Mapping[str, Value]) -> dict[str, Value]:
        """EG_PJ, EF_CM, BE; per fuel of ``key`` COEF and FC × COEF; PE_FF, PE_HP, PE, LE, ER."""
        v, t = values, trail
        fuels, reservoir = key if isinstance(key, tuple) else ((), False)
        net = eq.net_electricity_delivered(trail=t, electricity_exported=v["exported"],
                                           electricity_imported=v["imported"])
        cm = eq.combined_margin_factor(
            trail=t, om_weight=v["om_weight"], operating_margin=v["operating_margin"],
            bm_weight=v["bm_weight"], build_margin=v["build_margin"])
        be = eq.baseline_emissions(trail=t, net_electricity=net, combined_margin=cm)
        terms = [_fuel_term(t, k, v) for k in fuels]
        shape = np.shape(v["exported"].quantity.magnitude)
        pe_ff = eq.fossil_fuel_project_emissions(
            trail=t, fuel_emissions=stack_per_fuel(terms, shape, "FC_i,y × COEF_i,y"))
        pe_hp = _reservoir(t, v) if reservoir else Value(
            "PE_HP,y", Quantity(net.quantity.magnitude * 0.0, "t CO2e"), "fixed",
            "no new reservoir: PE_HP,y = 0")
        pe = eq.project_emissions(trail=t, fossil_fuel=pe_ff, reservoir=pe_hp)
        le = eq.leakage_emissions_neglected(trail=t, net_electricity=net)
        er = eq.emission_reductions(trail=t, baseline=be, project=pe)
        return {"baseline_emissions": be, "project_emissions": pe, "leakage_emissions": le,
                "emission_reductions": er, "net_electricity": net}


METHODOLOGY = Acm0002()
