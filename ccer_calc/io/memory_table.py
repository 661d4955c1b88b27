"""Monitoring columns held in memory (numpy arrays, a DataFrame's columns), read like a CSV file.

:mod:`ccer_calc.io.sources` hands over the header (names with units, parsed by
:func:`ccer_calc.io.table.parse_header`) and one array per column; this module reads them with
the CSV reader's machinery (:mod:`ccer_calc.io.csv_monitoring`), in its order, so that the same
rows give the same :class:`~ccer_calc.periods.MonitoringTable` and the same errors whichever
way they come in:

1. the header: each monitored column present with a unit, a meter error in %;
2. the columns: one value per row in each; no unknown column; ``start`` and ``end`` present;
3. the dates of every row, of one kind and in order, before any value is read;
4. each monitored column as one float64 array, converted to the methodology's unit in one
   operation and checked against its range at once; then its meter status and meter error.

A column is read at once when its array is typed: numbers (``int``, ``float``; NaN is a missing
cell), ``datetime64`` dates (each a whole day), or text (read as a CSV cell is). An array of
Python objects of one kind is read at once too (all text, all dates, all numbers); one that
mixes kinds (numbers and None, dates and Timestamps) is read cell by cell, by the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.errors import InputError
from ccer_calc.io.csv_monitoring import _assemble, _given_numbers, _numbers, _Reader, _unit
from ccer_calc.io.files import check_rows
from ccer_calc.io.table import METER_ERROR, STATUSES, Head, check_header, dated_table
from ccer_calc.io.timestamps import Kind, check_kinds, parse_stamp, parse_stamp_column
from ccer_calc.periods import DEFAULT_UTC_OFFSET, Floats, MonitoringTable, check_row_order
from ccer_calc.units import magnitude_in, parse_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn

__all__ = ["memory_table"]

Where = Callable[[int], str]
Stamps = np.ndarray[Any, np.dtype[np.datetime64]]


def memory_table(head: Head, arrays: Sequence[np.ndarray], columns: Sequence[MonitoredColumn],
                 *, origin: str, utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
    """Read one-dimensional columns, one per header cell, into a monitoring table.

    Parameters
    ----------
    head : list of (str, str or None)
        Each column's name and unit, as :func:`~ccer_calc.io.table.parse_header` gives them.
    arrays : sequence of ndarray
        The columns' values, in the header's order, one per row (row ``i`` is line ``i + 2``).
    columns : sequence of MonitoredColumn
        The project's monitored columns.
    origin : str
        How messages name the data (``monitoring (arrays)``).
    utc_offset : int
        Minutes east of UTC of the project's calendar (for date-times written as text).

    Raises
    ------
    InputError, UnitError
        Naming the line and column, with the messages of the CSV reader.

    Examples
    --------
    Two monthly rows, the import metered in kWh (an integer array) and converted at once:

    >>> from ccer_calc.api import get_methodology
    >>> columns = get_methodology("CCER-01-002-V01").monitored_columns
    >>> head = [("start", None), ("end", None), ("export", "MWh"), ("import", "kWh")]
    >>> arrays = [np.array(["2024-01-01", "2024-02-01"], dtype="datetime64[D]"),
    ...           np.array(["2024-01-31", "2024-02-29"], dtype="datetime64[D]"),
    ...           np.array([100.0, 90.5]), np.array([2500, 0])]
    >>> table = memory_table(head, arrays, columns, origin="monitoring (arrays)")
    >>> table.columns["import"].magnitude.tolist(), table.lines.tolist()
    ([2.5, 0.0], [2, 3])
    >>> arrays[2] = np.array([100.0, np.nan])
    >>> memory_table(head, arrays, columns, origin="monitoring (arrays)")
    Traceback (most recent call last):
    ...
    ccer_calc.errors.InputError: monitoring (arrays): line 3, column export: missing monitored \
value (expected a number in MWh)
    """
    check_header(head, columns, origin)
    lengths = {len(a) for a in arrays}
    if len(lengths) > 1:
        raise InputError("columns of different lengths", field=origin, value=sorted(lengths),
                         expected="one value per row in every column")
    count = lengths.pop() if lengths else 0
    check_rows(count, origin)
    return _assemble(_Arrays(head, arrays, count, origin), columns, utc_offset)


class _Arrays(_Reader):
    """The CSV reader over typed arrays, which ``raw`` holds by column name."""

    def __init__(self, head: Head, arrays: Sequence[np.ndarray], count: int,
                 origin: str) -> None:
        super().__init__(head, (), range(2, count + 2), origin)  # no text cells
        self.raw = dict(zip([n for n, _ in head], arrays, strict=True))

    def dates(self, utc_offset: int) -> MonitoringTable:
        """The rows' dates, of one kind and in order: read before any value."""
        if not len(self.lines):
            empty = np.array([], dtype="datetime64[s]")
            return dated_table(empty, empty, "date", origin=self.origin, lines=self.lines,
                               utc_offset=utc_offset)
        start, kind = _stamps(self.raw["start"], self.where("start"), utc_offset)
        end, end_kind = _stamps(self.raw["end"], self.where("end"), utc_offset)
        first_end = self.raw["end"][0]
        check_kinds(kind, end_kind, self.where("end")(0),
                    first_end if isinstance(first_end, str) else str(first_end))
        table = dated_table(start, end, kind, origin=self.origin, lines=self.lines,
                            utc_offset=utc_offset)
        check_row_order(table)
        return table

    def values(self, c: MonitoredColumn) -> Floats:
        """A monitored column in the methodology's unit, each value in its range."""
        where = self.where(c.name)
        header = str(self.units[c.name])
        unit = _unit(header, c.unit, lambda: where(0)) if len(self.lines) else parse_unit(c.unit)
        raw = _floats(self.raw[c.name], header, where, blank_ok=False)
        with np.errstate(over="ignore"):  # overflow gives inf, refused as out of range
            mags = np.asarray(magnitude_in(raw, unit, parse_unit(c.unit)))
        c.bounds.check(mags, c.unit, where)
        return mags

    def status(self, c: MonitoredColumn) -> np.ndarray[Any, np.dtype[np.str_]]:
        """The meter status column as the CSV's text cells (empty cells: ``ok``), at once."""
        name = f"{c.name}_meter"
        if name not in self.raw:
            return np.full(len(self.lines), "ok")
        where = self.where(name)
        texts = np.char.strip(_texts(self.raw[name], where))
        texts = np.where(texts == "", "ok", texts)
        unknown = np.flatnonzero(~np.isin(texts, sorted(STATUSES)))
        if unknown.size:
            i = int(unknown[0])
            raise InputError("unknown meter status", field=where(i), value=str(texts[i]),
                             expected="one of " + ", ".join(sorted(STATUSES)))
        width = int(np.char.str_len(texts).max()) if texts.size else 1
        return texts.astype(f"<U{width}")  # as narrow as the CSV reader's array

    def meter_error(self, c: MonitoredColumn, status: np.ndarray) -> Floats:
        """The meter's basic errors as fractions (NaN where none is given), each in range."""
        name = f"{c.name}_meter_error"
        where = self.where(name)
        errors = np.full(len(self.lines), np.nan)
        if name in self.raw:
            header = str(self.units[name])
            raw = _floats(self.raw[name], header, where, blank_ok=True)
            given = ~np.isnan(raw)
            if given.any():
                with np.errstate(over="ignore"):
                    errors = np.asarray(magnitude_in(raw, parse_unit(header), parse_unit("")),
                                        dtype=np.float64)
                METER_ERROR.check(np.where(given, errors, 0.0), "", lambda i: where(int(i)))
        missing = np.flatnonzero((status == "out_of_tolerance") & np.isnan(errors))
        if missing.size:
            raise InputError("meter found out of tolerance but its basic error is missing",
                             field=where(int(missing[0])),
                             expected="the actual basic error found at calibration, e.g. 0.8 %")
        return errors


# --- one cell of an array of objects (pandas' missing values included) --------------------

def _missing(value: object) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64 | np.timedelta64):
        return bool(np.isnat(value))
    return type(value).__name__ in {"NaTType", "NAType"}  # pandas' missing values


def _cell(value: object) -> object:
    """A cell as the current path took it: a Python number, text, date or None (missing).

    numpy scalars become Python values, a pandas Timestamp its wall-clock time, anything else
    that is not a number, text or date its text (which a number column then reads as a CSV
    cell, and refuses as not a number).
    """
    if _missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = value.astype("datetime64[us]").item()
    elif isinstance(value, np.generic):
        value = value.item()
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if to_pydatetime is not None:
        value = to_pydatetime().replace(tzinfo=None)
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    return str(value)


def _kind(cell: object) -> str:
    return ("date" if isinstance(cell, dt.date) else "truth value" if isinstance(cell, bool)
            else type(cell).__name__)


def _types(array: np.ndarray) -> set[type]:
    return set(map(type, array)) if array.dtype.kind == "O" else set()


# --- columns of numbers -------------------------------------------------------------------

def _floats(array: np.ndarray, unit: str, where: Where, *, blank_ok: bool) -> Floats:
    """A number column as float64: finite, or NaN for an empty cell where that is allowed.

    Raises
    ------
    InputError
        Naming the first cell that is missing, not finite, a truth value, a date or text that
        is not a number.
    """
    kind = array.dtype.kind
    if kind == "U" or _types(array) == {str}:
        cells = array.tolist()  # read as a CSV file's text cells
        return (_given_numbers if blank_ok else _numbers)(cells, unit, where)
    if kind in "iuf" or (kind == "O" and _types(array) <= {float, int}):
        values = np.asarray(array, dtype=np.float64)
    else:
        values = np.array([_number_cell(v, unit, where, i) for i, v in enumerate(array)],
                          dtype=np.float64)
    blank = np.isnan(values)
    if not blank_ok and blank.any():
        raise InputError("missing monitored value", field=where(int(np.flatnonzero(blank)[0])),
                         expected=f"a number in {unit}")
    bad = np.flatnonzero(np.isinf(values))
    if bad.size:
        raise InputError("not a finite number", field=where(int(bad[0])),
                         value=repr(float(values[bad[0]])), expected="a finite decimal number")
    return values


def _number_cell(value: object, unit: str, where: Where, i: int) -> float:
    """One cell of a number column: a number, or NaN when empty; text as in a CSV file."""
    cell = _cell(value)
    if isinstance(cell, str):
        return float(_given_numbers([cell], unit, lambda _: where(i))[0])
    if cell is None:
        return np.nan
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        raise InputError(f"a {_kind(cell)} in a number column", field=where(i),
                         value=str(cell.date() if isinstance(cell, dt.datetime)
                                   and cell.time() == dt.time(0) else cell),
                         expected=f"a number in {unit}")
    return float(cell)


# --- columns of text ----------------------------------------------------------------------

def _texts(array: np.ndarray, where: Where) -> np.ndarray:
    """A text column (meter status) as an array of text: empty where a cell is missing.

    Raises
    ------
    InputError
        Naming the first cell that is a number, a truth value or a date.
    """
    if array.dtype.kind == "U":
        return array
    if array.dtype.kind == "O" and _types(array) <= {str, type(None)}:
        empty = array == None  # noqa: E711 - numpy compares element by element
        return np.where(empty, "", array).astype(np.str_)
    out = []
    for i, value in enumerate(array):
        cell = _cell(value)
        if cell is not None and not isinstance(cell, str):
            raise InputError(f"a {_kind(cell)} in a text column", field=where(i),
                             value=str(cell),
                             expected="text, e.g. ok, out_of_tolerance or uncalibrated")
        out.append(cell or "")
    return np.array(out, dtype=np.str_)


# --- columns of dates ---------------------------------------------------------------------

def _stamps(array: np.ndarray, where: Where, utc_offset: int) -> tuple[Stamps, Kind]:
    """A date column as local times of the project's calendar, with what was written.

    ``datetime64`` values, dates and Timestamps must be whole days; text may be a date or an
    ISO date-time, as in a CSV file.
    """
    kind = array.dtype.kind
    if kind == "U" or _types(array) == {str}:
        return parse_stamp_column(array.tolist(), where, utc_offset)
    if kind == "O" and _types(array) == {dt.date}:
        array = np.array(array.tolist(), dtype="datetime64[D]")
    elif kind != "M":
        return _stamp_cells(array, where, utc_offset)
    missing = np.flatnonzero(np.isnat(array))
    if missing.size:  # an empty cell: refused as the cell-by-cell path refuses it
        parse_stamp(None, where(int(missing[0])), utc_offset)
    days = array.astype("datetime64[D]")
    timed = np.flatnonzero(days != array)
    if timed.size:
        _whole_day(array[timed[0]].astype("datetime64[us]").item(), where(int(timed[0])))
    return days.astype("datetime64[s]"), "date"


def _whole_day(value: dt.datetime, field: str) -> dt.date:
    if value.time() != dt.time(0):
        raise InputError("a date-time, not a date", field=field, value=value.isoformat(),
                         expected="a whole day (a date without a time of day)")
    return value.date()


def _stamp_cells(array: np.ndarray, where: Where, utc_offset: int) -> tuple[Stamps, Kind]:
    """A date column of mixed cells, one by one (dates, Timestamps, text, or anything else)."""
    out = np.empty(len(array), dtype="datetime64[s]")
    kinds: list[Kind] = []
    for i, value in enumerate(array):
        cell = _cell(value)
        if isinstance(cell, dt.datetime):
            cell = _whole_day(cell, where(i))
        out[i], kind = parse_stamp(cell.strip() if isinstance(cell, str) else cell, where(i),
                                   utc_offset)
        kinds.append(kind)
        check_kinds(kinds[0], kind, where(i), cell)
    return out, kinds[0] if kinds else "date"
