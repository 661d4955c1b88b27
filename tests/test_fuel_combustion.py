"""Fossil fuel combustion tool: TOOL03 A and B, the defaults table and fuel properties.

The Chinese NCV × CC × OF route is CCER-01-001-V01's own equation (5), tested with that
plug-in. Hand-worked numbers follow the printed formulas: CDM TOOL03 option A
(COEF = w_C × rho × 44/12) and option B (COEF = NCV × EF_CO2) [U: from
background knowledge of TOOL03, provisional until checked against the text].
"""

import numpy as np
import pytest

from ccer_calc.errors import DataNotFound, InputError, UnitError
from ccer_calc.tools.fuel_combustion import (
    CO2_PER_CARBON,
    consumption_unit,
    fuel_combustion_emissions,
    fuel_defaults_table,
    fuel_emission_coefficient_tool03_option_a,
    fuel_emission_coefficient_tool03_option_b,
    fuel_properties,
    stack_per_fuel,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12  # pure algebra


def test_co2_per_carbon_is_44_over_12():
    assert CO2_PER_CARBON.magnitude == 44.0 / 12.0
    assert CO2_PER_CARBON.to("t CO2/(t C)").magnitude == pytest.approx(44 / 12, rel=RTOL)


def test_tool03_option_a_by_volume_and_by_mass():
    # TOOL03 option A: 0.86 t C/t × 0.84 t/m3 × 44/12; by mass rho drops out (1 t/t)
    vol = fuel_emission_coefficient_tool03_option_a(
        carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(840, "kg/m^3"))
    mass = fuel_emission_coefficient_tool03_option_a(
        carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(1, "t/t"))
    np.testing.assert_allclose(vol.quantity.m_as("t CO2/m^3"), 0.86 * 0.84 * 44 / 12, rtol=RTOL)
    np.testing.assert_allclose(mass.quantity.m_as("t CO2/t"), 0.86 * 44 / 12, rtol=RTOL)


def test_tool03_option_b_by_hand():
    # TOOL03 option B: 43.0 GJ/t × 72.6 t CO2/TJ
    coef = fuel_emission_coefficient_tool03_option_b(
        net_calorific_value=Quantity(43.0, "GJ/t"),
        co2_emission_factor=Quantity(72.6, "t CO2/TJ"))
    np.testing.assert_allclose(coef.quantity.m_as("t CO2/t"), 43.0 * 0.0726, rtol=RTOL)


def test_emissions_vectorised_over_periods_and_recorded():
    trail = Trail(axis=["2024", "2025", "2026"])
    pe = fuel_combustion_emissions(fuel_consumed=Quantity(np.array([1.0, 2.5, 0.0]), "t"),
                                   emission_coefficient=Quantity(3.1, "t CO2/t"), trail=trail)
    np.testing.assert_allclose(pe.quantity.m_as("t CO2"), [3.1, 7.75, 0.0], rtol=RTOL)
    assert len(trail.find("FC1")) == 1


def test_emissions_with_mismatched_fuel_and_coefficient_units_raise():
    with pytest.raises(UnitError, match=r"result: equation FC1.*wrong dimension"):
        fuel_combustion_emissions(fuel_consumed=Quantity(1.0, "t"),
                                  emission_coefficient=Quantity(21.6, "t CO2/万Nm3"))


def test_defaults_are_read_with_origin_default_and_source():
    p = fuel_properties("diesel")
    assert p.net_calorific_value.origin == "default"
    assert "fuel_defaults_mee.csv, row diesel (unverified)" in p.carbon_content.ref
    np.testing.assert_allclose(p.net_calorific_value.quantity.m_as("GJ/t"), 42.652, rtol=RTOL)


def test_project_override_is_recorded_as_project():
    p = fuel_properties("diesel", ncv=Quantity(43.1, "GJ/t"), field="inputs.fuel_properties")
    assert p.net_calorific_value.origin == "project"
    assert p.net_calorific_value.ref == "project file, inputs.fuel_properties.diesel.ncv"
    assert p.carbon_content.origin == "default"


def test_unknown_fuel_without_override_names_fuel_and_known_fuels():
    with pytest.raises(DataNotFound, match=r"unknown fuel 'biogas'.*anthracite.*natural_gas"):
        fuel_properties("biogas")


def test_unknown_fuel_with_all_values_is_accepted():
    p = fuel_properties("biogas", ncv=Quantity(215.0, "GJ/万Nm3"), cc=Quantity(15.3, "t C/TJ"),
                        of=Quantity(99, "%"))
    assert p.oxidation_fraction.origin == "project"
    assert consumption_unit(p.net_calorific_value.quantity) == "万Nm3"


def test_ncv_override_in_gas_unit_for_a_liquid_fuel_raises():
    with pytest.raises(UnitError, match=r"inputs.fuel_properties.diesel.ncv: wrong unit"):
        fuel_properties("diesel", ncv=Quantity(389.31, "GJ/万Nm3"))


def test_oxidation_rate_above_100_percent_raises():
    with pytest.raises(InputError, match=r"diesel.of: oxidation rate outside"):
        fuel_properties("diesel", of=Quantity(120, "%"))


def test_consumption_unit_refuses_ncv_per_energy():
    with pytest.raises(UnitError, match=r"ncv: net calorific value in a wrong unit"):
        consumption_unit(Quantity(1.0, "GJ/MWh"))


@pytest.mark.parametrize(("fuel", "ncv", "unit", "cc_tc_per_tj", "of_pct"), [
    # values as transcribed in docs/research/fuel_defaults.md, Set A (tertiary, unverified)
    ("anthracite", 26.7, "GJ/t", 27.4, 94),
    ("diesel", 42.652, "GJ/t", 20.2, 98),
    ("natural_gas", 389.31, "GJ/万Nm3", 15.3, 99),
    ("coke_oven_gas", 179.81, "GJ/万Nm3", 13.58, 99),
    ("refinery_dry_gas", 45.998, "GJ/t", 18.2, 99),
])
def test_default_table_reads_back(fuel, ncv, unit, cc_tc_per_tj, of_pct):
    row = fuel_defaults_table()[fuel]
    assert row.ncv.m_as(unit) == pytest.approx(ncv, rel=RTOL)
    assert row.cc.m_as("t C/TJ") == pytest.approx(cc_tc_per_tj, rel=RTOL)
    assert row.of.m_as("%") == pytest.approx(of_pct, rel=RTOL)
    assert row.status == "unverified"


def test_every_default_row_is_marked_and_sourced():
    rows = fuel_defaults_table().values()
    assert len(rows) == 26
    assert {r.status for r in rows} == {"unverified"}
    assert all("code file id" in r.source for r in rows)


def test_stack_per_fuel_with_no_fuel_sums_to_zero():
    v = stack_per_fuel([], (3,), "PE_FC,i,y")
    assert v.quantity.magnitude.shape == (0, 3)
    np.testing.assert_array_equal(v.quantity.magnitude.sum(axis=0), [0.0, 0.0, 0.0])
