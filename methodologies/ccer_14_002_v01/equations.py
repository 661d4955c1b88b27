"""Equations of CCER-14-002-V01 红树林营造, PROVISIONAL: the CDM parent's accounting.

The MEE text was not available, so neither its equations nor their numbers are known. These are
the equations of the CDM parent methodology (AR-AM0014 v03.0, eq. 1-6), each under a
provisional id ``prov. (n)`` that keeps the parent's number n and says it is not the CCER
text's: (1) baseline net removals, (2) actual net removals, (3) change in the project's pools,
(4) change in soil organic carbon by planting year (with the parent's default rate), (5)
leakage, (6) net removals. Litter is not accounted, as in the parent. The 2023 CCER units are
ordinary units, so the parent's tCER and lCER (eq. 7-8) do not apply.

The engine reports every methodology in four quantities, BE − PE − LE = ER; removals enter as
negative emissions (docs/architecture.md): BE_t = −ΔC_BSL,t and PE_t = −ΔC_ACTUAL,t.
"""

from __future__ import annotations

from methodologies.ccer_14_002_v01.equations_net import (
    baseline_as_emissions,
    leakage,
    net_anthropogenic_removals,
    project_as_emissions,
)
from methodologies.ccer_14_002_v01.equations_removals import (
    DOCUMENT,
    actual_net_removals,
    baseline_net_removals,
    project_stock_change,
    soc_rate_by_planting_year,
    soil_carbon_change,
)

__all__ = [
    "DOCUMENT",
    "actual_net_removals",
    "baseline_as_emissions",
    "baseline_net_removals",
    "leakage",
    "net_anthropogenic_removals",
    "project_as_emissions",
    "project_stock_change",
    "soc_rate_by_planting_year",
    "soil_carbon_change",
]
