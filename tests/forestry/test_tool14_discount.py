"""AR-TOOL14 v04.2 Appendix 2: the uncertainty discount, on both sides of every threshold.

Table 1: U <= 10 % -> 0; 10 < U <= 15 -> 25 %; 15 < U <= 20 -> 50 %; 20 < U <= 30 -> 75 %;
U > 30 -> 100 % of the half-width U × X. The tool's worked example: 60 ± 9 t d.m./ha,
U = 15 %, discount 25 % × 9 = 2.25 -> baseline 62.25, project 57.75.
"""

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.tool14_discount import (
    conservative_baseline_value,
    conservative_project_value,
    discount_fraction,
)
from ccer_calc.units import Quantity

RTOL = 1e-12


def test_the_tools_worked_example():
    # AR-TOOL14 v04.2 Appendix 2, Table 1, "How applied"
    u = Quantity(9 / 60, "")
    project = conservative_project_value(estimate=Quantity(60, "t/ha"), uncertainty=u)
    baseline = conservative_baseline_value(estimate=Quantity(60, "t/ha"), uncertainty=u)
    assert project.quantity.m_as("t/ha") == pytest.approx(57.75, rel=RTOL)
    assert baseline.quantity.m_as("t/ha") == pytest.approx(62.25, rel=RTOL)
    assert project.quantity.units == Quantity(1, "t/ha").units


@pytest.mark.parametrize(("u", "share"), [
    (0.0, 0.0), (0.05, 0.0), (0.10, 0.0),                 # U <= 10 %
    (0.100001, 0.25), (0.12, 0.25), (0.15, 0.25),        # 10 < U <= 15
    (0.150001, 0.50), (0.20, 0.50),                      # 15 < U <= 20
    (0.200001, 0.75), (0.25, 0.75), (0.30, 0.75),        # 20 < U <= 30
    (0.300001, 1.0), (0.5, 1.0), (2.0, 1.0),             # U > 30
])
def test_table_1_on_both_sides_of_each_threshold(u, share):
    assert discount_fraction(u) == share


@pytest.mark.parametrize(("num", "den", "share"), [(1, 10, 0.0), (9, 60, 0.25), (1, 5, 0.5),
                                                   (3, 10, 0.75)])
def test_bounds_computed_with_float_rounding_stay_in_their_class(num, den, share):
    # 9/60 is 0.15 to the last bit; 0.1 + 0.05 is 0.15000000000000002: both are 15 %
    assert discount_fraction(num / den) == share
    assert discount_fraction(0.1 + 0.05) == 0.25


@pytest.mark.parametrize("u", [0.10, 0.1001, 0.15, 0.1501, 0.20, 0.2001, 0.30, 0.3001])
def test_project_and_baseline_move_by_the_share_of_the_half_width(u):
    x = 1000.0
    d = discount_fraction(u)
    p = conservative_project_value(estimate=Quantity(x, "t CO2"), uncertainty=Quantity(u, ""))
    b = conservative_baseline_value(estimate=Quantity(x, "t CO2"), uncertainty=Quantity(u, ""))
    assert p.quantity.m_as("t CO2") == pytest.approx(x - d * u * x, rel=RTOL)
    assert b.quantity.m_as("t CO2") == pytest.approx(x + d * u * x, rel=RTOL)


def test_percent_uncertainty_is_converted():
    p = conservative_project_value(estimate=Quantity(60, "t/ha"), uncertainty=Quantity(15, "%"))
    assert p.quantity.m_as("t/ha") == pytest.approx(57.75, rel=RTOL)


def test_a_negative_project_change_is_made_more_negative():
    # a loss in the project is conservative when larger: X − d·U·|X|
    p = conservative_project_value(estimate=Quantity(-100.0, "t CO2"),
                                   uncertainty=Quantity(0.2, ""))
    assert p.quantity.m_as("t CO2") == pytest.approx(-110.0, rel=RTOL)


def test_arrays_are_discounted_element_by_element():
    u = Quantity(np.array([0.05, 0.12, 0.4]), "")
    p = conservative_project_value(estimate=Quantity(np.array([10.0, 10.0, 10.0]), "t"),
                                   uncertainty=u)
    np.testing.assert_allclose(p.quantity.m_as("t"), [10.0, 10 - 0.25 * 1.2, 10 - 4.0],
                               rtol=RTOL)


@pytest.mark.parametrize("u", [-0.01, float("nan"), float("inf")])
def test_invalid_uncertainty_is_refused(u):
    with pytest.raises(InputError, match="finite fraction"):
        discount_fraction(u)
