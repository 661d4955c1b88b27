"""Documents of a sink's ex-ante estimate (issues #10 and #15): the PDD and the validation
report speak of removals (碳汇量), show the planting schedule and growth models the estimate was
projected from, say that the projection is not subject to uncertainty control (AR-TOOL14 v04.2
para. 48), list the inventory files the project will measure, and carry the provisional banner
of the provisional CCER sink plug-ins, in HTML, Markdown and DOCX."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import get_methodology, load_project
from ccer_calc.cli import EXIT_OK, main
from ccer_calc.documents import build_context, format_tco2, render_bytes, render_document
from ccer_calc.estimation import estimate

Rows = Callable[[str, str], dict[str, list[str]]]
SINKS = ["AR-ACM0003", "AR-AM0014", "CCER-14-001-V01", "CCER-14-002-V01"]
PROVISIONAL = {"CCER-14-001-V01", "CCER-14-002-V01"}


def _loaded(mid: str) -> tuple[Any, Any, Any]:
    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    project = load_project(Path(str(resources.files(pkg).joinpath("data/example_ex_ante.toml"))))
    return project, estimate(project), m


@pytest.fixture(scope="module", params=SINKS)
def loaded(request: pytest.FixtureRequest) -> tuple[Any, Any, Any]:
    return _loaded(request.param)


@pytest.mark.parametrize("document", ["pdd", "validation"])
def test_the_plan_is_shown_with_the_estimate(loaded: tuple[Any, ...], document: str,
                                             html_rows: Rows) -> None:
    project, est, m = loaded
    html = render_document(project, est.result, m, document=document, lang="en", estimate=est)
    cohorts = html_rows(html, "data-cohort")
    plan = project.expected.datasets["plan"]
    assert sorted(cohorts) == [f"[{j}]" for j in range(len(plan.planting))]
    for j, row in enumerate(plan.planting):
        cells = cohorts[f"[{j}]"]
        assert cells[1:4] == [str(row.year), row.stratum, row.species]
    growth = html_rows(html, "data-growth")
    assert len(growth) == len(plan.growth)
    assert "not subject to uncertainty control (para. 48)" in html
    assert "Net removals ER (tCO2e)" in html  # the sink wording
    # the monitoring plan lists the inventories the project will measure
    assert 'data-inventory="inputs.measurements[].trees"' in html
    zh = render_document(project, est.result, m, document=document, lang="zh", estimate=est)
    assert "造林计划与生长模型" in zh and "不受不确定性控制" in zh
    assert "预计年均净碳汇量" in zh and "预计年均减排量" not in zh


def test_the_equations_show_one_column_per_cohort(loaded: tuple[Any, ...]) -> None:
    project, est, m = loaded
    ctx = build_context(project, est.result, m, document="pdd", lang="en", estimate=est)
    (curve,) = [e for e in ctx["equations"] if e["id"] == "AR-TOOL14 para. 47 (Chapman-Richards)"]
    cohorts = len(project.expected.datasets["plan"].planting)
    outputs = [c for c in curve["columns"] if c["is_output"]]
    assert [c["symbol"] for c in outputs] == [f"y(a)[{j}]" for j in range(cohorts)]
    assert len(curve["rows"]) == len(est.years)
    labels = {i["label"] for i in curve["scalars"]}
    assert "asymptote of the growth curve (tree biomass per hectare at maturity)" in labels


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_provisional_sinks_carry_their_banner_in_the_estimates_documents(
        fmt: str, lang: str) -> None:
    if fmt == "docx":
        pytest.importorskip("docx")
    for mid in SINKS:
        project, est, m = _loaded(mid)
        ctx = build_context(project, est.result, m, document="pdd", lang=lang, estimate=est)
        if fmt == "docx":
            import docx  # noqa: PLC0415

            data = render_bytes(project, est.result, m, document="pdd", lang=lang, fmt=fmt,
                                estimate=est)
            doc = docx.Document(io.BytesIO(data))
            text = "\n".join(p.text for p in doc.paragraphs)
            cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
            assert format_tco2(est.annual_average["emission_reductions"]) in cells
            assert {"[0]", "G1"} <= cells  # the planting schedule and growth models
        else:
            text = render_document(project, est.result, m, document="pdd", lang=lang, fmt=fmt,
                                   estimate=est)
        banner = ctx["provisional"]
        assert (banner is not None) == (mid in PROVISIONAL)
        if banner is not None:
            assert banner["banner"] in text
            assert ("暂行" if lang == "zh" else "provisional") in banner["banner"].lower()


def test_cli_writes_estimates_and_reports_the_sink_examples(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for mid in SINKS:
        folder = tmp_path / mid
        assert main(["example", mid, "-o", str(folder)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "ccer-calc estimate" in out and "example_ex_ante.toml" in out
        project = folder / "example_ex_ante.toml"
        assert main(["estimate", str(project), "--json"]) == EXIT_OK
        d = json.loads(capsys.readouterr().out)
        assert d["methodology"]["accounts"] == "removals"
        assert bool(d["provisional"]) == (mid in PROVISIONAL)
        assert d["scenarios"]["slow_growth"]["totals"]["emission_reductions"]["value"] < \
            d["totals"]["emission_reductions"]["value"]
        assert main(["estimate", str(project)]) == EXIT_OK
        text = capsys.readouterr().out
        assert "Removals as negative emissions" in text
        assert ("PROVISIONAL" in text) == (mid in PROVISIONAL)
        for lang in ("zh", "en"):
            target = folder / f"pdd_{lang}.md"
            assert main(["report", str(project), "--document", "pdd", "--format", "md",
                         "--lang", lang, "-o", str(target)]) == EXIT_OK
            assert format_tco2(d["totals"]["emission_reductions"]["value"]) in \
                target.read_text("utf-8")
        capsys.readouterr()


def test_a_monitored_sink_with_a_plan_compares_and_its_pdd_shows_the_plan(
        html_rows: Rows) -> None:
    # the AR-ACM0003 inventories and the ex-ante example's plan in one project file
    m = get_methodology("AR-ACM0003")
    folder = Path(str(resources.files("methodologies.ar_acm0003").joinpath("data")))
    import tomllib  # noqa: PLC0415

    from ccer_calc.api import compute, project_from_dict  # noqa: PLC0415

    data = tomllib.loads((folder / "example.toml").read_text("utf-8"))
    data["expected"] = tomllib.loads((folder / "example_ex_ante.toml").read_text("utf-8"))[
        "expected"]
    project = project_from_dict(data, base_dir=folder)
    result, est = compute(project), estimate(project)
    report = build_context(project, result, m, document="monitoring", lang="en")
    rows = {r["year"]: r for r in report["ex_ante_comparison"]}
    assert rows[2017]["expected"] == pytest.approx(
        next(y.values["emission_reductions"] for y in est.years if y.year == 2017), rel=1e-12)
    assert report["sink"] is not None and report["sink_plan"] is None
    pdd = render_document(project, result, m, document="pdd", lang="zh")
    assert html_rows(pdd, "data-cohort") and not html_rows(pdd, "data-interval")
    assert html_rows(pdd, "data-estimate")["average"][-1] == format_tco2(
        est.annual_average["emission_reductions"])


def test_the_estimate_table_shows_removals_with_the_sign_its_headers_say(
        loaded: tuple[Any, ...]) -> None:
    # Its headers read "Baseline removals −BE" and "Actual net removals −PE" (the sink wording)
    # in HTML, Markdown and Word alike; the figures beneath must be −BE and −PE, as in the
    # results tables, not BE and PE as the engine reports them (removals are negative
    # emissions). LE and ER keep their sign.
    project, est, m = loaded
    ctx = build_context(project, est.result, m, document="pdd", lang="en", estimate=est)
    part = ctx["estimate"]
    totals = est.totals
    assert part["totals"]["be"] == -totals["baseline_emissions"] + 0.0
    assert part["totals"]["pe"] == -totals["project_emissions"] + 0.0
    assert part["totals"]["er"] == totals["emission_reductions"]
    for row, year in zip(part["years"], est.years, strict=True):
        assert row["pe"] == -year.values["project_emissions"] + 0.0
    md = render_document(project, est.result, m, document="pdd", lang="en", fmt="md",
                         estimate=est)
    assert "| Actual net removals −PE (tCO2e) |" in md
