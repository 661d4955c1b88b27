"""Known conditions of CCER-14-001-V01 造林碳汇, one named check each.

Only the first pages of the MEE text (§2 适用条件) were read, in a secondary transcription, with
an interpretation article of 2025 (docs/data-sources.md; the project's forestry reference, §2.1):
the checks below enforce what those say. Each source says "secondary transcription".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from ccer_calc.rules import years_later
from ccer_calc.tools.forestry.sink_event_checks import ban_checks
from methodologies.ccer_14_001_v01.inputs import Ccer14001Inputs

if TYPE_CHECKING:
    from ccer_calc.project import Project

DOC = "CCER-14-001-V01"
_S = "(secondary transcription of the MEE text)"
_NEWS = "(2025 interpretation article; MEE text not read)"
#: Where the bans on burning and on displacing agriculture are known from (docs/data-sources.md).
_BANS = ("(2025 interpretation article 林草网群《造林碳汇项目新规解读》, read in a secondary "
         "copy; MEE text not read)")
#: Years the land must have been non-forest before the project start (§2 a).
NON_FOREST_YEARS = 3
#: Smallest contiguous parcel, m², and for projects started in or before 2019 (§2 c).
MIN_PARCEL_M2, MIN_PARCEL_M2_BEFORE_2020 = 400.0, 667.0
#: Largest share of the area where shrubs and small bamboo may be removed (§2 e), per cent.
MAX_SHRUB_REMOVAL_PERCENT = 20.0


def _inputs(project: Project) -> Ccer14001Inputs:
    inputs = project.inputs
    if not isinstance(inputs, Ccer14001Inputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not CCER-14-001-V01 inputs"
        raise TypeError(msg)
    return inputs


def non_forest(project: Project) -> tuple[bool, str]:
    """§2 a: the land has not met the forest definition for at least 3 years before the start."""
    since = _inputs(project).non_forest_since
    start = project.spec.dates.construction_start
    limit = years_later(start, -NON_FOREST_YEARS)
    return since <= limit, Bilingual(
        f"non-forest since {since}; project start {start} needs {limit} or earlier",
        f"自 {since} 起为非林地；项目开始于 {start}，须不晚于 {limit}")


def parcel_size(project: Project) -> tuple[bool, str]:
    """§2 c: each contiguous parcel at least 400 m² (667 m² for projects started by 2019)."""
    area = float(_inputs(project).smallest_parcel_area.m_as("m^2"))
    early = project.spec.dates.construction_start.year <= 2019  # noqa: PLR2004 - §2 c
    need = MIN_PARCEL_M2_BEFORE_2020 if early else MIN_PARCEL_M2
    when_en = "started in or before 2019" if early else "started after 2019"
    when_zh = "2019年及以前开始" if early else "2019年以后开始"
    return area >= need, Bilingual(
        f"smallest parcel {area:g} m²; at least {need:g} m² for a project {when_en}",
        f"最小地块 {area:g} m²；{when_zh}的项目须不小于 {need:g} m²")


def not_wetland(project: Project) -> tuple[bool, str]:
    """§2 d: not wetland."""
    if _inputs(project).wetland:
        return False, Bilingual("the project declares wetland", "项目声明土地为湿地")
    return True, Bilingual("not wetland", "非湿地")


def shrub_removal(project: Project) -> tuple[bool, str]:
    """§2 e: shrubs and small bamboo removed on at most 20 % of the project area."""
    i = _inputs(project)
    share = 100.0 * float(i.shrub_removal_area.m_as("ha") / i.project_area.m_as("ha"))
    return share <= MAX_SHRUB_REMOVAL_PERCENT, Bilingual(
        f"shrubs removed on {share:.4g} % of the project area; at most "
        f"{MAX_SHRUB_REMOVAL_PERCENT:g} %",
        f"清除灌木面积占项目面积 {share:.4g}%，不超过 {MAX_SHRUB_REMOVAL_PERCENT:g}%")


def _declared(flag: bool, bad_en: str, bad_zh: str, good_en: str, good_zh: str
              ) -> tuple[bool, str]:
    return (False, Bilingual(bad_en, bad_zh)) if flag else (True, Bilingual(good_en, good_zh))


CHECKS = (
    Check("not_economic_forest", "非经济林造林 / not economic forest",
          f"{DOC} §2 {_S}", lambda p: _declared(
              _inputs(p).forest_type == "economic", "economic forest is excluded",
              "经济林不适用本方法学", f"forest type {_inputs(p).forest_type}",
              "林种符合适用范围")),
    Check("non_forest_at_least_3_years", "项目开始前至少3年不符合森林定义 / non-forest for at "
          "least 3 years before the start", f"{DOC} §2 a) {_S}", non_forest),
    Check("land_tenure_documented", "土地权属清晰 / clear land tenure", f"{DOC} §2 b) {_S}",
          lambda p: _declared(not _inputs(p).land_tenure_documented,
                              "land tenure is not documented", "土地权属无证明",
                              "land tenure documented", "土地权属清晰并有证明")),
    Check("parcel_at_least_400_m2", "连续地块面积不小于400平方米（2019年及以前开始的项目为"
          "667平方米） / contiguous parcels of at least 400 m² (667 m² if started by 2019)",
          f"{DOC} §2 c) {_S}", parcel_size),
    Check("not_wetland", "非湿地 / not wetland", f"{DOC} §2 d) {_S}", not_wetland),
    Check("shrub_removal_at_most_20_percent", "清除灌木和小径竹面积不超过项目面积的20% / "
          "shrubs and small bamboo removed on at most 20 % of the area", f"{DOC} §2 e) {_S}",
          shrub_removal),
    Check("no_repeated_soil_disturbance", "计入期内不重复扰动土壤 / no repeated soil "
          "disturbance in the crediting period", f"{DOC} §2 f) {_NEWS}",
          lambda p: _declared(_inputs(p).repeated_soil_disturbance,
                              "soil disturbed again in the crediting period",
                              "计入期内重复扰动土壤", "soil disturbed only at site preparation",
                              "仅整地时扰动土壤")),
    *ban_checks(f"{DOC}, a known condition {_BANS}"),
)
