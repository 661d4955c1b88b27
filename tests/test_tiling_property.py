"""The vectorised tiling check (issue 12) agrees with the period-by-period rule it replaced."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ccer_calc.errors import InputError
from ccer_calc.periods import MonitoringTable, Period, assign_rows

DAY = dt.timedelta(days=1)


def _reference(start: list[dt.date], end: list[dt.date], periods: list[Period]) -> int | None:
    """The first period the rows fail to tile, period by period (the rule as first written)."""
    for k, p in enumerate(periods):
        rows = [i for i in range(len(start)) if p.start <= start[i] <= p.end]
        if not rows or start[rows[0]] != p.start or end[rows[-1]] != p.end:
            return k
        if any(start[b] != end[a] + DAY for a, b in itertools.pairwise(rows)):
            return k
    return None


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[dt.date], list[dt.date], list[Period]]:
    n_periods = draw(st.integers(1, 3))
    periods, starts, ends = [], [], []
    day = dt.date(2024, 1, 1)
    for k in range(n_periods):
        lengths = draw(st.lists(st.integers(1, 40), min_size=1, max_size=5))
        p_start = day
        for length in lengths:
            if draw(st.integers(0, 9)) == 0:  # now and then a gap of a few days
                day += DAY * draw(st.integers(1, 3))
            starts.append(day)
            ends.append(day + DAY * (length - 1))
            day += DAY * length
        p_end = ends[-1] + DAY * draw(st.sampled_from([0, 0, 0, 1]))  # now and then too long
        if draw(st.integers(0, 9)) == 0 and len(starts) > 1:  # or a period left without rows
            p_start = ends[-1] + DAY
            p_end = p_start
        periods.append(Period(f"P{k}", p_start, max(p_end, p_start)))
        day = max(day, periods[-1].end + DAY)
    return starts, ends, periods


@settings(max_examples=300, deadline=None)
@given(tables())
def test_vectorised_tiling_agrees_with_the_period_by_period_rule(case) -> None:
    starts, ends, periods = case
    table = MonitoringTable(np.array(starts, dtype="datetime64[D]"),
                            np.array(ends, dtype="datetime64[D]"), {}, {}, {})
    expected = _reference(starts, ends, periods)
    try:
        assign_rows(table, periods)
    except InputError as exc:
        if "outside every monitoring period" in str(exc):
            return  # rows outside the periods: refused before the tiling rule applies
        assert expected is not None, str(exc)
        assert exc.field == f"monitoring.periods[{expected}]"
    else:
        assert expected is None
