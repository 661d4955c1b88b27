"""The AR-ACM0003 examples: tCER and lCER per verification period, a reversal, the ex-ante plan.

The example's removals are recomputed by hand in tests/test_sink_examples.py; here the figures
AR-ACM0003 v02.0 adds on top of them: eq. (6) tCER_t2 = Σ from year 1 to t2, eq. (7) lCER_t2 =
Σ over the verification period (negative: lCERs to replace, para. 20).
"""

from __future__ import annotations

import math
import shutil
import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import InputError
from ccer_calc.estimation import estimate

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


def _ex_ante() -> dict[str, object]:
    return tomllib.loads((DATA / "example_ex_ante.toml").read_text("utf-8"))


def test_ex_ante_two_cohorts_of_one_stratum() -> None:
    # stratum S1 (80 ha): 50 ha planted in 2016, 30 ha in 2017, A = 200 t/ha, k = 0.1, c = 2
    # (AR-TOOL14 v04.2 para. 46-47); tree carbon = 44/12 × 0.47 × Σ A_c × 200 (1 − e^−0.1a)²
    # with a = year − planting year (eq. 12); ΔC of a year is the stock minus that of the year
    # before (eq. 11, T = 1 year); no optional pool, baseline zero, no leakage: ER = ΔC
    # (AR-ACM0003 v02.0 eq. 1-5)
    data = _ex_ante()
    data["inputs"]["pools"] = []  # type: ignore[index]
    del data["inputs"]["soc"]  # type: ignore[attr-defined]
    del data["scenarios"]
    curve = {"species": "example_conifer", "asymptote": "200 t/ha", "rate": "0.1 1/yr",
             "shape": 2.0, "source": "test"}
    data["expected"] = {"growth": [curve], "planting": [
        {"year": 2016, "stratum": "S1", "species": "example_conifer", "area": "50 ha"},
        {"year": 2017, "stratum": "S1", "species": "example_conifer", "area": "30 ha"}]}
    est = estimate(project_from_dict(data, base_dir=DATA))

    def stock(year: int) -> float:
        grow = [(50, year - 2016), (30, year - 2017)]
        return 44 / 12 * 0.47 * sum(a * 200 * (1 - math.exp(-0.1 * g)) ** 2
                                    for a, g in grow if g > 0)

    er = {y.year: y.values["emission_reductions"] for y in est.years}
    assert [er[y] for y in range(2015, 2020)] == pytest.approx(
        [stock(y) - stock(y - 1) for y in range(2015, 2020)], rel=1e-12)
    assert all(y.values["baseline_emissions"] == 0.0 for y in est.years)
    assert est.result.period_figures == []  # tCER/lCER are issued on verification


def test_ex_ante_refuses_an_unknown_parameter() -> None:
    data = _ex_ante()
    data["parameters"] = {"carbon_fraction": "0.5 t C/t"}
    with pytest.raises(InputError, match="unknown parameter"):
        project_from_dict(data, base_dir=DATA)
