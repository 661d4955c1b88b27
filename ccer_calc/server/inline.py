"""A project file as the JSON body of ``POST /compute``: its monitoring file inlined as rows.

For clients that keep projects as files: the service reads no file a project names, so the
CSV or workbook goes into ``monitoring.data`` (or is uploaded beside the JSON).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from ccer_calc.api import get_methodology, load_project
from ccer_calc.io.projectfile import read_project_file

__all__ = ["inline_project"]

_FILE_KEYS = ("csv", "excel", "sheet", "encoding")


def _plain(value: Any) -> Any:  # noqa: ANN401 - plain data
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def inline_project(path: str | Path, *, allow_outside: bool = False) -> dict[str, Any]:
    """The project file at ``path`` as JSON-ready data with its monitored rows inline.

    Each row carries every monitored column in the methodology's unit (the float read from
    the file, unchanged), its meter status and, where given, its meter error as a fraction,
    so the service computes the same result and fingerprint as ``ccer-calc compute``.

    Raises
    ------
    InputError, UnitError
        As :func:`ccer_calc.api.load_project`.
    """
    p = Path(path)
    data = read_project_file(p)
    project = load_project(p, allow_outside=allow_outside)
    if "monitoring" not in data:  # an ex-ante project: nothing to inline
        return _plain(data)
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
                row[f"{c.name}_meter_error"] = {"value": error, "unit": "dimensionless"}
        rows.append(row)
    monitoring = {k: v for k, v in data["monitoring"].items() if k not in _FILE_KEYS}
    return _plain({**data, "monitoring": {**monitoring, "data": rows}})
