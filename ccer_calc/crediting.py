"""Crediting years: the twelve-month years counted from the crediting period's start (issue #15).

A constant annual expected value (``[expected] annual``) is a value **per crediting year**:
crediting year *k* (1, 2, ...) runs from the start's (*k* − 1)-th anniversary up to, but not
including, its *k*-th anniversary, and the last one is cut at the end of the crediting period.
The estimate's rows are calendar years; each receives, from every crediting year overlapping it,
that year's value × the days of the overlap ÷ the days of the *whole* crediting year
(:func:`crediting_year_shares`). So a crediting period of *N* whole crediting years totals
exactly *N* × the annual value whatever its start date, a start on 1 January makes the crediting
years the calendar years, and a calendar year between two crediting years receives about one
year's value (a little more or less when a 29 February falls in one of the two only). A last
crediting year cut short (a period that is not a whole number of years) counts its days ÷ the
days of the whole year from its anniversary.

**A start on 29 February** has its anniversaries on 1 March in common years (29 February in leap
years): a period of *k* years then ends on the last day of February, as the crediting-period
length rules (:mod:`ccer_calc.rules`) have it, so a ten-year period from 2024-02-29 to
2034-02-28 is exactly ten crediting years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from ccer_calc.periods import Period

__all__ = ["anniversary", "crediting_year_bounds", "crediting_year_count",
           "crediting_year_shares"]

Floats = np.ndarray[Any, np.dtype[np.float64]]
_DAY = dt.timedelta(days=1)


def anniversary(start: dt.date, years: int) -> dt.date:
    """The start of crediting year ``years + 1``: the ``years``-th anniversary of ``start``.

    The same day ``years`` years later; for a start on 29 February, 1 March in a common year
    (so that a period of ``years`` years ends on the last day of February). Not
    :func:`ccer_calc.rules.years_later`, which gives the 28th: that is a day of the look-back
    window (a date inside February), this the day after a crediting year ends.

    Examples
    --------
    >>> anniversary(dt.date(2024, 7, 1), 1), anniversary(dt.date(2024, 2, 29), 1)
    (datetime.date(2025, 7, 1), datetime.date(2025, 3, 1))
    >>> anniversary(dt.date(2024, 2, 29), 4)
    datetime.date(2028, 2, 29)
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # a start on 29 February, in a common year
        return dt.date(start.year + years, 3, 1)


def crediting_year_bounds(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Each crediting year from ``start`` to ``end`` (inclusive): its first and next-year days.

    ``(a, b)`` bounds the *whole* crediting year ``[a, b)`` (``b`` its next anniversary), also
    for the last one, which the crediting period may cut before ``b``.

    Examples
    --------
    >>> [(str(a), str(b)) for a, b in crediting_year_bounds(dt.date(2024, 7, 1),
    ...                                                      dt.date(2025, 9, 30))]
    [('2024-07-01', '2025-07-01'), ('2025-07-01', '2026-07-01')]
    """
    out = []
    k = 0
    while (first := anniversary(start, k)) <= end:
        out.append((first, anniversary(start, k + 1)))
        k += 1
    return out


def crediting_year_shares(start: dt.date, end: dt.date, rows: Sequence[Period]) -> Floats:
    """How many crediting years of a constant annual value each row receives.

    Row *i* receives Σ_k (days of row *i* in crediting year *k*) ÷ (days of the whole crediting
    year *k*), counting only days from ``start`` to ``end``. Over rows that tile the crediting
    period the shares add up to :func:`crediting_year_count`.

    Parameters
    ----------
    start, end : datetime.date
        First and last day of the crediting period.
    rows : sequence of Period
        The estimate's rows (calendar years, :func:`ccer_calc.periods.calendar_years`).

    Returns
    -------
    numpy.ndarray
        One share per row [crediting years].

    Examples
    --------
    From 2024-07-01: crediting year 1 (365 days) gives 2024 its 184 days and 2025 its 181;
    crediting year 2 (to 2026-06-30, 365 days) gives 2025 its other 184 days.

    >>> from ccer_calc.periods import calendar_years
    >>> s, e = dt.date(2024, 7, 1), dt.date(2026, 6, 30)
    >>> [round(float(x), 6) for x in crediting_year_shares(s, e, calendar_years(s, e))]
    [0.50411, 1.0, 0.49589]
    """
    bounds = crediting_year_bounds(start, end)
    if not bounds or not rows:
        return np.zeros(len(rows))
    lo = np.array([a for a, _ in bounds], dtype="datetime64[D]")
    whole = np.array([b for _, b in bounds], dtype="datetime64[D]")
    hi = np.minimum(whole, np.datetime64(end + _DAY, "D"))
    days = (whole - lo).astype(np.int64)
    r0 = np.array([p.start for p in rows], dtype="datetime64[D]")[:, None]
    r1 = np.array([p.end + _DAY for p in rows], dtype="datetime64[D]")[:, None]
    overlap = (np.minimum(r1, hi) - np.maximum(r0, lo)).astype(np.int64).clip(min=0)
    return np.asarray((overlap / days).sum(axis=1), dtype=np.float64)


def crediting_year_count(start: dt.date, end: dt.date) -> float:
    """Length of the crediting period in crediting years: whole years + the last one's share.

    Examples
    --------
    >>> crediting_year_count(dt.date(2024, 7, 1), dt.date(2034, 6, 30))
    10.0
    >>> round(crediting_year_count(dt.date(2025, 3, 15), dt.date(2032, 6, 14)), 9)
    7.252054795
    """
    bounds = crediting_year_bounds(start, end)
    if not bounds:
        return 0.0
    a, b = bounds[-1]
    cut = (min(b, end + _DAY) - a).days
    return (len(bounds) - 1) + cut / (b - a).days
