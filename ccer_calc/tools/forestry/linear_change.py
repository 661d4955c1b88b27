"""The tools' annual changes, applied to the days of a year between two stock estimates.

The A/R tools assume a linear change between two successive estimates: AR-TOOL14 v04.2
eq. (11) for trees and eq. (25) for shrubs, AR-TOOL12 v03.1 eq. (10)-(11) for dead wood and
(16)-(17) for litter; AR-TOOL16 v01.1.0 eq. (8) gives the SOC change of a year t. The engine's
period axis is made of the days between successive estimates, split at 1 January, so each
element holds d_t days of year t out of the D days between the estimates. The change in those
days is the change between the estimates times d_t / D -- the printed annual change
(X_t2 − X_t1) / T × 1 year with T = D days, over d_t days instead of one year -- and the SOC
change of year t times the element's share of that year.

The forms are recorded under the tool's equation number with ``by days``, so a reader finds
them next to the printed equation.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL12, TOOL14, TOOL16, sum_last
from ccer_calc.units import Quantity

__all__ = [
    "baseline_tree_change_in_days",
    "dead_wood_change_in_days",
    "litter_change_in_days",
    "share_of_interval",
    "shrub_change_in_days",
    "soc_change_in_days",
    "tree_change_in_days",
]

_DAYS = ("the d_t days of year t among the D days between the estimates, on the assumption "
         "of linear change")


def share_of_interval(change: pint.Quantity, day_fraction: pint.Quantity) -> pint.Quantity:
    """A change between two estimates times the share d_t / D of its days (0 <= share <= 1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> float(share_of_interval(Quantity(730.0, "t CO2"), Quantity(0.5, "")).m_as("t CO2"))
    365.0
    """
    f = np.asarray(day_fraction.m_as(""), dtype=np.float64)
    if np.any((f < 0) | (f > 1)):
        raise InputError("a share of the days between two estimates lies outside [0, 1]",
                         field="day_fraction", expected="0 <= d_t / D <= 1")
    return change * Quantity(f, "")


@equation(
    id="AR-TOOL14 (11) by days", document=TOOL14, symbol="ΔC_TREE,t",
    formula="ΔC_TREE,t = ΔC_TREE × d_t / D", source=f"{TOOL14}, section 7, paras. 28-29, "
    f"eq. (11), over {_DAYS}",
    inputs={"interval_change": "t CO2", "day_fraction": "dimensionless"}, output="t CO2",
    description="Change in tree carbon in the days of year t between two estimates",
)
def tree_change_in_days(interval_change: pint.Quantity, day_fraction: pint.Quantity
                        ) -> pint.Quantity:
    r"""Tree carbon change of the days of year t, from the change between two estimates.

    Parameters
    ----------
    interval_change : Quantity
        ΔC_TREE between the estimates that enclose the days (made conservative by Appendix 2
        where its uncertainty exceeds 10 %) [t CO2].
    day_fraction : Quantity
        d_t / D, the days of year t in the interval over all its days [dimensionless].

    Returns
    -------
    Quantity
        ΔC_TREE,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta C_{TREE,t} = \Delta C_{TREE} \times \frac{d_t}{D}
       \tag{AR-TOOL14 (11) by days}

    Eq. (11) gives (C_TREE,t2 − C_TREE,t1) / T × 1 year; with T = D days, d_t days of it are
    the change times d_t / D.

    References
    ----------
    AR-TOOL14 v04.2, section 7, paras. 28-29, equation (11).

    Examples
    --------
    3,650 t CO2 over 3,650 days, 365 of them in year t:

    >>> from ccer_calc.units import Quantity
    >>> d = tree_change_in_days(interval_change=Quantity(3650.0, "t CO2"),
    ...                         day_fraction=Quantity(0.1, ""))
    >>> round(float(d.quantity.magnitude), 6)
    365.0
    """
    return share_of_interval(interval_change, day_fraction)


@equation(
    id="AR-TOOL14 (25) by days", document=TOOL14, symbol="ΔC_SHRUB,t",
    formula="ΔC_SHRUB,t = (C_SHRUB,t2 − C_SHRUB,t1) × d_t / D",
    source=f"{TOOL14}, section 10, paras. 58-59, eq. (25), over {_DAYS}",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "day_fraction": "dimensionless"},
    output="t CO2", description="Change in shrub carbon in the days of year t between two "
                                "estimates",
)
def shrub_change_in_days(stock_t2: pint.Quantity, stock_t1: pint.Quantity,
                         day_fraction: pint.Quantity) -> pint.Quantity:
    r"""Shrub carbon change of the days of year t, from the stocks at the two estimates.

    Parameters
    ----------
    stock_t2 : Quantity
        C_SHRUB,t2, the later estimate [t CO2].
    stock_t1 : Quantity
        C_SHRUB,t1, the earlier estimate [t CO2].
    day_fraction : Quantity
        d_t / D [dimensionless].

    Returns
    -------
    Quantity
        ΔC_SHRUB,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta C_{SHRUB,t} = (C_{SHRUB,t_2} - C_{SHRUB,t_1}) \times \frac{d_t}{D}
       \tag{AR-TOOL14 (25) by days}

    References
    ----------
    AR-TOOL14 v04.2, section 10, paras. 58-59, equation (25).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = shrub_change_in_days(stock_t2=Quantity(300.0, "t CO2"),
    ...     stock_t1=Quantity(100.0, "t CO2"), day_fraction=Quantity(0.25, ""))
    >>> round(float(d.quantity.magnitude), 6)
    50.0
    """
    return share_of_interval(stock_t2 - stock_t1, day_fraction)


@equation(
    id="AR-TOOL12 (10)-(11) by days", document=TOOL12, symbol="ΔC_DW,t",
    formula="ΔC_DW,t = (C_DW,t2 − C_DW,t1) × d_t / D",
    source=f"{TOOL12}, section 6.3, paras. 36-37, eq. (10)-(11), over {_DAYS}",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "day_fraction": "dimensionless"},
    output="t CO2", description="Change in dead-wood carbon in the days of year t between two "
                                "estimates",
)
def dead_wood_change_in_days(stock_t2: pint.Quantity, stock_t1: pint.Quantity,
                             day_fraction: pint.Quantity) -> pint.Quantity:
    r"""Dead-wood carbon change of the days of year t, from the stocks at two estimates.

    Parameters
    ----------
    stock_t2 : Quantity
        C_DW,t2 [t CO2].
    stock_t1 : Quantity
        C_DW,t1 [t CO2].
    day_fraction : Quantity
        d_t / D [dimensionless].

    Returns
    -------
    Quantity
        ΔC_DW,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta C_{DW,t} = (C_{DW,t_2} - C_{DW,t_1}) \times \frac{d_t}{D}
       \tag{AR-TOOL12 (10)-(11) by days}

    Eq. (10) is the rate (C_DW,t2 − C_DW,t1) / T and eq. (11) the rate times one year.

    References
    ----------
    AR-TOOL12 v03.1, section 6.3, paras. 36-37, equations (10) and (11).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = dead_wood_change_in_days(stock_t2=Quantity(60.0, "t CO2"),
    ...     stock_t1=Quantity(20.0, "t CO2"), day_fraction=Quantity(0.5, ""))
    >>> round(float(d.quantity.magnitude), 6)
    20.0
    """
    return share_of_interval(stock_t2 - stock_t1, day_fraction)


@equation(
    id="AR-TOOL12 (16)-(17) by days", document=TOOL12, symbol="ΔC_LI,t",
    formula="ΔC_LI,t = (C_LI,t2 − C_LI,t1) × d_t / D",
    source=f"{TOOL12}, section 7.3, paras. 47-48, eq. (16)-(17), over {_DAYS}",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "day_fraction": "dimensionless"},
    output="t CO2", description="Change in litter carbon in the days of year t between two "
                                "estimates",
)
def litter_change_in_days(stock_t2: pint.Quantity, stock_t1: pint.Quantity,
                          day_fraction: pint.Quantity) -> pint.Quantity:
    r"""Litter carbon change of the days of year t, from the stocks at two estimates.

    Parameters
    ----------
    stock_t2 : Quantity
        C_LI,t2 [t CO2].
    stock_t1 : Quantity
        C_LI,t1 [t CO2].
    day_fraction : Quantity
        d_t / D [dimensionless].

    Returns
    -------
    Quantity
        ΔC_LI,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta C_{LI,t} = (C_{LI,t_2} - C_{LI,t_1}) \times \frac{d_t}{D}
       \tag{AR-TOOL12 (16)-(17) by days}

    References
    ----------
    AR-TOOL12 v03.1, section 7.3, paras. 47-48, equations (16) and (17).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = litter_change_in_days(stock_t2=Quantity(40.0, "t CO2"),
    ...     stock_t1=Quantity(10.0, "t CO2"), day_fraction=Quantity(0.2, ""))
    >>> round(float(d.quantity.magnitude), 6)
    6.0
    """
    return share_of_interval(stock_t2 - stock_t1, day_fraction)


@equation(
    id="AR-TOOL16 (8) by days", document=TOOL16, symbol="ΔSOC_AL,t",
    formula="ΔSOC_AL,t = 44/12 × Σ_i A_i × dSOC_t,i × Δt", source=f"{TOOL16}, para. 12, "
    "eq. (8), with Δt the share of year t the days cover (1 year for a whole year)",
    inputs={"stratum_area": "ha", "soc_rate": "t C/ha/yr", "duration": "yr"}, output="t CO2",
    description="Change in SOC stock of the land meeting the tool's conditions, in the days "
                "of year t",
)
def soc_change_in_days(stratum_area: pint.Quantity, soc_rate: pint.Quantity,
                       duration: pint.Quantity) -> pint.Quantity:
    r"""SOC change of the days of year t: eq. (8) over a share of the year.

    Parameters
    ----------
    stratum_area : Quantity
        A_i [ha].
    soc_rate : Quantity
        dSOC_t,i, one row per element of the period axis, strata along the last axis
        [t C/ha/yr].
    duration : Quantity
        Δt, the days of the element as a share of its calendar year [yr].

    Returns
    -------
    Quantity
        ΔSOC_AL,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta SOC_{AL,t} = \frac{44}{12} \sum_i A_i \, dSOC_{t,i} \times \Delta t
       \tag{AR-TOOL16 (8) by days}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 12, equation (8).

    Examples
    --------
    Half a year of 100 ha at 0.8 t C/ha/yr: 44/12 × 40 = 146.666667 t CO2:

    >>> from ccer_calc.units import Quantity
    >>> d = soc_change_in_days(stratum_area=Quantity([100.0], "ha"),
    ...     soc_rate=Quantity([[0.8]], "t C/ha/yr"), duration=Quantity([0.5], "yr"))
    >>> [round(x, 6) for x in d.quantity.magnitude.tolist()]
    [146.666667]
    """
    return CO2_PER_CARBON * sum_last(stratum_area * soc_rate) * duration


@equation(
    id="AR-TOOL14 (9) by days", document=TOOL14, symbol="ΔC_TREE_BSL,t",
    formula="ΔC_TREE_BSL,t = ΔC_TREE_BSL × Δt", source=f"{TOOL14}, section 6.3, paras. 24-25, "
    "eq. (9), an annual change (note 2 to eq. 11), over Δt, the share of year t the days cover",
    inputs={"annual_change": "t CO2/yr", "duration": "yr"}, output="t CO2",
    description="Baseline change in tree carbon by proportionate crown cover, in the days of "
                "year t",
)
def baseline_tree_change_in_days(annual_change: pint.Quantity, duration: pint.Quantity
                                 ) -> pint.Quantity:
    r"""The annual baseline change of eq. (9) over the days of year t.

    Parameters
    ----------
    annual_change : Quantity
        ΔC_TREE_BSL of year t from eq. (9) [t CO2/yr].
    duration : Quantity
        Δt, the days as a share of year t [yr].

    Returns
    -------
    Quantity
        ΔC_TREE_BSL,t for those days [t CO2].

    Notes
    -----
    .. math:: \Delta C_{TREE\_BSL,t} = \Delta C_{TREE\_BSL} \times \Delta t
       \tag{AR-TOOL14 (9) by days}

    Proportionate crown cover gives an annual change, so eq. (11) does not apply to it (note 2
    to eq. 11); the days of a year take their share of it.

    References
    ----------
    AR-TOOL14 v04.2, section 6.3, paras. 24-25, equation (9).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = baseline_tree_change_in_days(annual_change=Quantity(120.0, "t CO2/yr"),
    ...                                  duration=Quantity(0.25, "yr"))
    >>> round(float(d.quantity.magnitude), 6)
    30.0
    """
    return annual_change * duration
