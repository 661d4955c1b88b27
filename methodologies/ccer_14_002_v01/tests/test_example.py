"""The CCER-14-002-V01 example: provisional, SOC by planting year, the ex-ante plan.

The removals are recomputed by hand in tests/test_sink_examples.py; here the provisional listing
and the parent's SOC default as a provisional, overridable value.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.estimation import estimate
from methodologies.ccer_14_002_v01 import INFO

DATA = Path(__file__).resolve().parent.parent / "data"


def test_provisional_listing_and_ordinary_units() -> None:
    r = compute(load_project(DATA / "example.toml"))
    assert tuple(p["name"] for p in r.provisional) == INFO.provisional
    assert r.period_figures == []


def test_the_soc_default_is_a_provisional_override() -> None:
    data = tomllib.loads((DATA / "example.toml").read_text("utf-8"))
    data["parameters"] = {"soc_accrual_rate": "0.25 t C/ha/yr"}
    half = compute(project_from_dict(data, base_dir=DATA))
    full = compute(load_project(DATA / "example.toml"))
    soc = {r: next(e for e in x.trail.entries if e.equation == "prov. (4)").output.sum()
           for r, x in (("half", half), ("full", full))}
    assert soc["half"] == pytest.approx(soc["full"] / 2, rel=1e-12)


def test_ex_ante_with_soil_carbon() -> None:
    # the ex-ante example: 25 ha planted in 2021, nothing grown that year; SOC by prov. (4),
    # 44/12 × 25 × 0.5 (the parent's dSOC, provisional), halved by the project's 0.25
    data = tomllib.loads((DATA / "example_ex_ante.toml").read_text("utf-8"))
    full = estimate(project_from_dict(data, base_dir=DATA))
    data["parameters"] = {"soc_accrual_rate": "0.25 t C/ha/yr"}
    half = estimate(project_from_dict(data, base_dir=DATA))
    assert full.years[0].values["emission_reductions"] == pytest.approx(44 / 12 * 25 * 0.5,
                                                                        rel=1e-12)
    assert half.years[0].values["emission_reductions"] == pytest.approx(44 / 12 * 25 * 0.25,
                                                                        rel=1e-12)
    (rate,) = [p for p in half.result.provisional if p["name"] == "soc_accrual_rate"]
    assert (rate["value"], rate["origin"]) == (0.25, "project")
