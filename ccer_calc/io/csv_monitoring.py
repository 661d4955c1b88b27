"""Monitoring CSV files read column by column.

A header cell is ``name [unit]`` (``export [MWh]``, ``import [kWh]``); ``start`` and ``end`` are
dates or date-times (:mod:`ccer_calc.io.timestamps`). The file is read in this order, so a bad
date is reported before any value is parsed:

1. the header: each column once, each monitored column present with a unit, each unit parsed
   once;
2. the rows: blank lines skipped, each row with as many cells as the header;
3. the dates of every row, their kind (dates, or date-times with or without offset, never
   mixed), and their order (no row ending before it starts or overlapping the previous one);
4. each monitored column as one float64 array, converted to the methodology's unit in one
   operation and checked against its physical range (:mod:`ccer_calc.bounds`) at once; then its
   meter status and meter error columns.

Every message names the file as the user wrote it, the 1-based CSV line and the column, as the
row-by-row reader did.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.files import check_rows
from ccer_calc.io.table import (
    METER_ERROR,
    STATUSES,
    Head,
    check_header,
    dated_table,
    parse_header,
)
from ccer_calc.io.timestamps import parse_stamp_columns
from ccer_calc.periods import DEFAULT_UTC_OFFSET, Floats, MonitoringTable, check_row_order
from ccer_calc.units import Quantity, magnitude_in, parse_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn

__all__ = ["csv_cells", "csv_table"]


def _rows(reader: Any, width: int, origin: str, *, quoted: bool  # noqa: ANN401 - csv's type
          ) -> tuple[list[list[str]], list[int]]:
    """The non-blank rows and their 1-based lines; each row has ``width`` cells.

    Without a quote character in the file every row is one line, so the rows are read at once
    and only the few of another width or with a blank first cell are looked at one by one.
    """
    if not quoted:
        try:
            rows = list(reader)
        except csv.Error as exc:  # e.g. a NUL byte
            raise InputError(f"unreadable CSV: {exc}", field=f"{origin}: line "
                             f"{reader.line_num}") from None
        odd = [k for k, r in enumerate(rows) if len(r) != width or not r[0].strip()]
        lines = list(range(2, len(rows) + 2))
        drop = set()
        for k in odd:
            if not "".join(rows[k]).strip():
                drop.add(k)
            elif len(rows[k]) != width:
                raise _wrong_width(origin, lines[k], len(rows[k]), width)
        if drop:
            rows = [r for k, r in enumerate(rows) if k not in drop]
            lines = [n for k, n in enumerate(lines) if k not in drop]
        return rows, lines
    rows = []
    lines = []
    try:
        for cells in reader:
            if not "".join(cells).strip():
                continue
            if len(cells) != width:
                raise _wrong_width(origin, reader.line_num, len(cells), width)
            rows.append(cells)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", field=f"{origin}: line {reader.line_num}"
                         ) from None
    return rows, lines


def _wrong_width(origin: str, line: int, got: int, width: int) -> InputError:
    return InputError("wrong number of cells", field=f"{origin}: line {line}", value=got,
                      expected=f"{width} cells")


def _numbers(cells: Sequence[str], unit: str, where: Callable[[int], str]) -> Floats:
    """Parse a column of decimal numbers at once (numpy reads each cell as ``float`` does).

    Raises
    ------
    InputError
        Naming the first cell that is missing, not a number, or not finite.
    """
    try:
        values = np.array(cells, dtype=np.float64)
    except ValueError:
        values = _numbers_one_by_one(cells, unit, where)
    finite = np.isfinite(values)
    if not finite.all():
        i = int(np.flatnonzero(~finite)[0])
        raise InputError("not a finite number", field=where(i), value=cells[i].strip(),
                         expected="a finite decimal number")
    return values


def _given_numbers(cells: Sequence[str], unit: str, where: Callable[[int], str]) -> Floats:
    """:func:`_numbers` of the cells that are not blank, NaN where blank.

    Only the given cells are parsed; a message names the cell's own line.
    """
    given = [i for i, cell in enumerate(cells) if cell.strip()]
    out = np.full(len(cells), np.nan)
    if given:
        out[given] = _numbers([cells[i] for i in given], unit, lambda k: where(given[int(k)]))
    return out


def _numbers_one_by_one(cells: Sequence[str], unit: str, where: Callable[[int], str]
                        ) -> Floats:
    """The slow path of :func:`_numbers`, cell by cell, to name the first bad cell."""
    values = np.empty(len(cells), dtype=np.float64)
    for i, cell in enumerate(cells):
        text = cell.strip()
        if text == "":
            raise InputError("missing monitored value", field=where(i),
                             expected=f"a number in {unit}") from None
        try:
            values[i] = float(text)
        except ValueError:
            raise InputError("not a number", field=where(i), value=text,
                             expected="a decimal number such as 1250.5") from None
    return values


def _unit(text: str, declared: str, where: Callable[[], str]) -> pint.Unit:
    """A header unit, parsed once, of the dimension of the column's declared unit.

    ``where()`` names the first cell of the column, for messages.
    """
    fits = _fits(text, declared)
    if fits is not None:
        return fits
    try:
        unit = parse_unit(text)
    except ValueError as exc:
        raise InputError(str(exc), field=where(), expected=f"a quantity in {declared or '%'}"
                         ) from None
    raise UnitError("wrong unit", field=where(), value=f"{unit:~}",
                    expected=f"a unit convertible to {declared or '% (a fraction)'}")


@functools.lru_cache(maxsize=256)
def _fits(text: str, declared: str) -> pint.Unit | None:
    """The unit ``text`` if it is one of the dimension of ``declared``, else None.

    Cached by the two texts, as :func:`~ccer_calc.units.parse_unit` is; :func:`_unit` says
    what is wrong with a None, naming the cell.
    """
    try:
        unit = parse_unit(text)
    except ValueError:
        return None
    return unit if unit.dimensionality == parse_unit(declared).dimensionality else None


class _Reader:
    """The parsed rows of one file, as columns, with the labels of its cells."""

    def __init__(self, head: Head, columns: Sequence[Sequence[str]], lines: Sequence[int],
                 origin: str) -> None:
        self.units = dict(head)
        # no text columns at all: a subclass reading typed arrays (memory_table._Arrays)
        self.cells = dict(zip([n for n, _ in head], columns, strict=True)) if columns else {}
        self.lines = (np.arange(lines.start, lines.stop, dtype=np.int64)
                      if isinstance(lines, range) and lines.step == 1
                      else np.asarray(lines, dtype=np.int64))
        self.origin = origin

    def where(self, column: str) -> Callable[[int], str]:
        lines, origin = self.lines, self.origin
        return lambda i: f"{origin}: line {int(lines[i])}, column {column}"

    def dates(self, utc_offset: int) -> MonitoringTable:
        """The rows' dates parsed, of one kind, and in order: before any value is read."""
        if not len(self.lines):
            empty = np.array([], dtype="datetime64[s]")
            return dated_table(empty, empty, "date", origin=self.origin, lines=self.lines,
                               utc_offset=utc_offset)
        start, end, kind = parse_stamp_columns(self.cells["start"], self.cells["end"],
                                               self.where, utc_offset)
        table = dated_table(start, end, kind, origin=self.origin, lines=self.lines,
                            utc_offset=utc_offset)
        check_row_order(table)
        return table

    def values(self, c: MonitoredColumn) -> Floats:
        cells = self.cells[c.name]
        where = self.where(c.name)
        header = str(self.units[c.name])
        target = parse_unit(c.unit)
        unit = _unit(header, c.unit, lambda: where(0)) if cells else target
        raw = _numbers(cells, header, where)
        if unit is target:  # the header's unit is written as declared: nothing to convert
            mags = raw
        else:
            with np.errstate(over="ignore"):  # overflow gives inf, refused as out of range
                mags = np.asarray(magnitude_in(raw, unit, target))
        c.bounds.check(mags, c.unit, where)
        return mags

    def status(self, c: MonitoredColumn) -> np.ndarray[Any, np.dtype[np.str_]]:
        name = f"{c.name}_meter"
        texts = [cell.strip() or "ok" for cell in self.cells.get(name, ())] \
            or ["ok"] * len(self.lines)
        unknown = set(texts) - STATUSES
        if unknown:
            i = next(k for k, t in enumerate(texts) if t in unknown)
            raise InputError("unknown meter status", field=self.where(name)(i), value=texts[i],
                             expected="one of " + ", ".join(sorted(STATUSES)))
        return np.array(texts, dtype=np.str_)

    def meter_error(self, c: MonitoredColumn, status: np.ndarray) -> Floats:
        """The meter errors as fractions, NaN where blank; only the given cells are parsed.

        Raises
        ------
        InputError
            Naming the first given cell that is not a finite number or not in (-100 %, 100 %),
            else the first row out of tolerance without its error.
        """
        name = f"{c.name}_meter_error"
        where = self.where(name)
        errors = np.full(len(self.lines), np.nan)
        cells = self.cells.get(name, ())
        if cells and "".join(cells).strip():  # a column of blank cells gives no error
            header = str(self.units[name])
            raw = _given_numbers(cells, header, where)
            with np.errstate(over="ignore"):
                errors = np.asarray(magnitude_in(raw, parse_unit(header), parse_unit("")),
                                    dtype=np.float64)
            METER_ERROR.check(np.where(np.isnan(raw), 0.0, errors), "", where)
        tolerance = status == "out_of_tolerance"
        if tolerance.any():
            missing = np.flatnonzero(tolerance & np.isnan(errors))
            if missing.size:
                raise InputError("meter found out of tolerance but its basic error is "
                                 "missing", field=where(int(missing[0])),
                                 expected="the actual basic error found at calibration, "
                                          "e.g. 0.8 %")
        return errors


def csv_table(text: str, columns: Sequence[MonitoredColumn], *, origin: str,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
    """Parse CSV text (header cells with units) into a table, column by column.

    Parameters
    ----------
    text : str
        The decoded CSV text.
    columns : sequence of MonitoredColumn
        The project's monitored columns.
    origin : str
        The CSV path as the user wrote it, for messages.
    utc_offset : int
        Minutes east of UTC of the project's calendar (UTC+08:00 by default).

    Raises
    ------
    InputError, UnitError
        Naming the path, line and column of anything unreadable, missing or out of range.
    """
    check_rows(max(0, text.count("\n") - 1), origin)
    data = _plain_file(text, columns, origin) or _any_file(text, columns, origin)
    return _assemble(data, columns, utc_offset)


def _assemble(data: _Reader, columns: Sequence[MonitoredColumn],
              utc_offset: int) -> MonitoringTable:
    """The table, read in the order every source keeps: names, dates, then column by column.

    Each monitored column's values, then its meter status and meter error, through the
    reader's methods (:class:`_Reader` over text cells, or a subclass over typed arrays).
    """
    _check_names(data, columns)
    table = data.dates(utc_offset)
    values: dict[str, pint.Quantity] = {}
    status: dict[str, np.ndarray[Any, np.dtype[np.str_]]] = {}
    errors: dict[str, Floats] = {}
    for c in columns:
        values[c.name] = Quantity(data.values(c), parse_unit(c.unit))
        status[c.name] = data.status(c)
        errors[c.name] = data.meter_error(c, status[c.name])
    return MonitoringTable(table.start, table.end, values, status, errors, origin=data.origin,
                           lines=data.lines, t_start=table.t_start, t_end=table.t_end,
                           utc_offset=utc_offset)


def csv_cells(text: str, columns: Sequence[MonitoredColumn], *, origin: str
              ) -> tuple[dict[str, str | None], dict[str, Sequence[str]]]:
    """The header's units and each column's cells as written, one per row of :func:`csv_table`.

    For a caller that must pass cells on as the user wrote them (the service's inline body).
    """
    data = _plain_file(text, columns, origin) or _any_file(text, columns, origin)
    return data.units, data.cells


def _any_file(text: str, columns: Sequence[MonitoredColumn], origin: str) -> _Reader:
    """Any CSV file (quotes, blank lines, any line breaks), read by the csv module."""
    reader = csv.reader(text.splitlines())
    try:
        head = parse_header(next(reader), origin)
    except StopIteration:
        raise InputError("monitoring CSV is empty", field="monitoring.csv", value=origin,
                         expected="a header line such as 'start,end,export [MWh]' and rows"
                         ) from None
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", field=f"{origin}: line 1") from None
    check_header(head, columns, origin)
    rows, lines = _rows(reader, len(head), origin, quoted='"' in text)
    cells = list(zip(*rows, strict=True)) if rows else [()] * len(head)
    del rows  # the columns hold the cells now; a long file's rows are freed
    return _Reader(head, cells, lines, origin)


#: What the plain reader leaves to the csv module: quotes, NUL, and every line break other than
#: LF and CRLF that str.splitlines knows (and \x1f, which str.strip takes for a space).
_NOT_PLAIN = re.compile(r'["\x00\r\x0b\x0c\x1c-\x1f]')
_COMMA, _SPACE, _TAB, _LF = ord(","), ord(" "), ord("\t"), ord("\n")


def _plain_file(text: str, columns: Sequence[MonitoredColumn], origin: str) -> _Reader | None:
    """A plain file split into columns at once; None for any other file.

    Plain: ASCII, no quotes, LF or CRLF line ends, no blank line, every row as wide as the
    header -- what meters and SCADA systems export. Any other file is read line by line by
    ``_any_file``, which gives the same cells and names the line of a row that is not right.
    """
    if not text.isascii():
        return None
    plain = text.replace("\r\n", "\n") if "\r" in text else text
    if _NOT_PLAIN.search(plain):
        return None
    first, _, body = plain.rstrip("\n").partition("\n")
    if not first.strip():
        return None
    head = parse_header(first.split(","), origin)
    width = len(head)
    if not body:
        return None  # a header alone: the general reader says what is missing
    rows = (_plain_rows_few if body.count("\n") < _FEW_ROWS else _plain_rows_many)(body, width)
    if rows is None:
        return None  # a row of another width, or a blank one: named by the general reader
    check_header(head, columns, origin)
    flat = body.replace("\n", ",").split(",")
    cells = [flat[k::width] for k in range(width)]
    del flat
    return _Reader(head, cells, range(2, rows + 2), origin)


#: Below this many rows the rows of a plain file are checked as strings (a dozen string
#: operations), above it as one byte array (fewer operations per byte, more per call).
_FEW_ROWS = 200


def _plain_rows_few(body: str, width: int) -> int | None:
    """The number of rows if each has ``width`` cells and none is blank; else None."""
    rows = body.split("\n")
    if not all(map(str.strip, rows, repeat(", \t"))):
        return None  # a row of only commas, spaces and tabs (or none) is blank
    if set(map(str.count, rows, repeat(","))) != {width - 1}:
        return None
    return len(rows)


def _plain_rows_many(body: str, width: int) -> int | None:
    """:func:`_plain_rows_few` for a long body, on its bytes at once."""
    b = np.frombuffer(body.encode("ascii"), dtype=np.uint8)
    breaks = np.flatnonzero(b == _LF)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [b.size]))
    commas = np.flatnonzero(b == _COMMA)
    fill = np.flatnonzero((b == _COMMA) | (b == _SPACE) | (b == _TAB))

    def per_line(positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(positions, ends) - np.searchsorted(positions, starts)

    if np.any(per_line(commas) != width - 1) or np.any(per_line(fill) == ends - starts):
        return None
    return int(starts.size)


def _check_names(data: _Reader, columns: Sequence[MonitoredColumn]) -> None:
    known = {"start", "end"}
    for c in columns:
        known |= {c.name, f"{c.name}_meter", f"{c.name}_meter_error"}
    unknown = sorted(set(data.units) - known)
    if not len(data.lines):
        return
    if unknown:
        raise InputError("unknown column", field=data.where(unknown[0])(0),
                         expected="one of " + ", ".join(sorted(known)))
    for key in ("start", "end"):
        if key not in data.units:
            raise InputError("missing date", field=data.where(key)(0),
                             expected="an ISO date YYYY-MM-DD")
