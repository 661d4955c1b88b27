"""Wiring of AR-ACM0003 v02.0: inventories → AR-TOOL14/12/16 pools → (3), (1) → (2), (4) → (5).

Per monitoring period (a verification period) the tCER and lCER quantities of eq. (6) and (7).
Removals are reported with the engine's sign: BE = −ΔC_BSL, PE = −ΔC_ACTUAL, LE = LK,
ER = ΔC_AR-CDM (docs/architecture.md). The chain itself is :class:`.SinkMethodology`'s; this
module states what AR-ACM0003 makes its own: its equations, litter in (1) and (3), SOC by
AR-TOOL16 (eq. 3's ΔSOC_AL,t), and the reversal rule of para. 20.
"""

from __future__ import annotations

from typing import ClassVar

from ccer_calc.sink_methodology import SinkChain, SinkMethodology
from ccer_calc.tools.forestry._common import TOOL08, TOOL12, TOOL14, TOOL15, TOOL16
from ccer_calc.tools.forestry.sink_event_checks import GAS_CHECKS
from ccer_calc.tools.forestry.sink_exante import EX_ANTE_EQUATIONS
from ccer_calc.tools.forestry.sink_gases import GAS_EQUATIONS
from ccer_calc.tools.forestry.sink_parameters import SOC_EQUATIONS, TOOL_EQUATIONS
from methodologies.ar_acm0003 import INFO
from methodologies.ar_acm0003 import equations as eq
from methodologies.ar_acm0003.applicability import CHECKS
from methodologies.ar_acm0003.inputs import ArAcm0003Inputs
from methodologies.ar_acm0003.parameters import DOC, PARAMETERS

__all__ = ["METHODOLOGY", "ArAcm0003"]


class ArAcm0003(SinkMethodology):
    """AR-ACM0003 v02.0, afforestation and reforestation of lands except wetlands."""

    info = INFO
    chain = SinkChain.of(eq)
    reversal_paragraph = "20"
    source: ClassVar[str] = f"{DOC} (UNFCCC CDM Executive Board, EB 75 Annex 30)"
    tool_documents: ClassVar[tuple[str, ...]] = (TOOL14, TOOL12, TOOL16, TOOL08, TOOL15)
    data_tables: ClassVar[tuple[str, ...]] = (
        "ar_tool_defaults", "ar_tool12_default_fractions", "ar_tool16_soc_reference",
        "ar_tool16_stock_change_factors", "ar_tool16_not_applicable", "allometric_models",
        "ar_tool08_fire_factors")
    parameters = PARAMETERS
    input_model = ArAcm0003Inputs
    checks = (*CHECKS, *GAS_CHECKS)
    equations = (*chain.members(), *TOOL_EQUATIONS, *EX_ANTE_EQUATIONS, *GAS_EQUATIONS,
                 *SOC_EQUATIONS)


METHODOLOGY = ArAcm0003()
