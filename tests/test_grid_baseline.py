"""Shared grid baseline wiring (M1, M2, W2, W3) of the CCER energy methodologies.

Hand-worked numbers: CCER-01-002-V01 §6.3 eq. (2), (3) and §7.3.4 (identical in
CCER-01-001-V01 §6.3 eq. (2), (3) and §7.3.4).
"""

import numpy as np

from ccer_calc.parameters import Value
from ccer_calc.tools.grid_baseline import broadcast_value, grid_baseline
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity


def _v(mag, unit):
    return Value("x", Quantity(np.asarray(mag, dtype=float), unit), "argument")


def test_grid_baseline_by_hand_and_trail_order():
    trail = Trail(axis=["a", "b"])
    g = grid_baseline(trail, exported=_v([1000.0, 2000.0], "MWh"), imported=_v([10.0, 0.0], "MWh"),
                      export_error=_v([0.005, 0.0], ""), import_error=_v([0.0, 0.01], ""),
                      om_weight=_v(0.5, ""), operating_margin=_v([0.8042, 0.8042], "t CO2/MWh"),
                      bm_weight=_v(0.5, ""), build_margin=_v([0.2135, 0.2135], "t CO2/MWh"))
    # export 1000 × (1 − 0.005) = 995, minus import 10 → 985; 2000 − 0 × 1.01 → 2000
    np.testing.assert_allclose(g.net_electricity.quantity.m_as("MWh"), [985.0, 2000.0], rtol=1e-12)
    np.testing.assert_allclose(g.combined_margin.quantity.m_as("t CO2/MWh"), [0.50885] * 2,
                               rtol=1e-12)
    assert [e.equation for e in trail.entries] == ["M1", "M2", "W2", "W3"]
    assert set(g.as_intermediates()) == {"net_electricity", "combined_margin",
                                         "electricity_exported", "electricity_imported"}


def test_broadcast_value_keeps_provenance():
    v = Value("EF_grid,OM,y", Quantity(0.9, "t CO2/MWh"), "project", "project file")
    b = broadcast_value(v, (3,))
    assert b.quantity.magnitude.shape == (3,)
    assert (b.origin, b.ref) == ("project", "project file")
