"""CCER-01-001-V01 §7.3.4: metered quantities corrected conservatively for meter error.

A meter found uncalibrated, or calibrated but outside its tolerance, reduces what the project
exported and increases what it imported and the fuel it burned, by the error §7.3.4 chooses.
:mod:`.equations` re-exports these with the rest of the document's equations.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools import metering
from methodologies.ccer_01_001_v01 import INFO

#: The document's code and its title, as :mod:`.equations` cites them.
DOCUMENT = INFO.document
_TITLE = f"{DOCUMENT} {INFO.title_zh}"

__all__ = [
    "export_corrected_for_meter_error",
    "fuel_corrected_for_meter_error",
    "import_corrected_for_meter_error",
]


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
    CCER-01-001-V01 并网光热发电, §7.3.4.

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
    CCER-01-001-V01 并网光热发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = import_corrected_for_meter_error(measured=Quantity(200.0, "MWh"),
    ...                                      error=Quantity(0.01, ""))
    >>> round(float(v.quantity.magnitude), 9)
    202.0
    """
    return metering.increased_by_error(measured, error)


@equation(
    id="§7.3.4 fuel", document=DOCUMENT, symbol="FC_i,y",
    formula="FC_i,y = FC_i,measured × (1 + e)",
    source=f"{_TITLE} §7.3.4 (meter not calibrated, or calibrated but out of tolerance)",
    inputs={"measured": "t", "error": "dimensionless"}, output="t",
    alternative_units={"measured": ("万Nm3",), "result": ("万Nm3",)},
    description="fossil fuel burned, corrected conservatively for meter error",
)
def fuel_corrected_for_meter_error(measured: pint.Quantity,
                                   error: pint.Quantity) -> pint.Quantity:
    r"""Fossil fuel burned increased by the meter error, as §7.3.4 prescribes.

    Parameters
    ----------
    measured : Quantity
        Metered fuel, FC_i,measured [t]; 万Nm3 for a gaseous fuel.
    error : Quantity
        Error to apply, e [dimensionless], chosen as for the electricity meters.

    Returns
    -------
    Quantity
        FC_i,y [t]; 万Nm3 for a gaseous fuel.

    Notes
    -----
    .. math:: FC_{i,y} = FC_{i,measured} (1 + e)  \tag{§7.3.4 fuel}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = fuel_corrected_for_meter_error(measured=Quantity(10.0, "万Nm3"),
    ...                                    error=Quantity(0.02, ""))
    >>> round(float(v.quantity.magnitude), 9)
    10.2
    """
    return metering.increased_by_error(measured, error)
