"""Equations of CCER-01-001-V01 in document order.

C2 (net electricity) and C3 (combined margin) are the shared tools W2 and W3 of
:mod:`ccer_calc.tools` (identical in CCER-01-002-V01), wired by
:mod:`ccer_calc.tools.grid_baseline`;
C5 (fuel emission coefficient) and each term FC_i,y × COEF_i,y of C4 are in
:mod:`ccer_calc.tools.fuel_combustion`. This module holds C1, C4 (the sum over fuels), the
leakage term and C6.
"""

from __future__ import annotations

from ccer_calc.tools.accounting import (
    grid_baseline_emissions,
    reductions_without_leakage,
    summed_over_fuels,
    zero_by_methodology,
)

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "leakage_emissions_neglected",
    "project_emissions_fossil_fuel",
]

DOC = "CCER-01-001-V01 并网光热发电"


baseline_emissions = grid_baseline_emissions(
    name="baseline_emissions", id="C1", source=f"{DOC} §6.3 eq. (1)",
    description="baseline emissions of the grid electricity the CSP plant displaces",
    reference=f"{DOC}, §6.3, equation (1)")

project_emissions_fossil_fuel = summed_over_fuels(
    name="project_emissions_fossil_fuel", id="C4", symbol="PE_y",
    formula="PE_y = Σ_i FC_i,y × COEF_i,y",
    source=f"{DOC} §6.4 eq. (4) (fossil fuel for anti-freeze heating)",
    description="project emissions from fossil fuel burned for anti-freeze heating",
    reference=f"{DOC}, §6.4, equation (4), Table 11; COEF from equation (5)")

leakage_emissions_neglected = zero_by_methodology(
    name="leakage_emissions_neglected", id="C-LE", symbol="LE_y",
    source=f"{DOC} §6.5 (upstream fuel effects judged small; leakage not counted)",
    description="leakage emissions, neglected by the methodology", reference=f"{DOC}, §6.5")

emission_reductions = reductions_without_leakage(
    name="emission_reductions", id="C6", source=f"{DOC} §6.6 eq. (6)",
    reference=f"{DOC}, §6.6, equation (6)")
