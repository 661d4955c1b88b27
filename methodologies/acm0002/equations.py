"""Equations of CDM ACM0002 (greenfield) in document order.

EG_PJ,y (net supply, greenfield) is the shared W2 tool, the combined margin the shared W3 tool
with the TOOL07 v07.0 weights (para. 86), and each fossil-fuel term FC_i,y × COEF_i,y the fuel
combustion tool: TOOL03 v03.0 eq. (4) (option B) and one term of eq. (1). This module holds BE,
PE_FF (the sum over fuels), PD, PE_HP, PE, LE and ER. Every equation of this module is tagged
[U]: written from background knowledge of ACM0002 (reference brief §6.1); the tools are verified.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.tools.accounting import (
    grid_baseline_emissions,
    reductions_without_leakage,
    summed_over_fuels,
    zero_by_methodology,
)

__all__ = [
    "baseline_emissions",
    "emission_reductions",
    "fossil_fuel_project_emissions",
    "leakage_emissions_neglected",
    "power_density",
    "project_emissions",
    "reservoir_project_emissions",
]

DOC = "CDM ACM0002"
U = "[U: from background knowledge of ACM0002, not checked against the text]"


baseline_emissions = grid_baseline_emissions(
    name="baseline_emissions", id="ACM0002 BE", source=f"{DOC}, baseline emissions {U}",
    description="baseline emissions of the grid electricity the plant displaces",
    reference="CDM ACM0002, baseline emissions [U]")

fossil_fuel_project_emissions = summed_over_fuels(
    name="fossil_fuel_project_emissions", id="ACM0002 PE_FF", symbol="PE_FF,y",
    formula="PE_FF,y = Σ_i FC_i,y × COEF_i,y (TOOL03)",
    source=f"{DOC}, project emissions from fossil fuel combustion, via TOOL03 v03.0 eq. (1) "
           f"{U}",
    description="project emissions from fossil fuel burned by the plant",
    reference="CDM ACM0002, project emissions [U]; TOOL03 v03.0, eq. (1), COEF by eq. (4)")


@equation(
    id="ACM0002 PD",
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
    .. math:: PD = \frac{Cap_{PJ} - Cap_{BL}}{A_{PJ} - A_{BL}}  \tag{ACM0002 PD}

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
    id="ACM0002 PE_HP",
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
       \end{cases}  \tag{ACM0002 PE_HP}

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


@equation(
    id="ACM0002 PE",
    symbol="PE_y",
    formula="PE_y = PE_FF,y + PE_GP,y + PE_HP,y (PE_GP,y = 0: geothermal not implemented)",
    source=f"{DOC}, project emissions {U}",
    inputs={"fossil_fuel": "t CO2e", "reservoir": "t CO2e"},
    output="t CO2e",
    description="project emissions",
)
def project_emissions(fossil_fuel: pint.Quantity, reservoir: pint.Quantity) -> pint.Quantity:
    r"""Project emissions in year y.

    Parameters
    ----------
    fossil_fuel : Quantity
        PE_FF,y [t CO2e].
    reservoir : Quantity
        PE_HP,y [t CO2e].

    Returns
    -------
    Quantity
        PE_y [t CO2e].

    Notes
    -----
    .. math:: PE_y = PE_{FF,y} + PE_{GP,y} + PE_{HP,y}  \tag{ACM0002 PE}

    PE_GP,y (geothermal non-condensable gases) is not implemented; geothermal projects fail the
    ``technology_supported`` check.

    References
    ----------
    CDM ACM0002, project emissions. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> pe = project_emissions(fossil_fuel=Quantity(3.5, "t CO2e"),
    ...                        reservoir=Quantity(900, "t CO2e"))
    >>> float(pe.quantity.magnitude)
    903.5
    """
    return fossil_fuel + reservoir


leakage_emissions_neglected = zero_by_methodology(
    name="leakage_emissions_neglected", id="ACM0002 LE", symbol="LE_y",
    source=f"{DOC}, leakage {U}",
    description="leakage emissions, not considered by the methodology",
    reference="CDM ACM0002, leakage [U]")

emission_reductions = reductions_without_leakage(
    name="emission_reductions", id="ACM0002 ER", source=f"{DOC}, emission reductions {U}",
    reference="CDM ACM0002, emission reductions [U]")
