"""Applicability conditions of AR-ACM0003 v02.0 (section 2.2, para. 3), one named check each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from methodologies.ar_acm0003.inputs import ArAcm0003Inputs

if TYPE_CHECKING:
    import pint

    from ccer_calc.project import Project

DOC = "AR-ACM0003 v02.0"
#: Largest share of soil disturbance on restricted land (para. 3(b)), per cent.
MAX_DISTURBANCE_PERCENT = 10.0


def _inputs(project: Project) -> ArAcm0003Inputs:
    inputs = project.inputs
    if not isinstance(inputs, ArAcm0003Inputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not AR-ACM0003 inputs"
        raise TypeError(msg)
    return inputs


def not_wetland(project: Project) -> tuple[bool, str]:
    """Para. 3(a): the land does not fall in the wetland category."""
    if _inputs(project).wetland:
        return False, Bilingual("the project declares land in the wetland category",
                                "项目声明土地属于湿地")
    return True, Bilingual("the land is not in the wetland category", "项目土地不属于湿地")


def _disturbance(share: pint.Quantity | None, what_en: str, what_zh: str) -> tuple[bool, str]:
    if share is None:
        return True, Bilingual(f"no {what_en} in the project boundary",
                               f"项目边界内无{what_zh}")
    pct = float(share.m_as("percent"))
    return pct <= MAX_DISTURBANCE_PERCENT, Bilingual(
        f"soil disturbance {pct:g} % of the {what_en}; at most {MAX_DISTURBANCE_PERCENT:g} %",
        f"{what_zh}土壤扰动 {pct:g}%，不超过 {MAX_DISTURBANCE_PERCENT:g}%")


def organic_soils(project: Project) -> tuple[bool, str]:
    """Para. 3(b)(i): disturbance on organic soils at most 10 % of their area."""
    return _disturbance(_inputs(project).organic_soil_disturbance, "land with organic soils",
                        "有机土土地")


def restricted_land(project: Project) -> tuple[bool, str]:
    """Para. 3(b)(ii): disturbance on land of appendices 1-2 at most 10 % of its area."""
    return _disturbance(_inputs(project).restricted_land_disturbance,
                        "land under the practices of appendices 1-2", "附录1、2所列土地")


CHECKS = (
    Check("not_wetland", "项目土地不属于湿地 / the land is not in the wetland category",
          f"{DOC} para. 3(a)", not_wetland),
    Check("organic_soil_disturbance_at_most_10_percent",
          "有机土上土壤扰动不超过10% / soil disturbance on organic soils at most 10 %",
          f"{DOC} para. 3(b)(i)", organic_soils),
    Check("restricted_land_disturbance_at_most_10_percent",
          "附录1、2所列土地上土壤扰动不超过10% / soil disturbance on land of appendices 1-2 at "
          "most 10 %", f"{DOC} para. 3(b)(ii)", restricted_land),
)
