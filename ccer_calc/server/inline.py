"""A project file as the JSON body of ``POST /compute``: its monitoring rows and files inlined.

For clients that keep projects as files: the service reads no file from its own disk, so the
monitoring CSV or workbook goes into ``monitoring.data`` (or is uploaded beside the JSON), and
the files a plug-in reads (a forest project's strata, plots, trees, species...) travel in the
body beside the project, by the names the project gives them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from ccer_calc.api import get_methodology
from ccer_calc.errors import InputError
from ccer_calc.io.files import MemoryFiles, read_user_bytes, read_user_text
from ccer_calc.io.projectfile import build_project, read_project_file
from ccer_calc.io.table import quantity_in_unit

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

    def read_text(self, name: str, *, field: str, encoding: str | None = None) -> str:
        text = read_user_text(name, base_dir=self.folder, allow_outside=self.allow_outside,
                              encoding=encoding, field=field)
        if field not in _MONITORING_FIELDS:  # the monitored rows are inlined instead
            self.texts.setdefault(name, text)
        return text

    def read_bytes(self, name: str, *, field: str) -> bytes:
        return read_user_bytes(name, base_dir=self.folder, allow_outside=self.allow_outside,
                               field=field)


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
    read from the file, unchanged), its meter status and, where given, its meter error as a
    percentage (the only unit a meter error may have) that reads back to the very same
    fraction, so the service computes the same result and fingerprint as ``ccer-calc
    compute``. A project whose plug-in reads files of its own (inventories) becomes
    ``{"project": {...}, "files": {name: text}}``: the project unchanged, and the text of
    every file it read (decoded as the engine decoded it) under the name it gives; any other
    project is the bare project.

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
        data = {**data, "monitoring": _inline_rows(data["monitoring"], project)}
    body = _plain(data)
    return {"project": body, "files": folder.texts} if folder.texts else body


def _inline_rows(monitoring: dict[str, Any], project: Any) -> dict[str, Any]:  # noqa: ANN401
    """``monitoring`` with the project's monitored rows as ``data`` instead of a file."""
    columns = get_methodology(project.methodology_id).monitored_columns_for(project.inputs)
    t = project.table
    rows = []
    for i in range(len(t)):
        row: dict[str, Any] = {"start": str(t.start[i]), "end": str(t.end[i])}
        for c in columns:
            row[c.name] = {"value": float(t.columns[c.name].magnitude[i]), "unit": c.unit}
            row[f"{c.name}_meter"] = str(t.meter_status[c.name][i])
            error = float(t.meter_error[c.name][i])
            if not np.isnan(error):
                row[f"{c.name}_meter_error"] = {"value": _percent(error), "unit": "%"}
        rows.append(row)
    kept = {k: v for k, v in monitoring.items() if k not in _FILE_KEYS}
    return {**kept, "data": rows}


def _percent(fraction: float) -> float:
    """A meter error in %, chosen so that reading it back gives exactly ``fraction``.

    ``fraction × 100`` may miss by an ulp (−0.8 % read as −0.008 gives −0.8000000000000002),
    which would change the fingerprint; the short decimal the user wrote usually round-trips,
    else the nearest float that does.
    """
    def back(p: float) -> float:  # as the service reads an inline cell
        return quantity_in_unit({"value": p, "unit": "%"}, "", "meter error")

    start = fraction * 100.0
    candidates = [float(f"{start:.15g}"), start]
    for direction in (np.inf, -np.inf):
        p = start
        for _ in range(8):
            p = float(np.nextafter(p, direction))
            candidates.append(p)
    return next((p for p in candidates if back(p) == fraction), start)
