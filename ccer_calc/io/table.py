"""Monitoring tables from inline rows, and what every monitoring table is checked against.

``start`` and ``end`` are ISO dates (YYYY-MM-DD, both days included) or ISO date-times
(``2024-01-01T00:15+08:00``, the end excluded; :mod:`ccer_calc.io.timestamps`). Per metered
column, optional ``<name>_meter`` (ok, out_of_tolerance, uncalibrated) and
``<name>_meter_error [%]`` give the calibration status and the actual basic error of §7.3.4 of
the CCER energy methodologies. CSV files are read column by column in
:mod:`ccer_calc.io.csv_monitoring`; inline rows (``[[monitoring.data]]``, a few dozen at most)
row by row here, each value with its own unit.

Every message names a row as the user wrote it: ``monitoring.data[3].export`` for inline rows,
``<csv path as written>: line 5, column export`` (1-based lines) for a CSV file.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pint

from ccer_calc.bounds import Bounds
from ccer_calc.errors import InputError, UnitError
from ccer_calc.fields import parse_quantity, written_unit
from ccer_calc.io.files import check_rows
from ccer_calc.io.meter_units import check_percent
from ccer_calc.io.timestamps import Kind, check_kinds, parse_stamp
from ccer_calc.periods import (
    DEFAULT_UTC_OFFSET,
    Dates,
    Ints,
    MeterStatus,
    MonitoringTable,
    check_row_order,
    row_label,
)
from ccer_calc.units import Quantity, magnitude_in, parse_unit, to_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn

__all__ = ["METER_ERROR", "STATUSES", "Cell", "Head", "check_capacity", "check_header",
           "dated_table", "empty_table", "parse_header", "quantity_in_unit", "table_from_cells",
           "table_from_rows"]

#: The calibration statuses a ``<column>_meter`` cell may hold (empty means ``ok``).
STATUSES = frozenset(s.value for s in MeterStatus)
#: A meter's basic error is a fraction strictly between -100 % and 100 %.
METER_ERROR = Bounds(-1.0, 1.0, min_inclusive=False, max_inclusive=False,
                     reason="a meter error of 100 % or more is not a measurement")


def _status(raw: object, path: str) -> str:
    text = "ok" if raw is None or str(raw).strip() == "" else str(raw).strip()
    if text not in STATUSES:
        raise InputError("unknown meter status", field=path, value=raw,
                         expected="one of " + ", ".join(sorted(STATUSES)))
    return text


def quantity_in_unit(raw: object, unit: str, path: str) -> float:
    """A raw cell or inline value as a float in ``unit``.

    A ``{value, unit}`` cell whose unit is written exactly as ``unit`` (every cell of a sheet
    or frame, whose unit is the column header's) with a finite float is taken as it is:
    converting a quantity to its own unit returns the number untouched, so the result is the
    same, without building a Quantity per cell (most of the time of reading a large sheet).
    """
    if (type(raw) is dict and len(raw) == 2 and raw.get("unit") == unit  # noqa: PLR2004
            and type(raw.get("value")) is float and math.isfinite(raw["value"])):
        return raw["value"]
    try:
        q = parse_quantity(raw)
    except (ValueError, OverflowError) as exc:
        raise InputError(str(exc), field=path, expected=f"a quantity in {unit or '%'}"
                         ) from None
    target = parse_unit(unit)
    if q.dimensionality != target.dimensionality:
        raise UnitError("wrong unit", field=path, value=f"{q.units:~}",
                        expected=f"a unit convertible to {unit or '% (a fraction)'}")
    return float(q.to(target).magnitude)


class _Columns:
    """The values of one table as lists, filled row by row."""

    def __init__(self, columns: Sequence[MonitoredColumn], utc_offset: int) -> None:
        self.columns = columns
        self.utc_offset = utc_offset
        self.kind: Kind | None = None
        self.start: list[np.datetime64] = []
        self.end: list[np.datetime64] = []
        self.mags: dict[str, list[float]] = {c.name: [] for c in columns}
        self.status: dict[str, list[str]] = {c.name: [] for c in columns}
        self.error: dict[str, list[float]] = {c.name: [] for c in columns}

    def add(self, row: dict[str, Any], label: Callable[[str], str]) -> None:
        for key in ("start", "end"):
            if key not in row:
                raise InputError("missing date", field=label(key),
                                 expected="an ISO date YYYY-MM-DD")
        for key in ("start", "end"):
            stamp, kind = parse_stamp(row[key], label(key), self.utc_offset)
            self.kind = self.kind or kind
            check_kinds(self.kind, kind, label(key), row[key])
            (self.start if key == "start" else self.end).append(stamp)
        for c in self.columns:
            if c.name not in row:
                raise InputError("missing monitored value", field=label(c.name),
                                 expected=f"a quantity in {c.unit}")
            self.mags[c.name].append(quantity_in_unit(row[c.name], c.unit, label(c.name)))
            status = _status(row.get(f"{c.name}_meter"), label(f"{c.name}_meter"))
            self.status[c.name].append(status)
            err = row.get(f"{c.name}_meter_error")
            path = label(f"{c.name}_meter_error")
            value = np.nan if err is None else quantity_in_unit(err, "", path)
            if err is not None:
                check_percent(written_unit(err), path, f"{c.name}_meter_error")
                METER_ERROR.check(value, "", path)
            elif status == MeterStatus.OUT_OF_TOLERANCE:
                raise InputError("meter found out of tolerance but its basic error is missing",
                                 field=path, expected="the actual basic error found at "
                                                      "calibration, e.g. 0.8 %")
            self.error[c.name].append(value)


#: Header cells read as (name, unit or None).
Head = list[tuple[str, str | None]]
_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.*)\])?\s*$")


def parse_header(cells: Iterable[str], origin: str) -> Head:
    """Header cells ``name [unit]`` as (name, unit) pairs; each column at most once."""
    out: Head = []
    seen: dict[str, int] = {}
    for k, cell in enumerate(cells, start=1):
        m = _HEADER.match(cell)
        if not m:
            raise InputError("unreadable header cell", field=f"{origin}: line 1, cell {k}",
                             value=cell, expected="name [unit], e.g. 'export [MWh]'")
        name = m.group(1)
        if name in seen:
            raise InputError(f"a column appears twice (cells {seen[name]} and {k})",
                             field=f"{origin}: line 1", value=name,
                             expected="each column once")
        seen[name] = k
        out.append((name, m.group(2)))
    return out


def check_header(head: Head, columns: Sequence[MonitoredColumn], origin: str) -> None:
    """Every monitored column present with a unit; a meter-error column in %."""
    units = dict(head)
    for c in columns:
        if c.name not in units:
            raise InputError("the monitoring data lack a column", field=f"{origin}: line 1",
                             value=c.name, expected=f"a column '{c.name} [{c.unit}]'")
        if units[c.name] is None:
            raise UnitError("column has no unit", field=f"{origin}: line 1, column {c.name}",
                            expected=f"a header '{c.name} [{c.unit}]'")
        err = f"{c.name}_meter_error"
        if err in units:
            check_percent(units[err], f"{origin}: line 1, column {err}", err)


def table_from_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[MonitoredColumn],
    *,
    origin: str = "monitoring.data",
    lines: Ints | None = None,
    utc_offset: int = DEFAULT_UTC_OFFSET,
) -> MonitoringTable:
    """Build a table from rows of plain data (inline ``monitoring.data``).

    Parameters
    ----------
    rows : sequence of dict
        One dict per row: ``start``, ``end``, each column and its optional meter fields.
    columns : sequence of MonitoredColumn
        The project's monitored columns.
    origin : str
        How messages name the data: ``monitoring.data`` or the CSV path as written.
    lines : ndarray of int, optional
        The CSV line (1-based) of each row, for messages.
    utc_offset : int
        Minutes east of UTC of the project's calendar (for date-times).

    Raises
    ------
    InputError, UnitError
        Naming the row and field of a missing, unitless, out-of-range or wrongly dimensioned
        value.
    """
    check_rows(len(rows), origin)
    known = {"start", "end"}
    for c in columns:
        known |= {c.name, f"{c.name}_meter", f"{c.name}_meter_error"}
    acc = _Columns(columns, utc_offset)
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InputError("a row is not a table", field=row_label(origin, lines, i),
                             expected="start, end and one value per column")
        unknown = sorted(set(row) - known)
        if unknown:
            raise InputError("unknown column", field=row_label(origin, lines, i, unknown[0]),
                             expected="one of " + ", ".join(sorted(known)))
        acc.add(row, functools.partial(row_label, origin, lines, i))
    values = {c.name: Quantity(np.array(acc.mags[c.name], dtype=np.float64), parse_unit(c.unit))
              for c in columns}
    for c in columns:
        def where(i: int, name: str = c.name) -> str:
            return row_label(origin, lines, i, name)

        c.bounds.check(values[c.name].magnitude, c.unit, where)
    table = dated_table(np.array(acc.start, dtype="datetime64[s]"),
                        np.array(acc.end, dtype="datetime64[s]"), acc.kind or "date",
                        origin=origin, lines=lines, utc_offset=utc_offset)
    check_row_order(table)
    return MonitoringTable(
        start=table.start, end=table.end, columns=values,
        meter_status={k: np.array(v, dtype=np.str_) for k, v in acc.status.items()},
        meter_error={k: np.array(v, dtype=np.float64) for k, v in acc.error.items()},
        origin=origin, lines=lines, t_start=table.t_start, t_end=table.t_end,
        utc_offset=utc_offset)


def dated_table(start: Dates, end: Dates, kind: Kind, *, origin: str, lines: Ints | None,
                utc_offset: int) -> MonitoringTable:
    """A table of rows with their dates only (no columns yet), from parsed local times.

    Date rows keep the inclusive days of the original representation (``t_start`` None);
    timed rows hold their half-open local times and the days they touch.
    """
    if kind == "date":
        return MonitoringTable(start.astype("datetime64[D]"), end.astype("datetime64[D]"),
                               {}, {}, {}, origin=origin, lines=lines, utc_offset=utc_offset)
    last_second = end - np.timedelta64(1, "s")
    return MonitoringTable(start.astype("datetime64[D]"), last_second.astype("datetime64[D]"),
                           {}, {}, {}, origin=origin, lines=lines, t_start=start, t_end=end,
                           utc_offset=utc_offset)


def check_capacity(table: MonitoringTable, columns: Sequence[MonitoredColumn],
                   inputs: object, *, label: Callable[[int, str], str] | None = None) -> None:
    """Refuse a row whose energy exceeds the installed capacity times the hours of the row.

    Applies to each column that declares ``at_most_capacity_of`` (the name of a power field
    of the project's inputs). A plant cannot deliver more than its capacity running every hour
    of the row, so such a reading is a unit or typing error.

    ``label(row, column)`` names the offending value as the user wrote it (default: the row of
    the monitoring data).

    Raises
    ------
    InputError
        Naming the row (CSV line) and column, the value and the most the plant can deliver.
    """
    name_of = label if label is not None else table.row_label
    hours = table.hours()
    for c in columns:
        if c.at_most_capacity_of is None:
            continue
        capacity = getattr(inputs, c.at_most_capacity_of, None)
        if not isinstance(capacity, pint.Quantity):
            continue
        unit = parse_unit(c.unit)
        with np.errstate(over="ignore"):  # an absurd capacity gives inf, which limits nothing
            # capacity × hours, as pint multiplies a Quantity (magnitudes, then units)
            most = magnitude_in(capacity.magnitude * hours, _times_hours(capacity.units), unit)
        values = np.asarray(to_unit(table.columns[c.name], unit).magnitude)
        bad = np.flatnonzero(values > most * (1 + 1e-9))
        if bad.size:
            i = int(bad[0])
            raise InputError(
                f"more energy than the installed capacity can deliver in the row "
                f"({capacity:~g} × {hours[i]:g} h)", field=name_of(i, c.name),
                value=f"{values[i]:g} {c.unit}", expected=f"at most {most[i]:g} {c.unit}")


@functools.lru_cache(maxsize=64)
def _times_hours(unit: pint.Unit) -> pint.Unit:
    """A power unit times the hour (``MW`` -> ``MW * h``), formed once per unit."""
    return unit * parse_unit("h")


def empty_table(columns: Sequence[MonitoredColumn], *, origin: str = "monitoring.data"
                ) -> MonitoringTable:
    """A table with the project's columns and no rows (a project without monitoring data)."""
    return MonitoringTable(
        start=np.array([], dtype="datetime64[D]"), end=np.array([], dtype="datetime64[D]"),
        columns={c.name: Quantity(np.array([], dtype=np.float64), parse_unit(c.unit))
                 for c in columns},
        meter_status={c.name: np.array([], dtype=np.str_) for c in columns},
        meter_error={c.name: np.array([], dtype=np.float64) for c in columns},
        origin=origin)


#: A cell of a spreadsheet or data frame: text, a number, a date, or empty.
Cell = str | float | int | dt.date | None


def table_from_cells(
    header: Sequence[str],
    rows: Iterable[tuple[int, Sequence[Cell]]],
    columns: Sequence[MonitoredColumn],
    *,
    origin: str,
) -> MonitoringTable:
    """Build a table from header cells with units and rows of typed cells (a sheet, a frame).

    The same header rules as a CSV file (``name [unit]``, every column once, a unit on every
    monitored column); cells may be text, numbers, dates or empty. A number column holds
    number cells: text that looks like a number (typed with a leading apostrophe, pasted, in
    full-width digits) is refused.

    Parameters
    ----------
    header : sequence of str
        The header cells, e.g. ``["start", "end", "export [MWh]"]``.
    rows : iterable of (int, sequence of cell)
        Each row's line number as the user sees it (1-based sheet row) and its cells.
    columns : sequence of MonitoredColumn
        The project's monitored columns.
    origin : str
        How messages name the data (``data.xlsx, sheet 'Sheet1'``).

    Raises
    ------
    InputError, UnitError
        Naming the line and column: a date in a text or number column, a date-time that is not
        a whole day, text in a number column, or whatever a CSV cell would be refused for.
    """
    head = parse_header(header, origin)
    check_header(head, columns, origin)
    found: list[dict[str, Any]] = []
    lines: list[int] = []
    for lineno, cells in rows:
        if len(cells) != len(head):
            raise InputError("wrong number of cells", field=f"{origin}: line {lineno}",
                             value=len(cells), expected=f"{len(head)} cells")
        found.append(_typed_row(head, cells, f"{origin}: line {lineno}"))
        lines.append(lineno)
        check_rows(len(lines), origin)
    return table_from_rows(found, columns, origin=origin, lines=np.array(lines, dtype=np.int64))


def _typed_row(head: list[tuple[str, str | None]], cells: Sequence[Cell],
               where: str) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for (name, unit), cell in zip(head, cells, strict=True):
        at = f"{where}, column {name}"
        if name in ("start", "end"):
            row[name] = _date_cell(cell, at)
        elif name.endswith("_meter") or unit is None:
            row[name] = _text_cell(cell, at)
        elif cell is None or (isinstance(cell, str) and cell.strip() == ""):
            if not name.endswith("_meter_error"):
                raise InputError("missing monitored value", field=at,
                                 expected=f"a number in {unit}")
        elif isinstance(cell, str):
            raise InputError("text in a number column", field=at, value=cell,
                             expected=f"a number cell in {unit} (not text that looks like a "
                                      "number)")
        elif isinstance(cell, bool) or not isinstance(cell, int | float):
            raise InputError(f"a {_kind(cell)} in a number column", field=at,
                             value=str(cell), expected=f"a number in {unit}")
        elif not math.isfinite(value := float(cell)):
            raise InputError("not a finite number", field=at, value=repr(value),
                             expected="a finite decimal number")
        else:
            row[name] = {"value": value, "unit": unit}
    return row


def _kind(cell: object) -> str:
    return ("date" if isinstance(cell, dt.date) else "truth value" if isinstance(cell, bool)
            else type(cell).__name__)


def _date_cell(cell: Cell, at: str) -> object:
    """A date cell as a date (a date-time must be midnight) or text; numbers stay numbers."""
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time(0):
            raise InputError("a date-time, not a date", field=at, value=cell.isoformat(),
                             expected="a whole day (a date without a time of day)")
        return cell.date()
    if isinstance(cell, str):
        return cell.strip()
    return cell  # a date, or a number that _date refuses by name


def _text_cell(cell: Cell, at: str) -> str:
    if cell is None:
        return ""
    if not isinstance(cell, str):
        raise InputError(f"a {_kind(cell)} in a text column", field=at, value=str(cell),
                         expected="text, e.g. ok, out_of_tolerance or uncalibrated")
    return cell.strip()
