"""Word (DOCX) rendering of a document context, for verifiers who exchange Word files.

The DOCX is built with python-docx (optional extra ``ccer-calc[docx]``) from the same plain
context the Jinja templates read (:func:`ccer_calc.documents.context.build_context`), with the
same number filters, so a table cell of the DOCX reads exactly as in the HTML. It holds the
headline content -- identity, dates, checks, parameters, equations (formula and source),
results per period and per vintage, ex-ante versus actual, verification findings and the
fingerprint -- not the per-element trail tables, which stay in HTML/Markdown.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ccer_calc.documents.filters import format_number, format_percent, format_tco2, format_whole
from ccer_calc.documents.labels import LABELS, QUANTITIES, SCOPES, TITLES
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


def _identity(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    p, m = ctx["project"], ctx["methodology"]
    d = p["dates"]
    rows = [(t["name"], p["name"]), (t["project_id"], p["project_id"] or "—"),
            (t["owner"], p["owner"] or "—"), (t["province"], p["province"] or "—"),
            (t["methodology"], f"{m['id']} {m['title_zh']} ({m['title_en']})"),
            (t["version"], f"{m['version']}; {m['status']}"),
            (t["construction_start"], d["construction_start"]),
            (t["grid_connection"], d["grid_connection"] or "—"),
            (t["crediting_period"], f"{d['crediting_period_start']} – {d['crediting_period_end']}"),
            (t["application_date"], d["application_date"] or "—"),
            (t["fingerprint"], ctx["fingerprint"])]
    _table(doc, (t["item"], t["value"]), rows)
    if p["description"]:
        doc.add_paragraph(p["description"])


def _checks(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    doc.add_heading(t["checks"], level=1)
    key = f"description_{ctx['lang']}"
    rows = [(str(i), c[key], t["passed"] if c["passed"] else t["failed"], c["reason"],
             c["source"]) for i, c in enumerate(ctx["checks"], 1)]
    _table(doc, ("#", t["condition"], t["outcome"], t["evidence"], t["source"]), rows)


def _parameters(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    key = f"description_{ctx['lang']}"
    doc.add_heading(t["fixed"], level=1)
    rows = [(p["symbol"], p["unit"], p[key],
             "; ".join(format_number(v) for v in p["values"]) or "—", p["applied_source"])
            for p in ctx["parameters"]["fixed"]]
    _table(doc, (t["parameter"], t["unit"], t["description"], t["used"], t["source"]), rows)
    doc.add_heading(t["monitored"], level=1)
    rows = [(c["symbol"], c["unit"], c[key], c["source"], c["frequency"])
            for c in ctx["parameters"]["monitored"]]
    _table(doc, (t["parameter"], t["unit"], t["description"], t["source"], t["frequency"]),
           rows)


def _equations(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    doc.add_heading(t["equations"], level=1)
    for e in ctx["equations"]:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(f"{e['id']}: ").bold = True
        para.add_run(e["formula"])
        para.add_run(f" — {e['source']}")


def _results(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    doc.add_heading(t["periods"], level=1)
    tot = ctx["totals"]
    rows = [(p["id"], f"{p['start']} – {p['end']}", format_tco2(p["be"]), format_tco2(p["pe"]),
             format_tco2(p["le"]), format_tco2(p["er"])) for p in ctx["periods"]]
    rows.append((t["total"], "", format_tco2(tot["be"]), format_tco2(tot["pe"]),
                 format_tco2(tot["le"]), format_tco2(tot["er"])))
    _table(doc, (t["period"], t["dates"], "BE (tCO2e)", "PE (tCO2e)", "LE (tCO2e)",
                 "ER (tCO2e)"), rows)
    doc.add_heading(t["vintages"], level=1)
    rows = [(str(v["year"]), format_tco2(v["be"]), format_tco2(v["pe"]), format_tco2(v["le"]),
             format_tco2(v["er"]), format_whole(v["issuable"])) for v in ctx["vintages"]]
    rows.append((t["total"], format_tco2(tot["be"]), format_tco2(tot["pe"]),
                 format_tco2(tot["le"]), format_tco2(tot["er"]), format_whole(tot["issuable"])))
    _table(doc, (t["year"], "BE (tCO2e)", "PE (tCO2e)", "LE (tCO2e)", "ER (tCO2e)",
                 t["issuable"]), rows)


def _ex_ante(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    if ctx["document"] in ("pdd", "validation"):
        doc.add_heading(t["ex_ante"], level=1)
        if not ctx["ex_ante"]:
            doc.add_paragraph(t["no_ex_ante"])
            return
        estimate = [(str(e["year"]), format_tco2(e["er"])) for e in ctx["ex_ante"]]
        estimate.append((t["total"], format_tco2(ctx["ex_ante_total"])))
        _table(doc, (t["year"], t["ex_ante_er"]), estimate)
        return
    doc.add_heading(t["comparison"], level=1)
    if not ctx["ex_ante_comparison"]:
        doc.add_paragraph(t["no_comparison"])
        return
    rows = [(str(r["year"]), format_tco2(r["ex_ante"]), f"{r['days']}/{r['year_days']}",
             format_tco2(r["expected"]), format_tco2(r["actual"]),
             format_tco2(r["difference"]), _pct(r["relative"]))
            for r in ctx["ex_ante_comparison"]]
    s = ctx["ex_ante_totals"]
    rows.append((t["total"], "", "", format_tco2(s["expected"]), format_tco2(s["actual"]),
                 format_tco2(s["difference"]), _pct(s["relative"])))
    _table(doc, (t["year"], t["ex_ante_year"], t["days"], t["expected"], t["actual"],
                 t["difference"], t["relative"]), rows)
    doc.add_paragraph(t["comparison_note"])


def _verification(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    v = ctx["verification"]
    if ctx["document"] != "verification" or v is None:
        return
    doc.add_heading(t["recalculation"], level=1)
    doc.add_paragraph(f"{t['materiality']}: {format_percent(v['materiality'])}; "
                      f"{t['material'] if v['material'] else t['not_material']}")
    scopes, quantities = SCOPES[ctx["lang"]], QUANTITIES[ctx["lang"]]

    def where(item: dict[str, Any]) -> str:
        name = scopes.get(item["scope"], item["scope"])
        return name if item["scope"] in ("total", "fingerprint") else f"{name} {item['key']}"

    rows = [(where(c), quantities.get(c["quantity"], c["quantity"]), format_tco2(c["claimed"]),
             format_tco2(c["recomputed"]), format_tco2(c["difference"]), _pct(c["relative"]))
            for c in v["headline"]]
    _table(doc, (t["scope"], t["quantity"], t["claimed"], t["recomputed"], t["difference"],
                 t["relative"]), rows)
    doc.add_heading(t["findings"], level=1)
    kind = f"kind_{ctx['lang']}"
    found = [(f"{f['kind']}-{f['number']}", f[kind], where(f),
              f["description"], _pct(f["share"])) for f in v["findings"]]
    _table(doc, (t["number"], t["kind"], t["scope"], t["description"], t["share"]), found)


def _traceability(doc: Document, ctx: dict[str, Any], t: dict[str, str]) -> None:
    doc.add_heading(t["traceability"], level=1)
    rows = [(t["fingerprint"], ctx["fingerprint"]),
            *((k, ctx["versions"][k]) for k in sorted(ctx["versions"]))]
    _table(doc, (t["item"], t["value"]), rows)
    doc.add_paragraph(t["regenerate"])


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
    lang, t = ctx["lang"], LABELS[ctx["lang"]]
    doc = docx.Document()
    title = TITLES[lang][ctx["document"]]
    props = doc.core_properties
    props.title, props.subject = f"{title}: {ctx['project']['name']}", ctx["methodology"]["id"]
    props.identifier, props.author = ctx["fingerprint"], f"ccer-calc {ctx['versions']['engine']}"
    doc.add_heading(title, level=0)
    doc.add_paragraph(ctx["project"]["name"]).runs[0].bold = True
    for part in (_identity, _checks, _parameters, _equations, _results, _ex_ante,
                 _verification, _traceability):
        part(doc, ctx, t)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
