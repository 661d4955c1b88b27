"""Arithmetic that every grid-connected power methodology prints, as plain shared bodies.

CCER-01-001-V01, CCER-01-002-V01 and CDM ACM0002 each print the net electricity delivered
(export minus import), the combined margin (weighted operating and build margins), the baseline
emissions of the displaced grid electricity (net electricity times the combined margin) and the
reductions (baseline minus project emissions), each under their own equation numbers. Every
plug-in declares those equations in its own ``equations.py`` with its own id and citation, and
its decorated function calls the body here: the arithmetic lives once, the document's identity
stays with the document. Nothing here is recorded in a trail by itself.

The bodies take and return pint quantities over whole arrays.
"""

from __future__ import annotations

import pint

from ccer_calc.units import Quantity

__all__ = [
    "combined_margin",
    "displaced_grid_emissions",
    "net_delivery",
    "reductions",
    "zero_emissions",
]

_ZERO_PER_MWH = Quantity(0.0, "t CO2e/MWh")


def net_delivery(exported: pint.Quantity, imported: pint.Quantity) -> pint.Quantity:
    """Electricity delivered to the grid less electricity drawn from it.

    Examples
    --------
    >>> float(net_delivery(Quantity(1_250_000.0, "MWh"), Quantity(2_500.0, "MWh")).m)
    1247500.0
    """
    return exported - imported


def combined_margin(
    om_weight: pint.Quantity, operating_margin: pint.Quantity,
    bm_weight: pint.Quantity, build_margin: pint.Quantity,
) -> pint.Quantity:
    """Weighted sum of the operating and build margins (weights from the calling document).

    Examples
    --------
    >>> cm = combined_margin(Quantity(0.5, ""), Quantity(0.8042, "t CO2/MWh"),
    ...                      Quantity(0.5, ""), Quantity(0.2135, "t CO2/MWh"))
    >>> round(float(cm.m), 5)
    0.50885
    """
    return om_weight * operating_margin + bm_weight * build_margin


def displaced_grid_emissions(net_electricity: pint.Quantity,
                             combined_margin_factor: pint.Quantity) -> pint.Quantity:
    """Emissions of the grid electricity the project displaces: net electricity × margin.

    Examples
    --------
    >>> be = displaced_grid_emissions(Quantity(1_247_500, "MWh"), Quantity(0.50885, "t CO2/MWh"))
    >>> round(float(be.m), 3)
    634790.375
    """
    return net_electricity * combined_margin_factor


def reductions(baseline: pint.Quantity, project: pint.Quantity,
               leakage: pint.Quantity | None = None) -> pint.Quantity:
    """Baseline less project emissions (less leakage where the document counts it).

    Examples
    --------
    >>> float(reductions(Quantity(100.0, "t CO2e"), Quantity(2.5, "t CO2e")).m)
    97.5
    """
    out = baseline - project
    return out if leakage is None else out - leakage


def zero_emissions(like: pint.Quantity) -> pint.Quantity:
    """Zero t CO2e on the period axis of an electricity quantity (a term fixed at zero).

    Examples
    --------
    >>> import numpy as np
    >>> zero_emissions(Quantity(np.array([5.0, 7.0]), "MWh")).to("t CO2e").m.tolist()
    [0.0, 0.0]
    """
    return like * _ZERO_PER_MWH
