"""The @equation decorator: conversion, dimension checks, finiteness, trail entries."""

from __future__ import annotations

import numpy as np
import pint
import pytest

from ccer_calc.equation import ANY, SAME_AS, equation
from ccer_calc.errors import InputError, UnitError
from ccer_calc.parameters import Value
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity, parse_unit


@equation(
    id="T1",
    symbol="E_y",
    formula="E_y = EG_y × EF_y",
    source="test §1 eq. (1)",
    inputs={"energy": "MWh", "factor": "t CO2/MWh"},
    output="t CO2e",
    description="test emissions",
)
def emissions(energy: pint.Quantity, factor: pint.Quantity) -> pint.Quantity:
    return energy * factor


@equation(id="T2", symbol="X", formula="X = a", source="test", inputs={"a": "MWh"},
          output="t CO2e")
def wrong_output(a: pint.Quantity) -> pint.Quantity:
    return a  # MWh is not t CO2e: the formula's units do not work out


@equation(id="T3", symbol="Y", formula="Y = m × 2", source="test", inputs={"m": ANY},
          output=SAME_AS + "m")
def doubled(m: pint.Quantity) -> pint.Quantity:
    return m * 2


def test_input_in_kwh_gives_the_same_result_as_mwh() -> None:
    f = Quantity(0.6, "t CO2/MWh")
    in_mwh = emissions(energy=Quantity(1234.5, "MWh"), factor=f)
    in_kwh = emissions(energy=Quantity(1_234_500.0, "kWh"), factor=f)
    assert in_kwh.quantity.units == parse_unit("t CO2e")
    assert float(in_kwh.quantity.magnitude) == pytest.approx(1234.5 * 0.6, rel=1e-12)
    assert float(in_kwh.quantity.magnitude) == pytest.approx(float(in_mwh.quantity.magnitude),
                                                            rel=1e-12)


def test_factor_in_kg_per_kwh_is_converted() -> None:
    # 0.6 kg CO2/kWh = 0.6 t CO2/MWh
    v = emissions(energy=Quantity(100.0, "MWh"), factor=Quantity(0.6, "kg CO2/kWh"))
    assert float(v.quantity.magnitude) == pytest.approx(60.0, rel=1e-12)


def test_whole_arrays_are_evaluated_at_once() -> None:
    energy = np.array([1.0, 2.0, 3.5])
    factor = np.array([0.5, 0.25, 0.1])
    v = emissions(energy=Quantity(energy, "MWh"), factor=Quantity(factor, "t CO2/MWh"))
    assert v.quantity.magnitude.tolist() == pytest.approx((energy * factor).tolist(), rel=1e-12)


def test_wrong_dimension_names_equation_and_input() -> None:
    with pytest.raises(UnitError, match=r"equation T1 .*wrong dimension") as info:
        emissions(energy=Quantity(5.0, "t"), factor=Quantity(0.6, "t CO2/MWh"))
    assert info.value.field == "energy"
    assert info.value.value == "t"
    assert "MWh" in str(info.value.expected)
    assert "energy:" in str(info.value)


def test_output_of_wrong_dimension_raises() -> None:
    with pytest.raises(UnitError, match=r"equation T2 .*wrong dimension") as info:
        wrong_output(a=Quantity(1.0, "MWh"))
    assert info.value.field == "result"


def test_plain_number_is_refused() -> None:
    with pytest.raises(UnitError, match="a plain number has no unit") as info:
        emissions(energy=5.0, factor=Quantity(0.6, "t CO2/MWh"))  # type: ignore[arg-type]
    assert info.value.field == "energy"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_result_raises(bad: float) -> None:
    with pytest.raises(InputError, match=r"equation T1 .*not a finite number"):
        emissions(energy=Quantity(np.array([1.0, bad]), "MWh"),
                  factor=Quantity(0.6, "t CO2/MWh"))


def test_missing_or_extra_input_raises_type_error() -> None:
    with pytest.raises(TypeError, match=r"T1: missing inputs \['factor'\]"):
        emissions(energy=Quantity(1.0, "MWh"))
    with pytest.raises(TypeError, match=r"unexpected inputs \['other'\]"):
        emissions(energy=Quantity(1.0, "MWh"), factor=Quantity(0.6, "t CO2/MWh"),
                  other=Quantity(1.0, ""))


def test_trail_entry_records_inputs_with_provenance_and_output() -> None:
    trail = Trail(axis=["2024-01"])
    energy = Value("EG_y", Quantity(np.array([2000.0]), "kWh"), "monitored",
                   "monitoring data, column export")
    out = emissions(trail=trail, energy=energy, factor=Quantity(np.array([0.5]), "t CO2/MWh"))
    assert len(trail) == 1
    entry = trail.entries[0]
    assert (entry.equation, entry.symbol, entry.formula, entry.source) == (
        "T1", "E_y", "E_y = EG_y × EF_y", "test §1 eq. (1)")
    first, second = entry.inputs
    assert (first.name, first.symbol, first.origin, first.ref, first.unit) == (
        "energy", "EG_y", "monitored", "monitoring data, column export", "MWh")
    assert first.value.tolist() == pytest.approx([2.0], rel=1e-12)  # recorded after conversion
    assert (second.name, second.symbol, second.origin, second.ref, second.unit) == (
        "factor", "factor", "argument", "", "t CO2/MWh")
    assert entry.output.tolist() == pytest.approx([1.0], rel=1e-12)
    assert parse_unit(entry.output_unit) == parse_unit("t CO2e")
    assert (out.symbol, out.origin, out.ref) == ("E_y", "computed", "T1")
    d = trail.to_dict()
    assert d["axis"] == ["2024-01"]
    assert d["entries"][0]["inputs"][0] == {
        "name": "energy", "symbol": "EG_y", "origin": "monitored",
        "ref": "monitoring data, column export", "value": [2.0], "unit": "MWh"}
    assert d["entries"][0]["output"]["value"] == pytest.approx([1.0], rel=1e-12)
    assert trail.find("T1") == [entry]
    assert trail.find("T2") == []


def test_no_trail_entry_without_trail() -> None:
    trail = Trail()
    emissions(energy=Quantity(1.0, "MWh"), factor=Quantity(0.6, "t CO2/MWh"))
    assert len(trail) == 0


def test_any_unit_input_passes_through_and_output_follows_it() -> None:
    trail = Trail()
    v = doubled(trail=trail, m=Quantity(3.0, "万Nm3"))
    assert v.quantity.units == parse_unit("万Nm3")
    assert float(v.quantity.magnitude) == pytest.approx(6.0, rel=1e-12)
    assert trail.entries[0].inputs[0].unit == "万Nm3"


def test_body_parameters_must_match_declared_inputs() -> None:
    with pytest.raises(TypeError, match=r"T9: body parameters \['a', 'b'\] differ"):
        @equation(id="T9", symbol="Z", formula="Z = a + c", source="test",
                  inputs={"a": "MWh", "c": "MWh"}, output="MWh")
        def bad(a: pint.Quantity, b: pint.Quantity) -> pint.Quantity:
            return a + b


def test_body_parameter_order_must_match_declared_inputs() -> None:
    with pytest.raises(TypeError, match="differ from declared inputs"):
        @equation(id="T10", symbol="Z", formula="Z = a + b", source="test",
                  inputs={"b": "MWh", "a": "MWh"}, output="MWh")
        def bad(a: pint.Quantity, b: pint.Quantity) -> pint.Quantity:
            return a + b


def test_same_as_must_name_an_input() -> None:
    with pytest.raises(TypeError, match="output unit refers to unknown input 'x'"):
        equation(id="T11", symbol="Z", formula="Z = a", source="test", inputs={"a": ANY},
                 output=SAME_AS + "x")


def test_unknown_declared_unit_fails_at_decoration() -> None:
    with pytest.raises(ValueError, match="unknown unit 'bogusunit'"):
        equation(id="T12", symbol="Z", formula="Z = a", source="test",
                 inputs={"a": "bogusunit"}, output="MWh")


def test_metadata_is_attached() -> None:
    m = emissions.meta
    assert (m.id, m.symbol, m.inputs, m.output, m.description) == (
        "T1", "E_y", {"energy": "MWh", "factor": "t CO2/MWh"}, "t CO2e", "test emissions")
    assert emissions.__name__ == "emissions"
