"""Applicability conditions of CCER-01-001-V01 (§2), one named check each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from methodologies.ccer_01_001_v01.inputs import SolarThermalInputs
from methodologies.ccer_01_001_v01.parameters import DOC

if TYPE_CHECKING:
    from ccer_calc.project import Project


def _inputs(project: Project) -> SolarThermalInputs:
    inputs = project.inputs
    if not isinstance(inputs, SolarThermalInputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not solar-thermal inputs"
        raise TypeError(msg)
    return inputs


def grid_connected(project: Project) -> tuple[bool, str]:
    """Connected to a regional grid."""
    i = _inputs(project)
    if i.grid_connected:
        return True, Bilingual(f"connected to the {i.grid} regional grid", f"接入{i.grid}区域电网")
    return False, Bilingual("the project declares it is not grid-connected", "项目声明未并网")


def csp_export_metered(project: Project) -> tuple[bool, str]:
    """Stand-alone CSP, or the CSP part of a 光热+ project with separately metered export."""
    i = _inputs(project)
    if not i.csp_plus:
        return True, Bilingual("stand-alone grid-connected solar thermal plant", "独立并网光热电站")
    if i.csp_export_metered_separately:
        return True, Bilingual("CSP part of a 光热+ project; its grid export is metered separately",
                               "光热+项目中的光热部分，其上网电量单独计量")
    return False, Bilingual("CSP part of a 光热+ project whose grid export is not metered "
                            "separately; the methodology needs the CSP part's own export",
                            "光热+项目中的光热部分，其上网电量未单独计量；方法学要求光热部分自身的上网电量")


CHECKS = (
    Check("grid_connected", "并网光热发电 / grid-connected", f"{DOC} §2", grid_connected),
    Check("csp_export_metered_separately",
          "独立光热或光热+项目中单独计量上网电量的光热部分 / stand-alone CSP, or the CSP part of "
          "a 光热+ project metered separately", f"{DOC} §2, §4.2", csp_export_metered),
)
