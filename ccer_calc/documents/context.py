"""The document context: plain data built from the Project and the Result (DESIGN decision 10).

Everything that needs arithmetic -- per-element tables of the trail, the bar geometry of the
charts, the ex-ante versus actual comparison -- is done here, never in a template.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.document_kinds import DOCUMENTS, LANGUAGES
from ccer_calc.documents.exante import ex_ante_comparison, ex_ante_table, ex_ante_totals
from ccer_calc.documents.filters import unit_text
from ccer_calc.errors import InputError

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.verify import Findings

__all__ = ["DOCUMENTS", "LANGUAGES", "bar_chart", "build_context", "choice"]

#: Document keys and their template base names.

_SHORT = {"baseline_emissions": "be", "project_emissions": "pe",
          "leakage_emissions": "le", "emission_reductions": "er"}
_CHART_W, _CHART_H, _CHART_PAD = 640.0, 240.0, 36.0

#: Bilingual titles of the management-measure rules (ccer_calc.rules), which carry no text.
_RULE_TEXT = {
    "construction_after_2012_11_08": ("项目于2012年11月8日之后开工建设",
                                      "construction started after 8 November 2012"),
    "reductions_after_2020_09_22": ("减排量产生于2020年9月22日之后",
                                    "reductions generated after 22 September 2020"),
    "crediting_period_order": ("计入期起止日期有序", "crediting period dates in order"),
    "periods_within_crediting_period": ("核算期位于计入期内",
                                        "monitoring periods inside the crediting period"),
    "five_year_lookback": ("申请登记的减排量产生于申请前五年内",
                           "reductions generated within five years before the application"),
}


def choice(field: str, value: str, allowed: Sequence[str]) -> None:
    """Refuse a value outside ``allowed`` with an InputError naming the field."""
    if value not in allowed:
        raise InputError(f"unknown {field}", field=field, value=value,
                         expected="one of " + ", ".join(allowed))


def _quantities(values: dict[str, Any]) -> dict[str, Any]:
    return {_SHORT[k]: float(v) for k, v in values.items() if k in _SHORT}


def _project_part(project: Project) -> dict[str, Any]:
    spec = project.spec
    inputs = []
    for name, raw in project.inputs.model_dump(mode="json").items():
        if isinstance(raw, dict) and set(raw) == {"value", "unit"}:
            inputs.append({"name": name, "value": float(raw["value"]), "unit": raw["unit"]})
        else:
            inputs.append({"name": name, "value": str(raw), "unit": None})
    dates = {k: (v.isoformat() if v is not None else None)
             for k, v in spec.dates.model_dump().items()}
    return {"name": spec.name, "project_id": spec.project_id, "owner": spec.owner,
            "province": spec.province, "description": spec.description, "dates": dates,
            "inputs": inputs, "source": project.source.name if project.source else None}


def _split_bilingual(text: str) -> tuple[str, str]:
    zh, sep, en = text.partition(" / ")
    return (zh, en) if sep else (text, text)


def _checks(result: Result, described: dict[str, Any]) -> list[dict[str, Any]]:
    texts = {c["name"]: _split_bilingual(c["description"]) for c in described["checks"]}
    out = []
    for c in result.checks:
        fallback = (c.name, c.name)
        if c.name.startswith("crediting_period_at_most_"):
            n = c.name.removeprefix("crediting_period_at_most_").removesuffix("_years")
            fallback = (f"计入期不超过{n}年", f"crediting period at most {n} years")
        zh, en = texts.get(c.name, _RULE_TEXT.get(c.name, fallback))
        out.append({"name": c.name, "description_zh": zh, "description_en": en,
                    "passed": c.passed, "reason": c.reason, "source": c.source})
    return out


def _warning_rows(result: Result, lang: str) -> list[dict[str, Any]]:
    """Each warning of the result (a negative vintage) as a failed row of the checks table."""
    return [{"name": f"no_negative_vintage_{w.year}",
             "description_zh": f"年度减排量不为负（{w.year}年）",
             "description_en": f"vintage {w.year} not negative",
             "passed": False, "reason": w.message(lang),
             "source": "ccer-calc issuance rule (docs/architecture.md)"}
            for w in result.warnings]


def _distinct(values: np.ndarray[Any, np.dtype[Any]]) -> list[float]:
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    _, first = np.unique(flat, return_index=True)
    return [float(flat[i]) for i in sorted(first.tolist())]


def _parameters(result: Result, described: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
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
        fixed.append({**p, "values": values, "origin": origin, "applied_source": ref})
    monitored = [dict(c) for c in described["monitored"]]
    return {"fixed": fixed, "monitored": monitored}


def _is_axis(value: np.ndarray[Any, np.dtype[Any]], n: int) -> bool:
    return bool(n) and np.ndim(value) == 1 and np.shape(value)[0] == n


def _constant(value: np.ndarray[Any, np.dtype[Any]]) -> bool:
    a = np.asarray(value, dtype=np.float64)
    return bool(a.size == 0 or np.all(a == a.flat[0]))


def _rows_along_axis(value: np.ndarray[Any, np.dtype[Any]],
                     n: int) -> list[tuple[str, np.ndarray[Any, np.dtype[Any]]]]:
    """Split a (k, n) input (e.g. one row per fuel) into k labelled rows along the axis."""
    a = np.asarray(value)
    if a.ndim == 2 and n and a.shape[1] == n:  # noqa: PLR2004 - a matrix
        return [(f"[{j}]", a[j]) for j in range(a.shape[0])]
    return [("", a)]


def _equations(result: Result) -> list[dict[str, Any]]:
    axis = list(result.trail.axis)
    n = len(axis)
    out = []
    for e in result.trail.entries:
        scalars, columns = [], []
        for i in e.inputs:
            item = {"name": i.name, "symbol": i.symbol, "unit": unit_text(i.unit),
                    "origin": i.origin, "ref": i.ref}
            for sub, value in _rows_along_axis(i.value, n):
                named = {**item, "name": i.name + sub, "symbol": i.symbol + sub}
                if _is_axis(value, n) and not _constant(value):
                    columns.append({**named, "values": [float(x) for x in value]})
                else:
                    flat = np.asarray(value, dtype=np.float64).reshape(-1)
                    scalars.append({**named, "values": _distinct(flat),
                                    "elements": int(flat.size)})
        output: dict[str, Any] = {"symbol": e.symbol, "unit": unit_text(e.output_unit)}
        if _is_axis(e.output, n) and not _constant(e.output):
            columns.append({**output, "name": "output", "origin": "computed", "ref": e.equation,
                            "values": [float(x) for x in e.output]})
            output["values"] = None
        else:
            output["values"] = _distinct(e.output)
        rows = [{"label": axis[k], "cells": [c["values"][k] for c in columns]}
                for k in range(n)] if columns else []
        out.append({"id": e.equation, "symbol": e.symbol, "formula": e.formula,
                    "source": e.source, "description": e.description, "scalars": scalars,
                    "columns": columns, "rows": rows, "output": output})
    return out


def bar_chart(items: Sequence[tuple[str, float]], *, width: float = _CHART_W,
              height: float = _CHART_H) -> dict[str, Any]:
    """Geometry of a vertical bar chart, so that the template only places numbers.

    Parameters
    ----------
    items : sequence of (label, value)
        One bar each, in order; values may be negative.
    width, height : float
        Size of the SVG canvas in pixels.

    Returns
    -------
    dict
        ``width``, ``height``, ``zero_y`` (the value axis at zero), ``left``, ``right``, and
        ``bars``: ``label``, ``value``, ``x``, ``y``, ``w``, ``h``, ``cx`` (centre),
        ``label_y`` and ``value_y``.

    Examples
    --------
    >>> c = bar_chart([("A", 1.0), ("B", 3.0)], width=200, height=100)
    >>> [b["h"] for b in c["bars"]]
    [9.33, 28.0]
    """
    values = [float(v) for _, v in items]
    top, bottom = max([0.0, *values]), min([0.0, *values])
    span = (top - bottom) or 1.0
    pad = _CHART_PAD
    plot_h = height - 2 * pad
    scale = plot_h / span
    zero_y = pad + top * scale
    slot = (width - 2 * pad) / max(len(values), 1)
    bar_w = slot * 0.6
    bars = []
    for k, (label, v) in enumerate(zip((str(lb) for lb, _ in items), values, strict=True)):
        h = abs(v) * scale
        y = zero_y - h if v >= 0 else zero_y
        x = pad + k * slot + (slot - bar_w) / 2
        bars.append({"label": label, "value": v, "x": round(x, 2), "y": round(y, 2),
                     "w": round(bar_w, 2), "h": round(h, 2), "cx": round(x + bar_w / 2, 2),
                     "value_y": round(y - 6 if v >= 0 else y + h + 14, 2),
                     "label_y": round(height - pad / 3, 2)})
    return {"width": width, "height": height, "zero_y": round(zero_y, 2), "left": pad,
            "right": width - pad, "bars": bars}


def _verification(findings: Findings | None) -> dict[str, Any] | None:
    if findings is None:
        return None
    data = findings.to_dict()
    data["headline"] = [c for c in data["comparisons"] if c["scope"] != "equation"]
    data["elements_compared"] = len(data["comparisons"]) - len(data["headline"])
    return data


def build_context(project: Project, result: Result, methodology: Methodology, *,
                  document: str, lang: str = "zh",
                  findings: Findings | None = None) -> dict[str, Any]:
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
        Language of the document.
    findings : Findings, optional
        The verifier's comparison against claimed figures, for the verification report.

    Returns
    -------
    dict
        ``document``, ``lang``, ``project``, ``methodology``, ``checks``, ``parameters``,
        ``monitoring``, ``equations``, ``axis``, ``periods``, ``vintages``, ``totals``,
        ``charts``, ``fingerprint``, ``versions``, ``verification``, ``ex_ante`` (the PDD's
        estimate per year), ``ex_ante_total``, ``ex_ante_comparison`` and ``ex_ante_totals`` (see
        :func:`ccer_calc.documents.exante.ex_ante_comparison`).
    """
    choice("document", document, DOCUMENTS)
    choice("lang", lang, LANGUAGES)
    described = methodology.describe()
    if described["id"] != result.methodology["id"]:
        raise InputError("result and methodology differ", field="methodology",
                         value=described["id"], expected=result.methodology["id"])
    periods = [{"id": p.id, "start": p.start, "end": p.end, **_quantities(p.values)}
               for p in result.periods]
    vintages = [{"year": v.year, "rule": v.rule, "issuable": v.issuable,
                 **_quantities(v.values)} for v in result.vintages]
    totals = {**_quantities(result.totals), "issuable": result.issuable_total}
    ident = {k: described[k] for k in ("id", "version", "title_zh", "title_en", "sector",
                                        "status", "source", "max_crediting_years")}
    charts = {
        "periods": bar_chart([(p["id"], p["er"]) for p in periods]),
        "vintages": bar_chart([(str(v["year"]), v["er"]) for v in vintages]),
    }
    ex_ante, comparison = ex_ante_table(project), ex_ante_comparison(project, result)
    return {
        "document": document,
        "lang": lang,
        "project": _project_part(project),
        "methodology": ident,
        "checks": _checks(result, described) + _warning_rows(result, lang),
        "checks_all_passed": all(c.passed for c in result.checks) and not result.warnings,
        "parameters": _parameters(result, described),
        "equations": _equations(result),
        "axis": list(result.trail.axis),
        "periods": periods,
        "vintages": vintages,
        "totals": totals,
        "charts": charts,
        "fingerprint": result.fingerprint,
        "versions": dict(result.versions),
        "verification": _verification(findings),
        "ex_ante": ex_ante,
        "ex_ante_total": math.fsum(e["er"] for e in ex_ante),
        "ex_ante_comparison": comparison,
        "ex_ante_totals": ex_ante_totals(comparison),
    }
