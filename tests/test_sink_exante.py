"""The sinks' ex-ante estimate (issues #10 and #15): a planting schedule and growth models
through the plug-ins' own equations, worked by hand, and the refusals of bad plans.

Hand-worked numbers follow the published formulas: the Chapman-Richards curve y(a) = A (1 −
e^(−k a))^c (Richards 1959, Chapman 1961; admitted by AR-TOOL14 v04.2 section 8.2, para. 47),
the planting cohorts of para. 46, the carbon conversion C_TREE = 44/12 × CF_TREE × B_TREE of
AR-TOOL14 eq. (12) with CF_TREE = 0.47 (para. 35), the annual change of eq. (11) with T = 1 year,
and the methodologies' eq. (1)-(5) (AR-ACM0003 v02.0), (1)-(6) (AR-AM0014 v03.0) and their
provisional CCER versions: ER = ΔC_ACTUAL − ΔC_BSL − LK, BE = −ΔC_BSL, PE = −ΔC_ACTUAL.
"""

from __future__ import annotations

import copy
import math
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.errors import ApplicabilityError, InputError
from ccer_calc.estimation import estimate
from ccer_calc.project import Project

SINKS = ["AR-ACM0003", "AR-AM0014", "CCER-14-001-V01", "CCER-14-002-V01"]
#: First stratum of each example's strata.csv (area, ha) and a species of its species.csv.
FIRST = {"AR-ACM0003": ("S1", 80.0, "example_conifer"),
         "AR-AM0014": ("M1", 35.0, "example_mangrove"),
         "CCER-14-001-V01": ("A1", 70.0, "example_conifer"),
         "CCER-14-002-V01": ("T1", 25.0, "example_mangrove")}
#: 44/12 × CF_TREE (AR-TOOL14 v04.2 eq. 12, CF_TREE = 0.47 t C/t, para. 35).
CO2_PER_BIOMASS = 44 / 12 * 0.47
RTOL = 1e-12


def _folder(mid: str) -> Path:
    pkg = type(get_methodology(mid)).__module__.rpartition(".")[0]
    return Path(str(resources.files(pkg).joinpath("data")))


def _data(mid: str) -> dict[str, Any]:
    text = (_folder(mid) / "example_ex_ante.toml").read_text("utf-8")
    return copy.deepcopy(tomllib.loads(text))


def _load(mid: str, data: dict[str, Any]) -> Project:
    return project_from_dict(data, base_dir=_folder(mid))


def _one_cohort(mid: str, *, planted: int | None = None) -> dict[str, Any]:
    """The example with no optional pool and one cohort on the first stratum: A = 200 t/ha,
    k = 0.1/yr, c = 2, planted in the crediting period's second year."""
    data = _data(mid)
    stratum, area, species = FIRST[mid]
    first = data["dates"]["crediting_period_start"].year
    data["inputs"]["pools"] = []
    data["inputs"].pop("soc", None)
    data.pop("scenarios", None)
    data["expected"] = {
        "planting": [{"year": planted or first + 1, "stratum": stratum, "species": species,
                      "area": f"{area} ha"}],
        "growth": [{"species": species, "asymptote": "200 t/ha", "rate": "0.1 1/yr",
                    "shape": 2.0, "source": "test curve"}]}
    return data


def _curve(a: float) -> float:
    """y(a) = 200 (1 − e^(−0.1 a))², zero before planting [t/ha]."""
    return 200.0 * (1.0 - math.exp(-0.1 * a)) ** 2 if a > 0 else 0.0


def _er(est: Any) -> dict[int, float]:
    return {y.year: y.values["emission_reductions"] for y in est.years}


# --- one cohort by hand ------------------------------------------------------------------------

@pytest.mark.parametrize("mid", SINKS)
def test_one_cohort_by_hand(mid: str) -> None:
    data = _one_cohort(mid)
    _, area, _ = FIRST[mid]
    est = estimate(_load(mid, data))
    p = data["dates"]["crediting_period_start"].year + 1
    # ΔC_TREE,t = 44/12 × 0.47 × A_c × (y(t − p) − y(t − 1 − p)), eq. (12) and (11) with T = 1
    expected = {y.year: CO2_PER_BIOMASS * area * (_curve(y.year - p) - _curve(y.year - 1 - p))
                for y in est.years}
    assert _er(est) == pytest.approx(expected, rel=RTOL, abs=1e-9)
    first = est.years[0].year
    assert _er(est)[first] == 0.0 and _er(est)[p] == 0.0  # before and in the planting year
    for y in est.years:  # baseline zero (AR-TOOL14 para. 12), no leakage; PE = −ΔC_ACTUAL
        v = y.values
        assert (v["baseline_emissions"], v["leakage_emissions"]) == (0.0, 0.0)
        assert v["project_emissions"] == -v["emission_reductions"]


def test_one_cohort_in_numbers() -> None:
    # 80 ha planted in 2016 (AR-ACM0003 example, stratum S1), A = 200 t/ha, k = 0.1, c = 2:
    # 2017: 44/12 × 0.47 × 80 × 200 × (1 − e^−0.1)² = 249.70181824716946 t CO2e
    # 2018: 44/12 × 0.47 × 80 × 200 × ((1 − e^−0.2)² − (1 − e^−0.1)²) = 656.3176547017522
    # 2044 (age 28 vs 27) is the last year of the crediting period 2015-2044
    est = estimate(_load("AR-ACM0003", _one_cohort("AR-ACM0003")))
    er = _er(est)
    assert er[2017] == pytest.approx(249.70181824716946, rel=1e-12)
    assert er[2018] == pytest.approx(656.3176547017522, rel=1e-12)
    # the total is the stock at the end of 2044: 44/12 × 0.47 × 80 × y(28)
    assert est.totals["emission_reductions"] == pytest.approx(
        CO2_PER_BIOMASS * 80 * _curve(28), rel=RTOL)
    entries = {e.equation: e for e in est.result.trail.entries}
    curve = entries["AR-TOOL14 para. 47 (Chapman-Richards)"]
    # the curve at age 10 (2026): 200 × (1 − e^−1)² = 79.9152801787456 t/ha
    assert np.asarray(curve.output)[2026 - 2015, 0] == pytest.approx(79.9152801787456, rel=RTOL)
    stock = entries["AR-TOOL14 (12)"]
    assert np.asarray(stock.output)[2026 - 2015] == pytest.approx(
        CO2_PER_BIOMASS * 80 * 79.9152801787456, rel=RTOL)


@pytest.mark.parametrize("mid", SINKS)
def test_growth_inputs_enter_the_trail_as_expected_values(mid: str) -> None:
    est = estimate(_load(mid, _data(mid)))
    entry = next(e for e in est.result.trail.entries
                 if e.equation == "AR-TOOL14 para. 47 (Chapman-Richards)")
    origins = {i.name: (i.origin, i.ref) for i in entry.inputs}
    assert origins["asymptote"] == ("expected", "growth models, column asymptote")
    assert origins["growth_rate"] == ("expected", "growth models, column rate")
    assert origins["age"][0] == "computed"
    assert est.result.period_figures == []  # no tCER/lCER: no verification ex ante
    assert not {e.equation for e in est.result.trail.entries} & {"AR-TOOL14 (15)",
                                                                  "AR-TOOL14 App. 2 (project)"}


def test_a_crediting_period_starting_mid_year_takes_the_days() -> None:
    # CCER-14-001-V01 from 2021-07-01 to 2051-06-30: the change of 2051 (AR-TOOL14 eq. 11)
    # times 181/365 days (its form by days), of 2021 times 184/365 (nothing grown yet)
    data = _one_cohort("CCER-14-001-V01", planted=2021)
    data["dates"].update(crediting_period_start="2021-07-01", crediting_period_end="2051-06-30")
    est = estimate(_load("CCER-14-001-V01", data))
    er = _er(est)
    assert [y.days for y in (est.years[0], est.years[-1])] == [184, 181]
    full = CO2_PER_BIOMASS * 70 * (_curve(30) - _curve(29))
    assert er[2051] == pytest.approx(full * 181 / 365, rel=RTOL)
    assert er[2030] == pytest.approx(CO2_PER_BIOMASS * 70 * (_curve(9) - _curve(8)), rel=RTOL)


# --- pools, baseline, leakage ------------------------------------------------------------------

def test_dead_wood_and_litter_by_the_default_factors() -> None:
    # AR-TOOL12 v03.1 tables 5 and 6, tropical, below 2000 m, above 1600 mm: DF_DW = 6 %,
    # DF_LI = 1 % of the tree carbon; eq. (9) and (15) are linear in the stock, so the projected
    # change is DF × ΔC_TREE,t, and AR-ACM0003 eq. (3) adds them: ΔC_P = 1.07 × ΔC_TREE
    data = _one_cohort("AR-ACM0003")
    data["inputs"]["pools"] = ["dead_wood", "litter"]
    data["inputs"]["climate"]["precipitation"] = "1800 mm/yr"
    er = _er(estimate(_load("AR-ACM0003", data)))
    assert er[2017] == pytest.approx(1.07 * 249.70181824716946, rel=RTOL)


@pytest.mark.parametrize("mid", ["AR-AM0014", "CCER-14-002-V01"])
def test_soc_by_planting_year_from_the_schedule(mid: str) -> None:
    # AR-AM0014 v03.0 eq. (4): 44/12 × A_PLANT × dSOC, dSOC = 0.5 t C/ha/yr from the planting
    # year t_PLANT to t_PLANT + 20 (para. 17); the schedule gives A_PLANT ex ante
    data = _one_cohort(mid)
    data["inputs"]["pools"] = ["soc"]
    _, area, _ = FIRST[mid]
    est = estimate(_load(mid, data))
    p = data["dates"]["crediting_period_start"].year + 1
    soc = 44 / 12 * area * 0.5
    er = _er(est)
    assert er[p] == pytest.approx(soc, rel=RTOL)  # no tree growth in the planting year
    assert er[p + 1] == pytest.approx(soc + CO2_PER_BIOMASS * area * _curve(1), rel=RTOL)
    assert er[p + 21] == pytest.approx(CO2_PER_BIOMASS * area * (_curve(21) - _curve(20)),
                                       rel=RTOL)  # t > t_PLANT + 20: no SOC
    entry = next(e for e in est.result.trail.entries if e.equation.endswith("(4)"))
    assert {i.ref for i in entry.inputs if i.origin == "expected"} == {
        "planting schedule, column area, summed per planting year"}


def test_baseline_by_crown_cover() -> None:
    # AR-TOOL14 v04.2 eq. (10): 44/12 × 0.47 × Δb_FOREST × (1 + R) × CC × A = 44/12 × 0.47 ×
    # 2 t/ha/yr × 1.25 × 0.04 × 250 ha = 43.08333 t CO2/yr, until project year 20 (para. 25:
    # construction 2014, so 2033), zero after; BE = −ΔC_BSL (AR-ACM0003 eq. 1), ER less by it
    data = _one_cohort("AR-ACM0003")
    data["inputs"]["baseline"] = {"method": "crown_cover", "forest_crown_cover_threshold": "30 %",
                                  "shrub_cover_below_5_percent": True,
                                  "strata": [{"id": "B1", "area": "250 ha",
                                              "crown_cover": "4 %"}]}
    data["parameters"] = {"forest_biomass_increment": "2 t/ha/yr"}
    est = estimate(_load("AR-ACM0003", data))
    values = {y.year: y.values for y in est.years}
    annual = 44 / 12 * 0.47 * 2 * 1.25 * 0.04 * 250
    assert annual == pytest.approx(43.08333333333333, rel=RTOL)
    assert values[2020]["baseline_emissions"] == pytest.approx(-annual, rel=RTOL)
    assert values[2033]["baseline_emissions"] == pytest.approx(-annual, rel=RTOL)
    assert values[2034]["baseline_emissions"] == 0.0
    assert values[2017]["emission_reductions"] == pytest.approx(249.70181824716946 - annual,
                                                                rel=RTOL)


@pytest.mark.parametrize("mid", SINKS)
def test_displaced_agriculture_is_never_counted_as_zero(mid: str) -> None:
    # a CDM plug-in computes it (AR-TOOL15) from the displacements the plan expects, and refuses
    # the flag without them; the CCER afforestation text bans displacement (the mangrove
    # plug-in applies that ban provisionally)
    data = _data(mid)
    data["inputs"]["displaces_agriculture"] = True
    if mid.startswith("CCER"):
        with pytest.raises(ApplicabilityError, match="no_displaced_agriculture failed"):
            estimate(_load(mid, data))
    else:
        with pytest.raises(InputError, match=r"inputs.displaces_agriculture: displaces_agricult"
                                             r"ure is stated but no event is listed"):
            _load(mid, data)


# --- scenarios ---------------------------------------------------------------------------------

def test_a_scenario_replaces_the_growth_models() -> None:
    data = _one_cohort("AR-ACM0003")
    slow = copy.deepcopy(data["expected"]["growth"])
    slow[0]["rate"] = "0.08 1/yr"
    data["scenarios"] = {"slow": {"description": "slower", "expected": {"growth": slow}}}
    est = estimate(_load("AR-ACM0003", data))
    scenario = _er(est.scenarios["slow"])
    # 2017: 44/12 × 0.47 × 80 × 200 × (1 − e^−0.08)²
    assert scenario[2017] == pytest.approx(
        CO2_PER_BIOMASS * 80 * 200 * (1 - math.exp(-0.08)) ** 2, rel=RTOL)
    assert _er(est)[2017] == pytest.approx(249.70181824716946, rel=1e-12)
    assert est.fingerprint != est.scenarios["slow"].fingerprint


@pytest.mark.parametrize("mid", SINKS)
def test_the_examples_scenarios_grow_slower(mid: str) -> None:
    est = estimate(_load(mid, _data(mid)))
    slow = est.scenarios["slow_growth"]
    assert slow.totals["emission_reductions"] < est.totals["emission_reductions"]
    # no expected monitored quantity, but the plan's: the cohort areas and each curve's asymptote
    growth = _data(mid)["expected"]["growth"]
    assert [s.quantity for s in est.sensitivity] == [
        "cohort_areas", *(f"asymptote_G{j + 1}" for j in range(len(growth)))]
    for s in est.sensitivity:
        assert s.lower < s.base < s.higher


# --- bad plans ---------------------------------------------------------------------------------

def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node: Any = data
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value


@pytest.mark.parametrize(("path", "value", "field", "message"), [
    ("expected.planting.0.year", 2014, "expected.planting[0].year",
     r"a cohort planted outside the crediting period .*a year from 2015 to 2044"),
    ("expected.planting.0.year", 2045, "expected.planting[0].year",
     "outside the crediting period"),
    ("expected.planting.0.area", "-5 ha", "expected.planting[0].area", r"> 0 ha"),
    ("expected.planting.0.area", "0 ha", "expected.planting[0].area", r"> 0 ha"),
    ("expected.planting.0.area", "5 t", "expected.planting[0].area", "wrong dimension"),
    ("expected.planting.0.stratum", "S9", "expected.planting[0].stratum",
     r"unknown stratum \(got 'S9'; expected one of the strata of inputs.strata "
     r"\(strata.csv\): S1, S2, S3\)"),
    ("expected.planting.0.species", "oak", "expected.planting[0].species",
     r"unknown species .*example_conifer, example_broadleaf"),
    ("expected.planting.0.area", "90 ha", "expected.planting[0].area",
     r"the cohorts of stratum S1 add up to 90 ha, more than the stratum .*at most 80 ha"),
    ("expected.growth.0.asymptote", "-200 t/ha", "expected.growth[0].asymptote", "5,?000"),
    ("expected.growth.0.asymptote", "6000 t/ha", "expected.growth[0].asymptote",
     r"a value in \(0, 5000\] t/ha"),
    ("expected.growth.0.asymptote", "200 m^3/ha", "expected.growth[0].asymptote",
     "wrong dimension"),
    ("expected.growth.0.rate", "0 1/yr", "expected.growth[0].rate", r"a value in \(0, 2\]"),
    ("expected.growth.0.rate", "3 1/yr", "expected.growth[0].rate", "at most 2 per year"),
    ("expected.growth.0.shape", -1.0, "expected.growth[0].shape", "greater than 0"),
    ("expected.growth.0.shape", 25.0, "expected.growth[0].shape", "less than or equal to 20"),
    ("expected.growth.0.shape", "2", "expected.growth[0].shape", "valid number"),
    ("expected.growth.0.model", "logistic", "expected.growth[0].model", "chapman_richards"),
    ("expected.growth.0.species", "oak", "expected.growth[0].species", "unknown species"),
    ("expected.growth.0.stratum", "S9", "expected.growth[0].stratum", "unknown stratum"),
    ("expected.growth.0.source", "", "expected.growth[0].source", "at least 1 character"),
])
def test_bad_plans_are_refused_naming_the_field(path: str, value: Any, field: str,
                                                message: str) -> None:
    data = _one_cohort("AR-ACM0003")
    _set(data, path, value)
    with pytest.raises(InputError, match=message) as e:
        _load("AR-ACM0003", data)
    assert e.value.field == field


def test_a_cohort_without_a_growth_model() -> None:
    data = _one_cohort("AR-ACM0003")
    data["expected"]["planting"].append({"year": 2016, "stratum": "S2",
                                         "species": "example_broadleaf", "area": "10 ha"})
    with pytest.raises(InputError, match=r"no growth model .*species = \"example_broadleaf\" "
                                         r"and stratum = \"S2\" or no stratum") as e:
        _load("AR-ACM0003", data)
    assert e.value.field == "expected.planting[1].species"


def test_a_stratum_curve_applies_there_and_the_species_curve_elsewhere() -> None:
    data = _one_cohort("AR-ACM0003")
    data["expected"]["planting"].append({"year": 2016, "stratum": "S2",
                                         "species": "example_conifer", "area": "10 ha"})
    data["expected"]["growth"].append({"species": "example_conifer", "stratum": "S2",
                                       "asymptote": "100 t/ha", "rate": "0.1 1/yr",
                                       "shape": 2.0, "source": "test"})
    er = _er(estimate(_load("AR-ACM0003", data)))
    # 80 ha on the species curve (A = 200), 10 ha on S2's (A = 100), both planted in 2016
    assert er[2017] == pytest.approx(CO2_PER_BIOMASS * (80 + 10 * 0.5) * _curve(1), rel=RTOL)


@pytest.mark.parametrize(("change", "field", "message"), [
    (lambda d: d["expected"]["planting"].append(dict(d["expected"]["planting"][0])),
     "expected.planting[1]", r"the same cohort is listed twice .*also at "
                             r"expected.planting\[0\]"),
    (lambda d: d["expected"]["growth"].append(dict(d["expected"]["growth"][0])),
     "expected.growth[1]", "two growth models for one species and stratum"),
    (lambda d: d["expected"]["growth"].append({**d["expected"]["growth"][0],
                                               "species": "example_broadleaf"}),
     "expected.growth[1]", "a growth model that no cohort follows"),
    (lambda d: d["expected"].pop("growth"), "expected.growth", "Field required"),
    (lambda d: d["expected"].update(planting=[]), "expected.planting", "at least 1 item"),
    (lambda d: d["expected"].update(annual={"export": "5 MWh"}), "expected.annual",
     "no expected monitored quantities"),
    (lambda d: d["expected"].update(plan=[]), "expected.plan",
     r"unknown key in \[expected\] .*as_of, annual, years, displacements, growth, planting, "
     r"residue_burns, site_preparation_burns"),
    (lambda d: d["expected"]["planting"][0].update(density="1600 /ha"),
     "expected.planting[0].density", "Extra inputs are not permitted"),
    (lambda d: d.update(scenarios={"slow": {"expected": {"growth": [
        {**d["expected"]["growth"][0], "rate": "-1 1/yr"}]}}}),
     "scenarios.slow.expected.growth[0].rate", r"\(0, 2\]"),
])
def test_inconsistent_plans_are_refused(change: Any, field: str, message: str) -> None:
    data = _one_cohort("AR-ACM0003")
    change(data)
    with pytest.raises(InputError, match=message) as e:
        _load("AR-ACM0003", data)
    assert e.value.field == field


def test_an_ex_ante_sink_project_is_not_computed_and_a_monitored_one_needs_inventories() -> None:
    project = _load("AR-ACM0003", _data("AR-ACM0003"))
    with pytest.raises(InputError, match="no monitoring data, which compute needs"):
        compute(project)
    folder = _folder("AR-ACM0003")
    data = tomllib.loads((folder / "example.toml").read_text("utf-8"))
    measured = copy.deepcopy(data)
    del measured["inputs"]["initial"]
    with pytest.raises(InputError, match="no stock estimate at the start") as e:
        project_from_dict(measured, base_dir=folder)
    assert e.value.field == "inputs.initial"
    measured = copy.deepcopy(data)
    del measured["inputs"]["measurements"]
    with pytest.raises(InputError, match="no measurement of the sample plots") as e:
        project_from_dict(measured, base_dir=folder)
    assert e.value.field == "inputs.measurements"


@pytest.mark.parametrize("mid", ["AR-AM0014", "CCER-14-002-V01"])
def test_monitored_soc_still_needs_the_planting_record(mid: str) -> None:
    folder = _folder(mid)
    data = tomllib.loads((folder / "example.toml").read_text("utf-8"))
    del data["inputs"]["planting"]
    with pytest.raises(InputError, match="SOC by planting year needs the area planted") as e:
        project_from_dict(data, base_dir=folder)
    assert e.value.field == "inputs.planting"


def test_the_plan_and_its_files_enter_the_fingerprint(tmp_path: Path) -> None:
    data = _one_cohort("AR-ACM0003")
    base = estimate(_load("AR-ACM0003", data))
    data["expected"]["growth"][0]["shape"] = 2.1
    assert estimate(_load("AR-ACM0003", data)).fingerprint != base.fingerprint
    folder = _folder("AR-ACM0003")
    for name in ("strata.csv", "species.csv"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    same = estimate(project_from_dict(_one_cohort("AR-ACM0003"), base_dir=tmp_path))
    assert same.fingerprint == base.fingerprint
    species = (tmp_path / "species.csv").read_text("utf-8")
    (tmp_path / "species.csv").write_text(species.replace("0.47", "0.48", 1), "utf-8")
    changed = estimate(project_from_dict(_one_cohort("AR-ACM0003"), base_dir=tmp_path))
    assert changed.fingerprint != base.fingerprint
