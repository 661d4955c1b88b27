"""The document context: plain data built from the Project and the Result (DESIGN decision 10).

Everything that needs arithmetic -- per-element tables of the trail, the bar geometry of the
charts, the ex-ante versus actual comparison -- is done here, never in a template. So is every
choice of language: each text of the engine or a plug-in arrives in the document's language
(``title``, ``reason``, ``description``, ``label`` ...), so the templates only place values and
read their fixed wording from the message catalogue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.bilingual import in_language, split_bilingual
from ccer_calc.document_kinds import DOCUMENTS, LANGUAGES
from ccer_calc.documents.charts import bar_chart
from ccer_calc.documents.engagement import Engagement, sections
from ccer_calc.documents.exante import (
    DESIGN_DOCUMENTS,
    estimate_part,
    ex_ante_comparison,
    ex_ante_table,
    ex_ante_totals,
    quantities,
)
from ccer_calc.documents.localize import (
    InputNames,
    bilingual_field,
    finding_text,
    project_inputs,
    quantity,
    reference,
    unit_label,
    where,
)
from ccer_calc.documents.messages import catalogue, message, translate
from ccer_calc.documents.notes import notes
from ccer_calc.documents.sinks import index_labels, plan_part, provisional_part, sink_part
from ccer_calc.errors import InputError
from ccer_calc.estimation import estimate as estimate_project

if TYPE_CHECKING:
    from ccer_calc.estimation import Estimate
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.verify import Findings

__all__ = ["DOCUMENTS", "LANGUAGES", "bar_chart", "build_context", "choice"]

def choice(field: str, value: str, allowed: Sequence[str]) -> None:
    """Refuse a value outside ``allowed`` with an InputError naming the field."""
    if value not in allowed:
        raise InputError(f"unknown {field}", field=field, value=value,
                         expected="one of " + ", ".join(allowed))


def _label(key: str, lang: str, fallback: str) -> str:
    """A catalogue entry if there is one (origins, kinds), else the value itself."""
    return message(key, lang) if key in catalogue() else fallback


def _project_part(project: Project, lang: str) -> dict[str, Any]:
    spec = project.spec
    dates = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
             for k, v in spec.dates.model_dump().items()}
    return {"name": spec.name, "project_id": spec.project_id, "owner": spec.owner,
            "province": spec.province, "description": spec.description, "dates": dates,
            "inputs": project_inputs(project.inputs, lang),
            "source": project.source.name if project.source else None}


def _check_title(name: str, described: dict[str, str]) -> tuple[str, str]:
    """(zh, en) title of a check: the plug-in's own, else the catalogue's rule title."""
    if name in described:
        zh, en = split_bilingual(described[name])
        return (translate(en, "zh") if zh == en else zh), en
    if f"rule.{name}" in catalogue():
        return message(f"rule.{name}", "zh"), message(f"rule.{name}", "en")
    for prefix in ("crediting_period_at_most_", "cdm_crediting_period_at_most_",
                   "crediting_period_at_least_"):
        if name.startswith(prefix):
            n = name.removeprefix(prefix).removesuffix("_years")
            key = f"rule.{prefix.rstrip('_')}"
            return message(key, "zh", n=n), message(key, "en", n=n)
    return name, name


def _checks(result: Result, described: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    titles = {c["name"]: c["description"] for c in described["checks"]}
    out = []
    for c in result.checks:
        zh, en = _check_title(c.name, titles)
        out.append({"name": c.name, "title": zh if lang == "zh" else en,
                    "description_zh": zh, "description_en": en, "passed": c.passed,
                    "outcome": message("value.met" if c.passed else "value.not_met", lang),
                    "reason": in_language(c.reason, lang), "source": notes(c.source, lang)})
    return out


def _warning_rows(result: Result, lang: str) -> list[dict[str, Any]]:
    """Each negative vintage (:meth:`Result.vintage_checks`) as a failed row of the checks table.

    The provisional warning is not a row: it is the documents' banner.
    """
    out = []
    for c in result.vintage_checks():
        year = c.name.rsplit("_", 1)[1]
        zh = message("rule.no_negative_vintage", "zh", year=year)
        en = message("rule.no_negative_vintage", "en", year=year)
        out.append({"name": c.name, "title": zh if lang == "zh" else en,
                    "description_zh": zh, "description_en": en, "passed": c.passed,
                    "outcome": message("value.not_met", lang),
                    "reason": in_language(c.reason, lang), "source": in_language(c.source, lang)})
    return out


def _distinct(values: np.ndarray[Any, np.dtype[Any]]) -> list[float]:
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    _, first = np.unique(flat, return_index=True)
    return [float(flat[i]) for i in sorted(first.tolist())]


def _parameters(result: Result, described: dict[str, Any], columns: list[dict[str, Any]],
                lang: str) -> dict[str, list[dict[str, Any]]]:
    used = {p["name"]: p for p in result.parameters}
    by_symbol: dict[str, tuple[list[float], str, str]] = {}
    for e in result.trail.entries:
        for i in e.inputs:
            if i.origin in ("fixed", "published", "default", "project"):
                by_symbol.setdefault(i.symbol, (_distinct(i.value), i.origin, i.ref))
    fixed = []
    for p in described["parameters"]:
        u = used.get(p["name"])
        values, origin, ref = by_symbol.get(p["symbol"], ([], None, p["source"]))
        if u:
            values, origin, ref = [u["value"]], u["origin"], u["source"]
        fixed.append({**p, "unit": unit_label(p["unit"], lang), "values": values,
                      "origin": origin, "applied_source": reference(ref, lang),
                      "description": p[f"description_{lang}"],
                      "kind_label": _label(f"kind.{p['kind']}", lang, p["kind"]),
                      "status_label": _label(f"verification_status.{p['status']}", lang,
                                             p["status"]),
                      "frequency": translate(p["frequency"], lang) if p["frequency"] else None})
    monitored = [{**c, "unit": unit_label(c["unit"], lang),
                  "description": c[f"description_{lang}"], "source": notes(c["source"], lang),
                  "frequency": translate(c["frequency"], lang),
                  "metered_label": message("value.metered", lang) if c["metered"] else "—"}
                 for c in columns]
    return {"fixed": fixed, "monitored": monitored}


def _is_axis(value: np.ndarray[Any, np.dtype[Any]], n: int) -> bool:
    return bool(n) and np.ndim(value) == 1 and np.shape(value)[0] == n


def _constant(value: np.ndarray[Any, np.dtype[Any]]) -> bool:
    a = np.asarray(value, dtype=np.float64)
    return bool(a.size == 0 or np.all(a == a.flat[0]))


def _rows_along_axis(value: np.ndarray[Any, np.dtype[Any]],
                     n: int) -> list[tuple[str, np.ndarray[Any, np.dtype[Any]]]]:
    """Split a (k, n) or (n, k) array into k labelled rows along the axis.

    A (k, n) input holds one row per fuel; an (n, k) one a column per stratum or planting
    cohort.
    """
    a = np.asarray(value)
    if a.ndim == 2 and n and a.shape[1] == n:  # noqa: PLR2004 - a matrix
        return [(f"[{j}]", a[j]) for j in range(a.shape[0])]
    if a.ndim == 2 and n and a.shape[0] == n:  # noqa: PLR2004 - a matrix
        return [(f"[{j}]", a[:, j]) for j in range(a.shape[1])]
    return [("", a)]


def _shown(values: list[float], labels: tuple[str, ...] | None) -> list[float] | list[str]:
    """Values as shown: the ids they index (a plot's stratum S1, S2 ...), else the numbers."""
    return [labels[int(v)] for v in values] if labels else values


def _equations(result: Result, names: InputNames, lang: str,
               labels: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """The trail's equations; an input named in ``labels`` shows the ids its values index."""
    axis = list(result.trail.axis)
    n = len(axis)
    out = []
    for e in result.trail.entries:
        scalars, columns = [], []
        for i in e.inputs:
            label = names(i.name, i.symbol)
            item: dict[str, Any] = {"name": i.name, "label": label, "symbol": i.symbol,
                    "unit": unit_label(i.unit, lang), "origin": i.origin,
                    "origin_label": _label(f"origin.{i.origin}", lang, i.origin),
                    "ref": reference(i.ref, lang), "is_output": False}
            for sub, value in _rows_along_axis(i.value, n):
                named = {**item, "name": i.name + sub, "symbol": i.symbol + sub,
                         "label": label + sub}
                if _is_axis(value, n) and not _constant(value):
                    columns.append({**named, "values": [float(x) for x in value]})
                else:
                    flat = np.asarray(value, dtype=np.float64).reshape(-1)
                    shown = _shown(_distinct(flat), labels.get(i.name))
                    scalars.append({**named, "values": shown,
                                    "elements": int(flat.size)})
        output: dict[str, Any] = {"symbol": e.symbol, "unit": unit_label(e.output_unit, lang)}
        parts = _rows_along_axis(e.output, n)
        if any(_is_axis(v, n) and not _constant(v) for _, v in parts):
            columns += [{**output, "symbol": e.symbol + sub, "name": "output" + sub,
                         "is_output": True, "origin": "computed", "ref": e.equation,
                         "values": [float(x) for x in value]} for sub, value in parts]
            output["values"] = None
        else:
            output["values"] = _distinct(e.output)
        rows = [{"label": axis[k], "cells": [c["values"][k] for c in columns]}
                for k in range(n)] if columns else []
        out.append({"id": e.equation, "symbol": e.symbol, "formula": e.formula,
                    "source": notes(e.source, lang),
                    "description": translate(e.description, lang),
                    "scalars": scalars, "columns": columns, "rows": rows, "output": output})
    return out


def _verification(findings: Findings | None, lang: str) -> dict[str, Any] | None:
    if findings is None:
        return None
    data = findings.to_dict()
    for c in data["comparisons"]:
        c["where"] = where(c["scope"], c["key"], lang)
        c["quantity_label"] = quantity(c["quantity"], lang)
    for f in data["findings"]:
        f["where"] = where(f["scope"], f["key"], lang)
        f["period_label"] = (message("fmt.period_named", lang, period=f["period"])
                             if f["period"] and f["period"] != f["key"] else None)
        f["kind_label"] = f[f"kind_{lang}"]
        f["verifier_text"], f["description"] = f["description"], finding_text(f, lang)
    data["headline"] = [c for c in data["comparisons"] if c["scope"] != "equation"]
    data["elements_compared"] = findings.elements_compared
    return data


def _identity(described: dict[str, Any], lang: str) -> dict[str, Any]:
    ident = {k: described[k] for k in ("id", "version", "title_zh", "title_en", "sector",
                                        "status", "source", "max_crediting_years")}
    other = "en" if lang == "zh" else "zh"
    return {**ident, "title": ident[f"title_{lang}"], "title_other": ident[f"title_{other}"],
            "sector": bilingual_field(ident["sector"], lang),
            "source": notes(ident["source"], lang),
            "status": translate(ident["status"], lang)}


def build_context(project: Project, result: Result, methodology: Methodology, *,
                  document: str, lang: str = "zh", findings: Findings | None = None,
                  engagement: Engagement | None = None,
                  estimate: Estimate | None = None) -> dict[str, Any]:
    """The plain data every template reads; nothing in it needs arithmetic to display.

    Parameters
    ----------
    project : Project
        The validated project.
    result : Result
        Its computed result.
    methodology : Methodology
        The plug-in the result was computed with.
    document : {"pdd", "monitoring", "validation", "verification"}
        Which document the context is for.
    lang : {"zh", "en"}
        Language of the document: every text of the engine and the plug-ins in the context is
        in this language.
    findings : Findings, optional
        The verifier's comparison against claimed figures, for the verification report.
    engagement : Engagement, optional
        What people wrote (team, site visit, statements ...); see
        :mod:`ccer_calc.documents.engagement`.
    estimate : Estimate, optional
        The project's ex-ante estimate (:func:`ccer_calc.estimation.estimate`); computed here
        (with the project's ``expected.as_of``) when the project has expected values and none
        is given. A PDD or validation report with an estimate is the design-stage document:
        its checks, parameters, equations and numbers are those of the estimate's computation
        (``estimate.result``), not of ``result``. The accounting and verification reports
        compare ``result`` with it.

    Returns
    -------
    dict
        ``document``, ``lang``, ``accounts`` (``reductions`` or ``removals``: the catalogue's
        sink wording applies to the latter, whose BE and PE are shown as removals, −BE and
        −PE), ``provisional`` (banner and values of a provisional methodology, else None),
        ``sink`` (strata, plots, uncertainty and discounts of a forest inventory, else None,
        see :mod:`ccer_calc.documents.sinks`), ``sink_plan`` (the planting schedule and growth
        models of a sink's estimate in a PDD or validation report, else None), ``project``,
        ``methodology``, ``checks``, ``parameters``,
        ``monitoring``, ``equations``, ``axis``, ``periods``, ``vintages``, ``totals``,
        ``charts``, ``fingerprint``, ``versions``, ``verification``, ``ex_ante`` (the PDD's
        estimate per year), ``ex_ante_total``, ``ex_ante_comparison`` and ``ex_ante_totals`` (see
        :func:`ccer_calc.documents.exante.ex_ante_comparison`), ``estimate`` and ``key_data``
        (the computed estimate, see :func:`ccer_calc.documents.exante.estimate_part`; None
        without one), ``engagement`` (the person-written sections of this document, see
        :func:`ccer_calc.documents.engagement.sections`), and ``recompute`` (the command that
        recomputes the document's numbers).
    """
    choice("document", document, DOCUMENTS)
    choice("lang", lang, LANGUAGES)
    if estimate is None and project.expected is not None:
        estimate = estimate_project(project)
    from_estimate = estimate is not None and document in DESIGN_DOCUMENTS
    if from_estimate:
        assert estimate is not None  # noqa: S101 - narrowing for mypy
        result = estimate.result
    described = methodology.describe(project.inputs)
    if described["id"] != result.methodology["id"]:
        raise InputError("result and methodology differ", field="methodology",
                         value=described["id"], expected=result.methodology["id"])
    accounts = methodology.accounts
    periods = [{"id": p.id, "start": p.start, "end": p.end, **quantities(p.values, accounts)}
               for p in result.periods]
    vintages = [{"year": v.year, "rule": translate(v.rule, lang), "issuable": v.issuable,
                 **quantities(v.values, accounts)} for v in result.vintages]
    totals = {**quantities(result.totals, accounts), "issuable": result.issuable_total}
    columns = [c.to_dict() for c in methodology.monitored_columns_for(project.inputs)]
    parameters = _parameters(result, described, columns, lang)
    names = InputNames(lang, parameters=parameters["fixed"], columns=columns,
                       trail=result.trail, inputs=project.inputs)
    charts = {
        "periods": bar_chart([(p["id"], p["er"]) for p in periods]),
        "vintages": bar_chart([(str(v["year"]), v["er"]) for v in vintages]),
    }
    ex_ante = ex_ante_table(project, estimate)
    comparison = ex_ante_comparison(project, result, estimate)
    part = estimate_part(estimate, {c["name"]: c[f"description_{lang}"] for c in columns}, lang,
                         accounts)
    return {
        "document": document,
        "lang": lang,
        "accounts": accounts,
        "provisional": provisional_part(result, lang),
        # a design-stage document shows the plan its estimate projects, not the inventories
        "sink": None if from_estimate else sink_part(project, result, methodology, lang),
        "sink_plan": plan_part(project, result, methodology, lang) if from_estimate else None,
        "project": _project_part(project, lang),
        "methodology": _identity(described, lang),
        "checks": _checks(result, described, lang) + _warning_rows(result, lang),
        "checks_all_passed": all(ok for _, ok in result.check_outcomes()),
        "parameters": parameters,
        "equations": _equations(result, names, lang, index_labels(project)),
        "axis": list(result.trail.axis),
        "periods": periods,
        "vintages": vintages,
        "totals": totals,
        "charts": charts,
        "fingerprint": result.fingerprint,
        "versions": dict(result.versions),
        "version_labels": {k: _label(f"version.{k}", lang, k) for k in result.versions},
        "verification": _verification(findings, lang),
        "ex_ante": ex_ante,
        "ex_ante_total": math.fsum(e["er"] for e in ex_ante),
        "ex_ante_comparison": comparison,
        "ex_ante_totals": ex_ante_totals(comparison),
        "estimate": part,
        "key_data": None if part is None else {
            "annual_average": part["annual_average"]["er"], "total": part["totals"]["er"],
            "crediting_years": part["crediting_years"]},
        "engagement": sections(engagement, document, lang),
        "recompute": "ccer-calc estimate" if from_estimate else "ccer-calc compute",
    }
