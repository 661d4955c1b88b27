"""Project inputs of AR-ACM0003 v02.0: the shared sink inputs and the methodology's own."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator

from ccer_calc.project import quantity_field
from ccer_calc.tools.forestry.sink_inputs import PERCENT, SinkInputs, SocIn, check_soc_strata


class ArAcm0003Inputs(SinkInputs):
    """What an AR-ACM0003 project states: its inventories and its applicability facts."""

    wetland: StrictBool = Field(
        description="项目土地属于湿地 / the land falls in the wetland category (para. 3(a)); "
                    "must be stated")
    organic_soil_disturbance: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) | None = Field(
        None, description="有机土上土壤扰动面积比例 / soil disturbance on land with organic "
                          "soils, share of that land (para. 3(b)(i)); omit if there is none")
    restricted_land_disturbance: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) | None = Field(
        None, description="附录1、2所列土地上土壤扰动面积比例 / soil disturbance on land under "
                          "the practices of appendices 1-2, share of that land (para. "
                          "3(b)(ii)); omit if there is none")
    soc: SocIn | None = Field(None, description="土壤有机碳 / AR-TOOL16 strata when the SOC pool "
                                                "is accounted")

    @model_validator(mode="after")
    def _soc(self) -> ArAcm0003Inputs:
        check_soc_strata(self, self.soc)
        return self
