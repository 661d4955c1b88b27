"""Property tests (hypothesis) of the offshore-wind engine path on generated monitoring data.

Tolerances are 1e-9 relative: the two sides are the same algebra summed in a different order
(or through a kWh→MWh conversion), so only float rounding separates them.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ccer_calc.api import compute, project_from_dict

OW = "CCER-01-002-V01"
OM, BM = 0.8042, 0.2135
EF_CM = 0.5 * OM + 0.5 * BM  # CCER-01-002-V01 §6.3 eq. (3), weights of §7.1 Tables 2-3
SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

exports = st.floats(min_value=1_000.0, max_value=200_000.0, allow_nan=False)
imports = st.floats(min_value=0.0, max_value=500.0, allow_nan=False)
month_rows = st.lists(st.tuples(exports, imports), min_size=1, max_size=24)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_bounds(first: dt.date, n: int) -> list[tuple[dt.date, dt.date]]:
    out = []
    y, m = first.year, first.month
    for _ in range(n):
        start = dt.date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        out.append((start, dt.date(y, m, 1) - dt.timedelta(days=1)))
    return out


def _project(rows: list[dict[str, Any]], periods: list[tuple[str, dt.date, dt.date]]) -> Any:
    data = {
        "name": "generated",
        "methodology": OW,
        "dates": {"construction_start": "2020-01-01", "crediting_period_start": "2021-01-01",
                  "crediting_period_end": "2030-12-31"},
        # overridden factors hold for every year, so a row may be regrouped across years
        "parameters": {"grid_om_factor": f"{OM} t CO2/MWh", "grid_bm_factor": f"{BM} t CO2/MWh"},
        # a capacity that can deliver the largest generated row (200,000 MWh in one day)
        "inputs": {"grid": "南方", "installed_capacity": "9000 MW", "distance_to_shore": "35 km",
                   "offshore": True, "grid_connected": True},
        "monitoring": {"periods": [{"id": i, "start": _iso(s), "end": _iso(e)}
                                   for i, s, e in periods],
                       "data": rows},
    }
    return compute(project_from_dict(data))


def _row(start: dt.date, end: dt.date, export: float, imp: float, unit: str = "MWh") -> dict[
        str, Any]:
    return {"start": _iso(start), "end": _iso(end), "export": {"value": export, "unit": unit},
            "import": {"value": imp, "unit": unit}}


@SETTINGS
@given(values=month_rows, first_month=st.integers(min_value=0, max_value=35))
def test_kwh_and_mwh_give_the_same_reductions(values: list[tuple[float, float]],
                                              first_month: int) -> None:
    first = dt.date(2021 + first_month // 12, first_month % 12 + 1, 1)
    bounds = _month_bounds(first, len(values))
    period = [("P", bounds[0][0], bounds[-1][1])]
    in_mwh = _project([_row(s, e, x, i) for (s, e), (x, i) in zip(bounds, values, strict=True)],
                      period)
    in_kwh = _project([_row(s, e, x * 1000, i * 1000, "kWh")
                       for (s, e), (x, i) in zip(bounds, values, strict=True)], period)
    assert in_kwh.totals["emission_reductions"] == pytest.approx(
        in_mwh.totals["emission_reductions"], rel=1e-9)
    for a, b in zip(in_kwh.vintages, in_mwh.vintages, strict=True):
        assert a.values["emission_reductions"] == pytest.approx(
            b.values["emission_reductions"], rel=1e-9)


@SETTINGS
@given(values=month_rows, first_month=st.integers(min_value=0, max_value=35))
def test_period_equals_the_sum_of_its_months(values: list[tuple[float, float]],
                                             first_month: int) -> None:
    first = dt.date(2021 + first_month // 12, first_month % 12 + 1, 1)
    bounds = _month_bounds(first, len(values))
    start, end = bounds[0][0], bounds[-1][1]
    monthly = _project([_row(s, e, x, i) for (s, e), (x, i) in zip(bounds, values, strict=True)],
                       [("P", start, end)])
    whole = _project([_row(start, end, math.fsum(x for x, _ in values),
                           math.fsum(i for _, i in values))], [("P", start, end)])
    assert whole.periods[0].values["emission_reductions"] == pytest.approx(
        monthly.periods[0].values["emission_reductions"], rel=1e-9)
    # and the monthly total is the hand-worked eq. (1)-(2) sum
    net = math.fsum(x - i for x, i in values)
    assert monthly.periods[0].values["emission_reductions"] == pytest.approx(net * EF_CM,
                                                                           rel=1e-9)


@SETTINGS
@given(
    rows=st.lists(st.tuples(st.integers(min_value=1, max_value=120), exports, imports),
                  min_size=1, max_size=12),
    offset=st.integers(min_value=0, max_value=1100),
)
def test_vintages_sum_to_the_period_across_new_year(
    rows: list[tuple[int, float, float]], offset: int
) -> None:
    first = dt.date(2021, 1, 1) + dt.timedelta(days=offset)
    spans = []
    day = first
    for length, x, i in rows:
        end = day + dt.timedelta(days=length - 1)
        spans.append((day, end, x, i))
        day = end + dt.timedelta(days=1)
    last = spans[-1][1]
    assume(last.year > first.year)  # the period spans at least one 1 January
    result = _project([_row(s, e, x, i) for s, e, x, i in spans], [("P", first, last)])
    period_er = result.periods[0].values["emission_reductions"]
    assert math.fsum(v.values["emission_reductions"] for v in result.vintages) == pytest.approx(
        period_er, rel=1e-9)
    # each vintage by hand: every row's net delivery apportioned pro rata by days
    expected: dict[int, float] = {}
    for s, e, x, i in spans:
        row_days = (e - s).days + 1
        for year in range(s.year, e.year + 1):
            lo, hi = max(s, dt.date(year, 1, 1)), min(e, dt.date(year, 12, 31))
            share = ((hi - lo).days + 1) / row_days
            expected[year] = expected.get(year, 0.0) + (x - i) * share * EF_CM
    assert [v.year for v in result.vintages] == sorted(expected)
    for v in result.vintages:
        assert v.values["emission_reductions"] == pytest.approx(expected[v.year], rel=1e-9)
    straddles = any(s.year != e.year for s, e, _, _ in spans)
    rules = {v.rule for v in result.vintages}
    assert ("pro rata by days for monitored rows spanning 1 January" in rules) is straddles
