"""TOOL07 v07.0 operating and build margins from plant data, checked by hand.

Every number is worked out by hand from the equation of CDM TOOL07 v07.0 cited in the test
(the official text in the project's sources). No published plant data behind an MEE OM/BM are
available offline, so no test reproduces a published factor. Pure algebra: rtol 1e-12.
"""

import datetime as dt

import numpy as np
import pytest

from ccer_calc.errors import InputError, UnitError
from ccer_calc.tools.grid_factor_tool07 import (
    TOOL07_WEIGHTS,
    average_operating_margin_option_a,
    average_operating_margin_option_b,
    build_margin_emission_factor,
    build_margin_sample_group,
    generation_weighted_operating_margin,
    simple_operating_margin_option_a,
    simple_operating_margin_option_b,
    tool07_weight_names,
    unit_emission_factor_option_a1,
    unit_emission_factor_option_a2,
)
from ccer_calc.tools.grid_power import combined_margin
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
# two fuels (coal, oil): NCV 20 and 40 GJ/t, EF_CO2 0.0946 and 0.0774 t CO2/GJ
NCV = Quantity(np.array([20.0, 40.0]), "GJ/t")
EFCO2 = Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ")
# coal 1000 × 20 × 0.0946 = 1892 t CO2; oil 200 × 40 × 0.0774 = 619.2 t CO2
OM_HAND = (1892.0 + 619.2) / (2000.0 + 800.0)


def _m(v):
    return v.quantity.m_as("t CO2/MWh")


def _option_b(fuel, generation):
    return simple_operating_margin_option_b(
        fuel_consumed=Quantity(np.asarray(fuel, dtype=float), "t"), net_calorific_value=NCV,
        co2_emission_factor=EFCO2, electricity_generation=Quantity(generation, "MWh"))


def test_option_b_counts_all_fuel_of_the_system():
    # TOOL07 v07.0 para. 54, eq. (9): FC_i,y is the fuel consumed in the project electricity
    # system (i = all fuel types burned in it); only EG_y leaves out the LCMR sources.
    # The case: two units burn 1000 t and 100 t of one fuel (20 GJ/t, 0.0946 t CO2/GJ),
    # the second flagged low-cost/must-run; 2000 MWh from the non-LCMR unit.
    # Fixed: 1100 × 20 × 0.0946 / 2000 = 1.0406 (the engine gave 1000 × 1.892 / 2000 = 0.946).
    ef = _option_b([1000.0 + 100.0, 0.0], 2000.0)
    np.testing.assert_allclose(_m(ef), 1100 * 20 * 0.0946 / 2000, rtol=RTOL)
    np.testing.assert_allclose(_m(ef), 1.0406, rtol=RTOL)


def test_option_b_by_hand_and_vectorised_over_years():
    ef = _option_b([[1000.0, 200.0], [2000.0, 400.0]], np.array([2800.0, 2800.0]))
    np.testing.assert_allclose(_m(ef), [OM_HAND, 2 * OM_HAND], rtol=RTOL)


def test_option_b_gas_in_wan_nm3():
    # eq. (9) with gas: 10 万Nm3 × 389.31 GJ/万Nm3 × 0.0561 t CO2/GJ / 500 MWh
    ef = simple_operating_margin_option_b(
        fuel_consumed=Quantity(np.array([10.0]), "万Nm3"),
        net_calorific_value=Quantity(np.array([389.31]), "GJ/万Nm3"),
        co2_emission_factor=Quantity(np.array([0.0561]), "t CO2/GJ"),
        electricity_generation=Quantity(500.0, "MWh"))
    np.testing.assert_allclose(_m(ef), 10 * 389.31 * 0.0561 / 500, rtol=RTOL)


def test_option_b_records_its_identity_in_the_trail():
    trail = Trail()
    simple_operating_margin_option_b(
        trail=trail, fuel_consumed=Quantity(np.array([1100.0, 0.0]), "t"),
        net_calorific_value=NCV, co2_emission_factor=EFCO2,
        electricity_generation=Quantity(2000.0, "MWh"))
    (entry,) = trail.find("TOOL07 (9)")
    assert entry.document == "TOOL07 v07.0"
    assert entry.source == "TOOL07 v07.0, para. 54, simple OM option B, eq. (9)"


def test_option_b_bad_input_raises():
    with pytest.raises(InputError, match=r"electricity_generation: negative value .*-800"):
        _option_b([1000.0, 0.0], -800.0)
    with pytest.raises(InputError, match=r"total generation is zero"):
        _option_b([1000.0, 0.0], 0.0)
    with pytest.raises(UnitError, match=r"result: equation TOOL07 \(9\).*wrong dimension"):
        simple_operating_margin_option_b(
            fuel_consumed=Quantity(np.array([10.0]), "万Nm3"),
            net_calorific_value=Quantity(np.array([40.0]), "GJ/t"),
            co2_emission_factor=Quantity(np.array([0.0561]), "t CO2/GJ"),
            electricity_generation=Quantity(500.0, "MWh"))


def test_option_a1_then_a_gives_the_same_margin_as_b():
    # eq. (4) per unit: 1892/2000 and 619.2/800; eq. (3) weights them by generation
    units = unit_emission_factor_option_a1(
        fuel_consumed=Quantity(np.array([[1000.0, 0.0], [0.0, 200.0]]), "t"),
        net_calorific_value=NCV, co2_emission_factor=EFCO2,
        electricity_generation=Quantity(np.array([2000.0, 800.0]), "MWh"))
    np.testing.assert_allclose(_m(units), [1892.0 / 2000.0, 619.2 / 800.0], rtol=RTOL)
    om = simple_operating_margin_option_a(
        electricity_generation=Quantity(np.array([2000.0, 800.0]), "MWh"),
        unit_emission_factor=units)
    np.testing.assert_allclose(_m(om), OM_HAND, rtol=RTOL)


def test_option_a1_unit_without_generation_raises():
    with pytest.raises(InputError, match=r"a unit generated nothing"):
        unit_emission_factor_option_a1(
            fuel_consumed=Quantity(np.array([[1.0, 0.0], [2.0, 0.0]]), "t"),
            net_calorific_value=NCV, co2_emission_factor=EFCO2,
            electricity_generation=Quantity(np.array([1.0, 0.0]), "MWh"))


def test_option_a2_by_hand():
    # eq. (5): 0.0561 t CO2/GJ (gas) × 3.6 GJ/MWh / 0.55
    ef = unit_emission_factor_option_a2(co2_emission_factor=Quantity(56.1, "t CO2/TJ"),
                                        efficiency=Quantity(55.0, "%"))
    np.testing.assert_allclose(_m(ef), 0.0561 * 3.6 / 0.55, rtol=RTOL)
    with pytest.raises(InputError, match=r"efficiency: net conversion efficiency outside"):
        unit_emission_factor_option_a2(co2_emission_factor=Quantity(0.0561, "t CO2/GJ"),
                                       efficiency=Quantity(0.0, ""))


def test_option_a_negative_generation_raises():
    with pytest.raises(InputError, match=r"electricity_generation: negative value"):
        simple_operating_margin_option_a(
            electricity_generation=Quantity(np.array([-1.0, 2.0]), "MWh"),
            unit_emission_factor=Quantity(np.array([0.9, 0.8]), "t CO2/MWh"))


def test_three_year_generation_weighted_average():
    # para. 42(a): (0.9 × 100 + 0.85 × 120 + 0.8 × 150) / 370 = 312 / 370
    ef = generation_weighted_operating_margin(
        operating_margin=Quantity(np.array([0.9, 0.85, 0.8]), "t CO2/MWh"),
        electricity_generation=Quantity(np.array([100.0, 120.0, 150.0]), "TWh"))
    np.testing.assert_allclose(_m(ef), 312.0 / 370.0, rtol=RTOL)
    with pytest.raises(InputError, match=r"exactly three years .*got 2"):
        generation_weighted_operating_margin(
            operating_margin=Quantity(np.array([0.9, 0.85]), "t CO2/MWh"),
            electricity_generation=Quantity(np.array([100.0, 120.0]), "TWh"))


def test_average_om_includes_low_cost_must_run():
    # para. 70: the simple OM with LCMR units in all equations.
    # Option A: (3000 × 0.9 + 1000 × 0.4 + 6000 × 0) / 10000 = 0.31
    a = average_operating_margin_option_a(
        electricity_generation=Quantity(np.array([3000.0, 1000.0, 6000.0]), "MWh"),
        unit_emission_factor=Quantity(np.array([0.9, 0.4, 0.0]), "t CO2/MWh"))
    np.testing.assert_allclose(_m(a), 3100.0 / 10000.0, rtol=RTOL)
    # Option B: (1892 + 619.2) t CO2 over 2800 MWh fossil + 5000 MWh hydro
    b = average_operating_margin_option_b(
        fuel_consumed=Quantity(np.array([1000.0, 200.0]), "t"), net_calorific_value=NCV,
        co2_emission_factor=EFCO2, electricity_generation=Quantity(7800.0, "MWh"))
    np.testing.assert_allclose(_m(b), 2511.2 / 7800.0, rtol=RTOL)


def test_build_margin_weighted_by_generation():
    # eq. (15): (300 × 0.8 + 100 × 0) / 400 = 0.6
    ef = build_margin_emission_factor(
        electricity_generation=Quantity(np.array([300.0, 100.0]), "GWh"),
        unit_emission_factor=Quantity(np.array([0.8, 0.0]), "t CO2/MWh"))
    np.testing.assert_allclose(_m(ef), 0.6, rtol=RTOL)


# Six units; unit 4 is a CDM wind farm. Reference date 2024-01-01: units 0 and 1 started
# more than ten years before (para. 75(c)).
WHEN = np.array(["2005-06-01", "2010-03-01", "2016-01-01", "2018-01-01", "2019-01-01",
                 "2022-01-01"], dtype="datetime64[D]")
GEN = np.array([500.0, 300.0, 60.0, 40.0, 80.0, 20.0])
CDM = np.array([False, False, False, False, True, False])
EF_UNITS = np.array([1.0, 0.95, 0.4, 0.85, 0.0, 0.0])
AS_OF = dt.date(2024, 1, 1)


def test_sample_group_ten_year_rule_changes_the_build_margin():
    # para. 75: AEG_total without CDM = 920 MWh, 20 % = 184. SET_5-units (units 5, 3, 2, 1, 0:
    # 920) beats SET_>=20% (5, 3, 2, 1: 420). It holds units 0 and 1, older than ten years
    # (75(c)), which leave; 5 + 3 + 2 = 120 < 184, so the CDM unit 4 joins (75(d)): 200 >= 184.
    s = build_margin_sample_group(WHEN, GEN, as_of=AS_OF, registered_cdm=CDM)
    assert s.mask.tolist() == [False, False, True, True, True, True]
    assert s.rule.startswith("SET_sample-CDM: 4 units from SET_5-units, 21.7 % of AEG_total")
    assert "para. 75(d)" in s.rule
    assert not s.older_than_ten_years.any()
    bm = build_margin_emission_factor(
        electricity_generation=Quantity(GEN[s.mask], "MWh"),
        unit_emission_factor=Quantity(EF_UNITS[s.mask], "t CO2/MWh"))
    # Fixed: (60 × 0.4 + 40 × 0.85 + 80 × 0 + 20 × 0) / 200 = 0.29. The engine used to take
    # the five most recent units of all, CDM and old ones alike (units 1-5):
    # (300 × 0.95 + 60 × 0.4 + 40 × 0.85) / 500 = 0.686.
    np.testing.assert_allclose(_m(bm), 58.0 / 200.0, rtol=RTOL)


def test_sample_group_without_old_units_is_set_sample():
    # Reference date 2012-01-01 with only the units up to 2010: none older than 2002
    s = build_margin_sample_group(WHEN[:2], GEN[:2], as_of=dt.date(2012, 1, 1))
    assert s.mask.tolist() == [True, True]
    assert s.rule.startswith("SET_sample: 2 units from SET_5-units")


def test_sample_group_old_units_refill_to_twenty_percent():
    # Without the CDM unit: AEG_total 920, 20 % = 184. SET_5-units (all five) holds the old
    # units 0 and 1; without them 120 < 184, no CDM unit can join, so old units rejoin, most
    # recent first: unit 1 (300) brings 420 >= 184 (75(e)-(f)); para. 79 flags unit 1.
    keep = [0, 1, 2, 3, 5]
    s = build_margin_sample_group(WHEN[keep], GEN[keep], as_of=AS_OF)
    assert s.mask.tolist() == [False, True, True, True, True]
    assert s.rule.startswith("SET_sample-CDM->10yrs")
    assert "para. 79" in s.rule
    assert s.older_than_ten_years.tolist() == [False, True, False, False, False]


def test_sample_group_twenty_percent_set_when_larger():
    # para. 75(b)-(c): total 1000, 20 % = 200; the five newest units supply only 100
    when = np.array(["2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01", "2020-01-01",
                     "2021-01-01", "2022-01-01"], dtype="datetime64[D]")
    gen = np.array([600.0, 300.0, 20.0, 20.0, 20.0, 20.0, 20.0])
    # SET_5 = 100; SET_>=20% of 1000: 20 × 5 = 100, + 300 = 400 >= 200 → 6 units (400)
    s = build_margin_sample_group(when, gen, as_of=AS_OF)
    assert s.mask.tolist() == [False, True, True, True, True, True, True]
    assert s.rule.startswith("SET_sample: 6 units from SET_>=20% (6 most recent units)")


def test_sample_group_bad_input_raises():
    with pytest.raises(InputError, match=r"generation: negative value"):
        build_margin_sample_group(np.array(["2020-01-01"], dtype="datetime64[D]"),
                                  np.array([-5.0]), as_of=AS_OF)
    with pytest.raises(InputError, match=r"differ in shape"):
        build_margin_sample_group(WHEN, GEN[:3], as_of=AS_OF)
    with pytest.raises(InputError, match=r"not CDM projects generate nothing"):
        build_margin_sample_group(WHEN[:1], GEN[:1], as_of=AS_OF,
                                  registered_cdm=np.array([True]))


def test_tool07_weights_are_the_para_86_defaults():
    # para. 86(a) wind/solar 0.75/0.25; 86(b) others 0.5/0.5, then 0.25/0.75 in the 2nd and
    # 3rd crediting periods. ASB0038 arithmetic: 0.75 × 0.4620 + 0.25 × 0.3456 = 0.4329.
    om_name, bm_name = tool07_weight_names("wind")
    w_om, w_bm = TOOL07_WEIGHTS.value(om_name, {}), TOOL07_WEIGHTS.value(bm_name, {})
    cm = combined_margin(w_om.quantity, Quantity(0.4620, "t CO2/MWh"),
                         w_bm.quantity, Quantity(0.3456, "t CO2/MWh"))
    np.testing.assert_allclose(cm.m_as("t CO2/MWh"), 0.75 * 0.4620 + 0.25 * 0.3456, rtol=RTOL)
    assert tool07_weight_names("hydro") == ("om_weight_other", "bm_weight_other")
    assert tool07_weight_names("solar", 3) == ("om_weight_wind_solar", "bm_weight_wind_solar")
    later = tool07_weight_names("hydro", crediting_period=2)
    assert [TOOL07_WEIGHTS[n].default for n in later] == [0.25, 0.75]
    assert all("[U]" not in p.source and "para. 86" in p.source for p in TOOL07_WEIGHTS)
    with pytest.raises(InputError, match=r"crediting_period: .*got 4"):
        tool07_weight_names("hydro", 4)
