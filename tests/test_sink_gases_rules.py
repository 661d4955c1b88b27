"""The rules that set a term of AR-TOOL08 v04.0.0 or AR-TOOL15 v02.0 to zero, each both ways,
as named checks of the A/R CDM plug-ins; and every refusal of bad fire or displacement input,
naming the field.

The rules: AR-TOOL08 para. 3 (an incidence larger than the host Party's minimum forest area,
those of the year adding up to at least 5 % of the project area), para. 7(a) / eq. (2)
(slash-and-burn common and fire in the ten years before the start), para. 4(a) (living trees not
burnt), paras. 12-13 (first verification period; dead organic matter not accounted); AR-TOOL15
para. 3 (drainage of wetlands: the tool does not apply), para. 10 (displaced grazing),
para. 11 (ΔSOC_LUC zero where only grazing is received, or where eq. 3 is negative).
The hand numbers are those of tests/test_sink_gases.py (the example project's burn and
displacements; 250 ha; B_FOREST 120 t/ha).
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError, InputError
from ccer_calc.estimation import estimate
from ccer_calc.project import Project
from ccer_calc.result import Result

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
ACM = ROOT / "ar_acm0003" / "data"
C = 44 / 12
RTOL = 1e-12


def _data(name: str = "example_burn_leakage.toml", folder: Path = ACM) -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads((folder / name).read_text("utf-8")))


def _load(d: dict[str, Any], folder: Path = ACM) -> Project:
    return project_from_dict(d, base_dir=folder)


def _check(result: Result, name: str) -> str:
    return str(next(c.reason for c in result.checks if c.name == name))


def _ghg(result: Result) -> float:
    return float(np.sum(next(e for e in result.trail.entries
                             if e.key == "AR-TOOL08 (1)").output))


def _burn(area: str, stratum: str = "S2", **kw: Any) -> dict[str, Any]:
    row = {"id": "B", "date": "2015-02-10", "stratum": stratum, "area": area,
           "tree_biomass": "0 t/ha", "shrub_crown_cover": "30 %",
           "slash_and_burn_common": False, "fire_in_last_10_years": False}
    return {**row, **kw}


def _burns(*rows: dict[str, Any], minimum: str = "0.0667 ha") -> Result:
    d = _data()
    d["inputs"]["site_preparation_burns"] = list(rows)
    d["inputs"]["forest_minimum_area"] = minimum
    return compute(_load(d))


def _spf(area: float, cover: float = 0.30) -> float:
    """AR-TOOL08 eq. (3) for b_TREE = 0: 0.07 × A × 44/12 × 0.5 × 0.10 × 120 × CC."""
    return 0.07 * area * C * 0.5 * 0.10 * 120 * cover


# --- AR-TOOL08 para. 3 ---------------------------------------------------------------------

def test_para_3_five_per_cent_of_the_project_area_is_accounted() -> None:
    r = _burns(_burn("12.5 ha"))  # 12.5 / 250 = 5 %: at least 5 %
    assert _ghg(r) == pytest.approx(_spf(12.5), rel=RTOL)
    assert "burn 12.5 ha, 5 % of the project area (at least 5 % needed): accounted" in \
        _check(r, "fire_area_threshold")


def test_para_3_below_five_per_cent_is_not_accounted() -> None:
    r = _burns(_burn("12.49 ha"))
    assert _ghg(r) == 0.0
    assert "12.49 ha, 4.996 % of the project area" in _check(r, "fire_area_threshold")
    assert _check(r, "fire_area_threshold").endswith("not accounted")


def test_para_3_incidences_of_the_year_add_up() -> None:
    # two fires of 7 ha in 2015 (different ids, dates): 14 ha = 5.6 %, both accounted
    r = _burns(_burn("7 ha"), _burn("7 ha", id="B2", date="2015-08-01", stratum="S3"))
    assert _ghg(r) == pytest.approx(2 * _spf(7), rel=RTOL)


def test_para_3_an_incidence_not_larger_than_the_minimum_area_is_left_out() -> None:
    # minimum forest area 1 ha: a 1 ha fire does not count, nor towards the 5 %
    small = _burns(_burn("12 ha"), _burn("1 ha", id="B2", stratum="S3"), minimum="1 ha")
    assert _ghg(small) == 0.0  # 12 ha = 4.8 % without it
    assert "not larger than the minimum forest area: B2 (1 ha)" in \
        _check(small, "fire_area_threshold")
    larger = _burns(_burn("12 ha"), _burn("1.01 ha", id="B2", stratum="S3"), minimum="1 ha")
    assert _ghg(larger) == pytest.approx(_spf(12) + _spf(1.01), rel=RTOL)


def test_para_3_rows_of_one_fire_are_one_incidence() -> None:
    # one fire over two strata: 0.05 + 0.05 ha is larger than a 0.0667 ha minimum together
    r = _burns(_burn("0.05 ha"), _burn("0.05 ha", stratum="S3"), _burn("13 ha", id="B2"))
    assert _ghg(r) == pytest.approx(_spf(13) + 2 * _spf(0.05), rel=RTOL)


# --- AR-TOOL08 para. 7(a), eq. (2) -----------------------------------------------------------

def test_eq_2_both_conditions_give_zero() -> None:
    r = _burns(_burn("40 ha", slash_and_burn_common=True, fire_in_last_10_years=True))
    assert _ghg(r) == 0.0
    assert _check(r, "site_preparation_slash_and_burn").startswith("B/S2: zero by eq. (2)")


@pytest.mark.parametrize(("common", "recent", "missing"), [
    (True, False, "ii"), (False, True, "i"), (False, False, "i, ii")])
def test_eq_3_applies_unless_both_hold(common: bool, recent: bool, missing: str) -> None:
    r = _burns(_burn("40 ha", slash_and_burn_common=common, fire_in_last_10_years=recent))
    assert _ghg(r) == pytest.approx(_spf(40), rel=RTOL)
    assert f"eq. (3) (condition(s) {missing} of para. 7(a) not met)" in \
        _check(r, "site_preparation_slash_and_burn")


def test_pre_project_trees_burnt_add_cf_tree_times_b_tree() -> None:
    # the example's initial tree stock is zero under AR-TOOL14 para. 11, which burning
    # pre-project trees contradicts; the estimate has no initial stock to contradict
    with pytest.raises(InputError, match="contradict the zero initial tree stock") as e:
        _burns(_burn("40 ha", tree_biomass="12 t/ha"))
    assert e.value.field == "inputs.site_preparation_burns[0].tree_biomass"
    d = _data("example_burn_leakage_ex_ante.toml")
    d["expected"]["site_preparation_burns"] = [_burn("40 ha", tree_biomass="12 t/ha")]
    plain = _data("example_burn_leakage_ex_ante.toml")
    plain["expected"]["site_preparation_burns"] = [_burn("40 ha")]
    extra = (estimate(_load(d)).totals["project_emissions"]
             - estimate(_load(plain)).totals["project_emissions"])
    # CF_TREE × b_TREE more per ha; a difference of two totals of ~70,000 t: float64 rounding
    # of the totals (~1e-11 t) bounds the tolerance, not the formula
    assert extra == pytest.approx(0.07 * 40 * C * 0.5 * 12, abs=1e-8)


# --- AR-TOOL08 paras. 4(a), 12, 13 ------------------------------------------------------------

def _fire(date: str, **kw: Any) -> dict[str, Any]:
    row = {"id": "F", "date": date, "stratum": "S1", "area": "20 ha", "trees_burnt": True,
           "tree_biomass": "30 t/ha", "forest_type": "temperate", "dead_wood": "5 t CO2/ha",
           "litter": "2 t CO2/ha"}
    return {**row, **kw}


def _fires(*rows: dict[str, Any], pools: list[str] | None = None) -> Result:
    d = _data()
    i = d["inputs"]
    i.update(forest_fire=True, forest_fires=list(rows), burning=False,
             displaces_agriculture=False, site_preparation_burns=[], displacements=[])
    if pools is not None:
        i["pools"] = pools
        i.pop("soc", None)
    return compute(_load(d))


#: eq. (7), temperate defaults (COMF 0.45, EF_CH4 4.7, EF_N2O 0.26), and eq. (8), for 20 ha.
TREE = 0.001 * 20 * 30 * 0.45 * (4.7 * 21 + 0.26 * 310)
DOM = 0.07 * 20 * (5 + 2)


def test_first_verification_period_is_zero_to_its_last_day() -> None:
    last = _fires(_fire("2018-10-31"))  # VP1 ends 2018-10-31
    assert _ghg(last) == 0.0
    assert "in the first verification period, zero" in _check(last, "forest_fire_zero")
    after = _fires(_fire("2018-11-01"))
    assert _ghg(after) == pytest.approx(TREE + DOM, rel=RTOL)
    assert TREE == pytest.approx(16.137 * 20 * 30 * 0.45 / (5 * 40 * 0.45), rel=RTOL)


def test_living_trees_not_burnt_zero_eq_7_but_not_eq_8() -> None:
    r = _fires(_fire("2020-06-01", trees_burnt=False, tree_biomass=None, forest_type=None))
    assert _ghg(r) == pytest.approx(DOM, rel=RTOL)
    assert "living trees not burnt, GHG_FF_TREE zero (para. 4(a))" in \
        _check(r, "forest_fire_zero")


def test_dead_organic_matter_not_accounted_is_zero() -> None:
    r = _fires(_fire("2020-06-01", dead_wood=None, litter=None), pools=[])
    assert _ghg(r) == pytest.approx(TREE, rel=RTOL)
    assert "dead organic matter not accounted: GHG_FF_DOM zero (para. 13)" in \
        _check(r, "forest_fire_zero")
    only_dw = _fires(_fire("2020-06-01", litter=None), pools=["dead_wood"])
    assert _ghg(only_dw) == pytest.approx(TREE + 0.07 * 20 * 5, rel=RTOL)


def test_project_factors_replace_the_defaults() -> None:
    r = _fires(_fire("2020-06-01", forest_type=None, combustion_factor=0.5,
                     ef_ch4="5 g CH4/kg", ef_n2o="0.3 g N2O/kg",
                     factor_source="national inventory"))
    assert _ghg(r) == pytest.approx(0.001 * 20 * 30 * 0.5 * (5 * 21 + 0.3 * 310) + DOM,
                                    rel=RTOL)


# --- AR-TOOL15 paras. 3, 10, 11 -----------------------------------------------------------

def _moved(**kw: Any) -> dict[str, Any]:
    row = {"id": "G", "date": "2016-03-01", "area": "20 ha", "activity": "grazing",
           "drains_wetland_or_peatland": False, "receiving_land_identified": True,
           "tree_biomass": "3 t/ha", "shrub_biomass": "4 t/ha"}
    return {**row, **kw}


def _displaced(*rows: dict[str, Any]) -> Result:
    d = _data()
    d["inputs"]["displacements"] = list(rows)
    return compute(_load(d))


#: AR-TOOL15 eq. (2) and (1) for 20 ha, b_TREE 3, b_SHRUB 4, ΔSOC_LUC zero.
GRAZED = C * (1.1 * 3 * 1.25 + 4 * 1.4) * 0.47 * 20


@pytest.mark.parametrize("condition", ["a", "b", "c", "d", "e"])
def test_para_10_any_condition_makes_grazing_zero(condition: str) -> None:
    r = _displaced(_moved(grazing_zero_conditions=[condition]))
    assert r.totals["leakage_emissions"] == 0.0
    assert f"(condition {condition}): zero" in _check(r, "grazing_displacement_zero")


def test_para_10_without_a_condition_grazing_leaks() -> None:
    r = _displaced(_moved())
    assert r.totals["leakage_emissions"] == pytest.approx(GRAZED, rel=RTOL)
    assert _check(r, "grazing_displacement_zero") == "G: grazing, eq. (1)-(3)"
    assert _check(r, "receiving_land_soc_zero") == \
        "G: only grazing received, ΔSOC_LUC zero (para. 11(a))"


def _soc(before: tuple[str, str, str, str], after: tuple[str, str, str, str]) -> dict[str, Any]:
    keys = ("land", "land_use", "management", "inputs")
    return {"climate_region": "warm_temperate_moist", "soil": "lac",
            "temperature": "temperate_boreal", "moisture": "moist",
            "before": dict(zip(keys, before, strict=True)),
            "after": dict(zip(keys, after, strict=True))}


def test_para_11_grazing_with_soil_data_uses_eq_3() -> None:
    soc = _soc(("grassland", "all", "non_degraded", "low_medium"),
               ("grassland", "all", "severely_degraded", "low_medium"))
    r = _displaced(_moved(soc=soc))
    assert r.totals["leakage_emissions"] == pytest.approx(GRAZED + C * 63 * 0.3 * 20, rel=1e-9)
    assert _check(r, "receiving_land_soc_zero") == "G: ΔSOC_LUC by eq. (3)"


def test_para_11_negative_eq_3_is_set_to_zero() -> None:
    # crops to former cropland becoming grassland: 0.69 × 1 × 0.92 − 1 < 0
    soc = _soc(("cropland", "long_term_cultivated", "full_tillage", "low"),
               ("grassland", "all", "non_degraded", "low_medium"))
    r = _displaced(_moved(activity="crop_cultivation", soc=soc))
    assert r.totals["leakage_emissions"] == pytest.approx(GRAZED, rel=RTOL)
    eq3 = next(e for e in r.trail.entries if e.key == "AR-TOOL15 (3)[G]")
    assert float(np.sum(eq3.output)) == pytest.approx(63 * (0.69 * 0.92 - 1) * 20, rel=1e-9)
    assert "eq. (3) negative" in _check(r, "receiving_land_soc_zero")
    assert "(para. 11(b))" in _check(r, "receiving_land_soc_zero")


def test_para_3_drainage_of_wetlands_is_refused() -> None:
    with pytest.raises(ApplicabilityError, match=r"displacement_drains_no_wetland failed: "
                                                 r"displacement G drains wetlands"):
        _displaced(_moved(drains_wetland_or_peatland=True))
    r = _displaced(_moved())
    assert _check(r, "displacement_drains_no_wetland") == \
        "no displacement drains wetlands or peatlands"


def test_the_example_without_events_lists_the_checks_as_not_applying() -> None:
    d = _data("example.toml")
    r = compute(_load(d))
    assert _check(r, "fire_area_threshold") == "no fire in the project boundary"
    assert _check(r, "grazing_displacement_zero") == "no agricultural activity displaced"
    assert all(c.passed for c in r.checks)


# --- bad input names the field ---------------------------------------------------------------

def _refused(change: Any, field: str, message: str) -> None:
    d = _data()
    change(d["inputs"])
    with pytest.raises(InputError, match=message) as e:
        compute(_load(d))
    assert e.value.field == field


@pytest.mark.parametrize(("change", "field", "message"), [
    (lambda i: i["site_preparation_burns"][0].update(date="2014-12-01"),
     "inputs.site_preparation_burns[0].date",
     r"dated outside the monitoring periods.*2015-01-01 to 2023-10-31"),
    (lambda i: i["site_preparation_burns"][1].update(date="2023-11-01"),
     "inputs.site_preparation_burns[1].date", "dated outside the monitoring periods"),
    (lambda i: i["displacements"][0].update(date="2024-01-01"),
     "inputs.displacements[0].date", "dated outside the monitoring periods"),
    (lambda i: i["site_preparation_burns"][0].update(area="-4 ha"),
     "inputs.site_preparation_burns[0].area", r"> 0 ha"),
    (lambda i: i["displacements"][1].update(area="0 ha"),
     "inputs.displacements[1].area", r"> 0 ha"),
    (lambda i: i["site_preparation_burns"][0].update(stratum="S9"),
     "inputs.site_preparation_burns[0].stratum", "unknown stratum.*S1, S2, S3"),
    (lambda i: i["site_preparation_burns"][0].update(area="101 ha"),
     "inputs.site_preparation_burns[0].area", "larger than stratum S2.*at most 100 ha"),
    (lambda i: i["site_preparation_burns"][1].update(date="2015-02-11"),
     "inputs.site_preparation_burns[1].date", "the rows of fire SP-2015 differ in date"),
    (lambda i: i["site_preparation_burns"][1].update(stratum="S2"),
     "inputs.site_preparation_burns[1].stratum", "fire SP-2015 lists the stratum twice"),
    (lambda i: i["site_preparation_burns"][0].update(shrub_crown_cover="130 %"),
     "inputs.site_preparation_burns[0].shrub_crown_cover", r"\[0, 100\] percent"),
    (lambda i: i.pop("forest_minimum_area"), "inputs.forest_minimum_area",
     "minimum forest area"),
    (lambda i: i.update(burning=False), "inputs", "burning is false but rows are listed"),
    (lambda i: i.update(site_preparation_burns=[]), "inputs.burning",
     "burning is stated but no event is listed"),
    (lambda i: i["displacements"].append(dict(i["displacements"][0])),
     "inputs.displacements[2].id", "the id is used twice"),
    (lambda i: i["displacements"][1]["soc"]["after"].update(management="burnt"),
     "inputs.displacements[1].soc.after.management", "AR-TOOL16 Tables 4-6 give no factor"),
    (lambda i: i["displacements"][1]["soc"].update(climate_region="arctic"),
     "inputs.displacements[1].soc.climate_region", "unknown climate region"),
    (lambda i: i["displacements"][1].update(receiving_land_identified=False),
     "inputs.displacements[1]", "the receiving land is unidentified"),
    (lambda i: i["displacements"][1].pop("shrub_biomass"),
     "inputs.displacements[1]", "shrub_biomass"),
    (lambda i: i["displacements"][1].update(activity="crop_cultivation", soc=None),
     "inputs.displacements[1]", "displaced crop cultivation needs"),
    (lambda i: i["displacements"][0].update(activity="crop_cultivation"),
     "inputs.displacements[0]", "grazing_zero_conditions are the conditions"),
])
def test_bad_fire_and_displacement_input(change: Any, field: str, message: str) -> None:
    _refused(change, field, message)


def _with_fire(**kw: Any) -> dict[str, Any]:
    d = _data()
    d["inputs"].update(forest_fire=True, forest_fires=[_fire("2020-06-01", **kw)])
    return d


@pytest.mark.parametrize(("kw", "field", "message"), [
    ({"stratum": "S7"}, "inputs.forest_fires[0].stratum", "unknown stratum"),
    ({"tree_biomass": None}, "inputs.forest_fires[0].tree_biomass",
     "trees burnt after the first verification need their biomass"),
    ({"forest_type": None}, "inputs.forest_fires[0].forest_type",
     "no combustion and emission factors"),
    ({"forest_type": "tropical"}, "inputs.forest_fires[0].mean_age", "mean age"),
    ({"forest_type": "tropical", "mean_age": "2 yr"}, "inputs.forest_fires[0].mean_age",
     "AR-TOOL08 gives no default fire factors"),
    ({"dead_wood": None}, "inputs.forest_fires[0].dead_wood",
     "dead wood is accounted: its stock burnt is needed"),
    ({"combustion_factor": 0.5}, "inputs.forest_fires[0]",
     "give combustion_factor, ef_ch4, ef_n2o and factor_source together"),
])
def test_bad_forest_fire_input(kw: dict[str, Any], field: str, message: str) -> None:
    d = _with_fire(**kw)
    with pytest.raises(InputError, match=message) as e:
        compute(_load(d))
    assert e.value.field == field


def test_a_pool_not_accounted_refuses_its_stock() -> None:
    d = _with_fire()
    d["inputs"]["pools"] = ["dead_wood"]
    d["inputs"].pop("soc")
    with pytest.raises(InputError, match="litter is not accounted: AR-TOOL08 para. 13 takes "
                                         "its stock as zero") as e:
        compute(_load(d))
    assert e.value.field == "inputs.forest_fires[0].litter"


def test_residue_burns_take_harvest_data_for_all_or_none() -> None:
    d = _data()
    d["inputs"]["residue_burns"] = [
        {"id": "R1", "date": "2019-05-04", "stratum": "S1", "area": "13 ha",
         "forest_zone": "tropical", "harvested_biomass": "900 t"},
        {"id": "R2", "date": "2019-06-04", "stratum": "S2", "area": "3 ha",
         "forest_zone": "tropical"}]
    with pytest.raises(InputError, match="harvest data for some residue burns only") as e:
        compute(_load(d))
    assert e.value.field == "inputs.residue_burns[1].harvested_biomass"
    d["inputs"]["residue_burns"][1]["harvested_biomass"] = "100 t"
    r = compute(_load(d))
    fmf = next(e for e in r.trail.entries if e.key == "AR-TOOL08 (4)")
    assert float(np.sum(fmf.output)) == pytest.approx(0.07 * C * 1000 * 0.25 * 0.5, rel=RTOL)


# --- ex ante: the plan --------------------------------------------------------------------

def _plan() -> dict[str, Any]:
    return _data("example_burn_leakage_ex_ante.toml")


@pytest.mark.parametrize(("change", "field", "message"), [
    (lambda d: d["expected"]["site_preparation_burns"][0].update(date="2014-12-01"),
     "expected.site_preparation_burns[0].date", "dated outside the crediting period"),
    (lambda d: d["expected"]["displacements"][0].update(date="2045-01-01"),
     "expected.displacements[0].date", "dated outside the crediting period"),
    (lambda d: d["expected"]["site_preparation_burns"][0].update(stratum="X"),
     "expected.site_preparation_burns[0].stratum", "unknown stratum"),
    (lambda d: d["expected"].update(forest_fires=[]), "expected.forest_fires",
     r"unknown key in \[expected\]"),
    (lambda d: d["inputs"].update(burning=False), "inputs.burning",
     "expected lists site_preparation_burns but burning is false"),
    (lambda d: d["expected"].update(displacements=[]), "inputs.displaces_agriculture",
     "displaces_agriculture is stated but no event is listed.*expected.displacements"),
])
def test_bad_plans_name_the_field(change: Any, field: str, message: str) -> None:
    d = _plan()
    change(d)
    with pytest.raises(InputError, match=message) as e:
        estimate(_load(d))
    assert e.value.field == field


def test_a_design_may_not_have_planned_what_happened() -> None:
    # a monitored burn the design did not plan: the estimate (the plan) has none
    d = _data()
    d["expected"] = {k: v for k, v in _plan()["expected"].items()
                     if k not in ("site_preparation_burns",)}
    est = estimate(_load(d))
    assert est.years[0].values["leakage_emissions"] == pytest.approx(1134.1, rel=1e-9)
    assert _check(est.result, "fire_area_threshold") == "no fire in the project boundary"


# --- the provisional CCER plug-ins keep refusing ---------------------------------------------

CCER = {"CCER-14-001-V01": ROOT / "ccer_14_001_v01" / "data",
        "CCER-14-002-V01": ROOT / "ccer_14_002_v01" / "data"}
BURN = {"id": "B", "date": "2024-03-01", "stratum": "?", "area": "1 ha",
        "tree_biomass": "0 t/ha", "shrub_crown_cover": "10 %", "slash_and_burn_common": False,
        "fire_in_last_10_years": False}


def _ccer(mid: str, name: str = "example.toml") -> dict[str, Any]:
    return _data(name, CCER[mid])


@pytest.mark.parametrize("mid", CCER)
def test_ccer_refuses_stated_burning_citing_the_ban(mid: str) -> None:
    d = _ccer(mid)
    d["inputs"]["burning"] = True
    with pytest.raises(ApplicabilityError, match=r"no_burning failed: the project states or "
                                                 r"plans man-made burning.*not allowed, except "
                                                 r"to treat wood killed by pests") as e:
        compute(_load(d, CCER[mid]))
    assert "林草网群《造林碳汇项目新规解读》" in str(e.value)
    if mid == "CCER-14-002-V01":  # the mangrove text's rule is not known: provisional
        assert "provisional: the rule of CCER-14-002-V01 is not known" in str(e.value)
        assert "the ban known for CCER-14-001-V01 of the same batch" in str(e.value)


@pytest.mark.parametrize("mid", CCER)
def test_ccer_refuses_planned_burning_and_displacement(mid: str) -> None:
    d = _ccer(mid, "example_ex_ante.toml")
    stratum = next(iter(d["expected"]["planting"]))["stratum"]
    d["expected"]["site_preparation_burns"] = [{**BURN, "stratum": stratum}]
    d["expected"]["displacements"] = [_moved(date="2025-03-01")]
    d["inputs"]["forest_minimum_area"] = "0.0667 ha"
    with pytest.raises(ApplicabilityError, match=r"no_burning failed.*no_displaced_agriculture "
                                                 r"failed: the project states or expects "
                                                 r"displaced agricultural activities"):
        estimate(_load(d, CCER[mid]))


@pytest.mark.parametrize("mid", CCER)
def test_ccer_refuses_a_forest_fire_whose_rule_is_unknown(mid: str) -> None:
    d = _ccer(mid)
    d["inputs"]["forest_fire"] = True
    parent = "AR-ACM0003 v02.0" if mid == "CCER-14-001-V01" else "AR-AM0014 v03.0"
    with pytest.raises(InputError, match=rf"inputs.forest_fire: {mid}: the project states a "
                                         r"forest fire.*the CCER text's rule for them is not "
                                         rf"known.*{parent}"):
        compute(_load(d, CCER[mid]))
