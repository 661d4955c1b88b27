"""The fingerprint covers whatever can change a number; the result records as_of and tables.

Issue #14, item 3: before, ``--as-of`` and the bundled factor tables changed results without
changing the fingerprint, the result did not record ``as_of``, and ``verify`` and ``report``
had no ``--as-of``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.cli import main

WriteProject = Callable[..., Path]
GRID_TABLE = "ccer_calc.tools.data/grid_factors_mee.csv"
FUEL_TABLE = "ccer_calc.tools.data/fuel_defaults_mee.csv"
EDITIONS_TABLE = "ccer_calc.tools.data/grid_factor_editions_mee.csv"
CSP = Path(__file__).parents[1] / "methodologies" / "ccer_01_001_v01" / "data" / "example.toml"


def _sha(name: str) -> str:
    data = resources.files("ccer_calc.tools.data").joinpath(name).read_bytes()
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_result_records_as_of(example_dir: Path) -> None:
    project = load_project(example_dir / "example.toml")
    plain = compute(project)
    dated = compute(project, as_of=dt.date(2026, 1, 1))
    assert (plain.as_of, dated.as_of) == (None, "2026-01-01")
    assert json.loads(dated.to_json())["as_of"] == "2026-01-01"
    # the same numbers (the project states its OM/BM), another fingerprint
    assert dated.totals == plain.totals
    assert dated.fingerprint != plain.fingerprint


def _bundle_2024(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the 2024 and 2025 editions' 南方 values are bundled (the real ones are not)."""
    from ccer_calc.tools import mee_grid_factors as mee  # noqa: PLC0415

    real = mee.edition_register()
    register = {**real, 2024: dataclasses.replace(real[2024], bundled=True),
                2025: dataclasses.replace(real[2024], edition=2025, bundled=True)}
    rows = (*mee.grid_factor_table(),
            mee.GridFactorRow(2024, "南方", 0.8, 0.2, None, "test", "test"),
            mee.GridFactorRow(2025, "南方", 0.8, 0.2, None, "test", "test"))
    monkeypatch.setattr(mee, "edition_register", lambda: register)
    monkeypatch.setattr(mee, "grid_factor_table", lambda: rows)


def _without_grid_override(write_project: WriteProject, example_data: dict[str, Any]) -> Path:
    example_data.pop("parameters", None)
    return write_project(example_data)


def test_result_records_the_tables_used_with_their_digest(
        write_project: WriteProject, example_data: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _bundle_2024(monkeypatch)
    r = compute(load_project(_without_grid_override(write_project, example_data)))
    assert r.data_tables == {GRID_TABLE: _sha("grid_factors_mee.csv"),
                             EDITIONS_TABLE: _sha("grid_factor_editions_mee.csv")}
    assert json.loads(r.to_json())["data_tables"] == r.data_tables
    csp = compute(load_project(CSP))  # states its OM/BM, takes diesel's defaults
    assert csp.data_tables == {FUEL_TABLE: _sha("fuel_defaults_mee.csv")}


def test_no_table_is_recorded_when_the_project_gives_the_factors(example_dir: Path) -> None:
    assert compute(load_project(example_dir / "example.toml")).data_tables == {}


def test_an_edited_table_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    from ccer_calc import datatables  # noqa: PLC0415

    project = load_project(CSP)
    before = compute(project)
    real = datatables.table_digest

    def edited(name: str, package: str = datatables.DEFAULT_PACKAGE) -> str:
        return "sha256:" + "0" * 64 if name == "fuel_defaults_mee.csv" else real(name, package)

    monkeypatch.setattr(datatables, "table_digest", edited)
    after = compute(project)
    assert after.totals == before.totals
    assert after.data_tables[FUEL_TABLE] == "sha256:" + "0" * 64
    assert after.fingerprint != before.fingerprint


def test_overrides_are_fingerprinted_in_canonical_units(
        write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8042 t CO2/MWh",
                                  "grid_bm_factor": "0.2135 t CO2/MWh"}
    in_t = compute(load_project(write_project(example_data)))
    example_data["parameters"] = {"grid_om_factor": "804.2 kg CO2/MWh",
                                  "grid_bm_factor": {"value": 0.2135, "unit": "kg CO2/kWh"}}
    in_kg = compute(load_project(write_project(example_data)))
    assert in_kg.totals == pytest.approx(in_t.totals, rel=1e-12)
    assert in_kg.fingerprint == in_t.fingerprint


def test_the_same_inputs_give_the_same_fingerprint(example_dir: Path) -> None:
    project = load_project(example_dir / "example.toml")
    day = dt.date(2026, 1, 1)
    assert compute(project, as_of=day).fingerprint == compute(project, as_of=day).fingerprint


@pytest.mark.parametrize("command", ["verify", "report"])
def test_verify_and_report_take_as_of(example_dir: Path, tmp_path: Path, command: str) -> None:
    claimed = tmp_path / "claimed.json"
    project = load_project(example_dir / "example.toml")
    dated = compute(project, as_of=dt.date(2026, 1, 1))
    claimed.write_text(dated.to_json(), "utf-8")
    args = [command, str(example_dir / "example.toml"), "--claimed", str(claimed),
            "--as-of", "2026-01-01"]
    if command == "report":
        args += ["--document", "verification", "-o", str(tmp_path / "v.html")]
    else:
        args += ["--json"]
    out = io.StringIO()
    assert main(args, out=out) == 0
    if command == "verify":
        findings = json.loads(out.getvalue())
        # the claim was computed with the same as_of: the fingerprints agree, no OBS
        assert findings["claimed_fingerprint"] == findings["recomputed_fingerprint"]
        assert findings["counts"] == {"CAR": 0, "CL": 0, "OBS": 0}
    else:  # the document carries the fingerprint of the computation as of that date
        html = (tmp_path / "v.html").read_text("utf-8")
        assert dated.fingerprint in html
        assert compute(project).fingerprint not in html
