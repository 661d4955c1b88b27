"""AR-TOOL14 v04.2 section 8.1.1, stratified random sampling, eq. (12)-(17).

Hand-worked numbers follow the printed formulas (AR-TOOL14 v04.2, para. 35-36). Oracles from
the tool itself: para. 6(a), mean 45.328 t d.m./ha, n 34, s 12.776 -> U = 8.18 %. The two-strata
case is the illustrative hand-check of the project's forestry reference (section 3.4.11).
"""

import math

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.student_t import two_sided_t_value
from ccer_calc.tools.forestry.tool14_sampling import (
    mean_biomass_per_hectare,
    plots_per_stratum,
    sampling_t_value,
    stock_uncertainty,
    stratum_biomass_variance,
    stratum_mean_biomass,
    total_tree_biomass,
    tree_carbon_stock,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
S1 = [30.0, 52.0, 47.0, 28.0, 61.0, 44.0]
S2 = [12.0, 31.0, 26.0, 10.0, 24.0]
PLOTS = Quantity(np.array(S1 + S2), "t/ha")
STRATUM = Quantity(np.array([0] * 6 + [1] * 5), "")
AREA = Quantity(np.array([60.0, 40.0]), "ha")


def _printed_variance(x):
    # AR-TOOL14 eq. (17) exactly as printed
    n = len(x)
    return (n * sum(v * v for v in x) - sum(x) ** 2) / (n * (n - 1))


def test_eq16_stratum_means_by_hand():
    b = stratum_mean_biomass(plot_biomass=PLOTS, plot_stratum=STRATUM,
                             stratum_count=Quantity(2, ""))
    np.testing.assert_allclose(b.quantity.m_as("t/ha"), [sum(S1) / 6, sum(S2) / 5], rtol=RTOL)


def test_eq17_equals_the_printed_formula():
    s2 = stratum_biomass_variance(plot_biomass=PLOTS, plot_stratum=STRATUM,
                                  stratum_count=Quantity(2, ""))
    np.testing.assert_allclose(s2.quantity.m_as("t^2/ha^2"),
                               [_printed_variance(S1), _printed_variance(S2)], rtol=RTOL)
    # the values of the forestry reference, section 3.4.11
    np.testing.assert_allclose(s2.quantity.m_as("t^2/ha^2"), [162.6666666666667, 83.8],
                               rtol=1e-12)


def test_eq17_keeps_its_digits_on_large_nearly_equal_values():
    # the printed form loses digits to cancellation here; the centred form does not
    x = np.array([1e8 + 1.0, 1e8 + 2.0, 1e8 + 3.0])
    s2 = stratum_biomass_variance(plot_biomass=Quantity(x, "t/ha"),
                                  plot_stratum=Quantity(np.zeros(3, int), ""),
                                  stratum_count=Quantity(1, ""))
    assert s2.quantity.magnitude[0] == pytest.approx(1.0, rel=1e-9)


def test_eq17_refuses_a_stratum_with_one_plot():
    with pytest.raises(InputError, match="fewer than two plots"):
        stratum_biomass_variance(plot_biomass=Quantity(np.array([1.0, 2.0, 3.0]), "t/ha"),
                                 plot_stratum=Quantity(np.array([0, 0, 1]), ""),
                                 stratum_count=Quantity(2, ""))


def test_eq16_refuses_a_stratum_without_plots():
    with pytest.raises(InputError, match="no plots"):
        stratum_mean_biomass(plot_biomass=Quantity(np.array([1.0, 2.0]), "t/ha"),
                             plot_stratum=Quantity(np.array([0, 0]), ""),
                             stratum_count=Quantity(2, ""))


def test_index_outside_the_strata_is_refused():
    with pytest.raises(InputError, match="index outside the groups"):
        stratum_mean_biomass(plot_biomass=Quantity(np.array([1.0, 2.0]), "t/ha"),
                             plot_stratum=Quantity(np.array([0, 2]), ""),
                             stratum_count=Quantity(2, ""))


def test_eq14_eq13_eq12_by_hand():
    # AR-TOOL14 eq. (14): b = 0.6 × 43.6667 + 0.4 × 20.6; (13): B = 100 × b; (12): 44/12 × 0.47 × B
    means = Quantity(np.array([sum(S1) / 6, sum(S2) / 5]), "t/ha")
    b = mean_biomass_per_hectare(stratum_area=AREA, stratum_mean=means)
    expected_b = 0.6 * sum(S1) / 6 + 0.4 * sum(S2) / 5
    assert b.quantity.m_as("t/ha") == pytest.approx(expected_b, rel=RTOL)
    assert expected_b == pytest.approx(34.44, rel=1e-12)
    big_b = total_tree_biomass(stratum_area=AREA, mean_biomass=b)
    assert big_b.quantity.m_as("t") == pytest.approx(100 * expected_b, rel=RTOL)
    c = tree_carbon_stock(carbon_fraction=Quantity(0.47, "t C/t"), tree_biomass=big_b)
    assert c.quantity.m_as("t CO2") == pytest.approx(44 / 12 * 0.47 * 3444.0, rel=RTOL)
    assert c.quantity.m_as("t CO2") == pytest.approx(5935.16, abs=0.005)


def test_eq15_the_tools_own_example_gives_8_18_percent():
    # AR-TOOL14 v04.2 para. 6(a): SEM = 12.776/sqrt(34) = 2.191; × t(0.1, 33) = 1.692 -> 3.707;
    # 3.707 / 45.328 = 8.18 %. One stratum, so eq. (15) reduces to t × s / sqrt(n) / mean.
    t = two_sided_t_value(0.90, 34 - 1)
    u = stock_uncertainty(t_value=Quantity(t, ""), stratum_area=Quantity([1.0], "ha"),
                          stratum_variance=Quantity([12.776 ** 2], "t^2/ha^2"),
                          plots_per_stratum=Quantity([34], ""),
                          mean_biomass=Quantity(45.328, "t/ha"))
    assert round(float(u.quantity.m_as("%")), 2) == 8.18
    assert u.quantity.m_as("") == pytest.approx(t * 12.776 / math.sqrt(34) / 45.328, rel=RTOL)
    assert round(12.776 / math.sqrt(34), 3) == 2.191  # the tool's printed SEM


def test_eq15_two_strata_by_hand():
    # df = n - M = 11 - 2 = 9, t = 1.8331; u = t × sqrt(Σ w² s² / n) / b
    t = sampling_t_value(11, 2)
    assert t.quantity.magnitude == pytest.approx(two_sided_t_value(0.9, 9), rel=RTOL)
    var = Quantity(np.array([_printed_variance(S1), _printed_variance(S2)]), "t^2/ha^2")
    n = plots_per_stratum(STRATUM, 2)
    u = stock_uncertainty(t_value=t, stratum_area=AREA, stratum_variance=var,
                          plots_per_stratum=n, mean_biomass=Quantity(34.44, "t/ha"))
    sem = math.sqrt(0.36 * _printed_variance(S1) / 6 + 0.16 * _printed_variance(S2) / 5)
    expected = two_sided_t_value(0.9, 9) * sem / 34.44
    assert u.quantity.m_as("") == pytest.approx(expected, rel=RTOL)
    assert expected == pytest.approx(0.18774, abs=5e-6)  # forestry reference 3.4.11


def test_t_value_records_its_degrees_of_freedom():
    t = sampling_t_value(34, 1)
    assert t.ref == "two-sided Student t, 90 % confidence, df = n - M = 34 - 1 = 33"
    assert t.origin == "computed"


def test_single_stratum_may_be_a_scalar_area():
    b = mean_biomass_per_hectare(stratum_area=Quantity(10.0, "ha"),
                                 stratum_mean=Quantity(np.array([42.0]), "t/ha"))
    assert b.quantity.m_as("t/ha") == pytest.approx(42.0, rel=RTOL)


def test_equations_record_their_ids_and_documents():
    trail = Trail()
    stratum_mean_biomass(plot_biomass=PLOTS, plot_stratum=STRATUM,
                         stratum_count=Quantity(2, ""), trail=trail)
    entry = trail.entries[0]
    assert (entry.equation, entry.document) == ("AR-TOOL14 (16)", "AR-TOOL14 v04.2")
    assert "para. 36, eq. (16)" in entry.source
