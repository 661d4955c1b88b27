"""Ex-ante versus actual: the PDD's estimate per calendar year beside the computed vintages.

The PDD's estimate is annual; a vintage year that the monitoring periods cover only in part is
compared with the estimate pro rata to the covered days (documents reference §4.5: "pro-rate
the ex-ante figure to the period's dates"). Differences are actual minus estimate, so a
positive difference means more reductions than the PDD expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ccer_calc.project import Project
    from ccer_calc.result import PeriodResult, Result

__all__ = ["covered_days", "ex_ante_comparison", "ex_ante_table", "ex_ante_totals"]


def covered_days(periods: Sequence[PeriodResult], year: int) -> int:
    """Days of ``year`` inside the monitoring periods, both ends of a period included.

    Parameters
    ----------
    periods : sequence of PeriodResult
        Monitoring periods with ISO ``start`` and ``end`` dates.
    year : int
        Calendar year.

    Returns
    -------
    int
        Number of covered days, 0 to 365 (366 in a leap year).
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    total = 0
    for p in periods:
        start = max(dt.date.fromisoformat(p.start), first)
        end = min(dt.date.fromisoformat(p.end), last)
        total += max(0, (end - start).days + 1)
    return total


def ex_ante_table(project: Project) -> list[dict[str, Any]]:
    """The PDD's estimate as rows ``{"year", "er"}`` in t CO2e (empty if the project has none)."""
    return [{"year": e.year, "er": float(e.emission_reductions.to("t CO2e").magnitude)}
            for e in project.spec.ex_ante]


def ex_ante_comparison(project: Project, result: Result) -> list[dict[str, Any]]:
    """Ex-ante estimate against the actual ER for every year present in both.

    Parameters
    ----------
    project : Project
        Carries the PDD's estimate (``ex_ante`` in the project file).
    result : Result
        Carries the actual reductions per vintage year.

    Returns
    -------
    list of dict
        One row per common year, ascending: ``year``, ``ex_ante`` (annual estimate),
        ``days`` (covered by the monitoring periods), ``year_days``, ``expected`` (estimate
        pro rata to the covered days), ``actual``, ``difference`` (actual − expected) and
        ``relative`` (difference / expected; None when nothing was expected). t CO2e.
    """
    actual = {v.year: v.values["emission_reductions"] for v in result.vintages}
    rows = []
    for e in ex_ante_table(project):
        if e["year"] not in actual:
            continue
        days = covered_days(result.periods, e["year"])
        year_days = 366 if calendar.isleap(e["year"]) else 365
        expected = e["er"] * days / year_days
        difference = actual[e["year"]] - expected
        rows.append({"year": e["year"], "ex_ante": e["er"], "days": days,
                     "year_days": year_days, "expected": expected, "actual": actual[e["year"]],
                     "difference": difference,
                     "relative": difference / expected if expected else None})
    return rows


def ex_ante_totals(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Sums of a comparison's ``expected``, ``actual`` and ``difference`` columns."""
    expected = math.fsum(r["expected"] for r in rows)
    actual = math.fsum(r["actual"] for r in rows)
    return {"expected": expected, "actual": actual, "difference": actual - expected,
            "relative": (actual - expected) / expected if expected else None}
