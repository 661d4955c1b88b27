"""Wiring of AR-AM0014 v03.0: inventories → tools' pools, eq. (4) → (3), (1), (2), (5) → (6).

Per monitoring period (a verification period) the tCER and lCER quantities of eq. (7) and (8).
Removals are reported with the engine's sign: BE = −ΔC_BSL, PE = −ΔC_ACTUAL, LE = LK,
ER = ΔC_AR-CDM (docs/architecture.md). The chain itself is :class:`.SinkMethodology`'s; this
module states what AR-AM0014 makes its own: its equations, no litter (Table 1), SOC by
planting year (eq. 4 with the para. 17 defaults), and the reversal rule of para. 21.
"""

from __future__ import annotations

from typing import ClassVar

from ccer_calc.sink_methodology import SinkChain, SinkMethodology
from ccer_calc.tools.forestry._common import TOOL08, TOOL12, TOOL14, TOOL15
from ccer_calc.tools.forestry.sink_event_checks import GAS_CHECKS
from ccer_calc.tools.forestry.sink_exante import EX_ANTE_EQUATIONS
from ccer_calc.tools.forestry.sink_gases import GAS_EQUATIONS
from ccer_calc.tools.forestry.sink_parameters import TOOL_EQUATIONS
from methodologies.ar_am0014 import INFO
from methodologies.ar_am0014 import equations as eq
from methodologies.ar_am0014.applicability import CHECKS
from methodologies.ar_am0014.inputs import ArAm0014Inputs
from methodologies.ar_am0014.parameters import DOC, PARAMETERS

__all__ = ["METHODOLOGY", "ArAm0014"]


class ArAm0014(SinkMethodology):
    """AR-AM0014 v03.0, afforestation and reforestation of degraded mangrove habitats."""

    info = INFO
    chain = SinkChain.of(eq)
    reversal_paragraph = "21"
    source: ClassVar[str] = f"{DOC} (UNFCCC CDM Executive Board, EB 75 Annex 29)"
    tool_documents: ClassVar[tuple[str, ...]] = (TOOL14, TOOL12, TOOL08, TOOL15)
    # no AR-TOOL16 table: the soil carbon is AR-AM0014's own eq. (4) at 0.50 t C/ha/yr
    data_tables: ClassVar[tuple[str, ...]] = ("ar_tool_defaults", "ar_tool12_default_fractions",
                                              "allometric_models", "ar_tool08_fire_factors")
    parameters = PARAMETERS
    input_model = ArAm0014Inputs
    checks = (*CHECKS, *GAS_CHECKS)
    equations = (*chain.members(), *TOOL_EQUATIONS, *EX_ANTE_EQUATIONS, *GAS_EQUATIONS)


METHODOLOGY = ArAm0014()
