"""Wiring of CCER-14-002-V01 (PROVISIONAL): inventories → tools' pools → prov. (1)-(6).

The CDM parent's accounting (AR-AM0014 v03.0) with the CCER conditions that are known. The
units are ordinary CCER units: net removals per vintage, issued in whole tonnes; no tCER/lCER.
Removals are reported with the engine's sign: BE = −ΔC_BSL, PE = −ΔC_ACTUAL, LE = LK,
ER = ΔC_AR (docs/architecture.md). The chain itself is
:class:`.ProvisionalSinkMethodology`'s; this module states what the parent makes this
plug-in's own: its prov. equations, no litter, SOC by planting year (prov. 4),
and the provisional rules.
"""

from __future__ import annotations

from typing import ClassVar

from ccer_calc.methodology import ProvisionalRule
from ccer_calc.sink_methodology import ProvisionalSinkMethodology, SinkChain
from ccer_calc.tools.forestry._common import TOOL08, TOOL12, TOOL14, TOOL15
from ccer_calc.tools.forestry.sink_exante import EX_ANTE_EQUATIONS
from ccer_calc.tools.forestry.sink_gas_flags import GAS_FLAG_CHECKS, GAS_FLAG_EQUATIONS
from ccer_calc.tools.forestry.sink_parameters import TOOL_EQUATIONS
from ccer_calc.tools.forestry.sink_precision import precision_rule
from ccer_calc.tools.forestry.sink_provisional import baseline_rule, numbering_rules
from methodologies.ccer_14_002_v01 import INFO
from methodologies.ccer_14_002_v01 import equations as eq
from methodologies.ccer_14_002_v01.applicability import CHECKS
from methodologies.ccer_14_002_v01.equations_deduction import deduction_applied
from methodologies.ccer_14_002_v01.inputs import Ccer14002Inputs
from methodologies.ccer_14_002_v01.parameters import DOC, PARAMETERS, PROVISIONAL

__all__ = ["METHODOLOGY", "Ccer14002"]

_P = PROVISIONAL

#: What the CCER text may decide differently and this plug-in takes from the parent.
RULES = (
    ProvisionalRule("pools", "above- and below-ground tree and shrub biomass always; dead wood "
                    "and SOC as the project selects; litter not accounted (parent's Table 1); "
                    "no CH4 or N2O from sediments; each pool but trees can be left out by its "
                    "flag account_shrubs, account_dead_wood, account_soc (default 1, as the "
                    "parent)",
                    "林木和灌木地上、地下生物量必选；枯死木和土壤有机碳由项目选择；不计枯落物（母方法学表1）；"
                    "不计沉积物的CH4和N2O；林木以外各碳库可由参数 account_shrubs、"
                    "account_dead_wood、account_soc 设为不计（默认1，同母方法学）",
                    f"{_P}, AR-AM0014 v03.0 Tables 1-2"),
    precision_rule(_P, "AR-AM0014 v03.0", "para. 25"),
    baseline_rule(_P, "AR-AM0014 v03.0", "para. 13"),
    ProvisionalRule("non_co2_emissions", "man-made burning refused whatever the flag, under "
                    "the ban known for CCER-14-001-V01 of the same batch (check no_burning); "
                    "account_ghg_e = 0 (default): GHG_E,t zero and a forest fire refused, the "
                    "CCER rule for it not being known; account_ghg_e = 1: a forest fire counted "
                    "as the parent does, by AR-TOOL08 eq. (7), (8), (6) and (1) (para. 3 "
                    "threshold, zero in the first verification period), with gwp_ch4 and gwp_n2o",
                    "无论参数取值，均按同批CCER-14-001-V01已知的禁止规定拒绝人为焚烧（核对项 "
                    "no_burning）；account_ghg_e = 0（默认）：GHG_E,t为零，森林火灾的CCER规则未知，"
                    "予以拒绝；account_ghg_e = 1：按母方法学以AR-TOOL08式(7)、(8)、(6)、(1)计算森林"
                    "火灾排放（第3段面积门槛，第一个核查期为零），采用 gwp_ch4、gwp_n2o",
                    f"{_P}, AR-AM0014 v03.0 para. 15; AR-TOOL08 v04.0.0"),
    ProvisionalRule("leakage", "displacing agriculture refused whatever the flag, under the ban "
                    "known for CCER-14-001-V01 of the same batch (check "
                    "no_displaced_agriculture), so LK_t is zero either way; account_leakage = 0 "
                    "(default): zero by the fixed rule; account_leakage = 1: computed and "
                    "recorded as the parent does, by AR-TOOL15 eq. (1) with ΔC_BIOMASS,t and "
                    "ΔSOC_LUC,t zero (no area displaced)",
                    "无论参数取值，均按同批CCER-14-001-V01已知的禁止规定拒绝转移农业活动（核对项 "
                    "no_displaced_agriculture），泄漏均为零；account_leakage = 0（默认）："
                    "按固定规则取零；account_leakage = 1：按母方法学以AR-TOOL15式(1)计算并记录"
                    "（无转移面积，ΔC_BIOMASS,t和ΔSOC_LUC,t为零）",
                    f"{_P}, AR-AM0014 v03.0 para. 18; AR-TOOL15 v02.0"),
    *numbering_rules(_P, "(1)-(6)", "7-8"),
    ProvisionalRule("crediting_period", "20 to 40 years, as known for the afforestation "
                    "methodology of the same batch", "20至40年，与同批发布的造林碳汇方法学相同",
                    "provisional: the crediting period of CCER-14-002-V01 is not known; the "
                    "rule known for CCER-14-001-V01 is applied"),
)


class Ccer14002(ProvisionalSinkMethodology):
    """CCER-14-002-V01 红树林营造, provisional on AR-AM0014 v03.0."""

    info = INFO
    chain = SinkChain.of(eq, deduction=deduction_applied)
    parent = "AR-AM0014 v03.0"
    leakage_zero_rule = ("no agricultural activity displaced, as the project states "
                         "(inputs.displaces_agriculture)")
    source: ClassVar[str] = (f"{DOC} (MEE, 2023-10-24), provisional: text unavailable, built on "
                             "AR-AM0014 v03.0")
    tool_documents: ClassVar[tuple[str, ...]] = (TOOL14, TOOL12, TOOL08, TOOL15)
    provisional_rules: ClassVar[tuple[ProvisionalRule, ...]] = RULES
    data_tables: ClassVar[tuple[str, ...]] = ("ar_tool_defaults", "ar_tool12_default_fractions",
                                              "allometric_models", "ar_tool08_fire_factors")
    parameters = PARAMETERS
    input_model = Ccer14002Inputs
    checks = (*CHECKS, *GAS_FLAG_CHECKS)
    equations = (*chain.members(), *TOOL_EQUATIONS, *EX_ANTE_EQUATIONS, *GAS_FLAG_EQUATIONS)


METHODOLOGY = Ccer14002()
