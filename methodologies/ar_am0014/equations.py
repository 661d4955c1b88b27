"""Equations of AR-AM0014 v03.0, in document order, with the document's own numbers.

(1) baseline net removals, (2) actual net removals, (3) change in the project's pools,
(4) change in soil organic carbon by planting year (with the default rate of para. 17),
(5) leakage, (6) net anthropogenic removals, (7)-(8) tCER and lCER of a verification period.
Litter is not accounted (Table 1). The pools' changes come from the tools (AR-TOOL14,
AR-TOOL12, AR-TOOL08, AR-TOOL15), whose equations carry their own numbers.

The engine reports every methodology in four quantities, BE − PE − LE = ER. Removals enter as
negative emissions (docs/architecture.md): two recorded equations say so, BE_t = −ΔC_BSL,t
(para. 13) and PE_t = −ΔC_ACTUAL,t (para. 15); LE is LK_t of eq. (5) and ER is ΔC_AR-CDM,t of
eq. (6).
"""

from __future__ import annotations

from methodologies.ar_am0014.equations_net import (
    baseline_as_emissions,
    leakage,
    long_term_cers,
    net_anthropogenic_removals,
    project_as_emissions,
    temporary_cers,
)
from methodologies.ar_am0014.equations_removals import (
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
    "long_term_cers",
    "net_anthropogenic_removals",
    "project_as_emissions",
    "project_stock_change",
    "soc_rate_by_planting_year",
    "soil_carbon_change",
    "temporary_cers",
]
