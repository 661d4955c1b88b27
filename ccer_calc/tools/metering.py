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
the methodology does not tabulate it). Each methodology declares the corrections as its own
numbered equations (``§7.3.4 export`` ...) whose bodies are :func:`reduced_by_error` and
:func:`increased_by_error`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.periods import MeterStatus
from ccer_calc.units import Quantity, parse_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import Context

__all__ = [
    "MeterStatus",
    "increased_by_error",
    "meter_error",
    "meter_error_fraction",
    "reduced_by_error",
]


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


def meter_error(ctx: Context, column: str, rule: str) -> Value:
    """The error fraction to apply to a metered column, on the period axis.

    Parameters
    ----------
    ctx : Context
        The computation context (project, period axis).
    column : str
        Monitored column name (``export``, ``fuel_diesel``...).
    rule : str
        The methodology's section for the correction, for the value's provenance.

    Returns
    -------
    Value
        ``e_<column>`` [dimensionless] per element of the period axis; zero ex ante, where the
        estimate assumes meters calibrated on time and within tolerance.
    """
    table = ctx.project.table
    if ctx.ex_ante:  # an estimate expects calibrated meters: no correction
        return Value(f"e_{column}", Quantity(np.zeros(ctx.segments.row.shape), ""), "expected",
                     f"no meter correction expected ex ante ({rule})")
    frac = meter_error_fraction(table.meter_status[column], table.meter_error[column],
                                ctx.project.max_permissible_error(column), field=column)
    return Value(f"e_{column}", Quantity(frac[ctx.segments.row], parse_unit("")), "monitored",
                 f"meter calibration status of column {column} ({rule})")


def reduced_by_error(measured: pint.Quantity, error: pint.Quantity) -> pint.Quantity:
    """A credited quantity (electricity exported) reduced by the meter error: X × (1 − e).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> float(reduced_by_error(Quantity(1000.0, "MWh"), Quantity(0.005, "")).m)
    995.0
    """
    return measured * (1 - error)


def increased_by_error(measured: pint.Quantity, error: pint.Quantity) -> pint.Quantity:
    """A charged quantity (electricity imported, fuel) increased by the meter error: X × (1 + e).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(increased_by_error(Quantity(200.0, "MWh"), Quantity(0.01, "")).m), 9)
    202.0
    """
    return measured * (1 + error)
