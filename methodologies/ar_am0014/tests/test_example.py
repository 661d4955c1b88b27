"""The AR-AM0014 example: eq. (4) SOC, tCER/lCER of eq. (7)-(8), and the ex-ante plan.

The removals are recomputed by hand in tests/test_sink_examples.py; here the parts AR-AM0014
v03.0 adds: SOC at 0.50 t C/ha/yr per hectare planted (para. 17) and the per-period credits.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.tools.forestry.sink_exante import ExAntePlan, PlantingCohort
from ccer_calc.units import Quantity

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
    # 60 ha planted in 2025: no tree stock in the planting year; SOC 44/12 × 60 × 0.5 = 110
    plan = ExAntePlan((PlantingCohort(2025, Quantity(60, "ha"), "M1", Quantity(150, "t/ha"),
                                      Quantity(0.12, "1/yr"), 1.5),), (2025, 2026))
    m = get_methodology("AR-AM0014")
    with_soc = m.ex_ante_removals(plan, soil_carbon=True)  # type: ignore[attr-defined]
    without = m.ex_ante_removals(plan)  # type: ignore[attr-defined]
    diff = [a["net"] - b["net"] for a, b in zip(with_soc.by_year(), without.by_year(),
                                                 strict=True)]
    assert diff == pytest.approx([110.0, 110.0], rel=1e-12)
    trees_2026 = 44 / 12 * 0.47 * 60 * 150 * (1 - math.exp(-0.12)) ** 1.5
    assert without.by_year()[1]["net"] == pytest.approx(trees_2026, rel=1e-12)
