"""Project inputs of CCER-01-001-V01 beyond the monitored data."""

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

from ccer_calc.bounds import (
    CARBON_PER_ENERGY,
    FRACTION,
    INSTALLED_CAPACITY,
    NCV_BANDS,
    POSITIVE,
)
from ccer_calc.errors import shown
from ccer_calc.fields import quantity_any, quantity_field


class FuelPropertiesIn(BaseModel):
    """Measured NCV, CC and OF of one fuel; each replaces the table default when given."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    ncv: quantity_any(bounds=POSITIVE, bands=NCV_BANDS) | None = Field(  # type: ignore[valid-type]
        None, description="低位发热量 NCV, GJ/t or GJ/万Nm3")
    cc: quantity_field("t C/GJ", bounds=CARBON_PER_ENERGY) | None = Field(  # type: ignore[valid-type]
        None, description="单位热值含碳量 CC, t C/GJ (or t C/TJ)")
    of: quantity_field("dimensionless", bounds=FRACTION) | None = Field(  # type: ignore[valid-type]
        None, description="碳氧化率 OF, % or fraction")


class SolarThermalInputs(BaseModel):
    """What a grid-connected solar thermal (CSP) project states besides its monitoring data."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    grid: Literal["华北", "东北", "华东", "华中", "西北", "南方", "西南"] = Field(
        description="区域电网 / regional grid the project connects to")
    installed_capacity: quantity_field("MW", bounds=INSTALLED_CAPACITY) = Field(  # type: ignore[valid-type]
        description="光热装机容量 / installed CSP capacity")
    grid_connected: StrictBool = Field(
        description="connected to the regional grid; must be stated")
    csp_plus: StrictBool = Field(
        description="the CSP part of a 光热+ project (CSP with wind and/or PV, §4.2); must be "
                    "stated")
    csp_export_metered_separately: StrictBool | None = Field(
        None, validate_default=True,
        description="the CSP part's grid export is metered separately; must be stated for a "
                    "光热+ project")
    fuels: list[str] = Field(
        default_factory=list,
        description="fossil fuels burned for anti-freeze heating, keys of the fuel table "
                    "(diesel, natural_gas, ...); each gets a monitored column fuel_<key>")
    fuel_properties: dict[str, FuelPropertiesIn] = Field(
        default_factory=dict, description="measured NCV/CC/OF per fuel, replacing defaults")

    @field_validator("csp_export_metered_separately")
    @classmethod
    def _metering_stated_for_csp_plus(cls, metered: bool | None,
                                      info: ValidationInfo) -> bool | None:
        if info.data.get("csp_plus") and metered is None:
            msg = ("a 光热+ project must state csp_export_metered_separately (whether the CSP "
                   "part's grid export is metered on its own)")
            raise ValueError(msg)
        return metered

    @field_validator("fuels")
    @classmethod
    def _fuels_are_column_keys(cls, fuels: list[str]) -> list[str]:
        for f in fuels:
            if not (f.isascii() and f.isidentifier() and f == f.lower()):
                msg = (f"fuel key {shown(f)} must be lower-case letters, digits and _ "
                       "(a column name)")
                raise ValueError(msg)
        if len(set(fuels)) != len(fuels):
            msg = f"fuels listed twice: {fuels}"
            raise ValueError(msg)
        return fuels

    @field_validator("fuel_properties")
    @classmethod
    def _properties_of_listed_fuels(
        cls, props: dict[str, FuelPropertiesIn], info: ValidationInfo
    ) -> dict[str, FuelPropertiesIn]:
        extra = sorted(set(props) - set(info.data.get("fuels", [])))
        if extra:
            msg = f"fuel_properties given for fuels not in fuels: {extra}"
            raise ValueError(msg)
        return props
