"""Management-measure rules (温室气体自愿减排交易管理办法（试行） arts. 10 and 17), each
passing and failing, on the offshore-wind example with its dates changed."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import get_methodology, project_from_dict
from ccer_calc.methodology import CheckResult
from ccer_calc.rules import (
    CONSTRUCTION_CUTOFF,
    LOOKBACK_YEARS,
    REDUCTIONS_CUTOFF,
    _at_least,
    management_rules,
)

OW = "CCER-01-002-V01"


def _rules(data: dict[str, Any], example_dir: Path, methodology: Any = None) -> dict[str,
                                                                                      CheckResult]:
    project = project_from_dict(data, base_dir=example_dir)
    m = methodology if methodology is not None else get_methodology(OW)
    return {r.name: r for r in management_rules(project, m)}


def _first_day(data: dict[str, Any], day: dt.date) -> None:
    data["monitoring"]["periods"][0]["start"] = day


def test_cutoff_constants() -> None:
    assert CONSTRUCTION_CUTOFF == dt.date(2012, 11, 8)
    assert REDUCTIONS_CUTOFF == dt.date(2020, 9, 22)
    assert LOOKBACK_YEARS == 5


def test_example_passes_every_rule(example_data: dict[str, Any], example_dir: Path) -> None:
    rules = _rules(example_data, example_dir)
    assert set(rules) == {"construction_after_2012_11_08", "reductions_after_2020_09_22",
                          "crediting_period_order", "periods_within_crediting_period",
                          "crediting_period_at_most_10_years", "five_year_lookback"}
    assert [n for n, r in rules.items() if not r.passed] == []


@pytest.mark.parametrize(("day", "passed"), [(dt.date(2012, 11, 8), False),
                                             (dt.date(2012, 11, 9), True),
                                             (dt.date(2010, 1, 1), False)])
def test_construction_after_cutoff(example_data: dict[str, Any], example_dir: Path,
                                   day: dt.date, passed: bool) -> None:
    example_data["dates"]["construction_start"] = day
    r = _rules(example_data, example_dir)["construction_after_2012_11_08"]
    assert r.passed is passed
    assert r.reason == f"construction started {day}; must be after 2012-11-08"
    assert r.source.endswith("art. 10")


@pytest.mark.parametrize(("day", "passed"), [(dt.date(2020, 9, 22), False),
                                             (dt.date(2020, 9, 23), True)])
def test_reductions_after_cutoff(example_data: dict[str, Any], example_dir: Path,
                                 day: dt.date, passed: bool) -> None:
    example_data["dates"]["crediting_period_start"] = dt.date(2020, 9, 1)
    example_data["dates"]["crediting_period_end"] = dt.date(2030, 8, 31)
    # built and connected before monitoring starts (issue #14: later dates are refused)
    example_data["dates"].update(construction_start=dt.date(2019, 3, 1),
                                 grid_connection=dt.date(2020, 6, 30))
    _first_day(example_data, day)
    r = _rules(example_data, example_dir)["reductions_after_2020_09_22"]
    assert r.passed is passed
    assert r.reason.startswith(f"first monitored day {day}; reductions must be generated after "
                               "2020-09-22")
    assert r.source.endswith("art. 17")


def test_crediting_period_order(example_data: dict[str, Any], example_dir: Path) -> None:
    example_data["dates"]["crediting_period_end"] = dt.date(2023, 12, 31)
    r = _rules(example_data, example_dir)["crediting_period_order"]
    assert r.passed is False
    assert r.reason == "crediting period 2024-01-01..2023-12-31"


@pytest.mark.parametrize(("start", "end", "passed"), [
    (dt.date(2024, 1, 1), dt.date(2033, 12, 31), True),
    (dt.date(2024, 1, 2), dt.date(2033, 12, 31), False),  # first month before the period
    (dt.date(2023, 1, 1), dt.date(2025, 6, 29), False),  # last month after it
])
def test_periods_within_crediting_period(example_data: dict[str, Any], example_dir: Path,
                                         start: dt.date, end: dt.date, passed: bool) -> None:
    example_data["dates"].update(crediting_period_start=start, crediting_period_end=end)
    r = _rules(example_data, example_dir)["periods_within_crediting_period"]
    assert r.passed is passed
    assert r.reason == f"monitoring 2024-01-01..2025-06-30; crediting period {start}..{end}"


@pytest.mark.parametrize(("end", "passed"), [(dt.date(2033, 12, 31), True),
                                             (dt.date(2034, 1, 1), False)])
def test_crediting_period_at_most_ten_years(example_data: dict[str, Any], example_dir: Path,
                                            end: dt.date, passed: bool) -> None:
    # CCER-01-002-V01 §5.2: at most 10 years from 2024-01-01, i.e. through 2033-12-31
    example_data["dates"]["crediting_period_end"] = end
    r = _rules(example_data, example_dir)["crediting_period_at_most_10_years"]
    assert r.passed is passed
    assert r.reason == f"crediting period ends {end}; at most 10 years allows 2033-12-31"


def test_no_crediting_limit_when_methodology_has_none(example_data: dict[str, Any],
                                                      example_dir: Path) -> None:
    unlimited = types.SimpleNamespace(max_crediting_years=None, source="test methodology")
    rules = _rules(example_data, example_dir, unlimited)
    assert not any(name.startswith("crediting_period_at_most") for name in rules)
    assert rules["crediting_period_order"].source == "test methodology"


@pytest.mark.parametrize(("application", "passed"), [
    (dt.date(2029, 1, 1), True),   # earliest day covered: 2024-01-01, the first monitored day
    (dt.date(2029, 1, 2), False),  # earliest 2024-01-02: January 1st is more than 5 years old
    (dt.date(2025, 6, 30), True),  # applied on the last monitored day
    (dt.date(2025, 6, 29), False),  # applied before the monitoring ended
])
def test_five_year_lookback(example_data: dict[str, Any], example_dir: Path,
                            application: dt.date, passed: bool) -> None:
    example_data["dates"]["application_date"] = application
    r = _rules(example_data, example_dir)["five_year_lookback"]
    earliest = application.replace(year=application.year - 5)
    assert r.passed is passed
    assert r.reason == (f"instalment applied for on {application} may cover {earliest}.."
                        f"{application}; monitoring covers 2024-01-01..2025-06-30")


@pytest.mark.parametrize(("first", "passed"), [(dt.date(2023, 2, 28), True),
                                               (dt.date(2023, 2, 27), False)])
def test_five_year_lookback_from_29_february(example_data: dict[str, Any], example_dir: Path,
                                             first: dt.date, passed: bool) -> None:
    # 2023 has no 29 February: five years before 2028-02-29 is taken as 2023-02-28
    application = dt.date(2028, 2, 29)
    earliest = dt.date(2023, 2, 28)
    example_data["dates"].update(application_date=application, crediting_period_start=first,
                                 grid_connection=dt.date(2022, 12, 30))
    _first_day(example_data, first)
    r = _rules(example_data, example_dir)["five_year_lookback"]
    assert r.passed is passed
    assert f"may cover {earliest}..{application}" in r.reason


def test_no_lookback_without_application_date(example_data: dict[str, Any],
                                              example_dir: Path) -> None:
    del example_data["dates"]["application_date"]
    assert "five_year_lookback" not in _rules(example_data, example_dir)


@pytest.mark.parametrize(("start", "last_day"), [
    (dt.date(2024, 2, 29), dt.date(2034, 2, 28)),  # leap-day start ends on 28 February
    (dt.date(2024, 3, 1), dt.date(2034, 2, 28)),
    (dt.date(2022, 3, 1), dt.date(2032, 2, 29)),  # ten years to a leap February: its 29th
    (dt.date(2023, 7, 15), dt.date(2033, 7, 14)),
])
def test_ten_years_end_the_day_before_the_anniversary(example_data: dict[str, Any],
                                                       example_dir: Path, start: dt.date,
                                                       last_day: dt.date) -> None:
    # CCER-01-002-V01 §5.2: a crediting period of at most 10 years
    example_data["dates"]["crediting_period_start"] = start
    example_data["dates"]["crediting_period_end"] = last_day
    assert _rules(example_data, example_dir)["crediting_period_at_most_10_years"].passed
    example_data["dates"]["crediting_period_end"] = last_day + dt.timedelta(days=1)
    assert not _rules(example_data, example_dir)["crediting_period_at_most_10_years"].passed


def test_at_least_n_years_from_1_march_reaches_a_leap_29_february() -> None:
    # 30 years from 2022-03-01 end on 2052-02-29 (2052 is a leap year): the shortest period of
    # 30 years ends then, not on 28 February
    start = dt.date(2022, 3, 1)
    assert _at_least("n", start, dt.date(2052, 2, 29), 30, "").passed
    assert not _at_least("n", start, dt.date(2052, 2, 28), 30, "").passed
