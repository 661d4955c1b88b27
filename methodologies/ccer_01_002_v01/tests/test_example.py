"""The bundled example end to end, recomputed by hand from its CSV.

The example is illustrative (no published PDD is bundled yet), so the reference is the
methodology's own arithmetic done here independently: per calendar year,
ER_y = Σ [export × (1 − e_export) − import × (1 + e_import)] × (0.5 × OM + 0.5 × BM)
(CCER-01-002-V01 §6.3 eqs. (1)-(3), §6.4, §6.6 eq. (4), §7.3.4). The MEE edition for 2024
exists but is not bundled, so the example states its OM/BM as parameters (the 2019 南方 values,
for illustration). Same algebra in another order: rel 1e-12.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import DataNotFound
from ccer_calc.result import KEYS
from ccer_calc.tools.mee_grid_factors import grid_factor_table

DATA = Path(__file__).resolve().parent.parent / "data"
OM_2019_SOUTH, BM_2019_SOUTH = 0.8042, 0.2135  # reference brief §8.1 (as in example.toml)
EF_CM = 0.5 * OM_2019_SOUTH + 0.5 * BM_2019_SOUTH


def _by_hand() -> tuple[dict[int, float], dict[str, float]]:
    project = tomllib.loads((DATA / "example.toml").read_text("utf-8"))
    mpe = {k: float(v["max_permissible_error"].split()[0]) / 100
           for k, v in project["monitoring"]["meters"].items()}
    periods = [(p["id"], p["start"], p["end"]) for p in project["monitoring"]["periods"]]
    by_year: dict[int, list[float]] = {}
    by_period: dict[str, list[float]] = {pid: [] for pid, _, _ in periods}
    with (DATA / "example_monitoring.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
            assert start.year == end.year  # monthly rows: no split at 1 January needed
            errors = {}
            for col in ("export", "import"):
                status = row[f"{col}_meter"]
                if status == "out_of_tolerance":
                    errors[col] = abs(float(row[f"{col}_meter_error [%]"])) / 100
                elif status == "uncalibrated":
                    errors[col] = mpe[col]
                else:
                    errors[col] = 0.0
            net = (float(row["export [MWh]"]) * (1 - errors["export"])
                   - float(row["import [MWh]"]) * (1 + errors["import"]))
            er = net * EF_CM
            by_year.setdefault(start.year, []).append(er)
            pid = next(p for p, s, e in periods if s <= start and end <= e)
            by_period[pid].append(er)
    return ({y: math.fsum(v) for y, v in by_year.items()},
            {p: math.fsum(v) for p, v in by_period.items()})


def test_bundled_grid_table_is_what_the_hand_calculation_assumes() -> None:
    south = {r.edition: r for r in grid_factor_table() if r.grid == "南方"}
    assert sorted(south) == [2019]
    assert (south[2019].om, south[2019].bm) == (OM_2019_SOUTH, BM_2019_SOUTH)


def test_example_vintages_and_totals_by_hand() -> None:
    result = compute(load_project(DATA / "example.toml"))
    years, periods = _by_hand()
    assert [v.year for v in result.vintages] == sorted(years)
    for v in result.vintages:
        assert v.values["emission_reductions"] == pytest.approx(years[v.year], rel=1e-12)
        assert v.values["baseline_emissions"] == pytest.approx(years[v.year], rel=1e-12)
        assert v.values["project_emissions"] == 0.0
        assert v.values["leakage_emissions"] == 0.0
        assert v.issuable == math.floor(years[v.year])
    for p in result.periods:
        assert p.values["emission_reductions"] == pytest.approx(periods[p.id], rel=1e-12)
    total = math.fsum(years.values())
    assert result.totals["emission_reductions"] == pytest.approx(total, rel=1e-12)
    assert result.totals["baseline_emissions"] == pytest.approx(total, rel=1e-12)
    assert result.issuable_total == sum(math.floor(x) for x in years.values())
    assert set(KEYS) == set(result.totals)


def test_trail_names_the_project_margins() -> None:
    result = compute(load_project(DATA / "example.toml"))
    w3 = result.trail.find("(3)")[0]
    refs = {i.name: i.ref for i in w3.inputs}
    assert refs["operating_margin"] == "project file, parameters.grid_om_factor"
    assert {i.origin for i in w3.inputs if i.name.endswith("margin")} == {"project"}
    assert {i.origin for i in w3.inputs if i.name.endswith("weight")} == {"fixed"}


def _without_override(tmp_path: Path) -> Path:
    text = (DATA / "example.toml").read_text("utf-8")
    start = text.index("[parameters]")
    text = text[:start] + text[text.index("[monitoring]"):]
    (tmp_path / "p.toml").write_text(text, "utf-8")
    (tmp_path / "example_monitoring.csv").write_bytes(
        (DATA / "example_monitoring.csv").read_bytes())
    return tmp_path / "p.toml"


def test_without_override_2024_stops_naming_the_edition(tmp_path: Path) -> None:
    """Issue #11: the 2024 edition exists; the 2019 values must not stand in for it."""
    project = load_project(_without_override(tmp_path))
    with pytest.raises(DataNotFound, match=r"selected for year 2024 is 2024 .* not bundled") as e:
        compute(project)
    assert "grid_om_factor and grid_bm_factor" in str(e.value)


def test_parameters_used_are_reported() -> None:
    result = compute(load_project(DATA / "example.toml"))
    used = {p["name"]: p for p in result.parameters}
    assert (used["om_weight"]["value"], used["bm_weight"]["value"]) == (0.5, 0.5)
    assert used["om_weight"]["origin"] == "fixed"


def test_override_of_both_grid_factors_replaces_the_table(tmp_path: Path) -> None:
    # with the project's own OM/BM, ER = Σ net × (0.5 OM' + 0.5 BM')
    toml = (DATA / "example.toml").read_text("utf-8").replace(
        'grid_om_factor = "0.8042 t CO2/MWh"', 'grid_om_factor = "0.9 t CO2/MWh"').replace(
        'grid_bm_factor = "0.2135 t CO2/MWh"', 'grid_bm_factor = "300 kg CO2/MWh"')
    (tmp_path / "p.toml").write_text(toml, "utf-8")
    (tmp_path / "example_monitoring.csv").write_bytes(
        (DATA / "example_monitoring.csv").read_bytes())
    result = compute(load_project(tmp_path / "p.toml"))
    years, _ = _by_hand()
    factor = (0.5 * 0.9 + 0.5 * 0.3) / EF_CM
    assert result.totals["emission_reductions"] == pytest.approx(
        math.fsum(years.values()) * factor, rel=1e-12)
    w3 = result.trail.find("(3)")[0]
    assert {i.origin for i in w3.inputs if i.name.endswith("margin")} == {"project"}


def test_as_of_does_not_bring_back_a_fallback(tmp_path: Path) -> None:
    # before the 2024 edition's (unknown) publication date the rule would pass over it, but
    # the register cannot tell whether a 2020-2023 edition existed: still an error
    project = load_project(_without_override(tmp_path))
    with pytest.raises(DataNotFound, match=r"cannot choose the MEE OM/BM edition for year 2024"):
        compute(project, as_of=dt.date(2024, 6, 1))
