"""The four sink examples recomputed by hand from their CSV files, independently of the engine.

The examples are illustrative (invented inventories and models), so the reference is the
methodologies' own arithmetic redone here with csv and numpy, following the printed texts:

* trees: AR-TOOL14 v04.2 App. 1 eq. (4)/(5) per tree (the model forms of the bundled catalogue:
  ``power`` a·D^b kg, ``power_height`` a·D^b·H^c m³, ``power_wd_d2h`` a·(WD·D²·H)^b kg; volume ×
  D_j × BEF_2,j), the root-shoot function of para. 5 on the plot's above-ground biomass per
  hectare, eq. (1)-(3) per plot, eq. (12)-(17) per estimate with t at 90 % and n − M degrees of
  freedom, eq. (1)-(2) between estimates and Appendix 2 (project side);
* shrubs eq. (26)-(27); dead wood and litter AR-TOOL12 v03.1 eq. (9)/(15) with the tropical
  default factors of section 8.1; SOC by AR-TOOL16 v01.1.0 eq. (1)-(8) (AR-ACM0003,
  CCER-14-001-V01) or by AR-AM0014 v03.0 eq. (4) (AR-AM0014, CCER-14-002-V01);
* the change between two estimates spread over their days (AR-TOOL14 eq. 11, linear change),
  summed into monitoring periods and calendar years by days; baseline zero (para. 12).

The t values are scipy.stats.t.ppf(0.95, df), computed outside the tests (scipy is not a
dependency). Same algebra in another order: rel 1e-12.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, load_project

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
EXAMPLES = {"AR-ACM0003": "ar_acm0003", "AR-AM0014": "ar_am0014",
            "CCER-14-001-V01": "ccer_14_001_v01", "CCER-14-002-V01": "ccer_14_002_v01"}
#: scipy.stats.t.ppf(0.95, df) for the examples' n − M.
T95 = {23: 1.713871527747048, 14: 1.761310135774891, 22: 1.7171443743802424,
       15: 1.753050355692572}
CO2_C = 44 / 12
CF = 0.47  # AR-TOOL14 v04.2 CF_TREE and CF_S
DF = {"dead_wood": 0.01, "litter": 0.01}  # AR-TOOL12 v03.1 tropical, < 2000 m, 1000-1600 mm
DF_WET = {"dead_wood": 0.06, "litter": 0.01}  # tropical, < 2000 m, > 1600 mm


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return [{k.split(" [")[0]: v for k, v in r.items()} for r in csv.DictReader(lines)]


def _models() -> dict[str, dict[str, str]]:
    text = resources.files("ccer_calc.tools.data.forestry").joinpath(
        "allometric_models.csv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    return {r["model"]: r for r in csv.DictReader(lines)}


def _model_value(m: dict[str, str], d: float, h: float, wd: float) -> float:
    a, b = float(m["a"]), float(m["b"])
    if m["form"] == "power":
        return a * d ** b
    if m["form"] == "power_height":
        return a * d ** b * h ** float(m["c"])
    assert m["form"] == "power_wd_d2h"
    return a * (wd * d * d * h) ** b


def _stock(folder: Path, plots_file: str, trees_file: str
           ) -> tuple[float, float, dict[str, float]]:
    """C_TREE [t CO2], its uncertainty u_C and the stratum means b_i, by hand."""
    species = {r["species"]: r for r in _rows(folder / "species.csv")}
    models = _models()
    strata = {r["stratum"]: float(r["area"]) for r in _rows(folder / "strata.csv")}
    plots = {r["plot"]: r for r in _rows(folder / plots_file)}
    agb: dict[str, float] = defaultdict(float)
    trees = _rows(folder / trees_file)
    for t in trees:
        s = species[t["species"]]
        d, h, wd = float(t["diameter"]), float(t["height"]), float(s["wood_density"])
        if s["route"] == "volume":
            t["agb"] = (_model_value(models[s["volume_model"]], d, h, wd) * wd
                        * float(s["biomass_expansion_factor"]))
        else:
            t["agb"] = _model_value(models[s["biomass_model"]], d, h, wd) / 1000.0
        agb[t["plot"]] += t["agb"]
    area = {p: float(r["area"]) / 1e4 for p, r in plots.items()}  # m² → ha
    total: dict[str, float] = defaultdict(float)
    for t in trees:
        s = species[t["species"]]
        if s["root_shoot_method"] == "fixed":
            r = float(s["root_shoot_ratio"])
        else:  # AR-TOOL14 App. 1 para. 5, b = above-ground biomass per ha of the plot
            b = agb[t["plot"]] / area[t["plot"]]
            r = math.exp(-1.085 + 0.9256 * math.log(b)) / b
        total[t["plot"]] += t["agb"] * (1 + r)
    by_stratum: dict[str, list[float]] = defaultdict(list)
    for p, r in plots.items():
        by_stratum[r["stratum"]].append(total[p] / area[p])
    a_total = sum(strata.values())
    means = {i: float(np.mean(v)) for i, v in by_stratum.items()}
    b = sum(strata[i] / a_total * means[i] for i in strata)
    var = sum((strata[i] / a_total) ** 2 * float(np.var(v, ddof=1)) / len(v)
              for i, v in by_stratum.items())
    t_val = T95[len(plots) - len(strata)]
    return CO2_C * CF * a_total * b, t_val * math.sqrt(var) / b, means


def _discount(u: float) -> float:
    """AR-TOOL14 v04.2 Appendix 2, Table 1: share of the half-width deducted."""
    for bound, share in ((0.10, 0.0), (0.15, 0.25), (0.20, 0.50), (0.30, 0.75)):
        if u <= bound:
            return share
    return 1.0


def _shrubs(folder: Path, name: str, forest_biomass: float) -> float:
    """C_SHRUB [t CO2], AR-TOOL14 eq. (26)-(27): BDR_SF 0.10, R_S 0.40, CF_S 0.47."""
    rows = _rows(folder / name)
    return CO2_C * CF * 1.4 * sum(float(r["area"]) * (0.10 * forest_biomass
                                                       * float(r["crown_cover"]) / 100
                                                       if float(r["crown_cover"]) >= 5 else 0)
                                  for r in rows)


def _days(a: dt.date, b: dt.date) -> int:
    return (b - a).days + 1


def _spread(start: dt.date, end: dt.date, change: float, out: dict[int, float]) -> None:
    """A change over start..end added to calendar years by days (AR-TOOL14 eq. 11)."""
    n = _days(start, end)
    for y in range(start.year, end.year + 1):
        a, b = max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31))
        out[y] += change * _days(a, b) / n


def _annual(start: dt.date, end: dt.date, rate_of: dict[int, float], out: dict[int, float]
            ) -> None:
    """A rate per calendar year [t CO2/yr] over start..end, by the days of each year."""
    for y in range(start.year, end.year + 1):
        a, b = max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31))
        out[y] += rate_of.get(y, 0.0) * _days(a, b) / (366 if calendar.isleap(y) else 365)


def _soc_rates(project: dict, folder: str) -> dict[int, float]:
    """Annual ΔSOC [t CO2/yr] of the example, by hand from the printed texts."""
    if "soc" not in project["inputs"]["pools"]:
        return {}
    if folder in ("ar_acm0003", "ccer_14_001_v01"):  # AR-TOOL16 v01.1.0 eq. (1)-(8)
        st = project["inputs"]["soc"]["strata"][0]
        ref = 63.0  # Table 3, warm temperate moist, LAC
        f_mg = {"moderately_degraded": 0.95, "severely_degraded": 0.70}[st["management"]]
        initial = ref * 1.0 * f_mg * 1.0  # Table 6: f_LU 1.00, f_IN (low/medium) 1.00
        rate = min((ref - initial) / 20, 0.8)  # eq. (6)-(7); no SOC loss below 10 % (eq. 3)
        prep, area = st["preparation_year"], float(st["area"].split()[0])
        return {y: CO2_C * area * rate for y in range(prep + 1, prep + 21)}
    out: dict[int, float] = defaultdict(float)  # AR-AM0014 v03.0 eq. (4): 0.50 t C/ha/yr
    for p in project["inputs"]["planting"]:
        for y in range(p["year"], p["year"] + 21):
            out[y] += CO2_C * float(p["area"].split()[0]) * 0.50
    return out


def _by_hand(folder: str) -> tuple[dict[str, float], dict[int, float]]:
    path = ROOT / folder / "data"
    project = tomllib.loads((path / "example.toml").read_text("utf-8"))
    inputs = project["inputs"]
    dates = [inputs["initial"]["date"]]
    stocks, unc = [0.0], [0.0]
    for m in inputs["measurements"]:
        c, u, _ = _stock(path, m["plots"], m["trees"])
        stocks.append(c)
        unc.append(u)
        dates.append(max(dt.date.fromisoformat(r["date"]) for r in _rows(path / m["plots"])))
    by_year: dict[int, float] = defaultdict(float)
    wet = float(inputs.get("climate", {}).get("precipitation", "0 x").split()[0]) > 1600
    factors = DF_WET if wet else DF
    shrubs = None
    if "shrubs" in inputs["initial"]:
        b_forest = float(project["parameters"]["forest_biomass"].split()[0])
        names = [inputs["initial"]["shrubs"]] + [m["shrubs"] for m in inputs["measurements"]]
        shrubs = [_shrubs(path, n, b_forest) for n in names]
    for k in range(1, len(dates)):
        change = stocks[k] - stocks[k - 1]
        u = math.hypot(unc[k - 1] * stocks[k - 1], unc[k] * stocks[k]) / abs(change)
        total = change - _discount(u) * u * abs(change)
        for pool in ("dead_wood", "litter"):
            if pool in inputs["pools"]:
                total += factors[pool] * change
        if shrubs is not None:
            total += shrubs[k] - shrubs[k - 1]
        _spread(dates[k - 1] + dt.timedelta(days=1), dates[k], total, by_year)
    soc = _soc_rates(project, folder)
    _annual(dates[0] + dt.timedelta(days=1), dates[-1], soc, by_year)
    periods = {}
    for p in project["monitoring"]["periods"]:
        one: dict[int, float] = defaultdict(float)
        for k in range(1, len(dates)):
            a, b = dates[k - 1] + dt.timedelta(days=1), dates[k]
            if p["start"] <= a and b <= p["end"]:
                _spread(a, b, _interval_total(k, stocks, unc, inputs, factors=factors,
                                                    shrubs=shrubs), one)
        _annual(p["start"], p["end"], soc, one)
        periods[p["id"]] = math.fsum(one.values())
    return periods, dict(by_year)


def _interval_total(k: int, stocks: list[float], unc: list[float], inputs: dict, *,
                    factors: dict[str, float], shrubs: list[float] | None) -> float:
    change = stocks[k] - stocks[k - 1]
    u = math.hypot(unc[k - 1] * stocks[k - 1], unc[k] * stocks[k]) / abs(change)
    total = change - _discount(u) * u * abs(change)
    total += sum(factors[p] * change for p in ("dead_wood", "litter") if p in inputs["pools"])
    return total + (shrubs[k] - shrubs[k - 1] if shrubs is not None else 0.0)


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest) -> tuple[str, object]:
    folder = EXAMPLES[request.param]
    return folder, compute(load_project(ROOT / folder / "data" / "example.toml"))


def test_periods_and_vintages_equal_the_hand_calculation(example: tuple[str, object]) -> None:
    folder, result = example
    periods, years = _by_hand(folder)
    for p in result.periods:
        assert p.values["emission_reductions"] == pytest.approx(periods[p.id], rel=1e-12)
    assert [v.year for v in result.vintages] == sorted(years)
    for v in result.vintages:
        assert v.values["emission_reductions"] == pytest.approx(years[v.year], rel=1e-12)
        assert v.issuable == math.floor(years[v.year])


def test_er_is_the_net_removals_and_pe_the_actual_removals(example: tuple[str, object]) -> None:
    """Sign convention: BE = −ΔC_BSL (zero here), PE = −ΔC_ACTUAL, LE = 0, ER = ΔC_AR."""
    _, result = example
    for p in result.periods:
        v = p.values
        assert v["baseline_emissions"] == 0.0
        assert v["leakage_emissions"] == 0.0
        assert v["project_emissions"] == pytest.approx(-v["emission_reductions"], rel=1e-12)


def test_stock_estimates_match_the_trail(example: tuple[str, object]) -> None:
    folder, result = example
    path = ROOT / folder / "data"
    project = tomllib.loads((path / "example.toml").read_text("utf-8"))
    for m in project["inputs"]["measurements"]:
        c, u, means = _stock(path, m["plots"], m["trees"])
        date = max(r["date"] for r in _rows(path / m["plots"]))
        (stock,) = [e for e in result.trail.entries if e.key == f"AR-TOOL14 (12)[{date}]"]
        (unc,) = [e for e in result.trail.entries if e.key == f"AR-TOOL14 (15)[{date}]"]
        (mean,) = [e for e in result.trail.entries if e.key == f"AR-TOOL14 (16)[{date}]"]
        assert float(stock.output) == pytest.approx(c, rel=1e-12)
        assert float(unc.output) == pytest.approx(u, rel=1e-12)
        assert mean.output.tolist() == pytest.approx([means[i] for i in sorted(means)],
                                                     rel=1e-12)
