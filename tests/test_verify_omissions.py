"""verify: a figure the claim omits is a finding, and the output says what was not compared.

Issue #14, item 7: a claim that omitted its vintages, issuable tonnes or totals passed with
"no material difference" (8 figures compared). Also item 4: a claimed value of 10**400 or a
control character in a claimed id raised a non-CcerError.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.cli import EXIT_ERROR, main
from ccer_calc.errors import InputError
from ccer_calc.verify import verify

EXIT_MATERIAL = 1


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    import methodologies.ccer_01_002_v01 as ow  # noqa: PLC0415

    project = load_project(Path(ow.__file__).parent / "data" / "example.toml")
    return project, compute(project)


@pytest.fixture
def full(computed: tuple[Any, Any]) -> dict[str, Any]:
    return json.loads(computed[1].to_json())


def _kinds(findings: Any) -> set[tuple[str, str, str, str]]:
    return {(f.kind, f.scope, f.key, f.quantity) for f in findings.findings}


def test_periods_only_claim_is_material(computed: tuple[Any, Any], full: dict[str, Any]) -> None:
    project, result = computed
    claim = {k: full[k] for k in ("methodology", "project", "periods")}
    findings = verify(project, result, claim)
    assert findings.material
    assert ("CAR", "vintage", "2024", "emission_reductions") in _kinds(findings)
    assert ("CAR", "vintage", "2025", "emission_reductions") in _kinds(findings)
    assert ("CAR", "total", "total", "emission_reductions") in _kinds(findings)
    skipped = {(n["scope"], n["key"], n["quantity"]) for n in findings.not_compared}
    assert ("vintage", "2024", "issuable") in skipped
    assert ("total", "total", "issuable") in skipped
    assert ("equation", "trail", "outputs") in skipped


def test_omitted_issuable_is_a_car(computed: tuple[Any, Any], full: dict[str, Any]) -> None:
    project, result = computed
    for v in full["vintages"]:
        del v["issuable"]
    del full["totals"]["issuable"]
    kinds = _kinds(verify(project, result, full))
    assert kinds == {("CAR", "vintage", "2024", "issuable"), ("CAR", "vintage", "2025", "issuable"),
                     ("CAR", "total", "total", "issuable")}


def test_omitted_be_pe_le_are_clarifications(computed: tuple[Any, Any],
                                             full: dict[str, Any]) -> None:
    project, result = computed
    del full["periods"][0]["leakage_emissions"]
    del full["vintages"][1]["baseline_emissions"]
    del full["totals"]["project_emissions"]
    findings = verify(project, result, full)
    assert _kinds(findings) == {("CL", "period", "MP1", "leakage_emissions"),
                                ("CL", "vintage", "2025", "baseline_emissions"),
                                ("CL", "total", "total", "project_emissions")}
    assert not findings.material
    assert all(f.description.endswith("the claim does not state " + f.quantity)
               for f in findings.findings)


def test_complete_claim_compares_everything(computed: tuple[Any, Any],
                                            full: dict[str, Any]) -> None:
    project, result = computed
    findings = verify(project, result, full)
    assert findings.findings == []
    assert findings.not_compared == []
    assert json.loads(findings.to_json())["not_compared"] == []


def _cli(claim: dict[str, Any] | str, tmp_path: Path, *extra: str) -> tuple[int, str]:
    import methodologies.ccer_01_002_v01 as ow  # noqa: PLC0415

    path = tmp_path / "claimed.json"
    path.write_text(claim if isinstance(claim, str) else json.dumps(claim), "utf-8")
    out = io.StringIO()
    code = main(["verify", str(Path(ow.__file__).parent / "data" / "example.toml"),
                 "--claimed", str(path), *extra], out=out)
    return code, out.getvalue()


def test_cli_summary_lists_what_was_and_was_not_compared(full: dict[str, Any],
                                                         tmp_path: Path) -> None:
    claim = {k: full[k] for k in ("methodology", "project", "periods")}
    code, text = _cli(claim, tmp_path)
    assert code == EXIT_MATERIAL
    assert "compared: period MP1 (4), period MP2 (4)" in text
    assert "not compared: vintage 2024 (5), vintage 2025 (5), totals (5), equations (1)" in text
    assert text.rstrip().endswith("material difference found")
    code, text = _cli(full, tmp_path)
    assert code == 0
    assert "not compared: nothing" in text


@pytest.mark.parametrize("value", ["1" + "0" * 400, "1e400", "true", '"12"'])
def test_unusable_claimed_numbers_are_input_errors(computed: tuple[Any, Any],
                                                   full: dict[str, Any], tmp_path: Path,
                                                   value: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(full).replace(
        json.dumps(full["totals"]["emission_reductions"]["value"]), value, 1)
    assert text != json.dumps(full)
    code, _ = _cli(text, tmp_path)
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "claimed value is not a finite number" in err
    project, result = computed
    with pytest.raises(InputError, match="not a finite number"):
        verify(project, result, json.loads(text))


def test_control_character_in_a_claimed_id(computed: tuple[Any, Any],
                                           full: dict[str, Any]) -> None:
    project, result = computed
    full["periods"][0]["id"] = "MP1\x0b"
    with pytest.raises(InputError, match=r"periods\[0\].id: control character U\+000B"):
        verify(project, result, full)


def test_claimed_trail_of_another_shape_is_skipped_not_a_crash(
        computed: tuple[Any, Any], full: dict[str, Any]) -> None:
    project, result = computed
    full["trail"]["entries"][0]["output"] = [1, 2, 3]
    findings = verify(project, result, full)
    assert findings.findings == []
    assert [n["key"] for n in findings.not_compared] == [result.trail.entries[0].key]


def test_deeply_nested_claim_is_an_input_error(full: dict[str, Any], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _cli("[" * 100_000 + "]" * 100_000, tmp_path)
    assert code == EXIT_ERROR
    assert "nested too deeply" in capsys.readouterr().err


@pytest.mark.parametrize("package", ["ccer_01_002_v01", "ccer_01_001_v01", "acm0002"])
def test_every_example_claim_is_compared_in_full(package: str) -> None:
    # scalar trail outputs (one fuel's emission coefficient) are compared too
    path = Path(__file__).parents[1] / "methodologies" / package / "data" / "example.toml"
    project = load_project(path)
    result = compute(project)
    claim = json.loads(result.to_json())
    assert verify(project, result, claim).not_compared == []
    scalar = [e for e in claim["trail"]["entries"]
              if isinstance(e["output"]["value"], int | float)]
    if scalar:
        scalar[0]["output"]["value"] *= 1.5
        findings = verify(project, result, claim)
        assert [f.scope for f in findings.findings] == ["equation"]
