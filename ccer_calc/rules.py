"""Date rules of the programme a methodology belongs to (DESIGN decision 13).

A methodology declares its programme (``Methodology.programme``) and only that programme's
rules apply:

* **CCER**: 《温室气体自愿减排交易管理办法（试行）》 (MEE and SAMR, in force 2023-10-20), arts. 10
  and 17 (construction after 2012-11-08, reductions after 2020-09-22, the five-year look-back of
  an instalment); the crediting-period limit is each methodology's own (e.g. CCER-01-002-V01
  §5.2).
* **CDM**: the CDM modalities and procedures (decision 3/CMP.1, annex, para. 49): a crediting
  period of at most 7 years, renewable at most twice, or of at most 10 years with no renewal.
  For afforestation and reforestation (a methodology that accounts ``removals``) the A/R CDM
  modalities and procedures (decision 5/CMP.1, annex, para. 23) allow at most 20 years,
  renewable at most twice, or at most 30 years. None of the CCER dates applies, so historical
  CDM monitoring periods can be recomputed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.crediting import anniversary
from ccer_calc.methodology import CheckResult

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project

__all__ = [
    "CDM_FIXED_YEARS",
    "CDM_RENEWABLE_YEARS",
    "CONSTRUCTION_CUTOFF",
    "LOOKBACK_YEARS",
    "PROGRAMMES",
    "REDUCTIONS_CUTOFF",
    "cdm_rules",
    "management_rules",
    "programme_rules",
    "years_later",
]

#: Programmes a methodology may belong to.
PROGRAMMES = ("CCER", "CDM")
#: CDM crediting periods (decision 3/CMP.1, annex, para. 49): renewable ones at most 7 years
#: each and at most three of them; a fixed one at most 10 years.
CDM_RENEWABLE_YEARS, CDM_RENEWABLE_PERIODS, CDM_FIXED_YEARS = 7, 3, 10
_CDM_MP = "CDM modalities and procedures (decision 3/CMP.1, annex), para. 49"
#: A/R CDM crediting periods (decision 5/CMP.1, annex, para. 23): renewable ones at most 20
#: years each (at most three), a fixed one at most 30 years.
AR_CDM_RENEWABLE_YEARS, AR_CDM_FIXED_YEARS = 20, 30
_AR_CDM_MP = "A/R CDM modalities and procedures (decision 5/CMP.1, annex), para. 23"

#: Construction must have started after this date (art. 10).
CONSTRUCTION_CUTOFF = dt.date(2012, 11, 8)
#: Registrable reductions must have been generated after this date (art. 17).
REDUCTIONS_CUTOFF = dt.date(2020, 9, 22)
#: Each instalment covers reductions of at most the five years before its application (art. 17).
LOOKBACK_YEARS = 5

_MEASURES = "温室气体自愿减排交易管理办法（试行）"


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier if negative); 29 February becomes the 28th.

    It gives the earliest day of the five-year look-back: a date back in the calendar, which
    stays in February (an application on 29 February 2028 may cover reductions from
    28 February 2023), as the usual calendar arithmetic has it.
    :func:`ccer_calc.crediting.anniversary` takes 1 March instead: it gives where a crediting
    year starts, the day after the previous one ends (on the last day of February), so that the
    years follow each other without a gap. The two differ only for 29 February.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def programme_rules(project: Project, methodology: Methodology, *,
                    ex_ante: bool = False) -> list[CheckResult]:
    """The date rules of the methodology's programme (CCER or CDM), evaluated on a project.

    With ``ex_ante`` the rules are those of a project design: the estimate spans the crediting
    period, so the rules about monitoring periods (inside the crediting period; the five-year
    look-back of an instalment) do not apply, and the reductions start with the crediting
    period.
    """
    if getattr(methodology, "programme", "CCER") == "CDM":
        return cdm_rules(project, methodology, ex_ante=ex_ante)
    return management_rules(project, methodology, ex_ante=ex_ante)


def _common(project: Project, methodology: Methodology, ex_ante: bool) -> list[CheckResult]:
    d = project.spec.dates
    first, last = project.periods[0].start, project.periods[-1].end
    order = CheckResult(
        "crediting_period_order",
        d.crediting_period_start <= d.crediting_period_end,
        Bilingual(f"crediting period {d.crediting_period_start}..{d.crediting_period_end}",
                  f"计入期 {d.crediting_period_start} 至 {d.crediting_period_end}"),
        methodology.source,
    )
    if ex_ante:
        return [order]
    return [
        order,
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


def _last_day(start: dt.date, years: int) -> dt.date:
    # n years from day s end on the day before the n-th anniversary of s (29 February's is
    # 1 March in a common year, so that period ends on 28 February; a start on 1 March ends on
    # the last day of February, 29 February in a leap year)
    return anniversary(start, years) - dt.timedelta(days=1)


def _at_most(name: str, start: dt.date, end: dt.date, years: int, source: str) -> CheckResult:
    limit = _last_day(start, years)
    return CheckResult(name, end <= limit,
                       Bilingual(f"crediting period ends {end}; at most {years} years allows "
                                 f"{limit}", f"计入期止于 {end}；不超过{years}年即至迟 {limit}"),
                       source)


def _at_least(name: str, start: dt.date, end: dt.date, years: int, source: str) -> CheckResult:
    limit = _last_day(start, years)  # the shortest period of n years
    return CheckResult(name, end >= limit,
                       Bilingual(f"crediting period ends {end}; at least {years} years needs "
                                 f"{limit} or later",
                                 f"计入期止于 {end}；不少于{years}年即不早于 {limit}"),
                       source)


def cdm_rules(project: Project, methodology: Methodology, *,
              ex_ante: bool = False) -> list[CheckResult]:
    """Evaluate the CDM crediting-period rules on a project.

    The project states ``dates.crediting_period_type`` (``renewable`` or ``fixed``) and, for a
    renewable one, which of the (at most three) crediting periods it is.

    Returns
    -------
    list of CheckResult
        One result per rule, passing or failing with the dates that decided it.
    """
    d = project.spec.dates
    out = _common(project, methodology, ex_ante)
    kind, number = d.crediting_period_type, d.crediting_period_number
    removals = getattr(methodology, "accounts", "reductions") == "removals"
    renewable_years = AR_CDM_RENEWABLE_YEARS if removals else CDM_RENEWABLE_YEARS
    fixed_years = AR_CDM_FIXED_YEARS if removals else CDM_FIXED_YEARS
    rule = _AR_CDM_MP if removals else _CDM_MP
    if kind is None:
        out.append(CheckResult(
            "cdm_crediting_period_type_stated", False,
            Bilingual("a CDM project must state dates.crediting_period_type: 'renewable' (at "
                      f"most {renewable_years} years, renewable twice) or 'fixed' (at most "
                      f"{fixed_years} years)",
                      "CDM项目须说明计入期类型 dates.crediting_period_type：可更新（每期不超过"
                      f"{renewable_years}年，可更新两次）或固定（不超过{fixed_years}年）"),
            rule))
        return out
    if kind == "renewable":
        out.append(CheckResult(
            "cdm_renewable_crediting_period_number",
            number is not None and 1 <= number <= CDM_RENEWABLE_PERIODS,
            Bilingual("renewable crediting period number "
                      + ("not given" if number is None else str(number))
                      + f"; must be 1 to {CDM_RENEWABLE_PERIODS} "
                        "(dates.crediting_period_number)",
                      "可更新计入期序号" + ("未填写" if number is None else f" {number}")
                      + f"；须为1至{CDM_RENEWABLE_PERIODS}（dates.crediting_period_number）"),
            rule))
        out.append(_at_most(f"cdm_crediting_period_at_most_{renewable_years}_years",
                            d.crediting_period_start, d.crediting_period_end,
                            renewable_years, f"{rule}(a)"))
    else:
        out.append(CheckResult(
            "cdm_fixed_crediting_period_not_renewed", number in (None, 1),
            Bilingual("a fixed crediting period is not renewed; crediting period number "
                      + ("not given" if number is None else str(number)),
                      "固定计入期不可更新；计入期序号"
                      + ("未填写" if number is None else f" {number}")), f"{rule}(b)"))
        out.append(_at_most(f"cdm_crediting_period_at_most_{fixed_years}_years",
                            d.crediting_period_start, d.crediting_period_end,
                            fixed_years, f"{rule}(b)"))
    if d.application_date is not None:
        out.append(CheckResult(
            "no_ccer_application_date", False,
            Bilingual("dates.application_date (the five-year look-back of a CCER instalment) "
                      "does not apply to a CDM methodology; remove it",
                      "dates.application_date（CCER减排量五年追溯期）不适用于CDM方法学，请删除"),
            rule))
    return out


def management_rules(project: Project, methodology: Methodology, *,
                     ex_ante: bool = False) -> list[CheckResult]:
    """Evaluate the CCER management-measure date rules on a project (or its design, ex ante).

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
            Bilingual(f"crediting period starts {first}; reductions must be generated after "
                      f"{REDUCTIONS_CUTOFF}",
                      f"计入期始于 {first}，减排量须产生于 {REDUCTIONS_CUTOFF} 之后")
            if ex_ante else
            Bilingual(f"first monitored day {first}; reductions must be generated after "
                      f"{REDUCTIONS_CUTOFF}",
                      f"监测首日 {first}，减排量须产生于 {REDUCTIONS_CUTOFF} 之后"),
            f"{_MEASURES} art. 17",
        ),
    ]
    out += _common(project, methodology, ex_ante)
    if d.crediting_period_type is not None or d.crediting_period_number is not None:
        out.append(CheckResult(
            "no_cdm_crediting_period_type", False,
            Bilingual("dates.crediting_period_type and crediting_period_number are CDM "
                      "notions; a CCER crediting period is set by the methodology",
                      "dates.crediting_period_type 与 crediting_period_number 为CDM概念；CCER"
                      "计入期由方法学规定"), methodology.source))
    least = getattr(methodology, "min_crediting_years", None)
    if least is not None:
        out.append(_at_least(f"crediting_period_at_least_{least}_years",
                             d.crediting_period_start, d.crediting_period_end, least,
                             methodology.source))
    if methodology.max_crediting_years is not None:
        n = methodology.max_crediting_years
        out.append(_at_most(f"crediting_period_at_most_{n}_years", d.crediting_period_start,
                            d.crediting_period_end, n, methodology.source))
    if d.application_date is not None and not ex_ante:
        earliest = years_later(d.application_date, -LOOKBACK_YEARS)
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
