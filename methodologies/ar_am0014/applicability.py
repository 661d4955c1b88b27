"""Applicability conditions of AR-AM0014 v03.0 (section 2.2, para. 3), one named check each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from methodologies.ar_am0014.inputs import ArAm0014Inputs

if TYPE_CHECKING:
    from ccer_calc.project import Project

DOC = "AR-AM0014 v03.0"
#: Share of the area that must be planted with mangrove species (para. 3(b)), per cent.
MIN_MANGROVE_PERCENT = 90.0
#: Share of non-mangrove planting above which hydrology must not be altered, per cent.
NON_MANGROVE_PERCENT = 10.0
#: Largest share of the area with soil disturbance (para. 3(c)), per cent.
MAX_DISTURBANCE_PERCENT = 10.0


def _inputs(project: Project) -> ArAm0014Inputs:
    inputs = project.inputs
    if not isinstance(inputs, ArAm0014Inputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not AR-AM0014 inputs"
        raise TypeError(msg)
    return inputs


def degraded_habitat(project: Project) -> tuple[bool, str]:
    """Para. 3(a): the land is degraded mangrove habitat."""
    if _inputs(project).degraded_mangrove_habitat:
        return True, Bilingual("the land is degraded mangrove habitat", "项目土地为退化红树林生境")
    return False, Bilingual("the project declares the land is not degraded mangrove habitat",
                            "项目声明土地不是退化红树林生境")


def mangrove_planting(project: Project) -> tuple[bool, str]:
    """Para. 3(b): more than 90 % planted with mangroves; hydrology kept above 10 % others."""
    i = _inputs(project)
    share = float(i.mangrove_planted_share.m_as("percent"))
    other = float(i.non_mangrove_planted_share.m_as("percent"))
    ok = share > MIN_MANGROVE_PERCENT and not (other > NON_MANGROVE_PERCENT
                                               and i.hydrology_altered)
    hyd_en = "hydrology altered" if i.hydrology_altered else "hydrology not altered"
    hyd_zh = "改变水文" if i.hydrology_altered else "未改变水文"
    return ok, Bilingual(
        f"{share:g} % planted with mangrove species (more than {MIN_MANGROVE_PERCENT:g} % "
        f"needed), {other:g} % with other species, {hyd_en} (not allowed above "
        f"{NON_MANGROVE_PERCENT:g} % of other species)",
        f"红树林树种种植面积占 {share:g}%（须大于 {MIN_MANGROVE_PERCENT:g}%），非红树林树种占 "
        f"{other:g}%，{hyd_zh}（非红树林树种超过 {NON_MANGROVE_PERCENT:g}% 时不得改变水文）")


def soil_disturbance(project: Project) -> tuple[bool, str]:
    """Para. 3(c): soil disturbance on at most 10 % of the area."""
    pct = float(_inputs(project).soil_disturbance.m_as("percent"))
    return pct <= MAX_DISTURBANCE_PERCENT, Bilingual(
        f"soil disturbance on {pct:g} % of the area; at most {MAX_DISTURBANCE_PERCENT:g} %",
        f"土壤扰动面积占 {pct:g}%，不超过 {MAX_DISTURBANCE_PERCENT:g}%")


CHECKS = (
    Check("degraded_mangrove_habitat", "项目土地为退化红树林生境 / the land is degraded "
          "mangrove habitat", f"{DOC} para. 3(a)", degraded_habitat),
    Check("mangrove_species_planted", "90%以上面积种植红树林树种，且非红树林树种超过10%时不改变"
          "水文 / more than 90 % planted with mangrove species; hydrology unaltered where more "
          "than 10 % is other species", f"{DOC} para. 3(b)", mangrove_planting),
    Check("soil_disturbance_at_most_10_percent", "土壤扰动不超过面积的10% / soil disturbance "
          "on at most 10 % of the area", f"{DOC} para. 3(c)", soil_disturbance),
)
