"""TOOL06 v04.0 measured flare efficiency: option B.1 (eq. (1)) and the minute ratio (eq. (2)).

Option B.1 (para. 27-28): an accredited entity measures the methane in the residual and in the
exhaust gas at least twice a year, each time for at least an hour, six months apart; the
year's efficiency is one minus the average unburned share, less 5 percentage points.
Option B.2 (para. 29): the efficiency of every minute, eq. (2), from the methane leaving the
flare, which :mod:`ccer_calc.tools.flaring_per_minute` computes (eq. (3)-(14)). Either result
enters :func:`ccer_calc.tools.flaring.enclosed_flare_efficiency_measured`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.units import Quantity

__all__ = [
    "check_biannual_measurements",
    "flare_efficiency_biannual",
    "flare_efficiency_per_minute",
]

DOCUMENT = "TOOL06 v04.0"
#: Uncertainty deducted from the biannual measurements (para. 27).
UNCERTAINTY = 0.05
#: Option B.1: at least two measurement periods (para. 27).
MIN_MEASUREMENTS = 2
#: A monitoring period this many days long or longer counts as a year (footnote 3).
YEAR_DAYS = 365
_CH4 = "kg CH4"


@equation(
    id="TOOL06 (1)", document=DOCUMENT, symbol="η_flare,calc,y",
    formula="η_flare,calc,y = 1 − (1/n) Σ_t (F_CH4,EG,t / F_CH4,RG,t) − 0.05",
    source=f"{DOCUMENT}, para. 27-28, option B.1, eq. (1)",
    inputs={"exhaust_methane": _CH4, "residual_methane": _CH4},
    output="dimensionless",
    description="flare efficiency of the year from at least two measurements",
)
def flare_efficiency_biannual(
    exhaust_methane: pint.Quantity, residual_methane: pint.Quantity
) -> pint.Quantity:
    r"""Flare efficiency of year y from the periodic measurements (option B.1).

    Parameters
    ----------
    exhaust_methane : Quantity
        F_CH4,EG,t, methane in the exhaust in each measurement period t, shape (..., n ≥ 2)
        [kg CH4].
    residual_methane : Quantity
        F_CH4,RG,t, methane fed to the flare in the same periods (the sum of its minutes)
        [kg CH4].

    Returns
    -------
    Quantity
        η_flare,calc,y [dimensionless].

    Raises
    ------
    InputError
        If fewer than two measurements are given, a residual methane is not positive, or the
        result is below zero.

    Notes
    -----
    .. math:: \eta_{flare,calc,y} = 1 - \frac{1}{n} \sum_{t=1}^{n}
       \frac{F_{CH4,EG,t}}{F_{CH4,RG,t}} - 0.05  \tag{TOOL06 (1)}

    Check the timing of the periods with :func:`check_biannual_measurements`.

    References
    ----------
    TOOL06 v04.0, para. 26(a), 27-28 and footnote 3; data table 3.

    Examples
    --------
    Two one-hour tests: 0.2 of 100 kg and 0.6 of 120 kg unburned:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> eta = flare_efficiency_biannual(
    ...     exhaust_methane=Quantity(np.array([0.2, 0.6]), "kg CH4"),
    ...     residual_methane=Quantity(np.array([100.0, 120.0]), "kg CH4"))
    >>> round(float(eta.quantity.magnitude), 6)
    0.9465
    """
    n = np.shape(residual_methane.magnitude)[-1:] or (1,)
    if n[0] < MIN_MEASUREMENTS:
        raise InputError("option B.1 needs at least two measurements in the year",
                         field="residual_methane", value=n[0], expected=">= 2 periods t")
    rg_mag = np.asarray(residual_methane.magnitude)
    if np.any(rg_mag <= 0):
        raise InputError("no methane fed to the flare during a measurement",
                         field="residual_methane", value=float(rg_mag.min()),
                         expected="F_CH4,RG,t > 0 kg")
    eta = 1 - (exhaust_methane / residual_methane).mean(axis=-1) - UNCERTAINTY
    if np.any(np.asarray(eta.m_as("")) < 0):
        raise InputError("measured efficiency below zero after the 5-point deduction",
                         field="exhaust_methane", value=float(np.min(eta.m_as(""))),
                         expected="an efficiency in [0, 1]")
    return eta


def check_biannual_measurements(
    starts: np.ndarray, ends: np.ndarray, *, period_start: dt.date, period_end: dt.date
) -> str:
    """Check the timing of the option B.1 measurements (TOOL06 v04.0 para. 27, footnote 3).

    At least two measurements, each at least an hour long. For a monitoring period of a year
    or more, the first and the last start at least six calendar months apart; for a shorter
    one, no more than six months between consecutive measurements.

    Parameters
    ----------
    starts, ends : ndarray of datetime64
        Start and end of each measurement period t.
    period_start, period_end : datetime.date
        The monitoring period.

    Returns
    -------
    str
        The rule that was checked.

    Raises
    ------
    InputError
        Naming the rule broken and the measurement.

    Examples
    --------
    >>> import datetime as dt
    >>> import numpy as np
    >>> s = np.array(["2024-02-01T09:00", "2024-09-01T09:00"], dtype="datetime64[m]")
    >>> check_biannual_measurements(s, s + np.timedelta64(60, "m"),
    ...                             period_start=dt.date(2024, 1, 1),
    ...                             period_end=dt.date(2024, 12, 31))
    'two or more measurements of at least one hour, at least six months apart'
    """
    t0 = np.asarray(starts, dtype="datetime64[m]")
    t1 = np.asarray(ends, dtype="datetime64[m]")
    if t0.size < MIN_MEASUREMENTS or t0.shape != t1.shape:
        raise InputError("option B.1 needs at least two measurement periods",
                         field="starts", value=int(t0.size), expected=">= 2 start/end pairs")
    short = np.flatnonzero(t1 - t0 < np.timedelta64(60, "m"))
    if short.size:
        raise InputError("a measurement lasted less than one hour", field=f"ends[{short[0]}]",
                         value=str(t1[short[0]] - t0[short[0]]), expected=">= 60 minutes")
    days = np.sort(t0.astype("datetime64[D]").astype(dt.date))
    full_year = (period_end - period_start).days + 1 >= YEAR_DAYS
    if full_year:
        if _months_later(days[0], 6) > days[-1]:
            raise InputError("measurements less than six months apart in a year-long period",
                             field="starts", value=f"{days[0]} .. {days[-1]}",
                             expected="two measurements at least six months apart")
        return "two or more measurements of at least one hour, at least six months apart"
    late = [i for i in range(1, days.size) if _months_later(days[i - 1], 6) < days[i]]
    if late:
        raise InputError("more than six months between measurements in a short period",
                         field=f"starts[{late[0]}]", value=str(days[late[0]]),
                         expected="at most six months after the previous measurement")
    return "two or more measurements of at least one hour, at most six months apart"


def _months_later(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, 28)  # pragma: no cover - every month has a 28th


@equation(
    id="TOOL06 (2)", document=DOCUMENT, symbol="η_flare,calc,m",
    formula="η_flare,calc,m = 1 − F_CH4,EG,m / F_CH4,RG,m",
    source=f"{DOCUMENT}, para. 29, option B.2, eq. (2)",
    inputs={"exhaust_methane": _CH4, "residual_methane": _CH4},
    output="dimensionless",
    description="flare efficiency of each minute from methane in and out",
)
def flare_efficiency_per_minute(
    exhaust_methane: pint.Quantity, residual_methane: pint.Quantity
) -> pint.Quantity:
    r"""Flare efficiency of each minute m (option B.2).

    Parameters
    ----------
    exhaust_methane : Quantity
        F_CH4,EG,m from eq. (3), shape (..., minutes) [kg CH4].
    residual_methane : Quantity
        F_CH4,RG,m from Step 1 (TOOL08) [kg CH4].

    Returns
    -------
    Quantity
        η_flare,calc,m [dimensionless]; 0 in a minute without methane to the flare.

    Raises
    ------
    InputError
        If a minute's exhaust holds more methane than was fed, or a value is negative.

    Notes
    -----
    .. math:: \eta_{flare,calc,m} = 1 - \frac{F_{CH4,EG,m}}{F_{CH4,RG,m}}  \tag{TOOL06 (2)}

    In a minute with F_CH4,RG,m = 0 the ratio is undefined; the efficiency is set to 0 there,
    which leaves eq. (15) unchanged (its term is F_CH4,RG,m × (1 − η) = 0).

    References
    ----------
    TOOL06 v04.0, para. 26(b), 29-31, equation (2).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> eta = flare_efficiency_per_minute(
    ...     exhaust_methane=Quantity(np.array([0.01, 0.0]), "kg CH4"),
    ...     residual_methane=Quantity(np.array([2.0, 0.0]), "kg CH4"))
    >>> [round(x, 6) for x in eta.quantity.magnitude.tolist()]
    [0.995, 0.0]
    """
    out = np.asarray(exhaust_methane.magnitude, dtype=np.float64)
    fed = np.broadcast_to(np.asarray(residual_methane.m_as(exhaust_methane.units)), out.shape)
    if np.any(out < 0) or np.any(fed < 0) or np.any(out > fed):
        raise InputError("exhaust methane negative or above the methane fed to the flare",
                         field="exhaust_methane", value=float(np.max(out - fed)),
                         expected="0 <= F_CH4,EG,m <= F_CH4,RG,m")
    ratio = np.divide(out, fed, out=np.ones_like(out), where=fed > 0)
    return Quantity(1 - ratio, "")
