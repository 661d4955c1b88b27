"""AR-ACM0003 v02.0 eq. (6)-(7): the tCERs and lCERs of a verification period (section 5.8).

:mod:`.equations` re-exports them with the rest of the document's equations.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry.sink import counted_sum
from methodologies.ar_acm0003 import INFO

__all__ = ["long_term_cers", "temporary_cers"]

DOCUMENT = INFO.document
_CO2E = "t CO2e"


@equation(
    id="(6)", document=DOCUMENT, symbol="tCER_t2",
    formula="tCER_t2 = Σ_{t=1}^{t2} ΔC_AR-CDM,t",
    source=f"{DOCUMENT}, section 5.8, para. 19, eq. (6)",
    inputs={"net_removals": _CO2E, "counted": "dimensionless"}, output=_CO2E,
    description="tCERs issuable at the end t2 of a verification period",
)
def temporary_cers(net_removals: pint.Quantity, counted: pint.Quantity) -> pint.Quantity:
    r"""Temporary CERs issuable in year t2: net removals from the first year to t2.

    Parameters
    ----------
    net_removals : Quantity
        ΔC_AR-CDM,t on the period axis, eq. (5) [t CO2e].
    counted : Quantity
        1 for the elements from year 1 of the project to t2, else 0 [dimensionless].

    Returns
    -------
    Quantity
        tCER_t2, in t CO2e (one tCER per tonne) [t CO2e].

    Notes
    -----
    .. math:: tCER_{t_2} = \sum_{t=1}^{t_2} \Delta C_{AR\text{-}CDM,t}  \tag{6}

    References
    ----------
    AR-ACM0003 v02.0, section 5.8, para. 19, equation (6).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> t = temporary_cers(net_removals=Quantity([1000.0, 2500.0, 3000.0], "t CO2e"),
    ...                    counted=Quantity([1, 1, 1], ""))
    >>> round(float(t.quantity.magnitude), 6)
    6500.0
    """
    return counted_sum(net_removals, counted)


@equation(
    id="(7)", document=DOCUMENT, symbol="lCER_t2",
    formula="lCER_t2 = Σ_{t=t1+1}^{t2} ΔC_AR-CDM,t",
    source=f"{DOCUMENT}, section 5.8, paras. 19-20, eq. (7)",
    inputs={"net_removals": _CO2E, "counted": "dimensionless"}, output=_CO2E,
    description="lCERs issuable at t2 for the verification period t1..t2 (negative: lCERs to "
                "be replaced, para. 20)",
)
def long_term_cers(net_removals: pint.Quantity, counted: pint.Quantity) -> pint.Quantity:
    r"""Long-term CERs issuable in year t2: net removals of the verification period.

    Parameters
    ----------
    net_removals : Quantity
        ΔC_AR-CDM,t on the period axis, eq. (5) [t CO2e].
    counted : Quantity
        1 for the elements of the verification period t1 + 1 to t2, else 0 [dimensionless].

    Returns
    -------
    Quantity
        lCER_t2 [t CO2e]; a negative value is the number of lCERs to be replaced because of a
        reversal since the previous certification (para. 20).

    Notes
    -----
    .. math:: lCER_{t_2} = \sum_{t=t_1+1}^{t_2} \Delta C_{AR\text{-}CDM,t}  \tag{7}

    References
    ----------
    AR-ACM0003 v02.0, section 5.8, paras. 19-20, equation (7).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = long_term_cers(net_removals=Quantity([1000.0, 2500.0, -3000.0], "t CO2e"),
    ...                    counted=Quantity([0, 1, 1], ""))
    >>> round(float(c.quantity.magnitude), 6)
    -500.0
    """
    return counted_sum(net_removals, counted)

