"""Documents of the ex-ante estimate (issue #15): the PDD and the validation report render from
the estimate without monitoring data, and the accounting and verification reports compare the
actual reductions with the computed estimate."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.documents import build_context, format_tco2, render_bytes, render_document
from ccer_calc.estimation import estimate

#: The ``html_rows`` fixture (conftest): cell texts of the rows carrying an attribute.
Rows = Callable[[str, str], dict[str, list[str]]]

IDS = [m["id"] for m in list_methodologies()]
OW_EX_ANTE = (Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
              / "example_ex_ante.toml")
#: One whole year of the offshore-wind ex-ante example, CCER-01-002-V01 §6.3 eqs. (1)-(3) and
#: §6.6 eq. (4): (803,701 − 1,850) MWh × (0.5 × 0.8042 + 0.5 × 0.2135) t CO2/MWh.
ONE_YEAR = (803701.0 - 1850.0) * (0.5 * 0.8042 + 0.5 * 0.2135)


def _path(mid: str) -> Path:
    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    return Path(str(resources.files(pkg).joinpath("data/example_ex_ante.toml")))


@pytest.mark.parametrize("mid", IDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_ex_ante_example_renders_a_pdd_from_its_estimate(
        mid: str, lang: str, html_rows: Rows) -> None:
    project = load_project(_path(mid))
    assert project.spec.monitoring is None and len(project.table) == 0
    est = estimate(project)
    m = get_methodology(mid)
    html = render_document(project, est.result, m, document="pdd", lang=lang, estimate=est)
    rows = html_rows(html, "data-estimate")
    for y in est.years:
        cells = rows[str(y.year)]
        assert cells[2] == f"{y.days}/{y.year_days}"
        assert cells[-1] == format_tco2(y.values["emission_reductions"])
    assert rows["average"][-1] == format_tco2(est.annual_average["emission_reductions"])
    assert format_tco2(est.totals["emission_reductions"]) in html
    assert "ccer-calc estimate" in html  # the command that recomputes the numbers
    assert est.fingerprint in html
    md = render_document(project, est.result, m, document="pdd", lang=lang, fmt="md",
                         estimate=est)
    assert f"| {format_tco2(est.annual_average['emission_reductions'])} |" in md
    for y in est.years:
        assert f"| {y.year} |" in md
    validation = render_document(project, est.result, m, document="validation", lang=lang,
                                 estimate=est)
    assert html_rows(validation, "data-estimate")["average"] == rows["average"]


def test_pdd_key_data_and_scenarios_of_the_wind_example(html_rows: Rows) -> None:
    project = load_project(OW_EX_ANTE)
    est = estimate(project)
    ctx = build_context(project, est.result, get_methodology(project.methodology_id),
                        document="pdd", lang="en", estimate=est)
    assert ctx["key_data"]["annual_average"] == pytest.approx(ONE_YEAR, rel=1e-12)
    assert ctx["key_data"]["total"] == pytest.approx(10 * ONE_YEAR, rel=1e-12)
    assert ctx["key_data"]["crediting_years"] == 10.0
    s = ctx["estimate"]["scenarios"]
    assert [c["name"] for c in s["columns"]] == ["P90", "late_start"]
    assert s["columns"][0]["description"].startswith("P90 yield")  # the English half
    assert s["rows"][-1] == {"year": 2034, "er": [None, None, pytest.approx(
        ONE_YEAR * 181 / 365, rel=1e-12)]}
    html = render_document(project, est.result, get_methodology(project.methodology_id),
                           document="pdd", lang="en", estimate=est)
    sensitivity = html_rows(html, "data-sensitivity")
    assert sorted(sensitivity) == ["export", "import"]
    assert html_rows(html, "data-scenario-year")["2034"][1:] == ["—", "—",
                                                            format_tco2(ONE_YEAR * 181 / 365)]


def test_context_computes_the_estimate_of_a_project_with_expected_values() -> None:
    project = load_project(OW_EX_ANTE)
    est = estimate(project)
    m = get_methodology(project.methodology_id)
    # handed any result, a PDD of a project with expected values shows its estimate
    ctx = build_context(project, est.result, m, document="pdd")
    assert ctx["estimate"]["totals"]["er"] == est.totals["emission_reductions"]
    assert ctx["fingerprint"] == est.fingerprint
    assert ctx["recompute"] == "ccer-calc estimate"


@pytest.fixture
def both(write_project: Callable[..., Path], example_data: dict[str, Any]) -> tuple[Any, ...]:
    """The offshore-wind example with the ex-ante example's expected values."""
    example_data["expected"] = tomllib.loads(OW_EX_ANTE.read_text("utf-8"))["expected"]
    project = load_project(write_project(example_data))
    return project, compute(project), get_methodology(project.methodology_id)


@pytest.mark.parametrize("document", ["monitoring", "verification"])
def test_reports_compare_actual_with_the_computed_estimate(
        both: tuple[Any, ...], document: str, html_rows: Rows) -> None:
    project, result, m = both
    ctx = build_context(project, result, m, document=document)
    rows = {r["year"]: r for r in ctx["ex_ante_comparison"]}
    assert sorted(rows) == [2024, 2025]  # the monitoring periods end on 2025-06-30
    actual = {v.year: v.values["emission_reductions"] for v in result.vintages}
    assert rows[2024]["ex_ante"] == pytest.approx(ONE_YEAR, rel=1e-12)
    assert (rows[2024]["days"], rows[2024]["estimate_days"]) == (366, 366)
    assert rows[2024]["expected"] == pytest.approx(ONE_YEAR, rel=1e-12)
    assert (rows[2025]["days"], rows[2025]["estimate_days"]) == (181, 365)
    assert rows[2025]["expected"] == pytest.approx(ONE_YEAR * 181 / 365, rel=1e-12)
    assert rows[2025]["difference"] == pytest.approx(actual[2025] - ONE_YEAR * 181 / 365,
                                                     rel=1e-12)
    # the report itself stays the monitored result's
    assert ctx["fingerprint"] == result.fingerprint
    html = render_document(project, result, m, document=document, lang="en")
    assert html_rows(html, "data-comparison")["2025"][2] == "181/365"


def test_a_pdd_of_a_project_with_both_is_the_estimate(both: tuple[Any, ...]) -> None:
    project, result, m = both
    ctx = build_context(project, result, m, document="pdd")
    origins = {i["origin"] for e in ctx["equations"] for i in e["scalars"] + e["columns"]}
    assert "expected" in origins and "monitored" not in origins
    assert ctx["fingerprint"] != result.fingerprint


def test_docx_pdd_lists_the_computed_estimate() -> None:
    pytest.importorskip("docx")
    import io  # noqa: PLC0415

    import docx  # noqa: PLC0415

    project = load_project(OW_EX_ANTE)
    est = estimate(project)
    data = render_bytes(project, est.result, get_methodology(project.methodology_id),
                        document="pdd", lang="en", fmt="docx", estimate=est)
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(io.BytesIO(
        data)).tables]
    per_year = next(t for t in tables if t[0][:2] == ["Year", "Days in the crediting period"])
    assert per_year[1] == ["2024", "366/366", "1", format_tco2(ONE_YEAR), "0.000", "0.000",
                           format_tco2(ONE_YEAR)]
    assert per_year[-2][:3] == ["Total", "", "10"]  # the crediting years add up
    assert per_year[-1][0] == "Annual average"
    identity = tables[0]
    assert ["Expected annual average emission reductions (tCO2e)",
            format_tco2(est.annual_average["emission_reductions"])] in identity


def test_cli_reports_of_an_ex_ante_project(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pdd.md"
    code = main(["report", str(OW_EX_ANTE), "--document", "pdd", "--format", "md", "-o",
                 str(out)])
    assert code == EXIT_OK
    assert format_tco2(10 * ONE_YEAR) in out.read_text("utf-8")
    capsys.readouterr()
    code = main(["report", str(OW_EX_ANTE), "--document", "monitoring", "-o",
                 str(tmp_path / "m.html")])
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert "no monitoring data, which compute needs" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "m.html").exists()
