"""CCER-01-002-V01 并网海上风力发电 (grid-connected offshore wind power).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.plugin_info import ColumnInfo, MethodologyInfo, lazy_attributes

if TYPE_CHECKING:
    from methodologies.ccer_01_002_v01.methodology import METHODOLOGY, OffshoreWind

__all__ = ["INFO", "METHODOLOGY", "OffshoreWind"]

INFO = MethodologyInfo(
    id="CCER-01-002-V01",
    version="V01",
    title_zh="并网海上风力发电",
    title_en="Grid-connected offshore wind power",
    sector="能源产业 / energy industries",
    status="in force since 2023-10-24 (batch 1)",
    programme="CCER",
    document="CCER-01-002-V01",
    inputs="methodologies.ccer_01_002_v01.inputs:OffshoreWindInputs",
    monitored=(ColumnInfo("export", "MWh"), ColumnInfo("import", "MWh")),
)


__getattr__ = lazy_attributes(__name__, "methodology", ("METHODOLOGY", "OffshoreWind"))
