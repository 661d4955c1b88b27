"""Equations of CDM ACM0002 (greenfield) in document order.

ACM0002's own equations are tagged [U]: written from background knowledge of ACM0002 (reference
brief §6.1); its official text is not in this workplace, so the document's own equation numbers
are not known and the ids name the quantity instead (``BE``, ``PE_HP``...). The tools' equations
it applies are verified against their official texts and carry the tools' ids: the combined
margin is TOOL07 v07.0 eq. (16) (para. 85, weights para. 86), and each fossil-fuel term
FC_i,y × COEF_i,y is TOOL03 v03.0 eq. (4) (option B) and one term of eq. (1). The arithmetic shared
with the CCER power methodologies is a plain body in :mod:`ccer_calc.tools.grid_power`.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools import grid_power
from methodologies.acm0002.citations import DOC, DOCUMENT, TOOL07, U
from methodologies.acm0002.citations import EMISSION_FACTOR_UNIT as _EF
from methodologies.acm0002.equations_hydro import power_density, reservoir_project_emissions

__all__ = [
    "DOCUMENT",
    "baseline_emissions",
    "combined_margin_factor",
    "emission_reductions",
    "fossil_fuel_project_emissions",
    "leakage_emissions_neglected",
    "net_electricity_delivered",
    "power_density",
    "project_emissions",
    "reservoir_project_emissions",
]



@equation(
    id="EG_PJ", document=DOCUMENT, symbol="EG_PJ,y",
    formula="EG_PJ,y = EG_facility,y (greenfield: net electricity supplied to the grid)",
    source=f"{DOC}, net electricity generation of a greenfield plant {U}",
    inputs={"electricity_exported": "MWh", "electricity_imported": "MWh"}, output="MWh",
    description="net electricity the plant supplies to the grid",
)
def net_electricity_delivered(electricity_exported: pint.Quantity,
                              electricity_imported: pint.Quantity) -> pint.Quantity:
    r"""Net electricity a greenfield plant supplies to the grid in year y.

    Parameters
    ----------
    electricity_exported : Quantity
        Electricity delivered to the grid [MWh].
    electricity_imported : Quantity
        Electricity drawn from the grid [MWh].

    Returns
    -------
    Quantity
        EG_PJ,y [MWh].

    Notes
    -----
    .. math:: EG_{PJ,y} = EG_{export,y} - EG_{import,y}  \tag{EG_PJ}

    References
    ----------
    CDM ACM0002, greenfield power plants. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> eg = net_electricity_delivered(electricity_exported=Quantity(9_000, "MWh"),
    ...                                electricity_imported=Quantity(100, "MWh"))
    >>> float(eg.quantity.magnitude)
    8900.0
    """
    return grid_power.net_delivery(electricity_exported, electricity_imported)


@equation(
    id="TOOL07 (16)", document=TOOL07, symbol="EF_grid,CM,y",
    formula="EF_grid,CM,y = EF_grid,OM,y × w_OM + EF_grid,BM,y × w_BM",
    source=f"{TOOL07}, section 6.6.1, para. 85, eq. (16) (default weights: para. 86)",
    inputs={"om_weight": "dimensionless", "operating_margin": _EF,
            "bm_weight": "dimensionless", "build_margin": _EF},
    output=_EF, description="combined-margin emission factor of the grid",
)
def combined_margin_factor(om_weight: pint.Quantity, operating_margin: pint.Quantity,
                           bm_weight: pint.Quantity, build_margin: pint.Quantity
                           ) -> pint.Quantity:
    r"""Combined-margin emission factor of the grid: TOOL07 v07.0 eq. (16).

    ACM0002 takes its baseline emission factor from TOOL07; the equation is the tool's
    (weighted average CM, option (a) of para. 81), checked against the TOOL07 v07.0 text.

    Parameters
    ----------
    om_weight : Quantity
        Weight of the operating margin, w_OM [dimensionless].
    operating_margin : Quantity
        Operating-margin factor, EF_grid,OM,y [t CO2/MWh].
    bm_weight : Quantity
        Weight of the build margin, w_BM [dimensionless].
    build_margin : Quantity
        Build-margin factor, EF_grid,BM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,CM,y [t CO2/MWh].

    Notes
    -----
    .. math:: EF_{grid,CM,y} = EF_{grid,OM,y} w_{OM} + EF_{grid,BM,y} w_{BM}  \tag{TOOL07 (16)}

    References
    ----------
    CDM TOOL07 v07.0, section 6.6.1 (weighted average CM), para. 85, equation (16); default
    weights w_OM, w_BM in para. 86.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> ef = combined_margin_factor(
    ...     om_weight=Quantity(0.5, ""), operating_margin=Quantity(0.85, "t CO2/MWh"),
    ...     bm_weight=Quantity(0.5, ""), build_margin=Quantity(0.35, "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.6
    """
    return grid_power.combined_margin(om_weight, operating_margin, bm_weight, build_margin)


@equation(
    id="BE", document=DOCUMENT, symbol="BE_y", formula="BE_y = EG_PJ,y × EF_grid,CM,y",
    source=f"{DOC}, baseline emissions {U}",
    inputs={"net_electricity": "MWh", "combined_margin": _EF}, output="t CO2e",
    description="baseline emissions of the grid electricity the plant displaces",
)
def baseline_emissions(net_electricity: pint.Quantity,
                       combined_margin: pint.Quantity) -> pint.Quantity:
    r"""Baseline emissions of the grid electricity the plant displaces in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity supplied to the grid, EG_PJ,y [MWh].
    combined_margin : Quantity
        Combined-margin emission factor, EF_grid,CM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        BE_y [t CO2e].

    Notes
    -----
    .. math:: BE_y = EG_{PJ,y} \times EF_{grid,CM,y}  \tag{BE}

    References
    ----------
    CDM ACM0002, baseline emissions. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> be = baseline_emissions(net_electricity=Quantity(8_900, "MWh"),
    ...                         combined_margin=Quantity(0.6, "t CO2/MWh"))
    >>> round(float(be.quantity.magnitude), 6)
    5340.0
    """
    return grid_power.displaced_grid_emissions(net_electricity, combined_margin)


@equation(
    id="PE_FF", document=DOCUMENT, symbol="PE_FF,y",
    formula="PE_FF,y = Σ_i FC_i,y × COEF_i,y (TOOL03)",
    source=f"{DOC}, project emissions from fossil fuel combustion, via TOOL03 v03.0 eq. (1) "
           f"{U}",
    inputs={"fuel_emissions": "t CO2"}, output="t CO2e",
    description="project emissions from fossil fuel burned by the plant",
)
def fossil_fuel_project_emissions(fuel_emissions: pint.Quantity) -> pint.Quantity:
    r"""Project emissions from fossil fuel burned by the plant, summed over the fuels i.

    Parameters
    ----------
    fuel_emissions : Quantity
        FC_i,y × COEF_i,y, one row per fuel and one column per element of the period axis
        [t CO2]; no rows when the plant burns no fossil fuel.

    Returns
    -------
    Quantity
        PE_FF,y [t CO2e].

    Notes
    -----
    .. math:: PE_{FF,y} = \sum_i FC_{i,y} \times COEF_{i,y}  \tag{PE_FF}

    References
    ----------
    CDM ACM0002, project emissions [U]; TOOL03 v03.0, eq. (1), COEF by eq. (4).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> pe = fossil_fuel_project_emissions(
    ...     fuel_emissions=Quantity(np.array([[3.1, 6.2], [0.4, 0.0]]), "t CO2"))
    >>> [round(float(x), 6) for x in pe.quantity.magnitude]
    [3.5, 6.2]
    """
    return fuel_emissions.sum(axis=0)


@equation(
    id="PE",
    document=DOCUMENT,
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
    .. math:: PE_y = PE_{FF,y} + PE_{GP,y} + PE_{HP,y}  \tag{PE}

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


@equation(
    id="LE", document=DOCUMENT, symbol="LE_y", formula="LE_y = 0",
    source=f"{DOC}, leakage {U}",
    inputs={"net_electricity": "MWh"}, output="t CO2e",
    description="leakage emissions, not considered by the methodology",
)
def leakage_emissions_neglected(net_electricity: pint.Quantity) -> pint.Quantity:
    r"""Leakage emissions in year y, which the methodology does not consider.

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
    .. math:: LE_y = 0  \tag{LE}

    References
    ----------
    CDM ACM0002, leakage. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> leakage_emissions_neglected(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude
    array(0.)
    """
    return grid_power.zero_emissions(net_electricity)


@equation(
    id="ER", document=DOCUMENT, symbol="ER_y", formula="ER_y = BE_y − PE_y",
    source=f"{DOC}, emission reductions {U}",
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
    .. math:: ER_y = BE_y - PE_y  \tag{ER}

    References
    ----------
    CDM ACM0002, emission reductions. [U]

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> er = emission_reductions(baseline=Quantity(5_340, "t CO2e"),
    ...                          project=Quantity(903.5, "t CO2e"))
    >>> float(er.quantity.magnitude)
    4436.5
    """
    return grid_power.reductions(baseline, project)
