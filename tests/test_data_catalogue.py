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
    assert (w["value"], w["status"]) == (0.5, "fixed")


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
