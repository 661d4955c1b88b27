"""TOOL07 grid emission factor from plant data: simple OM A/B, 3-year average, BM, weights.

Numbers are worked by hand from the TOOL07 formulas as written in the reference brief §6.2
([U]: from background knowledge of CDM TOOL07, provisional until checked against the tool).
No published plant data behind an MEE OM/BM were available offline, so none of these tests
reproduces a published factor; they check the arithmetic and the data rules only.
Pure algebra: rtol 1e-12.
"""

import numpy as np
import pytest

from ccer_calc.errors import InputError, UnitError
from ccer_calc.tools.grid_factor_tool07 import (
    TOOL07_WEIGHTS,
    build_margin_emission_factor,
    build_margin_sample_group,
    generation_weighted_operating_margin,
    simple_om_applicable,
    simple_operating_margin_option_a,
    simple_operating_margin_option_b,
    tool07_weight_names,
    unit_emission_factor_option_a1,
)
from ccer_calc.tools.grid_power import combined_margin
from ccer_calc.units import Quantity

RTOL = 1e-12
# three plants × two fuels (coal, oil); plant 3 is hydro (low-cost/must-run)
FC = Quantity(np.array([[1000.0, 0.0], [0.0, 200.0], [0.0, 0.0]]), "t")
NCV = Quantity(np.array([20.0, 40.0]), "GJ/t")
EFCO2 = Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ")
EG = Quantity(np.array([2000.0, 800.0, 5000.0]), "MWh")
LCMR = Quantity(np.array([0.0, 0.0, 1.0]), "")
# coal 1000 × 20 × 0.0946 = 1892 t; oil 200 × 40 × 0.0774 = 619.2 t; hydro excluded
OM_HAND = (1892.0 + 619.2) / (2000.0 + 800.0)


def _m(v):
    return v.quantity.m_as("t CO2/MWh")


def test_option_b_by_hand_excludes_low_cost_must_run():
    ef = simple_operating_margin_option_b(fuel_consumed=FC, net_calorific_value=NCV,
                                          co2_emission_factor=EFCO2, electricity_generation=EG,
                                          low_cost_must_run=LCMR)
    np.testing.assert_allclose(_m(ef), OM_HAND, rtol=RTOL)


def test_option_b_vectorised_over_years():
    fc = Quantity(np.stack([FC.magnitude, 2 * FC.magnitude]), "t")
    eg = Quantity(np.stack([EG.magnitude, EG.magnitude]), "MWh")
    ef = simple_operating_margin_option_b(fuel_consumed=fc, net_calorific_value=NCV,
                                          co2_emission_factor=EFCO2, electricity_generation=eg,
                                          low_cost_must_run=LCMR)
    np.testing.assert_allclose(_m(ef), [OM_HAND, 2 * OM_HAND], rtol=RTOL)


def test_option_b_gas_in_wan_nm3():
    # one gas plant: 10 万Nm3 × 389.31 GJ/万Nm3 × 0.0561 t CO2/GJ / 500 MWh
    ef = simple_operating_margin_option_b(
        fuel_consumed=Quantity(np.array([[10.0]]), "万Nm3"),
        net_calorific_value=Quantity(np.array([389.31]), "GJ/万Nm3"),
        co2_emission_factor=Quantity(np.array([0.0561]), "t CO2/GJ"),
        electricity_generation=Quantity(np.array([500.0]), "MWh"),
        low_cost_must_run=Quantity(np.array([0.0]), ""))
    np.testing.assert_allclose(_m(ef), 10 * 389.31 * 0.0561 / 500, rtol=RTOL)


def test_option_b_negative_generation_raises():
    eg = Quantity(np.array([2000.0, -800.0, 5000.0]), "MWh")
    with pytest.raises(InputError, match=r"electricity_generation: negative value .*-800"):
        simple_operating_margin_option_b(fuel_consumed=FC, net_calorific_value=NCV,
                                         co2_emission_factor=EFCO2, electricity_generation=eg,
                                         low_cost_must_run=LCMR)


def test_option_b_only_must_run_plants_raises():
    with pytest.raises(InputError, match=r"total generation is zero"):
        simple_operating_margin_option_b(fuel_consumed=FC, net_calorific_value=NCV,
                                         co2_emission_factor=EFCO2, electricity_generation=EG,
                                         low_cost_must_run=Quantity(np.ones(3), ""))


def test_option_b_fuel_per_volume_with_ncv_per_mass_raises():
    with pytest.raises(UnitError, match=r"result: equation TOOL07 OM-B.*wrong dimension"):
        simple_operating_margin_option_b(
            fuel_consumed=Quantity(np.array([[10.0]]), "万Nm3"),
            net_calorific_value=Quantity(np.array([40.0]), "GJ/t"),
            co2_emission_factor=Quantity(np.array([0.0561]), "t CO2/GJ"),
            electricity_generation=Quantity(np.array([500.0]), "MWh"),
            low_cost_must_run=Quantity(np.array([0.0]), ""))


def test_option_a1_then_a_gives_the_same_margin_as_b():
    units = unit_emission_factor_option_a1(fuel_consumed=Quantity(FC.magnitude[:2], "t"),
                                           net_calorific_value=NCV, co2_emission_factor=EFCO2,
                                           electricity_generation=Quantity(EG.magnitude[:2], "MWh"))
    np.testing.assert_allclose(_m(units), [1892.0 / 2000.0, 619.2 / 800.0], rtol=RTOL)
    om = simple_operating_margin_option_a(
        electricity_generation=Quantity(EG.magnitude[:2], "MWh"), unit_emission_factor=units)
    np.testing.assert_allclose(_m(om), OM_HAND, rtol=RTOL)


def test_option_a1_unit_without_generation_raises():
    with pytest.raises(InputError, match=r"a unit generated nothing"):
        unit_emission_factor_option_a1(fuel_consumed=FC, net_calorific_value=NCV,
                                       co2_emission_factor=EFCO2,
                                       electricity_generation=Quantity(np.array([1.0, 0.0, 2.0]),
                                                                       "MWh"))


def test_option_a_negative_generation_raises():
    with pytest.raises(InputError, match=r"electricity_generation: negative value"):
        simple_operating_margin_option_a(
            electricity_generation=Quantity(np.array([-1.0, 2.0]), "MWh"),
            unit_emission_factor=Quantity(np.array([0.9, 0.8]), "t CO2/MWh"))


def test_three_year_generation_weighted_average():
    # (0.9 × 100 + 0.85 × 120 + 0.8 × 150) / 370 = 312 / 370
    ef = generation_weighted_operating_margin(
        operating_margin=Quantity(np.array([0.9, 0.85, 0.8]), "t CO2/MWh"),
        electricity_generation=Quantity(np.array([100.0, 120.0, 150.0]), "TWh"))
    np.testing.assert_allclose(_m(ef), 312.0 / 370.0, rtol=RTOL)


def test_build_margin_weighted_by_generation():
    # (300 × 0.8 + 100 × 0) / 400 = 0.6
    ef = build_margin_emission_factor(
        electricity_generation=Quantity(np.array([300.0, 100.0]), "GWh"),
        unit_emission_factor=Quantity(np.array([0.8, 0.0]), "t CO2/MWh"))
    np.testing.assert_allclose(_m(ef), 0.6, rtol=RTOL)


def test_sample_group_five_units_when_larger():
    # total 1000, 20 % = 200: the newest unit (250) alone reaches it, but the five newest
    # supply more (250 + 10 + 100 + 100 + 100 = 560), so SET_5-units is taken
    when = np.array(["2010-01-01", "2011-01-01", "2012-01-01", "2013-01-01", "2014-01-01",
                     "2020-01-01", "2021-01-01"], dtype="datetime64[D]")
    gen = np.array([240.0, 200.0, 100.0, 100.0, 100.0, 10.0, 250.0])
    mask, rule = build_margin_sample_group(when, gen)
    assert mask.tolist() == [False, False, True, True, True, True, True]
    assert rule.startswith("SET_5-units")


def test_sample_group_negative_generation_raises():
    with pytest.raises(InputError, match=r"generation: negative value"):
        build_margin_sample_group(np.array(["2020-01-01"], dtype="datetime64[D]"),
                                  np.array([-5.0]))


def test_simple_om_applicability_threshold():
    ok, reason = simple_om_applicable(np.array([60.0]), np.array([100.0]))
    assert not ok
    assert reason.startswith("low-cost/must-run share 60.0 %")


def test_tool07_weights_and_combined_margin():
    # wind/solar 0.75/0.25 (ASB0038 arithmetic: 0.75 × 0.4620 + 0.25 × 0.3456 = 0.4329)
    om_name, bm_name = tool07_weight_names("wind")
    w_om, w_bm = TOOL07_WEIGHTS.value(om_name, {}), TOOL07_WEIGHTS.value(bm_name, {})
    cm = combined_margin(w_om.quantity, Quantity(0.4620, "t CO2/MWh"),
                         w_bm.quantity, Quantity(0.3456, "t CO2/MWh"))
    np.testing.assert_allclose(cm.m_as("t CO2/MWh"), 0.75 * 0.4620 + 0.25 * 0.3456, rtol=RTOL)
    assert tool07_weight_names("hydro") == ("om_weight_other", "bm_weight_other")
    assert all("[U]" in p.source for p in TOOL07_WEIGHTS)
