"""The AR-ACM0003 example: tCER and lCER per verification period, a reversal, the ex-ante plan.

The example's removals are recomputed by hand in tests/test_sink_examples.py; here the figures
AR-ACM0003 v02.0 adds on top of them: eq. (6) tCER_t2 = Σ from year 1 to t2, eq. (7) lCER_t2 =
Σ over the verification period (negative: lCERs to replace, para. 20).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.tools.forestry.sink_exante import ExAntePlan, PlantingCohort
from ccer_calc.units import Quantity

DATA = Path(__file__).resolve().parent.parent / "data"


def _figures(result: object) -> dict[str, list[float]]:
    return {f["name"]: [v["value"] for v in f["values"]]
            for f in result.period_figures}  # type: ignore[attr-defined]


def test_tcer_is_cumulative_and_lcer_the_period() -> None:
    r = compute(load_project(DATA / "example.toml"))
    er = [p.values["emission_reductions"] for p in r.periods]
    fig = _figures(r)
    assert fig["tCER"] == pytest.approx([er[0], er[0] + er[1]], rel=1e-12)
    assert fig["lCER"] == pytest.approx(er, rel=1e-12)
    assert [e.key for e in r.trail.entries if e.equation in ("(6)", "(7)")] == [
        "(6)[VP1]", "(6)[VP2]", "(7)[VP1]", "(7)[VP2]"]
    assert r.provisional == []
    assert r.methodology["accounts"] == "removals"


def test_a_reversal_gives_lcers_to_replace(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(DATA, folder)
    lines = (folder / "trees_2023.csv").read_text("utf-8").splitlines()
    out = []
    for ln in lines:  # a storm: every tree of 2023 at 45 % of its diameter (within the models)
        cells = ln.split(",")
        if len(cells) == 5 and cells[2][:1].isdigit():
            cells[2] = f"{max(float(cells[2]) * 0.45, 5.3):.1f}"
        out.append(",".join(cells))
    (folder / "trees_2023.csv").write_text("\n".join(out) + "\n", "utf-8")
    r = compute(load_project(folder / "example.toml"))
    fig = _figures(r)
    assert fig["lCER"][1] < 0  # para. 20: lCERs to be replaced
    assert fig["lCER"][1] == pytest.approx(r.periods[1].values["emission_reductions"], rel=1e-12)
    assert fig["tCER"][1] == pytest.approx(math.fsum(fig["lCER"]), rel=1e-12)
    (note,) = [f["note_en"] for f in r.period_figures if f["name"] == "lCER"]
    assert "to be replaced" in note and "para. 20" in note
    assert any(w.code == "negative_vintage" for w in r.warnings)


def test_ex_ante_removals_of_a_planting_plan() -> None:
    # two cohorts of one stratum; tree carbon = 44/12 × 0.47 × Σ A_c × 200 (1 − e^−0.1a)², a =
    # year − planting year; ΔC of a year is the stock minus that of the year before (eq. 11)
    plan = ExAntePlan((PlantingCohort(2025, Quantity(100, "ha"), "S1", Quantity(200, "t/ha"),
                                      Quantity(0.1, "1/yr"), 2.0),
                       PlantingCohort(2026, Quantity(50, "ha"), "S1", Quantity(200, "t/ha"),
                                      Quantity(0.1, "1/yr"), 2.0)), (2025, 2026, 2027))
    r = get_methodology("AR-ACM0003").ex_ante_removals(plan)  # type: ignore[attr-defined]

    def stock(year: int) -> float:
        grow = [(100, year - 2025), (50, year - 2026)]
        return 44 / 12 * 0.47 * sum(a * 200 * (1 - math.exp(-0.1 * g)) ** 2
                                    for a, g in grow if g > 0)

    expected = [stock(y) - stock(y - 1) for y in (2025, 2026, 2027)]
    assert [row["net"] for row in r.by_year()] == pytest.approx(expected, rel=1e-12)
    assert np.all(r.baseline.quantity.magnitude == 0)
    assert "not subject to uncertainty control" in r.uncertainty_control


def test_ex_ante_refuses_an_unknown_parameter() -> None:
    from ccer_calc.errors import InputError  # noqa: PLC0415

    plan = ExAntePlan((PlantingCohort(2025, Quantity(1, "ha"), "S1", Quantity(1, "t/ha"),
                                      Quantity(0.1, "1/yr"), 1.0),), (2025,))
    with pytest.raises(InputError, match="unknown parameter"):
        get_methodology("AR-ACM0003").ex_ante_removals(  # type: ignore[attr-defined]
            plan, overrides={"carbon_fraction": Quantity(0.5, "t C/t")})
