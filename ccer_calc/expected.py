"""The ex-ante part of a project file: expected values and named scenarios (issue #15).

``[expected]`` holds, per monitored quantity of the methodology (the same names as the monitoring
columns: ``export``, ``import``, ``fuel_diesel`` ...), either one constant annual value
(``annual = {export = "803701 MWh"}``) or one value per calendar year of the crediting period
(``[[expected.years]] year = 2026, export = ...``), never both for one quantity. A constant
annual value of an extensive quantity is a value per crediting year (twelve months from the
crediting period's start): each calendar year receives, from every crediting year overlapping
it, that value × the days of the overlap ÷ the days of the crediting year
(:mod:`ccer_calc.crediting`), so N crediting years total N × the value whatever the start date.
A per-year value is a calendar-year value: that of the year's part of the crediting period, as
given.
``as_of`` dates the estimate: grid-factor editions published later are not available to it.

A methodology whose ex-ante path is not a set of expected monitored quantities reads tables of
its own from ``[expected]``, which it declares as ``Methodology.expected_model`` (a sink's
planting schedule and growth models, ``[[expected.planting]]`` and ``[[expected.growth]]``).
These models keep such tables as they are given (extra keys); the project loader refuses any key
the methodology does not declare, and the plug-in validates the tables itself.

``[scenarios.<name>]`` names alternatives a developer compares (P90 generation, other grid
factors, another start date): each replaces expected values, parameters or dates of the project.
The values are checked against the methodology's columns when the project is built
(:mod:`ccer_calc.io.expected`); these models only fix the shape.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, field_validator

from ccer_calc.fields import DateIn, Line, QuantityIn, StrictModel

__all__ = ["ExpectedIn", "ScenarioExpectedIn", "ScenarioIn"]


class ScenarioExpectedIn(StrictModel):
    """Expected values a scenario replaces, quantity by quantity.

    Keys other than the fields below are a methodology's own ex-ante tables
    (``Methodology.expected_model``): kept as given, checked by the project loader and
    validated by the plug-in; a scenario that gives one replaces the project's table whole.
    """

    model_config = ConfigDict(extra="allow", frozen=True, arbitrary_types_allowed=True)

    as_of: DateIn | None = Field(
        None, description="date of the estimate: grid-factor editions published later are not "
                          "available to it")
    annual: dict[str, QuantityIn] = Field(
        default_factory=dict,
        description="constant annual value per expected quantity (a monitored column's name): "
                    "a value per crediting year (twelve months from the crediting period's "
                    "start), shared out to calendar years by days")
    years: list[dict[str, Any]] = Field(
        default_factory=list,
        description="one row per calendar year of the crediting period: year and a value per "
                    "quantity, for that year's part of the crediting period")


class ExpectedIn(ScenarioExpectedIn):
    """预计值 / the expected quantities of the ex-ante estimate."""


class ScenarioIn(StrictModel):
    """One named alternative: what it changes in the project, for the estimate."""

    description: Line | None = Field(None, description="what the scenario assumes")
    expected: ScenarioExpectedIn | None = Field(
        None, description="expected values replacing the project's, quantity by quantity")
    parameters: dict[str, QuantityIn] = Field(
        default_factory=dict, description="parameter overrides added to the project's")
    dates: dict[str, Any] = Field(
        default_factory=dict, description="dates replacing the project's (crediting period ...)")

    @field_validator("dates")
    @classmethod
    def _dates_named(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            if not isinstance(key, str) or not key:
                msg = "a date of a scenario needs a name"
                raise ValueError(msg)
        return value
