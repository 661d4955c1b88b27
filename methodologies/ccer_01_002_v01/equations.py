"""Equations of CCER-01-002-V01 in document order.

W2 (net electricity) and W3 (combined margin) are shared with the solar-thermal methodology and
live in :mod:`ccer_calc.tools`; this module holds W1, W4, the leakage term and W5.
"""

from __future__ import annotations

from ccer_calc.tools.accounting import (
    grid_baseline_emissions,
    reductions_without_leakage,
    zero_by_methodology,
)

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "leakage_emissions_neglected",
    "project_emissions_zero",
]

DOC = "CCER-01-002-V01 并网海上风力发电"


baseline_emissions = grid_baseline_emissions(
    name="baseline_emissions", id="W1", source=f"{DOC} §6.3 eq. (1)",
    description="baseline emissions of the grid electricity the project displaces",
    reference=f"{DOC}, §6.3, equation (1)")

project_emissions_zero = zero_by_methodology(
    name="project_emissions_zero", id="W4", symbol="PE_y",
    source=f"{DOC} §6.4 (backup generators, O&M vessels and vehicles: included, set to 0)",
    description="project emissions, fixed at zero by the methodology",
    reference=f"{DOC}, §6.4 and Table 1")

leakage_emissions_neglected = zero_by_methodology(
    name="leakage_emissions_neglected", id="W-LE", symbol="LE_y",
    source=f"{DOC} §6.5 (upstream fuel effects judged small; leakage not counted)",
    description="leakage emissions, neglected by the methodology", reference=f"{DOC}, §6.5")

emission_reductions = reductions_without_leakage(
    name="emission_reductions", id="W5", source=f"{DOC} §6.6 eq. (4)",
    reference=f"{DOC}, §6.6, equation (4) (W5 in the engine's numbering)")
