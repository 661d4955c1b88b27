"""The PDD's estimate in the documents, and ex-ante versus actual per calendar year.

The estimate comes from the project's ``[expected]`` values (computed by
:func:`ccer_calc.estimation.estimate`) or, in older project files, from the figures typed in
``ex_ante``. Each year's estimate covers some days: the year's part of the crediting period for
a computed estimate, the whole year for a typed one. A vintage year that the monitoring periods
cover only in part is compared with the estimate pro rata to the covered days (documents
reference §4.5: "pro-rate the ex-ante figure to the period's dates"). Differences are actual
minus estimate, so a positive difference means more reductions than the PDD expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ccer_calc.api import compute
from ccer_calc.documents.charts import bar_chart
from ccer_calc.documents.localize import bilingual_field
from ccer_calc.estimation import SENSITIVITY, estimate

if TYPE_CHECKING:
    from ccer_calc.estimation import Estimate
    from ccer_calc.project import Project
    from ccer_calc.registry import Registry
    from ccer_calc.result import PeriodResult, Result

__all__ = ["DESIGN_DOCUMENTS", "covered_days", "document_result", "estimate_part",
           "ex_ante_comparison", "ex_ante_table", "ex_ante_totals", "quantities"]

_SHORT = {"baseline_emissions": "be", "project_emissions": "pe",
          "leakage_emissions": "le", "emission_reductions": "er"}


def quantities(values: dict[str, Any], accounts: str = "reductions") -> dict[str, Any]:
    """BE, PE, LE, ER as ``be``, ``pe``, ``le``, ``er``, as every table of the documents shows them.

    For a methodology that accounts removals the documents show baseline removals (−BE) and
    actual net removals (−PE) under the sink wording of the catalogue; LE and ER are as they
    are (leakage, net removals).
    """
    out = {_SHORT[k]: float(v) for k, v in values.items() if k in _SHORT}
    if accounts == "removals":
        out["be"], out["pe"] = -out["be"] + 0.0, -out["pe"] + 0.0
    return out


#: Documents of the design stage: rendered from the ex-ante estimate when there is one.
DESIGN_DOCUMENTS = ("pdd", "validation")


def document_result(project: Project, document: str, *, as_of: dt.date | None = None,
                    registry: Registry | None = None) -> tuple[Result, Estimate | None]:
    """The result a document is rendered from, and the estimate behind it if any.

    A PDD or validation report of a project with expected values is the design-stage document:
    rendered from the project's ex-ante estimate (``as_of`` is then the date of the estimate;
    monitoring data are not needed). Every other document, and a project without expected
    values, is rendered from :func:`ccer_calc.compute` of the monitoring data. The CLI's
    ``report`` and the service's ``POST /report`` both decide here.

    Raises
    ------
    CcerError
        As :func:`ccer_calc.estimation.estimate` or :func:`ccer_calc.compute`.
    """
    if project.expected is not None and document in DESIGN_DOCUMENTS:
        est = estimate(project, as_of=as_of, registry=registry)
        return est.result, est
    return compute(project, as_of=as_of, registry=registry), None


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


def _year_days(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def ex_ante_table(project: Project, estimate: Estimate | None = None) -> list[dict[str, Any]]:
    """The PDD's estimate as rows ``{"year", "er", "days"}`` (empty if the project has none).

    ``er`` in t CO2e; ``days`` are the days the year's estimate covers: the year's part of the
    crediting period for a computed ``estimate``, the whole year for typed ``ex_ante`` figures.
    """
    if estimate is not None:
        return [{"year": y.year, "er": y.values["emission_reductions"], "days": y.days}
                for y in estimate.years]
    return [{"year": e.year, "er": float(e.emission_reductions.to("t CO2e").magnitude),
             "days": _year_days(e.year)} for e in project.spec.ex_ante]


def ex_ante_comparison(project: Project, result: Result,
                       estimate: Estimate | None = None) -> list[dict[str, Any]]:
    """Ex-ante estimate against the actual ER for every year present in both.

    Parameters
    ----------
    project : Project
        Carries the PDD's typed estimate (``ex_ante`` in the project file), if any.
    result : Result
        Carries the actual reductions per vintage year.
    estimate : Estimate, optional
        The estimate computed from the project's ``[expected]`` values; used instead of the
        typed figures (a project cannot give both).

    Returns
    -------
    list of dict
        One row per common year, ascending: ``year``, ``ex_ante`` (the year's estimate),
        ``days`` (covered by the monitoring periods), ``estimate_days`` (covered by the
        estimate), ``year_days``, ``expected`` (estimate pro rata to the covered days),
        ``actual``, ``difference`` (actual − expected) and ``relative`` (difference /
        expected; None when nothing was expected). t CO2e.
    """
    actual = {v.year: v.values["emission_reductions"] for v in result.vintages}
    rows = []
    for e in ex_ante_table(project, estimate):
        if e["year"] not in actual:
            continue
        days = covered_days(result.periods, e["year"])
        expected = e["er"] * days / e["days"]
        difference = actual[e["year"]] - expected
        rows.append({"year": e["year"], "ex_ante": e["er"], "days": days,
                     "estimate_days": e["days"], "year_days": _year_days(e["year"]),
                     "expected": expected, "actual": actual[e["year"]],
                     "difference": difference,
                     "relative": difference / expected if expected else None})
    return rows


def ex_ante_totals(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Sums of a comparison's ``expected``, ``actual`` and ``difference`` columns."""
    expected = math.fsum(r["expected"] for r in rows)
    actual = math.fsum(r["actual"] for r in rows)
    return {"expected": expected, "actual": actual, "difference": actual - expected,
            "relative": (actual - expected) / expected if expected else None}


def estimate_part(estimate: Estimate | None, quantity_names: dict[str, str],
                  lang: str, accounts: str = "reductions") -> dict[str, Any] | None:
    """The computed estimate as the documents show it (None without one).

    Parameters
    ----------
    estimate : Estimate, optional
        From :func:`ccer_calc.estimation.estimate`.
    quantity_names : dict
        The expected quantities' names in the document's language, by column name.
    lang : {"zh", "en"}
        The document's language: a scenario described ``"中文 / English"`` shows one of them.
    accounts : {"reductions", "removals"}
        The methodology's accounting: removals show −BE and −PE (:func:`quantities`).

    Returns
    -------
    dict or None
        ``years`` (``year``, ``start``, ``end``, ``days``, ``year_days``,
        ``crediting_years``, ``be``, ``pe``, ``le``, ``er``), ``totals``, ``annual_average``,
        ``crediting_years``, ``chart``,
        ``scenarios`` (``columns``: name and description; ``rows``: year and one ER per column,
        None where a scenario has no such year; ``totals``, ``averages``) and ``sensitivity``
        (per quantity ``name``, ``label``, ``symbol``, ``lower``, ``base``, ``higher``,
        ``difference_lower``, ``difference_higher``, ``change_label``: ``10 %``). t CO2e.
    """
    if estimate is None:
        return None
    years = [{"year": y.year, "start": y.start, "end": y.end, "days": y.days,
              "year_days": y.year_days, "crediting_years": y.crediting_years,
              **quantities(y.values, accounts)} for y in estimate.years]
    bars = [(str(y.year), y.values["emission_reductions"]) for y in estimate.years]
    return {"years": years, "totals": quantities(estimate.totals, accounts),
            "annual_average": quantities(estimate.annual_average, accounts),
            "crediting_years": estimate.crediting_years,
            "chart": bar_chart(bars),
            "scenarios": _scenarios(estimate, lang), "sensitivity": [
                {"name": s.quantity,
                 "label": (s.description_zh if lang == "zh" else s.description_en)
                 or quantity_names.get(s.quantity, s.quantity),
                 "symbol": s.symbol, "lower": s.lower, "base": s.base, "higher": s.higher,
                 "difference_lower": s.lower - s.base, "difference_higher": s.higher - s.base,
                 "change_label": f"{SENSITIVITY:.0%}".replace("%", " %")}
                for s in estimate.sensitivity]}


def _scenarios(estimate: Estimate, lang: str) -> dict[str, Any] | None:
    """ER per year of the estimate and of each scenario, side by side."""
    if not estimate.scenarios:
        return None
    columns = [estimate, *estimate.scenarios.values()]
    per = [{y.year: y.values["emission_reductions"] for y in c.years} for c in columns]
    years = sorted({year for p in per for year in p})
    return {"columns": [{"name": c.scenario, "description": c.description and
                         bilingual_field(c.description, lang)}
                        for c in estimate.scenarios.values()],
            "rows": [{"year": y, "er": [p.get(y) for p in per]} for y in years],
            "totals": [c.totals["emission_reductions"] for c in columns],
            "averages": [c.annual_average["emission_reductions"] for c in columns],
            "years": [c.crediting_years for c in columns]}
