"""The batch worker's stacked stages give every project exactly what compute gives it (issue 12).

The worker (:func:`ccer_calc.batch._compute_chunk`) evaluates the equations of projects whose
methodology declares its stages stackable once, on their concatenated arrays
(:mod:`ccer_calc.stacking`). That is an optimisation only: each project's JSON line (trail and
fingerprint included) and its Result must be those of ``compute(load_project(path))``, byte for
byte, and a project's error must be the one it raises alone. A spy on the stacker's fallback
shows which path produced the results, so that a test of the stacked path cannot pass on the
fallback instead.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc import stacking
from ccer_calc.api import compute, load_project
from ccer_calc.batch import BatchItem, _compute_chunk, _item
from ccer_calc.datatables import use_table
from ccer_calc.errors import PluginError
from ccer_calc.methodology import Methodology
from ccer_calc.parameters import Value
from ccer_calc.plugin_contract import validate_methodology
from ccer_calc.registry import default_registry
from ccer_calc.tools import grid_baseline
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity, parse_unit
from methodologies.ccer_01_002_v01.methodology import offshore_wind_stages

OFFSHORE = Path(str(resources.files("methodologies.ccer_01_002_v01").joinpath("data")))
SOLAR = Path(str(resources.files("methodologies.ccer_01_001_v01").joinpath("data")))


def _stackable() -> list[Methodology]:
    reg = default_registry()
    out = []
    for d in reg.describe_all(load=False):
        m = reg.get(d["id"])
        if type(m).stage_key is not Methodology.stage_key:
            out.append(m)
    return out


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every project the stacker computes alone after all (its fallback)."""
    calls: list[str] = []
    real = stacking._fallback

    def spy(p: Any, key: Any, values: Any) -> Any:
        calls.append(p.described.spec.name)
        return real(p, key, values)

    monkeypatch.setattr(stacking, "_fallback", spy)
    return calls


def _single(path: str, json_trail: Any) -> BatchItem:
    """The single path: :func:`ccer_calc.api.compute` on the loaded file, made an item."""
    try:
        outcome: Any = compute(load_project(path))
    except Exception as exc:  # the project's error, compared below
        outcome = exc
    return _item(path, outcome, json_trail)


def _same_error(a: BaseException | None, b: BaseException | None) -> None:
    assert a is not None and b is not None
    assert (type(a), str(a), getattr(a, "field", None)) == (type(b), str(b),
                                                            getattr(b, "field", None))


def _same_trail(a: Trail, b: Trail) -> None:
    """Entry by entry: equal metadata, provenance and arrays of equal shape, dtype and bits."""
    assert a.axis == b.axis
    assert len(a.entries) == len(b.entries)
    for x, y in zip(a.entries, b.entries, strict=True):
        assert (x.key, x.symbol, x.output_unit) == (y.key, y.symbol, y.output_unit)
        pairs = [(x.output, y.output)] + [(i.value, j.value) for i, j in
                                          zip(x.inputs, y.inputs, strict=True)]
        for i, j in zip(x.inputs, y.inputs, strict=True):
            assert (i.name, i.symbol, i.unit, i.origin, i.ref) == (j.name, j.symbol, j.unit,
                                                                   j.origin, j.ref)
        for u, v in pairs:
            assert (u.shape, u.dtype, u.tobytes()) == (v.shape, v.dtype, v.tobytes())


def _check(paths: list[str]) -> list[BatchItem]:
    """The worker's items equal the single path's: JSON lines, Results and errors."""
    lines = _compute_chunk(paths, None, "full", False)
    items = _compute_chunk(paths, None, None, False)
    for path, line, item in zip(paths, lines, items, strict=True):
        alone = _single(path, "full")
        assert line.line == alone.line
        single = _single(path, None)
        if single.result is None:
            _same_error(item.error, single.error)
            continue
        assert item.result is not None
        assert item.result.to_dict(trail="full") == single.result.to_dict(trail="full")
        _same_trail(item.result.trail, single.result.trail)
    return items


# -- (1) every bundled example --------------------------------------------------------------

@pytest.mark.parametrize("m", _stackable(), ids=lambda m: m.id)
def test_every_bundled_example_equals_the_single_path(
        m: Methodology, monkeypatch: pytest.MonkeyPatch) -> None:
    # each file twice, so that each is stacked at least with a copy of itself
    folder = Path(str(resources.files(type(m).__module__.rsplit(".", 1)[0]).joinpath("data")))
    files = sorted(str(p) for p in folder.glob("*.toml"))
    calls = _spy(monkeypatch)
    items = _check(files + files)
    assert calls == []  # the stacked path, not the fallback, produced them
    assert any(i.ok for i in items)


def test_the_three_energy_methodologies_are_stackable() -> None:
    # CCER-01-002-V01, CCER-01-001-V01 and ACM0002 declare the protocol; the sinks, whose
    # stages run over strata and inventories rather than element by element, do not
    assert {m.id for m in _stackable()} >= {"CCER-01-002-V01", "CCER-01-001-V01", "ACM0002"}


def test_a_stage_key_without_its_stages_is_refused() -> None:
    # a key promises gather and stages; the registry's contract check holds the plug-in to it
    m = default_registry().get("CCER-01-002-V01")
    half = type("Half", (type(m),), {"stages": Methodology.stages})()
    with pytest.raises(PluginError, match="declares a stage_key but not its gather and stages"):
        validate_methodology(half, m.id, "test")


# -- (2) a heterogeneous group --------------------------------------------------------------

HEAD = ("start,end,export [{u}],import [{u}],export_meter,export_meter_error [%],"
        "import_meter,import_meter_error [%]")


def _write(folder: Path, name: str, data: dict[str, Any], rows: list[str],
           unit: str = "MWh") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.csv").write_text("\n".join([HEAD.format(u=unit), *rows]) + "\n", "utf-8")
    data["monitoring"]["csv"] = f"{name}.csv"
    data["name"] = name
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
    return str(path)


def _offshore() -> dict[str, Any]:
    return tomllib.loads((OFFSHORE / "example.toml").read_text("utf-8"))


def _published(grid: str, years: np.ndarray, *, as_of: Any) -> tuple[Value, Value]:
    """A stand-in for MEE's factors of years after 2020 (the bundled table holds only 2019).

    No CCER monitoring period can use the 2019 edition (reductions after 2020-09-22), so the
    group's project on published factors gets these, with its own provenance and table record.
    """
    del as_of
    use_table("grid_factors_mee.csv")
    unit = parse_unit("t CO2/MWh")
    om = np.where(years == 2022, 0.7921, 0.7889) + (0.01 if grid == "华东" else 0.0)
    bm = np.where(years == 2022, 0.4002, 0.3745)
    ref = f"stand-in MEE edition of year y, grid {grid}"
    return (Value("EF_grid,OM,y", Quantity(om, unit), "published", ref),
            Value("EF_grid,BM,y", Quantity(bm, unit), "published", ref))


def _heterogeneous(tmp_path: Path) -> list[str]:
    paths = [str(OFFSHORE / "example.toml")]
    # another grid and other years, on published factors, rows spanning two periods and 1 Jan
    d = _offshore()
    d["inputs"]["grid"], d["province"] = "华东", "江苏"
    del d["parameters"]
    d["dates"] |= {"grid_connection": "2022-06-30", "crediting_period_start": "2022-11-01",
                   "crediting_period_end": "2032-10-31"}
    d["monitoring"]["periods"] = [{"id": "A", "start": "2022-11-01", "end": "2023-01-15"},
                                  {"id": "B", "start": "2023-01-16", "end": "2023-03-31"}]
    paths.append(_write(tmp_path / "b", "published_east", d, [
        "2022-11-01,2022-11-30,81000.5,120.25,ok,,ok,",
        "2022-12-01,2023-01-15,120500.0,180.0,ok,,ok,",
        "2023-01-16,2023-02-28,99000.75,150.5,ok,,ok,",
        "2023-03-01,2023-03-31,70500.0,99.0,ok,,ok,"]))
    # the CSV in kWh, other overrides, other periods
    d = _offshore()
    d["parameters"] = {"grid_om_factor": "812.5 kg CO2/MWh", "grid_bm_factor": "0.2718 t CO2/MWh"}
    d["monitoring"]["periods"] = [{"id": "Q1", "start": "2024-01-01", "end": "2024-03-31"}]
    paths.append(_write(tmp_path / "c", "in_kwh", d, [
        "2024-01-01,2024-01-31,98210400,212600,ok,,ok,",
        "2024-02-01,2024-02-29,91874000,198300,ok,,ok,",
        "2024-03-01,2024-03-31,88320700,240100,ok,,ok,"], unit="kWh"))
    # meter errors in some rows, one row only in its second period
    d = _offshore()
    d["monitoring"]["periods"] = [{"id": "M1", "start": "2024-08-01", "end": "2024-09-30"},
                                  {"id": "M2", "start": "2024-10-01", "end": "2024-10-31"}]
    d["monitoring"]["meters"] = {"export": {"max_permissible_error": "0.2 %"},
                                 "import": {"max_permissible_error": "1 %"}}
    paths.append(_write(tmp_path / "d", "meter_errors", d, [
        "2024-08-01,2024-08-31,60000,300,out_of_tolerance,-1.2,ok,",
        "2024-09-01,2024-09-30,70000,250,uncalibrated,,out_of_tolerance,0.7",
        "2024-10-01,2024-10-31,80000,200,ok,,uncalibrated,"]))
    # a single row
    d = _offshore()
    d["monitoring"]["periods"] = [{"id": "ONE", "start": "2024-05-01", "end": "2024-05-31"}]
    paths.append(_write(tmp_path / "e", "one_row", d,
                        ["2024-05-01,2024-05-31,62310.2,301.7,ok,,ok,"]))
    return paths


def test_heterogeneous_group_equals_each_single_computation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid_baseline, "grid_factors_for_years", _published)
    paths = _heterogeneous(tmp_path)
    calls = _spy(monkeypatch)
    items = _check(paths)
    assert calls == []
    assert all(i.ok for i in items)
    r = [i.result for i in items]
    assert r[1] is not None and r[2] is not None
    # the provenance is each project's own: published factors and their table, or overrides
    om = r[1].trail.find("(3)")[0].inputs[1]
    assert (om.origin, om.ref) == ("published", "stand-in MEE edition of year y, grid 华东")
    assert "ccer_calc.tools.data/grid_factors_mee.csv" in r[1].data_tables
    assert "ccer_calc.tools.data/grid_factors_mee.csv" not in r[2].data_tables
    assert r[2].trail.find("(3)")[0].inputs[1].origin == "project"
    # and the numbers are the project's: 812.5 kg CO2/MWh is 0.8125 t CO2/MWh (§7.3.4 and (1)
    # of CCER-01-002-V01: BE = (EG_export - EG_import) x (0.5 OM + 0.5 BM), meters in tolerance)
    be = r[2].trail.find("(1)")[0].output
    want = (np.array([98210.4, 91874.0, 88320.7]) - np.array([212.6, 198.3, 240.1])) * (
        0.5 * 0.8125 + 0.5 * 0.2718)
    np.testing.assert_allclose(be, want, rtol=1e-12)


def test_solar_thermal_group_with_other_fuels_and_fuel_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CCER-01-001-V01 (5): COEF_i = NCV_i x CC_i x OF_i x 44/12 is scalar for each project;
    # projects with other NCVs are stacked (broadcast), each gets its own scalar back; a
    # project with another fuel list is another group; an NCV in another unit is grouped apart
    base = tomllib.loads((SOLAR / "example.toml").read_text("utf-8"))
    csv = (SOLAR / "example_monitoring.csv").read_text("utf-8")
    variants: list[dict[str, Any]] = [
        {}, {"natural_gas": {"ncv": "371.0 GJ/万Nm3"}, "diesel": {"ncv": "42.9 GJ/t"}},
        {"natural_gas": {"ncv": "37.1 MJ/Nm3"}}, {"natural_gas": {"ncv": "390.0 GJ/万Nm3"}}]
    paths = [str(SOLAR / "example.toml")]
    for k, props in enumerate(variants):
        d = json.loads(json.dumps(base, default=str))
        d["inputs"]["fuel_properties"] = props
        d["parameters"]["grid_om_factor"] = f"{0.85 + k / 100:.2f} t CO2/MWh"
        folder = tmp_path / f"s{k}"
        folder.mkdir()
        (folder / "example_monitoring.csv").write_text(csv, "utf-8")
        path = folder / "p.json"
        path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
        paths.append(str(path))
    diesel_only = json.loads(json.dumps(base, default=str))
    diesel_only["inputs"]["fuels"] = ["diesel"]
    diesel_only["inputs"]["fuel_properties"] = {}
    del diesel_only["monitoring"]["meters"]["fuel_natural_gas"]
    folder = tmp_path / "diesel"
    folder.mkdir()
    rows = [line.split(",") for line in csv.splitlines()]
    keep = [k for k, h in enumerate(rows[0]) if "natural_gas" not in h]
    (folder / "example_monitoring.csv").write_text(
        "\n".join(",".join(r[k] for k in keep) for r in rows) + "\n", "utf-8")
    (folder / "p.json").write_text(json.dumps(diesel_only, ensure_ascii=False), "utf-8")
    paths += [str(folder / "p.json")] * 2
    calls = _spy(monkeypatch)
    items = _check(paths)
    assert calls == []
    assert all(i.ok for i in items)
    coef = [i.result.trail.find("(5)")[0] for i in items if i.result is not None]
    assert all(c.output.shape == () for c in coef)


def test_scalars_where_others_have_arrays() -> None:
    # CCER-01-002-V01 stages on a project of four elements and one whose inputs are all
    # scalars (broadcast to its three elements in the stack): split back, each trail equals
    # the one its project records alone -- arrays cut to its elements, scalars where its
    # inputs were scalars, each input's own provenance
    def v(sym: str, x: Any, unit: str, origin: Any = "monitored", ref: str = "r") -> Value:
        return Value(sym, Quantity(np.asarray(x, dtype=np.float64), parse_unit(unit)), origin,
                     ref)

    arrays = {"exported": v("EG_export,y", [10.0, 20.5, 30.25, 41.0], "MWh"),
              "imported": v("EG_import,y", [1.0, 0.5, 0.25, 2.0], "MWh"),
              "export_error": v("e_export", [0.0, 0.012, 0.0, 0.005], ""),
              "import_error": v("e_import", [0.0, 0.0, 0.007, 0.0], ""),
              "om_weight": v("w_OM", 0.5, "", "fixed"),
              "operating_margin": v("EF_grid,OM,y", [0.8, 0.8, 0.81, 0.81], "t CO2/MWh"),
              "bm_weight": v("w_BM", 0.5, "", "fixed"),
              "build_margin": v("EF_grid,BM,y", [0.2, 0.2, 0.21, 0.21], "t CO2/MWh")}
    scalars = {"exported": v("EG_export,y", 55.5, "MWh", "project", "mine"),
               "imported": v("EG_import,y", 1.5, "MWh", "project", "mine"),
               "export_error": v("e_export", 0.002, ""),
               "import_error": v("e_import", 0.0, ""),
               "om_weight": v("w_OM", 0.5, "", "default", "other"),
               "operating_margin": v("EF_grid,OM,y", 0.9, "t CO2/MWh", "project"),
               "bm_weight": v("w_BM", 0.5, "", "fixed"),
               "build_margin": v("EF_grid,BM,y", 0.3, "t CO2/MWh", "project")}
    st = stacking._stack([arrays, scalars], [4, 3])
    group = Trail()
    out = offshore_wind_stages(group, **st.values)
    split = stacking._split(group, {"net": out.net_electricity}, st)
    for own, (entries, outs) in zip([arrays, scalars], split, strict=True):
        alone = Trail()
        ref = offshore_wind_stages(alone, **own)
        mine = Trail()
        for e in entries:
            mine.append(e)
        _same_trail(mine, alone)
        a, b = outs["net"].quantity.magnitude, ref.net_electricity.quantity.magnitude
        assert (np.shape(a), np.asarray(a).tobytes()) == (np.shape(b), np.asarray(b).tobytes())
    # the scalar project's net delivery, by (2)-(3) and §7.3.4: 55.5 x (1 - 0.002) - 1.5
    assert float(split[1][1]["net"].quantity.m) == pytest.approx(55.5 * 0.998 - 1.5, rel=1e-12)


def test_long_projects_run_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # beyond ROWS elements a project's equations are numpy-bound: it is not stacked (and a
    # group would hold all its members' arrays at once); its result is still compute's
    monkeypatch.setattr(stacking, "ROWS", 17)
    monkeypatch.setattr(grid_baseline, "grid_factors_for_years", _published)
    calls: list[int] = []
    real = stacking._stack

    def spy(own: Any, sizes: list[int]) -> Any:
        calls.append(len(sizes))
        return real(own, sizes)

    monkeypatch.setattr(stacking, "_stack", spy)
    short = _heterogeneous(tmp_path)[1:]  # 4, 3, 3 and 1 elements
    _check([str(OFFSHORE / "example.toml"), *short])  # the example has 18 elements
    assert calls == [len(short)] * 2  # stacked without the example, in both runs of _check


# -- (3) one project fails after the stages -------------------------------------------------

def test_negative_net_delivery_is_that_projects_error_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _offshore()
    d["monitoring"]["periods"] = [{"id": "OK", "start": "2024-01-01", "end": "2024-01-31"},
                                  {"id": "NEG", "start": "2024-02-01", "end": "2024-02-29"}]
    bad = _write(tmp_path / "neg", "negative", d, ["2024-01-01,2024-01-31,5000,100,ok,,ok,",
                                                   "2024-02-01,2024-02-29,100,250.5,ok,,ok,"])
    good = str(OFFSHORE / "example.toml")
    calls = _spy(monkeypatch)
    items = _check([good, bad, good])
    assert calls == []  # the refusal comes after the stages: no fallback needed
    assert [i.ok for i in items] == [True, False, True]
    assert "electricity imported exceeds electricity exported" in str(items[1].error)
    assert getattr(items[1].error, "field", None) == "monitoring period NEG"


# -- (4) the fallback -------------------------------------------------------------------------

def _raise(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("stacker out of order")


@pytest.mark.parametrize("broken", ["_split", "_stack"])
def test_fallback_gives_exact_results(
        broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid_baseline, "grid_factors_for_years", _published)
    paths = _heterogeneous(tmp_path)
    monkeypatch.setattr(stacking, broken, _raise)
    calls = _spy(monkeypatch)
    items = _check(paths)
    assert len(calls) == 2 * len(paths)  # each project, in both runs of _check, went alone
    assert all(i.ok for i in items)


def test_a_broken_stacker_does_not_stop_the_chunk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # whatever the stacker raises, the worker computes each loaded project alone
    monkeypatch.setattr(grid_baseline, "grid_factors_for_years", _published)
    raised: list[int] = []

    def broken(projects: Any, **kwargs: Any) -> Any:
        raised.append(len(projects))
        raise RuntimeError("stacker out of order")

    monkeypatch.setattr(stacking, "compute_projects", broken)
    items = _check([*_heterogeneous(tmp_path), str(tmp_path / "missing.toml")])
    assert raised == [5, 5]  # the five loaded projects, in both runs of _check
    assert [i.ok for i in items] == [True] * 5 + [False]


def test_stages_failing_in_the_group_fall_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # stages that fail only on the concatenated arrays (as a non-finite result of one project
    # would make the group's evaluation fail): each project is computed alone, exactly
    m = default_registry().get("CCER-01-002-V01")
    real: Callable[..., Any] = type(m).stages

    def stages(self: Any, trail: Any, key: Any, values: Any) -> Any:
        if not isinstance(trail, Trail) or not trail.axis:  # the group's trail has no axis
            raise FloatingPointError("group evaluation failed")
        return real(self, trail, key, values)

    monkeypatch.setattr(type(m), "stages", stages)
    paths = [str(OFFSHORE / "example.toml")] * 3
    calls = _spy(monkeypatch)
    items = _check(paths)
    assert len(calls) == 2 * 3  # each project, in both runs of _check
    assert all(i.ok for i in items)
