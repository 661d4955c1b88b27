"""CCER-14-001-V01 (PROVISIONAL) prov. (1)-(5): the CDM parent's arithmetic, by hand.

The MEE text was not available; the equations are those of AR-ACM0003 v02.0 eq. (1)-(5), under
ids ``prov. (n)`` of the CCER document. Pure algebra: rel 1e-12.
"""

from __future__ import annotations

import pytest

from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ccer_14_001_v01 import equations as eq

T = "t CO2e"


def q(x: float) -> Quantity:
    return Quantity(x, T)


def test_prov_1_to_5_as_the_parent() -> None:
    # AR-ACM0003 v02.0 eq. (1)-(5) with the numbers of the parent's tests:
    # ΔC_BSL = 149.9; ΔC_P = 4723.333333; ΔC_ACTUAL = 4723.333333 − 23.5; net = that − 149.9 − 0
    bsl = eq.baseline_net_removals(trees=q(120.0), shrubs=q(15.5), dead_wood=q(9.6),
                                   litter=q(4.8))
    change = eq.project_stock_change(trees=q(4000.0), shrubs=q(-50.0), dead_wood=q(320.0),
                                     litter=q(160.0), soil_carbon=q(293.333333))
    actual = eq.actual_net_removals(project_change=change, non_co2=q(23.5))
    lk = eq.leakage(agricultural_displacement=q(0.0))
    net = eq.net_anthropogenic_removals(actual=actual, baseline=bsl, leakage=lk)
    assert float(net.quantity.m_as(T)) == pytest.approx(4723.333333 - 23.5 - 149.9, rel=1e-12)
    be = eq.baseline_as_emissions(baseline_removals=bsl).quantity.m_as(T)
    pe = eq.project_as_emissions(actual_removals=actual).quantity.m_as(T)
    assert float(be - pe) == pytest.approx(float(net.quantity.m_as(T)), rel=1e-12)


def test_ids_say_provisional_and_cite_only_the_ccer_document() -> None:
    trail = Trail()
    eq.leakage(agricultural_displacement=q(0.0), trail=trail)
    (entry,) = trail.entries
    assert (entry.equation, entry.document) == ("prov. (4)", "CCER-14-001-V01")
    assert "provisional" in entry.source and "AR-ACM0003" not in entry.source
    assert not hasattr(eq, "temporary_cers")  # ordinary CCER units: no tCER/lCER
