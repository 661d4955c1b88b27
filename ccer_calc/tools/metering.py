"""Conservative correction of metered data for uncalibrated or out-of-tolerance meters.

Both CCER energy methodologies (CCER-01-001-V01 and CCER-01-002-V01, §7.3.4) adjust the data of
a period whose meter was not calibrated (or calibrated late: the late span counts as not
calibrated), or was calibrated on time but found outside its accuracy requirement:

============================  ================================  ==============================
quantity                      calibrated, out of tolerance       not calibrated
============================  ================================  ==============================
output credited (export)      measured × (1 − |basic error|)     measured × (1 − MPE of class)
input charged (import, fuel)  measured × (1 + |basic error|)     measured × (1 + MPE of class)
============================  ================================  ==============================

MPE is the maximum permissible error of the meter's accuracy class (an input of the project;
the methodology does not tabulate it).
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pint

from ccer_calc.equation import ANY, SAME_AS, equation
from ccer_calc.errors import InputError

__all__ = [
    "MeterStatus",
    "increase_for_meter_error",
    "meter_error_fraction",
    "reduce_for_meter_error",
]


class MeterStatus(StrEnum):
    """Calibration status of the meter behind one monitored value."""

    OK = "ok"
    OUT_OF_TOLERANCE = "out_of_tolerance"
    UNCALIBRATED = "uncalibrated"


def meter_error_fraction(
    status: np.ndarray,
    basic_error: np.ndarray,
    max_permissible_error: float | None,
    *,
    field: str,
) -> np.ndarray:
    """Pick the error to apply per element from the meter status (§7.3.4).

    Parameters
    ----------
    status : ndarray of str
        One :class:`MeterStatus` value per element.
    basic_error : ndarray of float
        Actual basic error found at calibration, as a fraction (NaN where not given).
    max_permissible_error : float or None
        MPE of the meter's accuracy class as a fraction; required if any element is
        ``uncalibrated``.
    field : str
        Field path for error messages.

    Returns
    -------
    ndarray of float
        The fraction to apply: 0 for ``ok``, ``|basic_error|`` for ``out_of_tolerance``, the
        MPE for ``uncalibrated``.

    Raises
    ------
    InputError
        If a needed error value is missing.

    Examples
    --------
    >>> import numpy as np
    >>> meter_error_fraction(np.array(["ok", "out_of_tolerance", "uncalibrated"]),
    ...                      np.array([np.nan, -0.008, np.nan]), 0.005, field="export")
    array([0.   , 0.008, 0.005])
    """
    out = np.zeros(status.shape, dtype=np.float64)
    oot = status == MeterStatus.OUT_OF_TOLERANCE
    unc = status == MeterStatus.UNCALIBRATED
    if np.any(oot & ~np.isfinite(basic_error)):
        idx = int(np.flatnonzero(oot & ~np.isfinite(basic_error))[0])
        raise InputError("meter found out of tolerance but its basic error is missing",
                         field=f"{field}_meter_error (row {idx + 1})",
                         expected="the actual basic error found at calibration, e.g. 0.8 %")
    if np.any(unc) and max_permissible_error is None:
        raise InputError("a meter is uncalibrated but the maximum permissible error of its "
                         "accuracy class is not given",
                         field=f"monitoring.meters.{field}.max_permissible_error",
                         expected="e.g. 0.5 % for a class-0.5 energy meter")
    out[oot] = np.abs(basic_error[oot])
    if max_permissible_error is not None:
        out[unc] = max_permissible_error
    return out


_SOURCE = "CCER-01-002-V01 §7.3.4; CCER-01-001-V01 §7.3.4"


@equation(
    id="M1",
    symbol="X_adj,credited",
    formula="X_adj = X_measured × (1 − e)",
    source=_SOURCE,
    inputs={"measured": ANY, "error": "dimensionless"},
    output=SAME_AS + "measured",
    description="conservative correction of a credited quantity for meter error",
)
def reduce_for_meter_error(measured: pint.Quantity, error: pint.Quantity) -> pint.Quantity:
    r"""Reduce a credited metered quantity (electricity exported) by the meter error.

    Parameters
    ----------
    measured : Quantity
        Metered value [any unit: MWh, t, 万Nm3, ...].
    error : Quantity
        Error fraction to apply, e [dimensionless]: |basic error| or the class MPE.

    Returns
    -------
    Quantity
        Corrected value [unit of ``measured``].

    Notes
    -----
    .. math:: X_{adj} = X_{measured} (1 - e)  \tag{M1}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = reduce_for_meter_error(measured=Quantity(1000.0, "MWh"), error=Quantity(0.005, ""))
    >>> float(v.quantity.magnitude)
    995.0
    """
    return measured * (1 - error)


@equation(
    id="M2",
    symbol="X_adj,charged",
    formula="X_adj = X_measured × (1 + e)",
    source=_SOURCE,
    inputs={"measured": ANY, "error": "dimensionless"},
    output=SAME_AS + "measured",
    description="conservative correction of a charged quantity for meter error",
)
def increase_for_meter_error(measured: pint.Quantity, error: pint.Quantity) -> pint.Quantity:
    r"""Increase a charged metered quantity (electricity imported) by the meter error.

    Parameters
    ----------
    measured : Quantity
        Metered value [any unit: MWh, t, 万Nm3, ...].
    error : Quantity
        Error fraction to apply, e [dimensionless]: |basic error| or the class MPE.

    Returns
    -------
    Quantity
        Corrected value [unit of ``measured``].

    Notes
    -----
    .. math:: X_{adj} = X_{measured} (1 + e)  \tag{M2}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §7.3.4.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = increase_for_meter_error(measured=Quantity(200.0, "MWh"), error=Quantity(0.01, ""))
    >>> round(float(v.quantity.magnitude), 9)
    202.0
    """
    return measured * (1 + error)
