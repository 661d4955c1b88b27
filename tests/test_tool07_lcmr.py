"""TOOL07 v07.0 low-cost/must-run tests, lambda and the simple adjusted OM, checked by hand.

Sources: CDM TOOL07 v07.0 para. 40 (eq. (1), (2), long-term hydro, the load test), para. 56-62
(eq. (10), (11)), Appendix 2 (Table 1) and Appendix 3 (load duration curve). Pure algebra:
rtol 1e-12.
"""

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.grid_factor_tool07 import (
    default_lambda,
    hours_lcmr_on_margin,
    lambda_from_hourly_load,
    lcmr_margin_share,
    lcmr_share_average_of_shares,
    lcmr_share_long_term_hydro,
    lcmr_share_ratio_of_averages,
    simple_adjusted_operating_margin,
    simple_om_applicable,
    simple_om_applicable_by_load,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
# five years in which the LCMR sources always supply 60 TWh; the last year's total is larger
LCMR = Quantity(np.full(5, 60.0), "TWh")
TOTAL = Quantity(np.array([100.0, 100.0, 100.0, 100.0, 300.0]), "TWh")


def test_the_two_share_approaches_can_disagree_and_each_says_which_it_is():
    # eq. (1): (0.6 × 4 + 0.2) / 5 = 0.52 → simple OM not allowed
    one = lcmr_share_average_of_shares(lcmr_generation=LCMR, total_generation=TOTAL)
    np.testing.assert_allclose(one.quantity.m_as(""), 2.6 / 5, rtol=RTOL)
    ok, why = simple_om_applicable(one)
    assert not ok
    assert why.startswith("low-cost/must-run share 52.0 % by TOOL07 (1)")
    # eq. (2): 60 / 140 = 0.4286 → allowed
    two = lcmr_share_ratio_of_averages(lcmr_generation=LCMR, total_generation=TOTAL)
    np.testing.assert_allclose(two.quantity.m_as(""), 60.0 / 140.0, rtol=RTOL)
    ok, why = simple_om_applicable(two)
    assert ok
    assert "by TOOL07 (2)" in why
    assert why.endswith("(TOOL07 v07.0, para. 40(a))")


def test_share_needs_five_years_and_positive_totals():
    with pytest.raises(InputError, match=r"lcmr_generation: .*got 3.*expected 5 years"):
        lcmr_share_ratio_of_averages(lcmr_generation=Quantity(np.ones(3), "MWh"),
                                     total_generation=Quantity(np.ones(3), "MWh"))
    with pytest.raises(InputError, match=r"total_generation: a year has no generation"):
        lcmr_share_average_of_shares(lcmr_generation=Quantity(np.zeros(5), "MWh"),
                                     total_generation=Quantity(np.array([1, 1, 0, 1, 1.0]),
                                                               "MWh"))


def test_long_term_hydro_share():
    # para. 40(a) 2): recent wind 5, hydro 30, total 100 TWh/yr; 20-year hydro mean 45:
    # (5 + 45) / (100 - 30 + 45) = 50 / 115
    s = lcmr_share_long_term_hydro(
        other_lcmr_generation=Quantity(np.full(5, 5.0), "TWh"),
        hydro_generation=Quantity(np.full(5, 30.0), "TWh"),
        total_generation=Quantity(np.full(5, 100.0), "TWh"),
        hydro_generation_long_term=Quantity(np.r_[np.full(10, 40.0), np.full(10, 50.0)], "TWh"))
    np.testing.assert_allclose(s.quantity.m_as(""), 50.0 / 115.0, rtol=RTOL)
    assert "para. 40(a) 2)" in simple_om_applicable(s)[1]
    with pytest.raises(InputError, match=r"hydro_generation_long_term: .*at least 15 years"):
        lcmr_share_long_term_hydro(
            other_lcmr_generation=Quantity(np.full(5, 5.0), "TWh"),
            hydro_generation=Quantity(np.full(5, 30.0), "TWh"),
            total_generation=Quantity(np.full(5, 100.0), "TWh"),
            hydro_generation_long_term=Quantity(np.full(14, 45.0), "TWh"))


def test_load_test_of_para_40b():
    # average LCMR load (1000 + 1000 + 2000) / 3 = 1333.3 MW against LASL 1300 MW: refused
    ok, why = simple_om_applicable_by_load(Quantity(np.array([8.76, 8.76, 17.52]), "TWh"),
                                           Quantity(np.array([1300.0, 1300.0, 1300.0]), "MW"))
    assert not ok
    assert why.startswith("average LCMR load 1333.3 MW against average lowest annual system "
                          "load 1300.0 MW")


def test_hours_on_margin_by_hand():
    # Appendix 3: loads 100, 80, 60, 40 MW. Horizontal line at rank j encloses
    # j × d_j + Σ_{t>j} d_t: 40 → 160, 60 → 220, 80 → 260, 100 → 280 MWh.
    load = Quantity(np.array([60.0, 100.0, 40.0, 80.0]), "MW")
    for lcmr, hours in ((150.0, 0), (160.0, 0), (200.0, 1), (220.0, 1), (250.0, 2),
                        (280.0, 3)):
        x = hours_lcmr_on_margin(hourly_load=load, lcmr_generation=Quantity(lcmr, "MWh"))
        assert float(x.quantity.m_as("h")) == hours, lcmr


def test_hours_on_margin_vectorised_and_refusals():
    load = Quantity(np.array([[60.0, 100.0, 40.0, 80.0], [10.0, 10.0, 10.0, 10.0]]), "MW")
    x = hours_lcmr_on_margin(hourly_load=load, lcmr_generation=Quantity([250.0, 40.0], "MWh"))
    assert x.quantity.m_as("h").tolist() == [2.0, 0.0]
    with pytest.raises(InputError, match=r"lcmr_generation: LCMR generation exceeds the energy"):
        hours_lcmr_on_margin(hourly_load=load, lcmr_generation=Quantity([250.0, 41.0], "MWh"))
    with pytest.raises(InputError, match=r"hourly_load: negative value"):
        hours_lcmr_on_margin(hourly_load=Quantity(np.array([-1.0, 2.0]), "MW"),
                             lcmr_generation=Quantity(1.0, "MWh"))


def test_lambda_from_a_year_of_hourly_load():
    # 6570 h at 900 MW and 2190 h at 500 MW; LCMR 4.6 TWh exceeds the 500 MW base
    # (4.38 TWh), so the line lies between 500 and 900 MW: LCMR on the margin in the 2190
    # low-load hours; eq. (11): 2190 / 8760 = 0.25
    rng = np.random.default_rng(7)
    hours = rng.permutation(np.r_[np.full(6570, 900.0), np.full(2190, 500.0)])
    trail = Trail()
    lam = lambda_from_hourly_load(Quantity(hours, "MW"), Quantity(4.6, "TWh"), trail=trail)
    np.testing.assert_allclose(lam.quantity.m_as(""), 0.25, rtol=RTOL)
    assert [e.equation for e in trail.entries] == ["TOOL07 App. 3", "TOOL07 (11)"]
    with pytest.raises(InputError, match=r"more hours on the margin than hours in the year"):
        lcmr_margin_share(hours_on_margin=Quantity(9000, "h"), hours_in_year=Quantity(8760, "h"))


@pytest.mark.parametrize(("share", "expected"), [
    (0.0, 0.0), (0.4999, 0.0), (0.50, 0.05), (0.5454, 0.1), (0.62, 0.15), (0.8476, 0.5),
    (0.9986, 0.95), (0.9987, 1.0), (1.0, 1.0)])
def test_default_lambda_table_bands(share, expected):
    # Appendix 2, Table 1; a share on a band boundary takes the higher band
    lam = default_lambda(share, Quantity(1000.0, "MW"), Quantity(2000.0, "MW"))
    assert float(lam.quantity.m_as("")) == expected
    assert lam.origin == "default"
    assert "Appendix 2, Table 1" in lam.ref


def test_default_lambda_needs_lasl_above_a_third_of_hasl():
    # para. 61: approach 1 only if LASL >= HASL / 3 in every OM year
    with pytest.raises(InputError, match=r"LASL >= HASL / 3"):
        default_lambda(0.7, Quantity(np.array([800.0, 600.0]), "MW"),
                       Quantity(np.array([2000.0, 2000.0]), "MW"))


def test_simple_adjusted_om_by_hand():
    # eq. (10): m = coal 3000 MWh at 0.9, gas 1000 MWh at 0.4 → 3100 / 4000 = 0.775;
    # k = hydro 5000 and imports 1000 MWh, the imports at 0.6 → 600 / 6000 = 0.1;
    # λ = 0.25: 0.75 × 0.775 + 0.25 × 0.1 = 0.60625
    ef = simple_adjusted_operating_margin(
        lcmr_on_margin=Quantity(0.25, ""),
        generation_other=Quantity(np.array([3000.0, 1000.0]), "MWh"),
        emission_factor_other=Quantity(np.array([0.9, 0.4]), "t CO2/MWh"),
        generation_lcmr=Quantity(np.array([5000.0, 1000.0]), "MWh"),
        emission_factor_lcmr=Quantity(np.array([0.0, 0.6]), "t CO2/MWh"))
    np.testing.assert_allclose(ef.quantity.m_as("t CO2/MWh"), 0.75 * 0.775 + 0.25 * 0.1,
                               rtol=RTOL)


def test_simple_adjusted_om_refusals():
    kw = {"generation_other": Quantity(np.array([1.0]), "MWh"),
          "emission_factor_other": Quantity(np.array([0.9]), "t CO2/MWh"),
          "emission_factor_lcmr": Quantity(np.array([0.0]), "t CO2/MWh")}
    with pytest.raises(InputError, match=r"lcmr_on_margin: lambda outside \[0, 1\]"):
        simple_adjusted_operating_margin(lcmr_on_margin=Quantity(1.5, ""),
                                         generation_lcmr=Quantity(np.array([1.0]), "MWh"), **kw)
    with pytest.raises(InputError, match=r"generation_lcmr: total generation is zero"):
        simple_adjusted_operating_margin(lcmr_on_margin=Quantity(0.5, ""),
                                         generation_lcmr=Quantity(np.array([0.0]), "MWh"), **kw)


def test_hours_on_margin_agree_with_an_independent_route():
    # Appendix 3 by another route: bisect for the level P at which Σ_t min(load_t, P) equals
    # the LCMR generation; the hours on the margin are those with load below P.
    rng = np.random.default_rng(11)
    load = rng.uniform(500.0, 1000.0, (4, 8760))
    lcmr = rng.uniform(4.5e6, 6.5e6, 4)
    x = hours_lcmr_on_margin(hourly_load=Quantity(load, "MW"),
                             lcmr_generation=Quantity(lcmr, "MWh")).quantity.m_as("h")
    for row, target, hours in zip(load, lcmr, x, strict=True):
        lo, hi = 0.0, float(row.max())
        for _ in range(100):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if np.minimum(row, mid).sum() < target else (lo, mid)
        assert hours == np.count_nonzero(row < hi)
