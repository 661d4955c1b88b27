"""CCER-01-001-V01 并网光热发电 (grid-connected solar thermal power).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.plugin_info import MethodologyInfo

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
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the methodology object or its class
    if name in ("METHODOLOGY", "SolarThermal"):
        from methodologies.ccer_01_001_v01 import methodology  # noqa: PLC0415 - loaded on first use

        return getattr(methodology, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
