"""Monitoring tables from inline rows or CSV files whose headers carry units.

A CSV header cell is ``name [unit]`` (``export [MWh]``, ``import [kWh]``); ``start`` and ``end``
are ISO dates. Per metered column, optional ``<name>_meter`` (ok, out_of_tolerance,
uncalibrated) and ``<name>_meter_error [%]`` give the calibration status and the actual basic
error of §7.3.4 of the CCER energy methodologies.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.periods import MeterStatus, MonitoringTable
from ccer_calc.project import parse_quantity
from ccer_calc.units import Quantity, parse_unit

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn

__all__ = ["read_csv_table", "table_from_rows"]

_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.*)\])?\s*$")
_STATUSES = {s.value for s in MeterStatus}


def _date(raw: object, path: str) -> np.datetime64:
    if isinstance(raw, dt.date):
        return np.datetime64(raw, "D")
    try:
        return np.datetime64(dt.date.fromisoformat(str(raw).strip()), "D")
    except ValueError:
        raise InputError("not a date", field=path, value=raw,
                         expected="an ISO date YYYY-MM-DD") from None


def _finish(  # noqa: PLR0917 - private assembly of the parsed columns
    columns: Sequence[MonitoredColumn],
    start: list[np.datetime64],
    end: list[np.datetime64],
    values: dict[str, pint.Quantity],
    status: dict[str, list[str]],
    error: dict[str, list[float]],
    where: str,
) -> MonitoringTable:
    for col in columns:
        mag = np.asarray(values[col.name].magnitude)
        bad = np.flatnonzero(mag < 0)
        if bad.size:
            i = int(bad[0])
            raise InputError("negative monitored value", field=f"{where}[{i}].{col.name}",
                             value=float(mag[i]), expected=f"a value >= 0 {col.unit}")
    return MonitoringTable(
        start=np.array(start, dtype="datetime64[D]"),
        end=np.array(end, dtype="datetime64[D]"),
        columns=values,
        meter_status={k: np.array(v, dtype=np.str_) for k, v in status.items()},
        meter_error={k: np.array(v, dtype=np.float64) for k, v in error.items()},
    )


def _status(raw: object, path: str) -> str:
    text = "ok" if raw is None or str(raw).strip() == "" else str(raw).strip()
    if text not in _STATUSES:
        raise InputError("unknown meter status", field=path, value=raw,
                         expected="one of " + ", ".join(sorted(_STATUSES)))
    return text


def _in_unit(q: pint.Quantity, unit: str, path: str) -> float:
    target = parse_unit(unit)
    if q.dimensionality != target.dimensionality:
        raise UnitError("wrong unit", field=path, value=f"{q.units:~}",
                        expected=f"a unit convertible to {unit}")
    return float(q.to(target).magnitude)


def table_from_rows(
    rows: Sequence[dict[str, Any]], columns: Sequence[MonitoredColumn]
) -> MonitoringTable:
    """Build a table from inline rows (``monitoring.data`` of a project file).

    Raises
    ------
    InputError, UnitError
        Naming the row and field of a missing, unitless, negative or wrongly dimensioned value.
    """
    known = {"start", "end"}
    for c in columns:
        known |= {c.name, f"{c.name}_meter", f"{c.name}_meter_error"}
    start: list[np.datetime64] = []
    end: list[np.datetime64] = []
    mags: dict[str, list[float]] = {c.name: [] for c in columns}
    status: dict[str, list[str]] = {c.name: [] for c in columns}
    error: dict[str, list[float]] = {c.name: [] for c in columns}
    for i, row in enumerate(rows):
        path = f"monitoring.data[{i}]"
        unknown = sorted(set(row) - known)
        if unknown:
            raise InputError("unknown column", field=f"{path}.{unknown[0]}",
                             expected="one of " + ", ".join(sorted(known)))
        for key in ("start", "end"):
            if key not in row:
                raise InputError("missing date", field=f"{path}.{key}",
                                 expected="an ISO date YYYY-MM-DD")
        start.append(_date(row["start"], f"{path}.start"))
        end.append(_date(row["end"], f"{path}.end"))
        for c in columns:
            fpath = f"{path}.{c.name}"
            if c.name not in row:
                raise InputError("missing monitored value", field=fpath,
                                 expected=f"a quantity in {c.unit}")
            try:
                q = parse_quantity(row[c.name])
            except ValueError as exc:
                raise InputError(str(exc), field=fpath, expected=f"a quantity in {c.unit}"
                                 ) from None
            mags[c.name].append(_in_unit(q, c.unit, fpath))
            status[c.name].append(_status(row.get(f"{c.name}_meter"), f"{fpath}_meter"))
            err = row.get(f"{c.name}_meter_error")
            error[c.name].append(np.nan if err is None else _in_unit(
                parse_quantity(err), "", f"{fpath}_meter_error"))
    values = {c.name: Quantity(np.array(mags[c.name], dtype=np.float64), parse_unit(c.unit))
              for c in columns}
    return _finish(columns, start, end, values, status, error, "monitoring.data")


def _header(cells: Iterable[str], path: str) -> list[tuple[str, str | None]]:
    out = []
    for cell in cells:
        m = _HEADER.match(cell)
        if not m:
            raise InputError("unreadable CSV header cell", field=path, value=cell,
                             expected="name [unit], e.g. 'export [MWh]'")
        out.append((m.group(1), m.group(2)))
    return out


def read_csv_table(  # noqa: PLR0912 - one branch per kind of malformed CSV, each with its message
    path: Path, columns: Sequence[MonitoredColumn]
) -> MonitoringTable:
    """Read monitored rows from a CSV file whose header cells carry units.

    Raises
    ------
    InputError, UnitError
        Naming the file, line and column of anything unreadable or missing.
    """
    try:
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read monitoring CSV: {exc.strerror}", field="monitoring.csv",
                         value=str(path)) from None
    reader = csv.reader(text.splitlines())
    try:
        head = _header(next(reader), f"{path.name}: line 1")
    except StopIteration:
        raise InputError("monitoring CSV is empty", field="monitoring.csv", value=str(path),
                         expected="a header line such as 'start,end,export [MWh]' and rows"
                         ) from None
    names = [h[0] for h in head]
    units = dict(head)
    for c in columns:
        if c.name not in names:
            raise InputError("monitoring CSV lacks a column", field=f"{path.name}: line 1",
                             value=c.name, expected=f"a column '{c.name} [{c.unit}]'")
        if units[c.name] is None:
            raise UnitError("CSV column has no unit", field=f"{path.name}: {c.name}",
                            expected=f"a header '{c.name} [{c.unit}]'")
    rows: list[dict[str, Any]] = []
    for lineno, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise InputError("wrong number of cells", field=f"{path.name}: line {lineno}",
                             value=len(cells), expected=f"{len(names)} cells")
        row: dict[str, Any] = {}
        for (name, unit), cell in zip(head, cells, strict=True):
            cell = cell.strip()  # noqa: PLW2901 - normalised in place
            if name in ("start", "end") or name.endswith("_meter") or unit is None:
                row[name] = cell
            elif cell == "" and name.endswith("_meter_error"):
                continue
            elif cell == "":
                raise InputError("missing monitored value",
                                 field=f"{path.name}: line {lineno}, column {name}",
                                 expected=f"a number in {unit}")
            else:
                row[name] = {"value": _number(cell, path.name, lineno, name), "unit": unit}
        rows.append(row)
    try:
        return table_from_rows(rows, columns)
    except (InputError, UnitError) as exc:  # UnitError is no InputError: name the file too
        exc.field = f"{path.name}: " + (exc.field or "")
        raise


def _number(cell: str, file: str, lineno: int, name: str) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise InputError("not a number", field=f"{file}: line {lineno}, column {name}",
                         value=cell, expected="a decimal number such as 1250.5") from None
    if not np.isfinite(value):
        raise InputError("not a finite number", field=f"{file}: line {lineno}, column {name}",
                         value=cell, expected="a finite decimal number")
    return value
