"""Project inputs of AR-AM0014 v03.0: the shared sink inputs and the methodology's own."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from ccer_calc.bounds import POSITIVE
from ccer_calc.project import quantity_field
from ccer_calc.tools.forestry.sink_inputs import PERCENT, SinkInputs


class PlantingIn(BaseModel):
    """The area planted in one year (A_PLANT,t of eq. 4)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    year: int = Field(ge=1900, le=2200, description="种植年份 / year of planting t_PLANT")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="当年种植面积 / area planted in that year")


class ArAm0014Inputs(SinkInputs):
    """What an AR-AM0014 project states: its inventories and its applicability facts."""

    degraded_mangrove_habitat: StrictBool = Field(
        description="项目土地为退化红树林生境 / the land is degraded mangrove habitat (para. "
                    "3(a), definition para. 8(a)); must be stated")
    mangrove_planted_share: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) = Field(
        description="以红树林树种种植的面积比例 / share of the project area planted with "
                    "mangrove species (para. 3(b))")
    non_mangrove_planted_share: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) = Field(
        description="以非红树林树种种植的面积比例 / share of the project area planted with "
                    "non-mangrove species (para. 3(b))")
    hydrology_altered: StrictBool = Field(
        description="改变项目区及相连湿地的水文 / the hydrology of the project area or of "
                    "connected wetlands is altered (para. 3(b)); must be stated")
    soil_disturbance: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) = Field(
        description="项目造成的土壤扰动面积比例 / soil disturbance attributable to the project, "
                    "share of the project area (para. 3(c))")
    planting: list[PlantingIn] = Field(
        default_factory=list, description="逐年种植面积 / area planted in each year (eq. 4); "
                                          "needed to compute SOC (an estimate takes it from "
                                          "the planting schedule)")

    @model_validator(mode="after")
    def _pools_and_planting(self) -> ArAm0014Inputs:
        if "litter" in self.pools:
            msg = "AR-AM0014 does not account litter (Table 1): remove it from pools"
            raise ValueError(msg)
        years = [p.year for p in self.planting]
        if len(set(years)) != len(years):
            msg = "each planting year once in [[inputs.planting]]"
            raise ValueError(msg)
        planted = sum(float(p.area.m_as("ha")) for p in self.planting)
        if planted > float(self.project_area.m_as("ha")) * (1 + 1e-9):
            msg = (f"the areas planted add up to {planted:g} ha, more than the project area "
                   f"{float(self.project_area.m_as('ha')):g} ha")
            raise ValueError(msg)
        return self
