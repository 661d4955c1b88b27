"""AR-AM0014 v03.0 eq. (1)-(8), the para. 17 SOC rate and the sign equations, by hand.

Each test cites the equation of AR-AM0014 v03.0 (EB 75 Annex 29) it checks; the formulas were
read in the official PDF (rendered equation images, pages 6-9). Pure algebra: rel 1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest

from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ar_am0014 import equations as eq

T = "t CO2e"


def q(x: float | list[float], unit: str = T) -> Quantity:
    return Quantity(np.asarray(x, dtype=np.float64), unit)


def test_eq1_baseline_has_no_litter() -> None:
    # AR-AM0014 v03.0 eq. (1): 120 + 15.5 + 9.6 = 145.1 (litter not accounted, Table 1)
    v = eq.baseline_net_removals(trees=q(120.0), shrubs=q(15.5), dead_wood=q(9.6))
    assert float(v.quantity.m_as(T)) == pytest.approx(145.1, rel=1e-12)
    assert "litter" not in eq.baseline_net_removals.meta.inputs


def test_eq2_and_eq3_actual_removals_from_four_pools() -> None:
    # AR-AM0014 v03.0 eq. (3): 4000 − 50 + 320 + 110 = 4380; eq. (2): 4380 − 20 = 4360
    change = eq.project_stock_change(trees=q(4000.0), shrubs=q(-50.0), dead_wood=q(320.0),
                                     soil_carbon=q(110.0))
    actual = eq.actual_net_removals(project_change=change, non_co2=q(20.0))
    assert float(change.quantity.m_as(T)) == pytest.approx(4380.0, rel=1e-12)
    assert float(actual.quantity.m_as(T)) == pytest.approx(4360.0, rel=1e-12)


def test_para17_rate_holds_from_the_planting_year_to_twenty_years_after() -> None:
    # AR-AM0014 v03.0 para. 17 (i)-(ii): 0.50 t C/ha/yr for t = t_PLANT .. t_PLANT + 20, then 0
    r = eq.soc_rate_by_planting_year(
        year=q([2013, 2014, 2034, 2035, 2036], ""), planting_year=q([2014, 2015], ""),
        accrual_rate=Quantity(0.5, "t C/ha/yr"), accrual_years=Quantity(20, "yr"))
    assert r.quantity.m_as("t C/ha/yr").tolist() == [[0.0, 0.0], [0.5, 0.0], [0.5, 0.5],
                                                     [0.0, 0.5], [0.0, 0.0]]


def test_eq4_soc_change_of_the_areas_planted() -> None:
    # AR-AM0014 v03.0 eq. (4): 44/12 × (35 × 0.5 + 25 × 0.5) × 1 yr = 110 t CO2e; half a year
    # of the first planting only: 44/12 × 35 × 0.5 × 0.5 = 32.083333 t CO2e
    d = eq.soil_carbon_change(planted_area=q([35.0, 25.0], "ha"),
                              soc_rate=q([[0.5, 0.5], [0.5, 0.0]], "t C/ha/yr"),
                              duration=q([1.0, 0.5], "yr"))
    assert d.quantity.m_as(T).tolist() == pytest.approx([110.0, 44 / 12 * 8.75], rel=1e-12)


def test_eq5_eq6_leakage_and_net_removals() -> None:
    # AR-AM0014 v03.0 eq. (5) LK = LK_AGRIC; eq. (6): 4360 − 145.1 − 2 = 4212.9
    lk = eq.leakage(agricultural_displacement=q(2.0))
    net = eq.net_anthropogenic_removals(actual=q(4360.0), baseline=q(145.1), leakage=lk)
    assert float(net.quantity.m_as(T)) == pytest.approx(4212.9, rel=1e-12)


def test_eq7_eq8_tcer_and_lcer() -> None:
    # AR-AM0014 v03.0 eq. (7): 3004.75 + 7078.53 = 10083.28; eq. (8): 7078.53 (t1 + 1 to t2)
    net = q([3004.75, 7078.53])
    t = eq.temporary_cers(net_removals=net, counted=q([1, 1], ""))
    lc = eq.long_term_cers(net_removals=net, counted=q([0, 1], ""))
    assert float(t.quantity.m_as(T)) == pytest.approx(10083.28, rel=1e-12)
    assert float(lc.quantity.m_as(T)) == pytest.approx(7078.53, rel=1e-12)


def test_numbers_and_sources_are_the_documents() -> None:
    trail = Trail()
    eq.leakage(agricultural_displacement=q(0.0), trail=trail)
    eq.temporary_cers(net_removals=q([1.0]), counted=q([1], ""), trail=trail)
    assert [(e.equation, e.document) for e in trail.entries] == [
        ("(5)", "AR-AM0014 v03.0"), ("(7)", "AR-AM0014 v03.0")]
    assert "para. 18, eq. (5)" in trail.entries[0].source


def test_sign_equations() -> None:
    # BE = −ΔC_BSL (para. 13), PE = −ΔC_ACTUAL (para. 15)
    assert float(eq.baseline_as_emissions(baseline_removals=q(145.1)).quantity.m_as(T)) == -145.1
    assert float(eq.project_as_emissions(actual_removals=q(4360.0)).quantity.m_as(T)) == -4360.0
