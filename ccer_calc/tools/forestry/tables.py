"""Column-wise reading of CSV text whose header cells carry units (``diameter [cm]``).

Shared by the packaged data tables of the A/R tools and by the inventory reader in
:mod:`ccer_calc.io.inventory`: each header's unit is parsed once and each numeric column is
converted with one array operation; a cell that does not convert is then located and reported
with its 1-based CSV line. Lines starting with ``#`` are comments (the data files' source
headers) and blank lines are skipped; both still count for line numbers.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.units import Quantity, parse_unit

__all__ = ["CsvTable", "parse_csv_table"]

_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.*)\])?\s*$")

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
        if not allow_empty:
            for i, cell in enumerate(cells):
                if cell == "":
                    raise InputError("missing value", field=self.where(i, name),
                                     expected=f"a {name}")
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
        empty = np.array([c == "" for c in cells], dtype=bool)
        try:
            out = np.array(["nan" if e else c for c, e in zip(cells, empty, strict=True)],
                           dtype=np.float64)
        except ValueError:
            out = None
        if out is not None and np.all(np.isfinite(out) | empty) and (
                allow_empty or not empty.any()):
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


def parse_csv_table(text: str, source: str) -> CsvTable:
    """Split CSV text into columns, parsing each header's unit once.

    Raises
    ------
    InputError
        For an empty table, an unreadable or duplicated header cell, or a row with the wrong
        number of cells (naming its line).
    """
    rows: list[tuple[int, list[str]]] = []
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1)
                if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.reader(ln for _, ln in numbered)
    for (lineno, _), cells in zip(numbered, reader, strict=True):
        rows.append((lineno, [c.strip() for c in cells]))
    if not rows:
        raise InputError("CSV is empty", field=source, expected="a header line and rows")
    head_line, head = rows[0]
    names: list[str] = []
    units: dict[str, str | None] = {}
    for cell in head:
        m = _HEADER.match(cell)
        if not m:
            raise InputError("unreadable CSV header cell", field=f"{source}: line {head_line}",
                             value=cell, expected="name [unit], e.g. 'diameter [cm]'")
        if m.group(1) in units:
            raise InputError("duplicate CSV column", field=f"{source}: line {head_line}",
                             value=m.group(1), expected="each column once")
        names.append(m.group(1))
        units[m.group(1)] = m.group(2).strip() if m.group(2) is not None else None
    for lineno, cells in rows[1:]:
        if len(cells) != len(names):
            raise InputError("wrong number of cells", field=f"{source}: line {lineno}",
                             value=len(cells), expected=f"{len(names)} cells")
    columns = {n: [r[1][k] for r in rows[1:]] for k, n in enumerate(names)}
    lines = np.array([r[0] for r in rows[1:]], dtype=np.int64)
    return CsvTable(source, units, columns, lines)
