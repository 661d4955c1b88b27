"""What the engine gained for the sinks: accounts, provisional values, per-period figures,
A/R crediting periods, matrix outputs in the verifier, and how the CLI and documents show them."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.bounds import FRACTION
from ccer_calc.cli import main
from ccer_calc.documents import build_context, render_document
from ccer_calc.errors import InputError, PluginError
from ccer_calc.methodology import ProvisionalRule
from ccer_calc.parameters import Parameter
from ccer_calc.plugin_contract import validate_methodology
from ccer_calc.tools.forestry.linear_change import share_of_interval
from ccer_calc.tools.forestry.sink import counted_sum
from ccer_calc.units import Quantity
from ccer_calc.verify import verify

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
ACM = ROOT / "ar_acm0003" / "data" / "example.toml"
CCER = ROOT / "ccer_14_001_v01" / "data" / "example.toml"
WIND = ROOT / "ccer_01_002_v01" / "data" / "example.toml"


def test_listing_says_what_each_methodology_accounts_and_what_is_provisional() -> None:
    light = {m["id"]: m for m in list_methodologies(load=False)}
    loaded = {m["id"]: m for m in list_methodologies(load=True)}
    for listing in (light, loaded):
        assert listing["CCER-01-002-V01"]["accounts"] == "reductions"
        assert listing["CCER-01-002-V01"]["provisional"] == []
        assert listing["AR-ACM0003"]["accounts"] == "removals"
        assert listing["CCER-14-001-V01"]["status"].startswith("provisional")
        assert "carbon_fraction_tree" in listing["CCER-14-001-V01"]["provisional"]
    assert light["CCER-14-002-V01"]["provisional"] == loaded["CCER-14-002-V01"]["provisional"]


def test_cli_lists_and_shows_the_provisional_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["methodologies", "--json"]) == 0
    items = {m["id"]: m for m in json.loads(capsys.readouterr().out)}
    assert "pools" in items["CCER-14-001-V01"]["provisional"]
    assert main(["show", "CCER-14-001-V01"]) == 0
    text = capsys.readouterr().out
    assert "accounts: removals" in text and "PROVISIONAL values and rules" in text
    assert "inputs.measurements[].trees" in text
    assert main(["show", "CCER-14-001-V01", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["accounts"] == "removals" and shown["min_crediting_years"] == 20
    assert {p["name"] for p in shown["provisional"]} >= {"confidence_level", "leakage"}


def test_cli_compute_table_shows_provisional_and_credits(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compute", str(CCER)]) == 0
    text = capsys.readouterr().out
    assert "PROVISIONAL:" in text and "not final" in text
    assert "Removals as negative emissions" in text
    assert main(["compute", str(ACM)]) == 0
    text = capsys.readouterr().out
    assert "tCER per verification period" in text and "lCER per verification period" in text
    assert "PROVISIONAL" not in text


def test_energy_results_carry_empty_sink_fields() -> None:
    d = compute(load_project(WIND)).to_dict()
    assert (d["provisional"], d["period_figures"]) == ([], [])
    assert d["methodology"]["accounts"] == "reductions"
    assert not [w for w in d["warnings"] if w["code"] == "provisional_methodology"]


def test_a_provisional_value_must_say_so() -> None:
    with pytest.raises(ValueError, match="must say so in its source"):
        Parameter("x", "x", "dimensionless", "x", "x", "AR-TOOL14", "fixed", default=0.5,
                  bounds=FRACTION, provisional=True)
    with pytest.raises(ValueError, match="must say it is provisional"):
        ProvisionalRule("pools", "all", "全部", "CDM parent")


def test_a_methodology_with_provisional_values_needs_a_provisional_status() -> None:
    m = get_methodology("CCER-14-001-V01")

    class Lying(type(m)):  # type: ignore[misc]
        status = "in force"

    with pytest.raises(PluginError, match="provisional values.*does not start with "
                                          "'provisional'"):
        validate_methodology(Lying(), "CCER-14-001-V01", "test")


def test_verifier_compares_matrix_outputs_element_by_element() -> None:
    project = load_project(ACM)
    result = compute(project)
    claimed = json.loads(result.to_json())
    (k,) = [i for i, e in enumerate(claimed["trail"]["entries"])
            if e["equation"] == "AR-TOOL16 (4)"]
    claimed["trail"]["entries"][k]["output"]["value"][3][0] *= 1.5
    findings = verify(project, result, claimed)
    hit = [f for f in findings.findings if "AR-TOOL16 (4)" in f.key]
    assert len(hit) == 1 and re.search(r"\[\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d, 0\]", hit[0].key)


def test_documents_show_removals_with_their_wording_and_signs() -> None:
    project = load_project(ACM)
    result = compute(project)
    m = get_methodology("AR-ACM0003")
    ctx = build_context(project, result, m, document="monitoring", lang="zh")
    p = result.periods[0].values
    assert ctx["accounts"] == "removals"
    assert ctx["periods"][0]["pe"] == pytest.approx(-p["project_emissions"], rel=1e-15)
    assert ctx["periods"][0]["er"] == p["emission_reductions"]
    html = render_document(project, result, m, document="monitoring", lang="zh")
    assert "项目碳汇量 −PE" in html and "各核算期项目减排量（净碳汇量" in html
    assert html.count('data-estimate="') == 3 and 'data-figure="lCER"' in html
    assert 'data-inventory="inputs.strata"' in html
    assert "暂行方法学" not in html


def test_every_document_of_a_provisional_methodology_opens_with_the_banner() -> None:
    project = load_project(CCER)
    result = compute(project)
    m = get_methodology("CCER-14-001-V01")
    for document in ("pdd", "monitoring", "validation", "verification"):
        for lang, words in (("zh", "暂行方法学"), ("en", "Provisional methodology")):
            html = render_document(project, result, m, document=document, lang=lang)
            assert html.index(words) < html.index("<h2>"), (document, lang)
            md = render_document(project, result, m, document=document, lang=lang, fmt="md")
            assert md.index(words) < md.index("\n## ")


@pytest.mark.requires_docx
def test_docx_of_a_sink_has_the_banner_and_the_stock_table() -> None:
    docx = pytest.importorskip("docx", reason="the docx extra is not installed")
    from ccer_calc.documents import render_bytes  # noqa: PLC0415

    project = load_project(CCER)
    result = compute(project)
    data = render_bytes(project, result, get_methodology("CCER-14-001-V01"),
                        document="verification", lang="zh")
    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert any("暂行方法学" in t for t in texts)
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "林木碳储量 (tCO2e)" in cells


def test_share_of_interval_and_counted_sum_refuse_bad_flags() -> None:
    with pytest.raises(InputError, match="outside"):
        share_of_interval(Quantity(1.0, "t CO2"), Quantity(1.5, ""))
    with pytest.raises(ValueError, match="0 or 1"):
        counted_sum(Quantity([1.0], "t CO2"), Quantity([0.5], ""))
