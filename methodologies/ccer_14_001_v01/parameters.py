"""Parameters of CCER-14-001-V01, PROVISIONAL: the CDM parent's values, each flagged.

Every default is the one the CDM parent (AR-ACM0003 v02.0, through the A/R tools) applies; the
CCER text may set its own, so each is provisional, overridable and says so in its source.
"""

from __future__ import annotations

from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.forestry.sink_gas_flags import gas_flags, gas_parameters
from ccer_calc.tools.forestry.sink_parameters import sink_parameters, soc_rate_cap
from ccer_calc.tools.forestry.sink_precision import deduction_parameters
from ccer_calc.tools.forestry.sink_provisional import pool_flags

DOC = "CCER-14-001-V01"
#: How every provisional value's source begins.
PROVISIONAL = ("provisional: value of the CDM parent AR-ACM0003 v02.0 (the MEE text of "
               "CCER-14-001-V01 was not available)")

PARAMETERS = ParameterSet(sink_parameters(provisional=PROVISIONAL, extra=(
    soc_rate_cap(PROVISIONAL),
    *pool_flags(PROVISIONAL, "AR-ACM0003 v02.0", ("shrubs", "dead_wood", "litter", "soc")),
    *deduction_parameters(PROVISIONAL, "AR-ACM0003 v02.0", "para. 24"),
    *gas_flags(PROVISIONAL, "AR-ACM0003 v02.0", "CCER-14-001-V01 bans man-made burning and "
               "displacing agriculture (2025 interpretation article, secondary copy)"),
    *gas_parameters(PROVISIONAL),
)))
