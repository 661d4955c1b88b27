"""ACM0002's hydro power plants with reservoirs: power density and reservoir emissions.

Tagged [U] like the rest of ACM0002's own equations (see :mod:`.equations`, which re-exports
these two).
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from methodologies.acm0002.citations import DOC, DOCUMENT, U

__all__ = ["power_density", "reservoir_project_emissions"]


@equation(
    id="PD",
    document=DOCUMENT,
    symbol="PD",
    formula="PD = (Cap_PJ − Cap_BL) / (A_PJ − A_BL), greenfield: Cap_PJ / A_PJ",
    source=f"{DOC}, power density of hydro power plants with reservoirs {U}",
    inputs={"installed_capacity": "MW", "reservoir_area": "km^2"},
    output="W/m^2",
    description="power density of a hydro plant with a new reservoir",
)
def power_density(installed_capacity: pint.Quantity, reservoir_area: pint.Quantity
                  ) -> pint.Quantity:
    r"""Power density of a greenfield hydro plant with a reservoir.

    Parameters
    ----------
    installed_capacity : Quantity
        Installed capacity, Cap_PJ [MW].
    reservoir_area : Quantity
        Area of the reservoir at full level, A_PJ [km^2].

    Returns
    -------
    Quantity
        PD [W/m^2].

    Notes
    -----
    .. math:: PD = \frac{Cap_{PJ} - Cap_{BL}}{A_{PJ} - A_{BL}}  \tag{PD}

    For a greenfield plant Cap_BL = A_BL = 0.

    References
    ----------
    CDM ACM0002, hydro power plants with reservoirs. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> pd = power_density(installed_capacity=Quantity(30, "MW"),
    ...                    reservoir_area=Quantity(5, "km^2"))
    >>> round(float(pd.quantity.magnitude), 9)
    6.0
    """
    return installed_capacity / reservoir_area


@equation(
    id="PE_HP",
    document=DOCUMENT,
    symbol="PE_HP,y",
    formula="PE_HP,y = EF_Res × TEG_y if PD ≤ 10 W/m² (and > 4), else 0",
    source=f"{DOC}, project emissions from reservoirs {U}",
    inputs={"reservoir_emission_factor": "kg CO2e/MWh", "total_generation": "MWh",
            "power_density": "W/m^2", "power_density_no_emissions": "W/m^2"},
    output="t CO2e",
    description="project emissions from the reservoir of a hydro plant",
)
def reservoir_project_emissions(
    reservoir_emission_factor: pint.Quantity,
    total_generation: pint.Quantity,
    power_density: pint.Quantity,
    power_density_no_emissions: pint.Quantity,
) -> pint.Quantity:
    r"""Project emissions from the reservoir of a hydro plant in year y.

    Parameters
    ----------
    reservoir_emission_factor : Quantity
        Default emission factor for reservoirs, EF_Res [kg CO2e/MWh].
    total_generation : Quantity
        Total electricity produced by the plant, TEG_y [MWh].
    power_density : Quantity
        Power density of the plant, PD [W/m^2].
    power_density_no_emissions : Quantity
        Power density above which reservoir emissions are zero [W/m^2].

    Returns
    -------
    Quantity
        PE_HP,y [t CO2e].

    Notes
    -----
    .. math:: PE_{HP,y} = \begin{cases} 0 & PD > 10 \\ EF_{Res} \, TEG_y & 4 < PD \le 10
       \end{cases}  \tag{PE_HP}

    PD ≤ 4 W/m² is outside the methodology (applicability check ``reservoir_power_density``).

    References
    ----------
    CDM ACM0002, hydro power plants with reservoirs. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> pe = reservoir_project_emissions(
    ...     reservoir_emission_factor=Quantity(90, "kg CO2e/MWh"),
    ...     total_generation=Quantity(10_000, "MWh"), power_density=Quantity(6, "W/m^2"),
    ...     power_density_no_emissions=Quantity(10, "W/m^2"))
    >>> round(float(pe.quantity.magnitude), 6)
    900.0
    """
    # both are in W/m^2 here (the decorator converted them)
    counts = np.asarray(power_density.magnitude <= power_density_no_emissions.magnitude,
                        dtype=np.float64)
    return reservoir_emission_factor * total_generation * counts

