"""AR-ACM0003 v02.0: afforestation and reforestation of lands except wetlands (CDM).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.plugin_info import MethodologyInfo

if TYPE_CHECKING:
    from methodologies.ar_acm0003.methodology import METHODOLOGY, ArAcm0003

__all__ = ["INFO", "METHODOLOGY", "ArAcm0003"]

INFO = MethodologyInfo(
    id="AR-ACM0003",
    version="02.0",
    title_zh="除湿地以外土地的造林和再造林（CDM 整合方法学）",
    title_en="Afforestation and reforestation of lands except wetlands",
    sector="造林和再造林（行业领域14） / A/R (sectoral scope 14)",
    status="verified: built from the official UNFCCC text (EB 75 Annex 30, in force since "
           "2013-10-04)",
    programme="CDM",
    document="AR-ACM0003 v02.0",
    accounts="removals",
    inputs="methodologies.ar_acm0003.inputs:ArAcm0003Inputs",
    expected="ccer_calc.tools.forestry.sink_plan_in:SinkExpectedIn",
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the methodology object or its class
    if name in ("METHODOLOGY", "ArAcm0003"):
        from methodologies.ar_acm0003 import methodology  # noqa: PLC0415 - loaded on first use

        return getattr(methodology, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
