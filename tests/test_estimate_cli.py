"""``ccer-calc estimate``: the table, the JSON of issue #15, -o, --scenario and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccer_calc.api import load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.estimation import estimate

OW_DATA = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
OW_EX_ANTE = OW_DATA / "example_ex_ante.toml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_fields_of_the_issue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "estimate", str(OW_EX_ANTE), "--json")
    assert code == EXIT_OK
    d = json.loads(out)
    assert out == estimate(load_project(OW_EX_ANTE)).to_json() + "\n"
    assert [y["year"] for y in d["years"]] == list(range(2024, 2034))
    for key in ("baseline_emissions", "project_emissions", "leakage_emissions",
                "emission_reductions"):
        assert d["years"][0][key]["unit"] == "t CO2e"
    assert d["totals"]["emission_reductions"]["value"] == pytest.approx(
        10 * d["annual_average"]["emission_reductions"]["value"], rel=1e-12)
    assert d["fingerprint"].startswith("sha256:")
    assert sorted(d["scenarios"]) == ["P90", "late_start"]
    assert [s["quantity"] for s in d["sensitivity"]] == ["export", "import"]
    assert d["trail"]["entries"][0]["inputs"][0]["origin"] == "expected"


def test_table_output_file_and_scenario(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "estimate", str(OW_EX_ANTE))
    assert code == EXIT_OK
    assert "annual average" in out and "Scenarios, ER tCO2e:" in out
    assert "4,080,218.814" in out
    target = tmp_path / "estimate.json"
    code, out, _ = _run(capsys, "estimate", str(OW_EX_ANTE), "--json", "--scenario", "P90",
                        "-o", str(target))
    assert (code, out) == (EXIT_OK, f"wrote {target}\n")
    d = json.loads(target.read_text("utf-8"))
    assert d["scenario"] == "P90"
    assert d["scenarios"] == {}


@pytest.mark.parametrize(("argv", "message"), [
    (["--scenario", "P99"], "scenario: no such scenario"),
    (["--as-of", "2026-01-01"], "edition for 2025 was published by 2026-01-01"),
])
def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str],
                             message: str, tmp_path: Path) -> None:
    path = OW_EX_ANTE
    if "--as-of" in argv:  # without the project's own OM/BM the edition rule decides
        text = OW_EX_ANTE.read_text("utf-8").replace('grid_om_factor = "0.8042 t CO2/MWh"\n',
                                                     "").replace(
            'grid_bm_factor = "0.2135 t CO2/MWh"\n', "")
        path = tmp_path / "p.toml"
        path.write_text(text, "utf-8")
    code, out, err = _run(capsys, "estimate", str(path), *argv)
    assert code == EXIT_ERROR
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_a_monitoring_only_project_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "estimate", str(OW_DATA / "example.toml"))
    assert code == EXIT_ERROR
    assert "expected: the project gives no expected values" in err
