"""AR-TOOL14 v04.2: double sampling (eq. 18-19, Appendix 3), proportionate crown cover
(eq. 9-10, 20-21, para. 24-25, 49), shrubs (eq. 24-27, para. 60) and the zero conditions of
section 5 and paras. 26-27. Hand-worked numbers from the printed formulas."""

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.tool14_crown import (
    baseline_tree_carbon_change,
    baseline_tree_carbon_change_stratum,
    forest_increment_in_year,
    pre_project_tree_carbon,
    pre_project_tree_carbon_stratum,
    proportionate_crown_cover_applies,
)
from ccer_calc.tools.forestry.tool14_double import (
    correlation_coefficient,
    double_sampling_stratum_mean,
    double_sampling_stratum_variance,
    regression_slope,
    secondary_means,
)
from ccer_calc.tools.forestry.tool14_shrubs import (
    annual_shrub_carbon_change,
    shrub_biomass_per_hectare,
    shrub_carbon_change,
    shrub_carbon_stock,
)
from ccer_calc.tools.forestry.tool14_zero import (
    baseline_change_is_zero,
    baseline_tree_stock_is_zero,
    ex_ante_project_shrub_change_is_zero,
    no_decrease,
)
from ccer_calc.units import Quantity

RTOL = 1e-12
X = np.array([10.0, 14.0, 18.0, 25.0, 0.3, 0.5, 0.6, 0.8])   # basal area m²/ha, then NDVI
Y = np.array([55.0, 70.0, 92.0, 120.0, 30.0, 52.0, 58.0, 81.0])
S = np.array([0, 0, 0, 0, 1, 1, 1, 1])


def _hand(x, y):
    r = np.corrcoef(x, y)[0, 1]
    return r, r * y.std(ddof=1) / x.std(ddof=1)


def test_appendix_3_correlation_and_slope_per_stratum():
    # App. 3 eq. (2) and (1) with x as a pure number (NDVI; basal area as a ratio of areas)
    x = Quantity(X, "")
    r = correlation_coefficient(secondary_variable=x, plot_biomass=Quantity(Y, "t/ha"),
                                plot_stratum=Quantity(S, ""), stratum_count=Quantity(2, ""))
    beta = regression_slope(correlation=r, plot_biomass=Quantity(Y, "t/ha"), secondary_variable=x,
                            plot_stratum=Quantity(S, ""), stratum_count=Quantity(2, ""))
    for i in (0, 1):
        m = S == i
        r_i, b_i = _hand(X[m], Y[m])
        assert r.quantity.m_as("")[i] == pytest.approx(r_i, rel=RTOL)
        assert beta.quantity.m_as("t/ha")[i] == pytest.approx(b_i, rel=RTOL)


def test_eq18_eq19_double_sampling_by_hand():
    # eq. (18): mean + beta (mean x all − mean x sub); eq. (19): s² × (1 − (1 − alpha) rho²)
    y = Quantity(Y[:4], "t/ha")
    stratum = Quantity(S[:4], "")
    r_i, b_i = _hand(X[:4], Y[:4])
    all_x = np.array([10.0, 14.0, 18.0, 25.0, 12.0, 16.0, 22.0, 20.0, 15.0, 19.0])
    x_all = secondary_means(Quantity(all_x, ""), Quantity(np.zeros(10, int), ""), 1)
    mean = double_sampling_stratum_mean(plot_biomass=y, plot_stratum=stratum,
                                        stratum_count=Quantity(1, ""),
                                        regression_slope=Quantity([b_i], "t/ha"),
                                        secondary_mean_all=x_all,
                                        secondary_mean_subsample=Quantity([X[:4].mean()], ""))
    assert mean.quantity.m_as("t/ha")[0] == pytest.approx(
        Y[:4].mean() + b_i * (all_x.mean() - X[:4].mean()), rel=RTOL)
    var = double_sampling_stratum_variance(plot_biomass=y, plot_stratum=stratum,
                                           stratum_count=Quantity(1, ""),
                                           subsample_ratio=Quantity([0.4], ""),
                                           correlation=Quantity([r_i], ""))
    n = 4
    printed = (n * (Y[:4] ** 2).sum() - Y[:4].sum() ** 2) / (n * (n - 1))
    assert var.quantity.m_as("t^2/ha^2")[0] == pytest.approx(printed * (1 - 0.6 * r_i**2),
                                                              rel=1e-12)


def test_double_sampling_with_a_length_secondary_variable():
    # LiDAR mean height in m: β in t/(ha·m), β × Δx̄ in t/ha
    mean = double_sampling_stratum_mean(
        plot_biomass=Quantity(np.array([40.0, 60.0]), "t/ha"),
        plot_stratum=Quantity(np.array([0, 0]), ""), stratum_count=Quantity(1, ""),
        regression_slope=Quantity([5.0], "t/(ha*m)"), secondary_mean_all=Quantity([1200.0], "cm"),
        secondary_mean_subsample=Quantity([11.0], "m"))
    assert mean.quantity.m_as("t/ha")[0] == pytest.approx(50.0 + 5.0, rel=RTOL)


def test_eq19_refuses_a_subsample_ratio_of_one():
    with pytest.raises(InputError, match="strictly between 0 and 1"):
        double_sampling_stratum_variance(plot_biomass=Quantity(np.array([1.0, 2.0]), "t/ha"),
                                         plot_stratum=Quantity(np.array([0, 0]), ""),
                                         stratum_count=Quantity(1, ""),
                                         subsample_ratio=Quantity([1.0], ""),
                                         correlation=Quantity([0.5], ""))


def test_correlation_of_a_constant_variable_is_refused():
    with pytest.raises(InputError, match="does not vary"):
        correlation_coefficient(secondary_variable=Quantity(np.array([1.0, 1.0]), ""),
                                plot_biomass=Quantity(np.array([1.0, 2.0]), "t/ha"),
                                plot_stratum=Quantity(np.array([0, 0]), ""),
                                stratum_count=Quantity(1, ""))


def test_crown_cover_method_applies_only_below_20_percent_of_the_threshold():
    # para. 24 example: threshold 30 % -> below 6 %
    assert proportionate_crown_cover_applies([0.059], [1.0], 0.30).applies
    no = proportionate_crown_cover_applies([0.06], [1.0], 0.30)
    assert not no.applies
    assert no.rule == "AR-TOOL14 v04.2 para. 24 and 49"


def test_eq10_eq9_with_the_steady_state_year():
    # para. 25: Δb_FOREST zero after the 20th year
    years = Quantity(np.arange(1, 23), "yr")
    inc = forest_increment_in_year(forest_biomass_increment=Quantity(2.5, "t/ha/yr"),
                                   project_year=years, steady_state_year=Quantity(20, "yr"))
    assert inc.quantity.m_as("t/ha/yr").tolist() == [2.5] * 20 + [0.0, 0.0]
    per_stratum = baseline_tree_carbon_change_stratum(
        carbon_fraction=Quantity(0.47, "t C/t"),
        forest_biomass_increment=Quantity(inc.quantity.m_as("t/ha/yr")[:, None], "t/ha/yr"),
        root_shoot_ratio=Quantity(0.25, ""), crown_cover=Quantity(np.array([0.03, 0.05]), ""),
        stratum_area=Quantity(np.array([80.0, 20.0]), "ha"))
    total = baseline_tree_carbon_change(stratum_change=per_stratum)
    first = 44 / 12 * 0.47 * 2.5 * 1.25 * (0.03 * 80 + 0.05 * 20)
    np.testing.assert_allclose(total.quantity.m_as("t CO2/yr"), [first] * 20 + [0.0, 0.0],
                               rtol=RTOL)


def test_eq21_eq20_pre_project_stock():
    s = pre_project_tree_carbon_stratum(carbon_fraction=Quantity(0.47, "t C/t"),
                                        forest_biomass=Quantity(130.0, "t/ha"),
                                        root_shoot_ratio=Quantity(0.25, ""),
                                        crown_cover=Quantity(np.array([0.02, 0.04]), ""),
                                        stratum_area=Quantity(np.array([50.0, 25.0]), "ha"))
    total = pre_project_tree_carbon(stratum_stock=s)
    expected = 44 / 12 * 0.47 * 130 * 1.25 * (0.02 * 50 + 0.04 * 25)
    assert total.quantity.m_as("t CO2") == pytest.approx(expected, rel=RTOL)


def test_eq27_eq26_shrubs_with_the_5_percent_rule():
    b = shrub_biomass_per_hectare(shrub_biomass_ratio=Quantity(0.1, ""),
                                  forest_biomass=Quantity(110.0, "t/ha"),
                                  shrub_crown_cover=Quantity(np.array([0.0499, 0.05, 0.5]), ""))
    np.testing.assert_allclose(b.quantity.m_as("t/ha"), [0.0, 0.1 * 110 * 0.05, 5.5], rtol=RTOL)
    c = shrub_carbon_stock(carbon_fraction=Quantity(0.47, "t C/t"),
                           root_shoot_ratio=Quantity(0.4, ""),
                           shrub_stratum_area=Quantity(np.array([10.0, 20.0, 30.0]), "ha"),
                           shrub_biomass=b)
    expected = 44 / 12 * 0.47 * 1.4 * (20 * 0.55 + 30 * 5.5)
    assert c.quantity.m_as("t CO2") == pytest.approx(expected, rel=RTOL)


def test_eq24_eq25_shrub_change():
    d = shrub_carbon_change(stock_t2=Quantity(300, "t CO2"), stock_t1=Quantity(200, "t CO2"))
    assert d.quantity.m_as("t CO2") == pytest.approx(100, rel=RTOL)
    a = annual_shrub_carbon_change(stock_t2=Quantity(300, "t CO2"), stock_t1=Quantity(200, "t CO2"),
                                   elapsed_time=Quantity(2.5, "yr"))
    assert a.quantity.m_as("t CO2") == pytest.approx(40, rel=RTOL)


def test_shrub_cover_outside_0_1_is_refused():
    with pytest.raises(InputError, match="shrub crown cover is a fraction"):
        shrub_biomass_per_hectare(shrub_biomass_ratio=Quantity(0.1, ""),
                                  forest_biomass=Quantity(110.0, "t/ha"),
                                  shrub_crown_cover=Quantity(1.2, ""))


def test_para_11_needs_all_three_conditions():
    ok = baseline_tree_stock_is_zero(not_removed=True, no_mortality_or_damage=True,
                                     monitored_not_inventoried=True)
    assert ok.applies and ok.met == ("a", "b", "c") and ok.rule.endswith("para. 11")
    bad = baseline_tree_stock_is_zero(not_removed=True, no_mortality_or_damage=False,
                                      monitored_not_inventoried=True)
    assert not bad.applies and bad.not_met == ("b",)


def test_para_12_needs_one_indicator():
    assert baseline_change_is_zero({"a": False, "e": True}).met == ("e",)
    none = baseline_change_is_zero({"a": False})
    assert not none.applies and "no indicator" in none.reason
    with pytest.raises(InputError, match="letters a to g"):
        baseline_change_is_zero({"h": True})


def test_para_13_and_no_decrease():
    assert ex_ante_project_shrub_change_is_zero(ex_ante=True).applies
    nd = no_decrease(no_harvest=True, no_disturbance=True, crown_cover_not_decreased=False,
                     shrubs=True)
    assert not nd.applies and nd.rule.endswith("para. 57") and nd.not_met == ("c",)
