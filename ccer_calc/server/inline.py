"""A project file as the JSON body of ``POST /compute``: its monitoring rows and files inlined.

For clients that keep projects as files: the service reads no file from its own disk, so the
monitoring CSV or workbook goes into ``monitoring.data`` (or is uploaded beside the JSON), and
the files a plug-in reads (a forest project's strata, plots, trees, species...) travel in the
body beside the project, by the names the project gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccer_calc.api import get_methodology
from ccer_calc.errors import InputError
from ccer_calc.io.csv_monitoring import csv_cells
from ccer_calc.io.files import MemoryFiles, read_user_bytes, read_user_text
from ccer_calc.io.projectfile import build_project, read_project_file
from ccer_calc.io.table import Cell, parse_header

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn

__all__ = ["inline_project"]

_FILE_KEYS = ("csv", "excel", "sheet", "encoding")
_MONITORING_FIELDS = ("monitoring.csv", "monitoring.excel")


class _FromFolder(MemoryFiles):
    """Files read from the project's folder (its usual policy), keeping each text read."""

    def __init__(self, folder: Path, allow_outside: bool) -> None:
        super().__init__({})
        self.folder = folder
        self.allow_outside = allow_outside
        self.texts: dict[str, str] = {}
        self.csv: dict[str, str] = {}  # the monitoring files read, by name
        self.excel: dict[str, bytes] = {}

    def read_text(self, name: str, *, field: str, encoding: str | None = None) -> str:
        text = read_user_text(name, base_dir=self.folder, allow_outside=self.allow_outside,
                              encoding=encoding, field=field)
        if field in _MONITORING_FIELDS:  # the monitored rows are inlined instead
            self.csv.setdefault(name, text)
        else:
            self.texts.setdefault(name, text)
        return text

    def read_bytes(self, name: str, *, field: str) -> bytes:
        data = read_user_bytes(name, base_dir=self.folder, allow_outside=self.allow_outside,
                               field=field)
        if field in _MONITORING_FIELDS:
            self.excel.setdefault(name, data)
        return data


def _plain(value: Any) -> Any:  # noqa: ANN401 - plain data
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def inline_project(path: str | Path, *, allow_outside: bool = False) -> dict[str, Any]:
    """The project file at ``path`` as a JSON-ready request body for ``POST /compute``.

    Each monitored row carries every monitored column in the methodology's unit (the float
    the engine holds, which reads back untouched in its own unit), its meter status and, where
    given, its meter error as the user wrote it (the cell's number with the header's unit, or
    the inline value itself), which the service converts as the engine converted it, so it
    computes the same result and fingerprint as ``ccer-calc compute``. A project whose
    plug-in reads files of its own (inventories) becomes ``{"project": {...}, "files":
    {name: text}}``: the project unchanged, and the text of every file it read (decoded as the
    engine decoded it) under the name it gives; any other project is the bare project.

    Raises
    ------
    InputError, UnitError
        As :func:`ccer_calc.api.load_project`.
    """
    p = Path(path)
    data = read_project_file(p)
    folder = _FromFolder(p.parent, allow_outside)
    mid = data.get("methodology")
    if not isinstance(mid, str):
        raise InputError("missing methodology id", field="methodology",
                         expected="e.g. methodology = \"CCER-01-002-V01\"")
    project = build_project(data, get_methodology(mid), None, p, memory=folder, checked=True)
    if "monitoring" in data and project.data is None:
        data = {**data, "monitoring": _inline_rows(data["monitoring"], project, folder)}
    body = _plain(data)
    return {"project": body, "files": folder.texts} if folder.texts else body


def _inline_rows(monitoring: dict[str, Any], project: Any,  # noqa: ANN401
                 folder: _FromFolder) -> dict[str, Any]:
    """``monitoring`` with the project's monitored rows as ``data`` instead of a file."""
    columns = get_methodology(project.methodology_id).monitored_columns_for(project.inputs)
    errors = _written_errors(monitoring, columns, folder)
    t = project.table
    # date rows by their days; timed rows by their local times (the days alone would overlap)
    start, end = (t.start, t.end) if t.t_start is None or t.t_end is None else (t.t_start,
                                                                                t.t_end)
    rows = []
    for i in range(len(t)):
        row: dict[str, Any] = {"start": str(start[i]), "end": str(end[i])}
        for c in columns:
            row[c.name] = {"value": float(t.columns[c.name].magnitude[i]), "unit": c.unit}
            row[f"{c.name}_meter"] = str(t.meter_status[c.name][i])
            error = errors[c.name][i] if c.name in errors else None
            if error is not None:
                row[f"{c.name}_meter_error"] = error
        rows.append(row)
    kept = {k: v for k, v in monitoring.items() if k not in _FILE_KEYS}
    return {**kept, "data": rows}


def _written_errors(monitoring: dict[str, Any], columns: Sequence[MonitoredColumn],
                    folder: _FromFolder) -> dict[str, list[Any]]:
    """Each column's meter-error cells as written, one per row (None where blank).

    A cell of a file becomes ``{value, unit}``: the number the file's reader parses from it
    (``float`` of its text or number) and the unit of its header, which the service converts
    as the reader converted it. Inline rows keep each value as it is.
    """
    names = {f"{c.name}_meter_error": c.name for c in columns}
    units: Mapping[str, str | None]
    cells: Mapping[str, Sequence[Cell]]
    if monitoring.get("csv"):
        units, cells = csv_cells(folder.csv[monitoring["csv"]], columns,
                                 origin=monitoring["csv"])
    elif monitoring.get("excel"):
        units, cells = _sheet_cells(monitoring, folder)
    else:
        rows = monitoring.get("data") or []
        return {c: [r.get(n) for r in rows] for n, c in names.items()}
    return {c: [_cell(x, units[n]) for x in cells[n]] for n, c in names.items() if n in units}


def _sheet_cells(monitoring: dict[str, Any], folder: _FromFolder
                 ) -> tuple[dict[str, str | None], dict[str, list[Cell]]]:
    """The header's units and each column's cells of the project's monitoring sheet."""
    from ccer_calc.io.excel import xlsx_cells  # noqa: PLC0415 - optional extra inside

    name = monitoring["excel"]
    header, rows = xlsx_cells(folder.excel[name], name=name, sheet=monitoring.get("sheet"),
                              max_unpacked_bytes=folder.max_unpacked_bytes)
    head = parse_header(header, name)
    return dict(head), {n: [r[k] for r in rows] for k, (n, _) in enumerate(head)}


def _cell(cell: str | Cell, unit: str | None) -> dict[str, Any] | None:
    """A meter-error cell of a file (text or number) as ``{value, unit}``; None when blank."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, dt.date):  # pragma: no cover - the sheet's reader refused it
        raise InputError("a date in a number column", field=f"meter error [{unit}]",
                         value=str(cell), expected="a number")
    return {"value": float(cell), "unit": unit}
