"""Each ACM0002 equation against numbers worked by hand from the formula.

[U] PROVISIONAL: ACM0002 was not readable offline; its own formulas are those of the reference
brief §6.1 (background knowledge). The tools it calls were checked against their official texts:
TOOL03 v03.0 eq. (1) and (4) (option B) and the TOOL07 v07.0 weights of para. 86. Pure algebra:
rtol 1e-12.
"""

import numpy as np

from ccer_calc.tools.fuel_combustion import (
    fuel_combustion_emissions,
    fuel_emission_coefficient_tool03_option_b,
)
from ccer_calc.units import Quantity
from methodologies.acm0002 import METHODOLOGY
from methodologies.acm0002.equations import (
    baseline_emissions,
    combined_margin_factor,
    emission_reductions,
    fossil_fuel_project_emissions,
    leakage_emissions_neglected,
    power_density,
    project_emissions,
    reservoir_project_emissions,
)

RTOL = 1e-12


def _t(v):
    return v.quantity.m_as("t CO2e")


def test_combined_margin_with_tool07_weights():
    # TOOL07 v07.0 eq. (16), para. 86: wind/solar 0.75 × 0.85 + 0.25 × 0.35 = 0.725;
    # others 0.5/0.5 → 0.6 in the first crediting period, 0.25/0.75 in the later ones
    p = METHODOLOGY.parameters
    assert (p["om_weight_wind_solar"].default, p["bm_weight_wind_solar"].default) == (0.75, 0.25)
    assert (p["om_weight_other"].default, p["bm_weight_other"].default) == (0.5, 0.5)
    assert (p["om_weight_other_later"].default, p["bm_weight_other_later"].default) == (0.25,
                                                                                       0.75)
    wind = combined_margin_factor(om_weight=Quantity(0.75, ""),
                                  operating_margin=Quantity(0.85, "t CO2/MWh"),
                                  bm_weight=Quantity(0.25, ""),
                                  build_margin=Quantity(0.35, "t CO2/MWh"))
    np.testing.assert_allclose(wind.quantity.m_as("t CO2/MWh"), 0.725, rtol=RTOL)


def test_baseline_emissions():
    # ACM0002 BE: 100 000 MWh × 0.6 t CO2/MWh = 60 000 t CO2
    be = baseline_emissions(net_electricity=Quantity(100_000.0, "MWh"),
                            combined_margin=Quantity(0.6, "t CO2/MWh"))
    np.testing.assert_allclose(_t(be), 60_000.0, rtol=RTOL)


def test_fossil_fuel_project_emissions_via_tool03_option_b():
    # TOOL03 v03.0 eq. (4): COEF = 43.0 GJ/t × 0.0741 t CO2/GJ = 3.1863;
    # eq. (1) term: 2 t × 3.1863 = 6.3726
    coef = fuel_emission_coefficient_tool03_option_b(
        net_calorific_value=Quantity(43.0, "GJ/t"), co2_emission_factor=Quantity(74.1, "t CO2/TJ"))
    term = fuel_combustion_emissions(fuel_consumed=Quantity(2.0, "t"), emission_coefficient=coef)
    pe = fossil_fuel_project_emissions(
        fuel_emissions=Quantity(np.array([[term.quantity.m_as("t CO2")]]), "t CO2"))
    np.testing.assert_allclose(_t(pe), [2.0 * 43.0 * 0.0741], rtol=RTOL)


def test_power_density_greenfield():
    # PD = 30 MW / 5 km² = 30e6 W / 5e6 m² = 6 W/m²
    pd = power_density(installed_capacity=Quantity(30.0, "MW"),
                       reservoir_area=Quantity(5.0, "km^2"))
    np.testing.assert_allclose(pd.quantity.m_as("W/m^2"), 6.0, rtol=RTOL)


def test_reservoir_emissions_between_4_and_10_w_per_m2():
    # PE_HP = 90 kg CO2e/MWh × 10 000 MWh = 900 t
    pe = reservoir_project_emissions(
        reservoir_emission_factor=Quantity(90.0, "kg CO2e/MWh"),
        total_generation=Quantity(np.array([10_000.0, 0.0]), "MWh"),
        power_density=Quantity(6.0, "W/m^2"), power_density_no_emissions=Quantity(10.0, "W/m^2"))
    np.testing.assert_allclose(_t(pe), [900.0, 0.0], rtol=RTOL)


def test_reservoir_emissions_zero_above_10_w_per_m2_and_counted_at_10():
    kw = {"reservoir_emission_factor": Quantity(90.0, "kg CO2e/MWh"),
          "total_generation": Quantity(1000.0, "MWh"),
          "power_density_no_emissions": Quantity(10.0, "W/m^2")}
    above = reservoir_project_emissions(power_density=Quantity(10.5, "W/m^2"), **kw)
    at = reservoir_project_emissions(power_density=Quantity(10.0, "W/m^2"), **kw)
    assert _t(above) == 0.0
    np.testing.assert_allclose(_t(at), 90.0, rtol=RTOL)


def test_project_emissions_leakage_and_reductions():
    pe = project_emissions(fossil_fuel=Quantity(6.3726, "t CO2e"),
                           reservoir=Quantity(900.0, "t CO2e"))
    np.testing.assert_allclose(_t(pe), 906.3726, rtol=RTOL)
    le = leakage_emissions_neglected(net_electricity=Quantity(np.array([1.0, 2.0]), "MWh"))
    np.testing.assert_array_equal(_t(le), [0.0, 0.0])
    er = emission_reductions(baseline=Quantity(60_000.0, "t CO2e"), project=pe)
    np.testing.assert_allclose(_t(er), 60_000.0 - 906.3726, rtol=RTOL)


def test_facts_are_marked_unverified():
    # ACM0002's own facts stay [U]; the TOOL07 weights cite the tool's text
    for name in ("reservoir_emission_factor", "power_density_no_emissions",
                 "power_density_minimum"):
        assert "[U]" in METHODOLOGY.parameters[name].source
    weight = METHODOLOGY.parameters["om_weight_wind_solar"].source
    assert weight.startswith("TOOL07 v07.0, para. 86(a)")
    assert "[U]" not in weight
    assert METHODOLOGY.parameters["reservoir_emission_factor"].overridable
