"""Small workbooks that unpack to a sheet openpyxl would spend minutes and gigabytes on.

Issue 13 ("request size and compute time have stated limits"): a 128 KB workbook holding one
row of 4.3 million cells took 42 s and 2 GB before it was refused. Each bomb here is built by
hand (zip + minimal SpreadsheetML) and must be refused within about a second, before openpyxl
parses it, with a message naming the workbook or sheet and the limit.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="needs the excel extra")

from ccer_calc.api import get_methodology  # noqa: E402
from ccer_calc.errors import InputError  # noqa: E402
from ccer_calc.io import excel  # noqa: E402
from ccer_calc.io.excel import xlsx_table  # noqa: E402
from ccer_calc.io.xlsx_guard import MAX_COLUMNS, part_limit, string_limit  # noqa: E402

OW = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
COLUMNS = get_methodology("CCER-01-002-V01").monitored_columns
HEADER = ["start", "end", "export [MWh]", "import [MWh]"]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
#: The service's unpacked limit, Limits().max_unpacked_bytes (checked in
#: test_the_stated_limits when the server extra is installed).
SERVER_MAX_UNPACKED_BYTES = 64 * 1024 * 1024


def _book(sheet: bytes, strings: bytes | None = None) -> bytes:
    """A minimal workbook: one sheet ``monitoring`` with this XML, shared strings if given."""
    ss_type = f"{REL}/sharedStrings"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                   f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
                   '<sheet name="monitoring" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        if strings is not None:
            rels += f'<Relationship Id="rId2" Type="{ss_type}" Target="sharedStrings.xml"/>'
            z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{rels}'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def _sheet(rows: bytes, dimension: str = "") -> bytes:
    head = "".join(f'<c r="{chr(65 + k)}1" t="inlineStr"><is><t>{h}</t></is></c>'
                   for k, h in enumerate(HEADER))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<worksheet xmlns="{NS}">{dim}<sheetData><row r="1">{head}</row>'.encode()
            + rows + b"</sheetData></worksheet>")


@contextmanager
def _within(seconds: float) -> Iterator[None]:
    start = time.perf_counter()
    yield
    assert time.perf_counter() - start < seconds


def _refused(data: bytes, match: str, *, server: bool = True) -> None:
    with _within(2.0), pytest.raises(InputError, match=match):
        xlsx_table(data, COLUMNS, name="bomb.xlsx", max_unpacked_bytes=(
            SERVER_MAX_UNPACKED_BYTES if server else None))


def test_the_stated_limits() -> None:
    try:
        from ccer_calc.server.limits import Limits  # noqa: PLC0415
    except ImportError:  # pragma: no cover - without the server extra
        pass
    else:
        assert Limits().max_unpacked_bytes == SERVER_MAX_UNPACKED_BYTES
    assert part_limit(SERVER_MAX_UNPACKED_BYTES) == 16 * 1024 * 1024  # the body limit
    assert string_limit(SERVER_MAX_UNPACKED_BYTES) == 131_072
    assert MAX_COLUMNS == 256


def test_one_row_of_a_million_cells_is_refused_before_openpyxl_parses_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("openpyxl was asked to parse a bomb")
    monkeypatch.setattr(excel, "_load", never)
    row = b'<row r="2">' + b"<c><v>1</v></c>" * 1_000_000 + b"</row>"  # 15 MB, under 16 MiB
    data = _book(_sheet(row))
    assert len(data) < 100_000
    for server in (True, False):
        _refused(data, r"bomb.xlsx, part xl/worksheets/sheet1.xml: a row wider than the "
                       r"limit .*expected at most 256 columns", server=server)


def test_a_cell_far_right_is_refused() -> None:
    _refused(_book(_sheet(b'<row r="2"><c r="A2"><v>1</v></c><c r="XFD2"><v>1</v></c></row>')),
             r"a cell right of the widest sheet read \(got 'column XFD'")


def test_a_declared_dimension_wider_than_the_limit_is_refused() -> None:
    _refused(_book(_sheet(b"", dimension="A1:XFD1")), r"the sheet is wider than the limit "
                                                      r"\(got .*XFD1")


def test_a_row_numbered_past_the_row_cap_is_refused() -> None:
    """openpyxl would yield millions of empty rows to reach it."""
    _refused(_book(_sheet(b'<row r="99999999"><c r="A99999999"><v>1</v></c></row>')),
             r"more than 5,000,000 rows in the sheet \(got 99999998")


def test_a_declared_shared_string_count_over_the_limit_is_refused() -> None:
    strings = (f'<sst xmlns="{NS}" count="9000000" uniqueCount="9000000">'
               '<si><t>a</t></si></sst>').encode()
    _refused(_book(_sheet(b""), strings), r"declares 9,000,000 shared strings.*at most "
                                          r"131,072 distinct texts")


def test_shared_strings_over_the_limit_are_refused_whatever_is_declared() -> None:
    strings = (f'<sst xmlns="{NS}" uniqueCount="1">'.encode()
               + b"<si><t>a</t></si>" * 200_000 + b"</sst>")
    _refused(_book(_sheet(b""), strings), r"holds more shared strings than the limit")


def test_a_sheet_part_over_the_part_limit_is_refused_from_the_directory() -> None:
    rows = b"".join(b'<row r="%d"><c r="C%d"><v>1</v></c></row>' % (k, k)
                    for k in range(2, 700_000))  # 17 MB of rows
    _refused(_book(_sheet(rows)), r"monitoring.excel: the part xl/worksheets/sheet1.xml "
                                  r"unpacks to more than the limit.*at most 16,777,216 bytes")


def test_a_filled_cell_right_of_the_header_is_still_found() -> None:
    """openpyxl reads no further right than the widest filled cell, so it still sees it."""
    row = (b'<row r="2"><c r="A2" t="inlineStr"><is><t>2024-01-01</t></is></c>'
           b'<c r="K2"><v>5</v></c></row>')
    _refused(_book(_sheet(row)), r"cell K2: a filled cell right of the header")


def test_the_bundled_workbook_reads_under_the_service_limits() -> None:
    book = (OW / "example_monitoring.xlsx").read_bytes()
    served = xlsx_table(book, COLUMNS, name="m.xlsx", max_unpacked_bytes=SERVER_MAX_UNPACKED_BYTES)
    library = xlsx_table(book, COLUMNS, name="m.xlsx")
    assert list(served.start) == list(library.start)
    assert len(served.start) > 0


def _moved(book: bytes, part: str = "xl/sheet1.xml") -> bytes:
    """The workbook with its sheet part moved out of ``xl/worksheets/`` (links rewritten)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for old in (b"/xl/worksheets/sheet1.xml", b"worksheets/sheet1.xml"):
                data = data.replace(old, b"/" + part.encode())
            name = part if info.filename == "xl/worksheets/sheet1.xml" else info.filename
            dst.writestr(name, data)
    return out.getvalue()


def test_a_sheet_outside_xl_worksheets_reads_as_the_original() -> None:
    """openpyxl opens the part the workbook's relationships name, wherever it is."""
    book = (OW / "example_monitoring.xlsx").read_bytes()
    moved = _moved(book)
    assert "xl/worksheets/sheet1.xml" not in zipfile.ZipFile(io.BytesIO(moved)).namelist()
    got = xlsx_table(moved, COLUMNS, name="m.xlsx")
    want = xlsx_table(book, COLUMNS, name="m.xlsx")
    assert list(got.start) == list(want.start)
    assert list(got.end) == list(want.end)
    assert got.columns.keys() == want.columns.keys()
    for key, column in want.columns.items():
        assert list(got.columns[key].magnitude) == list(column.magnitude)
        assert got.columns[key].units == column.units


def test_a_bomb_outside_xl_worksheets_is_refused_before_openpyxl_parses_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("openpyxl was asked to parse a bomb")
    monkeypatch.setattr(excel, "_load", never)
    row = b'<row r="2">' + b"<c><v>1</v></c>" * 1_000_000 + b"</row>"
    _refused(_moved(_book(_sheet(row)), "data/rows.xml"),
             r"bomb.xlsx, part data/rows.xml: a row wider than the limit")


def test_the_service_refuses_the_bomb_quickly() -> None:
    pytest.importorskip("fastapi", reason="needs the server extra")
    pytest.importorskip("httpx", reason="needs the test extra (httpx)")
    from fastapi.testclient import TestClient  # noqa: PLC0415

    from ccer_calc.server import create_app, inline_project  # noqa: PLC0415

    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    row = b'<row r="2">' + b"<c><v>1</v></c>" * 1_000_000 + b"</row>"
    with TestClient(create_app()) as client, _within(3.0):
        response = client.post("/compute", data={"request": json.dumps(project)},
                               files={"monitoring": ("bomb.xlsx", _book(_sheet(row)))})
    assert response.status_code == 422
    assert "a row wider than the limit" in response.json()["detail"]
