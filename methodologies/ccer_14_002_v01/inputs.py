"""Project inputs of CCER-14-002-V01: the shared sink inputs and the known CCER conditions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from ccer_calc.tools.forestry.sink_inputs import PlantedAreaIn, SinkInputs, check_planting


class PlantingIn(PlantedAreaIn):
    """The area planted in one year (A_PLANT,t of the parent's eq. 4)."""


class Ccer14002Inputs(SinkInputs):
    """What a CCER-14-002-V01 project states besides its inventories (§2 conditions)."""

    site_type: Literal["unvegetated_tidal_flat", "abandoned_aquaculture_pond", "other"] = Field(
        description="营造地类型 / site: 无植被潮滩 unvegetated tidal flat, 退养的养殖塘 abandoned "
                    "aquaculture pond, or other (§2 a)")
    artificial_planting: StrictBool = Field(
        description="人工种植红树林 / mangroves established by artificial planting (§2 a); must "
                    "be stated")
    tenure_documented: StrictBool = Field(
        description="海域或土地权属清晰并有县级以上政府或自然资源（海洋）主管部门证明 / clear "
                    "sea-area or land tenure evidenced by a county-level or higher authority "
                    "(§2 b); must be stated")
    planting: list[PlantingIn] = Field(
        default_factory=list, description="逐年种植面积 / area planted in each year; needed "
                                          "to compute SOC (an estimate takes it from the "
                                          "planting schedule)")

    @model_validator(mode="after")
    def _pools_and_planting(self) -> Ccer14002Inputs:
        if "litter" in self.pools:
            msg = "litter is not accounted (as in the CDM parent's Table 1): remove it from pools"
            raise ValueError(msg)
        check_planting(self, self.planting)
        return self
