"""`ccer-calc data`: every bundled value with its unit, edition, status and source (issue #11)."""

from __future__ import annotations

import hashlib
import io
import json
from importlib import resources
from typing import Any

import pytest

from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.tools.data_catalogue import catalogue, data_rows, table_digest

DATA = resources.files("ccer_calc.tools.data")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def _csv_files(folder: Any, prefix: str = "") -> set[str]:
    out = set()
    for p in folder.iterdir():
        if p.is_dir() and not p.name.startswith("__"):
            out |= _csv_files(p, f"{prefix}{p.name}/")
        elif p.name.endswith(".csv"):
            out.add(prefix + p.name)
    return out


def test_every_bundled_csv_is_declared() -> None:
    assert _csv_files(DATA) == {t.file for t in catalogue()}


def test_digest_is_the_sha256_of_the_file() -> None:
    for t in catalogue():
        path = DATA
        for part in t.file.split("/"):
            path = path.joinpath(part)
        expected = hashlib.sha256(path.read_bytes()).hexdigest()
        assert table_digest(t.name) == f"sha256:{expected}"


def test_rows_carry_unit_status_and_source() -> None:
    rows = data_rows()
    om = next(r for r in rows if r.table == "grid_factors_mee" and r.key == "2019 南方"
              and r.quantity.startswith("EF_grid,OM"))
    assert (om.value, om.unit, om.edition, om.status) == (0.8042, "t CO2/MWh", "2019",
                                                          "unverified")
    assert "2019年度减排项目中国区域电网基准线排放因子" in om.source
    ncv = next(r for r in rows if r.table == "fuel_defaults_mee" and r.key.startswith("diesel")
               and r.quantity.startswith("NCV"))
    assert ncv.unit == "GJ/t"
    assert all(r.source and r.status for r in rows)
    units = {r.unit for r in rows if r.table == "ar_tool16_soc_reference"}
    assert units == {"t C/ha"}
    cf = next(r for r in rows if r.table == "ar_tool_defaults" and r.quantity == "CF_TREE")
    assert (cf.value, cf.unit, cf.status) == (0.47, "t C/t", "verified")


def test_data_json_lists_tables_values_and_methodology_defaults() -> None:
    code, text = _run("data", "--json")
    assert code == EXIT_OK
    d = json.loads(text)
    assert {t["name"] for t in d["tables"]} == {t.name for t in catalogue()}
    tables = {v["table"] for v in d["values"]}
    assert "ACM0002 parameters" in tables
    w = next(v for v in d["values"] if v["table"] == "CCER-01-002-V01 parameters"
             and v["key"] == "om_weight")
    # the status column is the verification status, not the parameter's kind: the CCER
    # texts were read in a third-party transcription, TOOL07's weights in the official text
    assert (w["value"], w["status"]) == (0.5, "unverified")
    assert "kind: fixed" in w["details"]
    tool07 = next(v for v in d["values"] if v["table"] == "ACM0002 parameters"
                  and v["key"] == "om_weight_wind_solar")
    assert (tool07["value"], tool07["status"]) == (0.75, "verified")
    assert {v["status"] for v in d["values"]} == {"verified", "unverified", "provisional"}
    assert {t["name"] for t in d["constant_tables"]} == {
        "tool05_defaults", "tool06_defaults", "tool07_lambda"}


def test_statuses_are_verification_statuses_and_grades_are_kept() -> None:
    rows = data_rows()
    assert {r.status for r in rows} <= {"verified", "unverified", "provisional"}
    diesel = next(r for r in rows if r.table == "fuel_defaults_mee"
                  and r.key.startswith("diesel"))
    # two transcriptions agree but no official text was read: unverified, graded secondary
    assert diesel.status == "unverified"
    assert "graded: secondary" in diesel.details
    assert "GB/T 32151.34-2024" in diesel.edition and "表C.1" in diesel.edition
    assert all(r.edition for r in rows if r.table == "fuel_defaults_mee")


def test_tool05_tool06_defaults_and_tool07_lambda_are_listed() -> None:
    rows = {(r.table, r.key, r.quantity): r for r in data_rows()}
    tdl = rows["tool05_defaults", "transmission_loss_project", "TDL_j,y"]
    assert (tdl.value, tdl.edition, tdl.status) == (0.20, "TOOL05 v03.0", "verified")
    assert "data table 3" in tdl.source
    ef = rows["tool05_defaults", "conservative_grid_emission_factor", "EF_EF,j,y"]
    assert (ef.value, ef.unit) == (1.3, "t CO2/MWh")
    # TOOL06 v04.0 para. 18 (open flare 50 %), para. 21 (enclosed, option A, 90 %)
    open_flare = rows["tool06_defaults", "open flare", "η_flare,m (flame detected)"]
    assert (open_flare.value, open_flare.status) == (0.5, "verified")
    assert open_flare.source == "TOOL06 v04.0, para. 18"
    enclosed = next(r for k, r in rows.items() if k[:2] == ("tool06_defaults",
                                                            "enclosed flare, option A"))
    assert (enclosed.value, enclosed.source) == (0.9, "TOOL06 v04.0, para. 21")
    # Table 1 lists no molecular mass of H2S or NH3: the engine's own are unverified
    h2s = rows["tool06_defaults", "MM_H2S", "molecular mass of H2S"]
    assert h2s.status == "unverified"
    # TOOL07 v07.0 Appendix 2, Table 1: 21 bands from 0 % to 100 %, lambda 0 to 1 by 0.05
    lam = [r for r in data_rows("tool07_lambda")]
    assert len(lam) == 21
    assert (lam[0].key, lam[0].value) == ("LCMR share 0 to 50 %", 0.0)
    assert (lam[10].key, lam[10].value) == ("LCMR share 84.76 to 87.41 %", 0.5)
    assert (lam[-1].key, lam[-1].value) == ("LCMR share 99.87 to 100 %", 1.0)
    assert all(r.status == "verified" and "Appendix 2, Table 1" in r.source for r in lam)


def test_text_table_shows_edition_and_status() -> None:
    code, text = _run("data", "--table", "tool06_defaults")
    assert code == EXIT_OK
    head = next(ln for ln in text.splitlines() if ln.startswith("table "))
    assert head.split()[:8] == ["table", "key", "quantity", "value", "unit", "edition",
                                "status", "source"]
    line = next(ln for ln in text.splitlines() if "open flare" in ln)
    assert "TOOL06 v04.0" in line and "verified" in line


def test_one_table_and_the_register_of_editions() -> None:
    code, text = _run("data", "--table", "grid_factor_editions_mee")
    assert code == EXIT_OK
    line_2024 = next(ln for ln in text.splitlines()
                     if ln.startswith("grid_factor_editions_mee  2024"))
    assert "西南" in line_2024
    assert "values: not bundled" in line_2024


def test_unknown_table_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("data", "--table", "nope")[0] == EXIT_ERROR
    assert "unknown data table" in capsys.readouterr().err


def test_show_lists_the_editions_with_their_status() -> None:
    code, text = _run("show", "CCER-01-002-V01")
    assert code == EXIT_OK
    assert "grid_factor_editions_mee" in text
    assert any("2024" in ln and "not bundled" in ln for ln in text.splitlines())
