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
from ccer_calc.tools.forestry.sink_gas_flags import (
    GAS_FLAG_CHECKS,
    GAS_FLAG_EQUATIONS,
    gas_rules,
)
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
    *gas_rules(_P, "AR-AM0014 v03.0", fire_paragraph="para. 15", leakage_paragraph="para. 18",
               ban_from="CCER-14-001-V01"),
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
