"""Parameters of AR-AM0014 v03.0: the SOC default of eq. (4) and the tools' defaults."""

from __future__ import annotations

from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.forestry.sink_parameters import sink_parameters
from ccer_calc.tools.forestry.sink_soc import soc_accrual_parameters

DOC = "AR-AM0014 v03.0"

PARAMETERS = ParameterSet(sink_parameters(gases=True, extra=soc_accrual_parameters(
    f"{DOC}, section 5.5, para. 17, item (i) (default unless transparent and verifiable "
    "information justifies another value)",
    f"{DOC}, section 5.5, para. 17, items (i)-(ii): t = t_PLANT to t_PLANT + 20")))
