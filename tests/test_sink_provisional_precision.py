"""Precision target and deduction share of the provisional CCER sink plug-ins.

The gas flags account_leakage and account_ghg_e: tests/test_sink_gas_flags.py.

CCER-14-001-V01 and CCER-14-002-V01 take their precision rule from the CDM parents (AR-ACM0003
v02.0 para. 24; AR-AM0014 v03.0 para. 25): AR-TOOL14 v04.2 paras. 18 and 22 make a change in tree
carbon whose uncertainty (eq. 2) is more than 10 per cent conservative by Appendix 2, Table 1:
X_cons = X − d(U) × U × |X|, d = 25 % for 10 < U ≤ 15 %, 50 % for 15 < U ≤ 20 %,
75 % for 20 < U ≤ 30 %. The plug-ins'
provisional equation ``prov. deduction`` keeps the share s (``uncertainty_deduction``) of that
discount where U is above the target p (``precision_target``). The change of each interval
between estimates is spread over its days (AR-TOOL14 eq. 11 by days), so over the whole axis the
net removals move by exactly the change in the interval's discount.
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
BOTH = pytest.mark.parametrize("folder", [C1, C2], ids=["CCER-14-001", "CCER-14-002"])


def _with(folder: Path, name: str = "example.toml", **params: Any) -> dict[str, Any]:
    d = copy.deepcopy(tomllib.loads((folder / name).read_text("utf-8")))
    d.setdefault("parameters", {}).update(params)
    return d


def _run(folder: Path, **params: Any) -> Any:
    return compute(project_from_dict(_with(folder, **params), base_dir=folder))


def _discounts(result: Any) -> list[tuple[float, float]]:
    """(U, d(U) × U × |X|) of each interval: AR-TOOL14 eq. (1)-(2) and App. 2 Table 1 by hand."""
    out = []
    for e in result.trail.find("AR-TOOL14 (2)"):
        x = float(next(f.output for f in result.trail.find("AR-TOOL14 (1)")
                       if f.instance == e.instance))
        u = float(e.output)
        d = (0.25 if 0.10 < u <= 0.15 else 0.50 if 0.15 < u <= 0.20
             else 0.75 if 0.20 < u <= 0.30 else None)
        assert d is not None, f"the example's U = {u} is outside the bands this test works"
        out.append((u, d * u * abs(x)))
    return out


@BOTH
def test_the_examples_discount_in_two_bands(folder: Path) -> None:
    # the examples' intervals: U 11.4 % and 18.4 % (14-001), 13.2 % and 20.8 % (14-002)
    us = [u for u, _ in _discounts(compute(load_project(folder / "example.toml")))]
    assert len(us) == 2
    assert all(u > 0.10 for u in us)


@BOTH
def test_defaults_apply_the_tools_discount_to_the_last_bit(folder: Path) -> None:
    r = compute(load_project(folder / "example.toml"))
    used = r.trail.find("prov. deduction")
    assert len(used) == 2
    for e in used:
        tool = next(f for f in r.trail.find("AR-TOOL14 App. 2 (project)")
                    if f.instance == e.instance)
        assert float(e.output) == float(tool.output)
    listed = {p["name"]: p for p in r.provisional}
    assert (listed["uncertainty_deduction"]["value"], listed["precision_target"]["value"]) == (
        1.0, 0.10)
    assert "AR-TOOL14 v04.2" in listed["precision_target"]["source"]


@BOTH
def test_half_the_discount_gives_back_half_of_it(folder: Path) -> None:
    before = compute(load_project(folder / "example.toml"))
    after = _run(folder, uncertainty_deduction="0.5 dimensionless")
    given_back = 0.5 * sum(d for _, d in _discounts(before))
    assert after.totals["emission_reductions"] == pytest.approx(
        before.totals["emission_reductions"] + given_back, rel=RTOL)


@BOTH
def test_no_deduction_gives_the_undiscounted_change(folder: Path) -> None:
    before = compute(load_project(folder / "example.toml"))
    after = _run(folder, uncertainty_deduction="0 dimensionless")
    assert after.totals["emission_reductions"] == pytest.approx(
        before.totals["emission_reductions"] + sum(d for _, d in _discounts(before)), rel=RTOL)
    for e in after.trail.find("prov. deduction"):
        x = next(f for f in after.trail.find("AR-TOOL14 (1)") if f.instance == e.instance)
        assert float(e.output) == pytest.approx(float(x.output), rel=RTOL)


@BOTH
def test_a_target_of_15_percent_spares_the_interval_at_or_below_it(folder: Path) -> None:
    # 14-001: U = 11.4 % and 18.4 %; 14-002: U = 13.2 % and 20.8 %. With p = 0.15 the first
    # interval keeps its undiscounted change; the second keeps the tool's full discount.
    before = compute(load_project(folder / "example.toml"))
    (u1, d1), (u2, _) = _discounts(before)
    assert u1 <= 0.15 < u2
    after = _run(folder, precision_target="0.15 dimensionless")
    assert after.totals["emission_reductions"] == pytest.approx(
        before.totals["emission_reductions"] + d1, rel=RTOL)


def test_the_estimate_is_not_subject_to_the_deduction() -> None:
    # AR-TOOL14 v04.2 para. 48: a projection by growth models is not subject to uncertainty
    # control, so neither parameter changes the ex-ante estimate.
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    name = "example_ex_ante.toml"
    base = estimate(load_project(C1 / name))
    other = estimate(project_from_dict(_with(C1, name, uncertainty_deduction="0 dimensionless",
                                             precision_target="0.5 dimensionless"),
                                       base_dir=C1))
    assert other.totals == base.totals


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("precision_target", 0.05, "[0.1, 1]"),
    ("uncertainty_deduction", 1.5, "[0, 1]"),
])
def test_values_outside_their_range_are_refused(name: str, value: float, expected: str) -> None:
    with pytest.raises(InputError) as err:
        _run(C1, **{name: f"{value} dimensionless"})
    assert err.value.field == f"parameters.{name}"
    assert float(err.value.value) == value
    assert expected in str(err.value.expected)


def test_the_parameters_reach_the_description_and_the_banner() -> None:
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.documents.sinks import provisional_part  # noqa: PLC0415

    described = get_methodology("CCER-14-001-V01").describe()
    names = {p["name"] for p in described["parameters"] if p["provisional"] and p["overridable"]}
    assert {"precision_target", "uncertainty_deduction", "account_leakage",
            "account_ghg_e"} <= names
    rules = {p["name"]: p for p in described["provisional"]}
    assert "precision_target" in rules["precision"]["value"]
    banner = str(provisional_part(_run(C1, uncertainty_deduction="0.5 dimensionless"), "en"))
    assert "uncertainty_deduction" in banner


def test_the_documents_show_the_tools_value_and_the_change_used() -> None:
    # interval 1 of the CCER-14-001 example: X = ΔC_TREE (eq. 1), X_cons by App. 2; half the
    # discount: X_cons + 0.5 × (X − X_cons).
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.documents.filters import format_tco2  # noqa: PLC0415
    from ccer_calc.documents.sinks import sink_part  # noqa: PLC0415

    project = project_from_dict(_with(C1, uncertainty_deduction="0.5 dimensionless"),
                                base_dir=C1)
    r = compute(project)
    label = r.trail.find("prov. deduction")[0].instance
    x = float(next(e.output for e in r.trail.find("AR-TOOL14 (1)") if e.instance == label))
    cons = float(next(e.output for e in r.trail.find("AR-TOOL14 App. 2 (project)")
                      if e.instance == label))
    for lang in ("en", "zh"):
        part = sink_part(project, r, get_methodology("CCER-14-001-V01"), lang)
        assert part is not None
        first = part["deduction"][0]
        assert label in first
        assert format_tco2(cons) in first
        assert format_tco2(cons + 0.5 * (x - cons)) in first
