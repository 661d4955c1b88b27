"""Each equation of CCER-01-001-V01 against numbers worked by hand from the printed formula.

Document: CCER-01-001-V01 并网光热发电 (MEE, 2023), §6.3-§6.6 and §7.3.4, as transcribed in the
project's reference brief (§3.2, tagged [V]). Pure algebra: rtol 1e-12.
"""

import numpy as np
import pytest

from ccer_calc.errors import UnitError
from ccer_calc.units import Quantity
from methodologies.ccer_01_001_v01 import METHODOLOGY
from methodologies.ccer_01_001_v01.equations import (
    baseline_emissions,
    combined_margin_factor,
    emission_reductions,
    fuel_corrected_for_meter_error,
    fuel_emission_coefficient,
    fuel_emissions,
    leakage_emissions_neglected,
    net_electricity_delivered,
    project_emissions_fossil_fuel,
)

RTOL = 1e-12


def _m(v, unit):
    return v.quantity.m_as(unit)


def test_eq1_baseline_emissions():
    # §6.3 eq. (1): BE = 350 000 MWh × 0.66645 t CO2/MWh = 233 257.5 t CO2
    be = baseline_emissions(net_electricity=Quantity(350_000.0, "MWh"),
                            combined_margin=Quantity(0.66645, "t CO2/MWh"))
    np.testing.assert_allclose(_m(be, "t CO2e"), 233_257.5, rtol=RTOL)


def test_eq2_net_electricity():
    # §6.3 eq. (2): 30 000 − 650 = 29 350 MWh, per period
    net = net_electricity_delivered(electricity_exported=Quantity(np.array([30_000.0, 0.0]), "MWh"),
                                    electricity_imported=Quantity(np.array([650.0, 0.0]), "MWh"))
    np.testing.assert_allclose(_m(net, "MWh"), [29_350.0, 0.0], rtol=RTOL)


def test_eq3_combined_margin_is_a_sum_with_weights_one_half():
    # §6.3 eq. (3) with Tables 2-3 (w_OM = w_BM = 0.5); the transcription's "×" is a typing slip
    # (reference brief §3.2): 0.5 × 0.8922 + 0.5 × 0.4407 = 0.66645
    assert METHODOLOGY.parameters["om_weight"].default == 0.5
    assert METHODOLOGY.parameters["bm_weight"].default == 0.5
    cm = combined_margin_factor(om_weight=Quantity(0.5, ""),
                                operating_margin=Quantity(0.8922, "t CO2/MWh"),
                                bm_weight=Quantity(0.5, ""),
                                build_margin=Quantity(0.4407, "t CO2/MWh"))
    np.testing.assert_allclose(_m(cm, "t CO2/MWh"), 0.66645, rtol=RTOL)


def test_eq5_coefficient_diesel_and_gas():
    # §6.4 eq. (5): COEF = NCV × CC × OF × 44/12
    diesel = fuel_emission_coefficient(
        net_calorific_value=Quantity(42.652, "GJ/t"), carbon_content=Quantity(20.2, "t C/TJ"),
        oxidation_fraction=Quantity(98, "%"))
    gas = fuel_emission_coefficient(
        net_calorific_value=Quantity(385.2, "GJ/万Nm3"), carbon_content=Quantity(0.0153, "t C/GJ"),
        oxidation_fraction=Quantity(0.99, ""))
    np.testing.assert_allclose(_m(diesel, "t CO2/t"), 42.652 * 0.0202 * 0.98 * 44 / 12, rtol=RTOL)
    np.testing.assert_allclose(_m(gas, "t CO2/万Nm3"), 385.2 * 0.0153 * 0.99 * 44 / 12,
                               rtol=RTOL)


def test_eq4_sum_over_fuels_of_fc_times_coef():
    # §6.4 eq. (4): 2 t diesel × 3.1 + 1.5 万Nm3 gas × 21.4 = 6.2 + 32.1 = 38.3 t CO2
    d = fuel_emissions(fuel=Quantity(2.0, "t"), coefficient=Quantity(3.1, "t CO2/t"))
    g = fuel_emissions(fuel=Quantity(1.5, "万Nm3"), coefficient=Quantity(21.4, "t CO2/万Nm3"))
    stacked = Quantity(np.array([[_m(d, "t CO2")], [_m(g, "t CO2")]]), "t CO2")
    pe = project_emissions_fossil_fuel(fuel_emissions=stacked)
    np.testing.assert_allclose(_m(pe, "t CO2e"), [38.3], rtol=RTOL)


def test_eq4_without_fuel_is_zero_per_period():
    pe = project_emissions_fossil_fuel(fuel_emissions=Quantity(np.zeros((0, 3)), "t CO2"))
    np.testing.assert_array_equal(_m(pe, "t CO2e"), [0.0, 0.0, 0.0])


def test_fuel_meter_correction_increases_consumption():
    # §7.3.4: fuel is charged to the project, so a meter error increases it: 4.0 × 1.02 = 4.08
    fc = fuel_corrected_for_meter_error(measured=Quantity(4.0, "万Nm3"), error=Quantity(0.02, ""))
    np.testing.assert_allclose(_m(fc, "万Nm3"), 4.08, rtol=RTOL)


def test_leakage_is_zero():
    # §6.5: leakage neglected
    le = leakage_emissions_neglected(net_electricity=Quantity(np.array([1.0, 2.0]), "MWh"))
    np.testing.assert_array_equal(_m(le, "t CO2e"), [0.0, 0.0])


def test_eq6_emission_reductions():
    # §6.6 eq. (6): 233 257.5 − 38.3 = 233 219.2
    er = emission_reductions(baseline=Quantity(233_257.5, "t CO2e"),
                             project=Quantity(38.3, "t CO2e"))
    np.testing.assert_allclose(_m(er, "t CO2e"), 233_219.2, rtol=RTOL)


def test_eq5_ncv_in_wrong_unit_raises():
    with pytest.raises(UnitError, match=r"net_calorific_value.*wrong dimension.*GJ / t"):
        fuel_emission_coefficient(
            net_calorific_value=Quantity(42.652, "GJ"), carbon_content=Quantity(0.0202, "t C/GJ"),
            oxidation_fraction=Quantity(0.98, ""))


def test_eq5_carbon_content_in_co2_is_refused():
    # carbon is its own dimension: CC given in t CO2/GJ would skip or double the 44/12 step
    with pytest.raises(UnitError, match=r"carbon_content.*wrong dimension"):
        fuel_emission_coefficient(
            net_calorific_value=Quantity(42.652, "GJ/t"),
            carbon_content=Quantity(0.074, "t CO2/GJ"), oxidation_fraction=Quantity(0.98, ""))


def test_fuel_term_refuses_a_gas_coefficient_for_fuel_in_tonnes():
    # §6.4 eq. (4): FC and COEF must share their basis (t with t CO2/t, 万Nm3 with t CO2/万Nm3)
    with pytest.raises(UnitError):
        fuel_emissions(fuel=Quantity(2.0, "t"), coefficient=Quantity(21.4, "t CO2/万Nm3"))


@pytest.mark.parametrize("eq", METHODOLOGY.equations, ids=lambda e: e.meta.id)
def test_every_declared_equation_is_decorated(eq):
    assert eq.meta.formula
