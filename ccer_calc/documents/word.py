"""Word (DOCX) rendering of a document context, for verifiers who exchange Word files.

The DOCX is built with python-docx (optional extra ``ccer-calc[docx]``) from the same plain
context the Jinja templates read (:func:`ccer_calc.documents.context.build_context`), with the
same number filters, so a table cell of the DOCX reads exactly as in the HTML. It holds the
headline content -- identity, dates, checks, parameters, equations (formula and source),
results per period and per vintage, ex-ante versus actual, verification findings, the sections
people write (from the engagement file, or their placeholders) and the fingerprint -- not the
per-element trail tables, which stay in HTML/Markdown. Its wording is the message catalogue's
(:mod:`ccer_calc.documents.messages`), as for the templates.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ccer_calc.documents.exante import DESIGN_DOCUMENTS
from ccer_calc.documents.filters import format_number, format_percent, format_tco2, format_whole
from ccer_calc.documents.messages import message, variant
from ccer_calc.documents.word_gases import add_gases
from ccer_calc.errors import CcerError

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["docx_bytes", "missing_extra"]


def missing_extra(fmt: str, package: str, exc: BaseException) -> CcerError:
    """The error for an output format whose optional extra is not installed."""
    return CcerError(f"{package} is not available ({type(exc).__name__}: {exc})",
                     field="format", value=fmt,
                     expected=f"the {fmt} extra: pip install 'ccer-calc[{fmt}]'")


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _table(doc: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A grid table with a bold header row; right-aligned cells for numbers."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.add_paragraph()


class _Words:
    """The catalogue in one language: ``t("label.total")`` (sink wording for removals)."""

    def __init__(self, lang: str, accounts: str | None = None) -> None:
        self.lang, self.accounts = lang, accounts

    def __call__(self, key: str, **values: object) -> str:
        return message(variant(key, self.accounts), self.lang, **values)


def _identity(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    p, m = ctx["project"], ctx["methodology"]
    d = p["dates"]
    rows = [(t("label.project_name"), p["name"]),
            (t("label.project_id"), p["project_id"] or "—"),
            (t("label.owner"), p["owner"] or "—"), (t("label.province"), p["province"] or "—"),
            (t("label.methodology"),
             f"{m['id']} {t('fmt.paren', text=m['title'], inner=m['title_other'])}"),
            (t("label.methodology_version"), m["version"] + t("fmt.list_sep") + m["status"]),
            (t("label.construction_start"), d["construction_start"]),
            (t("label.grid_connection"), d["grid_connection"] or "—"),
            (t("label.crediting_period"), f"{d['crediting_period_start']} – "
                                          f"{d['crediting_period_end']}"),
            (t("label.application_date"), d["application_date"] or "—"),
            (t("label.fingerprint"), ctx["fingerprint"])]
    k = ctx["key_data"]
    if k is not None:
        rows += [(t("label.expected_annual_average"), format_tco2(k["annual_average"])),
                 (t("label.expected_total"), format_tco2(k["total"])),
                 (t("label.crediting_years"), format_number(k["crediting_years"]))]
    _table(doc, (t("label.item"), t("label.content")), rows)
    if p["description"]:
        doc.add_paragraph(p["description"])


def _checks(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.checks"), level=1)
    rows = [(str(i), c["title"], c["outcome"], c["reason"], c["source"])
            for i, c in enumerate(ctx["checks"], 1)]
    _table(doc, ("#", t("label.condition"), t("label.outcome"), t("label.evidence"),
                 t("label.criterion")), rows)


def _parameters(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.fixed"), level=1)
    rows = [(p["symbol"], p["unit"], p["description"],
             t("fmt.list_sep").join(format_number(v) for v in p["values"]) or "—",
             p["applied_source"]) for p in ctx["parameters"]["fixed"]]
    _table(doc, (t("label.parameter"), t("label.unit"), t("label.description"),
                 t("label.value_applied"), t("label.data_source")), rows)
    doc.add_heading(t("docx.monitored"), level=1)
    rows = [(c["symbol"], c["unit"], c["description"], c["source"], c["frequency"])
            for c in ctx["parameters"]["monitored"]]
    _table(doc, (t("label.parameter"), t("label.unit"), t("label.description"),
                 t("label.data_source"), t("label.frequency")), rows)


def _equations(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.equations"), level=1)
    for e in ctx["equations"]:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(t("fmt.label_value", label=e["id"], value="")).bold = True
        para.add_run(e["formula"])
        para.add_run(f" — {e['description']} — {e['source']}")


def _results(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.periods"), level=1)
    tot = ctx["totals"]
    rows = [(p["id"], f"{p['start']} – {p['end']}", format_tco2(p["be"]), format_tco2(p["pe"]),
             format_tco2(p["le"]), format_tco2(p["er"])) for p in ctx["periods"]]
    rows.append((t("label.total"), "", format_tco2(tot["be"]), format_tco2(tot["pe"]),
                 format_tco2(tot["le"]), format_tco2(tot["er"])))
    _table(doc, (t("label.period"), t("label.dates"), t("label.be_short"), t("label.pe_short"),
                 t("label.le_short"), t("label.er_short")), rows)
    doc.add_heading(t("docx.vintages"), level=1)
    rows = [(str(v["year"]), format_tco2(v["be"]), format_tco2(v["pe"]), format_tco2(v["le"]),
             format_tco2(v["er"]), format_whole(v["issuable"])) for v in ctx["vintages"]]
    rows.append((t("label.total"), format_tco2(tot["be"]), format_tco2(tot["pe"]),
                 format_tco2(tot["le"]), format_tco2(tot["er"]), format_whole(tot["issuable"])))
    _table(doc, (t("label.year"), t("label.be_short"), t("label.pe_short"),
                 t("label.le_short"), t("label.er_short"), t("label.issuable_t")), rows)


def _provisional(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    p = ctx["provisional"]
    if p is None:
        return
    doc.add_paragraph().add_run(p["banner"]).bold = True
    _table(doc, (t("sinks.provisional_name"), t("sinks.provisional_value"),
                 t("sinks.provisional_origin"), t("label.data_source")),
           [(r["name"], r["value"], r["origin"], r["source"]) for r in p["rows"]])


def _sink(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    sink = ctx["sink"]
    if sink is None:
        return
    doc.add_heading(t("sinks.heading"), level=1)
    doc.add_paragraph(sink["signs"])
    _table(doc, (t("sinks.date"), t("sinks.method"), t("sinks.plots"), t("sinks.stock"),
                 t("sinks.uncertainty"), t("sinks.discount"), t("sinks.conservative")),
           [(e["date"], e["method"], str(e["plots"]), format_tco2(e["stock"]),
             _pct(e["uncertainty"]), _pct(e["discount"]), format_tco2(e["conservative"]))
            for e in sink["estimates"]])
    _table(doc, (t("sinks.interval"), t("sinks.stock_t1"), t("sinks.stock_t2"),
                 t("sinks.change"), t("sinks.uncertainty"), t("sinks.discount"),
                 t("sinks.conservative")),
           [(c["interval"], format_tco2(c["stock_t1"]), format_tco2(c["stock_t2"]),
             format_tco2(c["change"]), _pct(c["uncertainty"]), _pct(c["discount"]),
             format_tco2(c["conservative"])) for c in sink["changes"]])
    for line in sink.get("deduction", ()):
        doc.add_paragraph(line)
    add_gases(doc, sink["gases"], t, _table)
    for f in sink["figures"]:
        doc.add_paragraph(t("fmt.label_value", label=f["symbol"], value=f["description"]))
        _table(doc, (t("sinks.period"), t("sinks.value")),
               [(r["period"], format_tco2(r["value"])) for r in f["rows"]])


def _sink_plan(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    """A sink's estimate: its planting schedule and growth models (AR-TOOL14 section 8.2)."""
    plan = ctx["sink_plan"]
    if plan is None:
        return
    doc.add_heading(t("sinks.plan_heading"), level=1)
    doc.add_paragraph(plan["note"])
    doc.add_paragraph(plan["signs"])
    doc.add_paragraph(t("sinks.cohorts"))
    _table(doc, (t("sinks.cohort"), t("sinks.planting_year"), t("sinks.stratum"),
                 t("sinks.species"), t("sinks.area"), t("sinks.curve")),
           [(c["key"], str(c["year"]), c["stratum"], c["species"], format_number(c["area"]),
             c["curve"]) for c in plan["cohorts"]])
    doc.add_paragraph(t("sinks.growth"))
    _table(doc, (t("sinks.curve"), t("sinks.species"), t("sinks.stratum"), t("sinks.model"),
                 t("sinks.asymptote"), t("sinks.rate"), t("sinks.shape"),
                 t("label.data_source")),
           [(g["key"], g["species"], g["stratum"], g["model"], format_number(g["asymptote"]),
             format_number(g["rate"]), format_number(g["shape"]), g["source"])
            for g in plan["growth"]])
    add_gases(doc, plan["gases"], t, _table)


def _estimate(doc: Document, e: dict[str, Any], t: _Words) -> None:
    """The computed estimate: per year, total, years and average; scenarios; sensitivity."""
    def four(v: dict[str, float]) -> tuple[str, ...]:
        return tuple(format_tco2(v[k]) for k in ("be", "pe", "le", "er"))

    rows = [(str(y["year"]), f"{y['days']}/{y['year_days']}",
             format_number(y["crediting_years"]), *four(y)) for y in e["years"]]
    rows.append((t("label.total"), "", format_number(e["crediting_years"]), *four(e["totals"])))
    rows.append((t("label.annual_average"), "", "", *four(e["annual_average"])))
    _table(doc, (t("label.year"), t("label.days_in_period"), t("label.crediting_year_share"),
                 t("label.be_long"), t("label.pe_long"), t("label.le_long"),
                 t("label.er_long")), rows)
    doc.add_paragraph(t("sentence.estimate_note"))
    s = e["scenarios"]
    if s:
        doc.add_heading(t("docx.scenarios"), level=2)
        rows = [(str(r["year"]), *("—" if v is None else format_tco2(v) for v in r["er"]))
                for r in s["rows"]]
        rows.append((t("label.total"), *(format_tco2(v) for v in s["totals"])))
        rows.append((t("label.annual_average"), *(format_tco2(v) for v in s["averages"])))
        _table(doc, (t("label.year"), t("label.base_case"), *(c["name"] for c in s["columns"])),
               rows)
    if e["sensitivity"]:
        doc.add_heading(t("docx.sensitivity"), level=2)
        change = e["sensitivity"][0]["change_label"]
        rows = [(f"{r['label']} ({r['symbol']})", format_tco2(r["lower"]),
                 format_tco2(r["base"]), format_tco2(r["higher"])) for r in e["sensitivity"]]
        _table(doc, (t("label.expected_quantity"), t("label.er_lower", change=change),
                     t("label.er_total"), t("label.er_higher", change=change)), rows)


def _ex_ante(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    if ctx["document"] in DESIGN_DOCUMENTS:
        doc.add_heading(t("docx.ex_ante"), level=1)
        if ctx["estimate"] is not None:
            _estimate(doc, ctx["estimate"], t)
            return
        if not ctx["ex_ante"]:
            doc.add_paragraph(t("sentence.no_ex_ante"))
            return
        estimate = [(str(e["year"]), format_tco2(e["er"])) for e in ctx["ex_ante"]]
        estimate.append((t("label.total"), format_tco2(ctx["ex_ante_total"])))
        _table(doc, (t("label.year"), t("label.ex_ante_er")), estimate)
        return
    doc.add_heading(t("docx.comparison"), level=1)
    if not ctx["ex_ante_comparison"]:
        doc.add_paragraph(t("sentence.no_comparison"))
        return
    rows = [(str(r["year"]), format_tco2(r["ex_ante"]), f"{r['days']}/{r['estimate_days']}",
             format_tco2(r["expected"]), format_tco2(r["actual"]),
             format_tco2(r["difference"]), _pct(r["relative"]))
            for r in ctx["ex_ante_comparison"]]
    s = ctx["ex_ante_totals"]
    rows.append((t("label.total"), "", "", format_tco2(s["expected"]), format_tco2(s["actual"]),
                 format_tco2(s["difference"]), _pct(s["relative"])))
    _table(doc, (t("label.year"), t("label.ex_ante_year"), t("label.days"),
                 t("label.expected"), t("label.actual"), t("label.difference_t"),
                 t("label.relative")), rows)
    doc.add_paragraph(t("sentence.comparison_note"))


def _verification(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    v = ctx["verification"]
    if ctx["document"] != "verification" or v is None:
        return
    doc.add_heading(t("docx.recalculation"), level=1)
    doc.add_paragraph(f"{t('docx.materiality')}: {format_percent(v['materiality'])}; "
                      f"{t('docx.material') if v['material'] else t('docx.not_material')}")
    rows = [(c["where"], c["quantity_label"], format_tco2(c["claimed"]),
             format_tco2(c["recomputed"]), format_tco2(c["difference"]), _pct(c["relative"]))
            for c in v["headline"]]
    _table(doc, (t("label.scope"), t("label.item"), t("label.claimed"), t("label.recomputed"),
                 t("label.difference_t"), t("label.relative")), rows)
    doc.add_heading(t("docx.findings"), level=1)
    found = [(f"{f['kind']}-{f['number']}", f["kind_label"], f["where"], f["description"],
              _pct(f["share"])) for f in v["findings"]]
    _table(doc, (t("label.number"), t("label.kind_of_finding"), t("label.scope"),
                 t("label.description"), t("label.share")), found)


#: Heading of each person-written section in the DOCX, as in the HTML document.
_WRITTEN_HEADINGS = {
    "compliance": "pdd.s8", "implementation": "{document}.s2", "ex_ante":
    "engagement_label.ex_ante_explanation", "scope": "{document}.s1",
    "procedure": "{document}.s2", "legal": "validation.s3_1",
    "additionality": "validation.s3_4", "sustainable": "validation.s3_5",
    "public": "{document}.s4", "findings": "validation.s5", "commitment": "{document}.s6",
}


def _written(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.written"), level=1)
    for name, section in ctx["engagement"].items():
        if name == "ex_ante" and not ctx["ex_ante_comparison"]:
            continue  # explains a comparison the document does not have
        key = _WRITTEN_HEADINGS[name].format(document=ctx["document"])
        if name == "implementation" and ctx["document"] == "verification":
            key = "verification.s3_2"
        doc.add_heading(t(key), level=2)
        for g in section["given"]:
            for k, text in enumerate(g["paragraphs"]):
                para = doc.add_paragraph()
                if section["labelled"] and k == 0:
                    para.add_run(g["label"]).bold = True
                    para.add_run(t("fmt.colon"))
                para.add_run(text)
        if section["missing"]:
            doc.add_paragraph().add_run(t("fmt.todo", what=section["missing"])).italic = True


def _traceability(doc: Document, ctx: dict[str, Any], t: _Words) -> None:
    doc.add_heading(t("docx.traceability"), level=1)
    rows = [(t("label.fingerprint"), ctx["fingerprint"]),
            *((ctx["version_labels"][k], ctx["versions"][k]) for k in sorted(ctx["versions"]))]
    _table(doc, (t("label.item"), t("label.content")), rows)
    doc.add_paragraph(t("sentence.regenerate", command=ctx["recompute"]))


def docx_bytes(ctx: dict[str, Any]) -> bytes:
    """The DOCX file of one document context.

    Parameters
    ----------
    ctx : dict
        A context from :func:`~ccer_calc.documents.context.build_context`.

    Returns
    -------
    bytes
        The ``.docx`` file.

    Raises
    ------
    CcerError
        If python-docx is not installed (names the extra to install).
    """
    try:
        import docx  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        raise missing_extra("docx", "python-docx", exc) from None
    t = _Words(ctx["lang"], ctx.get("accounts"))
    doc = docx.Document()
    title = t(f"{ctx['document']}.title")
    props = doc.core_properties
    props.title, props.subject = f"{title}: {ctx['project']['name']}", ctx["methodology"]["id"]
    props.identifier, props.author = ctx["fingerprint"], f"ccer-calc {ctx['versions']['engine']}"
    doc.add_heading(title, level=0)
    doc.add_paragraph(ctx["project"]["name"]).runs[0].bold = True
    for part in (_provisional, _identity, _checks, _parameters, _sink_plan, _equations, _sink,
                 _results,
                 _ex_ante, _verification, _written, _traceability):
        part(doc, ctx, t)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
