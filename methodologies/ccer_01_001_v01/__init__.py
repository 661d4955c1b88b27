"""CCER-01-001-V01 并网光热发电 (grid-connected solar thermal power).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.plugin_info import ColumnInfo, MethodologyInfo, lazy_attributes

if TYPE_CHECKING:
    from methodologies.ccer_01_001_v01.methodology import METHODOLOGY, SolarThermal

__all__ = ["INFO", "METHODOLOGY", "SolarThermal"]

INFO = MethodologyInfo(
    id="CCER-01-001-V01",
    version="V01",
    title_zh="并网光热发电",
    title_en="Grid-connected solar thermal power",
    sector="能源产业 / energy industries",
    status="in force since 2023-10-24 (batch 1)",
    programme="CCER",
    document="CCER-01-001-V01",
    inputs="methodologies.ccer_01_001_v01.inputs:SolarThermalInputs",
    monitored=(ColumnInfo("export", "MWh"), ColumnInfo("import", "MWh")),
    columns_per_project="Export and import, then one column fuel_<key> per fuel (t or 万Nm3)",
)


__getattr__ = lazy_attributes(__name__, "methodology", ("METHODOLOGY", "SolarThermal"))
