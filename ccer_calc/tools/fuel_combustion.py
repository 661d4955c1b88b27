"""CO2 from fossil fuel combustion: CDM TOOL03 v03.0 (eq. (1)-(4)) and the NCV × CC × OF route.

TOOL03 v03.0 ("Tool to calculate project or leakage CO2 emissions from fossil fuel
combustion", EB 96, Annex 4, in force 22 September 2017; public at
https://cdm.unfccc.int/Reference/tools/index.html) computes the emissions of process j as
PE_FC,j,y = Σ_i FC_i,j,y × COEF_i,y (eq. (1)), with the CO2 emission coefficient COEF_i,y of
fuel i from

* option A (para. 7(a)), the fuel's carbon mass fraction: eq. (2) for fuel metered by mass,
  eq. (3) (with the density) for fuel metered by volume; preferred when the data exist
  (para. 8);
* option B (para. 7(b)), its net calorific value and CO2 emission factor: eq. (4).

Every TOOL03 equation here was checked against that text. The Chinese enterprise-guideline
coefficient ``COEF = NCV × CC × OF × 44/12`` is equation (5) of CCER-01-001-V01, not of TOOL03,
and is declared in that plug-in's ``equations.py``; its default NCV, CC and OF per fuel come
from :mod:`ccer_calc.tools.fuel_defaults` (:func:`fuel_properties`).

Carbon is a dimension of its own in the engine's unit registry, so 44/12 is applied here as
the explicit quantity :data:`CO2_PER_CARBON` (t CO2 / t C), never as a silent conversion.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.parameters import Value
from ccer_calc.tools.fuel_defaults import (
    FuelDefaults,
    FuelProperties,
    consumption_unit,
    fuel_defaults_table,
    fuel_properties,
)
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "CO2_PER_CARBON",
    "FuelDefaults",
    "FuelProperties",
    "consumption_unit",
    "fuel_combustion_emissions",
    "fuel_defaults_table",
    "fuel_emission_coefficient_tool03_option_a_by_mass",
    "fuel_emission_coefficient_tool03_option_a_by_volume",
    "fuel_emission_coefficient_tool03_option_b",
    "fuel_properties",
    "stack_per_fuel",
]

#: Ratio of the molar masses of CO2 and C, 44/12 t CO2 per t C.
CO2_PER_CARBON = Quantity(44.0 / 12.0, "tCO2/tC")

#: Fuel metered by mass (declared), by volume or by normal volume (alternatives).
_BY_VOLUME = ("m^3", "万Nm3")
_NCV_BY_VOLUME = ("GJ/m^3", "GJ/万Nm3")
_COEF_BY_VOLUME = ("t CO2/m^3", "t CO2/万Nm3")
_TOOL03 = "TOOL03 v03.0"


@equation(
    id="TOOL03 (2)", document=_TOOL03,
    symbol="COEF_i,y",
    formula="COEF_i,y = w_C,i,y × 44/12",
    source=f"{_TOOL03}, para. 7(a), option A, eq. (2) (FC_i,j,y measured in a mass unit)",
    inputs={"carbon_mass_fraction": "t C/t"},
    output="t CO2/t",
    description="CO2 emission coefficient of a fuel metered by mass, from its carbon fraction",
)
def fuel_emission_coefficient_tool03_option_a_by_mass(
    carbon_mass_fraction: pint.Quantity,
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i metered by mass, from its carbon content (option A).

    Parameters
    ----------
    carbon_mass_fraction : Quantity
        Weighted average mass fraction of carbon in the fuel, w_C,i,y [t C/t].

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t].

    Notes
    -----
    .. math:: COEF_{i,y} = w_{C,i,y} \times \frac{44}{12}  \tag{TOOL03 (2)}

    Option A is the preferred approach where its data exist (para. 8); w_C,i,y comes from the
    supplier's invoices or, failing them, the project's measurements (data table 2).

    References
    ----------
    TOOL03 v03.0, para. 7(a), option A, equation (2); para. 8; data table 2.

    Examples
    --------
    Diesel with 86 % carbon by mass:

    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_tool03_option_a_by_mass(
    ...     carbon_mass_fraction=Quantity(0.86, "t C/t"))
    >>> round(float(coef.quantity.magnitude), 6)
    3.153333
    """
    return carbon_mass_fraction * CO2_PER_CARBON


@equation(
    id="TOOL03 (3)", document=_TOOL03,
    symbol="COEF_i,y",
    formula="COEF_i,y = w_C,i,y × rho_i,y × 44/12",
    source=f"{_TOOL03}, para. 7(a), option A, eq. (3) (FC_i,j,y measured in a volume unit)",
    inputs={"carbon_mass_fraction": "t C/t", "density": "t/m^3"},
    output="t CO2/m^3",
    alternative_units={"density": ("t/万Nm3",), "result": ("t CO2/万Nm3",)},
    description="CO2 emission coefficient of a fuel metered by volume, from its carbon fraction",
)
def fuel_emission_coefficient_tool03_option_a_by_volume(
    carbon_mass_fraction: pint.Quantity, density: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i metered by volume, from carbon and density (option A).

    Parameters
    ----------
    carbon_mass_fraction : Quantity
        Weighted average mass fraction of carbon in the fuel, w_C,i,y [t C/t].
    density : Quantity
        Weighted average density of the fuel, rho_i,y [t/m^3]; t/万Nm3 for a gas metered in
        normal cubic metres.

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/m^3]; t CO2/万Nm3 following the density.

    Notes
    -----
    .. math:: COEF_{i,y} = w_{C,i,y} \times \rho_{i,y} \times \frac{44}{12}
       \tag{TOOL03 (3)}

    References
    ----------
    TOOL03 v03.0, para. 7(a), option A, equation (3); data tables 2 and 3.

    Examples
    --------
    Diesel, 86 % carbon, 840 kg/m³:

    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_tool03_option_a_by_volume(
    ...     carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(840, "kg/m^3"))
    >>> round(float(coef.quantity.magnitude), 4)
    2.6488
    """
    return carbon_mass_fraction * density * CO2_PER_CARBON


@equation(
    id="TOOL03 (4)", document=_TOOL03,
    symbol="COEF_i,y",
    formula="COEF_i,y = NCV_i,y × EF_CO2,i,y",
    source=f"{_TOOL03}, para. 7(b), option B, eq. (4)",
    inputs={"net_calorific_value": "GJ/t", "co2_emission_factor": "t CO2/GJ"},
    output="t CO2/t",
    alternative_units={"net_calorific_value": _NCV_BY_VOLUME, "result": _COEF_BY_VOLUME},
    description="CO2 emission coefficient of a fuel from NCV and a CO2 factor per energy",
)
def fuel_emission_coefficient_tool03_option_b(
    net_calorific_value: pint.Quantity, co2_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i from NCV and a CO2 factor (TOOL03 option B).

    Parameters
    ----------
    net_calorific_value : Quantity
        Weighted average net calorific value, NCV_i,y [GJ/t]; GJ/m^3 or GJ/万Nm3 for fuel
        metered by volume.
    co2_emission_factor : Quantity
        Weighted average CO2 emission factor per unit of energy, EF_CO2,i,y [t CO2/GJ].

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t]; t CO2/m^3 or t CO2/万Nm3 following the NCV.

    Notes
    -----
    .. math:: COEF_{i,y} = NCV_{i,y} \times EF_{CO2,i,y}  \tag{TOOL03 (4)}

    Where the project has no supplier or measured values, TOOL03 allows national defaults
    (liquid fuels only) or the IPCC 2006 defaults at the **upper** limit of the 95 %
    confidence interval (Vol. 2, ch. 1, Table 1.2 for NCV, Table 1.4 for EF_CO2; data tables
    4 and 5).

    References
    ----------
    TOOL03 v03.0, para. 7(b), option B, equation (4); data tables 4 and 5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_tool03_option_b(
    ...     net_calorific_value=Quantity(43.0, "GJ/t"),
    ...     co2_emission_factor=Quantity(72.6, "t CO2/TJ"))
    >>> round(float(coef.quantity.magnitude), 4)
    3.1218
    """
    return net_calorific_value * co2_emission_factor


@equation(
    id="TOOL03 (1)", document=_TOOL03,
    symbol="PE_FC,i,y",
    formula="PE_FC,i,y = FC_i,j,y × COEF_i,y (the term of fuel i in PE_FC,j,y = Σ_i ...)",
    source=f"{_TOOL03}, para. 6, eq. (1), the term of one fuel i",
    inputs={"fuel_consumed": "t", "emission_coefficient": "t CO2/t"},
    output="t CO2",
    alternative_units={"fuel_consumed": _BY_VOLUME, "emission_coefficient": _COEF_BY_VOLUME},
    description="CO2 from burning one fuel",
)
def fuel_combustion_emissions(
    fuel_consumed: pint.Quantity, emission_coefficient: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emitted by burning the quantity of one fuel i (one term of the sum over fuels).

    Parameters
    ----------
    fuel_consumed : Quantity
        Fuel burned, FC_i,j,y [t]; m^3 or 万Nm3 for fuel metered by volume.
    emission_coefficient : Quantity
        CO2 emission coefficient, COEF_i,y [t CO2/t]; per m^3 or per 万Nm3 to match the fuel.

    Returns
    -------
    Quantity
        The term of fuel i, FC_i,j,y × COEF_i,y [t CO2]. A coefficient per 万Nm3 with fuel in
        t raises UnitError.

    Notes
    -----
    .. math:: PE_{FC,j,y} = \sum_i FC_{i,j,y} \times COEF_{i,y}  \tag{TOOL03 (1)}

    This function evaluates one term (pass ``instance=<fuel>``); the calling methodology sums
    the terms with its own equation.

    References
    ----------
    TOOL03 v03.0, para. 6, equation (1); data table 1 (FC_i,j,y).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> pe = fuel_combustion_emissions(fuel_consumed=Quantity(12.5, "t"),
    ...                                emission_coefficient=Quantity(3.1, "t CO2/t"))
    >>> float(pe.quantity.magnitude)
    38.75
    """
    return fuel_consumed * emission_coefficient


def stack_per_fuel(values: Sequence[Value], shape: tuple[int, ...], symbol: str) -> Value:
    """Stack per-fuel emissions [t CO2] into one array of shape ``(fuels, *shape)``.

    With no fuel the result has shape ``(0, *shape)`` and sums to zero along the fuel axis.
    """
    unit = parse_unit("t CO2")
    mags = [np.broadcast_to(v.quantity.m_as(unit), shape) for v in values]
    stacked = np.stack(mags) if mags else np.zeros((0, *shape))
    ref = ", ".join(v.ref for v in values) or "no fuel"
    return Value(symbol, Quantity(stacked, unit), "computed", ref)
