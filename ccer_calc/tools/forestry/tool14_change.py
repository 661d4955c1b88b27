"""AR-TOOL14 v04.2 sections 6.1, 7 and 8.4: change in tree carbon between two times.

* Difference of two independent stock estimates (eq. 1) and its uncertainty (eq. 2).
* Re-measurement of the same plots (eq. 3-8): see :mod:`.tool14_remeasure`.
* Annual change, assuming linear change between two estimates (eq. 11).
* Update of the previous stock by the measured change (eq. 22) and its uncertainty (eq. 23).

The previous stock C_TREE,t1 always enters undiscounted, even if it was discounted at the
previous verification (notes to eq. 1 and 22). Over 10 % uncertainty the change (eq. 2, 6) or
the updated stock (eq. 23) is discounted by Appendix 2 (:mod:`.tool14_discount`).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import TOOL14, per_year
from ccer_calc.units import Quantity

__all__ = [
    "annual_tree_carbon_change",
    "carbon_stock_change",
    "change_uncertainty_two_stocks",
    "elapsed_years",
    "updated_carbon_stock",
    "updated_stock_uncertainty",
]


def elapsed_years(start: dt.date, end: dt.date) -> float:
    """T = t2 - t1 in years: whole calendar months / 12 plus the remaining days / 365.25.

    AR-TOOL14 para. 29 (note 1 to T): 4 years and 5 months give T = 4.417 yr.

    Examples
    --------
    >>> round(elapsed_years(dt.date(2016, 3, 15), dt.date(2020, 8, 15)), 3)
    4.417
    """
    if end <= start:
        raise InputError("measurement dates out of order", field="t2", value=end.isoformat(),
                         expected=f"a date after t1 = {start.isoformat()}")
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    anchor_y, anchor_m = divmod(start.month - 1 + months, 12)
    anchor = dt.date(start.year + anchor_y, anchor_m + 1, 1)
    day = min(start.day, _days_in_month(anchor.year, anchor.month))
    anchor = anchor.replace(day=day)
    return months / 12 + (end - anchor).days / 365.25


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


@equation(
    id="AR-TOOL14 (1)", document=TOOL14, symbol="ΔC_TREE",
    formula="ΔC_TREE = C_TREE,t2 − C_TREE,t1", source=f"{TOOL14}, section 6.1, para. 16, eq. (1)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2"}, output="t CO2",
    description="Change in tree carbon as the difference of two stock estimates",
)
def carbon_stock_change(stock_t2: pint.Quantity, stock_t1: pint.Quantity) -> pint.Quantity:
    r"""Difference of two independent tree carbon stock estimates.

    Parameters
    ----------
    stock_t2 : Quantity
        C_TREE,t2 [t CO2].
    stock_t1 : Quantity
        C_TREE,t1, undiscounted; at the first verification the pre-project stock, or zero
        under para. 11 [t CO2].

    Returns
    -------
    Quantity
        ΔC_TREE [t CO2].

    Notes
    -----
    .. math:: \Delta C_{TREE} = C_{TREE,t_2} - C_{TREE,t_1}  \tag{AR-TOOL14 (1)}

    Note 1 of the where-list refers to "paragraph 10" for the zero pre-project stock; the
    conditions are those of paragraph 11 (an editorial slip in the tool).

    References
    ----------
    AR-TOOL14 v04.2, section 6.1, para. 16, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = carbon_stock_change(stock_t2=Quantity(5000, "t CO2"), stock_t1=Quantity(1200, "t CO2"))
    >>> round(float(d.quantity.magnitude), 6)
    3800.0
    """
    return stock_t2 - stock_t1


@equation(
    id="AR-TOOL14 (2)", document=TOOL14, symbol="u_ΔC",
    formula="u_ΔC = √[(u1 × C_TREE,t1)² + (u2 × C_TREE,t2)²] / |ΔC_TREE|",
    source=f"{TOOL14}, section 6.1, para. 16, eq. (2)",
    inputs={"stock_t1": "t CO2", "uncertainty_t1": "dimensionless", "stock_t2": "t CO2",
            "uncertainty_t2": "dimensionless"},
    output="dimensionless", description="Uncertainty of the difference of two stocks",
)
def change_uncertainty_two_stocks(
    stock_t1: pint.Quantity, uncertainty_t1: pint.Quantity, stock_t2: pint.Quantity,
    uncertainty_t2: pint.Quantity,
) -> pint.Quantity:
    r"""Uncertainty of ΔC_TREE from the uncertainties of the two stocks.

    Parameters
    ----------
    stock_t1 : Quantity
        C_TREE,t1 (undiscounted) [t CO2].
    uncertainty_t1 : Quantity
        u1 [dimensionless].
    stock_t2 : Quantity
        C_TREE,t2 [t CO2].
    uncertainty_t2 : Quantity
        u2 [dimensionless].

    Returns
    -------
    Quantity
        u_ΔC [dimensionless].

    Notes
    -----
    .. math:: u_{\Delta C} = \frac{\sqrt{(u_1 C_{TREE,t_1})^2 + (u_2 C_{TREE,t_2})^2}}
       {|\Delta C_{TREE}|}  \tag{AR-TOOL14 (2)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.1, para. 16, equation (2); para. 18 (discount above 10 %).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> u = change_uncertainty_two_stocks(stock_t1=Quantity(3000, "t CO2"),
    ...     uncertainty_t1=Quantity(0.1, ""), stock_t2=Quantity(7000, "t CO2"),
    ...     uncertainty_t2=Quantity(0.0571428571428571, ""))
    >>> round(float(u.quantity.magnitude), 6)
    0.125
    """
    change = stock_t2 - stock_t1
    if np.any(np.asarray(change.magnitude) == 0):
        raise InputError("the two stocks are equal: the relative uncertainty of a zero change "
                         "is undefined", field="stock_t2", expected="C_TREE,t2 != C_TREE,t1")
    return np.sqrt((uncertainty_t1 * stock_t1) ** 2 + (uncertainty_t2 * stock_t2) ** 2) / abs(
        change)


@equation(
    id="AR-TOOL14 (11)", document=TOOL14, symbol="ΔC_TREE,t",
    formula="ΔC_TREE,t = (C_TREE,t2 − C_TREE,t1) / T × 1 year",
    source=f"{TOOL14}, section 7, para. 29, eq. (11)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "elapsed_time": "yr"}, output="t CO2",
    description="Change in tree carbon in a year between two verifications",
)
def annual_tree_carbon_change(
    stock_t2: pint.Quantity, stock_t1: pint.Quantity, elapsed_time: pint.Quantity
) -> pint.Quantity:
    r"""Annual change in tree carbon, assuming linear change between two estimates.

    Parameters
    ----------
    stock_t2 : Quantity
        C_TREE,t2, the sum over strata where methods differ by stratum [t CO2].
    stock_t1 : Quantity
        C_TREE,t1 [t CO2].
    elapsed_time : Quantity
        T = t2 - t1, may be fractional (4 years 5 months = 4.417 yr) [yr].

    Returns
    -------
    Quantity
        ΔC_TREE,t [t CO2] in each year t between t1 and t2.

    Notes
    -----
    .. math:: \Delta C_{TREE,t} = \frac{C_{TREE,t_2} - C_{TREE,t_1}}{T} \times 1\,\text{year}
       \tag{AR-TOOL14 (11)}

    Not used with the proportionate crown cover method (section 6.3), whose result is
    already annual (note 2 to T).

    References
    ----------
    AR-TOOL14 v04.2, section 7, para. 29, equation (11).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = annual_tree_carbon_change(stock_t2=Quantity(5000, "t CO2"),
    ...     stock_t1=Quantity(1000, "t CO2"), elapsed_time=Quantity(5, "yr"))
    >>> round(float(d.quantity.magnitude), 6)
    800.0
    """
    return per_year(stock_t2 - stock_t1, elapsed_time) * Quantity(1.0, "yr")


@equation(
    id="AR-TOOL14 (22)", document=TOOL14, symbol="C_TREE,t2",
    formula="C_TREE,t2 = C_TREE,t1 + ΔC_TREE", source=f"{TOOL14}, section 8.4, para. 53, eq. (22)",
    inputs={"stock_t1": "t CO2", "stock_change": "t CO2"}, output="t CO2",
    description="Tree carbon stock updated by the measured change",
)
def updated_carbon_stock(stock_t1: pint.Quantity, stock_change: pint.Quantity) -> pint.Quantity:
    r"""Previous (undiscounted) stock plus the change from re-measured plots.

    Parameters
    ----------
    stock_t1 : Quantity
        C_TREE,t1, undiscounted [t CO2].
    stock_change : Quantity
        ΔC_TREE from eq. (3)-(8) [t CO2].

    Returns
    -------
    Quantity
        C_TREE,t2 [t CO2].

    Notes
    -----
    .. math:: C_{TREE,t_2} = C_{TREE,t_1} + \Delta C_{TREE}  \tag{AR-TOOL14 (22)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.4, para. 53, equation (22).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = updated_carbon_stock(stock_t1=Quantity(4000, "t CO2"),
    ...                          stock_change=Quantity(1000, "t CO2"))
    >>> round(float(c.quantity.magnitude), 6)
    5000.0
    """
    return stock_t1 + stock_change


@equation(
    id="AR-TOOL14 (23)", document=TOOL14, symbol="u2",
    formula="u2 = √[(u1 × C_TREE,t1)² + (u_ΔC × ΔC_TREE)²] / C_TREE,t2",
    source=f"{TOOL14}, section 8.4, para. 53, eq. (23)",
    inputs={"stock_t1": "t CO2", "uncertainty_t1": "dimensionless", "stock_change": "t CO2",
            "change_uncertainty": "dimensionless", "stock_t2": "t CO2"},
    output="dimensionless", description="Uncertainty of the updated tree carbon stock",
)
def updated_stock_uncertainty(
    stock_t1: pint.Quantity, uncertainty_t1: pint.Quantity, stock_change: pint.Quantity,
    change_uncertainty: pint.Quantity, stock_t2: pint.Quantity,
) -> pint.Quantity:
    r"""Uncertainty of C_TREE,t2 from those of the previous stock and of the change.

    Parameters
    ----------
    stock_t1 : Quantity
        C_TREE,t1 [t CO2].
    uncertainty_t1 : Quantity
        u1 [dimensionless].
    stock_change : Quantity
        ΔC_TREE [t CO2].
    change_uncertainty : Quantity
        u_ΔC [dimensionless].
    stock_t2 : Quantity
        C_TREE,t2 from eq. (22) [t CO2].

    Returns
    -------
    Quantity
        u2 [dimensionless].

    Notes
    -----
    .. math:: u_2 = \frac{\sqrt{(u_1 C_{TREE,t_1})^2 + (u_{\Delta C} \Delta C_{TREE})^2}}
       {C_{TREE,t_2}}  \tag{AR-TOOL14 (23)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.4, para. 53, equation (23); para. 54 (discount above 10 %).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> u = updated_stock_uncertainty(stock_t1=Quantity(3000, "t CO2"),
    ...     uncertainty_t1=Quantity(0.1, ""), stock_change=Quantity(2000, "t CO2"),
    ...     change_uncertainty=Quantity(0.2, ""), stock_t2=Quantity(5000, "t CO2"))
    >>> round(float(u.quantity.magnitude), 6)
    0.1
    """
    if np.any(np.asarray(stock_t2.magnitude) <= 0):
        raise InputError("updated stock must be positive for a relative uncertainty",
                         field="stock_t2", expected="C_TREE,t2 > 0")
    return np.sqrt((uncertainty_t1 * stock_t1) ** 2
                   + (change_uncertainty * stock_change) ** 2) / stock_t2
