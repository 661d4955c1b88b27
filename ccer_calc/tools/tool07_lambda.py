"""TOOL07 v07.0 lambda of the simple adjusted OM: eq. (11), Appendix 3 and Appendix 2.

Approach 2 (para. 62) counts the hours in which low-cost/must-run sources are on the margin on
the hourly load duration curve (Appendix 3) and divides by the hours of the year (eq. (11)).
Approach 1 (para. 61) takes the default of Appendix 2, Table 1 for the LCMR share, allowed only
if the lowest annual system load is at least a third of the highest.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.tool07_common import DOCUMENT, cite, nonnegative
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

__all__ = [
    "LAMBDA_BANDS",
    "LAMBDA_VALUES",
    "default_lambda",
    "hours_lcmr_on_margin",
    "lambda_from_hourly_load",
    "lcmr_margin_share",
]

#: Appendix 2, Table 1: lower bound of each LCMR-share band (per cent) and its default lambda.
#: A share on a band boundary takes the higher band (bands read "from ... to ...").
LAMBDA_BANDS = np.array([0.0, 50.0, 54.54, 59.20, 63.60, 67.76, 71.66, 75.32, 78.72, 81.86,
                          84.76, 87.41, 89.80, 91.94, 93.83, 95.47, 96.85, 97.98, 98.87, 99.50,
                          99.87])
LAMBDA_VALUES = np.round(np.arange(21) * 0.05, 2)


@equation(
    id="TOOL07 App. 3", document=DOCUMENT, symbol="X_y",
    formula="X_y = hours right of the point where a horizontal line across the load duration "
            "curve encloses Σ_k EG_k,y below it (EG_cumul ≥ Σ_k EG_k,y)",
    source=cite("Appendix 3, steps (i)-(iv), eq. (1)-(3) and Figure 5"),
    inputs={"hourly_load": "MW", "lcmr_generation": "MWh"},
    output="h",
    description="number of hours in which low-cost/must-run sources are on the margin",
)
def hours_lcmr_on_margin(
    hourly_load: pint.Quantity, lcmr_generation: pint.Quantity
) -> pint.Quantity:
    r"""Hours of year y in which low-cost/must-run sources are on the margin (Appendix 3).

    Parameters
    ----------
    hourly_load : Quantity
        Load of the grid in each hour of year y, shape (..., hours) [MW].
    lcmr_generation : Quantity
        Total generation of the low-cost/must-run units in year y, Σ_k EG_k,y, shape (...)
        [MWh].

    Returns
    -------
    Quantity
        X_y, the hours right of the intersection point [h], shape (...).

    Raises
    ------
    InputError
        If a load is negative or the LCMR generation exceeds the energy under the load curve.

    Notes
    -----
    With the loads sorted from the highest, :math:`d_1 \ge \ldots \ge d_Z`, a horizontal line
    at the level of the load of rank j encloses
    :math:`EG_{cumul}(j) = j\,d_j + \sum_{t>j} d_t` below it (Appendix 3, eq. (1)-(3)). The
    intersection is the highest rank j with :math:`EG_{cumul}(j) \ge \sum_k EG_{k,y}`; the
    LCMR sources are on the margin in the hours right of it:

    .. math:: X_y = Z - j  \tag{TOOL07 App. 3}

    Step (iv) of Appendix 3 names the value "Z-L" (the rank of the intersection counted from
    the highest load); Figure 5 and the meaning of lambda place X to the right of the
    intersection, i.e. the L hours from it to hour Z. This function returns those hours.

    References
    ----------
    TOOL07 v07.0, Appendix 3, steps (i)-(iv), equations (1)-(3), Figures 1-5.

    Examples
    --------
    Four hours of 100, 80, 60 and 40 MW and 200 MWh of LCMR generation: the line lies at
    53.3 MW (3 × 53.3 + 40 = 200), above the load of one hour:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> x = hours_lcmr_on_margin(hourly_load=Quantity(np.array([60.0, 100.0, 40.0, 80.0]), "MW"),
    ...                          lcmr_generation=Quantity(200.0, "MWh"))
    >>> float(x.quantity.magnitude)
    1.0
    """
    load = nonnegative(hourly_load, "hourly_load")
    lcmr = nonnegative(lcmr_generation, "lcmr_generation")
    d = -np.sort(-load, axis=-1)
    z = d.shape[-1]
    below = np.cumsum(d[..., ::-1], axis=-1)[..., ::-1] - d  # Σ_{t>j} d_t
    cumul = np.arange(1, z + 1) * d + below  # MW × h per hour = MWh
    reached = np.sum(cumul >= lcmr[..., None], axis=-1)
    if np.any(reached == 0):
        raise InputError("LCMR generation exceeds the energy under the load duration curve",
                         field="lcmr_generation", value=float(np.max(lcmr)),
                         expected=f"at most Σ hourly load = {float(np.max(cumul[..., 0])):g} MWh")
    return Quantity(z - reached, "h")


@equation(
    id="TOOL07 (11)", document=DOCUMENT, symbol="λ_y",
    formula="λ_y = number of hours LCMR sources are on the margin in year y / 8760 h",
    source=cite("para. 59, eq. (11); approach 2 of para. 62 (Appendix 3)"),
    inputs={"hours_on_margin": "h", "hours_in_year": "h"},
    output="dimensionless",
    description="share of the year's hours in which low-cost/must-run sources are on the margin",
)
def lcmr_margin_share(
    hours_on_margin: pint.Quantity, hours_in_year: pint.Quantity
) -> pint.Quantity:
    r"""Lambda: the share of the year's hours with low-cost/must-run sources on the margin.

    Parameters
    ----------
    hours_on_margin : Quantity
        Hours of year y in which LCMR sources are on the margin (Appendix 3) [h].
    hours_in_year : Quantity
        Hours of year y: 8760 as eq. (11) prints it; the Z of Appendix 3 (8784 in a leap year
        with hourly data for every hour) [h].

    Returns
    -------
    Quantity
        λ_y [dimensionless].

    Raises
    ------
    InputError
        If the hours on the margin exceed the hours of the year.

    Notes
    -----
    .. math:: \lambda_y = \frac{\text{hours LCMR on the margin in year } y}{8760 \text{ h}}
       \tag{TOOL07 (11)}

    References
    ----------
    TOOL07 v07.0, para. 59, equation (11); para. 62; Appendix 3.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> lam = lcmr_margin_share(hours_on_margin=Quantity(1314, "h"),
    ...                         hours_in_year=Quantity(8760, "h"))
    >>> round(float(lam.quantity.magnitude), 6)
    0.15
    """
    if np.any(np.asarray(hours_on_margin.magnitude) > np.asarray(hours_in_year.magnitude)):
        raise InputError("more hours on the margin than hours in the year",
                         field="hours_on_margin", value=float(np.max(hours_on_margin.magnitude)),
                         expected=f"at most {float(np.max(hours_in_year.magnitude)):g} h")
    return hours_on_margin / hours_in_year


def lambda_from_hourly_load(
    hourly_load: Value | pint.Quantity, lcmr_generation: Value | pint.Quantity,
    *, trail: Trail | None = None,
) -> Value:
    """λ_y by approach 2 (para. 62): Appendix 3's hour count, then eq. (11).

    The year has as many hours as ``hourly_load`` has values on its last axis (8760, or 8784
    in a leap year).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> load = Quantity(np.r_[np.full(6570, 900.0), np.full(2190, 500.0)], "MW")
    >>> lam = lambda_from_hourly_load(load, Quantity(4.6e6, "MWh"))
    >>> float(lam.quantity.magnitude)
    0.25
    """
    q = hourly_load.quantity if isinstance(hourly_load, Value) else hourly_load
    hours = hours_lcmr_on_margin(trail=trail, hourly_load=hourly_load,
                                 lcmr_generation=lcmr_generation)
    z = Quantity(float(np.shape(q.magnitude)[-1]), "h")
    return lcmr_margin_share(trail=trail, hours_on_margin=hours, hours_in_year=z)


def default_lambda(
    lcmr_share: float, lowest_annual_load: pint.Quantity, highest_annual_load: pint.Quantity
) -> Value:
    """λ_y by approach 1 (para. 61): the default of TOOL07 v07.0 Appendix 2, Table 1.

    Parameters
    ----------
    lcmr_share : float
        Share of LCMR generation in total generation (a fraction), from the five most recent
        years or from long-term hydro averages.
    lowest_annual_load, highest_annual_load : Quantity
        LASL and HASL [MW] of each year used to determine the OM.

    Returns
    -------
    Value
        λ_y with origin ``default`` and the table band it came from.

    Raises
    ------
    InputError
        If the share is outside [0, 1] or a year's LASL is below one third of its HASL
        (approach 1 then may not be used: take :func:`lambda_from_hourly_load`).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> lam = default_lambda(0.62, Quantity(900.0, "MW"), Quantity(2000.0, "MW"))
    >>> float(lam.quantity.magnitude), lam.ref.split(": ")[1]
    (0.15, 'share 62.00 % in [59.20, 63.60) %')
    """
    if not 0 <= lcmr_share <= 1:
        raise InputError("LCMR share outside [0, 1]", field="lcmr_share", value=lcmr_share,
                         expected="a fraction of total generation")
    lasl = np.atleast_1d(lowest_annual_load.m_as("MW"))
    hasl = np.atleast_1d(highest_annual_load.m_as("MW"))
    if np.any(lasl * 3 < hasl):
        raise InputError("approach 1 (default lambda) needs LASL >= HASL / 3 in every OM year",
                         field="lowest_annual_load", value=float(np.min(lasl / hasl)),
                         expected="a ratio LASL/HASL >= 1/3 (para. 61); else use the hourly "
                                  "load procedure of Appendix 3")
    percent = round(lcmr_share * 100, 9)  # a share printed to 2 decimals meets its bound
    i = int(np.searchsorted(LAMBDA_BANDS, percent, side="right")) - 1
    upper = f"{LAMBDA_BANDS[i + 1]:.2f}) %" if i + 1 < LAMBDA_BANDS.size else "100.00] %"
    band = f"[{LAMBDA_BANDS[i]:.2f}, {upper}"
    return Value("λ_y", Quantity(float(LAMBDA_VALUES[i]), ""), "default",
                 f"{cite('Appendix 2, Table 1 (para. 61)')}: share {lcmr_share * 100:.2f} % in "
                 f"{band}")
