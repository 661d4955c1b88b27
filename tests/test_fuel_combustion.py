"""Fossil fuel combustion tool: TOOL03 v03.0 eq. (1)-(4), the defaults table, fuel properties.

Hand-worked numbers follow the printed formulas:
CDM TOOL03 v03.0 eq. (1) (PE_FC,j,y = Σ_i FC_i,j,y × COEF_i,y), eq. (2) (COEF = w_C × 44/12, by
mass), eq. (3) (COEF = w_C × rho × 44/12, by volume), eq. (4) (COEF = NCV × EF_CO2), read in the
official text. The Chinese NCV × CC × OF route is CCER-01-001-V01's own equation (5), tested
with that plug-in.
"""

import numpy as np
import pytest

from ccer_calc.errors import DataNotFound, InputError, UnitError
from ccer_calc.tools.fuel_combustion import (
    CO2_PER_CARBON,
    consumption_unit,
    fuel_combustion_emissions,
    fuel_defaults_table,
    fuel_emission_coefficient_tool03_option_a_by_mass,
    fuel_emission_coefficient_tool03_option_a_by_volume,
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
    # TOOL03 v03.0 eq. (3): 0.86 t C/t × 0.84 t/m3 × 44/12; eq. (2) by mass: 0.86 × 44/12
    vol = fuel_emission_coefficient_tool03_option_a_by_volume(
        carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(840, "kg/m^3"))
    mass = fuel_emission_coefficient_tool03_option_a_by_mass(
        carbon_mass_fraction=Quantity(0.86, "t C/t"))
    np.testing.assert_allclose(vol.quantity.m_as("t CO2/m^3"), 0.86 * 0.84 * 44 / 12, rtol=RTOL)
    np.testing.assert_allclose(mass.quantity.m_as("t CO2/t"), 0.86 * 44 / 12, rtol=RTOL)
    gas = fuel_emission_coefficient_tool03_option_a_by_volume(
        carbon_mass_fraction=Quantity(0.74, "t C/t"), density=Quantity(7.17, "t/万Nm3"))
    np.testing.assert_allclose(gas.quantity.m_as("t CO2/万Nm3"), 0.74 * 7.17 * 44 / 12,
                               rtol=RTOL)


def test_tool03_option_a_by_volume_refuses_a_mass_density():
    with pytest.raises(UnitError, match=r"density: equation TOOL03 \(3\).*wrong dimension"):
        fuel_emission_coefficient_tool03_option_a_by_volume(
            carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(1, "t/t"))


def test_tool03_option_b_by_hand():
    # TOOL03 v03.0 eq. (4): 43.0 GJ/t × 72.6 t CO2/TJ
    coef = fuel_emission_coefficient_tool03_option_b(
        net_calorific_value=Quantity(43.0, "GJ/t"),
        co2_emission_factor=Quantity(72.6, "t CO2/TJ"))
    np.testing.assert_allclose(coef.quantity.m_as("t CO2/t"), 43.0 * 0.0726, rtol=RTOL)


def test_emissions_vectorised_over_periods_and_recorded():
    trail = Trail(axis=["2024", "2025", "2026"])
    pe = fuel_combustion_emissions(fuel_consumed=Quantity(np.array([1.0, 2.5, 0.0]), "t"),
                                   emission_coefficient=Quantity(3.1, "t CO2/t"), trail=trail)
    np.testing.assert_allclose(pe.quantity.m_as("t CO2"), [3.1, 7.75, 0.0], rtol=RTOL)
    (entry,) = trail.find("TOOL03 (1)")
    assert entry.document == "TOOL03 v03.0"
    assert entry.source == "TOOL03 v03.0, para. 6, eq. (1), the term of one fuel i"


def test_emissions_with_mismatched_fuel_and_coefficient_units_raise():
    with pytest.raises(UnitError, match=r"result: equation TOOL03 \(1\).*wrong dimension"):
        fuel_combustion_emissions(fuel_consumed=Quantity(1.0, "t"),
                                  emission_coefficient=Quantity(21.6, "t CO2/万Nm3"))


def test_defaults_are_read_with_origin_default_and_source():
    p = fuel_properties("diesel")
    assert p.net_calorific_value.origin == "default"
    assert "fuel_defaults_mee.csv, row diesel (secondary): SAMR/SAC, GB/T 32151.34-2024" \
        in p.carbon_content.ref
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
    # GB/T 32151.34-2024 / .22-2024 表C.1, as two independent transcriptions agree
    # (docs/research/fuel_defaults.md)
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
    assert row.status == "secondary"


def test_every_default_row_is_checked_and_cites_a_public_document():
    rows = fuel_defaults_table().values()
    assert len(rows) == 26
    assert {r.status for r in rows} == {"secondary"}
    assert all(r.check.startswith("agreed: 2 of 2 independent transcriptions") for r in rows)
    assert all(r.source.startswith("SAMR/SAC, GB/T 32151.34-2024") and "openstd.samr.gov.cn"
               in r.source for r in rows)
    assert not any("code file id" in r.source + r.check for r in rows)


def test_washed_coal_is_kept_as_the_standard_prints_it():
    # Both transcriptions of 表C.1 print 26.334 GJ/t; the statistics conversion gives 26.344
    # (6300 kcal/kg x 4.1816). The table keeps the printed value and says so.
    row = fuel_defaults_table()["washed_coal"]
    assert row.ncv.m_as("GJ/t") == pytest.approx(26.334, rel=RTOL)
    assert "26.344" in row.check


def test_stack_per_fuel_with_no_fuel_sums_to_zero():
    v = stack_per_fuel([], (3,), "PE_FC,i,y")
    assert v.quantity.magnitude.shape == (0, 3)
    np.testing.assert_array_equal(v.quantity.magnitude.sum(axis=0), [0.0, 0.0, 0.0])
