"""Project inputs of AR-AM0014 v03.0: the shared sink inputs and the methodology's own."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator

from ccer_calc.project import quantity_field
from ccer_calc.tools.forestry.sink_inputs import PERCENT, PlantedAreaIn, SinkInputs, check_planting


class PlantingIn(PlantedAreaIn):
    """The area planted in one year (A_PLANT,t of eq. 4)."""


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
        check_planting(self, self.planting)
        return self
