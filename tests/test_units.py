"""The unit registry: gases as dimensions, the kt/C overrides, 万Nm³, energy units."""

from __future__ import annotations

import numpy as np
import pint
import pytest

from ccer_calc.units import Quantity, parse_unit, to_unit, ureg


def test_tonnes_of_methane_and_carbon_dioxide_cannot_be_added() -> None:
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(1.0, "t CH4") + Quantity(1.0, "t CO2")


def test_methane_does_not_convert_to_co2_equivalent() -> None:
    # a GWP is a recorded equation of the methodology, never a silent conversion
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(1.0, "t CH4").to("t CO2e")


def test_c_is_carbon_not_coulomb() -> None:
    assert parse_unit("C").dimensionality == ureg.carbon.dimensionality
    assert dict(parse_unit("t C").dimensionality) == {"[mass]": 1, "[carbon]": 1}
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(1.0, "C").to("A * s")


def test_carbon_does_not_convert_to_co2() -> None:
    # 44/12 belongs to an equation, not to the registry
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(12.0, "t C").to("t CO2")


def test_kt_is_kilotonne_not_knot() -> None:
    assert Quantity(2.5, "kt").to("t").magnitude == pytest.approx(2500.0, rel=1e-12)
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(1.0, "kt").to("m/s")


def test_wan_normal_cubic_metre_is_ten_thousand_nm3() -> None:
    assert Quantity(3.2, "万Nm3").to("Nm3").magnitude == pytest.approx(32_000.0, rel=1e-12)
    assert Quantity(1.0, "wanNm3").to("Nm3").magnitude == pytest.approx(1e4, rel=1e-12)
    assert Quantity(1.0, parse_unit("万Nm³")).to("Nm3").magnitude == pytest.approx(1e4, rel=1e-12)


def test_normal_cubic_metre_is_not_a_geometric_volume() -> None:
    with pytest.raises(pint.errors.DimensionalityError):
        Quantity(1.0, "Nm3").to("m**3")
    assert parse_unit("Nm3").dimensionality != parse_unit("m**3").dimensionality


@pytest.mark.parametrize(("value", "unit", "target", "expected"), [
    (1500.0, "kWh", "MWh", 1.5),
    (2.0, "MWh", "kWh", 2000.0),
    (1.0, "GWh", "MWh", 1000.0),
    (1.0, "MW·h", "kWh", 1000.0),
])
def test_energy_units_convert(value: float, unit: str, target: str, expected: float) -> None:
    assert Quantity(value, parse_unit(unit)).to(target).magnitude == pytest.approx(
        expected, rel=1e-12)


def test_tco2e_is_a_tonne_of_co2() -> None:
    assert parse_unit("t CO2e") == parse_unit("t CO2")
    assert Quantity(1.0, "tCO2e") == Quantity(1.0, "t CO2")
    assert Quantity(7.0, "tCO2e").to("t CO2").magnitude == pytest.approx(7.0, rel=1e-12)
    assert Quantity(1.0, "kt CO2e").to("t CO2").magnitude == pytest.approx(1000.0, rel=1e-12)


def test_emission_factor_times_energy_is_co2() -> None:
    q = Quantity(0.5, "t CO2/MWh") * Quantity(2000.0, "kWh")
    assert q.to("t CO2e").magnitude == pytest.approx(1.0, rel=1e-12)


@pytest.mark.parametrize("text", ["", "1", "-", "dimensionless"])
def test_dimensionless_spellings(text: str) -> None:
    assert parse_unit(text) == ureg.dimensionless


def test_percent_is_a_fraction() -> None:
    assert Quantity(0.5, "percent").to("").magnitude == pytest.approx(0.005, rel=1e-12)


# malformed expressions made pint raise AssertionError, TokenError or ZeroDivisionError,
# which escaped parse_unit (and became "internal error" in the CLI)
@pytest.mark.parametrize("text", ["bogus", "t CO2 //", "MWh^^", "t CO2/", "(MWh", "1/0",
                                  "MWh 3"])
def test_unknown_unit_raises_value_error_naming_it(text: str) -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        parse_unit(text)


def test_superscript_in_normal_cubic_metres() -> None:
    assert parse_unit("Nm³") == parse_unit("Nm3")
    assert parse_unit("万Nm³") == parse_unit("万Nm3")


def test_superscript_cubic_metre() -> None:
    assert parse_unit("m³") == parse_unit("m**3")


def test_to_unit_is_pints_conversion_with_a_cached_factor() -> None:
    values = np.array([0.1, 2.5, 1e300, 123456.789])
    for src, dst in (("MWh", "kWh"), ("t CO2/MWh", "kg CO2/kWh"), ("%", ""), ("kt", "t"),
                     ("万Nm3", "Nm3")):
        q = Quantity(values, parse_unit(src))
        expected = q.to(parse_unit(dst))
        got = to_unit(q, parse_unit(dst))
        assert got.units == expected.units
        assert np.array_equal(got.magnitude, expected.magnitude)  # the same multiplication
    hot = to_unit(Quantity(np.array([20.0]), parse_unit("degC")), parse_unit("K"))
    assert hot.magnitude.tolist() == [293.15]  # an offset unit goes through pint
