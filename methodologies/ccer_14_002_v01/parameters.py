"""Parameters of CCER-14-002-V01, PROVISIONAL: the CDM parent's values, each flagged.

Every default is the one the CDM parent (AR-AM0014 v03.0, through the A/R tools) applies; the
CCER text may set its own (for mangrove sediment carbon in particular), so each is provisional,
overridable and says so in its source.
"""

from __future__ import annotations

from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.forestry.sink_gas_flags import gas_flags, gas_parameters
from ccer_calc.tools.forestry.sink_parameters import sink_parameters
from ccer_calc.tools.forestry.sink_precision import deduction_parameters
from ccer_calc.tools.forestry.sink_provisional import pool_flags
from ccer_calc.tools.forestry.sink_soc import soc_accrual_parameters

DOC = "CCER-14-002-V01"
#: How every provisional value's source begins.
PROVISIONAL = ("provisional: value of the CDM parent AR-AM0014 v03.0 (the MEE text of "
               "CCER-14-002-V01 was not available)")

PARAMETERS = ParameterSet(sink_parameters(provisional=PROVISIONAL, extra=(
    *soc_accrual_parameters(
        f"{PROVISIONAL}; AR-AM0014 v03.0, section 5.5, para. 17, item (i)",
        f"{PROVISIONAL}; AR-AM0014 v03.0, section 5.5, para. 17, items (i)-(ii): t = t_PLANT "
        "to t_PLANT + 20", provisional=True),
    *pool_flags(PROVISIONAL, "AR-AM0014 v03.0", ("shrubs", "dead_wood", "soc")),
    *deduction_parameters(PROVISIONAL, "AR-AM0014 v03.0", "para. 25"),
    *gas_flags(PROVISIONAL, "AR-AM0014 v03.0", "the bans known for CCER-14-001-V01 of the same "
               "batch (burning, displacing agriculture)"),
    *gas_parameters(PROVISIONAL),
)))
