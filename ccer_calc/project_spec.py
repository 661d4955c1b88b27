"""The project file's outer shape: pydantic models that import neither pint nor numpy.

A project file has a fixed outer shape (:class:`ProjectSpec`) and a methodology-specific
``inputs`` table validated by the plug-in's own pydantic model. The models here are what the
JSON Schema of a project file (``ccer-calc schema``) is built from, so this module imports only
pydantic and the light field modules (:mod:`ccer_calc.fields`, :mod:`ccer_calc.bounds`,
:mod:`ccer_calc.expected`): a quantity field imports pint when it validates a value, not when
the model is defined. :mod:`ccer_calc.project` re-exports every name.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, StrictInt, field_validator

from ccer_calc.bounds import NONNEGATIVE, PERCENT_UNITS, Bounds
from ccer_calc.errors import shown
from ccer_calc.expected import ExpectedIn, ScenarioIn
from ccer_calc.fields import (
    DateIn,
    Line,
    QuantityIn,
    StrictModel,
    quantity_field,
    written_unit,
)

__all__ = ["DatesIn", "ExAnteIn", "MeterIn", "MonitoringIn", "PeriodIn", "ProjectSpec"]


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

    @field_validator("max_permissible_error", mode="before")
    @classmethod
    def _in_percent(cls, raw: Any) -> Any:  # noqa: ANN401 - raw input of any shape
        """Refuse an error written in another dimensionless unit (``0.5`` would be 50 %)."""
        unit = written_unit(raw)
        if unit is not None and unit.strip() not in PERCENT_UNITS:
            msg = (f"a maximum permissible error must be stated in % (got unit "
                   f"{shown(unit)}; expected e.g. '0.5 %')")
            raise ValueError(msg)
        return raw


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
