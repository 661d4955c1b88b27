"""Applicability conditions of CCER-01-002-V01 (§2), one named check each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from ccer_calc.units import parse_unit, to_unit
from methodologies.ccer_01_002_v01.inputs import OffshoreWindInputs

if TYPE_CHECKING:
    from ccer_calc.project import Project

DOC = "CCER-01-002-V01 并网海上风力发电"
#: Distance from shore beyond which a wind farm qualifies (§2), km.
MIN_DISTANCE_KM = 30.0
#: Water depth beyond which a wind farm qualifies (§2), m.
MIN_DEPTH_M = 30.0


def _inputs(project: Project) -> OffshoreWindInputs:
    inputs = project.inputs
    if not isinstance(inputs, OffshoreWindInputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not offshore-wind inputs"
        raise TypeError(msg)
    return inputs


def far_or_deep(project: Project) -> tuple[bool, str]:
    """Distance from shore above 30 km, or water depth above 30 m."""
    i = _inputs(project)
    dist = None if i.distance_to_shore is None else float(
        to_unit(i.distance_to_shore, parse_unit("km")).magnitude)
    depth = None if i.water_depth is None else float(
        to_unit(i.water_depth, parse_unit("m")).magnitude)
    ok = (dist is not None and dist > MIN_DISTANCE_KM) or (depth is not None
                                                          and depth > MIN_DEPTH_M)
    shown = (f"distance to shore {'not given' if dist is None else f'{dist:g} km'}, "
             f"water depth {'not given' if depth is None else f'{depth:g} m'}")
    shown_zh = (f"离岸距离{'未给出' if dist is None else f' {dist:g} km'}，"
                f"海水深度{'未给出' if depth is None else f' {depth:g} m'}")
    return ok, Bilingual(
        f"{shown}; needs more than {MIN_DISTANCE_KM:g} km or more than {MIN_DEPTH_M:g} m",
        f"{shown_zh}；须大于 {MIN_DISTANCE_KM:g} km 或大于 {MIN_DEPTH_M:g} m")


def offshore(project: Project) -> tuple[bool, str]:
    """Seaward of the multi-year mean spring high-tide line (§4.1)."""
    i = _inputs(project)
    if i.offshore:
        return True, Bilingual("seaward of the mean spring high-tide line",
                               "位于多年平均大潮高潮线以下海域")
    return False, Bilingual("the project declares it is not seaward of the mean spring "
                            "high-tide line", "项目声明不位于多年平均大潮高潮线以下海域")


def grid_connected(project: Project) -> tuple[bool, str]:
    """Connected to a regional grid."""
    i = _inputs(project)
    if i.grid_connected:
        return True, Bilingual(f"connected to the {i.grid} regional grid", f"接入{i.grid}区域电网")
    return False, Bilingual("the project declares it is not grid-connected", "项目声明未并网")


CHECKS = (
    Check("offshore_far_or_deep", "离岸距离30公里以外或海水深度大于30米 / more than 30 km "
          "from shore or in water deeper than 30 m", f"{DOC} §2", far_or_deep),
    Check("offshore_location", "位于多年平均大潮高潮线以下海域 / seaward of the mean spring "
          "high-tide line", f"{DOC} §4.1", offshore),
    Check("grid_connected", "并网发电 / grid-connected", f"{DOC} §2", grid_connected),
)
