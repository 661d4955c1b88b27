"""Physical ranges: declared once on each parameter, monitored column and input, checked at load.

Issue #14, item 2. Before: a negative NCV turned PE negative and so raised ER; a negative grid
factor gave negative ER silently; ``t CO2/kJ`` passed as a grid factor; a meter error of 100 %
and exports beyond what the plant can deliver were accepted.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.errors import InputError, UnitError

WriteProject = Callable[..., Path]
ACM = Path(__file__).parents[1] / "methodologies" / "acm0002" / "data"
CSP = Path(__file__).parents[1] / "methodologies" / "ccer_01_001_v01" / "data"


def _copy_example(folder: Path, tmp_path: Path) -> Path:
    for name in ("example.toml", "example_monitoring.csv"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    return tmp_path / "example.toml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_negative_ncv_is_refused_not_raising_er(tmp_path: Path) -> None:
    # solar thermal: COEF = NCV × CC × 44/12 × OF (CCER-01-001-V01 eq. (5)); NCV < 0 made PE < 0
    path = _copy_example(CSP, tmp_path)
    _edit(path, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "-385.2 GJ/万Nm3"')
    with pytest.raises(InputError, match=r"value -385.2 GJ / 万Nm3 is negative \(expected "
                                         r"a value > 0\)") as info:
        load_project(path)
    assert info.value.field == "inputs.fuel_properties.natural_gas.ncv"


def test_acm0002_negative_ncv_is_refused(tmp_path: Path) -> None:
    path = _copy_example(ACM, tmp_path)
    _edit(path, 'ncv = "43.0 GJ/t"', 'ncv = "-43.0 GJ/t"')
    with pytest.raises(InputError, match="is negative") as info:
        load_project(path)
    assert info.value.field == "inputs.fuels.diesel.ncv"


def test_zero_ncv_is_refused(tmp_path: Path) -> None:
    path = _copy_example(ACM, tmp_path)
    _edit(path, 'ncv = "43.0 GJ/t"', 'ncv = "0 GJ/t"')
    with pytest.raises(InputError, match=r"out of range \(expected a value > 0\)"):
        load_project(path)


@pytest.mark.parametrize(("om", "message"), [
    ("-0.8042 t CO2/MWh", r"got '-0.8042 t CO2/MWh'; expected a value in \[0, 2\] t CO2/MWh"),
    ("0.8042 t CO2/kJ", r"got '2.89512e\+06 t CO2/MWh'"),   # 1 MWh = 3.6e6 kJ
    ("804.2 t CO2/MWh", r"got '804.2 t CO2/MWh'"),          # kg written as t
    ("nan t CO2/MWh", r"not a finite number"),
])
def test_grid_factor_outside_its_band_is_refused(write_project: WriteProject,
                                                 example_data: dict[str, Any], om: str,
                                                 message: str) -> None:
    example_data["parameters"] = {"grid_om_factor": om, "grid_bm_factor": "0.2135 t CO2/MWh"}
    with pytest.raises(InputError, match=message) as info:
        load_project(write_project(example_data))
    assert info.value.field == "parameters.grid_om_factor"


def test_grid_factor_in_kg_per_kwh_is_converted_and_accepted(
        write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8042 kg CO2/kWh",
                                  "grid_bm_factor": "0.2135 t CO2/MWh"}
    assert load_project(write_project(example_data)).overrides["grid_om_factor"].m == 0.8042


def test_export_beyond_capacity_times_hours_is_refused(
        write_project: WriteProject, example_csv_lines: list[str]) -> None:
    # 300 MW for the 31 days of March 2024 is at most 223,200 MWh
    lines = list(example_csv_lines)
    assert lines[3].startswith("2024-03-01,2024-03-31,88320.7,")
    lines[3] = lines[3].replace("88320.7", "223200.1")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 4, column export: more "
                                         r"energy than the installed capacity can deliver in "
                                         r"the row \(300 MW × 744 h\) \(got '223200 MWh'; "
                                         r"expected at most 223200 MWh\)"):
        load_project(write_project(csv_lines=lines))
    lines[3] = lines[3].replace("223200.1", "223200")
    load_project(write_project(csv_lines=lines))  # exactly full load is possible


def test_capacity_check_applies_to_inline_rows_in_other_units(
        write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                              "end": "2024-01-01"}]
    example_data["monitoring"]["data"] = [{"start": "2024-01-01", "end": "2024-01-01",
                                           "export": "7.3 GWh", "import": "0 MWh"}]
    with pytest.raises(InputError, match=r"monitoring.data\[0\].export: more energy"):
        load_project(write_project(example_data))


@pytest.mark.parametrize(("cell", "ok"), [("99.9", True), ("100", False), ("-100", False),
                                          ("250", False)])
def test_meter_error_of_100_percent_is_refused(write_project: WriteProject,
                                               example_csv_lines: list[str], cell: str,
                                               ok: bool) -> None:
    lines = list(example_csv_lines)
    assert lines[8].endswith("out_of_tolerance,-0.8,ok,")
    lines[8] = lines[8].replace("out_of_tolerance,-0.8,", f"out_of_tolerance,{cell},")
    if ok:
        load_project(write_project(csv_lines=lines))
        return
    with pytest.raises(InputError, match=r"line 9, column export_meter_error: value out of "
                                         r"range .*expected a value in \(-1, 1\)"):
        load_project(write_project(csv_lines=lines))


def test_maximum_permissible_error_of_100_percent_is_refused(
        write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["meters"]["export"] = {"max_permissible_error": "100 %"}
    with pytest.raises(InputError, match=r"is out of range \(expected a value in \[0, 100\) "
                                         r"percent"):
        load_project(write_project(example_data))


def test_zero_capacity_is_refused(write_project: WriteProject,
                                  example_data: dict[str, Any]) -> None:
    example_data["inputs"]["installed_capacity"] = "0 MW"
    with pytest.raises(InputError, match="installed_capacity"):
        load_project(write_project(example_data))


def test_carbon_content_per_mj_is_refused(tmp_path: Path) -> None:
    path = _copy_example(CSP, tmp_path)
    _edit(path, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "385.2 GJ/万Nm3"\ncc = "15.3 t C/GJ"')
    with pytest.raises(InputError, match=r"cc: value 15.3 t C/GJ is out of range \(expected "
                                         r"a value in \[0, 0.1\] t C/GJ"):
        load_project(path)


def test_oxidation_above_one_is_refused_at_load(tmp_path: Path) -> None:
    path = _copy_example(CSP, tmp_path)
    _edit(path, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "385.2 GJ/万Nm3"\nof = "101 %"')
    with pytest.raises(InputError, match="inputs.fuel_properties.natural_gas.of"):
        load_project(path)


def test_unit_of_wrong_dimension_stays_a_unit_error(write_project: WriteProject,
                                                    example_data: dict[str, Any]) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8 t CO2/m^3",
                                  "grid_bm_factor": "0.2 t CO2/MWh"}
    with pytest.raises(UnitError):
        load_project(write_project(example_data))


# --- every declaration carries its range ------------------------------------------------------


def _ids() -> list[str]:
    return [m["id"] for m in list_methodologies() if m.get("status") != "broken"]


@pytest.mark.parametrize("mid", _ids())
def test_every_parameter_and_column_declares_a_range(mid: str) -> None:
    m = get_methodology(mid)
    for p in m.parameters:
        assert p.bounds is not None
        if p.default is not None:
            assert p.bounds.contains(p.default), p.name
        assert "range" in p.to_dict()
    for c in m.monitored_columns:
        assert c.bounds is not None
        assert c.bounds.minimum is not None, c.name  # energies and masses are not negative


def _quantity_fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any]]:
    from ccer_calc.project import Declared  # noqa: PLC0415

    out = []
    for name, info in model.model_fields.items():
        declared = [x for x in info.metadata if isinstance(x, Declared)]
        annotation = info.annotation
        args = typing.get_args(annotation) or (annotation,)
        for arg in args:
            declared += [x for x in getattr(arg, "__metadata__", ()) if isinstance(x, Declared)]
            inner = typing.get_args(arg)
            if inner and isinstance(inner[-1], type) and issubclass(inner[-1], BaseModel):
                out += _quantity_fields(inner[-1], f"{prefix}{name}.")
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                out += _quantity_fields(arg, f"{prefix}{name}.")
        # a quantity field serialises through ccer_calc.fields._serialise (its runtime type is
        # Any: pint is imported when it validates, not when the model is defined)
        quantity = "_serialise" in repr(annotation) + repr(info.metadata)
        if quantity:
            out.append((prefix + name, declared))
    return out


@pytest.mark.parametrize("mid", _ids())
def test_every_quantity_input_declares_a_range(mid: str) -> None:
    fields = _quantity_fields(get_methodology(mid).input_model)
    assert fields, "the introspection found no quantity field"
    undeclared = [name for name, declared in fields if not declared]
    assert undeclared == []


def test_bundled_examples_are_inside_every_range() -> None:
    for mid in _ids():
        m = get_methodology(mid)
        folder = Path(__import__(type(m).__module__.rpartition(".")[0],
                                 fromlist=["x"]).__file__).parent
        compute(load_project(folder / m.example))


@pytest.mark.parametrize("weight", ["150 %", "-25 %"])
def test_acm0002_weight_override_is_a_fraction(tmp_path: Path, weight: str) -> None:
    # TOOL07 weights are overridable in ACM0002; a weight above 1 would raise ER
    path = _copy_example(ACM, tmp_path)
    _edit(path, 'grid_bm_factor = "0.35 t CO2/MWh"\n',
          f'grid_bm_factor = "0.35 t CO2/MWh"\nom_weight_other = "{weight}"\n')
    with pytest.raises(InputError, match=r"expected a value in \[0, 1\]") as info:
        load_project(path)
    assert info.value.field == "parameters.om_weight_other"


# --- issue #14 audit, item 5: upper bounds on NCV and installed capacity ------------------
# Before: an NCV of 1e12 GJ/万Nm3 computed with exit 0, a capacity of 1e306 MW was accepted.

@pytest.mark.parametrize("case", [
    (CSP, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "1e12 GJ/万Nm3"', "fuel_properties.natural_gas.ncv",
     r"1e\+12 GJ/万Nm3", r"\[10, 1500\] GJ/万Nm3"),
    # 385.2 MJ/Nm3 is 3,852 GJ/万Nm3: an NCV typed per Nm3 with the per-万Nm3 number
    (CSP, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "385.2 MJ/Nm3"', "fuel_properties.natural_gas.ncv",
     "3852 GJ/万Nm3", r"\[10, 1500\] GJ/万Nm3"),
    (ACM, 'ncv = "43.0 GJ/t"', 'ncv = "43000 GJ/t"', "fuels.diesel.ncv", "43000 GJ/t",
     r"\[2, 150\] GJ/t \(fuels burned for energy lie between ~8 GJ/t \(coal gangue\) "
     r"and ~120 GJ/t \(hydrogen\)\)"),
    (ACM, 'ncv = "43.0 GJ/t"', 'ncv = "43.0 GJ/kg"', "fuels.diesel.ncv", "43000 GJ/t",
     r"\[2, 150\] GJ/t"),
    (ACM, 'ncv = "43.0 GJ/t"', 'ncv = "360 GJ/m^3"', "fuels.diesel.ncv", r"360 GJ/m\^3",
     r"\(0, 100\] GJ/m\^3"),
    # the floors: an NCV typed in MJ as if GJ (re-audit of issue 14: 43 MJ/t computed)
    (ACM, 'ncv = "43.0 GJ/t"', 'ncv = "43.0 MJ/t"', "fuels.diesel.ncv", "0.043 GJ/t",
     r"\[2, 150\] GJ/t"),
    (CSP, 'ncv = "385.2 GJ/万Nm3"', 'ncv = "3.852 GJ/万Nm3"', "fuel_properties.natural_gas.ncv",
     "3.852 GJ/万Nm3", r"\[10, 1500\] GJ/万Nm3"),
])
def test_implausible_ncv_is_refused(tmp_path: Path, case: tuple[Path, str, str, str, str, str]
                                    ) -> None:
    folder, old, new, field, shown, expected = case
    path = _copy_example(folder, tmp_path)
    _edit(path, old, new)
    with pytest.raises(InputError, match=rf"value {shown} is out of range \(expected a value "
                                         rf"in {expected}") as info:
        load_project(path)
    assert info.value.field == f"inputs.{field}"
    assert info.value.value == new.split('"')[1]


@pytest.mark.parametrize("folder", [None, ACM, CSP])
@pytest.mark.parametrize("capacity", ["1e306 MW", "100001 MW", "300000000 kW"])
def test_implausible_installed_capacity_is_refused(tmp_path: Path, example_dir: Path,
                                                   folder: Path | None, capacity: str) -> None:
    path = _copy_example(folder or example_dir, tmp_path)
    text = path.read_text("utf-8")
    old = next(line for line in text.splitlines() if line.startswith("installed_capacity"))
    _edit(path, old, f'installed_capacity = "{capacity}"')
    with pytest.raises(InputError, match=r"is out of range \(expected a value in \(0, 100000\] "
                                         r"MW \(no single plant exceeds ~22,500 MW") as info:
        load_project(path)
    assert info.value.field == "inputs.installed_capacity"
    assert info.value.value == capacity


def test_largest_plausible_values_still_compute(tmp_path: Path) -> None:
    path = _copy_example(ACM, tmp_path)
    _edit(path, 'ncv = "43.0 GJ/t"', 'ncv = "120 GJ/t"')  # hydrogen
    assert compute(load_project(path)).totals["emission_reductions"] > 0
