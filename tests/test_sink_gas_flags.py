"""The gas flags of the provisional CCER sink plug-ins: GHG_E,t and LK_t as their CDM parents.

``account_ghg_e`` = 1 counts a forest fire by AR-TOOL08 v04.0.0 as AR-ACM0003 v02.0 (parent of
CCER-14-001-V01) and AR-AM0014 v03.0 (parent of CCER-14-002-V01) do:

* eq. (7): GHG_FF_TREE,t = 0.001 × Σ_i A_BURN,i,t × b_TREE,i,tL × COMF_i
  × (EF_CH4,i × GWP_CH4 + EF_N2O,i × GWP_N2O);
* eq. (8): GHG_FF_DOM,t = 0.07 × Σ_i A_BURN,i,t × (C_DW,i,tL + C_LI,i,tL), the pools accounted;
* eq. (6): GHG_FF,t = GHG_FF_TREE,t + GHG_FF_DOM,t; eq. (1): GHG_E,t = GHG_SPF,t + GHG_FMF,t
  + GHG_FF,t; section III defaults for a temperate forest: COMF 0.45, EF_CH4 4.7 g/kg,
  EF_N2O 0.26 g/kg; GWP_CH4 21, GWP_N2O 310 (the values the tool uses).

``account_leakage`` = 1 records LK by AR-TOOL15 v02.0 eq. (1), LK_AGRIC,t = 44/12 ×
(ΔC_BIOMASS,t + ΔSOC_LUC,t), which with no area displaced (eq. 2-3 with A_DISP,t = 0) is zero.
The CCER bans on man-made burning and on displacing agriculture hold whatever the flags.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import ApplicabilityError, InputError

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
C1 = ROOT / "ccer_14_001_v01" / "data"
C2 = ROOT / "ccer_14_002_v01" / "data"
BOTH = pytest.mark.parametrize("folder", [C1, C2], ids=["CCER-14-001", "CCER-14-002"])
RTOL = 1e-12

#: Fields of the CCER inputs their CDM parent does not have, and the parent's own.
_CCER_ONLY = ("forest_type", "non_forest_since", "smallest_parcel_area", "land_tenure_documented",
              "shrub_removal_area", "repeated_soil_disturbance", "site_type",
              "artificial_planting", "tenure_documented")
_PARENT = {
    C1: ("AR-ACM0003", {"wetland": False}),
    C2: ("AR-AM0014", {"degraded_mangrove_habitat": True, "mangrove_planted_share": "100 %",
                       "non_mangrove_planted_share": "0 %", "hydrology_altered": False,
                       "soil_disturbance": "5 %"}),
}
#: (stratum, area [ha], b_TREE [t/ha], C_DW [t CO2/ha]) of each example's fire, in the second
#: verification period (AR-TOOL08 paras. 12-13 set the first period's fires to zero).
_FIRE = {C1: ("A1", 12.0, 40.0, 5.0, "2024-03-10"), C2: ("T1", 6.0, 30.0, 4.0, "2024-11-20")}


def _fire_project(folder: Path, **params: Any) -> dict[str, Any]:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    stratum, area, biomass, dead_wood, day = _FIRE[folder]
    d["inputs"].update(forest_fire=True, forest_minimum_area="0.0667 ha", forest_fires=[{
        "id": "FF-1", "date": day, "stratum": stratum, "area": f"{area} ha", "trees_burnt": True,
        "tree_biomass": f"{biomass} t/ha", "forest_type": "temperate",
        "dead_wood": f"{dead_wood} t CO2/ha", "source": "test fire"}])
    d.setdefault("parameters", {}).update(params)
    return d


def _as_parent(folder: Path, d: dict[str, Any]) -> dict[str, Any]:
    p = copy.deepcopy(d)
    p["methodology"], own = _PARENT[folder]
    for name in _CCER_ONLY:
        p["inputs"].pop(name, None)
    p["inputs"].update(own)
    p["dates"]["crediting_period_type"] = "fixed"  # 30 years, as the examples' periods
    for name in [k for k in p.get("parameters", {}) if k.startswith("account_")]:
        del p["parameters"][name]
    return p


def _run(folder: Path, d: dict[str, Any]) -> Any:
    return compute(project_from_dict(d, base_dir=folder))


def _one(result: Any, equation: str) -> np.ndarray:
    [entry] = result.trail.find(equation)
    return np.asarray(entry.output, dtype=np.float64)


def _by_hand(folder: Path) -> float:
    """AR-TOOL08 eq. (7) + (8) (eq. 6, 1) for the fire: dead wood accounted, litter not."""
    _stratum, area, biomass, dead_wood, _day = _FIRE[folder]
    tree = 0.001 * area * biomass * 0.45 * (4.7 * 21 + 0.26 * 310)
    dom = 0.07 * area * (dead_wood + 0.0)
    return tree + dom


@BOTH
def test_a_forest_fire_is_refused_at_flag_0(folder: Path) -> None:
    with pytest.raises(InputError) as err:
        _run(folder, _fire_project(folder))
    assert err.value.field == "inputs.forest_fire"
    assert "AR-TOOL08" in str(err.value)


@BOTH
def test_at_flag_1_a_forest_fire_counts_as_the_parent_does(folder: Path) -> None:
    d = _fire_project(folder, account_ghg_e="1 dimensionless")
    ccer = _run(folder, d)
    parent = _run(folder, _as_parent(folder, d))
    ghg_e = _one(ccer, "AR-TOOL08 (1)")
    np.testing.assert_array_equal(ghg_e, _one(parent, "AR-TOOL08 (1)"))
    assert float(ghg_e.sum()) == pytest.approx(_by_hand(folder), rel=RTOL)
    assert np.count_nonzero(ghg_e) == 1  # whole on the element holding the fire's date
    for eq in ("AR-TOOL08 (6)", "AR-TOOL08 (7)", "AR-TOOL08 (8)"):
        np.testing.assert_array_equal(_one(ccer, eq), _one(parent, eq))
    # eq. (2) of each parent: ΔC_ACTUAL = ΔC_P − GHG_E; the fire lowers the net removals by it
    base = compute(load_project(folder / "example.toml"))
    lost = base.totals["emission_reductions"] - ccer.totals["emission_reductions"]
    assert lost == pytest.approx(_by_hand(folder), rel=1e-9)
    names = {c.name for c in ccer.checks}
    assert {"fire_area_threshold", "forest_fire_zero"} <= names


@BOTH
def test_a_fire_in_the_first_verification_period_is_zero(folder: Path) -> None:
    # AR-TOOL08 paras. 12-13: no emission is counted for a fire of the first period
    d = _fire_project(folder, account_ghg_e="1 dimensionless")
    d["inputs"]["forest_fires"][0]["date"] = "2022-05-01"
    assert not np.any(_one(_run(folder, d), "AR-TOOL08 (1)"))


@BOTH
def test_at_flag_1_the_fire_rows_and_the_flag_must_agree(folder: Path) -> None:
    d = _fire_project(folder, account_ghg_e="1 dimensionless")
    d["inputs"]["forest_fires"] = []
    with pytest.raises(InputError) as err:
        _run(folder, d)
    assert err.value.field == "inputs.forest_fire"


@BOTH
@pytest.mark.parametrize("flag", ["0 dimensionless", "1 dimensionless"])
def test_man_made_burning_is_refused_whatever_the_flag(folder: Path, flag: str) -> None:
    d = _fire_project(folder, account_ghg_e=flag)
    d["inputs"].update(forest_fire=False, forest_fires=[], burning=True)
    with pytest.raises(ApplicabilityError, match="no_burning failed"):
        _run(folder, d)


@BOTH
def test_leakage_at_flag_1_is_recorded_zero_by_ar_tool15(folder: Path) -> None:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    d.setdefault("parameters", {})["account_leakage"] = "1 dimensionless"
    r = _run(folder, d)
    base = compute(load_project(folder / "example.toml"))
    [tool] = r.trail.find("AR-TOOL15 (1)")
    assert not np.any(np.asarray(tool.output, dtype=np.float64))
    assert {i.symbol for i in tool.inputs} == {"ΔC_BIOMASS,t", "ΔSOC_LUC,t"}
    assert all("A_DISP,t = 0" in i.ref for i in tool.inputs)
    assert not base.trail.find("AR-TOOL15 (1)")  # the default: the fixed zero rule
    assert r.totals == base.totals
    assert r.totals["leakage_emissions"] == 0.0


@BOTH
@pytest.mark.parametrize("flag", ["0 dimensionless", "1 dimensionless"])
def test_a_stated_displacement_is_refused_whatever_the_flag(folder: Path, flag: str) -> None:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    d["inputs"]["displaces_agriculture"] = True
    d["inputs"]["displacements"] = [{
        "id": "D1", "date": "2024-03-01", "area": "5 ha", "activity": "grazing",
        "drains_wetland_or_peatland": False, "receiving_land_identified": True,
        "tree_biomass": "2 t/ha", "shrub_biomass": "5 t/ha", "source": "test"}]
    d.setdefault("parameters", {})["account_leakage"] = flag
    with pytest.raises(ApplicabilityError, match="no_displaced_agriculture failed"):
        _run(folder, d)


@BOTH
@pytest.mark.parametrize("flag", ["account_leakage", "account_ghg_e"])
def test_a_flag_is_0_or_1(folder: Path, flag: str) -> None:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    d.setdefault("parameters", {})[flag] = "0.5 dimensionless"
    with pytest.raises(InputError, match="0 or 1") as err:  # the flag's range, at load time
        _run(folder, d)
    assert err.value.field == f"parameters.{flag}"
    assert err.value.value == "0.5"


@BOTH
def test_the_flags_at_1_change_no_number_without_fire_or_displacement(folder: Path) -> None:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    d.setdefault("parameters", {}).update(account_leakage="1 dimensionless",
                                          account_ghg_e="1 dimensionless")
    r, base = _run(folder, d), compute(load_project(folder / "example.toml"))
    assert r.totals == base.totals
    assert [v.values for v in r.vintages] == [v.values for v in base.vintages]


@BOTH
def test_the_fire_check_follows_the_dead_wood_flag(folder: Path) -> None:
    # AR-TOOL08 v04.0.0 para. 13: GHG_FF_DOM is zero for dead organic matter not accounted;
    # a pool taken out by its provisional flag is not accounted, though listed in inputs.pools
    def evidence(d: dict[str, Any]) -> str:
        [check] = [c for c in _run(folder, d).checks if c.name == "forest_fire_zero"]
        return str(check.reason)

    kept = evidence(_fire_project(folder, account_ghg_e="1 dimensionless"))
    assert "dead organic matter accounted" in kept
    off = {"account_ghg_e": "1 dimensionless", "account_dead_wood": "0 dimensionless"}
    if folder == C1:
        off["account_litter"] = "0 dimensionless"
    assert "not accounted: GHG_FF_DOM zero (para. 13)" in evidence(_fire_project(folder, **off))
