"""Project input models: every number enters with its unit, every date in order.

A project file has a fixed outer shape (:class:`ProjectSpec`) and a methodology-specific
``inputs`` table validated by the plug-in's own pydantic model. Quantities are written either
as a string ``"0.8042 t CO2/MWh"`` or as a table ``{value = 0.8042, unit = "t CO2/MWh"}``; a bare
number is refused because its unit would be a guess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import pint
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictInt,
    WithJsonSchema,
    field_validator,
)

from ccer_calc.bounds import NONNEGATIVE, Bounds
from ccer_calc.errors import shown
from ccer_calc.periods import MonitoringTable, Period
from ccer_calc.units import Quantity, parse_unit, unit_text

__all__ = [
    "DateIn",
    "DatesIn",
    "Declared",
    "ExAnteIn",
    "Line",
    "MonitoringIn",
    "PeriodIn",
    "Project",
    "ProjectData",
    "ProjectSpec",
    "QuantityIn",
    "parse_date",
    "parse_quantity",
    "quantity_any",
    "quantity_field",
]


def parse_quantity(raw: Any) -> pint.Quantity:  # noqa: ANN401 - raw input of any shape
    """Turn ``"1.5 MWh"``, ``{value, unit}`` or a Quantity into a Quantity.

    Raises
    ------
    ValueError
        If the unit is missing or unknown, or the value is not a finite number. (pydantic
        turns this into a validation error naming the field.)
    """
    if isinstance(raw, pint.Quantity):
        return raw
    if isinstance(raw, dict):
        if set(raw) != {"value", "unit"}:
            msg = f"expected keys value and unit, got {sorted(raw)}"
            raise ValueError(msg)
        value, unit = raw["value"], raw["unit"]
    elif isinstance(raw, str):
        value, _, unit = raw.strip().partition(" ")
        if not unit.strip():
            msg = f"{shown(raw)} has no unit; write the value and its unit, e.g. '1250 MWh'"
            raise ValueError(msg)
    elif isinstance(raw, bool | int | float):
        msg = (f"the number {raw} has no unit; write e.g. {{value = {raw}, unit = \"MWh\"}} "
               f"or \"{raw} MWh\"")
        raise ValueError(msg)  # noqa: TRY004 - pydantic wants ValueError
    else:
        msg = f"expected a quantity with a unit, got {type(raw).__name__}"
        raise ValueError(msg)  # noqa: TRY004
    if isinstance(value, bool):
        msg = f"value {value} is a truth value, not a number"
        raise ValueError(msg)  # noqa: TRY004
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        msg = f"value {shown(value)} is not a finite number"
        raise ValueError(msg) from None
    if not np.isfinite(number):
        msg = f"value {shown(value)} is not a finite number"
        raise ValueError(msg)
    if not isinstance(unit, str):
        msg = f"unit {shown(unit)} is not text"
        raise ValueError(msg)  # noqa: TRY004
    return Quantity(number, parse_unit(unit))


def _serialise(q: pint.Quantity) -> dict[str, Any]:
    return {"value": float(q.magnitude), "unit": unit_text(q.units)}


_QUANTITY_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\S+\s+\S.*$", "examples": ["1250 MWh"]},
        {"type": "object", "required": ["value", "unit"], "additionalProperties": False,
         "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}},
    ]
}

#: A quantity of any dimension.
QuantityIn = Annotated[
    pint.Quantity,
    BeforeValidator(parse_quantity),
    PlainSerializer(_serialise),
    WithJsonSchema(_QUANTITY_SCHEMA),
]


@dataclass(frozen=True)
class Declared:
    """Annotation metadata of a quantity field: its unit (``None``: any) and its range."""

    unit: str | None
    bounds: Bounds


def _out_of_range(q: pint.Quantity, unit: str | None, bounds: Bounds) -> ValueError:
    """``unit`` None: a quantity of any unit, shown in its own unit; the range is a sign."""
    own = f"{q.units:~}" if unit is None else unit
    shown = f"{q.magnitude:g} {own}" if own not in ("", "dimensionless") else f"{q.magnitude:g}"
    what = "is negative" if q.magnitude < 0 and bounds.minimum == 0 else "is out of range"
    return ValueError(f"value {shown} {what} (expected {bounds.describe(unit or '')})")


def quantity_field(unit: str, *, bounds: Bounds = NONNEGATIVE) -> Any:  # noqa: ANN401 - a type
    """An annotated Quantity type that must be convertible to ``unit`` and lie in ``bounds``.

    Parameters
    ----------
    unit : str
        The unit the field is expected in; any unit of the same dimension is accepted and
        converted.
    bounds : Bounds
        The physical range in ``unit``: non-negative unless declared otherwise.

    Returns
    -------
    type
        A type for a pydantic field.
    """
    target = parse_unit(unit)

    def check(raw: Any) -> pint.Quantity:  # noqa: ANN401
        q = parse_quantity(raw)
        if q.dimensionality != target.dimensionality:
            msg = f"unit {q.units:~} has the wrong dimension; expected a unit convertible to {unit}"
            raise ValueError(msg)
        q = q.to(target)
        if not bounds.contains(float(q.magnitude)):
            raise _out_of_range(q, unit, bounds)
        return q

    schema = {**_QUANTITY_SCHEMA,
              "description": f"quantity in {unit} (or convertible), {bounds.describe(unit)}"}
    return Annotated[pint.Quantity, BeforeValidator(check), PlainSerializer(_serialise),
                     WithJsonSchema(schema), Declared(unit, bounds)]


def quantity_any(*, bounds: Bounds) -> Any:  # noqa: ANN401 - a type
    """An annotated Quantity of a dimension checked later (an NCV per t or per 万Nm3).

    Only sign ranges apply to a quantity whose unit is not fixed: ``bounds`` may have a
    minimum of 0 (or none) and no maximum.

    Returns
    -------
    type
        A type for a pydantic field.
    """
    if bounds.maximum is not None or bounds.minimum not in (None, 0.0):
        msg = "a quantity of any unit takes only a sign range (minimum 0 or none, no maximum)"
        raise TypeError(msg)

    def check(raw: Any) -> pint.Quantity:  # noqa: ANN401
        q = parse_quantity(raw)
        if not bounds.contains(float(q.magnitude)):
            raise _out_of_range(q, None, bounds)
        return q

    schema = {**_QUANTITY_SCHEMA, "description": f"quantity, {bounds.describe('')}"}
    return Annotated[pint.Quantity, BeforeValidator(check), PlainSerializer(_serialise),
                     WithJsonSchema(schema), Declared(None, bounds)]


def parse_date(raw: Any) -> dt.date:  # noqa: ANN401 - raw input of any shape
    """A date from a TOML date or an ISO ``YYYY-MM-DD`` string; numbers are refused.

    pydantic alone would read ``start = 20240101`` or ``1704067200`` as seconds since 1970;
    a date-time would lose its time silently.

    Raises
    ------
    ValueError
        If the value is not a date or an ISO date string.

    Examples
    --------
    >>> parse_date("2024-01-31")
    datetime.date(2024, 1, 31)
    >>> parse_date(20240131)
    Traceback (most recent call last):
    ...
    ValueError: the number 20240131 is not a date; write an ISO date such as 2024-01-31
    """
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str) and _ISO_DATE.match(raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    if isinstance(raw, bool | int | float):
        msg = f"the number {raw} is not a date; write an ISO date such as 2024-01-31"
        raise ValueError(msg)  # noqa: TRY004 - pydantic wants ValueError
    msg = f"{shown(raw)} is not a date; write an ISO date such as 2024-01-31"
    raise ValueError(msg)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: A date in a project file: a TOML date or an ISO string, never a number or a date-time.
DateIn = Annotated[dt.date, BeforeValidator(parse_date),
                   WithJsonSchema({"type": "string", "format": "date"})]


def _one_line(text: str) -> str:
    if any(ch in text for ch in "\t\n\r"):
        msg = "a name is one line of text (no tab or line break)"
        raise ValueError(msg)
    return text


#: A name or identifier: one line of printable text.
Line = Annotated[str, AfterValidator(_one_line)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class DatesIn(_Strict):
    """Key dates of the project and of the instalment being registered."""

    construction_start: DateIn = Field(description="开工建设日期 / start of construction")
    crediting_period_start: DateIn = Field(description="计入期开始 / crediting period start")
    crediting_period_end: DateIn = Field(description="计入期结束 / crediting period end")
    grid_connection: DateIn | None = Field(None, description="并网日期 / grid connection")
    application_date: DateIn | None = Field(
        None, description="减排量登记申请日期 / application date of this instalment "
                          "(five-year look-back rule; CCER only)")
    crediting_period_type: Literal["renewable", "fixed"] | None = Field(
        None, description="CDM only: a renewable crediting period (at most 7 years, renewable "
                          "twice) or a fixed one (at most 10 years)")
    crediting_period_number: int | None = Field(
        None, ge=1, le=3, description="CDM only: which renewable crediting period (1 to 3)")


class PeriodIn(_Strict):
    """One monitoring period."""

    id: Line = Field(min_length=1)
    start: DateIn
    end: DateIn


class MeterIn(_Strict):
    """Accuracy of the meter behind one monitored column."""

    max_permissible_error: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=Bounds(0.0, 100.0, max_inclusive=False,
                                 reason="a meter error of 100 % or more is not a measurement"),
    ) | None = Field(None, description="maximum permissible error of the accuracy class, "
                                       "e.g. '0.5 %'")


class MonitoringIn(_Strict):
    """Monitoring periods and the monitored rows (inline, or a CSV file beside the project)."""

    periods: list[PeriodIn]
    data: list[dict[str, Any]] = Field(default_factory=list)
    csv: str | None = Field(None, description="CSV file, relative to the project file; "
                                              "headers carry units, e.g. 'export [MWh]'")
    encoding: str | None = Field(
        None, description="encoding of the CSV file (utf-8, gbk, gb18030, utf-16, ...); "
                          "detected when not given")
    meters: dict[str, MeterIn] = Field(default_factory=dict)
    utc_offset: str | None = Field(
        None, pattern=r"^(UTC)?[+-]\d{2}:\d{2}$",
        description="the project's calendar as a fixed offset from UTC, in which days, periods "
                    "and vintage years are taken and date-times without offset are read; "
                    "China Standard Time (+08:00) when not given")


class ExAnteIn(_Strict):
    """The PDD's ex-ante estimate of one calendar year's emission reductions."""

    year: StrictInt = Field(ge=1900, le=2200, description="calendar year (vintage)")
    emission_reductions: quantity_field(  # type: ignore[valid-type]
        "t CO2e", bounds=NONNEGATIVE) = Field(
        description="预计减排量 / estimated emission reductions, e.g. '800000 t CO2e'")


class ProjectSpec(_Strict):
    """The outer shape of every project file."""

    name: Line = Field(min_length=1)
    methodology: Line = Field(description="methodology id, e.g. CCER-01-002-V01")
    project_id: Line | None = None
    owner: Line | None = None
    province: Line | None = None
    description: str | None = None
    dates: DatesIn
    parameters: dict[str, QuantityIn] = Field(default_factory=dict)
    inputs: dict[str, Any] = Field(default_factory=dict)
    monitoring: MonitoringIn
    ex_ante: list[ExAnteIn] = Field(
        default_factory=list,
        description="项目设计文件的预计减排量 / the PDD's ex-ante estimate per calendar year, "
                    "years unique and ascending")

    @field_validator("ex_ante")
    @classmethod
    def _years_ascending(cls, value: list[ExAnteIn]) -> list[ExAnteIn]:
        years = [e.year for e in value]
        for i in range(1, len(years)):
            if years[i] <= years[i - 1]:
                msg = (f"year {years[i]} follows {years[i - 1]}; ex-ante years must be unique "
                       f"and ascending")
                raise ValueError(msg)
        return value


@dataclass(frozen=True)
class ProjectData:
    """Data a plug-in reads itself, instead of the engine's monitoring rows.

    Parameters
    ----------
    table : MonitoringTable
        The rows the period axis is built from: for a sink, one row per interval between
        successive stock estimates (its columns may be empty; quantities are computed by the
        plug-in's equations). The monitoring periods must be tiled by these rows.
    datasets : Mapping
        What the plug-in's ``compute`` reads (parsed inventories...).
    digest : str
        sha256 (hex) of everything in ``datasets`` that can change a number; the fingerprint
        covers it.
    """

    table: MonitoringTable
    datasets: Mapping[str, Any]
    digest: str


@dataclass(frozen=True)
class Project:
    """A validated project: its spec, methodology inputs, overrides and monitored table.

    ``data`` holds what a plug-in read itself through ``Methodology.load_data`` (None for
    plug-ins whose data are the engine's monitoring rows).
    """

    spec: ProjectSpec
    inputs: BaseModel
    table: MonitoringTable
    source: Path | None
    data: ProjectData | None = None

    @property
    def methodology_id(self) -> str:
        """The methodology id the project names."""
        return self.spec.methodology

    @property
    def overrides(self) -> dict[str, pint.Quantity]:
        """Parameter values the project sets."""
        return dict(self.spec.parameters)

    @property
    def periods(self) -> list[Period]:
        """The monitoring periods."""
        return [Period(p.id, p.start, p.end) for p in self.spec.monitoring.periods]

    def max_permissible_error(self, column: str) -> float | None:
        """MPE of the meter of a column as a fraction, if given."""
        meter = self.spec.monitoring.meters.get(column)
        if meter is None or meter.max_permissible_error is None:
            return None
        return float(meter.max_permissible_error.to(parse_unit("")).magnitude)

    def canonical(self) -> dict[str, Any]:
        """Canonical plain data of every input: the fingerprint is taken over this."""
        exclude: dict[str, Any] = {"monitoring": {"data", "csv", "encoding"}}
        if self.spec.monitoring.utc_offset is None:  # older project files keep their fingerprint
            exclude["monitoring"].add("utc_offset")
        if not self.spec.ex_ante:  # older project files keep their fingerprint
            exclude["ex_ante"] = True
        spec = self.spec.model_dump(mode="json", exclude=exclude)
        for later in ("crediting_period_type", "crediting_period_number"):
            if spec["dates"][later] is None:  # CCER projects keep their fingerprint
                del spec["dates"][later]
        spec["inputs"] = self.inputs.model_dump(mode="json")
        digest = hashlib.sha256()
        t = self.table
        digest.update(t.start.astype("datetime64[D]").astype(np.int64).tobytes())
        digest.update(t.end.astype("datetime64[D]").astype(np.int64).tobytes())
        if t.t_start is not None and t.t_end is not None:  # timed rows: their instants too
            digest.update(t.t_start.astype("datetime64[s]").astype(np.int64).tobytes())
            digest.update(t.t_end.astype("datetime64[s]").astype(np.int64).tobytes())
        for name in sorted(t.columns):
            q = t.columns[name]
            digest.update(name.encode())
            digest.update(unit_text(q.units).encode())
            digest.update(np.ascontiguousarray(q.magnitude, dtype=np.float64).tobytes())
            digest.update("\x1f".join(t.meter_status[name].tolist()).encode())
            digest.update(np.nan_to_num(t.meter_error[name], nan=-1.0).tobytes())
        spec["monitoring_data_sha256"] = digest.hexdigest()
        if self.data is not None:
            spec["plugin_data_sha256"] = self.data.digest
        return spec

