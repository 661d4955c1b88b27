"""The CCER-14-001-V01 example: provisional everywhere, ordinary units, the ex-ante plan.

The removals are recomputed by hand in tests/test_sink_examples.py; here what makes the plug-in
provisional: every value and rule taken from the CDM parent is listed in the result and its
warning, the units are ordinary CCER units (no tCER/lCER), and the status says provisional.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.estimation import estimate
from methodologies.ccer_14_001_v01 import INFO

DATA = Path(__file__).resolve().parent.parent / "data"


def test_every_provisional_value_is_in_the_result() -> None:
    r = compute(load_project(DATA / "example.toml"))
    assert r.methodology["status"].startswith("provisional")
    assert tuple(p["name"] for p in r.provisional) == INFO.provisional
    assert all("provisional" in p["source"] for p in r.provisional)
    (w,) = [w for w in r.warnings if w.code == "provisional_methodology"]
    assert "not final" in w.message_en and "并非最终结果" in w.message_zh
    assert r.period_figures == []  # ordinary CCER units
    d = r.to_dict()
    assert d["provisional"] == r.provisional and d["methodology"]["accounts"] == "removals"


def test_an_overridden_provisional_value_is_listed_as_the_projects() -> None:
    import tomllib  # noqa: PLC0415

    from ccer_calc.api import project_from_dict  # noqa: PLC0415

    data = tomllib.loads((DATA / "example.toml").read_text("utf-8"))
    data["parameters"]["carbon_fraction_tree"] = "0.5 t C/t"
    r = compute(project_from_dict(data, base_dir=DATA))
    (cf,) = [p for p in r.provisional if p["name"] == "carbon_fraction_tree"]
    assert (cf["value"], cf["origin"]) == (0.5, "project")
    base = compute(load_project(DATA / "example.toml"))
    # trees scale with CF; shrubs (CF_S), dead wood (DF × trees) and SOC do not all: ER grows
    assert r.totals["emission_reductions"] > base.totals["emission_reductions"]


def test_ex_ante_is_provisional_too() -> None:
    # the ex-ante example without SOC: 2022 holds the first year of growth of the three
    # cohorts planted in 2021, with dead wood at 6 % (AR-TOOL12 v03.1 table 5): 1.06 × 44/12 ×
    # 0.47 × (70 × 220 (1 − e^−0.07)^2.4 + 130 × 180 (1 − e^−0.08)^2.2) (AR-TOOL14 eq. 12, 11)
    data = tomllib.loads((DATA / "example_ex_ante.toml").read_text("utf-8"))
    data["inputs"]["pools"] = ["dead_wood"]
    del data["inputs"]["soc"]
    est = estimate(project_from_dict(data, base_dir=DATA))
    er = {y.year: y.values["emission_reductions"] for y in est.years}
    grown = (70 * 220 * (1 - math.exp(-0.07)) ** 2.4 + 130 * 180 * (1 - math.exp(-0.08)) ** 2.2)
    assert er[2021] == 0.0
    assert er[2022] == pytest.approx(1.06 * 44 / 12 * 0.47 * grown, rel=1e-12)
    assert tuple(p["name"] for p in est.result.provisional) == INFO.provisional
    assert any(w.code == "provisional_methodology" for w in est.result.warnings)
