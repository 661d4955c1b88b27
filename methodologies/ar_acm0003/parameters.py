"""Parameters of AR-ACM0003 v02.0: the tools' defaults it applies, with their sources.

The methodology has no parameters of its own (para. 26: "description of data and parameters
can be found in the tools"); it applies those of AR-TOOL14 v04.2, AR-TOOL12 v03.1 and
AR-TOOL16 v01.1.0 (the SOC cap of eq. 7).
"""

from __future__ import annotations

from ccer_calc.bounds import POSITIVE
from ccer_calc.datatables import table_key
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_calc.tools.forestry.defaults import tool_default
from ccer_calc.tools.forestry.sink_parameters import sink_parameters

DOC = "AR-ACM0003 v02.0"

_CAP = tool_default("AR-TOOL16", "soc_rate_cap")

PARAMETERS = ParameterSet(sink_parameters(gases=True, extra=(
    Parameter("soc_rate_cap", "dSOC_MAX", "t C/ha/yr", "土壤有机碳年变化率上限",
              "upper limit of the rate of SOC change", _CAP.ref, "fixed",
              default=float(_CAP.quantity.m_as("t C/ha/yr")), bounds=POSITIVE,
              table=table_key("ar_tool_defaults.csv", "ccer_calc.tools.data.forestry")),
)))
