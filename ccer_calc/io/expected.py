"""The rows of the ex-ante estimate, built from a project's ``[expected]`` values.

One row per calendar year of the crediting period (:func:`ccer_calc.periods.calendar_years`),
one column per monitored quantity of the project, with the same names and units as the
monitoring data. A constant annual value of an extensive quantity (energy, fuel) is a value per
crediting year (twelve months from the crediting period's start, :mod:`ccer_calc.crediting`):
each calendar year receives, from every crediting year overlapping it, the annual value × the
days of the overlap ÷ the days of that crediting year, so N crediting years total N × the annual
value whatever the start date. An intensive one (a concentration, a calorific value) holds as
given. A per-year value (``[[expected.years]]``) is a calendar-year value: the value of that
calendar year's part of the crediting period, taken as given (not pro-rated).

Every value is checked like monitoring data (unit, range, installed capacity × hours of the
row), and every message names the field as the user wrote it: ``expected.annual.export``,
``expected.years[2].export``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pint

from ccer_calc.crediting import crediting_year_shares
from ccer_calc.errors import InputError
from ccer_calc.io.table import check_capacity, quantity_in_unit
from ccer_calc.periods import MonitoringTable, Period, calendar_years
from ccer_calc.project import ProjectData
from ccer_calc.units import Quantity, parse_unit

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ccer_calc.expected import ExpectedIn
    from ccer_calc.methodology import MonitoredColumn
    from ccer_calc.project import DatesIn

__all__ = ["crediting_year_axis", "expected_data", "expected_table", "scenario_data"]

_FIELD = "expected"


def crediting_year_axis(dates: DatesIn) -> list[Period]:
    """One period per calendar year of the crediting period (the estimate's axis).

    Raises
    ------
    InputError
        If the crediting period ends before it starts.
    """
    start, end = dates.crediting_period_start, dates.crediting_period_end
    if end < start:
        raise InputError("the crediting period ends before it starts",
                         field="dates.crediting_period_end", value=end.isoformat(),
                         expected=f"a date on or after {start}")
    return calendar_years(start, end)


def _year_rows(expected: ExpectedIn, years: list[Period], known: set[str]
               ) -> dict[int, tuple[int, dict[str, Any]]]:
    """Per-year rows by year: (their index in ``expected.years``, their values)."""
    first, last = int(years[0].id), int(years[-1].id)
    out: dict[int, tuple[int, dict[str, Any]]] = {}
    for i, row in enumerate(expected.years):
        where = f"{_FIELD}.years[{i}]"
        year = row.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError("a per-year row needs its calendar year", field=f"{where}.year",
                             value=year if isinstance(year, str | int | float) else None,
                             expected="an integer year, e.g. year = 2026")
        if not first <= year <= last:
            raise InputError("year outside the crediting period", field=f"{where}.year",
                             value=year, expected=f"a year from {first} to {last} (crediting "
                             f"period {years[0].start} to {years[-1].end})")
        if year in out:
            raise InputError("two rows for one year", field=f"{where}.year", value=year,
                             expected=f"one row per year (also at {_FIELD}.years"
                                      f"[{out[year][0]}])")
        values = {k: v for k, v in row.items() if k != "year"}
        for name in values:
            _known(name, known, f"{where}.{name}")
            if name in expected.annual:
                raise InputError(
                    f"{name} is given both as a constant annual value and per year",
                    field=f"{where}.{name}", expected=f"either {_FIELD}.annual.{name} or "
                    f"one value per year in [[{_FIELD}.years]], not both")
        out[year] = (i, values)
    return out


def _known(name: str, known: set[str], where: str) -> None:
    if name not in known:
        raise InputError("unknown expected quantity", field=where, value=name,
                         expected="one of the monitored columns: " + ", ".join(sorted(known)))


def _column(c: MonitoredColumn, expected: ExpectedIn, years: list[Period],
            rows: dict[int, tuple[int, dict[str, Any]]]) -> tuple[np.ndarray, list[str]]:
    """The column's value per year of the axis, and where each came from (for messages)."""
    unit = c.unit
    if c.name in expected.annual:
        where = f"{_FIELD}.annual.{c.name}"
        annual = quantity_in_unit(expected.annual[c.name], unit, where)
        # short enough to be shown whole under the 80-character cap on field paths
        if c.kind != "extensive":
            return (np.full(len(years), annual),
                    [f"{where} ({p.id}: {p.days} days)" for p in years])
        share = crediting_year_shares(years[0].start, years[-1].end, years)
        return annual * share, [f"{where} ({p.id}: {p.days} days, {s:.6g} × annual)"
                                for p, s in zip(years, share, strict=True)]
    given = [y for y, (_, v) in rows.items() if c.name in v]
    if not given:
        raise InputError("missing expected quantity", field=f"{_FIELD}.annual.{c.name}",
                         expected=f"a constant annual value in {unit}, or one value per year "
                                  f"in [[{_FIELD}.years]]")
    values, labels = np.empty(len(years)), []
    for k, p in enumerate(years):
        year = int(p.id)
        if year not in rows or c.name not in rows[year][1]:
            raise InputError(f"no expected {c.name} for {year}", field=f"{_FIELD}.years",
                             value=f"year {year}",
                             expected=f"one row per year of the crediting period with {c.name} "
                                      f"(its values are given for {', '.join(map(str, given))})")
        i, row = rows[year]
        where = f"{_FIELD}.years[{i}].{c.name}"
        values[k] = quantity_in_unit(row[c.name], unit, where)
        labels.append(where)
    return values, labels


def expected_table(expected: ExpectedIn, columns: Sequence[MonitoredColumn],
                   years: list[Period], inputs: BaseModel) -> MonitoringTable:
    """The estimate's rows: one per calendar year of the crediting period, one column each.

    Parameters
    ----------
    expected : ExpectedIn
        The project's ``[expected]`` table.
    columns : sequence of MonitoredColumn
        The project's monitored columns (:meth:`Methodology.monitored_columns_for`).
    years : list of Period
        The crediting period's calendar years (:func:`crediting_year_axis`).
    inputs : BaseModel
        The project's inputs (installed capacity for the capacity check).

    Returns
    -------
    MonitoringTable
        Origin ``expected``; every meter ``ok`` (no correction is expected ex ante).

    Raises
    ------
    InputError, UnitError
        A quantity that is unknown, missing, given both ways, of the wrong unit, out of
        range or above the installed capacity; a year outside the crediting period or twice.
    """
    known = {c.name for c in columns}
    for name in expected.annual:
        _known(name, known, f"{_FIELD}.annual.{name}")
    rows = _year_rows(expected, years, known)
    mags: dict[str, pint.Quantity] = {}
    labels: dict[str, list[str]] = {}
    for c in columns:
        values, names = _column(c, expected, years, rows)
        labels[c.name] = names
        c.bounds.check(values, c.unit, names.__getitem__)
        mags[c.name] = Quantity(values, parse_unit(c.unit))
    n = len(years)
    table = MonitoringTable(
        start=np.array([p.start for p in years], dtype="datetime64[D]"),
        end=np.array([p.end for p in years], dtype="datetime64[D]"),
        columns=mags,
        meter_status={c.name: np.full(n, "ok", dtype=np.str_) for c in columns},
        meter_error={c.name: np.full(n, np.nan) for c in columns},
        origin=_FIELD)

    def label(i: int, name: str) -> str:
        return labels[name][i]

    check_capacity(table, columns, inputs, label=label)
    return table


def expected_data(expected: ExpectedIn, columns: Sequence[MonitoredColumn], dates: DatesIn,
                  inputs: BaseModel) -> ProjectData:
    """:func:`expected_table` on the crediting period's years, with its digest."""
    table = expected_table(expected, columns, crediting_year_axis(dates), inputs)
    return ProjectData(table, {}, table.digest())


def _merge_expected(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """The project's expected values with a scenario's, replaced quantity by quantity.

    A quantity the scenario names (as a constant annual value or in its per-year rows) is taken
    from the scenario alone; the others stay as the project gives them. ``as_of`` and a
    methodology's own tables (a sink's ``planting`` or ``growth``) that the scenario gives
    replace the project's whole.
    """
    rows = [r for r in patch.get("years", []) if isinstance(r, dict)]
    names = set(patch.get("annual", {})) | {k for r in rows for k in r if k != "year"}
    annual = {k: v for k, v in base.get("annual", {}).items() if k not in names}
    annual.update(patch.get("annual", {}))
    years = [{k: v for k, v in r.items() if k not in names} for r in base.get("years", [])]
    by_year = {r.get("year"): r for r in years}
    for r in rows:
        if r.get("year") in by_year:
            by_year[r["year"]].update(r)
        else:
            years.append(dict(r))
    out = {**{k: v for k, v in base.items() if k not in ("annual", "years")},
           "annual": annual, "years": years}
    out.update({k: v for k, v in patch.items() if k not in ("annual", "years")})
    return out


def scenario_data(data: dict[str, Any], name: str) -> dict[str, Any]:
    """Plain project data for one scenario: the project's, with the scenario's changes.

    Dates and parameters the scenario gives replace the project's; expected values are
    replaced quantity by quantity (:func:`_merge_expected`). Monitoring data, the typed
    ``ex_ante`` figures and the other scenarios are left out: a scenario is an estimate.
    """
    scenario = data["scenarios"][name]
    out = {k: copy.deepcopy(v) for k, v in data.items()
           if k not in ("scenarios", "monitoring", "ex_ante")}
    out["dates"] = {**data.get("dates", {}), **copy.deepcopy(scenario.get("dates", {}))}
    out["parameters"] = {**data.get("parameters", {}),
                         **copy.deepcopy(scenario.get("parameters", {}))}
    if scenario.get("expected") is not None:
        out["expected"] = _merge_expected(copy.deepcopy(data.get("expected") or {}),
                                          copy.deepcopy(scenario["expected"]))
    return out
