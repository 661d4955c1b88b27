"""Verifier: claimed figures against a recomputation, findings, refusals and CLI exit codes."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import methodologies.ccer_01_001_v01 as csp
import methodologies.ccer_01_002_v01 as ow
from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.documents import render_document
from ccer_calc.errors import InputError
from ccer_calc.verify import Findings, verify

EXIT_MATERIAL = 1


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the offshore-wind example folder."""
    dest = tmp_path_factory.mktemp("example")
    for f in (Path(ow.__file__).parent / "data").iterdir():
        if f.is_file():
            shutil.copy(f, dest / f.name)
    return dest / "example.toml"


@pytest.fixture(scope="module")
def computed(example: Path) -> tuple[Any, Any]:
    project = load_project(example)
    return project, compute(project)


def _planted(example: Path, dest: Path, row: int, factor: float) -> dict[str, Any]:
    """Claimed figures computed from a copy whose monitoring row ``row`` has export × factor."""
    shutil.copytree(example.parent, dest)
    csv_path = dest / "example_monitoring.csv"
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("export [MWh]")
    rows[row + 1][col] = repr(float(rows[row + 1][col]) * factor)
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    claimed: dict[str, Any] = json.loads(compute(load_project(dest / example.name)).to_json())
    return claimed


@pytest.fixture(scope="module")
def planted(example: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """3 % more export in March 2024 (row 2, monitoring period MP1)."""
    return _planted(example, tmp_path_factory.mktemp("x") / "altered", 2, 1.03)


def test_untouched_claim_has_no_findings(computed: tuple[Any, Any]) -> None:
    project, result = computed
    findings = verify(project, result, json.loads(result.to_json()))
    assert findings.findings == []
    assert not findings.material
    # periods (4 each), vintages (4 + issuable), totals (4 + issuable); the 8 equations'
    # outputs, 18 months each, compared as arrays (issue 12)
    assert len(findings.comparisons) == 2 * 4 + 2 * 5 + 5
    assert all(c.difference == 0 for c in findings.comparisons)
    assert [a.elements for a in findings.arrays] == [18] * 8
    assert findings.elements_compared == 18 * 8
    assert all(a.differing == 0 and a.max_abs_difference == 0 for a in findings.arrays)


def test_planted_three_percent_error_is_material_in_its_period(
        computed: tuple[Any, Any], planted: dict[str, Any]) -> None:
    project, result = computed
    findings = verify(project, result, planted)
    assert findings.material
    cars = [f for f in findings.findings if f.kind == "CAR"]
    assert {f.key.rpartition(" [")[0] for f in cars} == {"§7.3.4 export", "(2)", "(1)", "(4)"}
    for f in cars:
        assert f.period == "MP1"
        assert "2024-03-01..2024-03-31" in f.key
        assert "monitoring period MP1" in f.description
        assert f.share == pytest.approx(0.03, rel=0.01)
    er = next(f for f in cars if f.key.startswith("(4) ["))
    # ER_y = (export - import) × EF: 3 % more export is 3 % × export / net of March 2024
    assert er.relative == pytest.approx(0.03 * 88320.7 / (88320.7 - 240.1), rel=1e-9)
    assert er.difference is not None
    assert er.difference > 0
    # the period total moves by less than 1 %: an overstatement below materiality -> CL
    mp1 = next(f for f in findings.findings
               if f.scope == "period" and f.quantity == "emission_reductions")
    assert (mp1.kind, mp1.key) == ("CL", "MP1")
    assert not any(f.scope == "period" and f.key == "MP2" for f in findings.findings)
    assert [f.kind for f in findings.findings][-1] == "OBS"  # other inputs: another fingerprint
    assert [f.number for f in findings.findings] == list(range(1, len(findings.findings) + 1))


def test_period_level_error_without_trail_is_still_found(
        computed: tuple[Any, Any], planted: dict[str, Any]) -> None:
    project, result = computed
    claimed = {k: v for k, v in planted.items() if k != "trail"}
    findings = verify(project, result, claimed, materiality=0.001)
    assert findings.material
    car = {(f.scope, f.key, f.quantity) for f in findings.findings if f.kind == "CAR"}
    assert ("period", "MP1", "emission_reductions") in car
    assert ("vintage", "2024", "emission_reductions") in car


def test_understatement_below_materiality_is_an_observation(computed: tuple[Any, Any]) -> None:
    project, result = computed
    claimed = json.loads(result.to_json())
    claimed["periods"][1]["emission_reductions"]["value"] *= 0.999
    f = verify(project, result, claimed).findings
    assert [(x.kind, x.key, x.quantity) for x in f] == [("OBS", "MP2", "emission_reductions")]
    assert f[0].relative == pytest.approx(-0.001)


def test_minimal_claim_and_missing_period(computed: tuple[Any, Any]) -> None:
    project, result = computed
    full = json.loads(result.to_json())
    minimal = {"methodology": {"id": full["methodology"]["id"]},
               "project": {"name": full["project"]["name"]},
               "periods": [full["periods"][0]]}
    findings = verify(project, result, minimal)
    # MP2 is missing; so are the vintages and the totals (issue #14: omissions are findings)
    assert [(f.kind, f.key) for f in findings.findings] == [
        ("CAR", "MP2"), ("CAR", "2024"), ("CAR", "2025"), ("CAR", "total")]
    assert "recomputed but not claimed" in findings.findings[0].description
    assert findings.material


def test_nonzero_claim_where_recomputed_is_zero(computed: tuple[Any, Any]) -> None:
    project, result = computed
    claimed = json.loads(result.to_json())
    claimed["periods"][0]["project_emissions"]["value"] = 100.0  # PE is 0 by the methodology
    f = verify(project, result, claimed).findings
    assert len(f) == 1
    assert f[0].quantity == "project_emissions"
    assert f[0].relative is None  # no relative size against zero ...
    assert f[0].share == pytest.approx(100.0 / result.periods[0].values["emission_reductions"])
    assert f[0].kind == "OBS"  # ... but measured against ER; more PE is conservative


def test_other_methodology_is_refused(computed: tuple[Any, Any]) -> None:
    project, result = computed
    claimed = copy.deepcopy(json.loads(result.to_json()))
    claimed["methodology"]["id"] = "CCER-01-001-V01"
    with pytest.raises(InputError, match=r"methodology 'CCER-01-001-V01', but the project "
                                         r"uses 'CCER-01-002-V01'"):
        verify(project, result, claimed)


def test_other_project_is_refused(computed: tuple[Any, Any]) -> None:
    project, result = computed
    claimed = json.loads(result.to_json())
    claimed["project"]["name"] = "另一个风电场"
    with pytest.raises(InputError, match="claimed results are for project '另一个风电场', not "
                                         "for '示例海上风电场项目"):
        verify(project, result, claimed)
    claimed = json.loads(result.to_json())
    claimed["project"]["project_id"] = "OTHER-1"
    with pytest.raises(InputError, match="project id 'OTHER-1', not for 'EXAMPLE-OW-001'"):
        verify(project, result, claimed)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda c: c.pop("periods"), r"periods: claimed file lacks a field"),
    (lambda c: c["periods"][0]["baseline_emissions"].update(unit="kt CO2e"),
     r"periods\[0\].baseline_emissions: claimed quantity in another unit"),
    (lambda c: c["periods"][0]["baseline_emissions"].update(value="12"),
     r"claimed value is not a finite number"),
])
def test_malformed_claims_are_refused(computed: tuple[Any, Any], edit: Any,
                                      message: str) -> None:
    project, result = computed
    claimed = json.loads(result.to_json())
    edit(claimed)
    with pytest.raises(InputError, match=message):
        verify(project, result, claimed)


def test_materiality_must_be_a_fraction(computed: tuple[Any, Any]) -> None:
    project, result = computed
    with pytest.raises(InputError, match="materiality out of range"):
        verify(project, result, json.loads(result.to_json()), materiality=1.5)


def test_findings_serialise_to_json(computed: tuple[Any, Any], planted: dict[str, Any]) -> None:
    project, result = computed
    findings = verify(project, result, planted)
    data = json.loads(findings.to_json())
    assert data["material"] is True
    assert data["counts"] == {k: findings.count(k) for k in ("CAR", "CL", "OBS")}
    assert data["findings"][0]["kind_zh"] == "不符合项"
    assert data["findings"][0]["kind_en"] == "corrective action request"
    assert isinstance(findings, Findings)


def test_verification_report_lists_findings(computed: tuple[Any, Any],
                                            planted: dict[str, Any]) -> None:
    project, result = computed
    findings = verify(project, result, planted)
    m = get_methodology(project.methodology_id)
    for lang in ("zh", "en"):
        html = render_document(project, result, m, document="verification", lang=lang,
                               findings=findings)
        assert html.count('data-kind="CAR"') == findings.count("CAR")
        assert html.count('data-kind="CL"') == findings.count("CL")
        md = render_document(project, result, m, document="verification", lang=lang, fmt="md",
                             findings=findings)
        assert "| CAR-1 |" in md
    clean = verify(project, result, json.loads(result.to_json()))
    html = render_document(project, result, m, document="verification", findings=clean)
    assert "未发现差异" in html


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_cli_verify_exit_codes(example: Path, computed: tuple[Any, Any],
                               planted: dict[str, Any], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    _, result = computed
    good, bad, other = tmp_path / "good.json", tmp_path / "bad.json", tmp_path / "other.json"
    good.write_text(result.to_json(), "utf-8")
    bad.write_text(json.dumps(planted), "utf-8")
    data = json.loads(result.to_json())
    data["methodology"]["id"] = "ACM0002"
    other.write_text(json.dumps(data), "utf-8")

    code, text = run("verify", str(example), "--claimed", str(good))
    assert (code, text.splitlines()[-1]) == (EXIT_OK, "no material difference")
    code, text = run("verify", str(example), "--claimed", str(bad), "--json")
    assert code == EXIT_MATERIAL
    assert json.loads(text)["counts"]["CAR"] == 4
    code, _ = run("verify", str(example), "--claimed", str(other))
    assert code == EXIT_ERROR
    assert "'ACM0002', but the project uses 'CCER-01-002-V01'" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    assert run("verify", str(example), "--claimed", str(broken))[0] == EXIT_ERROR
    assert "--claimed: malformed JSON" in capsys.readouterr().err
    out = tmp_path / "findings.json"
    code, text = run("verify", str(example), "--claimed", str(bad), "--json", "-o", str(out))
    assert code == EXIT_MATERIAL
    assert json.loads(out.read_text("utf-8"))["material"] is True


def test_cli_report(example: Path, planted: dict[str, Any], tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(planted), "utf-8")
    out = tmp_path / "v.html"
    code, text = run("report", str(example), "--document", "verification", "--claimed",
                     str(bad), "-o", str(out))
    assert (code, text) == (EXIT_OK, f"wrote {out}\n")
    assert 'data-kind="CAR"' in out.read_text("utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "pdd.md.j2").write_text("{{ missing_value }}", "utf-8")
    md = tmp_path / "p.md"
    code, _ = run("report", str(example), "--document", "pdd", "--format", "md", "--lang",
                  "en", "--templates", str(tpl), "-o", str(md))
    assert code == EXIT_ERROR
    assert "missing_value" in capsys.readouterr().err
    assert not md.exists()
    with pytest.raises(SystemExit):
        run("verify", str(example), "--claimed", str(bad), "--materiality", "5")


def test_trail_entries_pair_by_key_not_position(tmp_path: Path) -> None:
    """A claim listing the fuels in another order is compared fuel by fuel (#9).

    Pairing by (equation id, occurrence) compared the claim's first fuel with the recomputed
    first fuel, i.e. natural gas against diesel, and reported material differences that do not
    exist. Entries now pair by equation id and instance (the fuel).
    """
    src = Path(csp.__file__).parent / "data"
    shutil.copy(src / "example_monitoring.csv", tmp_path)
    text = (src / "example.toml").read_text("utf-8")
    (tmp_path / "a.toml").write_text(text, "utf-8")
    swapped = text.replace('fuels = ["diesel", "natural_gas"]', 'fuels = ["natural_gas", "diesel"]')
    assert swapped != text
    (tmp_path / "b.toml").write_text(swapped, "utf-8")
    project = load_project(tmp_path / "a.toml")
    result = compute(project)
    claimed = json.loads(compute(load_project(tmp_path / "b.toml")).to_json())
    findings = verify(project, result, claimed)
    assert not findings.material
    assert {f.kind for f in findings.findings} <= {"OBS"}
    compared = {a.key for a in findings.arrays}
    assert {"(4) term[diesel]", "(4) term[natural_gas]", "§7.3.4 fuel[diesel]"} <= compared
