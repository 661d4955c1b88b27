"""Rules of the CCER management measures that every project must respect.

Source: 《温室气体自愿减排交易管理办法（试行）》 (MEE and SAMR, in force 2023-10-20), arts. 10
and 17; the crediting-period limit is each methodology's own (e.g. CCER-01-002-V01 §5.2).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import CheckResult

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project

__all__ = [
    "CONSTRUCTION_CUTOFF",
    "LOOKBACK_YEARS",
    "REDUCTIONS_CUTOFF",
    "management_rules",
]

#: Construction must have started after this date (art. 10).
CONSTRUCTION_CUTOFF = dt.date(2012, 11, 8)
#: Registrable reductions must have been generated after this date (art. 17).
REDUCTIONS_CUTOFF = dt.date(2020, 9, 22)
#: Each instalment covers reductions of at most the five years before its application (art. 17).
LOOKBACK_YEARS = 5

_MEASURES = "温室气体自愿减排交易管理办法（试行）"


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def management_rules(project: Project, methodology: Methodology) -> list[CheckResult]:
    """Evaluate the management-measure date rules on a project.

    Returns
    -------
    list of CheckResult
        One result per rule, passing or failing with the dates that decided it.
    """
    d = project.spec.dates
    periods = project.periods
    first, last = periods[0].start, periods[-1].end
    out = [
        CheckResult(
            "construction_after_2012_11_08",
            d.construction_start > CONSTRUCTION_CUTOFF,
            Bilingual(f"construction started {d.construction_start}; must be after "
                      f"{CONSTRUCTION_CUTOFF}",
                      f"开工建设日期 {d.construction_start}，须晚于 {CONSTRUCTION_CUTOFF}"),
            f"{_MEASURES} art. 10",
        ),
        CheckResult(
            "reductions_after_2020_09_22",
            first > REDUCTIONS_CUTOFF,
            Bilingual(f"first monitored day {first}; reductions must be generated after "
                      f"{REDUCTIONS_CUTOFF}",
                      f"监测首日 {first}，减排量须产生于 {REDUCTIONS_CUTOFF} 之后"),
            f"{_MEASURES} art. 17",
        ),
        CheckResult(
            "crediting_period_order",
            d.crediting_period_start <= d.crediting_period_end,
            Bilingual(f"crediting period {d.crediting_period_start}..{d.crediting_period_end}",
                      f"计入期 {d.crediting_period_start} 至 {d.crediting_period_end}"),
            methodology.source,
        ),
        CheckResult(
            "periods_within_crediting_period",
            d.crediting_period_start <= first and last <= d.crediting_period_end,
            Bilingual(f"monitoring {first}..{last}; crediting period "
                      f"{d.crediting_period_start}..{d.crediting_period_end}",
                      f"监测 {first} 至 {last}；计入期 {d.crediting_period_start} 至 "
                      f"{d.crediting_period_end}"),
            methodology.source,
        ),
    ]
    if methodology.max_crediting_years is not None:
        n = methodology.max_crediting_years
        # n years starting on day s end on the day before s, n years on: shift (s - 1 day) by n
        # years, so that a start on 29 February ends on 28 February.
        limit = _years_later(d.crediting_period_start - dt.timedelta(days=1), n)
        out.append(CheckResult(
            f"crediting_period_at_most_{n}_years",
            d.crediting_period_end <= limit,
            Bilingual(f"crediting period ends {d.crediting_period_end}; at most {n} years "
                      f"allows {limit}",
                      f"计入期止于 {d.crediting_period_end}；不超过{n}年即至迟 {limit}"),
            methodology.source,
        ))
    if d.application_date is not None:
        earliest = _years_later(d.application_date, -LOOKBACK_YEARS)
        out.append(CheckResult(
            "five_year_lookback",
            first >= earliest and last <= d.application_date,
            Bilingual(f"instalment applied for on {d.application_date} may cover {earliest}.."
                      f"{d.application_date}; monitoring covers {first}..{last}",
                      f"{d.application_date} 申请登记的减排量可覆盖 {earliest} 至 "
                      f"{d.application_date}；监测覆盖 {first} 至 {last}"),
            f"{_MEASURES} art. 17",
        ))
    return out
