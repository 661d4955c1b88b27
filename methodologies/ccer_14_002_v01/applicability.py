"""Known conditions of CCER-14-002-V01 红树林营造, one named check each.

Only the first pages of the MEE text (§2 适用条件 a-b) were read, in a secondary transcription
(the project's forestry reference, §2.2); the checks below enforce what they say. Each source
says "secondary transcription".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from ccer_calc.tools.forestry.sink_event_checks import ban_checks
from methodologies.ccer_14_002_v01.inputs import Ccer14002Inputs

if TYPE_CHECKING:
    from ccer_calc.project import Project

DOC = "CCER-14-002-V01"
_S = "(secondary transcription of the MEE text)"
_SITES = {"unvegetated_tidal_flat": ("unvegetated tidal flat", "无植被潮滩"),
          "abandoned_aquaculture_pond": ("abandoned aquaculture pond", "退养的养殖塘"),
          "other": ("other land", "其他土地")}


def _inputs(project: Project) -> Ccer14002Inputs:
    inputs = project.inputs
    if not isinstance(inputs, Ccer14002Inputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not CCER-14-002-V01 inputs"
        raise TypeError(msg)
    return inputs


def site(project: Project) -> tuple[bool, str]:
    """§2 a: unvegetated tidal flats or abandoned aquaculture ponds."""
    kind = _inputs(project).site_type
    en, zh = _SITES[kind]
    return kind != "other", Bilingual(f"site: {en}", f"营造地：{zh}")


def planted(project: Project) -> tuple[bool, str]:
    """§2 a: mangroves established by artificial planting."""
    if _inputs(project).artificial_planting:
        return True, Bilingual("mangroves planted artificially", "人工种植红树林")
    return False, Bilingual("the project declares no artificial planting", "项目声明非人工种植")


def tenure(project: Project) -> tuple[bool, str]:
    """§2 b: clear tenure evidenced by a county-level or higher authority."""
    if _inputs(project).tenure_documented:
        return True, Bilingual("tenure documented", "权属清晰并有证明")
    return False, Bilingual("tenure is not documented", "权属无证明")


CHECKS = (
    Check("tidal_flat_or_abandoned_pond", "在无植被潮滩或退养的养殖塘营造 / on unvegetated tidal "
          "flats or abandoned aquaculture ponds", f"{DOC} §2 a) {_S}", site),
    Check("artificial_planting", "人工种植 / artificial planting", f"{DOC} §2 a) {_S}", planted),
    Check("tenure_documented", "海域或土地权属清晰 / clear sea-area or land tenure",
          f"{DOC} §2 b) {_S}", tenure),
    *ban_checks(f"provisional: the rule of {DOC} is not known (only §1-§2 read); the ban known "
                "for CCER-14-001-V01 of the same batch (2025 interpretation article "
                "林草网群《造林碳汇项目新规解读》, secondary copy) is applied"),
)
