"""TOOL07 v07.0: may the simple OM be used? The low-cost/must-run (LCMR) tests of para. 40.

The simple OM needs LCMR sources below 50 % of generation, by eq. (1) (average of the five
annual shares), eq. (2) (ratio of the five-year averages) or long-term hydro averages
(para. 40(a) 2)); or an average LCMR load of three years below their average lowest annual
system load (para. 40(b)). Every answer says which test and approach produced it.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.tool07_common import DOCUMENT, cite, nonnegative

__all__ = [
    "LCMR_LIMIT",
    "lcmr_share_average_of_shares",
    "lcmr_share_long_term_hydro",
    "lcmr_share_ratio_of_averages",
    "simple_om_applicable",
    "simple_om_applicable_by_load",
]

#: LCMR share of generation at or above which the simple OM may not be used (para. 40(a)).
LCMR_LIMIT = 0.5
_SHARE = {"lcmr_generation": "MWh", "total_generation": "MWh"}


def _years(q: pint.Quantity, name: str, n: int, *, at_least: bool = False) -> None:
    got = (np.shape(q.magnitude)[-1:] or (1,))[0]
    if got < n if at_least else got != n:
        raise InputError(f"wrong number of data years on the last axis of {name}", field=name,
                         value=got, expected=f"{'at least ' if at_least else ''}{n} years")


def _check_totals(lcmr: pint.Quantity, total: pint.Quantity) -> None:
    nonnegative(lcmr, "lcmr_generation")
    if np.any(nonnegative(total, "total_generation") == 0):
        raise InputError("a year has no generation", field="total_generation", value=0.0,
                         expected="total generation > 0 in every year")


@equation(
    id="TOOL07 (1)", document=DOCUMENT, symbol="Share_LCMR",
    formula="Share_LCMR = average(EG_LCMR,y-4 / total_y-4, ..., EG_LCMR,y / total_y)",
    source=cite("para. 40(a)(i), approach 1, eq. (1)"),
    inputs=_SHARE, output="dimensionless",
    description="LCMR share of generation: average of the five annual shares",
)
def lcmr_share_average_of_shares(
    lcmr_generation: pint.Quantity, total_generation: pint.Quantity
) -> pint.Quantity:
    r"""LCMR share as the average of the annual shares of the five most recent years.

    Parameters
    ----------
    lcmr_generation : Quantity
        EG_LCMR of each of the five most recent years, shape (..., 5) [MWh].
    total_generation : Quantity
        Total generation supplied to the system in the same years (off-grid plants excluded),
        shape (..., 5) [MWh].

    Returns
    -------
    Quantity
        Share_LCMR [dimensionless].

    Raises
    ------
    InputError
        If the year axis is not five long, a value is negative or a year's total is zero.

    Notes
    -----
    .. math:: Share_{LCMR} = \operatorname{average}\left[\frac{EG_{LCMR,y-4}}{total_{y-4}},
       \ldots, \frac{EG_{LCMR,y}}{total_y}\right]  \tag{TOOL07 (1)}

    References
    ----------
    TOOL07 v07.0, para. 40(a)(i), approach 1, equation (1).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s = lcmr_share_average_of_shares(
    ...     lcmr_generation=Quantity(np.array([40.0, 45.0, 50.0, 55.0, 60.0]), "TWh"),
    ...     total_generation=Quantity(np.array([100.0, 100.0, 100.0, 100.0, 200.0]), "TWh"))
    >>> round(float(s.quantity.magnitude), 6)
    0.44
    """
    _years(lcmr_generation, "lcmr_generation", 5)
    _years(total_generation, "total_generation", 5)
    _check_totals(lcmr_generation, total_generation)
    return (lcmr_generation / total_generation).mean(axis=-1)


@equation(
    id="TOOL07 (2)", document=DOCUMENT, symbol="Share_LCMR",
    formula="Share_LCMR = average(EG_LCMR,y-4, ..., EG_LCMR,y) / average(total_y-4, ..., total_y)",
    source=cite("para. 40(a)(ii), approach 2, eq. (2)"),
    inputs=_SHARE, output="dimensionless",
    description="LCMR share of generation: ratio of the five-year averages",
)
def lcmr_share_ratio_of_averages(
    lcmr_generation: pint.Quantity, total_generation: pint.Quantity
) -> pint.Quantity:
    r"""LCMR share as the ratio of the five-year average generations.

    Parameters
    ----------
    lcmr_generation : Quantity
        EG_LCMR of each of the five most recent years, shape (..., 5) [MWh].
    total_generation : Quantity
        Total generation supplied to the system in the same years, shape (..., 5) [MWh].

    Returns
    -------
    Quantity
        Share_LCMR [dimensionless].

    Raises
    ------
    InputError
        If the year axis is not five long, a value is negative or a year's total is zero.

    Notes
    -----
    .. math:: Share_{LCMR} = \frac{\operatorname{average}(EG_{LCMR,y-4}, \ldots,
       EG_{LCMR,y})}{\operatorname{average}(total_{y-4}, \ldots, total_y)}  \tag{TOOL07 (2)}

    References
    ----------
    TOOL07 v07.0, para. 40(a)(ii), approach 2, equation (2).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s = lcmr_share_ratio_of_averages(
    ...     lcmr_generation=Quantity(np.array([40.0, 45.0, 50.0, 55.0, 60.0]), "TWh"),
    ...     total_generation=Quantity(np.array([100.0, 100.0, 100.0, 100.0, 200.0]), "TWh"))
    >>> round(float(s.quantity.magnitude), 6)
    0.416667
    """
    _years(lcmr_generation, "lcmr_generation", 5)
    _years(total_generation, "total_generation", 5)
    _check_totals(lcmr_generation, total_generation)
    return lcmr_generation.mean(axis=-1) / total_generation.mean(axis=-1)


@equation(
    id="TOOL07 para. 40(a) 2)", document=DOCUMENT, symbol="Share_LCMR",
    formula="Share_LCMR = (avg EG_LCMR,other + avg_LT EG_hydro) / "
            "(avg total − avg EG_hydro + avg_LT EG_hydro)",
    source=cite("para. 40(a) 2), LCMR share with long-term averages for hydroelectricity "
                "(at least 15 years)"),
    inputs={"other_lcmr_generation": "MWh", "hydro_generation": "MWh",
            "total_generation": "MWh", "hydro_generation_long_term": "MWh"},
    output="dimensionless",
    description="LCMR share with hydro generation replaced by its long-term average",
)
def lcmr_share_long_term_hydro(
    other_lcmr_generation: pint.Quantity,
    hydro_generation: pint.Quantity,
    total_generation: pint.Quantity,
    hydro_generation_long_term: pint.Quantity,
) -> pint.Quantity:
    r"""LCMR share with hydro at its long-term average (at least 15 years).

    Parameters
    ----------
    other_lcmr_generation : Quantity
        Generation of the LCMR sources other than hydro in the five most recent years,
        shape (..., 5) [MWh].
    hydro_generation : Quantity
        Hydro generation in the same five years, shape (..., 5) [MWh].
    total_generation : Quantity
        Total generation in the same five years, shape (..., 5) [MWh].
    hydro_generation_long_term : Quantity
        Hydro generation of each year of a period of at least 15 years, shape (..., n ≥ 15)
        [MWh].

    Returns
    -------
    Quantity
        Share_LCMR [dimensionless].

    Raises
    ------
    InputError
        If fewer than 15 hydro years or not five recent years are given, or a value is
        negative.

    Notes
    -----
    .. math:: Share_{LCMR} = \frac{\overline{EG}_{LCMR,other} + \overline{EG}^{LT}_{hydro}}
       {\overline{total} - \overline{EG}_{hydro} + \overline{EG}^{LT}_{hydro}}
       \tag{TOOL07 para. 40(a) 2)}

    TOOL07 allows this route ("based on long-term averages for hydroelectricity production
    (minimum time frame of 15 years)") but prints no formula. This reading replaces the
    recent hydro output by its long-term average in both numerator and total, and keeps the
    five-year averages of eq. (2) for everything else. Say so when reporting a share from it.

    References
    ----------
    TOOL07 v07.0, para. 40(a) 2); also para. 61 (Approach 1 of lambda).

    Examples
    --------
    Recent: wind 5, hydro 30 (a dry spell), total 100 TWh a year; long-term hydro 45:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s = lcmr_share_long_term_hydro(
    ...     other_lcmr_generation=Quantity(np.full(5, 5.0), "TWh"),
    ...     hydro_generation=Quantity(np.full(5, 30.0), "TWh"),
    ...     total_generation=Quantity(np.full(5, 100.0), "TWh"),
    ...     hydro_generation_long_term=Quantity(np.full(15, 45.0), "TWh"))
    >>> round(float(s.quantity.magnitude), 6)
    0.434783
    """
    for q, name in ((other_lcmr_generation, "other_lcmr_generation"),
                    (hydro_generation, "hydro_generation"), (total_generation, "total_generation")):
        _years(q, name, 5)
        nonnegative(q, name)
    _years(hydro_generation_long_term, "hydro_generation_long_term", 15, at_least=True)
    long_term = hydro_generation_long_term.mean(axis=-1)
    nonnegative(hydro_generation_long_term, "hydro_generation_long_term")
    total = total_generation.mean(axis=-1) - hydro_generation.mean(axis=-1) + long_term
    return (other_lcmr_generation.mean(axis=-1) + long_term) / total


def simple_om_applicable(share: Value | pint.Quantity) -> tuple[bool, str]:
    """Whether the LCMR share allows the simple OM (< 50 %, TOOL07 v07.0 para. 40(a)).

    Parameters
    ----------
    share : Value or Quantity
        Share_LCMR from eq. (1), eq. (2) or the long-term hydro route; a Value computed by
        one of them names its equation, which the answer repeats.

    Returns
    -------
    tuple of (bool, str)
        Whether the simple OM may be used, and the share with the approach that gave it.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s = lcmr_share_average_of_shares(
    ...     lcmr_generation=Quantity(np.array([30.0, 35.0, 30.0, 35.0, 32.5]), "MWh"),
    ...     total_generation=Quantity(np.full(5, 100.0), "MWh"))
    >>> ok, why = simple_om_applicable(s)
    >>> ok, why.split(";")[0]
    (True, 'low-cost/must-run share 32.5 % by TOOL07 (1)')
    """
    if isinstance(share, Value):
        how = share.ref or share.origin
        q = share.quantity
    else:
        how, q = "a share given by the caller", share
    value = float(np.asarray(q.m_as("")).mean())
    if not 0 <= value <= 1:
        raise InputError("LCMR share outside [0, 1]", field="share", value=value,
                         expected="a fraction of total generation")
    limit = f"{LCMR_LIMIT * 100:.0f} % ({cite('para. 40(a)')})"
    return value < LCMR_LIMIT, (f"low-cost/must-run share {value * 100:.1f} % by {how}; the "
                                f"simple OM needs < {limit}")


def simple_om_applicable_by_load(
    lcmr_generation: pint.Quantity, lowest_annual_load: pint.Quantity
) -> tuple[bool, str]:
    """Whether the average LCMR load of three years is below their average lowest load.

    The second test of TOOL07 v07.0 para. 40(b): average(EG_LCMR,y/8760, EG_LCMR,y-1/8760,
    EG_LCMR,y-2/8760) < average(LASL_y, LASL_y-1, LASL_y-2), with 8760 h per year as printed
    (footnote 5).

    Parameters
    ----------
    lcmr_generation : Quantity
        Generation of all LCMR sources in each of the three most recent years [MWh].
    lowest_annual_load : Quantity
        LASL of the same years: the lowest hourly load of each year [MW].

    Returns
    -------
    tuple of (bool, str)
        Whether the simple OM may be used, and the two loads compared.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> simple_om_applicable_by_load(Quantity(np.array([8.76e6, 8.76e6, 1.752e7]), "MWh"),
    ...                              Quantity(np.array([1500.0, 1500.0, 1600.0]), "MW"))[0]
    True
    """
    _years(lcmr_generation, "lcmr_generation", 3)
    _years(lowest_annual_load, "lowest_annual_load", 3)
    load = float(nonnegative(lcmr_generation.to("MWh"), "lcmr_generation").mean()) / 8760.0
    lasl = float(nonnegative(lowest_annual_load.to("MW"), "lowest_annual_load").mean())
    return load < lasl, (f"average LCMR load {load:.1f} MW against average lowest annual "
                         f"system load {lasl:.1f} MW; the simple OM needs the first below the "
                         f"second ({cite('para. 40(b)')})")
