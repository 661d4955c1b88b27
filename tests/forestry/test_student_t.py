"""Two-sided Student t values without scipy (used by AR-TOOL14 v04.2 eq. 6 and 15).

Oracles: the closed forms of the t quantile for 1, 2 and 4 degrees of freedom; printed
t tables (two-sided 90 %, i.e. the 0.95 quantile, to the digits printed); AR-TOOL14 v04.2
para. 6(a), which prints t(0.1, 33) = 1.692.
"""

import math

import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.student_t import (
    student_t_cdf,
    student_t_quantile,
    two_sided_t_value,
)

P = (0.55, 0.75, 0.9, 0.95, 0.975, 0.995, 0.9995)


@pytest.mark.parametrize("p", P)
def test_one_degree_of_freedom_is_the_cauchy_quantile(p):
    assert student_t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-12)


@pytest.mark.parametrize("p", P)
def test_two_degrees_of_freedom_closed_form(p):
    expected = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    assert student_t_quantile(p, 2) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("p", P)
def test_four_degrees_of_freedom_closed_form(p):
    a = 4 * p * (1 - p)
    q = math.cos(math.acos(math.sqrt(a)) / 3) / math.sqrt(a)
    assert student_t_quantile(p, 4) == pytest.approx(2 * math.sqrt(q - 1), rel=1e-11)


# two-sided 90 % (0.95 quantile) as printed in standard t tables, 3 decimals
@pytest.mark.parametrize(("df", "printed"), [
    (1, 6.314), (2, 2.920), (3, 2.353), (4, 2.132), (5, 2.015), (6, 1.943), (7, 1.895),
    (8, 1.860), (9, 1.833), (10, 1.812), (15, 1.753), (20, 1.725), (25, 1.708), (30, 1.697),
    (40, 1.684), (60, 1.671), (120, 1.658)])
def test_printed_table_values_at_90_percent(df, printed):
    assert round(two_sided_t_value(0.90, df), 3) == printed


@pytest.mark.parametrize(("df", "printed"), [(1, 12.706), (5, 2.571), (10, 2.228), (30, 2.042)])
def test_printed_table_values_at_95_percent(df, printed):
    assert round(two_sided_t_value(0.95, df), 3) == printed


def test_ar_tool14_para_6a_prints_1_692_for_33_degrees_of_freedom():
    # AR-TOOL14 v04.2 para. 6(a): "t(0.1,33) = 1.692"
    assert round(two_sided_t_value(0.90, 33), 3) == 1.692


def test_large_df_tends_to_the_normal_quantile():
    assert two_sided_t_value(0.90, 10**7) == pytest.approx(1.6448536269514722, rel=1e-6)


@pytest.mark.parametrize("df", [1, 3, 9, 33, 500])
@pytest.mark.parametrize("p", [0.6, 0.95, 0.999])
def test_cdf_of_quantile_round_trips(df, p):
    assert student_t_cdf(student_t_quantile(p, df), df) == pytest.approx(p, rel=1e-13)


def test_symmetry():
    assert student_t_quantile(0.05, 7) == pytest.approx(-student_t_quantile(0.95, 7), rel=1e-14)
    assert student_t_quantile(0.5, 7) == 0.0


@pytest.mark.parametrize("df", [0, -1, 0.5, float("nan"), float("inf")])
def test_bad_degrees_of_freedom_are_refused(df):
    with pytest.raises(InputError, match="degrees of freedom"):
        two_sided_t_value(0.90, df)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1, 1.5])
def test_probability_outside_0_1_is_refused(p):
    with pytest.raises(InputError, match="strictly between 0 and 1"):
        student_t_quantile(p, 5)


def test_confidence_outside_0_1_is_refused():
    with pytest.raises(InputError, match="confidence level"):
        two_sided_t_value(90, 5)
