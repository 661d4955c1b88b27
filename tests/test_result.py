"""Results: issuance rounding per vintage, unrounded totals, deterministic JSON, fingerprint."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.fingerprint import fingerprint
from ccer_calc.result import KEYS, VintageResult, canonical_json

WriteProject = Callable[..., Path]


def _vintage(er: float) -> VintageResult:
    return VintageResult(2024, {"baseline_emissions": er, "project_emissions": 0.0,
                                "leakage_emissions": 0.0, "emission_reductions": er}, "test")


@pytest.mark.parametrize(("er", "issuable"), [
    (10.999999, 10), (10.0, 10), (0.4, 0), (0.0, 0), (-3.2, 0), (-0.5, 0), (634790.375, 634790),
])
def test_issuable_is_whole_tonnes_rounded_down_never_negative(er: float, issuable: int) -> None:
    v = _vintage(er)
    assert v.issuable == issuable
    d = v.to_dict()
    assert d["issuable"] == {"value": issuable, "unit": "t CO2e",
                             "rounding": "whole tonnes, rounded down"}
    assert d["emission_reductions"] == {"value": er, "unit": "t CO2e"}


@pytest.fixture
def example_result(write_project: WriteProject) -> Any:
    return compute(load_project(write_project()))


def test_totals_are_unrounded_sums_and_issuance_rounds_each_vintage(example_result: Any) -> None:
    r = example_result
    for k in KEYS:
        assert r.totals[k] == pytest.approx(math.fsum(p.values[k] for p in r.periods), rel=1e-12)
        assert r.totals[k] == pytest.approx(math.fsum(v.values[k] for v in r.vintages),
                                            rel=1e-12)
    er_total = r.totals["emission_reductions"]
    assert er_total != math.floor(er_total)  # the example's total has a fractional part
    assert r.issuable_total == sum(math.floor(v.values["emission_reductions"])
                                   for v in r.vintages)
    d = r.to_dict()
    assert d["totals"]["emission_reductions"] == {"value": er_total, "unit": "t CO2e"}
    assert d["totals"]["issuable"]["value"] == r.issuable_total


def test_json_has_the_documented_shape(example_result: Any) -> None:
    d = json.loads(example_result.to_json())
    assert {"periods", "vintages", "totals", "trail", "fingerprint"} <= set(d)
    for item in [*d["periods"], *d["vintages"], d["totals"]]:
        for k in KEYS:
            assert set(item[k]) == {"value", "unit"}
            assert item[k]["unit"] == "t CO2e"
            assert isinstance(item[k]["value"], float)
    assert [p["id"] for p in d["periods"]] == ["MP1", "MP2"]
    assert [v["year"] for v in d["vintages"]] == [2024, 2025]
    assert d["fingerprint"].startswith("sha256:")
    assert len(d["fingerprint"]) == len("sha256:") + 64
    first = d["trail"]["entries"][0]
    assert first["equation"] == example_result.trail.entries[0].equation
    assert first["output"]["unit"] == example_result.trail.entries[0].output_unit
    assert len(first["output"]["value"]) == len(d["trail"]["axis"])


def test_to_json_is_byte_identical_across_two_computes(write_project: WriteProject) -> None:
    path = write_project()
    first = compute(load_project(path)).to_json()
    second = compute(load_project(path)).to_json()
    assert first.encode("utf-8") == second.encode("utf-8")
    assert json.loads(first) == json.loads(second)


def test_compact_json_is_the_same_data(example_result: Any) -> None:
    assert json.loads(example_result.to_json(indent=None)) == json.loads(example_result.to_json())
    assert "\n" not in example_result.to_json(indent=None)


def test_fingerprint_changes_with_one_monitored_value(
    write_project: WriteProject, example_csv_lines: list[str], tmp_path: Path
) -> None:
    base = compute(load_project(write_project())).fingerprint
    lines = list(example_csv_lines)
    lines[5] = lines[5].replace("62310.2", "62310.3")
    assert lines[5] != example_csv_lines[5]
    changed = compute(load_project(write_project(csv_lines=lines))).fingerprint
    assert changed != base


def test_fingerprint_changes_with_a_meter_status(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    base = compute(load_project(write_project())).fingerprint
    lines = list(example_csv_lines)
    lines[3] = lines[3].replace(",ok,,ok,", ",ok,,uncalibrated,")
    assert compute(load_project(write_project(csv_lines=lines))).fingerprint != base


def test_fingerprint_changes_with_a_parameter_override(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8042 t CO2/MWh",
                                  "grid_bm_factor": "0.2135 t CO2/MWh"}
    first = compute(load_project(write_project(example_data)))
    example_data["parameters"]["grid_bm_factor"] = "0.2136 t CO2/MWh"
    second = compute(load_project(write_project(example_data)))
    assert first.fingerprint != second.fingerprint
    assert second.totals["emission_reductions"] > first.totals["emission_reductions"]


def test_fingerprint_ignores_how_a_quantity_was_spelled(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    # the same capacity in another unit is the same input once converted
    base = compute(load_project(write_project(example_data))).fingerprint
    example_data["inputs"]["installed_capacity"] = {"value": 300000, "unit": "kW"}
    assert compute(load_project(write_project(example_data))).fingerprint == base


def test_fingerprint_function_is_canonical() -> None:
    a = fingerprint({"x": 1, "y": [1, 2]}, {"engine": "1"})
    b = fingerprint({"y": [1, 2], "x": 1}, {"engine": "1"})
    assert a == b
    assert fingerprint({"x": 1, "y": [1, 2]}, {"engine": "2"}) != a


def test_canonical_json_refuses_nan() -> None:
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        canonical_json({"x": float("nan")})
