"""AR-AM0014 v03.0: afforestation and reforestation of degraded mangrove habitats (CDM).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.plugin_info import MethodologyInfo

if TYPE_CHECKING:
    from methodologies.ar_am0014.methodology import METHODOLOGY, ArAm0014

__all__ = ["INFO", "METHODOLOGY", "ArAm0014"]

INFO = MethodologyInfo(
    id="AR-AM0014",
    version="03.0",
    title_zh="退化红树林生境的造林和再造林（CDM 方法学）",
    title_en="Afforestation and reforestation of degraded mangrove habitats",
    sector="造林和再造林（行业领域14） / A/R (sectoral scope 14)",
    status="verified: built from the official UNFCCC text (EB 75 Annex 29, in force since "
           "2013-10-04)",
    programme="CDM",
    document="AR-AM0014 v03.0",
    accounts="removals",
    inputs="methodologies.ar_am0014.inputs:ArAm0014Inputs",
    expected="ccer_calc.tools.forestry.sink_plan_in:SinkExpectedIn",
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the methodology object or its class
    if name in ("METHODOLOGY", "ArAm0014"):
        from methodologies.ar_am0014 import methodology  # noqa: PLC0415 - loaded on first use

        return getattr(methodology, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
