"""Equations of CCER-01-001-V01 并网光热发电, in document order.

Every equation the methodology prints is here, with the document's own number (``(1)`` to
``(6)``), or its section where the text states a rule without a number (``§6.5``, ``§7.3.4``).
Equation (4) sums FC_i,y × COEF_i,y over the fuels; each product is recorded once per fuel as
``(4) term`` (fuels metered in t and in 万Nm3 cannot share one array before the product). The
arithmetic shared with other grid-power methodologies is a plain body in
:mod:`ccer_calc.tools.grid_power` and :mod:`ccer_calc.tools.metering`. The corrections of
§7.3.4 for meter error are in :mod:`.equations_metering`, re-exported here.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools import grid_power
from ccer_calc.tools.fuel_combustion import CO2_PER_CARBON
from methodologies.ccer_01_001_v01.equations_metering import (
    _TITLE,
    DOCUMENT,
    export_corrected_for_meter_error,
    fuel_corrected_for_meter_error,
    import_corrected_for_meter_error,
)

__all__ = [
    "DOCUMENT",
    "baseline_emissions",
    "combined_margin_factor",
    "emission_reductions",
    "export_corrected_for_meter_error",
    "fuel_corrected_for_meter_error",
    "fuel_emission_coefficient",
    "fuel_emissions",
    "import_corrected_for_meter_error",
    "leakage_emissions_neglected",
    "net_electricity_delivered",
    "project_emissions_fossil_fuel",
]

_EF = "t CO2/MWh"
_BY_VOLUME = {"fuel": ("万Nm3",), "coefficient": ("t CO2/万Nm3",)}


@equation(
    id="(1)", document=DOCUMENT, symbol="BE_y",
    formula="BE_y = EG_PJ,y × EF_grid,CM,y",
    source=f"{_TITLE} §6.3 eq. (1)",
    inputs={"net_electricity": "MWh", "combined_margin": _EF}, output="t CO2e",
    description="baseline emissions of the grid electricity the CSP plant displaces",
)
def baseline_emissions(net_electricity: pint.Quantity,
                       combined_margin: pint.Quantity) -> pint.Quantity:
    r"""Baseline emissions of the grid electricity the CSP plant displaces in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity delivered to the regional grid, EG_PJ,y [MWh].
    combined_margin : Quantity
        Combined-margin emission factor of the grid, EF_grid,CM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        BE_y [t CO2e].

    Notes
    -----
    .. math:: BE_y = EG_{PJ,y} \times EF_{grid,CM,y}  \tag{1}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.3, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> be = baseline_emissions(net_electricity=Quantity(210_000, "MWh"),
    ...                         combined_margin=Quantity(0.66645, "t CO2/MWh"))
    >>> round(float(be.quantity.magnitude), 3)
    139954.5
    """
    return grid_power.displaced_grid_emissions(net_electricity, combined_margin)


@equation(
    id="(2)", document=DOCUMENT, symbol="EG_PJ,y",
    formula="EG_PJ,y = EG_export,y − EG_import,y",
    source=f"{_TITLE} §6.3 eq. (2)",
    inputs={"electricity_exported": "MWh", "electricity_imported": "MWh"}, output="MWh",
    description="net electricity the CSP plant delivers to the regional grid",
)
def net_electricity_delivered(electricity_exported: pint.Quantity,
                              electricity_imported: pint.Quantity) -> pint.Quantity:
    r"""Net electricity the CSP plant delivers to the regional grid in year y.

    Parameters
    ----------
    electricity_exported : Quantity
        Electricity the CSP plant delivers to the grid, EG_export,y [MWh].
    electricity_imported : Quantity
        Electricity the CSP plant draws from the grid, EG_import,y [MWh].

    Returns
    -------
    Quantity
        EG_PJ,y [MWh].

    Notes
    -----
    .. math:: EG_{PJ,y} = EG_{export,y} - EG_{import,y}  \tag{2}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.3, equation (2), §7.2 Tables 7-8.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> eg = net_electricity_delivered(electricity_exported=Quantity(212_000, "MWh"),
    ...                                electricity_imported=Quantity(2_000, "MWh"))
    >>> float(eg.quantity.magnitude)
    210000.0
    """
    return grid_power.net_delivery(electricity_exported, electricity_imported)


@equation(
    id="(3)", document=DOCUMENT, symbol="EF_grid,CM,y",
    formula="EF_grid,CM,y = w_OM × EF_grid,OM,y + w_BM × EF_grid,BM,y",
    source=f"{_TITLE} §6.3 eq. (3), §7.1 Tables 2-3",
    inputs={"om_weight": "dimensionless", "operating_margin": _EF,
            "bm_weight": "dimensionless", "build_margin": _EF},
    output=_EF, description="combined-margin emission factor of the regional grid",
)
def combined_margin_factor(om_weight: pint.Quantity, operating_margin: pint.Quantity,
                           bm_weight: pint.Quantity, build_margin: pint.Quantity
                           ) -> pint.Quantity:
    r"""Combined-margin CO2 emission factor of the regional grid in year y.

    Parameters
    ----------
    om_weight : Quantity
        Weight of the operating margin, w_OM [dimensionless]: 0.5 (Table 2).
    operating_margin : Quantity
        Operating-margin factor published by MEE, EF_grid,OM,y [t CO2/MWh].
    bm_weight : Quantity
        Weight of the build margin, w_BM [dimensionless]: 0.5 (Table 3).
    build_margin : Quantity
        Build-margin factor published by MEE, EF_grid,BM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,CM,y [t CO2/MWh].

    Notes
    -----
    .. math:: EF_{grid,CM,y} = w_{OM} EF_{grid,OM,y} + w_{BM} EF_{grid,BM,y}  \tag{3}

    The text transcribed in the reference brief prints a "×" between the two weighted terms; the
    offshore-wind text of the identical equation and the symbol definitions give the sum.

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.3, equation (3); §7.1, Tables 2 and 3.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> ef = combined_margin_factor(
    ...     om_weight=Quantity(0.5, ""), operating_margin=Quantity(0.8922, "t CO2/MWh"),
    ...     bm_weight=Quantity(0.5, ""), build_margin=Quantity(0.4407, "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 5)
    0.66645
    """
    return grid_power.combined_margin(om_weight, operating_margin, bm_weight, build_margin)


@equation(
    id="(4) term", document=DOCUMENT, symbol="FC_i,y × COEF_i,y",
    formula="FC_i,y × COEF_i,y (one term of the sum of equation (4))",
    source=f"{_TITLE} §6.4 eq. (4), Table 11",
    inputs={"fuel": "t", "coefficient": "t CO2/t"}, output="t CO2",
    alternative_units=_BY_VOLUME,
    description="CO2 from the fossil fuel i burned for anti-freeze heating",
)
def fuel_emissions(fuel: pint.Quantity, coefficient: pint.Quantity) -> pint.Quantity:
    r"""CO2 from burning the quantity of one fossil fuel i in year y.

    Parameters
    ----------
    fuel : Quantity
        Fuel burned, FC_i,y [t]; 万Nm3 for a gaseous fuel.
    coefficient : Quantity
        CO2 emission coefficient of the fuel, COEF_i,y [t CO2/t]; per 万Nm3 for a gas.

    Returns
    -------
    Quantity
        FC_i,y × COEF_i,y [t CO2].

    Notes
    -----
    .. math:: FC_{i,y} \times COEF_{i,y}  \tag{(4) term}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (4); §7.2 Table 11.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = fuel_emissions(fuel=Quantity(12.5, "t"), coefficient=Quantity(3.1, "t CO2/t"))
    >>> float(v.quantity.magnitude)
    38.75
    """
    return fuel * coefficient


@equation(
    id="(4)", document=DOCUMENT, symbol="PE_y",
    formula="PE_y = Σ_i FC_i,y × COEF_i,y",
    source=f"{_TITLE} §6.4 eq. (4) (fossil fuel for anti-freeze heating)",
    inputs={"fuel_emissions": "t CO2"}, output="t CO2e",
    description="project emissions from fossil fuel burned for anti-freeze heating",
)
def project_emissions_fossil_fuel(fuel_emissions: pint.Quantity) -> pint.Quantity:
    r"""Project emissions in year y: the fuel terms summed over the fuels i.

    Parameters
    ----------
    fuel_emissions : Quantity
        FC_i,y × COEF_i,y, one row per fuel and one column per element of the period axis
        [t CO2]; no rows when the plant burns no fossil fuel.

    Returns
    -------
    Quantity
        PE_y [t CO2e].

    Notes
    -----
    .. math:: PE_y = \sum_i FC_{i,y} \times COEF_{i,y}  \tag{4}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (4).

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


@equation(
    id="(5)", document=DOCUMENT, symbol="COEF_i,y",
    formula="COEF_i,y = NCV_i,y × CC_i,y × OF_i,y × 44/12",
    source=f"{_TITLE} §6.4 eq. (5), Tables 4-6 (MEE enterprise GHG accounting guidelines)",
    inputs={"net_calorific_value": "GJ/t", "carbon_content": "t C/GJ",
            "oxidation_fraction": "dimensionless"},
    output="t CO2/t",
    alternative_units={"net_calorific_value": ("GJ/万Nm3",), "result": ("t CO2/万Nm3",)},
    description="CO2 emission coefficient of a fuel from NCV, carbon content and oxidation",
)
def fuel_emission_coefficient(net_calorific_value: pint.Quantity,
                              carbon_content: pint.Quantity,
                              oxidation_fraction: pint.Quantity) -> pint.Quantity:
    r"""CO2 emission coefficient of the fossil fuel i in year y.

    Parameters
    ----------
    net_calorific_value : Quantity
        Net calorific value, NCV_i,y [GJ/t]; GJ/万Nm3 for a gaseous fuel.
    carbon_content : Quantity
        Carbon content per unit of heat, CC_i,y [t C/GJ].
    oxidation_fraction : Quantity
        Carbon oxidation rate, OF_i,y [dimensionless]; a value in % is converted.

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t]; t CO2/万Nm3 when the NCV is per 万Nm3.

    Notes
    -----
    .. math:: COEF_{i,y} = NCV_{i,y} \times CC_{i,y} \times OF_{i,y} \times \frac{44}{12}
       \tag{5}

    The 44/12 step turns t C into t CO2 and is the explicit factor
    :data:`ccer_calc.tools.fuel_combustion.CO2_PER_CARBON`.

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (5); Tables 4-6 point to the latest MEE
    enterprise GHG accounting and reporting guideline for the defaults.

    Examples
    --------
    Diesel with the (unverified) table defaults 42.652 GJ/t, 20.2 t C/TJ, 98 %:

    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient(
    ...     net_calorific_value=Quantity(42.652, "GJ/t"),
    ...     carbon_content=Quantity(20.2, "t C/TJ"), oxidation_fraction=Quantity(98, "%"))
    >>> round(float(coef.quantity.magnitude), 5)
    3.09591
    """
    return net_calorific_value * carbon_content * oxidation_fraction * CO2_PER_CARBON


@equation(
    id="§6.5", document=DOCUMENT, symbol="LE_y", formula="LE_y = 0",
    source=f"{_TITLE} §6.5 (upstream fuel effects judged small; leakage not counted)",
    inputs={"net_electricity": "MWh"}, output="t CO2e",
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
    .. math:: LE_y = 0  \tag{§6.5}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> leakage_emissions_neglected(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude
    array(0.)
    """
    return grid_power.zero_emissions(net_electricity)


@equation(
    id="(6)", document=DOCUMENT, symbol="ER_y", formula="ER_y = BE_y − PE_y",
    source=f"{_TITLE} §6.6 eq. (6)",
    inputs={"baseline": "t CO2e", "project": "t CO2e"}, output="t CO2e",
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
    .. math:: ER_y = BE_y - PE_y  \tag{6}

    Leakage is neglected (§6.5) and does not appear in the formula.

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.6, equation (6).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> er = emission_reductions(baseline=Quantity(139_954.5, "t CO2e"),
    ...                          project=Quantity(24.7, "t CO2e"))
    >>> round(float(er.quantity.magnitude), 3)
    139929.8
    """
    return grid_power.reductions(baseline, project)

