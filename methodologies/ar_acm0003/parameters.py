"""Parameters of AR-ACM0003 v02.0: the tools' defaults it applies, with their sources.

The methodology has no parameters of its own (para. 26: "description of data and parameters
can be found in the tools"); it applies those of AR-TOOL14 v04.2, AR-TOOL12 v03.1 and
AR-TOOL16 v01.1.0 (the SOC cap of eq. 7).
"""

from __future__ import annotations

from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.forestry.sink_parameters import sink_parameters, soc_rate_cap

DOC = "AR-ACM0003 v02.0"

PARAMETERS = ParameterSet(sink_parameters(gases=True, extra=(soc_rate_cap(),)))
