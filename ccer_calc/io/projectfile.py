"""Project files in TOML or JSON, validated into a :class:`~ccer_calc.project.Project`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ValidationError

from ccer_calc.errors import CcerError, InputError
from ccer_calc.io.csv_monitoring import csv_table
from ccer_calc.io.expected import expected_data, scenario_data
from ccer_calc.io.files import MemoryFiles, ProjectFiles
from ccer_calc.io.plaindata import (
    MAX_DEPTH,
    check_plain_data,
    parse_plain_text,
    read_project_file,
)
from ccer_calc.io.table import check_capacity, empty_table, table_from_rows
from ccer_calc.io.timestamps import parse_utc_offset
from ccer_calc.periods import DEFAULT_UTC_OFFSET, MonitoringTable, check_periods
from ccer_calc.project import MonitoringIn, Project, ProjectData, ProjectSpec

if TYPE_CHECKING:
    from ccer_calc.io.sources import MonitoringSource
    from ccer_calc.methodology import Methodology, MonitoredColumn

__all__ = [
    "MAX_DEPTH",
    "build_project",
    "check_key_dates",
    "check_plain_data",
    "parse_plain_text",
    "read_project_file",
    "validation_error",
]


def validation_error(exc: ValidationError, prefix: str = "") -> InputError:
    """Turn pydantic's first error into an InputError naming the dotted field path."""
    err = exc.errors()[0]
    loc = prefix + ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in err["loc"])
    loc = loc.replace(".[", "[").rstrip(".")
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


def check_key_dates(spec: ProjectSpec, first: dt.date | None = None,
                    what: str = "start of the first monitoring period") -> None:
    """Refuse construction or grid connection dated after monitoring (or crediting) starts.

    A plant cannot deliver monitored electricity before it is built and connected; such a
    date is a typing error that would otherwise pass the management-measure rules. ``first``
    is the first monitoring day by default; the estimate passes the crediting period's start.

    Raises
    ------
    InputError
        Naming the date field, its value and the first monitoring day.
    """
    if first is None and spec.monitoring is not None and spec.monitoring.periods:
        first = spec.monitoring.periods[0].start
    d = spec.dates
    if first is None:
        return
    for name, day in (("construction_start", d.construction_start),
                      ("grid_connection", d.grid_connection)):
        if day is not None and day > first:
            raise InputError(f"{name.replace('_', ' ')} is dated after "
                             f"{'monitoring' if what.endswith('period') else 'crediting'} "
                             "starts", field=f"dates.{name}", value=day.isoformat(),
                             expected=f"a date on or before {first} ({what})")
    if d.grid_connection is not None and d.grid_connection < d.construction_start:
        raise InputError("grid connection is dated before construction starts",
                         field="dates.grid_connection", value=d.grid_connection.isoformat(),
                         expected=f"a date on or after {d.construction_start}")


def _own_tables(spec: ProjectSpec, methodology: Methodology) -> None:
    """Refuse a key of ``[expected]`` that neither the engine nor the plug-in reads."""
    extra = spec.expected.model_extra if spec.expected is not None else None
    if not extra:
        return
    model = methodology.expected_model
    known = sorted(model.model_fields) if model is not None else []
    for key in extra:
        if key not in known:
            raise InputError("unknown key in [expected]", field=f"expected.{key}", value=key,
                             expected="as_of, annual, years" + "".join(f", {k}" for k in known)
                             + f" ({methodology.id})", methodology=methodology.id)


def _expected(spec: ProjectSpec, methodology: Methodology, inputs: BaseModel,
              columns: tuple[MonitoredColumn, ...], files: ProjectFiles) -> ProjectData | None:
    """The estimate's rows: the plug-in's own, else built from ``[expected]``, else None."""
    if spec.ex_ante and spec.expected is not None:
        raise InputError(
            "the PDD's estimate is given twice: typed per year (ex_ante) and as expected values "
            "to compute ([expected])", field="expected",
            expected="either ex_ante (typed figures) or [expected] (computed by estimate), not "
                     "both")
    _own_tables(spec, methodology)
    own = methodology.estimate_data(spec, inputs, files)
    if own is not None:
        return own
    if spec.expected is None:
        return None
    return expected_data(spec.expected, columns, spec.dates, inputs)


def build_project(
    data: dict[str, Any],
    methodology: Methodology,
    base_dir: Path | None,
    source: Path | None,
    *,
    allow_outside: bool = False,
    monitoring: MonitoringSource | None = None,
    read_files: bool = True,
    memory: MemoryFiles | None = None,
    checked: bool = False,
) -> Project:
    """Validate plain project data against the engine's shape and the methodology's inputs.

    Parameters
    ----------
    data : dict
        The parsed project file.
    methodology : Methodology
        The plug-in the project names.
    base_dir : Path, optional
        The project file's folder: files the project names are taken from it and, unless
        ``allow_outside``, must lie in it. The working folder when ``None``.
    source : Path, optional
        The project file, recorded in the Project.
    allow_outside : bool
        Allow the project to name files outside ``base_dir`` (trusted use).
    monitoring : MonitoringSource, optional
        Monitored rows held in memory (:mod:`ccer_calc.io.sources`), instead of
        ``monitoring.data`` or a file.
    read_files : bool
        ``False`` refuses every file the project names (a project sent to a service).
    memory : MemoryFiles, optional
        The files the project names, handed over in memory by name: nothing is read from
        disk (``base_dir``, ``allow_outside`` and ``read_files`` are not used), and a file
        the project does not read is refused.
    checked : bool
        The data come from :func:`parse_plain_text`, which ran :func:`check_plain_data`.

    Raises
    ------
    InputError, UnitError
        With the dotted path of the first offending field; a field of a scenario is named
        ``scenarios.<name>.<field>``.
    """
    if not checked:
        check_plain_data(data, "project")
    files = ProjectFiles(base_dir, allow_outside=allow_outside, read_files=read_files,
                         memory=memory)
    project = _build(data, methodology, files, source, monitoring)
    if memory is not None:
        memory.check_all_used()
    return project


def _check_bare_parameters(data: dict[str, Any], methodology: Methodology) -> None:
    """Refuse a parameter written as a bare number, with a hint in the parameter's own unit.

    Raises
    ------
    InputError
        Naming ``parameters.<name>``, the number, and the value written with its unit.
    """
    given = data.get("parameters")
    if not isinstance(given, dict):
        return
    for name, raw in given.items():
        if isinstance(raw, int | float) and not isinstance(raw, bool) and \
                name in methodology.parameters:
            unit = methodology.parameters[name].unit
            raise InputError(f"the number {raw} has no unit", field=f"parameters.{name}",
                             value=raw, expected=f'a value with its unit, e.g. "{raw} {unit}" '
                             f'or {{value = {raw}, unit = "{unit}"}}')


def _build(data: dict[str, Any], methodology: Methodology, files: ProjectFiles,
           source: Path | None, monitoring: MonitoringSource | None) -> Project:
    """:func:`build_project` on checked data, its files read through ``files``."""
    _check_bare_parameters(data, methodology)
    spec = cast("ProjectSpec", _model(ProjectSpec, data, ""))
    inputs = _model(methodology.input_model, spec.inputs, "inputs.")
    columns = methodology.monitored_columns_for(inputs)
    table, own = _monitoring(spec, methodology, inputs, columns, files, memory=monitoring)
    expected = _expected(spec, methodology, inputs, columns, files)
    if spec.monitoring is None and expected is None:
        raise InputError("the project gives neither monitoring data nor expected values",
                         field="monitoring", expected="[monitoring] with periods and data (to "
                         "compute), or [expected] values (to estimate), or both")
    project = Project(spec=spec, inputs=inputs, table=table, source=source, data=own,
                      expected=expected)
    if spec.monitoring is not None:
        check_periods(project.periods)
        check_key_dates(spec)
    if expected is not None:
        check_key_dates(spec, spec.dates.crediting_period_start,
                        "start of the crediting period, the first day of the estimate")
    methodology.parameters.check_overrides(project.overrides, methodology=methodology.id)
    if not spec.scenarios:
        return project
    if expected is None:
        raise InputError("scenarios are alternatives of the estimate, but the project gives no "
                         "expected values", field="scenarios",
                         expected="an [expected] table (or no scenarios)")
    scenarios = {name: _scenario(data, name, methodology, files, source, monitoring=monitoring)
                 for name in spec.scenarios}
    return dataclasses.replace(project, scenarios=scenarios)


def _scenario(data: dict[str, Any], name: str, methodology: Methodology, files: ProjectFiles,
              source: Path | None, *, monitoring: MonitoringSource | None) -> Project:
    """The project with one scenario's changes, validated like a project of its own."""
    raw = data["scenarios"][name]
    try:
        return _build(scenario_data(data, name), methodology, files, source, monitoring)
    except CcerError as exc:
        field = exc.field or ""
        parts = field.replace("[", ".").split(".")
        mine = (len(parts) >= 2 and isinstance(raw.get(parts[0]), dict)  # noqa: PLR2004
                and parts[1] in raw[parts[0]] and parts[1] != "years")
        problem = exc.problem if mine else f"in scenario {name}: {exc.problem}"
        raise exc.reworded(problem, field=f"scenarios.{name}.{field}" if mine else field
                           ) from None


def _monitoring(spec: ProjectSpec, methodology: Methodology, inputs: BaseModel,
                columns: tuple[MonitoredColumn, ...], files: ProjectFiles, *,
                memory: MonitoringSource | None
                ) -> tuple[MonitoringTable, ProjectData | None]:
    """The monitored rows (or the plug-in's own data); an empty table without monitoring."""
    mon = spec.monitoring
    if mon is None:
        if memory is not None:
            raise InputError("monitoring data passed without monitoring periods",
                             field="monitoring", expected="[monitoring] with its periods")
        return empty_table(columns), None
    own = methodology.load_data(spec, inputs, files)
    if own is not None and _given(mon, memory):
        raise InputError(f"{methodology.id} reads its monitoring data from the files its "
                         "inputs name; monitoring rows are not used", field="monitoring",
                         expected="no monitoring.csv, monitoring.excel or [[monitoring.data]]",
                         methodology=methodology.id)
    offset = DEFAULT_UTC_OFFSET if mon.utc_offset is None else parse_utc_offset(mon.utc_offset)
    table = own.table if own is not None else _monitoring_table(mon, columns, files, memory,
                                                                utc_offset=offset)
    check_capacity(table, columns, inputs)
    for name in mon.meters:
        if name not in {c.name for c in columns}:
            raise InputError("meter given for an unknown column", field=f"monitoring.meters.{name}",
                             expected="one of " + ", ".join(c.name for c in columns))
    return table, own


def _given(mon: MonitoringIn, memory: MonitoringSource | None) -> list[str]:
    """Where the project's monitored rows are given: ``monitoring.csv``, ``monitoring.data``..."""
    named = [f"monitoring.{k}" for k in ("csv", "excel", "data") if getattr(mon, k)]
    return named + (["the monitoring data passed with the project"] if memory else [])


def _monitoring_table(mon: MonitoringIn, columns: Sequence[MonitoredColumn],
                      files: ProjectFiles, memory: MonitoringSource | None, *,
                      utc_offset: int) -> MonitoringTable:
    """The monitored rows from exactly one place: inline rows, a CSV, a workbook, or memory."""
    given = _given(mon, memory)
    if len(given) > 1:
        raise InputError("monitoring data given in more than one place", field="monitoring",
                         value=" and ".join(given), expected="exactly one of [[monitoring.data]] "
                         "rows, monitoring.csv, monitoring.excel or data passed in memory")
    if mon.sheet is not None and not mon.excel:
        raise InputError("a sheet is named without a workbook", field="monitoring.sheet",
                         value=mon.sheet, expected="monitoring.excel naming the .xlsx file")
    if memory is not None:  # the project's calendar places timed rows written as text
        return memory.table(columns, utc_offset=utc_offset)
    if mon.csv:
        text = files.read_text(mon.csv, field="monitoring.csv", encoding=mon.encoding)
        return csv_table(text, columns, origin=mon.csv, utc_offset=utc_offset)
    if mon.excel:
        from ccer_calc.io.excel import xlsx_table  # noqa: PLC0415 - optional extra inside

        return xlsx_table(files.read_bytes(mon.excel, field="monitoring.excel"), columns,
                          name=mon.excel, sheet=mon.sheet,
                          max_unpacked_bytes=files.max_unpacked_bytes)
    return table_from_rows(mon.data, columns, utc_offset=utc_offset)
