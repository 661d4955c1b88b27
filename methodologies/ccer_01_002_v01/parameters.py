"""Parameters of CCER-01-002-V01, with their sources in the methodology text."""

from __future__ import annotations

from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.grid_baseline import grid_baseline_parameters, grid_exchange_columns

DOC = "CCER-01-002-V01 并网海上风力发电"

PARAMETERS = ParameterSet(grid_baseline_parameters(
    DOC, om_weight_source="§7.1 Table 2", bm_weight_source="§7.1 Table 3",
    margin_source="§7.2 Tables 6-7"))

MONITORED = grid_exchange_columns(DOC, plant="the project", export_source="§7.2 Table 4",
                                  import_source="§7.2 Table 5")
