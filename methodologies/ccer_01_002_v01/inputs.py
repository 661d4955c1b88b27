"""Project inputs of CCER-01-002-V01 beyond the monitored data."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from ccer_calc.bounds import INSTALLED_CAPACITY, NONNEGATIVE
from ccer_calc.fields import quantity_field


class OffshoreWindInputs(BaseModel):
    """What an offshore wind project states besides its monitoring data."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    grid: Literal["华北", "东北", "华东", "华中", "西北", "南方", "西南"] = Field(
        description="区域电网 / regional grid the project connects to")
    installed_capacity: quantity_field("MW", bounds=INSTALLED_CAPACITY) = Field(  # type: ignore[valid-type]
        description="装机容量 / installed capacity")
    distance_to_shore: quantity_field(  # type: ignore[valid-type]
        "km", bounds=NONNEGATIVE) | None = Field(
        None, description="离岸距离 / distance from shore (sea-use approval, FSR or EIA)")
    water_depth: quantity_field("m", bounds=NONNEGATIVE) | None = Field(  # type: ignore[valid-type]
        None, description="海水深度 / water depth at the site")
    offshore: StrictBool = Field(
        description="seaward of the mean spring high-tide line (§4.1); must be stated")
    grid_connected: StrictBool = Field(
        description="connected to the regional grid; must be stated")
