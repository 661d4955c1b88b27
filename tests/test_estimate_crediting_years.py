"""A constant annual expected value is a value per crediting year (issue #15, Done-when).

Issue #15's Done-when: ``estimate`` with a constant expected export over ten whole calendar
years gives ten equal years summing to ten times one year, the annual average equal to one
year; a crediting period starting mid-year gives pro-rata first and last years that sum to the
same total. The rule (:mod:`ccer_calc.crediting`): crediting year k runs from the start's
anniversary k − 1 to anniversary k (half-open); each calendar year receives, from every
crediting year overlapping it, annual × overlap days ÷ days of that crediting year.

One year of the offshore-wind example by hand, CCER-01-002-V01: §6.3 eq. (2) EG_PJ,y =
EG_export,y − EG_import,y = 803,701 − 1,850 = 801,851 MWh; eq. (3) EF_grid,CM,y = 0.8042 × 0.5 +
0.2135 × 0.5 = 0.50885 t CO2/MWh; eq. (1) BE_y = EG_PJ,y × EF_grid,CM,y; §6.4 PE_y = 0, §6.5
LE_y = 0; §6.6 eq. (4) ER_y = BE_y. Every quantity is linear in the export and import, so a
calendar year that receives s crediting years of both has ER_y = s × ONE_YEAR.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import load_project
from ccer_calc.crediting import (
    anniversary,
    crediting_year_bounds,
    crediting_year_count,
    crediting_year_shares,
)
from ccer_calc.errors import InputError
from ccer_calc.estimation import estimate
from ccer_calc.periods import calendar_years
from ccer_calc.rules import _at_most

EX_ANTE_TOML = (Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01"
                / "data" / "example_ex_ante.toml")
ONE_YEAR = (803701.0 - 1850.0) * (0.8042 * 0.5 + 0.2135 * 0.5)  # t CO2e, eq. (2), (3), (1), (4)


@pytest.fixture
def run(write_project: Callable[..., Path]) -> Callable[[str, str], Any]:
    """The example's estimate over another crediting period (no scenarios)."""
    def go(start: str, end: str) -> Any:
        d = tomllib.loads(EX_ANTE_TOML.read_text("utf-8"))
        del d["scenarios"]
        d["dates"].update(crediting_period_start=start, crediting_period_end=end)
        return estimate(load_project(write_project(d)))
    return go


def _by_year(est: Any) -> dict[int, float]:
    return {y.year: y.values["emission_reductions"] for y in est.years}


def _check(est: Any, shares: dict[int, float], crediting_years: float) -> None:
    er = _by_year(est)
    assert list(er) == list(shares)
    listed = {y.year: y.crediting_years for y in est.years}  # the column the tables show
    for year, share in shares.items():
        assert er[year] == pytest.approx(share * ONE_YEAR, rel=1e-12), year
        assert listed[year] == pytest.approx(share, rel=1e-12), year
        assert est.to_dict()["years"][list(shares).index(year)]["crediting_years"] == \
            listed[year]
    assert sum(listed.values()) == pytest.approx(crediting_years, rel=1e-12)
    assert est.crediting_years == pytest.approx(crediting_years, rel=1e-12)
    assert est.totals["emission_reductions"] == pytest.approx(crediting_years * ONE_YEAR,
                                                              rel=1e-12)
    assert est.annual_average["emission_reductions"] == pytest.approx(ONE_YEAR, rel=1e-12)


def test_ten_whole_calendar_years_are_unchanged(run: Any) -> None:
    # from 1 January the crediting years are the calendar years: ten equal years (the leap
    # years 2024, 2028 and 2032 are each one whole crediting year of 366 days)
    est = run("2024-01-01", "2033-12-31")
    _check(est, dict.fromkeys(range(2024, 2034), 1.0), 10.0)
    assert [y.days for y in est.years] == [366, 365, 365, 365, 366, 365, 365, 365, 366, 365]


def test_mid_year_start_across_leap_years_totals_ten_years(run: Any) -> None:
    # Crediting years from 2024-07-01, each 1 July to 30 June: 365 days, except the 4th
    # (2027-07-01..2028-06-30) and the 8th (2031-07-01..2032-06-30), which hold a 29 February
    # and have 366. 1 July to 31 December is 184 days; 1 January to 30 June is 181 (182 in a
    # leap year). So:
    #   2024: 184/365 (1st)                2025, 2026: 181/365 + 184/365 = 1
    #   2027: 181/365 (3rd) + 184/366 (4th) = 0.998622...
    #   2028: 182/366 (4th) + 184/365 (5th) = 1.001377...
    #   2029, 2030: 1     2031: as 2027     2032: as 2028     2033: 1
    #   2034: 181/365 (10th)
    # Each crediting year is handed out whole: the total is exactly 10 × one year (before the
    # fix 184/366 + 9 + 181/365 = 9.9986 years: 4,079,656.825 t instead of 4,080,218.814 t).
    dip, bump = 181 / 365 + 184 / 366, 182 / 366 + 184 / 365
    shares = {2024: 184 / 365, 2025: 1.0, 2026: 1.0, 2027: dip, 2028: bump, 2029: 1.0,
              2030: 1.0, 2031: dip, 2032: bump, 2033: 1.0, 2034: 181 / 365}
    est = run("2024-07-01", "2034-06-30")
    _check(est, shares, 10.0)
    assert est.totals["emission_reductions"] == pytest.approx(4_080_218.8135, rel=1e-12)
    assert [(y.days, y.year_days) for y in (est.years[0], est.years[-1])] == [(184, 366),
                                                                               (181, 365)]


def test_start_on_15_march(run: Any) -> None:
    # Crediting years 15 March to 14 March; the 3rd (2027-03-15..2028-03-14) and the 7th
    # (2031-03-15..2032-03-14) hold a 29 February: 366 days, the others 365. 1 January to
    # 14 March is 31 + 28 + 14 = 73 days (74 in a leap year); 15 March to 31 December is 292.
    #   2025: 292/365        2026: 73/365 + 292/365 = 1
    #   2027: 73/365 + 292/366      2028: 74/366 + 292/365      2029, 2030: 1
    #   2031: 73/365 + 292/366      2032: 74/366 + 292/365      2033, 2034: 1
    #   2035: 73/365 (10th, 2034-03-15..2035-03-14)
    dip, bump = 73 / 365 + 292 / 366, 74 / 366 + 292 / 365
    shares = {2025: 292 / 365, 2026: 1.0, 2027: dip, 2028: bump, 2029: 1.0, 2030: 1.0,
              2031: dip, 2032: bump, 2033: 1.0, 2034: 1.0, 2035: 73 / 365}
    _check(run("2025-03-15", "2035-03-14"), shares, 10.0)


def test_start_on_29_february(run: Any) -> None:
    # The anniversaries of 2024-02-29 fall on 1 March in common years and on 29 February in
    # leap years: crediting years 2024-02-29..2025-02-28 (366 days), 2025-03-01..2026-02-28,
    # 2026-03-01..2027-02-28, 2027-03-01..2028-02-28 (365 each), 2028-02-29..2029-02-28 (366),
    # three of 365, 2032-02-29..2033-02-28 (366) and 2033-03-01..2034-02-28 (365): the ten
    # years that the at-most-ten-years rule allows (to 2034-02-28) are exactly ten crediting
    # years. 29 February to 31 December is 307 days; 1 January to 28 February is 59; 1 March
    # to 31 December of a common year is 306.
    #   2024: 307/366        2025: 59/366 + 306/365       2026, 2027: 1
    #   2028: 59/365 + 307/366      2029: 59/366 + 306/365      2030, 2031: 1
    #   2032: 59/365 + 307/366      2033: 59/366 + 306/365      2034: 59/365
    after, leap = 59 / 366 + 306 / 365, 59 / 365 + 307 / 366
    shares = {2024: 307 / 366, 2025: after, 2026: 1.0, 2027: 1.0, 2028: leap, 2029: after,
              2030: 1.0, 2031: 1.0, 2032: leap, 2033: after, 2034: 59 / 365}
    start = dt.date(2024, 2, 29)
    assert _at_most("ten", start, dt.date(2034, 2, 28), 10, "").passed
    assert not _at_most("ten", start, dt.date(2034, 3, 1), 10, "").passed
    _check(run("2024-02-29", "2034-02-28"), shares, 10.0)


def test_seven_years_and_three_months(run: Any) -> None:
    # 2025-03-15..2032-06-14: seven whole crediting years (to 2032-03-14, as in the test above)
    # and an 8th cut short: 2032-03-15..2032-06-14 is 17 + 30 + 31 + 14 = 92 days of a whole
    # year 2032-03-15..2033-03-14 of 365 days, so 92/365 of a year.
    #   2025 .. 2031 as above; 2032: 74/366 (7th) + 92/365 (8th)
    dip, bump = 73 / 365 + 292 / 366, 74 / 366 + 292 / 365
    shares = {2025: 292 / 365, 2026: 1.0, 2027: dip, 2028: bump, 2029: 1.0, 2030: 1.0,
              2031: dip, 2032: 74 / 366 + 92 / 365}
    _check(run("2025-03-15", "2032-06-14"), shares, 7 + 92 / 365)


def test_a_period_shorter_than_a_year(run: Any) -> None:
    # 2025-07-01..2026-03-31: one crediting year cut after 184 + 90 = 274 of its 365 days
    _check(run("2025-07-01", "2026-03-31"), {2025: 184 / 365, 2026: 90 / 365}, 274 / 365)


# --- the calendar of crediting years ----------------------------------------------------------

@pytest.mark.parametrize(("start", "years", "expected"), [
    ("2024-07-01", 1, "2025-07-01"), ("2024-02-29", 1, "2025-03-01"),
    ("2024-02-29", 4, "2028-02-29"), ("2024-03-01", 1, "2025-03-01"),
    ("2024-02-28", 1, "2025-02-28"), ("2023-03-01", 1, "2024-03-01"),
    ("2024-12-31", 1, "2025-12-31"), ("2024-01-01", 0, "2024-01-01"),
])
def test_anniversary(start: str, years: int, expected: str) -> None:
    assert anniversary(dt.date.fromisoformat(start), years) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("start", "end"), [
    ("2024-07-01", "2034-06-30"), ("2025-03-15", "2032-06-14"), ("2024-02-29", "2034-02-28"),
    ("2024-01-01", "2033-12-31"), ("2023-12-31", "2024-01-01"), ("2024-02-29", "2024-02-29"),
    ("2021-07-01", "2051-06-30"),
])
def test_shares_add_up_to_the_crediting_years(start: str, end: str) -> None:
    s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    shares = crediting_year_shares(s, e, calendar_years(s, e))
    assert float(shares.sum()) == pytest.approx(crediting_year_count(s, e), rel=1e-12)
    bounds = crediting_year_bounds(s, e)
    assert bounds[0][0] == s and bounds[-1][0] <= e < bounds[-1][1]
    assert all(b == a2 for (_, b), (a2, _) in itertools.pairwise(bounds))
    assert {(b - a).days for a, b in bounds} <= {365, 366}


def test_a_single_day_is_its_share_of_a_year() -> None:
    day = dt.date(2024, 2, 29)  # the crediting year from 2024-02-29 has 366 days
    assert crediting_year_count(day, day) == pytest.approx(1 / 366, rel=1e-12)


# --- the installed-capacity bound, per calendar year of the allocation -------------------------

def test_capacity_bound_applies_to_each_calendar_year(write_project: Callable[..., Path]) -> None:
    # 300 MW × 8760 h: a crediting year of 365 days at full load. From 2024-07-01 the row of
    # 2028 receives 182/366 + 184/365 = 1.001377 years, 8772.07 h at full load, below its 8784 h:
    # accepted. 0.01 % more overflows the first row, 184/365 of a year against its 184 days.
    d = tomllib.loads(EX_ANTE_TOML.read_text("utf-8"))
    del d["scenarios"]
    d["dates"].update(crediting_period_start="2024-07-01", crediting_period_end="2034-06-30")
    most = 300 * 24 * 365
    d["expected"]["annual"]["export"] = f"{most} MWh"
    load_project(write_project(d))
    d["expected"]["annual"]["export"] = f"{most * 1.0001} MWh"
    limit = 300 * 24 * 184
    with pytest.raises(InputError, match=re.escape(f"at most {limit:g} MWh")) as e:
        load_project(write_project(d))
    assert e.value.field == "expected.annual.export (2024: 184 days, 0.50411 × annual)"
