"""Parameters of AR-AM0014 v03.0: the SOC default of eq. (4) and the tools' defaults."""

from __future__ import annotations

from ccer_calc.bounds import Bounds
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_calc.tools.forestry.sink_parameters import sink_parameters

DOC = "AR-AM0014 v03.0"

PARAMETERS = ParameterSet(sink_parameters(gases=True, extra=(
    Parameter("soc_accrual_rate", "dSOC", "t C/ha/yr", "红树林种植后土壤有机碳年变化率",
              "rate of change in SOC after planting", f"{DOC}, section 5.5, para. 17, item (i) "
              "(default unless transparent and verifiable information justifies another value)",
              "fixed", default=0.50, overridable=True, bounds=Bounds(0.0, 10.0)),
    Parameter("soc_accrual_years", "N", "yr", "种植后按该速率计算土壤有机碳的年数",
              "years after planting with that rate", f"{DOC}, section 5.5, para. 17, items "
              "(i)-(ii): t = t_PLANT to t_PLANT + 20", "fixed", default=20.0, overridable=True,
              bounds=Bounds(0.0, 100.0)),
)))
