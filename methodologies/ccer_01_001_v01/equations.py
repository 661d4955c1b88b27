"""Equations of CCER-01-001-V01 in document order.

C2 (net electricity) and C3 (combined margin) are the shared tools W2 and W3 of
:mod:`ccer_calc.tools` (identical in CCER-01-002-V01), wired by
:mod:`ccer_calc.tools.grid_baseline`;
C5 (fuel emission coefficient) and each term FC_i,y × COEF_i,y of C4 are in
:mod:`ccer_calc.tools.fuel_combustion`. This module holds C1, C4 (the sum over fuels), the
leakage term and C6.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.accounting import reductions_without_leakage, zero_by_methodology

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "leakage_emissions_neglected",
    "project_emissions_fossil_fuel",
]

DOC = "CCER-01-001-V01 并网光热发电"


@equation(
    id="C1",
    symbol="BE_y",
    formula="BE_y = EG_PJ,y × EF_grid,CM,y",
    source=f"{DOC} §6.3 eq. (1)",
    inputs={"net_electricity": "MWh", "combined_margin": "t CO2/MWh"},
    output="t CO2e",
    description="baseline emissions of the grid electricity the CSP plant displaces",
)
def baseline_emissions(
    net_electricity: pint.Quantity, combined_margin: pint.Quantity
) -> pint.Quantity:
    r"""Baseline emissions in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity the CSP plant delivers to the grid, EG_PJ,y [MWh].
    combined_margin : Quantity
        Combined-margin factor of the regional grid, EF_grid,CM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        BE_y [t CO2e].

    Notes
    -----
    .. math:: BE_y = EG_{PJ,y} \times EF_{grid,CM,y}  \tag{C1}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.3, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> be = baseline_emissions(net_electricity=Quantity(350_000, "MWh"),
    ...                         combined_margin=Quantity(0.66645, "t CO2/MWh"))
    >>> round(float(be.quantity.magnitude), 3)
    233257.5
    """
    return net_electricity * combined_margin


@equation(
    id="C4",
    symbol="PE_y",
    formula="PE_y = Σ_i FC_i,y × COEF_i,y",
    source=f"{DOC} §6.4 eq. (4) (fossil fuel for anti-freeze heating)",
    inputs={"fuel_emissions": "t CO2"},
    output="t CO2e",
    description="project emissions from fossil fuel burned for anti-freeze heating",
)
def project_emissions_fossil_fuel(fuel_emissions: pint.Quantity) -> pint.Quantity:
    r"""Project emissions in year y: CO2 from the fossil fuels burned, summed over fuels.

    Parameters
    ----------
    fuel_emissions : Quantity
        FC_i,y × COEF_i,y for each fuel i, one row per fuel and one column per element of the
        period axis [t CO2]; no rows when the project burns no fossil fuel.

    Returns
    -------
    Quantity
        PE_y [t CO2e].

    Notes
    -----
    .. math:: PE_y = \sum_i FC_{i,y} \times COEF_{i,y}  \tag{C4}

    Each term is :func:`ccer_calc.tools.fuel_combustion.fuel_combustion_emissions` with the
    coefficient of equation (5), after the conservative correction of the fuel meter (§7.3.4).

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (4), Table 11.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> pe = project_emissions_fossil_fuel(
    ...     fuel_emissions=Quantity(np.array([[3.1, 6.2], [21.6, 0.0]]), "t CO2"))
    >>> [round(float(x), 6) for x in pe.quantity.magnitude]
    [24.7, 6.2]
    """
    return fuel_emissions.sum(axis=0)


leakage_emissions_neglected = zero_by_methodology(
    name="leakage_emissions_neglected", id="C-LE", symbol="LE_y",
    source=f"{DOC} §6.5 (upstream fuel effects judged small; leakage not counted)",
    description="leakage emissions, neglected by the methodology", reference=f"{DOC}, §6.5")

emission_reductions = reductions_without_leakage(
    name="emission_reductions", id="C6", source=f"{DOC} §6.6 eq. (6)",
    reference=f"{DOC}, §6.6, equation (6)")
