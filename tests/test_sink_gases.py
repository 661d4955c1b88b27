"""GHG_E,t and LK_t of the A/R CDM plug-ins, worked by hand from the published equations.

AR-TOOL08 v04.0.0 (non-CO2 from burning): eq. (1) GHG_E = GHG_SPF + GHG_FMF + GHG_FF; eq. (3)
GHG_SPF = 0.07 × Σ A_SPF × 44/12 × (CF_TREE × b_TREE + CF_SHRUB × BDR_SF × B_FOREST × CC_SHRUB)
with CF 0.50 and BDR_SF 0.10 (para. 7); eq. (5) B_HARVEST = B_FOREST / BEF_2 × A_FMF with BEF_2
1.25 (para. 10); eq. (4) GHG_FMF = 0.07 × 44/12 × B_HARVEST × f_BL × CF_TREE with f_BL 0.25
tropical (para. 9); eq. (7) GHG_FF_TREE = 0.001 × Σ A_BURN × b_TREE,tL × COMF × (EF_CH4 × 21 +
EF_N2O × 310) (para. 12, section III defaults: tropical 3-5 years COMF 0.46, EF_CH4 6.8,
EF_N2O 0.20 g/kg); eq. (8) GHG_FF_DOM = 0.07 × Σ A_BURN × (C_DW + C_LI) (para. 13).
AR-TOOL15 v02.0 (leakage): eq. (2) ΔC_BIOMASS = [1.1 × b_TREE × (1 + R_TREE) + b_SHRUB × (1 +
R_S)] × CF × A_DISP with CF 0.47, R_TREE 0.25, R_S 0.40; eq. (3) ΔSOC_LUC = SOC_REF × (f_LUP ×
f_MGP × f_INP − f_LUD × f_MGD × f_IND) × A_DISP (AR-TOOL16 v01.1.0 Table 3: warm temperate moist,
LAC 63 t C/ha; Tables 4-6: grassland moderately degraded, temperate 0.95; cropland long-term
cultivated, temperate moist 0.69; low input 0.92); eq. (1) LK_AGRIC = 44/12 × (ΔC_BIOMASS +
ΔSOC_LUC); para. 12 adds the receiving lands.
AR-ACM0003 v02.0 eq. (2) ΔC_ACTUAL = ΔC_P − GHG_E, eq. (4) LK = LK_AGRIC, eq. (5) ΔC_AR-CDM =
ΔC_ACTUAL − ΔC_BSL − LK; AR-AM0014 v03.0 eq. (2), (5), (6) alike.

The example ``example_burn_leakage.toml`` is the AR-ACM0003 example (``example.toml``: same
inventories) with a site-preparation burn and two displaced-grazing cases, so every difference
from the example is GHG_E or LK.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.result import Result

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
ACM = ROOT / "ar_acm0003" / "data"
AM = ROOT / "ar_am0014" / "data"
RTOL = 1e-12
C = 44 / 12  # CO2 per carbon, t CO2 / t C
B_FOREST = 120.0  # the example's forest biomass, t d.m./ha (parameters.forest_biomass)
#: AR-TOOL08 eq. (3) of the example's burn: 40 ha in S2 at 30 % shrub cover, 15 ha in S3 at 25 %.
SPF = 0.07 * C * (40 * (0.5 * 0 + 0.5 * 0.10 * B_FOREST * 0.30)
                  + 15 * (0.5 * 0 + 0.5 * 0.10 * B_FOREST * 0.25))
#: AR-TOOL15 eq. (2), (3), (1) of displacement D2: 40 ha to a pasture with b_TREE 2, b_SHRUB 5,
#: degrading from non-degraded (1 × 1 × 1) to moderately degraded (1 × 0.95 × 1).
D2_BIOMASS = (1.1 * 2 * (1 + 0.25) + 5 * (1 + 0.40)) * 0.47 * 40
D2_SOC = 63 * (1 * 1 * 1 - 1 * 0.95 * 1) * 40
LK_D2 = C * (D2_BIOMASS + D2_SOC)


def _toml(path: Path) -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads(path.read_text("utf-8")))


def _vintage(result: Result, year: int, key: str) -> float:
    return next(v.values[key] for v in result.vintages if v.year == year)


def _entry(result: Result, key: str) -> Any:
    return next(e for e in result.trail.entries if e.key == key)


@pytest.fixture(scope="module")
def base() -> Result:
    return compute(load_project(ACM / "example.toml"))


@pytest.fixture(scope="module")
def burnt() -> Result:
    return compute(load_project(ACM / "example_burn_leakage.toml"))


def test_the_hand_numbers_are_what_the_example_says() -> None:
    # 0.07 × 44/12 × (40 × 1.8 + 15 × 1.5) and 44/12 × (183.3 + 126)
    assert SPF == pytest.approx(24.255, rel=RTOL)
    assert (D2_BIOMASS, D2_SOC) == (pytest.approx(183.3, rel=RTOL), pytest.approx(126.0))
    assert LK_D2 == pytest.approx(1134.1, rel=RTOL)


def test_site_preparation_burn_by_ar_tool08_eq_3(burnt: Result) -> None:
    spf = _entry(burnt, "AR-TOOL08 (3)")
    out = np.asarray(spf.output)
    assert out[0] == pytest.approx(SPF, rel=RTOL)  # 2015: the burn of 2015-02-10
    assert np.all(out[1:] == 0.0)
    ghg = _entry(burnt, "AR-TOOL08 (1)")  # eq. (1): GHG_FMF and GHG_FF are zero
    np.testing.assert_allclose(np.asarray(ghg.output), out, rtol=RTOL)


def test_displaced_grazing_by_ar_tool15_eq_1_to_3(burnt: Result) -> None:
    assert np.asarray(_entry(burnt, "AR-TOOL15 (2)[D2]").output)[0] == pytest.approx(
        D2_BIOMASS, rel=RTOL)
    assert np.asarray(_entry(burnt, "AR-TOOL15 (3)[D2]").output)[0] == pytest.approx(
        D2_SOC, rel=1e-9)  # 63 × 0.05 × 40: 1 − 0.95 is not exact in binary
    assert np.asarray(_entry(burnt, "AR-TOOL15 (1)[D2]").output)[0] == pytest.approx(
        LK_D2, rel=1e-9)
    # D1 goes to a pasture within its carrying capacity: para. 10(a), no evaluation at all
    assert not any(e.instance == "D1" for e in burnt.trail.entries)
    lk = np.asarray(_entry(burnt, "AR-TOOL15 para. 12").output)
    assert lk[0] == pytest.approx(LK_D2, rel=1e-9) and np.all(lk[1:] == 0.0)


def test_ar_acm0003_eq_2_4_5_take_them(base: Result, burnt: Result) -> None:
    # eq. (2): PE = −ΔC_ACTUAL = −(ΔC_P − GHG_E) rises by GHG_E; eq. (4): LE = LK_AGRIC;
    # eq. (5): ER falls by both, in vintage 2015 and monitoring period VP1 only
    assert _vintage(burnt, 2015, "project_emissions") == pytest.approx(
        _vintage(base, 2015, "project_emissions") + SPF, rel=RTOL)
    assert _vintage(burnt, 2015, "leakage_emissions") == pytest.approx(LK_D2, rel=1e-9)
    assert _vintage(burnt, 2015, "emission_reductions") == pytest.approx(
        _vintage(base, 2015, "emission_reductions") - SPF - LK_D2, rel=1e-9)
    for year in range(2016, 2024):
        assert _vintage(burnt, year, "emission_reductions") == _vintage(
            base, year, "emission_reductions")
    vp1, vp2 = burnt.periods
    assert vp1.values["leakage_emissions"] == pytest.approx(LK_D2, rel=1e-9)
    assert vp1.values["emission_reductions"] == pytest.approx(
        base.periods[0].values["emission_reductions"] - SPF - LK_D2, rel=1e-9)
    assert vp2.values == base.periods[1].values
    # eq. (6)-(7): tCER at the end of VP2 counts the reduction, lCER of VP2 does not
    tcer = next(f for f in burnt.period_figures if f["name"] == "tCER")["values"]
    assert tcer[1]["value"] == pytest.approx(burnt.totals["emission_reductions"], rel=1e-12)


def test_the_ex_post_example_totals() -> None:
    # the numbers the documents show (printed rounded by the CLI)
    r = compute(load_project(ACM / "example_burn_leakage.toml"))
    assert r.totals["leakage_emissions"] == pytest.approx(1134.1, rel=1e-9)
    assert r.periods[0].values["emission_reductions"] == pytest.approx(4859.456, abs=5e-4)


def _full() -> dict[str, Any]:
    """The burn example with a residue burn, forest fires and displaced crops as well."""
    d = _toml(ACM / "example_burn_leakage.toml")
    i = d["inputs"]
    i["forest_fire"] = True
    i["residue_burns"] = [{"id": "R1", "date": "2019-05-04", "stratum": "S1", "area": "13 ha",
                           "forest_zone": "tropical"}]
    i["forest_fires"] = [
        {"id": "F1", "date": "2020-03-15", "stratum": "S1", "area": "10 ha",
         "trees_burnt": True, "tree_biomass": "35 t/ha", "forest_type": "tropical",
         "mean_age": "5 yr", "dead_wood": "4 t CO2/ha", "litter": "2 t CO2/ha"},
        {"id": "F1", "date": "2020-03-15", "stratum": "S2", "area": "3 ha",
         "trees_burnt": False, "dead_wood": "3 t CO2/ha", "litter": "1.5 t CO2/ha"},
        {"id": "F0", "date": "2016-07-01", "stratum": "S2", "area": "20 ha",
         "trees_burnt": True, "forest_type": "tropical", "mean_age": "1 yr",
         "dead_wood": "0 t CO2/ha", "litter": "0 t CO2/ha"}]
    soc = {"climate_region": "warm_temperate_moist", "soil": "lac",
           "temperature": "temperate_boreal", "moisture": "moist",
           "before": {"land": "grassland", "land_use": "all", "management": "non_degraded",
                      "inputs": "low_medium"},
           "after": {"land": "cropland", "land_use": "long_term_cultivated",
                     "management": "full_tillage", "inputs": "low"}}
    i["displacements"].append({"id": "D3", "date": "2019-04-01", "area": "10 ha",
                               "activity": "crop_cultivation",
                               "drains_wetland_or_peatland": False,
                               "receiving_land_identified": False, "shrub_biomass": "0 t/ha",
                               "soc": soc})
    return d


@pytest.fixture(scope="module")
def full() -> Result:
    return compute(project_from_dict(_full(), base_dir=ACM))


def _at(result: Result, key: str, day: str) -> float:
    axis = result.trail.axis
    j = next(k for k, label in enumerate(axis) if label.split("..")[0] <= day
             <= label.split("..")[1])
    out = np.asarray(_entry(result, key).output)  # eq. (5): one column per burn
    return float(out[j].sum() if out.ndim == 2 else out[j])


def test_residue_burn_without_harvest_data_by_eq_5_and_4(full: Result) -> None:
    harvested = B_FOREST / 1.25 * 13                      # eq. (5): 1,248 t d.m.
    assert _at(full, "AR-TOOL08 (5)", "2019-05-04") == pytest.approx(harvested, rel=RTOL)
    fmf = 0.07 * C * harvested * 0.25 * 0.50               # eq. (4), tropical f_BL
    assert _at(full, "AR-TOOL08 (4)", "2019-05-04") == pytest.approx(fmf, rel=RTOL)
    assert fmf == pytest.approx(40.04, rel=RTOL)


def test_forest_fire_by_eq_6_to_8(full: Result) -> None:
    # F1 (13 ha, 5.2 % of 250 ha) in VP2: trees burnt in S1 only (S2 stayed in the understorey,
    # para. 4(a)); dead wood and litter burnt in both; F0 lies in the first verification period
    tree = 0.001 * 10 * 35 * 0.46 * (6.8 * 21 + 0.20 * 310)
    dom = 0.07 * (10 * (4 + 2) + 3 * (3 + 1.5))
    assert (tree, dom) == (pytest.approx(32.9728, rel=RTOL), pytest.approx(5.145, rel=RTOL))
    assert _at(full, "AR-TOOL08 (7)", "2020-03-15") == pytest.approx(tree, rel=RTOL)
    assert _at(full, "AR-TOOL08 (8)", "2020-03-15") == pytest.approx(dom, rel=RTOL)
    assert _at(full, "AR-TOOL08 (6)", "2020-03-15") == pytest.approx(tree + dom, rel=RTOL)
    assert _at(full, "AR-TOOL08 (6)", "2016-07-01") == 0.0
    ghg = _entry(full, "AR-TOOL08 (1)")
    assert float(np.sum(ghg.output)) == pytest.approx(SPF + 40.04 + tree + dom, rel=RTOL)


def test_crops_to_an_unidentified_land_by_eq_1_to_3(full: Result) -> None:
    # b_TREE of an unidentified receiving land = the region's forest biomass (para. 11)
    biomass = 1.1 * B_FOREST * (1 + 0.25) * 0.47 * 10
    soc = 63 * (1 * 1 * 1 - 0.69 * 1.00 * 0.92) * 10
    assert _at(full, "AR-TOOL15 (2)[D3]", "2019-04-01") == pytest.approx(biomass, rel=RTOL)
    assert _at(full, "AR-TOOL15 (3)[D3]", "2019-04-01") == pytest.approx(soc, rel=RTOL)
    lk = _entry(full, "AR-TOOL15 para. 12")
    assert float(np.sum(lk.output)) == pytest.approx(LK_D2 + C * (biomass + soc), rel=1e-9)
    assert full.totals["leakage_emissions"] == pytest.approx(LK_D2 + C * (biomass + soc),
                                                             rel=1e-9)


def test_every_event_lies_in_its_vintage(full: Result, burnt: Result) -> None:
    for year, extra in ((2019, 40.04 + C * (1.1 * B_FOREST * 1.25 * 0.47 * 10
                                            + 63 * (1 - 0.69 * 0.92) * 10)),
                        (2020, 0.001 * 10 * 35 * 0.46 * (6.8 * 21 + 0.2 * 310)
                         + 0.07 * (60 + 13.5))):
        assert _vintage(full, year, "emission_reductions") == pytest.approx(
            _vintage(burnt, year, "emission_reductions") - extra, rel=1e-9)


def test_ar_am0014_applies_the_same_tools() -> None:
    # AR-AM0014 v03.0 eq. (2) and (5): a site-preparation burn and a displacement on the
    # mangrove example (60 ha; M1 35 ha), no litter pool (Table 1)
    d = _toml(AM / "example.toml")
    d["inputs"].update(burning=True, displaces_agriculture=True, forest_minimum_area="0.1 ha")
    d["inputs"]["site_preparation_burns"] = [{
        "id": "B", "date": "2014-03-01", "stratum": "M1", "area": "6 ha",
        "tree_biomass": "0 t/ha", "shrub_crown_cover": "50 %",
        "slash_and_burn_common": False, "fire_in_last_10_years": True}]
    d["inputs"]["displacements"] = [{
        "id": "G", "date": "2014-02-01", "area": "5 ha", "activity": "grazing",
        "drains_wetland_or_peatland": False, "receiving_land_identified": True,
        "tree_biomass": "8 t/ha", "shrub_biomass": "1 t/ha"}]
    d.setdefault("parameters", {})["forest_biomass"] = "150 t/ha"
    before = compute(load_project(AM / "example.toml"))
    after = compute(project_from_dict(d, base_dir=AM))
    spf = 0.07 * 6 * C * (0.5 * 0 + 0.5 * 0.10 * 150 * 0.5)    # 6 ha = 10 % of 60 ha
    lk = C * (1.1 * 8 * 1.25 + 1 * 1.4) * 0.47 * 5             # only grazing: ΔSOC_LUC = 0
    assert _vintage(after, 2014, "emission_reductions") == pytest.approx(
        _vintage(before, 2014, "emission_reductions") - spf - lk, rel=1e-12)
    assert after.totals["leakage_emissions"] == pytest.approx(lk, rel=RTOL)
