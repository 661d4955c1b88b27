"""Periods: splitting rows at 1 January, assigning rows to periods, checking periods."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.periods import MonitoringTable, Period, assign_rows, check_periods, split_at_years


def _dates(*iso: str) -> np.ndarray:
    return np.array(iso, dtype="datetime64[D]")


def _days(a: str, b: str) -> int:
    """Inclusive day count, computed with datetime rather than numpy."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days + 1


def _table(starts: list[str], ends: list[str]) -> MonitoringTable:
    return MonitoringTable(_dates(*starts), _dates(*ends), {}, {}, {})


def test_period_days_are_inclusive() -> None:
    assert Period("P", dt.date(2024, 1, 1), dt.date(2024, 1, 31)).days == 31
    assert Period("P", dt.date(2024, 2, 1), dt.date(2024, 2, 29)).days == 29


def test_row_inside_one_year_stays_whole() -> None:
    s = split_at_years(_dates("2024-02-01"), _dates("2024-02-29"), np.array([0]))
    assert s.year.tolist() == [2024]
    assert s.fraction.tolist() == [1.0]
    assert s.split is False
    assert s.labels() == ["2024-02-01..2024-02-29"]


def test_row_across_new_year_is_split_by_days() -> None:
    s = split_at_years(_dates("2023-12-16"), _dates("2024-01-15"), np.array([4]))
    total = _days("2023-12-16", "2024-01-15")
    assert s.year.tolist() == [2023, 2024]
    assert s.fraction.tolist() == pytest.approx(
        [_days("2023-12-16", "2023-12-31") / total, _days("2024-01-01", "2024-01-15") / total],
        rel=1e-12)
    assert s.labels() == ["2023-12-16..2023-12-31", "2024-01-01..2024-01-15"]
    assert s.row.tolist() == [0, 0]
    assert s.period.tolist() == [4, 4]
    assert s.split is True


def test_leap_year_counts_366_days() -> None:
    s = split_at_years(_dates("2023-12-01"), _dates("2024-12-31"), np.array([0]))
    total = 31 + 366
    assert _days("2023-12-01", "2024-12-31") == total
    assert s.fraction.tolist() == pytest.approx([31 / total, 366 / total], rel=1e-12)


def test_row_spanning_three_years() -> None:
    s = split_at_years(_dates("2023-07-01"), _dates("2025-06-30"), np.array([0]))
    total = _days("2023-07-01", "2025-06-30")
    parts = [_days("2023-07-01", "2023-12-31"), _days("2024-01-01", "2024-12-31"),
             _days("2025-01-01", "2025-06-30")]
    assert s.year.tolist() == [2023, 2024, 2025]
    assert s.fraction.tolist() == pytest.approx([p / total for p in parts], rel=1e-12)
    assert float(s.fraction.sum()) == pytest.approx(1.0, rel=1e-12)
    assert s.labels() == ["2023-07-01..2023-12-31", "2024-01-01..2024-12-31",
                          "2025-01-01..2025-06-30"]


def test_several_rows_keep_their_row_and_period_index() -> None:
    s = split_at_years(_dates("2024-11-01", "2024-12-01", "2025-01-01"),
                       _dates("2024-11-30", "2025-01-10", "2025-01-31"), np.array([0, 0, 1]))
    assert s.row.tolist() == [0, 1, 1, 2]
    assert s.period.tolist() == [0, 0, 0, 1]
    assert s.year.tolist() == [2024, 2024, 2025, 2025]
    assert s.fraction.tolist() == pytest.approx([1.0, 31 / 41, 10 / 41, 1.0], rel=1e-12)


def test_assign_rows_to_periods() -> None:
    t = _table(["2024-01-01", "2024-02-01", "2024-03-01"],
               ["2024-01-31", "2024-02-29", "2024-03-31"])
    periods = [Period("A", dt.date(2024, 1, 1), dt.date(2024, 2, 29)),
               Period("B", dt.date(2024, 3, 1), dt.date(2024, 3, 31))]
    assert assign_rows(t, periods).tolist() == [0, 0, 1]


ONE_PERIOD = [Period("MP1", dt.date(2024, 1, 1), dt.date(2024, 3, 31))]


def test_overlapping_rows_are_refused() -> None:
    t = _table(["2024-01-01", "2024-01-31", "2024-03-01"],
               ["2024-01-31", "2024-02-29", "2024-03-31"])
    with pytest.raises(InputError, match=r"monitoring.data\[1\]: rows overlap or are out of "
                                         r"order \(got '2024-01-31..2024-02-29'; expected a "
                                         r"start after 2024-01-31"):
        assign_rows(t, ONE_PERIOD)


def test_rows_out_of_order_are_refused() -> None:
    t = _table(["2024-02-01", "2024-01-01", "2024-03-01"],
               ["2024-02-29", "2024-01-31", "2024-03-31"])
    with pytest.raises(InputError, match=r"monitoring.data\[1\]: rows overlap or are out of "
                                         "order"):
        assign_rows(t, ONE_PERIOD)


def test_missing_month_is_a_gap() -> None:
    t = _table(["2024-01-01", "2024-03-01"], ["2024-01-31", "2024-03-31"])
    with pytest.raises(InputError, match=r"monitoring.periods\[0\]: monitoring data do not "
                                         r"cover the whole period \(got 'MP1: 2024-01-01.."
                                         r"2024-03-31'.*no missing month"):
        assign_rows(t, ONE_PERIOD)


def test_period_without_rows_is_a_gap() -> None:
    t = _table(["2024-01-01"], ["2024-03-31"])
    periods = [*ONE_PERIOD, Period("MP2", dt.date(2024, 4, 1), dt.date(2024, 4, 30))]
    with pytest.raises(InputError, match=r"monitoring.periods\[1\]: monitoring data do not "
                                         "cover the whole period"):
        assign_rows(t, periods)


def test_period_start_not_covered_is_a_gap() -> None:
    t = _table(["2024-01-05"], ["2024-03-31"])
    with pytest.raises(InputError, match="do not cover the whole period"):
        assign_rows(t, ONE_PERIOD)


def test_row_outside_every_period() -> None:
    t = _table(["2024-01-01", "2024-04-01"], ["2024-03-31", "2024-04-30"])
    with pytest.raises(InputError, match=r"monitoring.data\[1\]: row lies outside every "
                                         r"monitoring period .*2024-04-01..2024-04-30"):
        assign_rows(t, ONE_PERIOD)


def test_row_spanning_two_periods() -> None:
    t = _table(["2024-01-01"], ["2024-04-30"])
    periods = [*ONE_PERIOD, Period("MP2", dt.date(2024, 4, 1), dt.date(2024, 4, 30))]
    with pytest.raises(InputError, match=r"monitoring.data\[0\]: row lies outside every "
                                         r"monitoring period \(or spans two\)"):
        assign_rows(t, periods)


def test_row_ending_before_it_starts() -> None:
    t = _table(["2024-01-31"], ["2024-01-01"])
    with pytest.raises(InputError, match=r"monitoring.data\[0\]: row ends before it starts"):
        assign_rows(t, ONE_PERIOD)


def test_no_rows() -> None:
    with pytest.raises(InputError, match="monitoring.data: no monitoring data"):
        assign_rows(_table([], []), ONE_PERIOD)


def test_check_periods_accepts_consecutive_periods() -> None:
    check_periods([Period("A", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
                   Period("B", dt.date(2024, 7, 1), dt.date(2024, 12, 31))])


def test_check_periods_no_period() -> None:
    with pytest.raises(InputError, match="monitoring.periods: no monitoring period given"):
        check_periods([])


def test_check_periods_duplicate_id() -> None:
    with pytest.raises(InputError, match=r"monitoring.periods\[1\].id: duplicate period id "
                                         r"\(got 'A'; expected an id used by no other period\)"):
        check_periods([Period("A", dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
                       Period("A", dt.date(2024, 2, 1), dt.date(2024, 2, 29))])


def test_check_periods_reversed() -> None:
    with pytest.raises(InputError, match=r"monitoring.periods\[0\]: period ends before it "
                                         r"starts \(got '2024-02-01..2024-01-01'; expected "
                                         r"start <= end\)"):
        check_periods([Period("A", dt.date(2024, 2, 1), dt.date(2024, 1, 1))])


def test_check_periods_overlapping() -> None:
    with pytest.raises(InputError, match=r"monitoring.periods\[1\]: periods overlap or are out "
                                         r"of order \(got '2024-06-30..2024-12-31'; expected a "
                                         r"start after 2024-06-30 \(end of period 'A'\)\)"):
        check_periods([Period("A", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
                       Period("B", dt.date(2024, 6, 30), dt.date(2024, 12, 31))])


def test_check_periods_out_of_order() -> None:
    with pytest.raises(InputError, match=r"monitoring.periods\[1\]: periods overlap or are out "
                                         "of order"):
        check_periods([Period("B", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
                       Period("A", dt.date(2024, 1, 1), dt.date(2024, 6, 30))])
