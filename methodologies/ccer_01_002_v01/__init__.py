"""CCER-01-002-V01 并网海上风力发电 (grid-connected offshore wind power).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.plugin_info import MethodologyInfo

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
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the methodology object or its class
    if name in ("METHODOLOGY", "OffshoreWind"):
        from methodologies.ccer_01_002_v01 import methodology  # noqa: PLC0415 - loaded on first use

        return getattr(methodology, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
