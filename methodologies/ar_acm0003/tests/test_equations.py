"""AR-ACM0003 v02.0 eq. (1)-(7) and the sign equations, against numbers worked by hand.

Each test cites the equation of AR-ACM0003 v02.0 (EB 75 Annex 30) it checks; the formulas were
read in the official PDF (rendered equation images, pages 6-9). Pure algebra: rel 1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest

from ccer_calc.errors import UnitError
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ar_acm0003 import equations as eq

T = "t CO2e"


def q(x: float | list[float], unit: str = T) -> Quantity:
    return Quantity(np.asarray(x, dtype=np.float64), unit)


def test_eq1_baseline_net_removals_sums_four_pools() -> None:
    # AR-ACM0003 v02.0 eq. (1): 120 + 15.5 + 9.6 + 4.8 = 149.9 t CO2e
    v = eq.baseline_net_removals(trees=q(120.0), shrubs=q(15.5), dead_wood=q(9.6),
                                 litter=q(4.8))
    assert float(v.quantity.m_as(T)) == pytest.approx(149.9, rel=1e-12)


def test_eq2_actual_net_removals_subtract_non_co2() -> None:
    # AR-ACM0003 v02.0 eq. (2): 5,000 − 23.5 = 4,976.5 t CO2e
    v = eq.actual_net_removals(project_change=q(5000.0), non_co2=q(23.5))
    assert float(v.quantity.m_as(T)) == pytest.approx(4976.5, rel=1e-12)


def test_eq3_project_change_sums_five_pools_on_an_axis() -> None:
    # AR-ACM0003 v02.0 eq. (3), element by element: [4000 − 50 + 320 + 160 + 293.333333,
    # 10 + 0 + 0 + 0 + 0]
    v = eq.project_stock_change(trees=q([4000.0, 10.0]), shrubs=q([-50.0, 0.0]),
                                dead_wood=q([320.0, 0.0]), litter=q([160.0, 0.0]),
                                soil_carbon=q([293.333333, 0.0]))
    assert v.quantity.m_as(T).tolist() == pytest.approx([4723.333333, 10.0], rel=1e-12)


def test_eq4_leakage_is_the_displacement_leakage() -> None:
    # AR-ACM0003 v02.0 eq. (4): LK_t = LK_AGRIC,t
    assert float(eq.leakage(agricultural_displacement=q(12.5)).quantity.m_as(T)) == 12.5


def test_eq5_net_anthropogenic_removals() -> None:
    # AR-ACM0003 v02.0 eq. (5): 4,976.5 − 149.9 − 12.5 = 4,814.1 t CO2e
    v = eq.net_anthropogenic_removals(actual=q(4976.5), baseline=q(149.9), leakage=q(12.5))
    assert float(v.quantity.m_as(T)) == pytest.approx(4814.1, rel=1e-12)


def test_eq6_tcer_counts_from_year_one_and_eq7_lcer_the_period_only() -> None:
    # AR-ACM0003 v02.0 eq. (6): tCER = 1000 + 2500 − 3000 = 500 (years 1 to t2)
    # eq. (7): lCER = 2500 − 3000 = −500 (years t1 + 1 to t2): 500 lCERs to replace (para. 20)
    net = q([1000.0, 2500.0, -3000.0])
    t = eq.temporary_cers(net_removals=net, counted=q([1, 1, 1], ""))
    lc = eq.long_term_cers(net_removals=net, counted=q([0, 1, 1], ""))
    assert float(t.quantity.m_as(T)) == pytest.approx(500.0, rel=1e-12)
    assert float(lc.quantity.m_as(T)) == pytest.approx(-500.0, rel=1e-12)


def test_sign_equations_make_be_minus_pe_minus_le_the_net_removals() -> None:
    # BE = −ΔC_BSL (para. 13), PE = −ΔC_ACTUAL (para. 15): BE − PE − LE = eq. (5)
    bsl, actual, lk = q(149.9), q(4976.5), q(12.5)
    be = eq.baseline_as_emissions(baseline_removals=bsl).quantity.m_as(T)
    pe = eq.project_as_emissions(actual_removals=actual).quantity.m_as(T)
    net = eq.net_anthropogenic_removals(actual=actual, baseline=bsl, leakage=lk)
    assert float(be) == -149.9
    assert float(pe) == -4976.5
    assert float(be - pe - 12.5) == pytest.approx(float(net.quantity.m_as(T)), rel=1e-12)


def test_each_equation_is_recorded_with_its_document_number() -> None:
    trail = Trail()
    eq.baseline_net_removals(trees=q(1.0), shrubs=q(0.0), dead_wood=q(0.0), litter=q(0.0),
                             trail=trail)
    (entry,) = trail.entries
    assert (entry.equation, entry.document) == ("(1)", "AR-ACM0003 v02.0")
    assert "para. 13, eq. (1)" in entry.source


def test_a_pool_in_another_gas_is_refused() -> None:
    with pytest.raises(UnitError, match=r"equation \(1\).*wrong dimension"):
        eq.baseline_net_removals(trees=Quantity(1.0, "t CH4"), shrubs=q(0.0),
                                 dead_wood=q(0.0), litter=q(0.0))
