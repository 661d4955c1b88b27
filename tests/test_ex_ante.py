"""Ex-ante estimate in the project file: validation, fingerprint, and the ex-ante versus actual
tables of the PDD, the accounting (monitoring) report and the verification report."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.documents import build_context, render_document
from ccer_calc.errors import InputError
from ccer_calc.schema import project_schema

#: The ``html_rows`` fixture (conftest): cell texts of the rows carrying an attribute.
Rows = Callable[[str, str], dict[str, list[str]]]

#: The bundled example's fingerprint: a project without ex_ante (or with an empty one) has it.
#: It changed since ex_ante existed when the example came to state its grid OM/BM (issue #11)
#: and when the fingerprint began to cover as_of, the data tables and parameters (issue #14).
EXAMPLE_FINGERPRINT = "sha256:dba62833626c74b8977eaa966eeccdbbb1f60afd9cdaa6a39444ef231426c969"

#: Estimates of the fixture project (whole years); 2026 has no monitored data yet.
EX_ANTE = [{"year": 2024, "emission_reductions": "480000 t CO2e"},
           {"year": 2025, "emission_reductions": {"value": 500, "unit": "kt CO2e"}},
           {"year": 2026, "emission_reductions": "500000 t CO2e"}]


@pytest.fixture
def with_ex_ante(write_project: Any, example_data: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The offshore-wind example with an ex-ante estimate for 2024-2026."""
    example_data["ex_ante"] = EX_ANTE
    project = load_project(write_project(example_data))
    return project, compute(project), get_methodology(project.methodology_id)


def test_project_without_ex_ante_keeps_its_fingerprint(write_project: Any,
                                                       example_data: dict[str, Any]) -> None:
    assert "ex_ante" not in example_data
    assert compute(load_project(write_project(example_data))).fingerprint == EXAMPLE_FINGERPRINT
    example_data["ex_ante"] = []  # an empty list is the same as none
    assert compute(load_project(write_project(example_data))).fingerprint == EXAMPLE_FINGERPRINT


def test_ex_ante_enters_the_fingerprint(with_ex_ante: tuple[Any, Any, Any]) -> None:
    _, result, _ = with_ex_ante
    assert result.fingerprint != EXAMPLE_FINGERPRINT


def test_ex_ante_is_converted_to_t_co2e(with_ex_ante: tuple[Any, Any, Any]) -> None:
    project, _, _ = with_ex_ante
    values = [(e.year, float(e.emission_reductions.to("t CO2e").magnitude))
              for e in project.spec.ex_ante]
    assert values == [(2024, 480000.0), (2025, 500000.0), (2026, 500000.0)]


@pytest.mark.parametrize(("ex_ante", "field", "message"), [
    ([{"year": 2025, "emission_reductions": "1 t CO2e"},
      {"year": 2024, "emission_reductions": "1 t CO2e"}], "ex_ante", "unique and ascending"),
    ([{"year": 2024, "emission_reductions": "1 t CO2e"},
      {"year": 2024, "emission_reductions": "2 t CO2e"}], "ex_ante", "unique and ascending"),
    ([{"year": 2024, "emission_reductions": "-5 t CO2e"}],
     "ex_ante[0].emission_reductions", "negative"),
    ([{"year": 2024, "emission_reductions": "5 MWh"}],
     "ex_ante[0].emission_reductions", "convertible to t CO2e"),
    ([{"year": 2024, "emission_reductions": 5}], "ex_ante[0].emission_reductions", "no unit"),
    ([{"emission_reductions": "5 t CO2e"}], "ex_ante[0].year", "required"),
    ([{"year": 2024, "emission_reductions": "5 t CO2e", "note": "x"}], "ex_ante[0].note",
     "not permitted"),
])
def test_bad_ex_ante_is_refused_naming_the_field(
        write_project: Any, example_data: dict[str, Any], ex_ante: list[dict[str, Any]],
        field: str, message: str) -> None:
    example_data["ex_ante"] = ex_ante
    with pytest.raises(InputError, match=message) as info:
        load_project(write_project(example_data))
    assert info.value.field == field


def _year_days(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def test_comparison_numbers_follow_from_the_result(with_ex_ante: tuple[Any, Any, Any]) -> None:
    project, result, m = with_ex_ante
    ctx = build_context(project, result, m, document="monitoring")
    rows = ctx["ex_ante_comparison"]
    assert [r["year"] for r in rows] == [2024, 2025]  # 2026 has no vintage yet
    actual = {v.year: v.values["emission_reductions"] for v in result.vintages}
    # monitoring periods: 2024-01-01..2024-09-30 and 2024-10-01..2025-06-30
    covered = {2024: 366, 2025: (dt.date(2025, 6, 30) - dt.date(2025, 1, 1)).days + 1}
    annual = {2024: 480000.0, 2025: 500000.0}
    for r in rows:
        y = r["year"]
        expected = annual[y] * covered[y] / _year_days(y)
        assert r["days"] == covered[y]
        assert r["ex_ante"] == annual[y]
        assert r["expected"] == pytest.approx(expected, rel=1e-12)
        assert r["actual"] == actual[y]
        assert r["difference"] == pytest.approx(actual[y] - expected, rel=1e-12)
        assert r["relative"] == pytest.approx((actual[y] - expected) / expected, rel=1e-12)
    totals = ctx["ex_ante_totals"]
    assert totals["actual"] == pytest.approx(result.totals["emission_reductions"], rel=1e-12)
    assert totals["difference"] == pytest.approx(
        math.fsum(r["difference"] for r in rows), rel=1e-12)
    assert ctx["ex_ante_total"] == 1_480_000.0


def _num(text: str) -> float:
    return float(text.replace(",", "").replace("%", "").strip())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("document", ["monitoring", "verification"])
def test_reports_show_ex_ante_versus_actual(with_ex_ante: tuple[Any, Any, Any],
                                            document: str, lang: str,
                                            html_rows: Rows) -> None:
    project, result, m = with_ex_ante
    html = render_document(project, result, m, document=document, lang=lang)
    rows = html_rows(html, "data-comparison")
    assert sorted(rows) == ["2024", "2025"]
    for v in result.vintages:
        er = v.values["emission_reductions"]
        expected = {2024: 480000.0, 2025: 500000.0 * 181 / 365}[v.year]
        cells = rows[str(v.year)]
        assert _num(cells[3]) == pytest.approx(expected, abs=5e-4)
        assert _num(cells[4]) == pytest.approx(er, abs=5e-4)
        assert _num(cells[5]) == pytest.approx(er - expected, abs=5e-4)
        assert _num(cells[6]) == pytest.approx((er - expected) / expected * 100, abs=5e-4)
    md = render_document(project, result, m, document=document, lang=lang, fmt="md")
    line = next(ln for ln in md.splitlines() if ln.startswith("| 2024 | 480,000.000 |"))
    assert line.split("|")[5].strip() == f"{result.vintages[0].values['emission_reductions']:,.3f}"


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_pdd_lists_the_ex_ante_estimate(with_ex_ante: tuple[Any, Any, Any], fmt: str,
                                        html_rows: Rows) -> None:
    project, result, m = with_ex_ante
    text = render_document(project, result, m, document="pdd", fmt=fmt)
    if fmt == "html":
        rows = html_rows(text, "data-ex-ante")
        assert {k: _num(v[1]) for k, v in rows.items()} == {
            "2024": 480000.0, "2025": 500000.0, "2026": 500000.0}
    assert "1,480,000.000" in text  # the sum of the three years


def test_documents_without_ex_ante_say_so(example_dir: Path) -> None:
    project = load_project(example_dir / "example.toml")
    result = compute(project)
    m = get_methodology(project.methodology_id)
    assert "项目文件未给出事前估算" in render_document(project, result, m, document="pdd")
    assert "No year to compare" in render_document(project, result, m, document="monitoring",
                                                   lang="en")


def test_schema_lists_ex_ante() -> None:
    schema = project_schema(get_methodology("CCER-01-002-V01"))
    assert "ex_ante" in schema["properties"]
    assert "ExAnteIn" in schema["$defs"]


def test_schema_says_which_columns_depend_on_the_project() -> None:
    # solar thermal adds one fuel_<key> column per fuel; offshore wind has static columns only
    solar = project_schema(get_methodology("CCER-01-001-V01"))["description"]
    assert "per project:" in solar
    assert "fuel_<key>" in solar.split("per project:")[1]  # the hook's docstring, no RST marks
    wind = project_schema(get_methodology("CCER-01-002-V01"))["description"]
    assert "per project" not in wind
    assert "Monitored columns: export [MWh], import [MWh]." in wind
    assert "ex_ante" in wind


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validation_report_lists_the_estimate(with_ex_ante: tuple[Any, Any, Any],
                                              lang: str, html_rows: Rows) -> None:
    project, result, m = with_ex_ante
    rows = html_rows(render_document(project, result, m, document="validation", lang=lang),
                 "data-ex-ante")
    assert {k: _num(v[1]) for k, v in rows.items()} == {
        "2024": 480000.0, "2025": 500000.0, "2026": 500000.0}
