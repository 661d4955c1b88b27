"""Wiring of CCER-14-001-V01 (PROVISIONAL): inventories → A/R tools' pools → prov. (1)-(5).

The CDM parent's accounting (AR-ACM0003 v02.0) with the CCER conditions that are known. The
units are ordinary CCER units: net removals per vintage, issued in whole tonnes; no tCER/lCER.
Removals are reported with the engine's sign: BE = −ΔC_BSL, PE = −ΔC_ACTUAL, LE = LK,
ER = ΔC_AR (docs/architecture.md). The chain itself is
:class:`.ProvisionalSinkMethodology`'s; this module states what the parent makes this
plug-in's own: its prov. equations, litter in prov. (1) and (3), SOC by AR-TOOL16,
and the provisional rules.
"""

from __future__ import annotations

from typing import ClassVar

from ccer_calc.methodology import ProvisionalRule
from ccer_calc.sink_methodology import ProvisionalSinkMethodology, SinkChain
from ccer_calc.tools.forestry._common import TOOL08, TOOL12, TOOL14, TOOL15, TOOL16
from ccer_calc.tools.forestry.sink_exante import EX_ANTE_EQUATIONS
from ccer_calc.tools.forestry.sink_gas_flags import (
    GAS_FLAG_CHECKS,
    GAS_FLAG_EQUATIONS,
    gas_rules,
)
from ccer_calc.tools.forestry.sink_parameters import SOC_EQUATIONS, TOOL_EQUATIONS
from ccer_calc.tools.forestry.sink_precision import precision_rule
from ccer_calc.tools.forestry.sink_provisional import baseline_rule, numbering_rules
from methodologies.ccer_14_001_v01 import INFO
from methodologies.ccer_14_001_v01 import equations as eq
from methodologies.ccer_14_001_v01.applicability import CHECKS
from methodologies.ccer_14_001_v01.equations_deduction import deduction_applied
from methodologies.ccer_14_001_v01.inputs import Ccer14001Inputs
from methodologies.ccer_14_001_v01.parameters import DOC, PARAMETERS, PROVISIONAL

__all__ = ["METHODOLOGY", "Ccer14001"]

_P = PROVISIONAL

#: What the CCER text may decide differently and this plug-in takes from the parent.
RULES = (
    ProvisionalRule("pools", "above- and below-ground tree and shrub biomass always; dead wood, "
                    "litter and SOC as the project selects (parent's Table 1); each pool but trees "
                    "can be left out by its flag account_shrubs, account_dead_wood, "
                    "account_litter, account_soc (default 1, as the parent)",
                    "林木和灌木地上、地下生物量必选；枯死木、枯落物和土壤有机碳由项目选择（母方法学表1）；"
                    "林木以外各碳库可由参数 account_shrubs、account_dead_wood、account_litter、"
                    "account_soc 设为不计（默认1，同母方法学）",
                    f"{_P}, AR-ACM0003 v02.0 Table 1"),
    precision_rule(_P, "AR-ACM0003 v02.0", "para. 24"),
    baseline_rule(_P, "AR-ACM0003 v02.0", "para. 13"),
    *gas_rules(_P, "AR-ACM0003 v02.0", fire_paragraph="para. 15", leakage_paragraph="para. 17"),
    *numbering_rules(_P, "(1)-(5)", "6-7"),
)


class Ccer14001(ProvisionalSinkMethodology):
    """CCER-14-001-V01 造林碳汇, provisional on AR-ACM0003 v02.0."""

    info = INFO
    chain = SinkChain.of(eq, deduction=deduction_applied)
    parent = "AR-ACM0003 v02.0"
    leakage_zero_rule = ("no agricultural activity displaced (a condition of the "
                         "methodology, checked)")
    source: ClassVar[str] = (f"{DOC} (MEE, 2023-10-24), provisional: text unavailable, built on "
                             "AR-ACM0003 v02.0")
    tool_documents: ClassVar[tuple[str, ...]] = (TOOL14, TOOL12, TOOL16, TOOL08, TOOL15)
    provisional_rules: ClassVar[tuple[ProvisionalRule, ...]] = RULES
    data_tables: ClassVar[tuple[str, ...]] = (
        "ar_tool_defaults", "ar_tool12_default_fractions", "ar_tool16_soc_reference",
        "ar_tool16_stock_change_factors", "ar_tool16_not_applicable", "allometric_models",
        "ar_tool08_fire_factors")
    parameters = PARAMETERS
    input_model = Ccer14001Inputs
    checks = (*CHECKS, *GAS_FLAG_CHECKS)
    equations = (*chain.members(), *TOOL_EQUATIONS, *EX_ANTE_EQUATIONS, *SOC_EQUATIONS,
                 *GAS_FLAG_EQUATIONS)


METHODOLOGY = Ccer14001()
