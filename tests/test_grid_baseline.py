"""What the CCER energy methodologies share around the grid baseline, and the shared bodies.

Hand-worked numbers: CCER-01-002-V01 §6.3 eqs. (1)-(3) and §7.3.4 (identical arithmetic in
CCER-01-001-V01 §6.3 and §7.3.4). Pure algebra: rtol 1e-12.
"""

import numpy as np

from ccer_calc.parameters import Value
from ccer_calc.tools import grid_power, metering
from ccer_calc.tools.grid_baseline import broadcast_value
from ccer_calc.units import Quantity


def test_shared_bodies_by_hand():
    # export 1000 × (1 − 0.005) = 995, minus import 10 → 985; 2000 − 0 × 1.01 → 2000
    exp = metering.reduced_by_error(Quantity(np.array([1000.0, 2000.0]), "MWh"),
                                    Quantity(np.array([0.005, 0.0]), ""))
    imp = metering.increased_by_error(Quantity(np.array([10.0, 0.0]), "MWh"),
                                      Quantity(np.array([0.0, 0.01]), ""))
    net = grid_power.net_delivery(exp, imp)
    np.testing.assert_allclose(net.m_as("MWh"), [985.0, 2000.0], rtol=1e-12)
    cm = grid_power.combined_margin(Quantity(0.5, ""), Quantity(0.8042, "t CO2/MWh"),
                                    Quantity(0.5, ""), Quantity(0.2135, "t CO2/MWh"))
    np.testing.assert_allclose(cm.m_as("t CO2/MWh"), 0.50885, rtol=1e-12)
    be = grid_power.displaced_grid_emissions(net, cm)
    np.testing.assert_allclose(be.m_as("t CO2e"), [985.0 * 0.50885, 2000.0 * 0.50885],
                               rtol=1e-12)
    er = grid_power.reductions(be, Quantity(np.array([1.0, 2.0]), "t CO2e"),
                               Quantity(np.array([0.5, 0.0]), "t CO2e"))
    np.testing.assert_allclose(er.m_as("t CO2e"), [985.0 * 0.50885 - 1.5, 2000.0 * 0.50885 - 2],
                               rtol=1e-12)
    np.testing.assert_array_equal(grid_power.zero_emissions(net).m_as("t CO2e"), [0.0, 0.0])


def test_broadcast_value_keeps_provenance():
    v = Value("EF_grid,OM,y", Quantity(0.9, "t CO2/MWh"), "project", "project file")
    b = broadcast_value(v, (3,))
    assert b.quantity.magnitude.shape == (3,)
    assert (b.origin, b.ref) == ("project", "project file")
