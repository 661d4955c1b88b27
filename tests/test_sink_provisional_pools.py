"""The pool choices of the provisional CCER sink plug-ins are named, overridable parameters.

CCER-14-001-V01 and CCER-14-002-V01 take their pools from the CDM parents' Table 1 (AR-ACM0003
v02.0; AR-AM0014 v03.0): trees and shrubs always, dead wood, litter (AR-ACM0003 only) and SOC
as the project selects. Each pool but trees is a provisional flag ``account_<pool>`` whose
default 1 is the parent's choice; 0 takes the pool's change out of the parent's eq. (3)
ΔC_P,t = Σ pools, and so out of eq. (5)/(6) ΔC_AR,t = ΔC_ACTUAL,t − ΔC_BSL,t − LK_t.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import InputError

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
C1 = ROOT / "ccer_14_001_v01" / "data"
C2 = ROOT / "ccer_14_002_v01" / "data"
RTOL = 1e-12


def _with(folder: Path, **params: Any) -> dict[str, Any]:
    d = copy.deepcopy(tomllib.loads((folder / "example.toml").read_text("utf-8")))
    d.setdefault("parameters", {}).update(params)
    return d


def test_flags_are_provisional_parameters_with_the_parents_choice() -> None:
    r = compute(load_project(C1 / "example.toml"))
    listed = {p["name"]: p for p in r.provisional if p["kind"] == "parameter"}
    for pool in ("shrubs", "dead_wood", "litter", "soc"):
        p = listed[f"account_{pool}"]
        assert (p["value"], p["origin"]) == (1.0, "default")
        assert "AR-ACM0003 v02.0 Table 1" in p["source"]
        assert "provisional" in p["source"]


def test_ccer_14_002_without_soc_loses_eq_4_worked_by_hand() -> None:
    # AR-AM0014 v03.0 para. 17, eq. (4): ΔSOC_PROJ,t = 44/12 × Σ A_PLANT × 0.50 t C/ha/yr × Δt
    # for 20 years after planting. The example plants 25 ha in 2021 and 15 ha in 2022 and is
    # verified from 2021-01-01 to 2025-09-30: 25 ha for 4 whole years (2021-2024) and 273/365
    # of 2025, 15 ha for 3 whole years (2022-2024) and 273/365 of 2025.
    soc = 44 / 12 * 0.50 * (25 * (4 + 273 / 365) + 15 * (3 + 273 / 365))
    before = compute(load_project(C2 / "example.toml"))
    after = compute(project_from_dict(_with(C2, account_soc="0 dimensionless"), base_dir=C2))
    assert after.totals["emission_reductions"] == pytest.approx(
        before.totals["emission_reductions"] - soc, rel=RTOL)
    listed = {p["name"]: p for p in after.provisional}
    assert (listed["account_soc"]["value"], listed["account_soc"]["origin"]) == (0.0, "project")
    assert "account_soc" in after.warnings[0].message_en


def test_ccer_14_001_without_dead_wood_loses_ar_tool12_worked_by_hand() -> None:
    # AR-TOOL12 v03.1 eq. (9)-(11): C_DW = C_TREE × DF_DW with DF_DW 0.06 (its Table for the
    # example's climate); spread over the days, the changes add up to DF_DW × (C_TREE at the
    # last estimate − C_TREE at the start, zero under AR-TOOL14 para. 11). C_TREE,2025-06-30 is
    # the stock of AR-TOOL14 eq. (1) in the unmodified computation.
    before = compute(load_project(C1 / "example.toml"))
    c_tree = float(before.trail.find("AR-TOOL14 (1)")[-1].inputs[0].value)
    after = compute(project_from_dict(_with(C1, account_dead_wood="0 dimensionless"), base_dir=C1))
    assert after.totals["emission_reductions"] == pytest.approx(
        before.totals["emission_reductions"] - 0.06 * c_tree, rel=RTOL)
    assert not after.trail.find("AR-TOOL12 (9)")


def test_a_flag_is_zero_or_one_refused_when_the_project_is_read() -> None:
    # the flag's own range (ccer_calc.bounds.FLAG) stops 0.5 at load time, before any compute
    for flag in ("account_soc", "account_leakage", "account_ghg_e"):
        with pytest.raises(InputError) as err:
            project_from_dict(_with(C1, **{flag: "0.5 dimensionless"}), base_dir=C1)
        assert err.value.field == f"parameters.{flag}"
        assert err.value.value == "0.5"
        assert err.value.expected is not None
        assert err.value.expected.startswith("0 or 1")
    for ok in ("0 dimensionless", "1 dimensionless"):
        project_from_dict(_with(C1, account_soc=ok), base_dir=C1)


def test_an_overridden_flag_reaches_the_description_and_the_documents_banner() -> None:
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.documents.sinks import provisional_part  # noqa: PLC0415

    described = get_methodology("CCER-14-002-V01").describe()
    assert {"account_shrubs", "account_dead_wood", "account_soc"} <= {
        p["name"] for p in described["parameters"] if p["provisional"] and p["overridable"]}
    assert "account_soc" in {p["name"] for p in described["provisional"]}
    after = compute(project_from_dict(_with(C2, account_soc="0 dimensionless"), base_dir=C2))
    banner = str(provisional_part(after, "en"))
    assert "account_soc" in banner


def test_a_bare_number_for_a_dimensionless_flag_is_refused_with_its_own_unit() -> None:
    with pytest.raises(InputError) as err:
        compute(project_from_dict(_with(C2, account_soc=0), base_dir=C2))
    assert err.value.field == "parameters.account_soc"
    assert '"0 dimensionless"' in str(err.value)
    assert "MWh" not in str(err.value)


def test_an_overridden_provisional_value_is_sourced_to_the_project_not_the_parent() -> None:
    from ccer_calc.documents.sinks import provisional_part  # noqa: PLC0415

    after = compute(project_from_dict(_with(C2, account_soc="0 dimensionless"), base_dir=C2))
    for lang, parent in (("zh", "暂行：取 CDM 母方法学"), ("en", "value of the CDM parent")):
        rows = {r["key"]: r for r in provisional_part(after, lang)["rows"]}  # type: ignore[index]
        assert parent not in rows["account_soc"]["source"]
        assert "parameters.account_soc" in rows["account_soc"]["source"]
        assert parent in rows["account_litter" if "account_litter" in rows
                              else "account_dead_wood"]["source"]
