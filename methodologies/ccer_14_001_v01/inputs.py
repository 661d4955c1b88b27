"""Project inputs of CCER-14-001-V01: the shared sink inputs and the known CCER conditions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from ccer_calc.bounds import NONNEGATIVE, POSITIVE
from ccer_calc.project import DateIn, quantity_field
from ccer_calc.tools.forestry.sink_inputs import SinkInputs, SocIn, check_soc_strata


class Ccer14001Inputs(SinkInputs):
    """What a CCER-14-001-V01 project states besides its inventories (§2 conditions)."""

    forest_type: Literal["timber", "protection", "special_purpose", "economic"] = Field(
        description="林种 / forest type: 用材林 timber, 防护林 protection, 特种用途林 special "
                    "purpose; 经济林 economic forest is excluded (§2)")
    non_forest_since: DateIn = Field(
        description="土地不符合森林定义的起始日期 / date since which the land has not met the "
                    "forest definition (§2 a): at least 3 years before the project start")
    smallest_parcel_area: quantity_field("m^2", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="最小连续地块面积 / area of the smallest contiguous parcel (§2 c)")
    land_tenure_documented: StrictBool = Field(
        description="土地权属清晰并有证明 / clear tenure with documents (§2 b); must be stated")
    wetland: StrictBool = Field(description="项目土地属于湿地 / the land is wetland (§2 d); must "
                                            "be stated")
    shrub_removal_area: quantity_field("ha", bounds=NONNEGATIVE) = Field(  # type: ignore[valid-type]
        description="清除现有灌木和胸径小于2cm竹子的面积 / area where existing shrubs and bamboo "
                    "below 2 cm were removed (§2 e): at most 20 % of the project area")
    repeated_soil_disturbance: StrictBool = Field(
        description="计入期内重复扰动土壤 / soil disturbed again after the initial site "
                    "preparation during the crediting period (§2 f); must be stated")
    soc: SocIn | None = Field(None, description="土壤有机碳 / AR-TOOL16 strata when the SOC pool "
                                                "is accounted")

    @model_validator(mode="after")
    def _soc(self) -> Ccer14001Inputs:
        check_soc_strata(self, self.soc)
        return self
