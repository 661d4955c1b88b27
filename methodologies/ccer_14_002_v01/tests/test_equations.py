"""CCER-14-002-V01 (PROVISIONAL) prov. (1)-(6): the CDM parent's arithmetic, by hand.

The MEE text was not available; the equations are those of AR-AM0014 v03.0 eq. (1)-(6), under
ids ``prov. (n)`` of the CCER document. Pure algebra: rel 1e-12.
"""

from __future__ import annotations

import pytest

from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ccer_14_002_v01 import equations as eq

T = "t CO2e"


def test_prov_4_soc_by_planting_year() -> None:
    # AR-AM0014 v03.0 eq. (4) with para. 17: 25 ha planted 2021, 15 ha 2022, 0.50 t C/ha/yr;
    # year 2021: 44/12 × 25 × 0.5 = 45.833333; year 2022: 44/12 × 40 × 0.5 = 73.333333
    rate = eq.soc_rate_by_planting_year(
        year=Quantity([2021, 2022], ""), planting_year=Quantity([2021, 2022], ""),
        accrual_rate=Quantity(0.5, "t C/ha/yr"), accrual_years=Quantity(20, "yr"))
    d = eq.soil_carbon_change(planted_area=Quantity([25.0, 15.0], "ha"), soc_rate=rate,
                              duration=Quantity([1.0, 1.0], "yr"))
    assert d.quantity.m_as(T).tolist() == pytest.approx([44 / 12 * 12.5, 44 / 12 * 20.0],
                                                        rel=1e-12)


def test_prov_1_has_no_litter_and_prov_6_is_the_net() -> None:
    # parent eq. (1) and (6): 120 + 15.5 + 9.6 = 145.1; 4360 − 145.1 − 0 = 4214.9
    bsl = eq.baseline_net_removals(trees=Quantity(120.0, T), shrubs=Quantity(15.5, T),
                                   dead_wood=Quantity(9.6, T))
    net = eq.net_anthropogenic_removals(actual=Quantity(4360.0, T), baseline=bsl,
                                        leakage=Quantity(0.0, T))
    assert float(net.quantity.m_as(T)) == pytest.approx(4214.9, rel=1e-12)


def test_ids_say_provisional_and_cite_only_the_ccer_document() -> None:
    trail = Trail()
    eq.leakage(agricultural_displacement=Quantity(0.0, T), trail=trail)
    (entry,) = trail.entries
    assert (entry.equation, entry.document) == ("prov. (5)", "CCER-14-002-V01")
    assert "provisional" in entry.source and "AR-AM0014" not in entry.source
