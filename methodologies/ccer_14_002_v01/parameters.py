"""Parameters of CCER-14-002-V01, PROVISIONAL: the CDM parent's values, each flagged.

Every default is the one the CDM parent (AR-AM0014 v03.0, through the A/R tools) applies; the
CCER text may set its own (for mangrove sediment carbon in particular), so each is provisional,
overridable and says so in its source.
"""

from __future__ import annotations

from ccer_calc.bounds import Bounds
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_calc.tools.forestry.sink_gas_flags import gas_flags, gas_parameters
from ccer_calc.tools.forestry.sink_parameters import sink_parameters
from ccer_calc.tools.forestry.sink_precision import deduction_parameters
from ccer_calc.tools.forestry.sink_provisional import pool_flags

DOC = "CCER-14-002-V01"
#: How every provisional value's source begins.
PROVISIONAL = ("provisional: value of the CDM parent AR-AM0014 v03.0 (the MEE text of "
               "CCER-14-002-V01 was not available)")

PARAMETERS = ParameterSet(sink_parameters(provisional=PROVISIONAL, extra=(
    Parameter("soc_accrual_rate", "dSOC", "t C/ha/yr", "红树林种植后土壤有机碳年变化率",
              "rate of change in SOC after planting", f"{PROVISIONAL}; AR-AM0014 v03.0, "
              "section 5.5, para. 17, item (i)", "fixed", default=0.50, overridable=True,
              bounds=Bounds(0.0, 10.0), provisional=True),
    Parameter("soc_accrual_years", "N", "yr", "种植后按该速率计算土壤有机碳的年数",
              "years after planting with that rate", f"{PROVISIONAL}; AR-AM0014 v03.0, "
              "section 5.5, para. 17, items (i)-(ii): t = t_PLANT to t_PLANT + 20", "fixed",
              default=20.0, overridable=True, bounds=Bounds(0.0, 100.0), provisional=True),
    *pool_flags(PROVISIONAL, "AR-AM0014 v03.0", ("shrubs", "dead_wood", "soc")),
    *deduction_parameters(PROVISIONAL, "AR-AM0014 v03.0", "para. 25"),
    *gas_flags(PROVISIONAL, "AR-AM0014 v03.0", "the bans known for CCER-14-001-V01 of the same "
               "batch (burning, displacing agriculture)"),
    *gas_parameters(PROVISIONAL),
)))
