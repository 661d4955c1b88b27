"""A Result as an Excel workbook (``.xlsx``) a verifier reads without the engine.

One sheet per table of :func:`ccer_calc.io.result_tables.result_tables` (summary, periods,
vintages, parameters, checks, warnings, trail, trail_inputs): the header row names each column
with its unit (``emission_reductions [t CO2e]``), numbers are number cells, dates are date
cells, truth values are Boolean cells, every text is a text cell (a project name starting with
``=`` is never a formula). The fingerprint is in the document properties (identifier,
keywords and the custom property ``ccer_calc_fingerprint``) and in the summary sheet. No sheet
has more rows than Excel opens (:data:`MAX_SHEET_ROWS`): a longer table (the ``trail_inputs``
of an hourly project over ten years) continues on numbered sheets (``trail_inputs_2``, ...),
and the summary sheet says which.

Written with the standard library (SpreadsheetML in a zip archive) rather than openpyxl, for
two reasons: openpyxl writes numbers with 16 significant digits, which does not give back every
float64 (17 are needed), so a number read back could differ from the JSON in its last digit;
and the same result gives the same bytes (fixed archive dates, no time of creation), as its
JSON does. Reading monitoring workbooks still uses openpyxl (:mod:`ccer_calc.io.excel`).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from ccer_calc.errors import InputError
from ccer_calc.io.result_tables import Table, result_tables

if TYPE_CHECKING:
    from ccer_calc.result import Result

__all__ = ["MAX_SHEET_ROWS", "result_workbook", "workbook_bytes"]

#: Most rows Excel opens in one sheet, the header row included.
MAX_SHEET_ROWS = 1_048_576

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Day 0 of Excel's 1900 date system, as Excel counts (with its 1900 leap-year quirk, dates
#: from 1900-03-01 on are days since 1899-12-30).
_EPOCH = dt.date(1899, 12, 30)
_STYLE_HEADER, _STYLE_DATE = 1, 2
#: Archive member dates: fixed, so equal results give equal bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_STYLES = (f'<styleSheet xmlns="{_MAIN}">'
           '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '</borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
           '</cellStyleXfs>'
           '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
           'applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')


def _column(index: int) -> str:
    """Excel's column letters of a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Any, style: int = 0) -> str:  # noqa: ANN401 - a cell of any kind
    s = f' s="{style}"' if style else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{s}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise InputError("a result value is not a finite number", field=ref,
                             value=repr(value), expected="a finite number")
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'  # repr: the float64 exactly
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{_STYLE_DATE}"><v>{(value - _EPOCH).days}</v></c>'
    text = str(value)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"{s}><is><t{space}>{escape(text)}</t></is></c>'


def _sheet(table: Table) -> str:
    widths = [max([len(c.header)] + [len(str(r[i])) for r in table.rows[:200]])
              for i, c in enumerate(table.columns)]
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{min(max(w, 8), 60) + 2}" '
                   'customWidth="1"/>' for i, w in enumerate(widths))
    rows = ['<row r="1">' + "".join(_cell(f"{_column(i)}1", c.header, _STYLE_HEADER)
                                    for i, c in enumerate(table.columns)) + "</row>"]
    for n, row in enumerate(table.rows, start=2):
        rows.append(f'<row r="{n}">' + "".join(_cell(f"{_column(i)}{n}", v)
                                               for i, v in enumerate(row)) + "</row>")
    view = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
    return (f'{_HEAD}<worksheet xmlns="{_MAIN}">{view}<cols>{cols}</cols>'
            f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def _package(tables: list[Table], properties: dict[str, str]) -> dict[str, str]:
    """The archive's members: content types, relationships, workbook, styles, sheets, props."""
    n = len(tables)
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}'
                     f'.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    types = (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.'
             f'main+xml"/>{sheets}<Override PartName="/xl/styles.xml" ContentType="{_CT}.'
             'spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType='
             '"application/vnd.openxmlformats-package.core-properties+xml"/>'
             f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties'
             f'+xml"/><Override PartName="/docProps/custom.xml" ContentType="{_CT}.custom-'
             'properties+xml"/></Types>')
    rels = (f'{_HEAD}<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
            'Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{_REL}/custom-properties" '
            'Target="docProps/custom.xml"/></Relationships>')
    book = (f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name={quoteattr(t.name)} sheetId="{i}" r:id="rId{i}"/>'
                      for i, t in enumerate(tables, start=1)) + "</sheets></workbook>")
    book_rels = (f'{_HEAD}<Relationships xmlns="{_PKG}">'
                 + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                           f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
                 + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
                 "</Relationships>")
    members = {"[Content_Types].xml": types, "_rels/.rels": rels, "xl/workbook.xml": book,
               "xl/_rels/workbook.xml.rels": book_rels, "xl/styles.xml": _HEAD + _STYLES,
               **_properties(properties)}
    members.update({f"xl/worksheets/sheet{i}.xml": _sheet(t)
                    for i, t in enumerate(tables, start=1)})
    return members


def _properties(p: dict[str, str]) -> dict[str, str]:
    core = (f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
            '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(p["title"])}</dc:title>'
            f'<dc:subject>{escape(p["subject"])}</dc:subject>'
            f'<dc:creator>{escape(p["creator"])}</dc:creator>'
            f'<cp:keywords>{escape(p["fingerprint"])}</cp:keywords>'
            f'<dc:identifier>{escape(p["fingerprint"])}</dc:identifier>'
            f'<dc:description>{escape(p["description"])}</dc:description>'
            "</cp:coreProperties>")
    app = (f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>ccer-calc</Application></Properties>')
    custom = (f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              f'pid="2" name="ccer_calc_fingerprint"><vt:lpwstr>{escape(p["fingerprint"])}'
              "</vt:lpwstr></property></Properties>")
    return {"docProps/core.xml": core, "docProps/app.xml": app, "docProps/custom.xml": custom}


def _fit(tables: list[Table]) -> list[Table]:
    """Split a table longer than a sheet holds over numbered sheets, and say so in ``summary``.

    ``trail_inputs`` of 1.2 million rows becomes ``trail_inputs`` and ``trail_inputs_2``, each
    with the header row; the summary sheet (the first table, if named so) gains a row
    ``sheets.trail_inputs`` naming the sheets, so no row is lost and Excel opens every sheet.
    """
    per = MAX_SHEET_ROWS - 1
    out: list[Table] = []
    notes: list[list[Any]] = []
    for t in tables:
        if len(t.rows) <= per:
            out.append(t)
            continue
        parts = [t.rows[i:i + per] for i in range(0, len(t.rows), per)]
        names = [t.name, *(f"{t.name}_{k}" for k in range(2, len(parts) + 1))]
        out += [Table(name, f"{t.title} (part {k} of {len(parts)})", t.columns, rows)
                for k, (name, rows) in enumerate(zip(names, parts, strict=True), start=1)]
        notes.append([f"sheets.{t.name}", f"{len(t.rows):,} rows, split over the sheets "
                      f"{', '.join(names)} in this order (a sheet holds at most "
                      f"{MAX_SHEET_ROWS:,} rows)", None])
    if notes and out and out[0].name == "summary":
        out[0] = Table(out[0].name, out[0].title, out[0].columns, [*out[0].rows, *notes])
    return out


def workbook_bytes(tables: list[Table], properties: dict[str, str]) -> bytes:
    """An ``.xlsx`` file of the tables, one sheet each; the same tables give the same bytes.

    ``properties`` holds ``title``, ``subject``, ``creator``, ``description`` and
    ``fingerprint`` (document properties). A table longer than :data:`MAX_SHEET_ROWS` is
    split over numbered sheets (:func:`_fit`).
    """
    tables = _fit(tables)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _package(tables, properties).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def result_workbook(result: Result) -> bytes:
    """The workbook of one result (see the module notes).

    Examples
    --------
    >>> from pathlib import Path
    >>> import methodologies.ccer_01_002_v01 as pkg
    >>> from ccer_calc.api import compute, load_project
    >>> r = compute(load_project(Path(pkg.__file__).parent / "data" / "example.toml"))
    >>> data = result_workbook(r)
    >>> data[:2], data == result_workbook(r)
    (b'PK', True)
    """
    m, p = result.methodology, result.project
    return workbook_bytes(result_tables(result), {
        "title": f"{p['name']}: emission reductions ({m['id']})",
        "subject": f"{m['id']} {m['title_en']}",
        "creator": f"ccer-calc {result.versions.get('engine', '')}".strip(),
        "description": "Computed by ccer-calc; numbers are unrounded except the issuable "
                       "tonnes; the fingerprint identifies the inputs and versions.",
        "fingerprint": result.fingerprint,
    })
