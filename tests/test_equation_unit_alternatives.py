"""Alternative units in @equation declarations (GJ/t, or GJ/万Nm3 for a gaseous fuel)."""

import numpy as np
import pint
import pytest

from ccer_calc.equation import equation
from ccer_calc.errors import UnitError
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity


@equation(id="TEST-ALT", symbol="E", formula="E = FC × NCV", source="test",
          inputs={"fuel": "t", "ncv": "GJ/t"}, output="GJ",
          alternative_units={"fuel": ("万Nm3",), "ncv": ("GJ/万Nm3",)})
def _energy(fuel: pint.Quantity, ncv: pint.Quantity) -> pint.Quantity:
    return fuel * ncv


@equation(id="TEST-ALT-OUT", symbol="COEF", formula="COEF = NCV × EF", source="test",
          inputs={"ncv": "GJ/t", "ef": "t CO2/GJ"}, output="t CO2/t",
          alternative_units={"ncv": ("GJ/万Nm3",), "result": ("t CO2/万Nm3",)})
def _coef(ncv: pint.Quantity, ef: pint.Quantity) -> pint.Quantity:
    return ncv * ef


def test_mass_and_volume_alternatives_both_convert():
    by_mass = _energy(fuel=Quantity(2000.0, "kg"), ncv=Quantity(42.652, "GJ/t"))
    by_volume = _energy(fuel=Quantity(1.0, "万Nm3"), ncv=Quantity(389.31, "GJ/万Nm3"))
    np.testing.assert_allclose(by_mass.quantity.m_as("GJ"), 85.304, rtol=1e-12)
    np.testing.assert_allclose(by_volume.quantity.m_as("GJ"), 389.31, rtol=1e-12)


def test_output_takes_the_alternative_of_the_result_dimension():
    trail = Trail(axis=["y"])
    gas = _coef(ncv=Quantity(389.31, "GJ/万Nm3"), ef=Quantity(0.0561, "t CO2/GJ"), trail=trail)
    assert gas.quantity.units == Quantity(1, "t CO2/万Nm3").units
    entry = trail.find("TEST-ALT-OUT")[0]
    assert entry.inputs[0].unit == "GJ / 万Nm3"  # the alternative actually used is recorded
    np.testing.assert_allclose(gas.quantity.magnitude, 389.31 * 0.0561, rtol=1e-12)


def test_no_matching_alternative_names_them_all():
    with pytest.raises(UnitError, match=r"ncv.*wrong dimension.*t or GJ / 万Nm3"):
        _energy(fuel=Quantity(1.0, "t"), ncv=Quantity(1.0, "GJ/MWh"))


def test_single_unit_inputs_keep_their_declared_text_in_the_trail():
    trail = Trail(axis=["y"])
    _energy(fuel=Quantity(1.0, "t"), ncv=Quantity(40.0, "GJ/t"), trail=trail)
    assert [i.unit for i in trail.find("TEST-ALT")[0].inputs] == ["t", "GJ/t"]


def test_alternatives_for_an_unknown_input_are_refused():
    with pytest.raises(TypeError, match=r"alternative units given for unknown inputs \['nvc'\]"):
        equation(id="X", symbol="X", formula="X", source="t", inputs={"ncv": "GJ/t"},
                 output="GJ/t", alternative_units={"nvc": ("GJ/万Nm3",)})
