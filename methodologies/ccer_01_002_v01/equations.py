"""Equations of CCER-01-002-V01 in document order.

W2 (net electricity) and W3 (combined margin) are shared with the solar-thermal methodology and
live in :mod:`ccer_calc.tools`; this module holds W1, W4, the leakage term and W5.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.accounting import reductions_without_leakage, zero_by_methodology

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "leakage_emissions_neglected",
    "project_emissions_zero",
]

DOC = "CCER-01-002-V01 并网海上风力发电"


@equation(
    id="W1",
    symbol="BE_y",
    formula="BE_y = EG_PJ,y × EF_grid,CM,y",
    source=f"{DOC} §6.3 eq. (1)",
    inputs={"net_electricity": "MWh", "combined_margin": "t CO2/MWh"},
    output="t CO2e",
    description="baseline emissions of the grid electricity the project displaces",
)
def baseline_emissions(
    net_electricity: pint.Quantity, combined_margin: pint.Quantity
) -> pint.Quantity:
    r"""Baseline emissions in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity delivered to the grid, EG_PJ,y [MWh].
    combined_margin : Quantity
        Combined-margin factor of the regional grid, EF_grid,CM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        BE_y [t CO2e].

    Notes
    -----
    .. math:: BE_y = EG_{PJ,y} \times EF_{grid,CM,y}  \tag{W1}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> be = baseline_emissions(net_electricity=Quantity(1_247_500, "MWh"),
    ...                         combined_margin=Quantity(0.50885, "t CO2/MWh"))
    >>> round(float(be.quantity.magnitude), 3)
    634790.375
    """
    return net_electricity * combined_margin


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
