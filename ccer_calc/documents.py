"""CCER documents as views of a Project and its Result (DESIGN decision 10).

One plain *document context* is built per rendering from the Project, the Result and the
methodology's :meth:`~ccer_calc.methodology.Methodology.describe`; Jinja templates in
``reports/<lang>/`` (installed as ``ccer_calc.reports``) only place its values. Everything that
needs arithmetic -- per-element tables of the trail, the bar geometry of the charts -- is done
here, never in a template. Numbers are formatted by filters (:func:`format_tco2`,
:func:`format_number`).

Template lookup: each folder given in ``template_dirs`` (first ``<dir>/<lang>/``, then
``<dir>/``), then the packaged ``reports/<lang>/``; a user file of the same name wins.
Undefined values raise (StrictUndefined); every template is autoescaped except ``*.md.j2`` and
``*.txt.j2``, so the HTML table macros in ``_macros.j2`` escape user text too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import jinja2
import numpy as np

from ccer_calc.errors import InputError, TemplateError
from ccer_calc.fsutil import write_atomic

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.verify import Findings

__all__ = [
    "DOCUMENTS",
    "FORMATS",
    "LANGUAGES",
    "build_context",
    "environment",
    "format_number",
    "format_tco2",
    "render_document",
    "write_document",
]

#: Document keys and their template base names.
DOCUMENTS = ("pdd", "monitoring", "validation", "verification")
LANGUAGES = ("zh", "en")
FORMATS = ("html", "md")

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


def format_tco2(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format tonnes: thousands separators and three decimals.

    Parameters
    ----------
    value : float
        A number of t CO2e.

    Returns
    -------
    str
        The formatted number.

    Examples
    --------
    >>> format_tco2(343163.697518)
    '343,163.698'
    >>> format_tco2(-0.0)
    '0.000'
    """
    x = float(value)
    return f"{x + 0.0:,.3f}"


def format_number(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format any magnitude with separators and up to six decimals, trailing zeros dropped.

    Parameters
    ----------
    value : float
        A number.

    Returns
    -------
    str
        The formatted number; scientific notation outside 1e-4 .. 1e12.

    Examples
    --------
    >>> format_number(98210.4)
    '98,210.4'
    >>> format_number(0.5)
    '0.5'
    >>> format_number(3)
    '3'
    """
    x = float(value) + 0.0
    if x != 0 and not 1e-4 <= abs(x) < 1e12:  # noqa: PLR2004 - display range
        return f"{x:.6g}"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def format_whole(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format whole tonnes with separators (``740,644``)."""
    return f"{int(value):,d}"


def format_percent(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format a fraction as a percentage with three decimals (``0.0123`` → ``1.230 %``)."""
    return f"{float(value) * 100:.3f} %"


def escape_markdown(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Make text safe inside a Markdown table cell (pipes escaped, line breaks joined)."""
    return re.sub(r"\s*\n\s*", " ", str(value)).replace("|", "\\|")


def environment(lang: str = "zh", template_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """The Jinja environment for one language: user folders first, packaged templates last.

    Parameters
    ----------
    lang : {"zh", "en"}
        Language folder of the packaged templates.
    template_dirs : sequence of path
        User template folders; ``<dir>/<lang>/`` and ``<dir>/`` are searched in that order,
        before the packaged ``reports/<lang>/``.

    Returns
    -------
    jinja2.Environment
        With StrictUndefined, autoescaping and the number filters registered.
    """
    _choice("lang", lang, LANGUAGES)
    loaders: list[jinja2.BaseLoader] = []
    for d in template_dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise InputError("template folder not found", field="template_dirs",
                             value=str(folder), expected="an existing folder")
        loaders.append(jinja2.FileSystemLoader([str(folder / lang), str(folder)]))
    packaged = resources.files("ccer_calc.reports").joinpath(lang)
    loaders.append(jinja2.FileSystemLoader(str(packaged)))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders),
                             undefined=jinja2.StrictUndefined, autoescape=jinja2.select_autoescape(
                                 # everything but Markdown and text: _macros.j2 escapes too
                                 enabled_extensions=(), disabled_extensions=("md.j2", "txt.j2"),
                                 default_for_string=True, default=True),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(tco2=format_tco2, num=format_number, whole=format_whole,
                       pct=format_percent, md=escape_markdown)
    return env


def _choice(field: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise InputError(f"unknown {field}", field=field, value=value,
                         expected="one of " + ", ".join(allowed))


# --------------------------------------------------------------------------- context


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


def unit_text(unit: str) -> str:
    """Write a unit as people read it: the mass unit first (``CO2e * t`` → ``t CO2e``).

    Examples
    --------
    >>> unit_text("CO2e * t / MWh")
    't CO2e/MWh'
    >>> unit_text("MWh")
    'MWh'
    """
    num, sep, den = unit.partition(" / ")
    parts = num.split(" * ")
    parts.sort(key=lambda u: u != "t")
    return " ".join(parts) + (f"/{den}" if sep else "")


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
        ``charts``, ``fingerprint``, ``versions`` and ``verification``.
    """
    _choice("document", document, DOCUMENTS)
    _choice("lang", lang, LANGUAGES)
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
    return {
        "document": document,
        "lang": lang,
        "project": _project_part(project),
        "methodology": ident,
        "checks": _checks(result, described),
        "checks_all_passed": all(c.passed for c in result.checks),
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
    }


# --------------------------------------------------------------------------- rendering


def _template_position(tb: TracebackType | None) -> str | None:
    where = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = f"{Path(name).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def render_document(project: Project, result: Result, methodology: Methodology, *,
                    document: str, lang: str = "zh", fmt: str = "html",
                    template_dirs: Sequence[str | Path] = (),
                    findings: Findings | None = None) -> str:
    """Render one document fully in memory.

    Parameters
    ----------
    project, result, methodology
        What to show (see :func:`build_context`).
    document : {"pdd", "monitoring", "validation", "verification"}
        项目设计文件, 减排量核算报告, 审定报告 or 核查报告.
    lang : {"zh", "en"}
        Language.
    fmt : {"html", "md"}
        Output format: one self-contained HTML file, or Markdown.
    template_dirs : sequence of path
        User template folders searched before the packaged ones.
    findings : Findings, optional
        Verifier findings, shown by the verification report.

    Returns
    -------
    str
        The rendered document.

    Raises
    ------
    TemplateError
        A template is missing, has a syntax error, or reads a value the context lacks (the
        message names the variable and the template line).
    InputError
        An unknown document, language or format.
    """
    _choice("fmt", fmt, FORMATS)
    context = build_context(project, result, methodology, document=document, lang=lang,
                            findings=findings)
    name = f"{document}.{fmt}.j2"
    env = environment(lang, template_dirs)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError("template not found", field=f"{lang}/{name}", value=exc.name,
                            expected="a template in the user folders or reports/") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}",
                            field=f"{exc.name or name}:{exc.lineno}") from exc
    except (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
        where = _template_position(exc.__traceback__) or f"{lang}/{name}"
        msg = getattr(exc, "message", None) or str(exc)
        raise TemplateError(f"template failed: {msg}", field=where) from exc


def write_document(project: Project, result: Result, methodology: Methodology, *,
                   document: str, path: str | Path, lang: str = "zh", fmt: str = "html",
                   template_dirs: Sequence[str | Path] = (),
                   findings: Findings | None = None) -> Path:
    """Render a document and write it atomically; a failed render leaves no file behind.

    Parameters
    ----------
    project, result, methodology, document, lang, fmt, template_dirs, findings
        As for :func:`render_document`.
    path : path
        Destination file; an existing file is replaced only after a successful render.

    Returns
    -------
    Path
        The written file.
    """
    text = render_document(project, result, methodology, document=document, lang=lang,
                           fmt=fmt, template_dirs=template_dirs, findings=findings)
    return write_atomic(path, text if text.endswith("\n") else text + "\n")
