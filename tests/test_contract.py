"""STYLE practice 11: every loadable methodology, run on its bundled example, keeps the
engine's invariants. A third-party plug-in can run the same checks."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.result import KEYS
from ccer_calc.units import parse_unit

LOADABLE = [m["id"] for m in list_methodologies() if m.get("status") != "broken"]
CO2E = parse_unit("t CO2e")


def test_offshore_wind_is_among_the_loadable() -> None:
    assert "CCER-01-002-V01" in LOADABLE


def _example(mid: str) -> Path:
    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    path = Path(str(resources.files(pkg).joinpath(m.example)))
    assert path.is_file(), f"{mid}: example {m.example} is missing"
    return path


def _run(mid: str) -> Any:
    return compute(load_project(_example(mid)))


@pytest.fixture(params=LOADABLE)
def mid(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_stage_units_are_tonnes_co2e(mid: str) -> None:
    result = _run(mid)
    d = result.to_dict()
    for item in [*d["periods"], *d["vintages"], d["totals"]]:
        for k in KEYS:
            assert parse_unit(item[k]["unit"]) == CO2E
    units = {e.equation: e.output_unit for e in result.trail.entries}
    m = get_methodology(mid)
    for eq in m.equations:
        if eq.meta.symbol.split("_")[0] in {"BE", "PE", "LE", "ER"} and eq.meta.id in units:
            assert parse_unit(units[eq.meta.id]).dimensionality == CO2E.dimensionality


def test_er_is_be_minus_pe_minus_le(mid: str) -> None:
    # where LE is not in the methodology's formula it is 0, so ER = BE - PE holds either way
    result = _run(mid)
    for p in [*result.periods, *result.vintages]:
        v = p.values
        scale = max(abs(v["baseline_emissions"]), 1.0)
        assert v["emission_reductions"] == pytest.approx(
            v["baseline_emissions"] - v["project_emissions"] - v["leakage_emissions"],
            rel=1e-12, abs=1e-12 * scale)


def test_trail_is_complete_and_uses_declared_equations(mid: str) -> None:
    result = _run(mid)
    declared = {eq.meta.id for eq in get_methodology(mid).equations}
    used = [e.equation for e in result.trail.entries]
    assert len(used) >= 4  # BE, PE, LE and ER at least
    assert set(used) <= declared
    axis = len(result.trail.axis)
    for e in result.trail.entries:
        # a scalar; a vector along the period axis or over strata (a forest's strata, the
        # SOC strata of AR-TOOL16); or a matrix along the period axis with one column per stratum
        assert e.output.ndim <= 1 or (e.output.ndim == 2 and e.output.shape[0] == axis), e.key


def test_json_round_trip(mid: str) -> None:
    result = _run(mid)
    assert json.loads(result.to_json()) == result.to_dict()


def test_fingerprint_is_stable(mid: str) -> None:
    first, second = _run(mid), _run(mid)
    assert first.fingerprint == second.fingerprint
    assert first.to_json() == second.to_json()


def test_library_prints_nothing(mid: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = _run(mid)
    result.to_json()
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_checks_all_passed_on_the_example(mid: str) -> None:
    result = _run(mid)
    assert [c.name for c in result.checks if not c.passed] == []
    assert len(result.checks) >= len(get_methodology(mid).checks)


def test_trail_cites_only_the_methodologys_own_documents(mid: str) -> None:
    """Issue #9: every entry cites its methodology's document or a tool document it declares.

    A shared tool must not carry another methodology's id or citation into this trail (the
    ACM0002 trail once cited "CCER-01-002-V01 §6.3" for a CDM calculation).
    """
    m = get_methodology(mid)
    own = {m.document, *m.tool_documents}
    assert all(" v" in d or d == m.document for d in own)  # tool documents carry a version
    others = {get_methodology(o).document for o in LOADABLE if o != mid}
    for e in _run(mid).trail.entries:
        assert e.document in own, (e.key, e.document)
        foreign = [o for o in others if o.split(" ")[0] in e.source]
        assert not foreign, (e.key, e.source)


def test_every_monitored_column_is_described_for_the_project(mid: str) -> None:
    """One per-project description: the columns a project monitors are the ones described."""
    m = get_methodology(mid)
    project = load_project(_example(mid))
    described = {c["name"] for c in m.describe(project.inputs)["monitored"]}
    assert described == set(project.table.columns)


# --- the ex-ante variant (issue #15): the same invariants on the estimate --------------------

def _ex_ante(mid: str) -> Any:
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    path = _example(mid)
    variant = path.with_name(path.stem + "_ex_ante.toml")
    if not variant.is_file():
        pytest.skip(f"{mid} has no ex-ante example ({variant.name})")
    return estimate(load_project(variant))


def test_ex_ante_estimate_keeps_the_invariants(mid: str) -> None:
    est = _ex_ante(mid)
    for y in est.years:
        v = y.values
        scale = max(abs(v["baseline_emissions"]), 1.0)
        assert v["emission_reductions"] == pytest.approx(
            v["baseline_emissions"] - v["project_emissions"] - v["leakage_emissions"],
            rel=1e-12, abs=1e-12 * scale)
    assert [c.name for c in est.result.checks if not c.passed] == []
    declared = {eq.meta.id for eq in get_methodology(mid).equations}
    assert {e.equation for e in est.result.trail.entries} <= declared
    origins = {i.origin for e in est.result.trail.entries for i in e.inputs}
    assert "monitored" not in origins
    assert json.loads(est.to_json()) == est.to_dict()
    assert est.to_json() == _ex_ante(mid).to_json()
    total = est.totals["emission_reductions"]
    assert est.annual_average["emission_reductions"] == pytest.approx(
        total / est.crediting_years, rel=1e-12)


def test_ex_ante_trail_cites_only_the_methodologys_own_documents(mid: str) -> None:
    """The estimate's equations, a sink's growth model included, cite declared documents."""
    est = _ex_ante(mid)
    m = get_methodology(mid)
    own = {m.document, *m.tool_documents}
    others = {get_methodology(o).document for o in LOADABLE if o != mid}
    axis = len(est.result.trail.axis)
    for e in est.result.trail.entries:
        assert e.document in own, (e.key, e.document)
        foreign = [o for o in others if o.split(" ")[0] in e.source]
        assert not foreign, (e.key, e.source)
        # a vector along the axis or over strata, or a matrix of one column per stratum or
        # planting cohort along the axis
        assert e.output.ndim <= 1 or (e.output.ndim == 2 and e.output.shape[0] == axis), e.key
