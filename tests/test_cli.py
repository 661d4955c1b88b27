"""The command line: every subcommand, exit codes, one-line errors, atomic -o."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.result import KEYS

OW = "CCER-01-002-V01"
WriteProject = Callable[..., Path]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_methodologies_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("methodologies")
    assert code == EXIT_OK
    header, rule, *rows = text.splitlines()
    assert header.split() == ["id", "programme", "title", "english", "status"]
    assert set(rule) <= {"-", " "}
    ow = [r for r in rows if r.startswith(OW)]
    assert len(ow) == 1
    assert "并网海上风力发电" in ow[0]
    assert "Grid-connected offshore wind power" in ow[0]
    assert capsys.readouterr().err == ""


def test_methodologies_json() -> None:
    code, text = run("methodologies", "--json")
    assert code == EXIT_OK
    items = {m["id"]: m for m in json.loads(text)}
    assert items[OW]["title_zh"] == "并网海上风力发电"
    assert items[OW]["version"] == "V01"


def test_show() -> None:
    code, text = run("show", OW)
    assert code == EXIT_OK
    assert text.startswith(f"{OW} 并网海上风力发电 (Grid-connected offshore wind power)")
    for fragment in ("Parameters:", "w_OM", "om_weight", "Monitored data", "EG_export,y",
                     "Applicability checks:", "offshore_far_or_deep", "Equations:",
                     "BE_y = EG_PJ,y × EF_grid,CM,y"):
        assert fragment in text


def test_show_json_lists_equations() -> None:
    code, text = run("show", OW, "--json")
    assert code == EXIT_OK
    info = json.loads(text)
    assert info["id"] == OW
    assert {"(1)", "(2)", "(3)", "§6.4", "§6.5", "(4)"} <= {e["id"] for e in info["equations"]}
    weights = {p["name"]: p["default"] for p in info["parameters"]}
    assert (weights["om_weight"], weights["bm_weight"]) == (0.5, 0.5)  # §7.1 Tables 2-3


def test_schema_is_json_with_properties(tmp_path: Path) -> None:
    code, text = run("schema", OW)
    assert code == EXIT_OK
    schema = json.loads(text)
    assert {"name", "methodology", "dates", "inputs", "monitoring"} <= set(schema["properties"])
    code, text = run("schema", OW, "-o", str(tmp_path / "schema.json"))
    assert code == EXIT_OK
    assert text == ""
    assert json.loads((tmp_path / "schema.json").read_text("utf-8")) == schema


def test_example_writes_files_that_compute(tmp_path: Path) -> None:
    code, text = run("example", OW, "-o", str(tmp_path))
    assert code == EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.toml",
                                                          "example_engagement.toml",
                                                          "example_ex_ante.toml",
                                                          "example_excel.toml",
                                                          "example_monitoring.csv",
                                                          "example_monitoring.xlsx"]
    assert f"next: ccer-calc compute {tmp_path / 'example.toml'}" in text
    assert f"ccer-calc estimate {tmp_path / 'example_ex_ante.toml'}" in text
    code, text = run("compute", str(tmp_path / "example.toml"), "--json")
    assert code == EXIT_OK
    assert json.loads(text)["methodology"]["id"] == OW
    code, text = run("estimate", str(tmp_path / "example_ex_ante.toml"), "--json")
    assert code == EXIT_OK
    assert json.loads(text)["computation"] == "estimate"


def test_example_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("example", OW, "-o", str(tmp_path))[0] == EXIT_OK
    capsys.readouterr()
    code, _ = run("example", OW, "-o", str(tmp_path))
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("ccer-calc: error: -o: file exists")
    assert "--force" in err
    assert run("example", OW, "-o", str(tmp_path), "--force")[0] == EXIT_OK


def test_compute_table(write_project: WriteProject) -> None:
    path = write_project()
    code, text = run("compute", str(path))
    assert code == EXIT_OK
    result = compute(load_project(path))
    er = result.totals["emission_reductions"]
    assert f"Total ER: {er:,.3f} t CO2e (unrounded)" in text
    assert f"issuable {result.issuable_total:,} t CO2e" in text
    assert f"Fingerprint: {result.fingerprint}" in text
    assert "MP1 2024-01-01..2024-09-30" in text


def test_compute_json(write_project: WriteProject) -> None:
    path = write_project()
    code, text = run("compute", str(path), "--json")
    assert code == EXIT_OK
    d = json.loads(text)
    for k in KEYS:
        assert d["totals"][k]["unit"] == "t CO2e"
    assert text.rstrip("\n") == compute(load_project(path)).to_json()


def test_compute_output_file_is_written_whole(write_project: WriteProject, tmp_path: Path) -> None:
    path = write_project()
    target = tmp_path / "out" / "result.json"
    target.parent.mkdir()
    code, text = run("compute", str(path), "--json", "-o", str(target))
    assert code == EXIT_OK
    assert text == f"wrote {target}\n"
    assert json.loads(target.read_text("utf-8")) == json.loads(
        compute(load_project(path)).to_json())
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]  # no temporary left


def test_failed_write_keeps_the_old_file(write_project: WriteProject, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write_project()
    target = tmp_path / "out" / "result.json"
    target.parent.mkdir()
    target.write_text("old", "utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    code, _ = run("compute", str(path), "--json", "-o", str(target))
    assert code == EXIT_ERROR
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]
    assert "No space left on device" in capsys.readouterr().err


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    assert lines[0].startswith("ccer-calc: error: ")
    return lines[0]


def test_unknown_methodology_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("show", "NOPE")
    assert code == EXIT_ERROR
    assert text == ""
    line = _one_line_error(capsys)
    assert "unknown methodology (got 'NOPE'" in line


def test_missing_project_file_is_one_line_exit_2(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("compute", str(tmp_path / "nowhere.toml"))
    assert code == EXIT_ERROR
    assert "project: file not found" in _one_line_error(capsys)


def test_bad_input_is_one_line_exit_2(write_project: WriteProject,
                                      example_csv_lines: list[str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    lines = list(example_csv_lines)
    lines[3] = lines[3].replace("88320.7", "abc")
    code, _ = run("compute", str(write_project(csv_lines=lines)))
    assert code == EXIT_ERROR
    assert _one_line_error(capsys) == ("ccer-calc: error: example_monitoring.csv: line 4, "
                                       "column export: not a number (got 'abc'; expected a "
                                       "decimal number such as 1250.5)")


def test_applicability_failure_is_one_line_exit_2(write_project: WriteProject,
                                                  example_data: dict[str, object],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    example_data["inputs"]["offshore"] = False  # type: ignore[index]
    code, _ = run("compute", str(write_project(example_data)))
    assert code == EXIT_ERROR
    assert "offshore_location failed" in _one_line_error(capsys)


def test_debug_shows_the_exception(capsys: pytest.CaptureFixture[str]) -> None:
    from ccer_calc.errors import MethodologyNotFound  # noqa: PLC0415

    with pytest.raises(MethodologyNotFound):
        main(["--debug", "show", "NOPE"], out=io.StringIO())


def test_as_of_must_be_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compute", "x.toml", "--as-of", "yesterday"], out=io.StringIO())
    assert info.value.code == 2
    assert "not an ISO date: 'yesterday'" in capsys.readouterr().err


def _console_script() -> list[str]:
    script = Path(sys.executable).parent / "ccer-calc"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ccer_calc.cli"]


def test_installed_console_script_on_the_example(tmp_path: Path) -> None:
    made = subprocess.run([*_console_script(), "example", OW, "-o", str(tmp_path)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([*_console_script(), "compute", str(tmp_path / "example.toml"),
                           "--json"], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    expected = compute(load_project(tmp_path / "example.toml"))
    assert json.loads(done.stdout)["fingerprint"] == expected.fingerprint
    assert json.loads(done.stdout)["totals"]["emission_reductions"]["value"] == pytest.approx(
        expected.totals["emission_reductions"], rel=1e-12)


def test_module_entry_point_reports_errors_without_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "ccer_calc.cli", "compute",
                           str(tmp_path / "missing.toml")],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == EXIT_ERROR
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("ccer-calc: error: project: file not found")
