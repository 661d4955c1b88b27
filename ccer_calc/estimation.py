"""The ex-ante estimate of a project design document: BE, PE, LE and ER per year (issue #15).

The estimate runs the methodology's own ``compute``, with its equations and trail, on an axis
of one row per calendar year of the crediting period whose values are the project's expected
ones (:mod:`ccer_calc.io.expected`, or a plug-in's ``estimate_data``). The monitored columns
enter the trail with origin ``expected``; rules that differ ex ante take their ex-ante branch
(the grid-factor edition is the latest available when the estimate is made; the rules about
monitoring periods do not apply).

Besides the estimate: the same estimate for each named scenario of the project, side by side,
and the sensitivity of the total ER to each expected quantity, recomputed through the equations
with that quantity 10 % lower and 10 % higher in every year: the expected monitored columns,
and the quantities of a plug-in's own ex-ante data (a sink's cohort areas, the asymptote of each
growth curve, planned burns and displacements).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ccer_calc.api import compute_on_axis, get_methodology
from ccer_calc.crediting import crediting_year_count, crediting_year_shares
from ccer_calc.errors import CcerError, InputError
from ccer_calc.io.expected import crediting_year_axis
from ccer_calc.methodology import ExpectedQuantity, Methodology
from ccer_calc.periods import Period
from ccer_calc.project import MonitoringIn, PeriodIn, Project
from ccer_calc.registry import Registry, default_registry
from ccer_calc.result import KEYS, Result, canonical_json, tonnes

__all__ = ["SENSITIVITY", "Estimate", "Sensitivity", "YearEstimate", "estimate"]

#: The relative change of each expected quantity in the sensitivity (± 10 %).
SENSITIVITY = 0.10


@dataclass(frozen=True)
class YearEstimate:
    """BE, PE, LE and ER of one calendar year of the crediting period, t CO2e, unrounded.

    ``days`` are the days of the year inside the crediting period, ``year_days`` the days of
    the year (365 or 366), ``crediting_years`` how many crediting years fall in it (the days of
    each overlapping crediting year in it ÷ that crediting year's days, summed:
    :func:`ccer_calc.crediting.crediting_year_shares`), which a constant annual value is
    multiplied by.
    """

    year: int
    start: str
    end: str
    days: int
    year_days: int
    values: dict[str, float]
    crediting_years: float

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"year": self.year, "start": self.start, "end": self.end, "days": self.days,
                "year_days": self.year_days, "crediting_years": self.crediting_years,
                **{k: tonnes(self.values[k]) for k in KEYS}}


@dataclass(frozen=True)
class Sensitivity:
    """Total ER with one expected quantity lower and higher by :data:`SENSITIVITY` in every year."""

    quantity: str
    symbol: str
    unit: str
    base: float
    lower: float
    higher: float
    description_en: str = ""
    description_zh: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"quantity": self.quantity, "symbol": self.symbol, "unit": self.unit,
                "description_en": self.description_en, "description_zh": self.description_zh,
                "change": SENSITIVITY,
                "emission_reductions": {"lower": tonnes(self.lower), "base": tonnes(self.base),
                                        "higher": tonnes(self.higher)},
                "difference": {"lower": tonnes(self.lower - self.base),
                               "higher": tonnes(self.higher - self.base)}}


@dataclass(frozen=True)
class Estimate:
    """An ex-ante estimate: the computation on the crediting period's years, and its summary.

    ``result`` is the computation itself (checks, parameters applied, trail, fingerprint), with
    one period and one vintage per calendar year. ``scenarios`` holds the estimate of each named
    scenario (without scenarios or sensitivity of its own), ``sensitivity`` one row per expected
    quantity.
    """

    result: Result
    years: list[YearEstimate]
    crediting_period: tuple[str, str]
    scenario: str | None = None
    description: str | None = None
    scenarios: dict[str, Estimate] = field(default_factory=dict)
    sensitivity: list[Sensitivity] = field(default_factory=list)

    @property
    def crediting_years(self) -> float:
        """Length of the crediting period in crediting years (twelve months from its start).

        Whole crediting years plus the last one's days ÷ the days of its whole year
        (:func:`ccer_calc.crediting.crediting_year_count`): 10 from 2024-07-01 to 2034-06-30.
        """
        start, end = (dt.date.fromisoformat(d) for d in self.crediting_period)
        return crediting_year_count(start, end)

    @property
    def totals(self) -> dict[str, float]:
        """Unrounded totals over the crediting period, t CO2e."""
        return {k: math.fsum(y.values[k] for y in self.years) for k in KEYS}

    @property
    def annual_average(self) -> dict[str, float]:
        """Totals ÷ :attr:`crediting_years`, as a PDD states its expected annual average.

        A constant annual value (a value per crediting year) gives an average equal to it.
        """
        n = self.crediting_years
        return {k: v / n for k, v in self.totals.items()}

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the computation (inputs, versions, data tables)."""
        return self.result.fingerprint

    def summary(self) -> dict[str, Any]:
        """The numbers without the computation's detail: what a scenario shows."""
        start, end = self.crediting_period
        return {"scenario": self.scenario, "description": self.description,
                "crediting_period": {"start": start, "end": end,
                                     "years": self.crediting_years},
                "years": [y.to_dict() for y in self.years],
                "totals": {k: tonnes(v) for k, v in self.totals.items()},
                "annual_average": {k: tonnes(v) for k, v in self.annual_average.items()},
                "fingerprint": self.fingerprint}

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form: the JSON of ``ccer-calc estimate --json``."""
        r = self.result
        return {"computation": "estimate", "project": r.project, "methodology": r.methodology,
                "provisional": r.provisional, **self.summary(),
                "scenarios": {k: v.summary() for k, v in self.scenarios.items()},
                "sensitivity": [s.to_dict() for s in self.sensitivity],
                "checks": [c.to_dict() for c in r.checks], "parameters": r.parameters,
                "trail": r.trail.to_dict(), "versions": r.versions,
                "warnings": [w.to_dict() for w in r.warnings], "as_of": r.as_of,
                "data_tables": r.data_tables}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Byte-identical JSON for identical inputs and versions."""
        return canonical_json(self.to_dict(), indent=indent)


def _axis(project: Project) -> Project:
    """The project on the estimate's axis: one period and one row per crediting-period year."""
    if project.expected is None:
        raise InputError("the project gives no expected values, which estimate needs",
                         field="expected", expected="an [expected] table with a constant "
                         "annual value or one value per year of each monitored quantity")
    years = crediting_year_axis(project.spec.dates)
    periods = [PeriodIn(id=p.id, start=p.start, end=p.end) for p in years]
    monitoring = MonitoringIn(periods=periods, csv=None, encoding=None, excel=None, sheet=None,
                              utc_offset=None)
    spec = project.spec.model_copy(update={"monitoring": monitoring})
    return Project(spec=spec, inputs=project.inputs, table=project.expected.table,
                   source=project.source, data=project.expected)


def _years(result: Result, crediting_period: tuple[dt.date, dt.date]) -> list[YearEstimate]:
    rows = [Period(p.id, dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end))
            for p in result.periods]
    shares = crediting_year_shares(*crediting_period, rows).tolist()
    return [YearEstimate(r.start.year, p.start, p.end, r.days,
                         366 if calendar.isleap(r.start.year) else 365, dict(p.values), share)
            for p, r, share in zip(result.periods, rows, shares, strict=True)]


def _as_of(project: Project, as_of: dt.date | None) -> dt.date | None:
    expected = project.spec.expected
    return as_of if as_of is not None or expected is None else expected.as_of


def _one(project: Project, m: Methodology, reg: Registry, as_of: dt.date | None,
         scenario: str | None) -> Estimate:
    """The estimate of one project (or scenario), without scenarios or sensitivity."""
    axis = _axis(project)
    try:
        result = compute_on_axis(axis, project, m, reg, as_of=_as_of(project, as_of),
                                 ex_ante=True, fingerprint_extra={"computation": "estimate",
                                                                  "scenario": scenario})
    except CcerError as exc:
        if scenario is None:
            raise
        raise exc.reworded(f"in scenario {scenario}: {exc.problem}") from None
    d = project.spec.dates
    years = _years(result, (d.crediting_period_start, d.crediting_period_end))
    return Estimate(result, years, (d.crediting_period_start.isoformat(),
                                    d.crediting_period_end.isoformat()), scenario)


def _total_er(axis: Project, project: Project, m: Methodology, reg: Registry,
              as_of: dt.date | None) -> float:
    result = compute_on_axis(axis, project, m, reg, as_of=_as_of(project, as_of), ex_ante=True)
    return result.totals["emission_reductions"]


def _varied(name: str, vary: Callable[[float], Project], project: Project, m: Methodology, *,
            reg: Registry, as_of: dt.date | None) -> tuple[float, float]:
    """Total ER with one quantity lower and higher by :data:`SENSITIVITY` (``vary(factor)``)."""
    totals = []
    for factor, what in ((1 - SENSITIVITY, "lower"), (1 + SENSITIVITY, "higher")):
        try:
            totals.append(_total_er(vary(factor), project, m, reg, as_of))
        except CcerError as exc:  # e.g. import above export once raised by 10 %
            raise exc.reworded(f"sensitivity with {name} {SENSITIVITY:.0%} {what}: "
                               f"{exc.problem}") from None
    return totals[0], totals[1]


def _sensitivity(project: Project, m: Methodology, reg: Registry, as_of: dt.date | None,
                 base: float) -> list[Sensitivity]:
    """Total ER with each expected quantity scaled by 1 ∓ :data:`SENSITIVITY`, recomputed.

    The expected monitored columns, then the quantities of the plug-in's own ex-ante data
    (:meth:`~ccer_calc.methodology.Methodology.expected_quantities`).
    """
    axis = _axis(project)
    table = axis.table
    assert axis.data is not None  # noqa: S101 - _axis sets it
    data = axis.data
    out = []
    for c in m.monitored_columns_for(project.inputs):
        if c.name not in table.columns:
            continue

        def column(factor: float, name: str = c.name) -> Project:
            scaled = dataclasses.replace(
                table, columns={**table.columns, name: table.columns[name] * factor})
            return dataclasses.replace(axis, table=scaled,
                                       data=dataclasses.replace(data, table=scaled))
        lower, higher = _varied(c.name, column, project, m, reg=reg, as_of=as_of)
        out.append(Sensitivity(c.name, c.symbol, c.unit, base, lower, higher,
                               c.description_en, c.description_zh))
    for q in m.expected_quantities(data):
        def own(factor: float, q: ExpectedQuantity = q) -> Project:
            return dataclasses.replace(axis, data=q.scaled(factor))
        lower, higher = _varied(q.name, own, project, m, reg=reg, as_of=as_of)
        out.append(Sensitivity(q.name, q.symbol, q.unit, base, lower, higher,
                               q.description_en, q.description_zh))
    return out


def estimate(
    project: Project,
    *,
    as_of: dt.date | None = None,
    scenario: str | None = None,
    registry: Registry | None = None,
) -> Estimate:
    """The ex-ante estimate of a project: BE, PE, LE and ER per year of its crediting period.

    Each named scenario is estimated too (side by side), and the sensitivity of the total ER
    to each expected quantity (± :data:`SENSITIVITY`) is recomputed through the equations.

    Parameters
    ----------
    project : Project
        A validated project with expected values (``[expected]``, or a plug-in's own ex-ante
        data); monitoring data are not needed.
    as_of : datetime.date, optional
        Date of the estimate: grid-factor editions published later are not used. Defaults to
        the project's ``expected.as_of`` (each scenario's own, if it sets one).
    scenario : str, optional
        Estimate this named scenario instead of the project (with its own trail and
        sensitivity, without the other scenarios).
    registry : Registry, optional
        Where to find the methodology; the installed plug-ins by default.

    Returns
    -------
    Estimate
        One row per calendar year (a constant annual value shared out by crediting year,
        :mod:`ccer_calc.crediting`), totals, the annual average (total ÷ crediting years of
        the crediting period), scenarios, sensitivity, and the
        computation (checks, parameters, trail with origin ``expected``, fingerprint).

    Raises
    ------
    InputError
        If the project has no expected values, or names no such scenario.
    ApplicabilityError, DataNotFound, UnitError
        As :func:`ccer_calc.compute` (the grid-factor edition: the latest available).
    """
    reg = registry if registry is not None else default_registry()
    m = get_methodology(project.methodology_id, registry=reg)
    if scenario is not None and scenario not in project.scenarios:
        raise InputError("no such scenario", field="scenario", value=scenario,
                         expected="one of " + (", ".join(sorted(project.scenarios))
                                               or "the project's (it names none)"))

    def one(name: str | None) -> Estimate:
        target = project if name is None else project.scenarios[name]
        est = _one(target, m, reg, as_of, name)
        described = None if name is None else project.spec.scenarios[name].description
        return dataclasses.replace(est, description=described)

    main = one(scenario)
    target = project if scenario is None else project.scenarios[scenario]
    scenarios = {} if scenario is not None else {name: one(name) for name in project.scenarios}
    base = main.totals["emission_reductions"]
    return dataclasses.replace(main, scenarios=scenarios,
                               sensitivity=_sensitivity(target, m, reg, as_of, base))
