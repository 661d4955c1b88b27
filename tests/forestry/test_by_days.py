"""The six "by days" equations and AR-TOOL15 para. 12, worked by hand from the printed formulas.

The tools give annual changes: AR-TOOL14 v04.2 eq. (11) ΔC_TREE,t = (C_TREE,t2 − C_TREE,t1) / T
for 1 year (section 7, paras. 28-29); eq. (25) for shrubs (section 10, paras. 58-59); AR-TOOL12
v03.1 eq. (10)-(11) for dead wood (section 6.3, paras. 36-37) and eq. (16)-(17) for litter
(section 7.3, paras. 47-48); AR-TOOL16 v01.1.0 eq. (8) ΔSOC_AL,t = 44/12 × Σ A_i × dSOC_t,i × 1
year (para. 12); AR-TOOL14 eq. (9) an annual baseline change (note 2 to eq. 11). The engine
spreads a change between two estimates over the D days between them, so the d_t days of year t
take d_t / D of it, and an annual rate over a part of a year takes Δt = days / days of the year.
AR-TOOL15 v02.0 para. 12 applies eq. (1)-(3) to each type of receiving land and adds them.

The interval used below is 2014-01-01 .. 2016-12-31: D = 365 + 365 + 366 = 1,096 days, of which
d = 365 fall in 2015 and d = 366 in 2016.
"""

from __future__ import annotations

import pytest

from ccer_calc.tools.forestry.linear_change import (
    baseline_tree_change_in_days,
    dead_wood_change_in_days,
    litter_change_in_days,
    shrub_change_in_days,
    soc_change_in_days,
    tree_change_in_days,
)
from ccer_calc.tools.forestry.tool15_leakage import leakage_over_receiving_lands
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
D = 1096.0  # days 2014-01-01 .. 2016-12-31


def _m(q: object, unit: str) -> list[float]:
    return [float(x) for x in q.quantity.m_as(unit).ravel()]  # type: ignore[attr-defined]


def test_tree_change_in_days_ar_tool14_eq_11() -> None:
    # ΔC_TREE = 5,480 t CO2 over 1,096 days (5 t a day): 2015 takes 365/1096 → 1,825 t,
    # 2016 takes 366/1096 → 1,830 t (AR-TOOL14 v04.2 eq. 11 spread by days)
    trail = Trail()
    out = tree_change_in_days(interval_change=Quantity([5480.0, 5480.0], "t CO2"),
                              day_fraction=Quantity([365 / D, 366 / D], ""), trail=trail)
    assert _m(out, "t CO2") == pytest.approx([1825.0, 1830.0], rel=RTOL)
    assert trail.entries[0].equation == "AR-TOOL14 (11) by days"


def test_shrub_change_in_days_ar_tool14_eq_25() -> None:
    # C_SHRUB 300 → 519.2 t CO2: change 219.2 t; 2015: 219.2 × 365/1096 = 73.0 t
    # (AR-TOOL14 v04.2 eq. 25 spread by days)
    out = shrub_change_in_days(stock_t2=Quantity(519.2, "t CO2"),
                               stock_t1=Quantity(300.0, "t CO2"),
                               day_fraction=Quantity(365 / D, ""))
    assert _m(out, "t CO2") == pytest.approx([73.0], rel=RTOL)


def test_dead_wood_change_in_days_ar_tool12_eq_10_11() -> None:
    # C_DW 40 → 150 t CO2 (a change of 110 t over 1,096 days); 2016 has 366 days of it:
    # 110 × 366/1096 = 36.733576642335766 t (AR-TOOL12 v03.1 eq. 10-11 spread by days)
    out = dead_wood_change_in_days(stock_t2=Quantity(150.0, "t CO2"),
                                   stock_t1=Quantity(40.0, "t CO2"),
                                   day_fraction=Quantity(366 / D, ""))
    assert _m(out, "t CO2") == pytest.approx([110 * 366 / 1096], rel=RTOL)
    assert _m(out, "t CO2")[0] == pytest.approx(36.733576642335766, rel=RTOL)


def test_litter_change_in_days_ar_tool12_eq_16_17_a_loss_stays_negative() -> None:
    # C_LI 80 → 25.2 t CO2: a loss of 54.8 t; 2015: −54.8 × 365/1096 = −18.25 t
    # (AR-TOOL12 v03.1 eq. 16-17 spread by days; a decrease is not clipped)
    out = litter_change_in_days(stock_t2=Quantity(25.2, "t CO2"),
                                stock_t1=Quantity(80.0, "t CO2"),
                                day_fraction=Quantity(365 / D, ""))
    assert _m(out, "t CO2") == pytest.approx([-18.25], rel=RTOL)


def test_soc_change_in_days_ar_tool16_eq_8() -> None:
    # two strata, 100 ha at 0.8 and 50 ha at 0.5 t C/ha/yr, over the 181 days of
    # 2015-07-04 .. 2015-12-31 (Δt = 181/365 yr):
    # 44/12 × (100 × 0.8 + 50 × 0.5) × 181/365 = 385 × 181/365 = 190.9178082... t
    # (AR-TOOL16 v01.1.0 para. 12, eq. 8, over a share of the year)
    out = soc_change_in_days(stratum_area=Quantity([100.0, 50.0], "ha"),
                             soc_rate=Quantity([[0.8, 0.5]], "t C/ha/yr"),
                             duration=Quantity([181 / 365], "yr"))
    assert _m(out, "t CO2") == pytest.approx([44 / 12 * 105 * 181 / 365], rel=RTOL)
    assert _m(out, "t CO2")[0] == pytest.approx(190.91780821917808, rel=RTOL)


def test_baseline_tree_change_in_days_ar_tool14_eq_9() -> None:
    # ΔC_TREE_BSL 73 t CO2/yr (eq. 9, an annual change) over the 365 days of 2015 (1 yr) and
    # the 60 days of 2016-01-01 .. 2016-02-29 (60/366 yr): 73 and 73 × 60/366 = 11.967213... t
    out = baseline_tree_change_in_days(annual_change=Quantity([73.0, 73.0], "t CO2/yr"),
                                       duration=Quantity([1.0, 60 / 366], "yr"))
    assert _m(out, "t CO2") == pytest.approx([73.0, 73 * 60 / 366], rel=RTOL)
    assert _m(out, "t CO2")[1] == pytest.approx(11.967213114754099, rel=RTOL)


def test_leakage_over_receiving_lands_ar_tool15_para_12() -> None:
    # two types of receiving land in 2014 (pasture: LK 233.2 t, cropland: 61.6 t) and one in
    # 2015 (cropland: 18.7 t): para. 12 applies eq. (1)-(3) to each and adds them,
    # 2014: 233.2 + 61.6 = 294.8 t; 2015: 0 + 18.7 = 18.7 t (AR-TOOL15 v02.0 para. 12)
    trail = Trail()
    out = leakage_over_receiving_lands(
        leakage_by_land=Quantity([[233.2, 61.6], [0.0, 18.7]], "t CO2"), trail=trail)
    assert _m(out, "t CO2") == pytest.approx([294.8, 18.7], rel=RTOL)
    assert trail.entries[0].equation == "AR-TOOL15 para. 12"
