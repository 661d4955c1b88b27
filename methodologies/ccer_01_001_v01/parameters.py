"""Parameters and monitored data of CCER-01-001-V01, with their sources in the methodology text."""

from __future__ import annotations

from ccer_calc.bounds import NONNEGATIVE
from ccer_calc.methodology import MonitoredColumn
from ccer_calc.parameters import ParameterSet
from ccer_calc.tools.grid_baseline import grid_baseline_parameters, grid_exchange_columns

DOC = "CCER-01-001-V01 并网光热发电"

PARAMETERS = ParameterSet(grid_baseline_parameters(
    DOC, om_weight_source="§7.1 Table 2", bm_weight_source="§7.1 Table 3",
    margin_source="§7.2 Tables 9-10"))

MONITORED = grid_exchange_columns(DOC, plant="the CSP plant", export_source="§7.2 Table 7",
                                  import_source="§7.2 Table 8")


def fuel_column(fuel: str, unit: str) -> MonitoredColumn:
    """The monitored column of one fossil fuel burned for anti-freeze heating (防凝)."""
    return MonitoredColumn(
        name=f"fuel_{fuel}", symbol=f"FC_{fuel},y", unit=unit,
        description_zh=f"项目第y年防凝等消耗的化石燃料 {fuel} 的量",
        description_en=f"fossil fuel {fuel} burned by the project (anti-freeze heating) in "
                       "year y",
        source=f"{DOC} §7.2 Table 11 (flow meters at the CSP energy metering point; gas meters "
               "class 2.0 or better per GB 17167; cross-checked with purchase invoices)",
        frequency="continuous, recorded at least monthly", bounds=NONNEGATIVE)
