"""DOCX and PDF documents behind the optional extras: the DOCX opens with python-docx and its
tables hold the Result's numbers, the PDF is a PDF with pages, the CLI writes both atomically,
and a missing extra is a clear error naming what to install.

``requires_docx`` / ``requires_pdf`` (registered in pyproject) mark the tests; each is applied
together with a skip that states why the extra cannot be used here.
"""

from __future__ import annotations

import builtins
import importlib
import io
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.documents import (
    BINARY_FORMATS,
    DOCUMENTS,
    format_tco2,
    render_bytes,
    write_document,
)
from ccer_calc.errors import CcerError


def _why_missing(module: str) -> str | None:
    try:
        importlib.import_module(module)
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without Pango
        return f"{module} cannot be imported ({type(exc).__name__}: {exc})"
    return None


_DOCX = _why_missing("docx")
_PDF = _why_missing("weasyprint")
requires_docx = [pytest.mark.requires_docx,
                 pytest.mark.skipif(_DOCX is not None,
                                    reason=f"docx extra not usable: {_DOCX}; "
                                           "pip install 'ccer-calc[docx]'")]
requires_pdf = [pytest.mark.requires_pdf,
                pytest.mark.skipif(_PDF is not None,
                                   reason=f"pdf extra not usable: {_PDF}; pip install "
                                          "'ccer-calc[pdf]' plus the system Pango libraries")]


def _marked(marks: list[Any]) -> Any:
    def apply(fn: Any) -> Any:
        for mark in marks:
            fn = mark(fn)
        return fn
    return apply


EX_ANTE = [{"year": 2024, "emission_reductions": "480000 t CO2e"},
           {"year": 2025, "emission_reductions": "500000 t CO2e"}]


@pytest.fixture
def project_files(write_project: Any, example_data: dict[str, Any]) -> Path:
    """The offshore-wind example with an ex-ante estimate, written as a project file."""
    example_data["ex_ante"] = EX_ANTE
    return write_project(example_data)


@pytest.fixture
def loaded(project_files: Path) -> tuple[Any, Any, Any]:
    project = load_project(project_files)
    return project, compute(project), get_methodology(project.methodology_id)


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    import docx  # noqa: PLC0415 - optional extra, only where it is installed

    document = docx.Document(io.BytesIO(data))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def _table_headed(tables: list[list[list[str]]], first: str, second: str) -> list[list[str]]:
    return next(t for t in tables if t[0][:2] == [first, second])


@_marked(requires_docx)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_docx_period_table_holds_the_result(loaded: tuple[Any, Any, Any], document: str,
                                            lang: str) -> None:
    project, result, m = loaded
    data = render_bytes(project, result, m, document=document, lang=lang, fmt="docx")
    assert data[:2] == b"PK"  # a zip container
    tables = _docx_tables(data)
    period, dates = ("核算期", "起止日期") if lang == "zh" else ("Period", "Dates")
    rows = _table_headed(tables, period, dates)
    assert [r[0] for r in rows[1:-1]] == [p.id for p in result.periods]
    for row, p in zip(rows[1:-1], result.periods, strict=True):
        assert row[1] == f"{p.start} – {p.end}"
        # ER in the last column, three decimals: equal to the Result's number as printed
        assert row[5] == format_tco2(p.values["emission_reductions"])
        assert float(row[5].replace(",", "")) == pytest.approx(
            p.values["emission_reductions"], abs=5e-4)
    assert rows[-1][5] == format_tco2(result.totals["emission_reductions"])
    identity = dict((r[0], r[1]) for r in tables[0])
    assert result.fingerprint in identity.values()


@_marked(requires_docx)
def test_docx_vintages_and_ex_ante_comparison(loaded: tuple[Any, Any, Any]) -> None:
    project, result, m = loaded
    tables = _docx_tables(render_bytes(project, result, m, document="monitoring", lang="en",
                                       fmt="docx"))
    vintages = _table_headed(tables, "Year", "BE (tCO2e)")
    for row, v in zip(vintages[1:-1], result.vintages, strict=True):
        assert row[0] == str(v.year)
        assert row[4] == format_tco2(v.values["emission_reductions"])
        assert row[5] == f"{v.issuable:,d}"
    comparison = _table_headed(tables, "Year", "Ex-ante for the year (tCO2e)")
    v2025 = result.vintages[1]
    expected = 500000.0 * 181 / 365  # 2025 is monitored from 1 January to 30 June
    row = comparison[2]
    assert row[0] == "2025"
    assert row[2] == "181/365"
    assert row[3] == format_tco2(expected)
    assert row[5] == format_tco2(v2025.values["emission_reductions"] - expected)


@_marked(requires_docx)
def test_docx_pdd_lists_the_ex_ante_estimate(loaded: tuple[Any, Any, Any]) -> None:
    project, result, m = loaded
    tables = _docx_tables(render_bytes(project, result, m, document="pdd", fmt="docx"))
    estimate = _table_headed(tables, "年份", "预计减排量 (tCO2e)")
    assert estimate[1:] == [["2024", "480,000.000"], ["2025", "500,000.000"],
                            ["合计", "980,000.000"]]


def _pdf_pages(data: bytes) -> int:
    """Page objects of a PDF, looking inside its compressed object streams too."""
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            pages += len(re.findall(rb"/Type\s*/Page\b", zlib.decompress(m.group(1))))
        except zlib.error:
            continue
    return pages


@_marked(requires_pdf)
def test_pdf_is_a_pdf_with_pages(loaded: tuple[Any, Any, Any]) -> None:
    project, result, m = loaded
    data = render_bytes(project, result, m, document="monitoring", lang="zh", fmt="pdf")
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert _pdf_pages(data) >= 2  # the accounting report does not fit on one A4 page


@_marked(requires_docx)
def test_cli_writes_docx(project_files: Path, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.docx"
    code = main(["report", str(project_files), "--document", "verification", "--format", "docx",
                 "-o", str(out)])
    assert code == EXIT_OK
    assert f"wrote {out}" in capsys.readouterr().out
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@_marked(requires_pdf)
def test_cli_writes_pdf(project_files: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    code = main(["report", str(project_files), "--document", "pdd", "--lang", "en",
                 "--format", "pdf", "-o", str(out)])
    assert code == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.fixture
def no_extras(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import docx`` and ``import weasyprint`` fail as if the extras were absent."""
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".", maxsplit=1)[0] in ("docx", "weasyprint"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)


@pytest.mark.parametrize(("fmt", "package"), [("docx", "python-docx"), ("pdf", "weasyprint")])
def test_missing_extra_is_a_clear_error(loaded: tuple[Any, Any, Any], no_extras: None,
                                        tmp_path: Path, fmt: str, package: str) -> None:
    project, result, m = loaded
    path = tmp_path / f"r.{fmt}"
    with pytest.raises(CcerError, match=rf"{package} is not available") as info:
        write_document(project, result, m, document="pdd", path=path, fmt=fmt)
    assert info.value.field == "format"
    assert info.value.value == fmt
    assert f"pip install 'ccer-calc[{fmt}]'" in str(info.value)
    assert not path.exists()  # nothing written, no temporary file left
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_without_extra_exits_2_naming_it(project_files: Path, tmp_path: Path,
                                             no_extras: None,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", str(project_files), "--document", "pdd", "--format", "docx",
                 "-o", str(tmp_path / "r.docx")])
    assert code == EXIT_ERROR
    assert "pip install 'ccer-calc[docx]'" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_binary_formats_refuse_text_formats(loaded: tuple[Any, Any, Any]) -> None:
    project, result, m = loaded
    assert BINARY_FORMATS == ("docx", "pdf")
    with pytest.raises(CcerError, match="unknown fmt"):
        render_bytes(project, result, m, document="pdd", fmt="html")


@_marked(requires_docx)
@pytest.mark.parametrize(("lang", "period", "er"), [("zh", "核算期", "减排量 ER"),
                                                    ("en", "Period", "Reductions ER")])
def test_docx_verification_names_scopes_in_its_language(loaded: tuple[Any, Any, Any],
                                                         lang: str, period: str,
                                                         er: str) -> None:
    from ccer_calc.verify import verify  # noqa: PLC0415

    project, result, m = loaded
    findings = verify(project, result, result.to_dict())
    tables = _docx_tables(render_bytes(project, result, m, document="verification", lang=lang,
                                       fmt="docx", findings=findings))
    cells = {c for t in tables for row in t for c in row}
    first = result.periods[0].id
    assert f"{period} {first}" in cells
    assert er in cells
    assert "emission_reductions" not in cells
