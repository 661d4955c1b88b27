"""Monitoring periods, the monitored-data table, and splitting at calendar years.

Dates are inclusive: a row from 2024-01-01 to 2024-01-31 covers 31 days. The CCER energy
methodologies are written per calendar year y (the grid factor changes with y), so rows are
split at 1 January before any equation runs (DESIGN decision 7): a row inside one year stays
whole ("dated data"); a row that spans years is apportioned pro rata by days, and the result
says so.

**The project's calendar.** Days, periods and years are those of one fixed offset from UTC,
China Standard Time (UTC+08:00) unless the project declares another
(``monitoring.utc_offset``). A date row 2024-01-01..2024-01-31 is the half-open interval of
instants [2024-01-01T00:00+08:00, 2024-02-01T00:00+08:00). Rows may instead be timed
(15-minute or hourly meter data, per-second streams): the table then also holds ``t_start`` and
``t_end``, local times of that calendar (``datetime64[s]``) bounding ``[t_start, t_end)``, and
tiling, period membership and the vintage split work on those instants, so a row ending at
midnight or at 1 January is counted once (:mod:`ccer_calc.instants`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError, shown
from ccer_calc.units import unit_text

__all__ = [
    "DEFAULT_UTC_OFFSET",
    "MeterStatus",
    "MonitoringTable",
    "Period",
    "Segments",
    "assign_rows",
    "calendar_years",
    "check_periods",
    "check_row_order",
    "format_offset",
    "row_label",
    "segments_of",
    "split_at_years",
]

Dates = np.ndarray[Any, np.dtype[np.datetime64]]
#: Minutes east of UTC of the default calendar: China Standard Time.
DEFAULT_UTC_OFFSET = 480
Ints = np.ndarray[Any, np.dtype[np.int64]]
Floats = np.ndarray[Any, np.dtype[np.float64]]


class MeterStatus(StrEnum):
    """Calibration status of the meter behind one monitored value (``<column>_meter``)."""

    OK = "ok"
    OUT_OF_TOLERANCE = "out_of_tolerance"
    UNCALIBRATED = "uncalibrated"


@dataclass(frozen=True)
class Period:
    """One monitoring period (inclusive dates)."""

    id: str
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class MonitoringTable:
    """Monitored rows: inclusive date ranges and one quantity array per column.

    ``meter_status`` and ``meter_error`` hold, per metered column, the calibration status
    strings and the actual basic errors (fractions, NaN where not given) of each row.

    Timed rows also carry ``t_start`` and ``t_end`` (``datetime64[s]``, local times of the
    project's calendar, ``utc_offset`` minutes east of UTC): row i covers
    ``[t_start[i], t_end[i])``, and ``start``/``end`` are the local days it touches. A table
    built from days alone (``t_start`` None) covers ``[start 00:00, end + 1 day 00:00)``.
    """

    start: Dates
    end: Dates
    columns: dict[str, pint.Quantity]
    meter_status: dict[str, np.ndarray[Any, np.dtype[np.str_]]]
    meter_error: dict[str, Floats]
    origin: str = "monitoring.data"
    lines: Ints | None = None
    t_start: Dates | None = None
    t_end: Dates | None = None
    utc_offset: int = DEFAULT_UTC_OFFSET

    def __len__(self) -> int:
        return int(self.start.shape[0])

    @property
    def timed(self) -> bool:
        """Whether rows are bounded by date-times rather than whole days."""
        return self.t_start is not None

    def interval(self) -> tuple[Dates, Dates]:
        """Each row as the half-open ``[t0, t1)`` of local times (``datetime64[s]``)."""
        if self.t_start is not None and self.t_end is not None:
            return self.t_start, self.t_end
        t0 = self.start.astype("datetime64[D]").astype("datetime64[s]")
        t1 = (self.end.astype("datetime64[D]") + np.timedelta64(1, "D")).astype("datetime64[s]")
        return t0, t1

    def hours(self) -> Floats:
        """Length of each row in hours."""
        t0, t1 = self.interval()
        return (t1 - t0).astype(np.int64) / 3600.0

    def row_label(self, i: int, column: str | None = None) -> str:
        """Where row ``i`` (0-based) came from: ``monitoring.data[3]`` or ``m.csv: line 5``."""
        return row_label(self.origin, self.lines, i, column)

    def digest(self) -> str:
        """sha256 (hex) of the dates, every column with its unit, and the meter fields."""
        h = hashlib.sha256()
        h.update(self.start.astype("datetime64[D]").astype(np.int64).tobytes())
        h.update(self.end.astype("datetime64[D]").astype(np.int64).tobytes())
        if self.t_start is not None and self.t_end is not None:  # timed rows: their instants
            h.update(self.t_start.astype("datetime64[s]").astype(np.int64).tobytes())
            h.update(self.t_end.astype("datetime64[s]").astype(np.int64).tobytes())
        for name in sorted(self.columns):
            q = self.columns[name]
            h.update(name.encode())
            h.update(unit_text(q.units).encode())
            h.update(np.ascontiguousarray(q.magnitude, dtype=np.float64).tobytes())
            h.update("\x1f".join(self.meter_status[name].tolist()).encode())
            h.update(np.nan_to_num(self.meter_error[name], nan=-1.0).tobytes())
        return h.hexdigest()


def row_label(origin: str, lines: Ints | None, i: int, column: str | None = None) -> str:
    """Name a row (and a column) as the user wrote it: inline index or 1-based CSV line.

    Examples
    --------
    >>> row_label("monitoring.data", None, 3, "export")
    'monitoring.data[3].export'
    >>> import numpy as np
    >>> row_label("data/m.csv", np.array([2, 3, 5]), 2, "export")
    'data/m.csv: line 5, column export'
    """
    if lines is None:
        return f"{origin}[{i}]" + (f".{column}" if column else "")
    return f"{origin}: line {int(lines[i])}" + (f", column {column}" if column else "")


def calendar_years(start: dt.date, end: dt.date) -> list[Period]:
    """The part of each calendar year between two inclusive dates, one Period per year.

    The axis of an ex-ante estimate: one row per calendar year of the crediting period, the
    first and last cut at its dates. Each period's id is its year.

    Examples
    --------
    >>> [(p.id, p.days) for p in calendar_years(dt.date(2025, 7, 1), dt.date(2027, 6, 30))]
    [('2025', 184), ('2026', 365), ('2027', 181)]
    """
    return [Period(str(y), max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31)))
            for y in range(start.year, end.year + 1)]


def check_periods(periods: list[Period]) -> None:
    """Refuse periods that are empty, reversed, overlapping or out of order.

    Raises
    ------
    InputError
        Naming the period and the dates.
    """
    if not periods:
        raise InputError("no monitoring period given", field="monitoring.periods",
                         expected="at least one period with id, start and end")
    seen: set[str] = set()
    for i, p in enumerate(periods):
        path = f"monitoring.periods[{i}]"
        if p.id in seen:
            raise InputError("duplicate period id", field=f"{path}.id", value=p.id,
                             expected="an id used by no other period")
        seen.add(p.id)
        if p.end < p.start:
            raise InputError("period ends before it starts", field=path,
                             value=f"{p.start}..{p.end}", expected="start <= end")
        if i and p.start <= periods[i - 1].end:
            raise InputError(
                "periods overlap or are out of order", field=path,
                value=f"{p.start}..{p.end}",
                expected=f"a start after {periods[i - 1].end} (end of period "
                         f"{shown(periods[i - 1].id)})")


def check_row_order(table: MonitoringTable) -> None:
    """Refuse a row that ends before it starts, or that overlaps or precedes the row before.

    Needs no periods, so the loaders run it before they parse any value.

    Raises
    ------
    InputError
        Naming the row (CSV line) and its dates.
    """
    if table.timed:
        from ccer_calc.instants import check_timed_order  # noqa: PLC0415 - one-way import

        check_timed_order(table)
        return
    start, end = table.start, table.end
    bad = np.flatnonzero(end < start)
    if bad.size:
        i = int(bad[0])
        raise InputError("row ends before it starts", field=table.row_label(i),
                         value=f"{start[i]}..{end[i]}", expected="start <= end")
    bad = np.flatnonzero(start[1:] <= end[:-1])
    if bad.size:
        i = int(bad[0]) + 1
        raise InputError("rows overlap or are out of order", field=table.row_label(i),
                         value=f"{start[i]}..{end[i]}",
                         expected=f"a start after {end[i - 1]}, the end of the previous row")


def assign_rows(table: MonitoringTable, periods: list[Period]) -> Ints:
    """Index of the period each row belongs to; the rows must tile every period exactly.

    Raises
    ------
    InputError
        On rows out of order, overlapping, outside every period, or gaps in a period.
    """
    if table.timed:
        from ccer_calc.instants import assign_timed_rows  # noqa: PLC0415 - one-way import

        return assign_timed_rows(table, periods)
    start, end = table.start, table.end
    if len(table) == 0:
        raise InputError("no monitoring data", field=table.origin,
                         expected="one row per month or per period")
    check_row_order(table)
    p_start = np.array([p.start for p in periods], dtype="datetime64[D]")
    p_end = np.array([p.end for p in periods], dtype="datetime64[D]")
    idx = np.searchsorted(p_start, start, side="right") - 1
    inside = (idx >= 0) & (end <= p_end[np.clip(idx, 0, None)])
    if not np.all(inside):
        i = int(np.flatnonzero(~inside)[0])
        raise InputError("row lies outside every monitoring period (or spans two)",
                         field=table.row_label(i), value=f"{start[i]}..{end[i]}",
                         expected="dates within one period of monitoring.periods")
    # rows are in order, so each period's rows are one run of idx: its first and last row
    k_all = np.arange(len(periods))
    first = np.searchsorted(idx, k_all, side="left")
    last = np.searchsorted(idx, k_all, side="right") - 1
    n = len(table)
    gap = (idx[1:] == idx[:-1]) & (start[1:] != end[:-1] + np.timedelta64(1, "D"))
    bad = (first > last) | np.isin(k_all, idx[1:][gap]) \
        | (start[np.minimum(first, n - 1)] != p_start) | (end[np.maximum(last, 0)] != p_end)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        p = periods[k]
        raise InputError(
            "monitoring data do not cover the whole period",
            field=f"monitoring.periods[{k}]", value=f"{p.id}: {p.start}..{p.end}",
            expected="rows that follow one another day by day from start to end, with "
                     "no missing month")
    return idx.astype(np.int64)


@dataclass(frozen=True)
class Segments:
    """Rows split at calendar years: the period axis every equation runs along."""

    row: Ints
    start: Dates
    end: Dates
    year: Ints
    fraction: Floats
    period: Ints
    #: None: inclusive days; else the segments are half-open local times of this calendar.
    utc_offset: int | None = None

    @property
    def split(self) -> bool:
        """Whether any row had to be apportioned between years."""
        return bool(np.any(self.fraction < 1.0))

    def labels(self) -> list[str]:
        """One label per segment, ``2024-01-01..2024-01-31`` or a timed one.

        Days include both ends; a timed segment excludes its end:
        ``2024-01-01T00:00:00+08:00..2024-01-01T00:15:00+08:00``.
        """
        if self.utc_offset is None:  # numpy writes the ISO days that str(date) would
            starts = np.datetime_as_string(self.start.astype("datetime64[D]")).tolist()
            ends = np.datetime_as_string(self.end.astype("datetime64[D]")).tolist()
            return [f"{s}..{e}" for s, e in zip(starts, ends, strict=True)]
        off = format_offset(self.utc_offset)
        starts = np.datetime_as_string(self.start, unit="s").tolist()
        ends = np.datetime_as_string(self.end, unit="s").tolist()
        return [f"{s}{off}..{e}{off}" for s, e in zip(starts, ends, strict=True)]


def format_offset(minutes: int) -> str:
    """``+08:00`` for 480 minutes east of UTC.

    Examples
    --------
    >>> format_offset(480), format_offset(-330)
    ('+08:00', '-05:30')
    """
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def segments_of(table: MonitoringTable, period: Ints) -> Segments:
    """The period axis of a table: its rows split at 1 January of the project's calendar."""
    if table.timed:
        from ccer_calc.instants import split_timed_at_years  # noqa: PLC0415 - one-way import

        t0, t1 = table.interval()
        return split_timed_at_years(t0, t1, period, table.utc_offset)
    return split_at_years(table.start, table.end, period)


def split_at_years(start: Dates, end: Dates, period: Ints) -> Segments:
    """Split inclusive date ranges at 1 January, apportioning by days.

    Parameters
    ----------
    start, end : ndarray of datetime64[D]
        Inclusive row dates.
    period : ndarray of int
        Period index of each row.

    Returns
    -------
    Segments
        One segment per (row, calendar year) with the day fraction of the row it holds.

    Examples
    --------
    >>> import numpy as np
    >>> s = split_at_years(np.array(["2023-12-16"], "datetime64[D]"),
    ...                    np.array(["2024-01-15"], "datetime64[D]"), np.array([0]))
    >>> s.year.tolist(), s.fraction.round(4).tolist()
    ([2023, 2024], [0.5161, 0.4839])
    """
    y0 = start.astype("datetime64[Y]").astype(np.int64) + 1970
    y1 = end.astype("datetime64[Y]").astype(np.int64) + 1970
    pieces = y1 - y0 + 1
    row = np.repeat(np.arange(start.shape[0]), pieces)
    offset = np.arange(row.shape[0]) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    year = y0[row] + offset
    jan1 = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    dec31 = (year - 1969).astype("datetime64[Y]").astype("datetime64[D]") - np.timedelta64(1, "D")
    seg_start = np.maximum(start[row], jan1)
    seg_end = np.minimum(end[row], dec31)
    row_days = (end - start).astype(np.int64) + 1
    seg_days = (seg_end - seg_start).astype(np.int64) + 1
    fraction = seg_days / row_days[row]
    return Segments(row, seg_start, seg_end, year.astype(np.int64), fraction, period[row])
