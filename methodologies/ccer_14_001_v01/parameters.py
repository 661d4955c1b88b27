"""Parameters of CCER-14-001-V01, PROVISIONAL: the CDM parent's values, each flagged.

Every default is the one the CDM parent (AR-ACM0003 v02.0, through the A/R tools) applies; the
CCER text may set its own, so each is provisional, overridable and says so in its source.
"""

from __future__ import annotations

from ccer_calc.bounds import POSITIVE
from ccer_calc.datatables import table_key
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_calc.tools.forestry.defaults import tool_default
from ccer_calc.tools.forestry.sink_gas_flags import gas_flags, gas_parameters
from ccer_calc.tools.forestry.sink_parameters import sink_parameters
from ccer_calc.tools.forestry.sink_precision import deduction_parameters
from ccer_calc.tools.forestry.sink_provisional import pool_flags

DOC = "CCER-14-001-V01"
#: How every provisional value's source begins.
PROVISIONAL = ("provisional: value of the CDM parent AR-ACM0003 v02.0 (the MEE text of "
               "CCER-14-001-V01 was not available)")

_CAP = tool_default("AR-TOOL16", "soc_rate_cap")

PARAMETERS = ParameterSet(sink_parameters(provisional=PROVISIONAL, extra=(
    Parameter("soc_rate_cap", "dSOC_MAX", "t C/ha/yr", "土壤有机碳年变化率上限",
              "upper limit of the rate of SOC change", f"{PROVISIONAL}; {_CAP.ref}", "fixed",
              default=float(_CAP.quantity.m_as("t C/ha/yr")), overridable=True,
              bounds=POSITIVE, table=table_key("ar_tool_defaults.csv",
                                               "ccer_calc.tools.data.forestry"),
              provisional=True),
    *pool_flags(PROVISIONAL, "AR-ACM0003 v02.0", ("shrubs", "dead_wood", "litter", "soc")),
    *deduction_parameters(PROVISIONAL, "AR-ACM0003 v02.0", "para. 24"),
    *gas_flags(PROVISIONAL, "AR-ACM0003 v02.0", "CCER-14-001-V01 bans man-made burning and "
               "displacing agriculture (2025 interpretation article, secondary copy)"),
    *gas_parameters(PROVISIONAL),
)))
