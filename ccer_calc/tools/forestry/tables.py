"""Column-wise reading of CSV text whose header cells carry units (``diameter [cm]``).

Shared by the packaged data tables of the A/R tools and by the inventory reader in
:mod:`ccer_calc.io.inventory`: each header's unit is parsed once and each numeric column is
converted with one array operation; a cell that does not convert is then located and reported
with its 1-based CSV line. Lines starting with ``#`` are comments (the data files' source
headers) and blank lines are skipped; both still count for line numbers.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.units import Quantity, parse_unit

__all__ = ["CsvTable", "parse_csv_table"]

_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.*)\])?\s*$")
_SKIPPED = re.compile(r"^[ \t]*(?:#|\r?$)", re.MULTILINE)  # a comment or blank line

Arr = np.ndarray[Any, np.dtype[Any]]


@dataclass(frozen=True)
class CsvTable:
    """The text cells of a CSV table by column, with each column's unit and each row's line.

    Parameters
    ----------
    source : str
        Name of the file (or packaged table) for error messages.
    units : dict of str to str or None
        Unit written in each header cell (``None`` when the header has no ``[unit]``).
    cells : dict of str to list of str
        Stripped cell texts of each column, one per data row.
    lines : ndarray of int
        1-based line number of each data row in the file.
    """

    source: str
    units: dict[str, str | None]
    cells: dict[str, list[str]]
    lines: Arr

    def __len__(self) -> int:
        return len(self.lines)

    def where(self, row: int, column: str | None = None) -> str:
        """``file: line N[, column c]`` of a data row (0-based row position)."""
        text = f"{self.source}: line {int(self.lines[row])}"
        return f"{text}, column {column}" if column else text

    def require(self, *names: str) -> None:
        """Refuse a table that lacks one of the named columns."""
        for name in names:
            if name not in self.cells:
                raise InputError("CSV lacks a column", field=f"{self.source}: line 1",
                                 value=name, expected="columns " + ", ".join(names))

    def text(self, name: str, *, allow_empty: bool = False) -> list[str]:
        """The cells of a text column; empty cells are refused unless allowed."""
        self.require(name)
        cells = self.cells[name]
        if not allow_empty and "" in cells:
            i = cells.index("")
            raise InputError("missing value", field=self.where(i, name), expected=f"a {name}")
        return cells

    def quantity(self, name: str, unit: str, *, allow_empty: bool = False) -> pint.Quantity:
        """A numeric column converted to ``unit`` with one array operation.

        The header must carry a unit of the same dimension (``[cm]`` for a length). Empty
        cells become NaN when ``allow_empty`` is true and are refused otherwise.
        """
        self.require(name)
        written = self.units[name]
        target = parse_unit(unit)
        if written is None:
            if target.dimensionality:
                raise UnitError("CSV column has no unit", field=f"{self.source}: {name}",
                                expected=f"a header '{name} [{unit}]'")
            written = unit
        try:
            source_unit = parse_unit(written)
        except ValueError:
            raise UnitError("unknown unit in CSV header", field=f"{self.source}: {name}",
                            value=written, expected=f"a unit convertible to {unit}") from None
        if source_unit.dimensionality != target.dimensionality:
            raise UnitError("wrong unit in CSV header", field=f"{self.source}: {name}",
                            value=written, expected=f"a unit convertible to {unit}")
        mags = self._floats(name, allow_empty=allow_empty)
        return Quantity(mags, source_unit).to(target)

    def _floats(self, name: str, *, allow_empty: bool) -> Arr:
        cells = self.cells[name]
        empty = None
        if "" in cells and allow_empty:
            empty = np.array([c == "" for c in cells], dtype=bool)
            raw = ["nan" if e else c for c, e in zip(cells, empty, strict=True)]
        else:
            raw = cells
        try:
            out = np.array(raw, dtype=np.float64)
        except ValueError:
            out = None
        if out is not None and np.all(np.isfinite(out) | (empty if empty is not None else False)):
            return out
        for i, cell in enumerate(cells):  # error path only: name the first bad cell
            if cell == "":
                if not allow_empty:
                    raise InputError("missing value", field=self.where(i, name),
                                     expected="a decimal number")
                continue
            try:
                v = float(cell)
            except ValueError:
                raise InputError("not a number", field=self.where(i, name), value=cell,
                                 expected="a decimal number such as 12.5") from None
            if not np.isfinite(v):
                raise InputError("not a finite number", field=self.where(i, name),
                                 value=cell, expected="a finite decimal number")
        raise AssertionError("unreachable: some cell failed to convert")  # pragma: no cover

    def dates(self, name: str) -> Arr:
        """A column of ISO dates as ``datetime64[D]`` (one conversion, errors by line)."""
        cells = self.text(name)
        try:
            return np.array(cells, dtype="datetime64[D]")
        except ValueError:
            for i, cell in enumerate(cells):
                try:
                    np.datetime64(cell, "D")
                except ValueError:
                    raise InputError("not a date", field=self.where(i, name), value=cell,
                                     expected="an ISO date YYYY-MM-DD") from None
            raise  # pragma: no cover - some cell failed above


def _data_lines(text: str) -> tuple[list[str], Arr]:
    """Lines that hold data, with their 1-based numbers (comments and blank lines dropped)."""
    raw = text.splitlines()
    if not _SKIPPED.search(text.rstrip("\r\n")):  # fast path: every line holds data
        return raw, np.arange(1, len(raw) + 1, dtype=np.int64)
    keep = [i for i, ln in enumerate(raw) if ln.strip() and not ln.lstrip().startswith("#")]
    return [raw[i] for i in keep], np.array(keep, dtype=np.int64) + 1


def _column(cells: list[str]) -> list[str]:
    """A column's cells without surrounding blanks (stripping only where there are any)."""
    joined = "\x00" + "\x00".join(cells) + "\x00"
    if " \x00" in joined or "\x00 " in joined or "\t" in joined:
        return [c.strip() for c in cells]
    return cells


def _split(body: list[str], width: int, source: str, numbers: Arr) -> list[list[str]]:
    """The columns of the data lines; every line must hold ``width`` cells.

    Without quotes, cells are split in bulk (one ``split`` of the joined text, sliced per
    column) after checking each line's comma count; quoted CSV goes through ``csv.reader``.
    """
    if '"' in "".join(body):
        rows = list(csv.reader(body))
        lengths = [len(r) for r in rows]
    else:
        rows = []
        lengths = [c + 1 for c in map(str.count, body, itertools.repeat(","))]
    if lengths.count(width) != len(lengths):
        k = next(k for k, n in enumerate(lengths) if n != width)
        raise InputError("wrong number of cells", field=f"{source}: line {numbers[k]}",
                         value=lengths[k], expected=f"{width} cells")
    if rows:
        return [list(c) for c in zip(*rows, strict=True)]
    flat = ",".join(body).split(",") if body else []
    return [flat[k::width] for k in range(width)]


def parse_csv_table(text: str, source: str) -> CsvTable:
    """Split CSV text into columns, parsing each header's unit once.

    Raises
    ------
    InputError
        For an empty table, an unreadable or duplicated header cell, or a row with the wrong
        number of cells (naming its line).
    """
    data, numbers = _data_lines(text)
    if not data:
        raise InputError("CSV is empty", field=source, expected="a header line and rows")
    head_line = int(numbers[0])
    names: list[str] = []
    units: dict[str, str | None] = {}
    for cell in (c.strip() for c in next(csv.reader(data[:1]))):
        m = _HEADER.match(cell)
        if not m:
            raise InputError("unreadable CSV header cell", field=f"{source}: line {head_line}",
                             value=cell, expected="name [unit], e.g. 'diameter [cm]'")
        if m.group(1) in units:
            raise InputError("duplicate CSV column", field=f"{source}: line {head_line}",
                             value=m.group(1), expected="each column once")
        names.append(m.group(1))
        units[m.group(1)] = m.group(2).strip() if m.group(2) is not None else None
    cols = _split(data[1:], len(names), source, numbers[1:])
    columns = {n: _column(col) for n, col in zip(names, cols, strict=True)}
    return CsvTable(source, units, columns, numbers[1:])
