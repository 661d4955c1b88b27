"""AR-TOOL14 v04.2 sections 6.1, 6.2, 7 and 8.4: change in tree carbon, eq. (1)-(8), (11),
(22)-(23). Hand-worked numbers from the printed formulas."""

import datetime as dt
import math

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.student_t import two_sided_t_value
from ccer_calc.tools.forestry.tool14_change import (
    annual_tree_carbon_change,
    carbon_stock_change,
    change_uncertainty_two_stocks,
    elapsed_years,
    updated_carbon_stock,
    updated_stock_uncertainty,
)
from ccer_calc.tools.forestry.tool14_discount import conservative_project_value
from ccer_calc.tools.forestry.tool14_remeasure import (
    biomass_change,
    carbon_stock_change_remeasured,
    change_uncertainty_remeasured,
    mean_biomass_change,
    plot_biomass_change,
    stratum_biomass_change_variance,
    stratum_mean_biomass_change,
)
from ccer_calc.units import Quantity

RTOL = 1e-12


def test_eq1_and_eq2_difference_of_two_stocks():
    # eq. (1): 7000 − 3000; eq. (2): sqrt((0.08 × 3000)² + (0.06 × 7000)²) / 4000
    d = carbon_stock_change(stock_t2=Quantity(7000, "t CO2"), stock_t1=Quantity(3000, "t CO2"))
    assert d.quantity.m_as("t CO2") == pytest.approx(4000, rel=RTOL)
    u = change_uncertainty_two_stocks(stock_t1=Quantity(3000, "t CO2"),
                                      uncertainty_t1=Quantity(0.08, ""),
                                      stock_t2=Quantity(7000, "t CO2"),
                                      uncertainty_t2=Quantity(0.06, ""))
    expected = math.sqrt((0.08 * 3000) ** 2 + (0.06 * 7000) ** 2) / 4000
    assert u.quantity.m_as("") == pytest.approx(expected, rel=RTOL)
    # para. 18: above 10 % the change is discounted (here 12.09 % -> 25 % of U)
    c = conservative_project_value(estimate=d, uncertainty=u)
    assert c.quantity.m_as("t CO2") == pytest.approx(4000 - 0.25 * expected * 4000, rel=RTOL)


def test_eq2_uses_the_absolute_change():
    u = change_uncertainty_two_stocks(stock_t1=Quantity(5000, "t CO2"),
                                      uncertainty_t1=Quantity(0.1, ""),
                                      stock_t2=Quantity(4000, "t CO2"),
                                      uncertainty_t2=Quantity(0.1, ""))
    assert u.quantity.m_as("") == pytest.approx(math.sqrt(500**2 + 400**2) / 1000, rel=RTOL)


def test_eq2_refuses_a_zero_change():
    with pytest.raises(InputError, match="stocks are equal"):
        change_uncertainty_two_stocks(stock_t1=Quantity(10, "t CO2"),
                                      uncertainty_t1=Quantity(0.1, ""),
                                      stock_t2=Quantity(10, "t CO2"),
                                      uncertainty_t2=Quantity(0.1, ""))


def test_eq3_to_eq8_remeasured_plots_by_hand():
    t1 = np.array([40.0, 45.0, 30.0, 20.0, 22.0])
    t2 = np.array([50.0, 61.0, 34.0, 26.0, 27.0])
    stratum = Quantity(np.array([0, 0, 1, 1, 1]), "")
    area = Quantity(np.array([60.0, 40.0]), "ha")
    d = plot_biomass_change(plot_biomass_t2=Quantity(t2, "t/ha"),
                            plot_biomass_t1=Quantity(t1, "t/ha"))          # para. 19
    np.testing.assert_allclose(d.quantity.m_as("t/ha"), t2 - t1, rtol=RTOL)
    mean_i = stratum_mean_biomass_change(plot_biomass_change=d, plot_stratum=stratum,
                                         stratum_count=Quantity(2, ""))   # eq. (7)
    np.testing.assert_allclose(mean_i.quantity.m_as("t/ha"), [13.0, 5.0], rtol=RTOL)
    var_i = stratum_biomass_change_variance(plot_biomass_change=d, plot_stratum=stratum,
                                            stratum_count=Quantity(2, ""))  # eq. (8)
    # printed form: [n Σx² − (Σx)²] / [n (n − 1)]
    np.testing.assert_allclose(var_i.quantity.m_as("t^2/ha^2"),
                               [(2 * (100 + 256) - 26**2) / 2, (3 * (16 + 36 + 25) - 15**2) / 6],
                               rtol=RTOL)
    db = mean_biomass_change(stratum_area=area, stratum_mean_change=mean_i)  # eq. (5)
    assert db.quantity.m_as("t/ha") == pytest.approx(0.6 * 13 + 0.4 * 5, rel=RTOL)
    big = biomass_change(stratum_area=area, mean_biomass_change=db)           # eq. (4)
    assert big.quantity.m_as("t") == pytest.approx(980.0, rel=RTOL)
    dc = carbon_stock_change_remeasured(carbon_fraction=Quantity(0.47, "t C/t"),
                                        biomass_change=big)                  # eq. (3)
    assert dc.quantity.m_as("t CO2") == pytest.approx(44 / 12 * 0.47 * 980, rel=RTOL)
    t = two_sided_t_value(0.9, 5 - 2)
    u = change_uncertainty_remeasured(t_value=Quantity(t, ""), stratum_area=area,
                                      stratum_change_variance=var_i,
                                      plots_per_stratum=Quantity(np.array([2, 3]), ""),
                                      mean_biomass_change=db)                # eq. (6)
    expected = t * math.sqrt(0.36 * 18 / 2 + 0.16 * 1 / 3) / 9.8
    assert u.quantity.m_as("") == pytest.approx(expected, rel=RTOL)


def test_eq6_refuses_a_zero_mean_change():
    with pytest.raises(InputError, match="mean biomass change is zero"):
        change_uncertainty_remeasured(t_value=Quantity(2.0, ""), stratum_area=Quantity([1.0], "ha"),
                                      stratum_change_variance=Quantity([1.0], "t^2/ha^2"),
                                      plots_per_stratum=Quantity([3], ""),
                                      mean_biomass_change=Quantity(0.0, "t/ha"))


def test_eq11_annual_change_with_a_fractional_period():
    # eq. (11): (C2 − C1) / T × 1 year, T = 4 years 5 months = 4.417 yr (para. 29 note 1)
    t = elapsed_years(dt.date(2019, 1, 1), dt.date(2023, 6, 1))
    assert t == pytest.approx(4 + 5 / 12, rel=RTOL)
    d = annual_tree_carbon_change(stock_t2=Quantity(9000, "t CO2"),
                                  stock_t1=Quantity(1000, "t CO2"), elapsed_time=Quantity(t, "yr"))
    assert d.quantity.m_as("t CO2") == pytest.approx(8000 / (4 + 5 / 12), rel=RTOL)


def test_elapsed_years_counts_whole_months_then_days():
    assert elapsed_years(dt.date(2020, 1, 31), dt.date(2020, 3, 1)) == pytest.approx(
        1 / 12 + 1 / 365.25, rel=RTOL)  # 31 Jan -> 29 Feb is one month, then one day
    assert elapsed_years(dt.date(2020, 3, 15), dt.date(2020, 3, 25)) == pytest.approx(
        10 / 365.25, rel=RTOL)


def test_elapsed_years_refuses_dates_out_of_order():
    with pytest.raises(InputError, match="out of order"):
        elapsed_years(dt.date(2022, 1, 1), dt.date(2021, 1, 1))


def test_eq11_refuses_a_zero_period():
    with pytest.raises(InputError, match="elapsed time must be positive"):
        annual_tree_carbon_change(stock_t2=Quantity(1, "t CO2"), stock_t1=Quantity(0, "t CO2"),
                                  elapsed_time=Quantity(0, "yr"))


def test_eq22_eq23_update_by_the_measured_change():
    # the previous stock enters undiscounted (note to eq. 22)
    c2 = updated_carbon_stock(stock_t1=Quantity(3000, "t CO2"),
                              stock_change=Quantity(1034, "t CO2"))
    assert c2.quantity.m_as("t CO2") == pytest.approx(4034, rel=RTOL)
    u2 = updated_stock_uncertainty(stock_t1=Quantity(3000, "t CO2"),
                                   uncertainty_t1=Quantity(0.12, ""),
                                   stock_change=Quantity(1034, "t CO2"),
                                   change_uncertainty=Quantity(0.3, ""), stock_t2=c2)
    expected = math.sqrt((0.12 * 3000) ** 2 + (0.3 * 1034) ** 2) / 4034
    assert u2.quantity.m_as("") == pytest.approx(expected, rel=RTOL)
