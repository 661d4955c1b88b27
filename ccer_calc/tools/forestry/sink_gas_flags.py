"""GHG_E,t and LK_t of a provisional CCER sink plug-in: the CCER bans, and the parent's tools.

The CCER texts CCER-14-001-V01 and CCER-14-002-V01 were not available. What is known of them
(forestry reference §2.1, a 2025 interpretation article in a secondary copy) bans man-made
burning (wood killed by pests or disease excepted) and the displacement of agricultural
activities; the plug-ins enforce both as named checks (:func:`.sink_event_checks.ban_checks`),
whatever the flags below say. Their CDM parents (AR-ACM0003 v02.0, AR-AM0014 v03.0) count the
non-CO2 emissions of burning by AR-TOOL08 v04.0.0 and the leakage of displaced agriculture by
AR-TOOL15 v02.0. Whether the CCER text keeps either term is not known, so each is a provisional
flag, 0 or 1:

``account_ghg_e``
    0 (default): GHG_E,t zero, and a forest fire stated by the project is refused (the CCER rule
    for it being unknown, a fire is never counted as zero). 1: GHG_E,t by AR-TOOL08 eq. (1) as
    the parent computes it. Burning for site preparation or of harvest residue stays refused by
    the ban, so what is counted is a forest fire: eq. (7) for living trees, (8) for dead organic
    matter, (6) their sum, under the tool's para. 3 threshold and paras. 12-13 (zero in the first
    verification period), with the GWPs ``gwp_ch4`` and ``gwp_n2o`` (AR-TOOL08's 21 and 310).
``account_leakage``
    0 (default): LK_AGRIC,t zero by the fixed rule of the plug-in. 1: LK_AGRIC,t by AR-TOOL15
    eq. (1), LK = 44/12 × (ΔC_BIOMASS,t + ΔSOC_LUC,t). A stated displacement stays refused by
    the ban, so eq. (1) is always evaluated with ΔC_BIOMASS,t and ΔSOC_LUC,t zero (eq. 2 and 3
    with A_DISP,t = 0): the flag records LK = 0 through the tool's equation instead of the fixed
    zero; it cannot give a number other than 0.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from ccer_calc.bounds import FLAG
from ccer_calc.errors import InputError
from ccer_calc.methodology import ProvisionalRule
from ccer_calc.parameters import Parameter, Value
from ccer_calc.tools.forestry.sink import no_burning, refuse_forest_fire, zero_on_axis
from ccer_calc.tools.forestry.sink_event_checks import GAS_CHECKS
from ccer_calc.tools.forestry.sink_events import require_rows
from ccer_calc.tools.forestry.sink_fire import non_co2_on_axis
from ccer_calc.tools.forestry.sink_gases import events_in, fire_settings
from ccer_calc.tools.forestry.sink_parameters import sink_parameters
from ccer_calc.tools.forestry.sink_provisional import flag_on
from ccer_calc.tools.forestry.tool08_forest_fire import (
    forest_fire_dom_emissions,
    forest_fire_emissions,
    forest_fire_tree_emissions,
)
from ccer_calc.tools.forestry.tool15_leakage import leakage_emissions
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from ccer_calc.methodology import Context

__all__ = ["GAS_FLAG_CHECKS", "GAS_FLAG_EQUATIONS", "gas_flags", "gas_parameters", "gas_rules",
           "provisional_leakage", "provisional_non_co2", "refuse_gas_inputs"]

_TOOL08, _TOOL15 = "AR-TOOL08 v04.0.0", "AR-TOOL15 v02.0"

#: The tool equations the flags at 1 may evaluate under the bans (declared whatever the flags:
#: at 0 none of them is evaluated). Eq. (1) of AR-TOOL08 is among the shared tool equations.
GAS_FLAG_EQUATIONS = (forest_fire_tree_emissions, forest_fire_dom_emissions,
                      forest_fire_emissions, leakage_emissions)
#: The parent's checks that say which forest fires AR-TOOL08 counts (para. 3, paras. 12-13):
#: the stages name them where a fire's emissions are zero.
GAS_FLAG_CHECKS = tuple(c for c in GAS_CHECKS if c.name in ("fire_area_threshold",
                                                            "forest_fire_zero"))

#: flag name → (symbol, tool, zh, en description).
_GASES: dict[str, tuple[str, str, str, str]] = {
    "leakage": (
        "LK_t", f"{_TOOL15} eq. (1)",
        "泄漏LK_t的计算方式：0为固定取零；1为按母方法学以AR-TOOL15式(1)计算并记录。"
        "转移农业活动仍按CCER已知规则予以拒绝，故两种取值下泄漏均为零",
        "how leakage LK_t is recorded: 0, zero by the plug-in's fixed rule; 1, computed and "
        "recorded by AR-TOOL15 eq. (1) as the parent does. Displacing agricultural activities "
        "stays refused under the known CCER ban, so LK_t is zero either way"),
    "ghg_e": (
        "GHG_E,t", f"{_TOOL08} eq. (1), (6)-(8)",
        "计入生物质燃烧非CO2排放GHG_E,t：0为零且拒绝森林火灾；1为按母方法学以AR-TOOL08计算"
        "森林火灾排放。人为焚烧（整地、采伐剩余物）仍按CCER已知规则予以拒绝",
        "non-CO2 emissions GHG_E,t: 0, zero and a forest fire refused; 1, a forest fire counted "
        "by AR-TOOL08 as the parent does. Man-made burning (site preparation, harvest residue) "
        "stays refused under the known CCER ban"),
}


def gas_flags(provisional: str, parent: str, rule: str) -> tuple[Parameter, ...]:
    """``account_leakage`` and ``account_ghg_e``: default 0, the CCER rule as known."""
    return tuple(
        Parameter(f"account_{name}", f"f_{symbol}", "dimensionless", zh, en,
                  f"{provisional}; {rule}; 1: as the CDM parent {parent}, by {tool}", "fixed",
                  default=0.0, overridable=True, bounds=FLAG, provisional=True)
        for name, (symbol, tool, zh, en) in _GASES.items())


def gas_parameters(provisional: str) -> tuple[Parameter, ...]:
    """GWP_CH4 and GWP_N2O of AR-TOOL08 (the only values its forest-fire eq. 7 takes)."""
    return tuple(replace(p, source=f"{p.source}; applied where account_ghg_e = 1 (eq. 7)")
                 for p in sink_parameters(provisional=provisional, gases=True)
                 if p.name in ("gwp_ch4", "gwp_n2o"))


#: term → (check, what is banned in English: own ban, ban borrowed; in Chinese).
_BANS: dict[str, tuple[str, str, str, str]] = {
    "non_co2_emissions": ("no_burning", "man-made burning", "man-made burning", "人为焚烧"),
    "leakage": ("no_displaced_agriculture", "displacing agricultural activities",
                "displacing agriculture", "转移农业活动"),
}
#: term → what the flag does at 0 and at 1, in English and Chinese.
_FLAG_RULES: dict[str, tuple[str, str]] = {
    "non_co2_emissions": (
        "account_ghg_e = 0 (default): GHG_E,t zero and a forest fire refused, the CCER rule for "
        "it not being known; account_ghg_e = 1: a forest fire counted as the parent does, by "
        "AR-TOOL08 eq. (7), (8), (6) and (1) (para. 3 threshold, zero in the first verification "
        "period), with gwp_ch4 and gwp_n2o",
        "account_ghg_e = 0（默认）：GHG_E,t为零，森林火灾的CCER规则未知，予以拒绝；"
        "account_ghg_e = 1：按母方法学以AR-TOOL08式(7)、(8)、(6)、(1)计算森林火灾排放"
        "（第3段面积门槛，第一个核查期为零），采用 gwp_ch4、gwp_n2o"),
    "leakage": (
        "account_leakage = 0 (default): zero by the fixed rule; account_leakage = 1: computed "
        "and recorded as the parent does, by AR-TOOL15 eq. (1) with ΔC_BIOMASS,t and "
        "ΔSOC_LUC,t zero (no area displaced)",
        "account_leakage = 0（默认）：按固定规则取零；account_leakage = 1：按母方法学以"
        "AR-TOOL15式(1)计算并记录（无转移面积，ΔC_BIOMASS,t和ΔSOC_LUC,t为零）"),
}


def gas_rules(provisional: str, parent: str, *, fire_paragraph: str, leakage_paragraph: str,
              ban_from: str | None = None) -> tuple[ProvisionalRule, ProvisionalRule]:
    """The provisional rules ``non_co2_emissions`` and ``leakage``: the bans, then the flags.

    ``fire_paragraph`` and ``leakage_paragraph`` cite the parent's paragraphs on GHG_E,t and
    LK_t; ``ban_from`` names the CCER methodology of the same batch whose known bans this
    plug-in applies (None: the bans are known for this one).
    """
    out = []
    for term, para, tool in (("non_co2_emissions", fire_paragraph, _TOOL08),
                             ("leakage", leakage_paragraph, _TOOL15)):
        check, own, borrowed, zh = _BANS[term]
        flag_en, flag_zh = _FLAG_RULES[term]
        if ban_from is None:
            ban_en = f"{own} is not allowed whatever the flag (check {check})"
            ban_zh = f"无论参数取值，均不允许{zh}（核对项 {check}）"
        else:
            ban_en = (f"{borrowed} refused whatever the flag, under the ban known for "
                      f"{ban_from} of the same batch (check {check})")
            ban_zh = f"无论参数取值，均按同批{ban_from}已知的禁止规定拒绝{zh}（核对项 {check}）"
        if term == "leakage":
            ban_en, ban_zh = f"{ban_en}, so LK_t is zero either way", f"{ban_zh}，泄漏均为零"
        out.append(ProvisionalRule(term, f"{ban_en}; {flag_en}", f"{ban_zh}；{flag_zh}",
                                   f"{provisional}, {parent} {para}; {tool}"))
    return out[0], out[1]


def refuse_gas_inputs(ctx: Context, parent: str) -> None:
    """Before anything is computed: the forest fire that ``account_ghg_e`` allows.

    At ``account_ghg_e`` 0 a stated forest fire is refused (:func:`.sink.refuse_forest_fire`);
    at 1 the flag ``forest_fire`` and the rows of ``forest_fires`` must agree, as for the
    parent (:func:`.sink_events.require_rows`).

    Raises
    ------
    InputError
        Naming the input (``inputs.forest_fire``, ``forest_fires``) at fault.
    """
    if flag_on(ctx, "account_ghg_e"):
        require_rows(ctx.inputs, events_in(ctx))
    else:
        refuse_forest_fire(ctx.inputs, ctx.methodology.id, parent)


def provisional_non_co2(ctx: Context, pools: tuple[str, ...]) -> Value:
    """GHG_E,t: zero at ``account_ghg_e`` 0; by AR-TOOL08 eq. (1), (6)-(8) at 1.

    Called after :func:`refuse_gas_inputs`. At 1 the project's forest fires go through the
    parent's stage (:mod:`.sink_fire`) with the same rules (para. 3, paras. 12-13, ``pools``
    the pools accounted); burning was refused before, by the check ``no_burning``.
    """
    if not flag_on(ctx, "account_ghg_e"):
        return no_burning(ctx)
    events = events_in(ctx)
    return non_co2_on_axis(ctx, events, fire_settings(ctx, events, pools, burning=False))


def provisional_leakage(ctx: Context, zero_rule: str) -> Value:
    """LK_AGRIC,t: ``zero_rule`` at ``account_leakage`` 0; AR-TOOL15 eq. (1) at 1.

    At 1 no displacement reaches the stage (the check ``no_displaced_agriculture`` refuses it
    first), so eq. (2) and (3) are zero with A_DISP,t = 0 and eq. (1) records LK_AGRIC,t = 0.

    Raises
    ------
    InputError
        Naming ``inputs.displacements`` should a displacement reach it (the ban refuses it).
    """
    if not flag_on(ctx, "account_leakage"):
        return zero_on_axis(ctx, "LK_AGRIC,t", zero_rule)
    events = events_in(ctx)
    if events.displacements:  # pragma: no cover - the check no_displaced_agriculture refuses
        raise InputError(f"{ctx.methodology.id}: displacing agricultural activities is not "
                         "allowed", field=f"{events.where}.displacements",
                         value=len(events.displacements), expected="no rows")
    zero = np.zeros(ctx.segments.row.shape)
    why = (f"{_TOOL15} eq. (%s) with A_DISP,t = 0: no agricultural activity displaced (the "
           "CCER ban, check no_displaced_agriculture)")
    return leakage_emissions(
        biomass_loss=Value("ΔC_BIOMASS,t", Quantity(zero, "t C"), "fixed", why % "2"),
        soc_loss=Value("ΔSOC_LUC,t", Quantity(zero.copy(), "t C"), "fixed", why % "3"),
        trail=ctx.trail)
