"""The AR-AM0014 example: eq. (4) SOC, tCER/lCER of eq. (7)-(8), and the ex-ante plan.

The removals are recomputed by hand in tests/test_sink_examples.py; here the parts AR-AM0014
v03.0 adds: SOC at 0.50 t C/ha/yr per hectare planted (para. 17) and the per-period credits.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.estimation import estimate

DATA = Path(__file__).resolve().parent.parent / "data"


def test_soc_of_the_first_year_is_the_first_planting_only() -> None:
    r = compute(load_project(DATA / "example.toml"))
    (soc,) = [e for e in r.trail.entries if e.equation == "(4)"]
    first = next(k for k, label in enumerate(r.trail.axis) if label.startswith("2014-"))
    # AR-AM0014 v03.0 eq. (4): 2014 holds only the 35 ha planted in 2014: 44/12 × 35 × 0.5
    assert float(soc.output[first]) == pytest.approx(44 / 12 * 35 * 0.5, rel=1e-12)


def test_tcer_and_lcer_per_verification_period() -> None:
    r = compute(load_project(DATA / "example.toml"))
    er = [p.values["emission_reductions"] for p in r.periods]
    fig = {f["name"]: [v["value"] for v in f["values"]] for f in r.period_figures}
    assert fig["tCER"] == pytest.approx([er[0], math.fsum(er)], rel=1e-12)
    assert fig["lCER"] == pytest.approx(er, rel=1e-12)
    assert [f["equation"] for f in r.period_figures] == ["(7)", "(8)"]


def test_ex_ante_with_soil_carbon() -> None:
    # the ex-ante example: 35 ha of example_mangrove planted in 2014 (A = 180 t/ha, k = 0.10,
    # c = 2), 25 ha of example_kandelia in 2015. 2014: no tree yet, SOC of eq. (4) 44/12 × 35 ×
    # 0.5 = 64.1667; 2015: SOC of both plantings 44/12 × 60 × 0.5 = 110, and the first year's
    # trees with their dead wood: 44/12 × 0.47 × 35 × 180 (1 − e^−0.1)² × (1 + 6 %) (AR-TOOL14
    # eq. 12 and 11; AR-TOOL12 v03.1 table 5, tropical, below 2000 m, above 1600 mm: DF_DW 6 %)
    est = estimate(load_project(DATA / "example_ex_ante.toml"))
    er = {y.year: y.values["emission_reductions"] for y in est.years}
    assert er[2014] == pytest.approx(44 / 12 * 35 * 0.5, rel=1e-12)
    trees = 44 / 12 * 0.47 * 35 * 180 * (1 - math.exp(-0.1)) ** 2
    assert er[2015] == pytest.approx(110.0 + trees * 1.06, rel=1e-12)
    assert est.result.period_figures == []
