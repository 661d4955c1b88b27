"""Equations of CCER-01-002-V01 并网海上风力发电, in document order.

Every equation the methodology prints is here, with the document's own number (``(1)`` to
``(4)``), or its section where the text states a rule without a number (``§6.4``, ``§6.5``,
``§7.3.4``). The arithmetic that other grid-power methodologies share is a plain body in
:mod:`ccer_calc.tools.grid_power` and :mod:`ccer_calc.tools.metering`; the identity, symbols and
citations stay here.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools import grid_power, metering

__all__ = [
    "DOCUMENT",
    "baseline_emissions",
    "combined_margin_factor",
    "emission_reductions",
    "export_corrected_for_meter_error",
    "import_corrected_for_meter_error",
    "leakage_emissions_neglected",
    "net_electricity_delivered",
    "project_emissions_zero",
]

DOCUMENT = "CCER-01-002-V01"
_TITLE = f"{DOCUMENT} 并网海上风力发电"
_EF = "t CO2/MWh"


@equation(
    id="(1)", document=DOCUMENT, symbol="BE_y",
    formula="BE_y = EG_PJ,y × EF_grid,CM,y",
    source=f"{_TITLE} §6.3 eq. (1)",
    inputs={"net_electricity": "MWh", "combined_margin": _EF}, output="t CO2e",
    description="baseline emissions of the grid electricity the wind farm displaces",
)
def baseline_emissions(net_electricity: pint.Quantity,
                       combined_margin: pint.Quantity) -> pint.Quantity:
    r"""Baseline emissions of the grid electricity the project displaces in year y.

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
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (1).

    Examples
    --------
    The worked check of the reference brief (§3.3): 1 247 500 MWh × 0.50885 t CO2/MWh.

    >>> from ccer_calc.units import Quantity
    >>> be = baseline_emissions(net_electricity=Quantity(1_247_500, "MWh"),
    ...                         combined_margin=Quantity(0.50885, "t CO2/MWh"))
    >>> round(float(be.quantity.magnitude), 3)
    634790.375
    """
    return grid_power.displaced_grid_emissions(net_electricity, combined_margin)


@equation(
    id="(2)", document=DOCUMENT, symbol="EG_PJ,y",
    formula="EG_PJ,y = EG_export,y − EG_import,y",
    source=f"{_TITLE} §6.3 eq. (2)",
    inputs={"electricity_exported": "MWh", "electricity_imported": "MWh"}, output="MWh",
    description="net electricity the wind farm delivers to the regional grid",
)
def net_electricity_delivered(electricity_exported: pint.Quantity,
                              electricity_imported: pint.Quantity) -> pint.Quantity:
    r"""Net electricity delivered to the regional grid in year y.

    Parameters
    ----------
    electricity_exported : Quantity
        Electricity the project delivers to the grid, EG_export,y [MWh].
    electricity_imported : Quantity
        Electricity the project draws from the grid, EG_import,y [MWh].

    Returns
    -------
    Quantity
        EG_PJ,y [MWh].

    Notes
    -----
    .. math:: EG_{PJ,y} = EG_{export,y} - EG_{import,y}  \tag{2}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (2), §7.2 Tables 4-5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> eg = net_electricity_delivered(electricity_exported=Quantity(1_250_000, "MWh"),
    ...                                electricity_imported=Quantity(2_500, "MWh"))
    >>> float(eg.quantity.magnitude)
    1247500.0
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

    The methodology fixes both weights at 0.5, not TOOL07's 0.75/0.25 for wind power.

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (3); §7.1, Tables 2 and 3.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> ef = combined_margin_factor(
    ...     om_weight=Quantity(0.5, ""), operating_margin=Quantity(0.8042, "t CO2/MWh"),
    ...     bm_weight=Quantity(0.5, ""), build_margin=Quantity(0.2135, "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 5)
    0.50885
    """
    return grid_power.combined_margin(om_weight, operating_margin, bm_weight, build_margin)


@equation(
    id="§6.4", document=DOCUMENT, symbol="PE_y", formula="PE_y = 0",
    source=f"{_TITLE} §6.4 and Table 1 (backup generators, O&M vessels and vehicles: "
           "included, set to 0)",
    inputs={"net_electricity": "MWh"}, output="t CO2e",
    description="project emissions, fixed at zero by the methodology",
)
def project_emissions_zero(net_electricity: pint.Quantity) -> pint.Quantity:
    r"""Project emissions in year y, which the methodology sets to zero.

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
    .. math:: PE_y = 0  \tag{§6.4}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.4 and Table 1.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> project_emissions_zero(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude
    array(0.)
    """
    return grid_power.zero_emissions(net_electricity)


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
    CCER-01-002-V01 并网海上风力发电, §6.5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> leakage_emissions_neglected(net_electricity=Quantity(5.0, "MWh")).quantity.magnitude
    array(0.)
    """
    return grid_power.zero_emissions(net_electricity)


@equation(
    id="(4)", document=DOCUMENT, symbol="ER_y", formula="ER_y = BE_y − PE_y",
    source=f"{_TITLE} §6.6 eq. (4)",
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
    .. math:: ER_y = BE_y - PE_y  \tag{4}

    Leakage is neglected (§6.5) and does not appear in the formula.

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.6, equation (4).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> er = emission_reductions(baseline=Quantity(634_790.375, "t CO2e"),
    ...                          project=Quantity(0.0, "t CO2e"))
    >>> round(float(er.quantity.magnitude), 3)
    634790.375
    """
    return grid_power.reductions(baseline, project)


@equation(
    id="§7.3.4 export", document=DOCUMENT, symbol="EG_export,y",
    formula="EG_export,y = EG_export,measured × (1 − e)",
    source=f"{_TITLE} §7.3.4 (meter not calibrated, or calibrated but out of tolerance)",
    inputs={"measured": "MWh", "error": "dimensionless"}, output="MWh",
    description="exported electricity corrected conservatively for meter error",
)
def export_corrected_for_meter_error(measured: pint.Quantity,
                                     error: pint.Quantity) -> pint.Quantity:
    r"""Exported electricity reduced by the meter error, as §7.3.4 prescribes.

    Parameters
    ----------
    measured : Quantity
        Metered export, EG_export,measured [MWh].
    error : Quantity
        Error to apply, e [dimensionless]: the absolute actual basic error of a meter found out
        of tolerance, the maximum permissible error of its class if it was not calibrated, 0
        otherwise.

    Returns
    -------
    Quantity
        EG_export,y [MWh].

    Notes
    -----
    .. math:: EG_{export,y} = EG_{export,measured} (1 - e)  \tag{§7.3.4 export}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = export_corrected_for_meter_error(measured=Quantity(1000.0, "MWh"),
    ...                                      error=Quantity(0.005, ""))
    >>> float(v.quantity.magnitude)
    995.0
    """
    return metering.reduced_by_error(measured, error)


@equation(
    id="§7.3.4 import", document=DOCUMENT, symbol="EG_import,y",
    formula="EG_import,y = EG_import,measured × (1 + e)",
    source=f"{_TITLE} §7.3.4 (meter not calibrated, or calibrated but out of tolerance)",
    inputs={"measured": "MWh", "error": "dimensionless"}, output="MWh",
    description="imported electricity corrected conservatively for meter error",
)
def import_corrected_for_meter_error(measured: pint.Quantity,
                                     error: pint.Quantity) -> pint.Quantity:
    r"""Imported electricity increased by the meter error, as §7.3.4 prescribes.

    Parameters
    ----------
    measured : Quantity
        Metered import, EG_import,measured [MWh].
    error : Quantity
        Error to apply, e [dimensionless], chosen as for the export.

    Returns
    -------
    Quantity
        EG_import,y [MWh].

    Notes
    -----
    .. math:: EG_{import,y} = EG_{import,measured} (1 + e)  \tag{§7.3.4 import}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = import_corrected_for_meter_error(measured=Quantity(200.0, "MWh"),
    ...                                      error=Quantity(0.01, ""))
    >>> round(float(v.quantity.magnitude), 9)
    202.0
    """
    return metering.increased_by_error(measured, error)
