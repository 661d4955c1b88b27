"""Equations of CCER-01-002-V01 in document order.

W2 (net electricity) and W3 (combined margin) are shared with the solar-thermal methodology and
live in :mod:`ccer_calc.tools`; this module holds W1, W4, the leakage term and W5.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.units import Quantity

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "leakage_emissions_neglected",
    "project_emissions_zero",
]

DOC = "CCER-01-002-V01 并网海上风力发电"
_ZERO_PER_MWH = Quantity(0.0, "t CO2e/MWh")


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


@equation(
    id="W4",
    symbol="PE_y",
    formula="PE_y = 0",
    source=f"{DOC} §6.4 (backup generators, O&M vessels and vehicles: included, set to 0)",
    inputs={"net_electricity": "MWh"},
    output="t CO2e",
    description="project emissions, fixed at zero by the methodology",
)
def project_emissions_zero(net_electricity: pint.Quantity) -> pint.Quantity:
    r"""Project emissions in year y, which the methodology fixes at zero.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity, EG_PJ,y [MWh]; used only for the shape of the period axis.

    Returns
    -------
    Quantity
        PE_y = 0 [t CO2e].

    Notes
    -----
    .. math:: PE_y = 0  \tag{W4}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.4 and Table 1.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> float(project_emissions_zero(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude)
    0.0
    """
    return net_electricity * _ZERO_PER_MWH


@equation(
    id="W-LE",
    symbol="LE_y",
    formula="LE_y = 0",
    source=f"{DOC} §6.5 (upstream fuel effects judged small; leakage not counted)",
    inputs={"net_electricity": "MWh"},
    output="t CO2e",
    description="leakage emissions, neglected by the methodology",
)
def leakage_emissions_neglected(net_electricity: pint.Quantity) -> pint.Quantity:
    r"""Leakage emissions in year y, which the methodology neglects.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity, EG_PJ,y [MWh]; used only for the shape of the period axis.

    Returns
    -------
    Quantity
        LE_y = 0 [t CO2e].

    Notes
    -----
    .. math:: LE_y = 0

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> float(leakage_emissions_neglected(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude)
    0.0
    """
    return net_electricity * _ZERO_PER_MWH


@equation(
    id="W5",
    symbol="ER_y",
    formula="ER_y = BE_y − PE_y",
    source=f"{DOC} §6.6 eq. (4)",
    inputs={"baseline": "t CO2e", "project": "t CO2e"},
    output="t CO2e",
    description="emission reductions",
)
def emission_reductions(baseline: pint.Quantity, project: pint.Quantity) -> pint.Quantity:
    r"""Emission reductions in year y.

    Parameters
    ----------
    baseline : Quantity
        Baseline emissions, BE_y [t CO2e].
    project : Quantity
        Project emissions, PE_y [t CO2e].

    Returns
    -------
    Quantity
        ER_y [t CO2e].

    Notes
    -----
    .. math:: ER_y = BE_y - PE_y  \tag{W5}

    Leakage is neglected (§6.5) and does not appear in the formula.

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.6, equation (4) (W5 in the engine's numbering).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> er = emission_reductions(baseline=Quantity(634_790.375, "t CO2e"),
    ...                          project=Quantity(0.0, "t CO2e"))
    >>> float(er.quantity.magnitude)
    634790.375
    """
    return baseline - project
