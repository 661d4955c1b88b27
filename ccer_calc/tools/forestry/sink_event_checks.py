"""Named checks of the A/R CDM plug-ins about fire and displaced agriculture.

Each check says which rule of AR-TOOL08 v04.0.0 or AR-TOOL15 v02.0 sets a term to zero for
which event, so the result and every document list them; all but
``displacement_drains_no_wetland`` (the tool's applicability, para. 3) pass, since they choose a
branch of the tool rather than admit the project. The decisions are those of
:mod:`.sink_events`, which the stages (:mod:`.sink_fire`, :mod:`.sink_leakage`) apply too.
The events are those of the monitoring data (``compute``) or of the plan (``estimate``).

:func:`planned_or_stated` serves the provisional CCER plug-ins, whose known rules ban burning
and displacement: a project that states or plans them fails their checks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from ccer_calc.tools.forestry._common import TOOL08, TOOL15
from ccer_calc.tools.forestry.sink_data import SinkData
from ccer_calc.tools.forestry.sink_events import (
    SinkEvents,
    burnt_area_threshold,
    fire_areas,
    fire_years,
    first_period,
)
from ccer_calc.tools.forestry.sink_events_in import EVENT_FLAGS
from ccer_calc.tools.forestry.sink_leakage import soc_factors
from ccer_calc.tools.forestry.sink_plan import SinkPlan
from ccer_calc.tools.forestry.sink_provisional import pool_flag
from ccer_calc.tools.forestry.tool08_burning import site_preparation_zero
from ccer_calc.tools.forestry.tool15_leakage import GRAZING_ZERO_CONDITIONS

if TYPE_CHECKING:
    from ccer_calc.project import Project

__all__ = ["GAS_CHECKS", "ban_checks", "events_of", "planned_or_stated"]

_EMPTY = SinkEvents()


def events_of(project: Project) -> SinkEvents:
    """The events of the project's inventories, or ex ante of its plan (none if neither)."""
    data = project.data.datasets if project.data is not None else {}
    for key in ("sink", "plan"):
        d = data.get(key)
        if isinstance(d, SinkData | SinkPlan):
            return d.events
    return _EMPTY


def planned_or_stated(project: Project, flag: str) -> bool:
    """Whether the project states (``inputs``) or plans (``expected``) the events of a flag.

    ``flag`` is one of :data:`.sink_events_in.EVENT_FLAGS`: ``burning`` (site preparation or
    residue) or ``displaces_agriculture``.
    """
    events = events_of(project)
    return bool(getattr(project.inputs, flag, False)
                or any(events.rows(t) for t in EVENT_FLAGS[flag]))


def _none(en: str, zh: str) -> tuple[bool, str]:
    return True, Bilingual(en, zh)


def fire_threshold(project: Project) -> tuple[bool, str]:
    """Para. 3: each year's incidences above the minimum forest area, and whether >= 5 %."""
    events = events_of(project)
    if not events.has_fire:
        return _none("no fire in the project boundary", "项目边界内无火烧")
    project_area, minimum = fire_areas(project.inputs)
    limit = burnt_area_threshold()
    en, zh = [], []
    for y in fire_years(events, project_area, minimum, limit).values():
        verdict = ("accounted", "计入") if y.accounted else ("not accounted", "不计入")
        share, need = f"{100 * y.share:.4g} %", f"{100 * limit:g} %"
        en.append(f"{y.year}: incidences larger than {minimum:g} ha burn {y.area:g} ha, "
                  f"{share} of the project area (at least {need} needed): {verdict[0]}")
        zh.append(f"{y.year}年：大于{minimum:g}公顷的火烧共{y.area:g}公顷，占项目面积"
                  f"{share}（须不低于{need}）：{verdict[1]}")
        if y.small:
            en[-1] += "; not larger than the minimum forest area: " + ", ".join(y.small)
            zh[-1] += "；不大于森林最小面积：" + "、".join(y.small)
    return True, Bilingual("; ".join(en), "；".join(zh))


def site_preparation(project: Project) -> tuple[bool, str]:
    """Para. 7(a), eq. (2): which site preparation burns are zero, which go to eq. (3)."""
    events = events_of(project)
    if not events.site_preparation_burns:
        return _none("no fire used in site preparation", "整地未用火")
    en, zh = [], []
    for r in events.site_preparation_burns:
        rule = site_preparation_zero(slash_and_burn_common=r.slash_and_burn_common,
                                     fire_in_last_10_years=r.fire_in_last_10_years)
        label = f"{r.id}/{r.stratum}"
        if rule.applies:
            en.append(f"{label}: zero by eq. (2) (slash-and-burn common and fire in the ten "
                      "years before the start)")
            zh.append(f"{label}：按式(2)为零（刀耕火种普遍且项目开始前10年内用过火）")
        else:
            en.append(f"{label}: eq. (3) (condition(s) {', '.join(rule.not_met)} of para. 7(a) "
                      "not met)")
            zh.append(f"{label}：按式(3)计算（第7(a)段条件{'、'.join(rule.not_met)}不满足）")
    return True, Bilingual("; ".join(en), "；".join(zh))


def _dom_accounted(project: Project) -> set[str]:
    """The dead-organic-matter pools the project accounts.

    A pool listed in ``inputs.pools`` is taken out where a provisional plug-in's flag
    ``account_<pool>`` is overridden to 0 (:func:`.sink_provisional.pool_flag`), as the fire's
    eq. (8) does.
    """
    pools = set(getattr(project.inputs, "pools", ())) & {"dead_wood", "litter"}
    return {pool for pool in pools if pool_flag(project.overrides, pool)}


def forest_fire(project: Project) -> tuple[bool, str]:
    """Paras. 4(a), 12, 13: forest fires whose tree or dead-matter emissions are zero."""
    events = events_of(project)
    if not events.forest_fires:
        return _none("no forest fire", "无森林火灾")
    counted = bool(_dom_accounted(project))
    dom = ("dead organic matter accounted" if counted else
           "dead organic matter not accounted: GHG_FF_DOM zero (para. 13)")
    dom_zh = "计量枯死有机质" if counted else "不计量枯死有机质：GHG_FF_DOM为零（第13段）"
    en, zh = [], []
    for r in events.forest_fires:
        label = f"{r.id}/{r.stratum}"
        if first_period(events, r):
            en.append(f"{label}: in the first verification period, zero (paras. 12-13)")
            zh.append(f"{label}：发生在第一个核查期，为零（第12-13段）")
        elif not r.trees_burnt:
            en.append(f"{label}: living trees not burnt, GHG_FF_TREE zero (para. 4(a)); {dom}")
            zh.append(f"{label}：活立木未被烧，GHG_FF_TREE为零（第4(a)段）；{dom_zh}")
        else:
            en.append(f"{label}: eq. (7); {dom}")
            zh.append(f"{label}：按式(7)计算；{dom_zh}")
    return True, Bilingual("; ".join(en), "；".join(zh))


def grazing(project: Project) -> tuple[bool, str]:
    """AR-TOOL15 para. 10: displaced grazing under one of conditions (a)-(e) is zero."""
    events = events_of(project)
    if not events.displacements:
        return _none("no agricultural activity displaced", "未转移农业活动")
    en, zh = [], []
    for r in events.displacements:
        if r.grazing_zero_conditions:
            letters = ", ".join(sorted(r.grazing_zero_conditions))
            first = GRAZING_ZERO_CONDITIONS[min(r.grazing_zero_conditions)]
            en.append(f"{r.id}: grazing displaced {first} (condition {letters}): zero")
            zh.append(f"{r.id}：转移放牧符合第10段条件{letters}：为零")
        else:
            en.append(f"{r.id}: {r.activity.replace('_', ' ')}, eq. (1)-(3)")
            what = "放牧" if r.activity == "grazing" else "作物种植"
            zh.append(f"{r.id}：{what}，按式(1)-(3)计算")
    return True, Bilingual("; ".join(en), "；".join(zh))


def receiving_soc(project: Project) -> tuple[bool, str]:
    """AR-TOOL15 para. 11: ΔSOC_LUC zero where only grazing is received, or eq. (3) < 0."""
    events = events_of(project)
    rows = [r for r in events.displacements if not r.grazing_zero_conditions]
    if not rows:
        return _none("no leakage by eq. (1)-(3)", "无按式(1)-(3)计算的泄漏")
    en, zh = [], []
    for r in rows:
        if r.soc is None:
            en.append(f"{r.id}: only grazing received, ΔSOC_LUC zero (para. 11(a))")
            zh.append(f"{r.id}：仅接收放牧，ΔSOC_LUC为零（第11(a)段）")
            continue
        f = {k: float(v.quantity.m_as("")) for k, v in soc_factors(r).items()
             if k != "soc_reference"}
        change = (f["land_use_before"] * f["management_before"] * f["inputs_before"]
                  - f["land_use_after"] * f["management_after"] * f["inputs_after"])
        if change < 0:
            en.append(f"{r.id}: eq. (3) negative (factors {change:+.4g}), ΔSOC_LUC zero "
                      "(para. 11(b))")
            zh.append(f"{r.id}：式(3)为负（系数差{change:+.4g}），ΔSOC_LUC为零（第11(b)段）")
        else:
            en.append(f"{r.id}: ΔSOC_LUC by eq. (3)")
            zh.append(f"{r.id}：ΔSOC_LUC按式(3)计算")
    return True, Bilingual("; ".join(en), "；".join(zh))


def no_drainage(project: Project) -> tuple[bool, str]:
    """AR-TOOL15 para. 3: not applicable where displacement drains wetlands or peatlands."""
    events = events_of(project)
    bad = [r.id for r in events.displacements if r.drains_wetland_or_peatland]
    if bad:
        return False, Bilingual(f"displacement {', '.join(bad)} drains wetlands or peatlands: "
                                "AR-TOOL15 does not apply",
                                f"转移{'、'.join(bad)}导致湿地或泥炭地排水：AR-TOOL15不适用")
    return _none("no displacement drains wetlands or peatlands", "转移不导致湿地或泥炭地排水")


GAS_CHECKS = (
    Check("fire_area_threshold", "森林最小面积以上、当年累计不低于项目面积5%的火烧才计入 / fire "
          "accounted per incidence above the minimum forest area where those of the year burn "
          "at least 5 % of the project area", f"{TOOL08} para. 3", fire_threshold),
    Check("site_preparation_slash_and_burn", "刀耕火种普遍且10年内用过火的整地火烧为零 / site "
          "preparation burning zero where slash-and-burn is common and fire was used in the "
          "last ten years", f"{TOOL08} para. 7(a), eq. (2)", site_preparation),
    Check("forest_fire_zero", "第一个核查期的森林火灾、未烧活立木、不计量的枯死有机质为零 / forest "
          "fires zero in the first verification period, for living trees not burnt, and for "
          "dead organic matter not accounted", f"{TOOL08} paras. 4(a), 12-13", forest_fire),
    Check("grazing_displacement_zero", "符合第10段条件的放牧转移泄漏为零 / displaced grazing "
          "under a condition of para. 10 causes no leakage", f"{TOOL15} para. 10", grazing),
    Check("receiving_land_soc_zero", "仅接收放牧或式(3)为负时土壤有机碳变化为零 / ΔSOC_LUC zero "
          "where only grazing is received or eq. (3) is negative", f"{TOOL15} para. 11",
          receiving_soc),
    Check("displacement_drains_no_wetland", "转移不导致湿地或泥炭地排水 / displacement drains "
          "no wetland or peatland", f"{TOOL15} para. 3", no_drainage),
)


def _ban(flag: str) -> Callable[[Project], tuple[bool, str]]:
    def rule(project: Project) -> tuple[bool, str]:
        if not planned_or_stated(project, flag):
            if flag == "burning":
                return _none("no biomass burnt or planned to be burnt",
                             "未焚烧、也不计划焚烧生物质")
            return _none("no agricultural activity displaced or expected to be",
                         "未转移、也不预计转移农业活动")
        if flag == "burning":
            return False, Bilingual(
                "the project states or plans man-made burning (inputs.burning, site preparation "
                "or residue burns): not allowed, except to treat wood killed by pests or disease",
                "项目声明或计划人为焚烧（inputs.burning、整地或采伐剩余物火烧）：不允许，病虫害木处理除外")
        return False, Bilingual(
            "the project states or expects displaced agricultural activities "
            "(inputs.displaces_agriculture, displacements): not allowed",
            "项目声明或预计转移农业活动（inputs.displaces_agriculture、displacements）：不允许")
    return rule


def ban_checks(source: str) -> tuple[Check, Check]:
    """The CCER bans on man-made burning and on displacing agriculture, as two named checks.

    ``source`` cites where the rule is known from (a provisional plug-in says so).
    """
    return (
        Check("no_burning", "不人为焚烧（病虫害木除外） / no man-made burning (except wood "
              "killed by pests or disease)", source, _ban("burning")),
        Check("no_displaced_agriculture", "不转移农业活动 / no displacement of agricultural "
              "activities", source, _ban("displaces_agriculture")),
    )
