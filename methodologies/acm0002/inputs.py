"""Project inputs of CDM ACM0002 (greenfield) beyond the monitored data."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
)

from ccer_calc.bounds import CO2_PER_ENERGY, INSTALLED_CAPACITY, NCV_BANDS, POSITIVE
from ccer_calc.errors import shown
from ccer_calc.project import quantity_any, quantity_field


class FuelIn(BaseModel):
    """NCV and CO2 emission factor of one fossil fuel (TOOL03 option B); both required."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    ncv: quantity_any(bounds=POSITIVE, bands=NCV_BANDS) = Field(  # type: ignore[valid-type]
        description="net calorific value, GJ/t, GJ/m^3 or GJ/万Nm3")
    co2_emission_factor: quantity_field(  # type: ignore[valid-type]
        "t CO2/GJ", bounds=CO2_PER_ENERGY) = Field(
        description="CO2 emission factor per unit of energy, t CO2/GJ (or t CO2/TJ)")


class Acm0002Inputs(BaseModel):
    """What an ACM0002 project states besides its monitoring data."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    technology: Literal["wind", "solar", "hydro", "geothermal", "wave", "tidal"] = Field(
        description="renewable technology of the project plant")
    project_type: Literal["greenfield", "capacity_addition", "retrofit", "replacement"] = Field(
        description="only greenfield plants are implemented; must be stated")
    grid_connected: StrictBool = Field(
        description="connected to an electricity grid; must be stated")
    crediting_period: int = Field(
        1, ge=1, le=3, description="which CDM crediting period (1, 2 or 3): selects the TOOL07 "
                                   "v07.0 para. 86 weights for projects other than wind and solar")
    installed_capacity: quantity_field("MW", bounds=INSTALLED_CAPACITY) = Field(  # type: ignore[valid-type]
        description="installed capacity Cap_PJ")
    reservoir: StrictBool | None = Field(
        None, validate_default=True,
        description="hydro plant with a new reservoir; must be stated for hydro")
    reservoir_area: quantity_field("km^2", bounds=POSITIVE) | None = Field(  # type: ignore[valid-type]
        None, description="area of the reservoir at full level, A_PJ")
    fuels: dict[str, FuelIn] = Field(
        default_factory=dict,
        description="fossil fuels the plant burns, by key; each gets a column fuel_<key>")

    @field_validator("reservoir")
    @classmethod
    def _reservoir_of_hydro(cls, reservoir: bool | None, info: ValidationInfo) -> bool | None:
        hydro = info.data.get("technology") == "hydro"
        if reservoir and not hydro:
            msg = "a reservoir is only meaningful for a hydro plant"
            raise ValueError(msg)
        if hydro and reservoir is None:
            msg = ("a hydro plant must state reservoir = true or false (a new reservoir adds "
                   "project emissions PE_HP)")
            raise ValueError(msg)
        return reservoir

    @field_validator("fuels")
    @classmethod
    def _fuel_keys(cls, fuels: dict[str, FuelIn]) -> dict[str, FuelIn]:
        for f in fuels:
            if not (f.isascii() and f.isidentifier() and f == f.lower()):
                msg = (f"fuel key {shown(f)} must be lower-case letters, digits and _ "
                       "(a column name)")
                raise ValueError(msg)
        return fuels
