"""Project files in TOML or JSON, validated into a :class:`~ccer_calc.project.Project`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ValidationError

from ccer_calc.errors import InputError
from ccer_calc.io.table import read_csv_table, table_from_rows
from ccer_calc.periods import check_periods
from ccer_calc.project import Project, ProjectSpec

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology

__all__ = ["build_project", "read_project_file", "validation_error"]


def read_project_file(path: Path) -> dict[str, Any]:
    """Parse a ``.toml`` or ``.json`` project file into plain data.

    Raises
    ------
    InputError
        If the file cannot be read, has another extension, or is malformed (with the line).
    """
    suffix = path.suffix.lower()
    if suffix not in {".toml", ".json"}:
        raise InputError("unsupported project file type", field="project", value=path.name,
                         expected="a .toml or .json file")
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read project file: {exc.strerror}", field="project",
                         value=str(path)) from None
    try:
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed TOML: {exc}", field=path.name) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         field=path.name) from None
    if not isinstance(data, dict):
        raise InputError("a project file must hold a table/object at the top", field=path.name)
    return data


def validation_error(exc: ValidationError, prefix: str = "") -> InputError:
    """Turn pydantic's first error into an InputError naming the dotted field path."""
    err = exc.errors()[0]
    loc = prefix + ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in err["loc"])
    loc = loc.replace(".[", "[")
    msg = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    shown = value if isinstance(value, str | int | float | bool) else None
    more = len(exc.errors()) - 1
    if more:
        msg += f" (and {more} more problem{'s' if more > 1 else ''})"
    return InputError(msg, field=loc or None, value=shown)


def _model(model: type[BaseModel], data: Any, prefix: str) -> BaseModel:  # noqa: ANN401
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, prefix) from None


def build_project(
    data: dict[str, Any], methodology: Methodology, base_dir: Path | None, source: Path | None
) -> Project:
    """Validate plain project data against the engine's shape and the methodology's inputs.

    Raises
    ------
    InputError, UnitError
        With the dotted path of the first offending field.
    """
    spec = cast("ProjectSpec", _model(ProjectSpec, data, ""))
    inputs = _model(methodology.input_model, spec.inputs, "inputs.")
    mon = spec.monitoring
    columns = methodology.monitored_columns_for(inputs)
    if mon.csv and mon.data:
        raise InputError("give monitoring data either inline or as a CSV file, not both",
                         field="monitoring",
                         expected="either [[monitoring.data]] rows or monitoring.csv")
    if mon.csv:
        csv_path = Path(mon.csv)
        if not csv_path.is_absolute():
            csv_path = (base_dir or Path.cwd()) / csv_path
        table = read_csv_table(csv_path, columns)
    else:
        table = table_from_rows(mon.data, columns)
    for name in mon.meters:
        if name not in {c.name for c in columns}:
            raise InputError("meter given for an unknown column", field=f"monitoring.meters.{name}",
                             expected="one of " + ", ".join(c.name for c in columns))
    project = Project(spec=spec, inputs=inputs, table=table, source=source)
    check_periods(project.periods)
    methodology.parameters.check_overrides(project.overrides, methodology=methodology.id)
    return project
