"""Project input models: every number enters with its unit, every date in order.

A project file has a fixed outer shape (:class:`ProjectSpec`) and a methodology-specific
``inputs`` table validated by the plug-in's own pydantic model. Quantities are written either
as a string ``"0.8042 t CO2/MWh"`` or as a table ``{value = 0.8042, unit = "t CO2/MWh"}``; a bare
number is refused because its unit would be a guess (:mod:`ccer_calc.fields`, re-exported here).
A project carries monitoring data, expected values for the ex-ante estimate
(:mod:`ccer_calc.expected`), or both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pint
from pydantic import BaseModel, Field, StrictInt, field_validator

from ccer_calc.bounds import NONNEGATIVE, Bounds
from ccer_calc.expected import ExpectedIn, ScenarioIn
from ccer_calc.fields import (
    DateIn,
    Declared,
    Line,
    QuantityIn,
    StrictModel,
    parse_date,
    parse_quantity,
    quantity_any,
    quantity_field,
)
from ccer_calc.periods import MonitoringTable, Period
from ccer_calc.units import parse_unit

__all__ = [
    "DateIn",
    "DatesIn",
    "Declared",
    "ExAnteIn",
    "ExpectedIn",
    "Line",
    "MonitoringIn",
    "PeriodIn",
    "Project",
    "ProjectData",
    "ProjectSpec",
    "QuantityIn",
    "ScenarioIn",
    "parse_date",
    "parse_quantity",
    "quantity_any",
    "quantity_field",
]


class DatesIn(StrictModel):
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


class PeriodIn(StrictModel):
    """One monitoring period."""

    id: Line = Field(min_length=1)
    start: DateIn
    end: DateIn


class MeterIn(StrictModel):
    """Accuracy of the meter behind one monitored column."""

    max_permissible_error: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=Bounds(0.0, 100.0, max_inclusive=False,
                                 reason="a meter error of 100 % or more is not a measurement"),
    ) | None = Field(None, description="maximum permissible error of the accuracy class, "
                                       "e.g. '0.5 %'")


class MonitoringIn(StrictModel):
    """Monitoring periods and the monitored rows (inline, or a CSV or Excel file)."""

    periods: list[PeriodIn]
    data: list[dict[str, Any]] = Field(default_factory=list)
    csv: str | None = Field(None, description="CSV file, relative to the project file; "
                                              "headers carry units, e.g. 'export [MWh]'")
    encoding: str | None = Field(
        None, description="encoding of the CSV file (utf-8, gbk, gb18030, utf-16, ...); "
                          "detected when not given")
    excel: str | None = Field(None, description="Excel workbook (.xlsx), relative to the "
                                                "project file; row 1 holds the CSV's header "
                                                "cells with units (needs the excel extra)")
    sheet: str | None = Field(None, description="the workbook's sheet to read (the first "
                                                "when not given)")
    meters: dict[str, MeterIn] = Field(default_factory=dict)
    utc_offset: str | None = Field(
        None, pattern=r"^(UTC)?[+-]\d{2}:\d{2}$",
        description="the project's calendar as a fixed offset from UTC, in which days, periods "
                    "and vintage years are taken and date-times without offset are read; "
                    "China Standard Time (+08:00) when not given")


class ExAnteIn(StrictModel):
    """The PDD's ex-ante estimate of one calendar year's emission reductions."""

    year: StrictInt = Field(ge=1900, le=2200, description="calendar year (vintage)")
    emission_reductions: quantity_field(  # type: ignore[valid-type]
        "t CO2e", bounds=NONNEGATIVE) = Field(
        description="预计减排量 / estimated emission reductions, e.g. '800000 t CO2e'")


class ProjectSpec(StrictModel):
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
    monitoring: MonitoringIn | None = Field(
        None, description="monitoring periods and data (what compute needs); optional when "
                          "[expected] is given")
    expected: ExpectedIn | None = Field(
        None, description="预计值 / expected quantities for the ex-ante estimate (estimate)")
    scenarios: dict[Line, ScenarioIn] = Field(
        default_factory=dict,
        description="named alternatives of the estimate (P90 generation, other grid factors, "
                    "another start date), each replacing expected values, parameters or dates")
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
    plug-ins whose data are the engine's monitoring rows). A project without monitoring data
    (only ``[expected]``) has an empty ``table`` and no periods.

    ``expected`` holds the rows of the ex-ante estimate, one per calendar year of the crediting
    period, built from ``[expected]`` or by the plug-in's ``estimate_data`` (None: the project
    gives no expected values). ``scenarios`` holds one project per named scenario, built from
    this one with the scenario's changes (without monitoring data).
    """

    spec: ProjectSpec
    inputs: BaseModel
    table: MonitoringTable
    source: Path | None
    data: ProjectData | None = None
    expected: ProjectData | None = None
    scenarios: Mapping[str, Project] = field(default_factory=dict)

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
        """The monitoring periods (none without monitoring data)."""
        mon = self.spec.monitoring
        return [] if mon is None else [Period(p.id, p.start, p.end) for p in mon.periods]

    def max_permissible_error(self, column: str) -> float | None:
        """MPE of the meter of a column as a fraction, if given."""
        mon = self.spec.monitoring
        meter = None if mon is None else mon.meters.get(column)
        if meter is None or meter.max_permissible_error is None:
            return None
        return float(meter.max_permissible_error.to(parse_unit("")).magnitude)

    def canonical(self) -> dict[str, Any]:
        """Canonical plain data of every input: the fingerprint is taken over this."""
        exclude: dict[str, Any] = {"monitoring": {"data", "csv", "encoding", "excel", "sheet"}}
        for name, absent in (("ex_ante", not self.spec.ex_ante),
                             ("expected", self.spec.expected is None),
                             ("scenarios", not self.spec.scenarios)):
            if absent:  # older project files keep their fingerprint
                exclude[name] = True
        monitoring = self.spec.monitoring
        if monitoring is not None and monitoring.utc_offset is None:  # older files keep theirs
            exclude["monitoring"].add("utc_offset")
        spec = self.spec.model_dump(mode="json", exclude=exclude)
        for later in ("crediting_period_type", "crediting_period_number"):
            if spec["dates"][later] is None:  # CCER projects keep their fingerprint
                del spec["dates"][later]
        spec["inputs"] = self.inputs.model_dump(mode="json")
        for later in getattr(type(self.inputs), "later_fields", ()):
            if spec["inputs"].get(later) in (None, []):  # older files keep their fingerprint
                spec["inputs"].pop(later, None)
        spec["monitoring_data_sha256"] = self.table.digest()
        if self.data is not None:
            spec["plugin_data_sha256"] = self.data.digest
        if self.expected is not None:
            spec["expected_data_sha256"] = self.expected.digest
        return spec
