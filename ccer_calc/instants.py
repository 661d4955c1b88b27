"""Timed rows: tiling, period membership and the vintage split on half-open intervals.

A timed row covers ``[t_start, t_end)`` in local times of the project's calendar (a fixed offset
from UTC; see :mod:`ccer_calc.periods`). A monitoring period ``start..end`` (days, both
included) covers ``[start 00:00, end + 1 day 00:00)`` and a calendar year ``y`` covers
``[y-01-01 00:00, (y+1)-01-01 00:00)``. Rows must follow one another without gap or overlap
inside each period, so a row ending at midnight or at 1 January and the row starting there
share the instant without either counting it twice; a row that spans 1 January is apportioned
between the two years by its seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ccer_calc.errors import InputError
from ccer_calc.periods import Dates, Ints, Segments, format_offset

if TYPE_CHECKING:
    from ccer_calc.periods import MonitoringTable, Period

__all__ = ["assign_timed_rows", "check_timed_order", "split_timed_at_years"]

_DAY = np.timedelta64(1, "D")


def _shown(t: np.datetime64, offset: int) -> str:
    return f"{np.datetime_as_string(t, unit='s')}{format_offset(offset)}"


def check_timed_order(table: MonitoringTable) -> None:
    """Refuse a timed row that ends where or before it starts, or overlaps the row before.

    Raises
    ------
    InputError
        Naming the row (CSV line) and its times.
    """
    off = table.utc_offset
    t0, t1 = table.interval()
    bad = np.flatnonzero(t1 <= t0)
    if bad.size:
        i = int(bad[0])
        raise InputError("row ends before it starts (or where it starts)",
                         field=table.row_label(i),
                         value=f"{_shown(t0[i], off)}..{_shown(t1[i], off)}",
                         expected="an end after the start (the end is excluded)")
    bad = np.flatnonzero(t0[1:] < t1[:-1])
    if bad.size:
        i = int(bad[0]) + 1
        raise InputError("rows overlap or are out of order", field=table.row_label(i),
                         value=f"{_shown(t0[i], off)}..{_shown(t1[i], off)}",
                         expected=f"a start at or after {_shown(t1[i - 1], off)}, the end of "
                                  "the previous row")


def assign_timed_rows(table: MonitoringTable, periods: list[Period]) -> Ints:
    """Index of the period of each timed row; the rows must tile every period exactly.

    Raises
    ------
    InputError
        Naming the row (CSV line) of a row that ends before it starts, overlaps the previous
        one, lies outside every period, or follows a gap (even of one second); naming the
        period whose start or end no row reaches.
    """
    off = table.utc_offset
    if len(table) == 0:
        raise InputError("no monitoring data", field=table.origin,
                         expected="rows covering every monitoring period")
    t0, t1 = table.interval()
    check_timed_order(table)
    p0 = np.array([p.start for p in periods], dtype="datetime64[D]").astype("datetime64[s]")
    p1 = (np.array([p.end for p in periods], dtype="datetime64[D]") + _DAY
          ).astype("datetime64[s]")
    idx = np.searchsorted(p0, t0, side="right") - 1
    inside = (idx >= 0) & (t1 <= p1[np.clip(idx, 0, None)])
    if not np.all(inside):
        i = int(np.flatnonzero(~inside)[0])
        raise InputError("row lies outside every monitoring period (or spans two)",
                         field=table.row_label(i),
                         value=f"{_shown(t0[i], off)}..{_shown(t1[i], off)}",
                         expected="times within one period of monitoring.periods")
    gap = np.flatnonzero((idx[1:] == idx[:-1]) & (t0[1:] != t1[:-1]))
    if gap.size:
        i = int(gap[0]) + 1
        seconds = int((t0[i] - t1[i - 1]).astype(np.int64))
        raise InputError(f"a gap of {seconds:,} s in the monitoring data before this row",
                         field=table.row_label(i),
                         value=f"{_shown(t1[i - 1], off)}..{_shown(t0[i], off)}",
                         expected=f"a row starting at {_shown(t1[i - 1], off)}, where the "
                                  "previous row ends")
    first = np.searchsorted(idx, np.arange(len(periods)), side="left")
    last = np.searchsorted(idx, np.arange(len(periods)), side="right") - 1
    for k, p in enumerate(periods):
        if first[k] > last[k] or t0[first[k]] != p0[k] or t1[last[k]] != p1[k]:
            raise InputError(
                "monitoring data do not cover the whole period",
                field=f"monitoring.periods[{k}]", value=f"{p.id}: {p.start}..{p.end}",
                expected=f"rows from {_shown(p0[k], off)} to {_shown(p1[k], off)} (end "
                         "excluded), each starting where the previous one ends")
    return idx.astype(np.int64)


def split_timed_at_years(t0: Dates, t1: Dates, period: Ints, utc_offset: int) -> Segments:
    """Split half-open local time intervals at 1 January 00:00, apportioning by seconds.

    Parameters
    ----------
    t0, t1 : ndarray of datetime64[s]
        Each row's start (included) and end (excluded), local times of the calendar.
    period : ndarray of int
        Period index of each row.
    utc_offset : int
        Minutes east of UTC of the calendar (for the segments' labels).

    Returns
    -------
    Segments
        One segment per (row, calendar year) with the share of the row's seconds it holds.

    Examples
    --------
    A row from 31 December 2023 18:00 to 1 January 2024 06:00 is half in each year; a row
    ending at midnight on 1 January belongs to 2023 alone:

    >>> import numpy as np
    >>> t0 = np.array(["2023-12-31T18:00", "2023-12-31T00:00"], "datetime64[s]")
    >>> t1 = np.array(["2024-01-01T06:00", "2024-01-01T00:00"], "datetime64[s]")
    >>> s = split_timed_at_years(t0, t1, np.array([0, 0]), 480)
    >>> s.year.tolist(), s.fraction.tolist()
    ([2023, 2024, 2023], [0.5, 0.5, 1.0])
    """
    t0 = t0.astype("datetime64[s]")
    t1 = t1.astype("datetime64[s]")
    y0 = t0.astype("datetime64[Y]").astype(np.int64) + 1970
    y1 = (t1 - np.timedelta64(1, "s")).astype("datetime64[Y]").astype(np.int64) + 1970
    pieces = y1 - y0 + 1
    row = np.repeat(np.arange(t0.shape[0]), pieces)
    offset = np.arange(row.shape[0]) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    year = y0[row] + offset
    jan1 = (year - 1970).astype("datetime64[Y]").astype("datetime64[s]")
    next_jan1 = (year - 1969).astype("datetime64[Y]").astype("datetime64[s]")
    seg_start = np.maximum(t0[row], jan1)
    seg_end = np.minimum(t1[row], next_jan1)
    row_seconds = (t1 - t0).astype(np.int64)
    fraction = (seg_end - seg_start).astype(np.int64) / row_seconds[row]
    return Segments(row, seg_start, seg_end, year.astype(np.int64), fraction, period[row],
                    utc_offset=utc_offset)
