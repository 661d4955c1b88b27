"""The small accounting equations every grid-power methodology states in its own words.

Each CCER or CDM power methodology prints ``ER_y = BE_y − PE_y`` and declares leakage (and, for
offshore wind, project emissions) zero, each under its own section and equation number. These
factories build one decorated :func:`~ccer_calc.equation.equation` per methodology from a
single body, so the trail cites the methodology's own equation id and section while the
arithmetic lives once.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import Equation, equation
from ccer_calc.units import Quantity

__all__ = ["reductions_without_leakage", "zero_by_methodology"]

_ZERO_PER_MWH = Quantity(0.0, "t CO2e/MWh")


def zero_by_methodology(
    *, name: str, id: str, symbol: str, source: str, description: str,
    reference: str,
) -> Equation:
    """An equation for an emission term the methodology fixes at zero (PE_y = 0, LE_y = 0).

    Parameters
    ----------
    name : str
        Python name of the equation in the methodology module.
    id : str
        The methodology's equation id or label (``W4``, ``C-LE``).
    symbol : str
        The term's symbol (``PE_y``, ``LE_y``).
    source : str
        Document and section that set the term to zero.
    description : str
        One line saying what the term is and why it is zero.
    reference : str
        Document, section for the docstring's References.

    Returns
    -------
    Equation
        Takes ``net_electricity`` [MWh] only for the shape of the period axis; returns zeros
        in t CO2e.
    """

    def body(net_electricity: pint.Quantity) -> pint.Quantity:
        return net_electricity * _ZERO_PER_MWH

    body.__doc__ = f"""{description[0].upper()}{description[1:]} in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity, EG_PJ,y [MWh]; used only for the shape of the period axis.

    Returns
    -------
    Quantity
        {symbol} = 0 [t CO2e].

    Notes
    -----
    .. math:: {symbol.replace("_", "_{", 1)}}} = 0  \\tag{{{id}}}

    References
    ----------
    {reference}.
    """
    body.__name__ = body.__qualname__ = name
    return equation(id=id, symbol=symbol, formula=f"{symbol} = 0", source=source,
                    inputs={"net_electricity": "MWh"}, output="t CO2e",
                    description=description)(body)


def reductions_without_leakage(
    *, name: str, id: str, source: str, reference: str
) -> Equation:
    """An equation ``ER_y = BE_y − PE_y`` for a methodology that neglects leakage.

    Parameters
    ----------
    name : str
        Python name of the equation in the methodology module.
    id : str
        The methodology's equation id (``W5``, ``C6``).
    source : str
        Document, section and equation number.
    reference : str
        Document, section and equation for the docstring's References.

    Returns
    -------
    Equation
        Takes ``baseline`` and ``project`` [t CO2e]; returns ER_y [t CO2e].

    Examples
    --------
    >>> er = reductions_without_leakage(name="er", id="X", source="doc", reference="doc")
    >>> v = er(baseline=Quantity(634_790.375, "t CO2e"), project=Quantity(24.7, "t CO2e"))
    >>> round(float(v.quantity.magnitude), 3)
    634765.675
    """

    def body(baseline: pint.Quantity, project: pint.Quantity) -> pint.Quantity:
        return baseline - project

    body.__doc__ = f"""Emission reductions in year y.

    Parameters
    ----------
    baseline : Quantity
        Baseline emissions, BE_y [t CO2e].
    project : Quantity
        Project emissions, PE_y [t CO2e].

    Returns
    -------
    Quantity
        ER_y [t CO2e].

    Notes
    -----
    .. math:: ER_y = BE_y - PE_y  \\tag{{{id}}}

    Leakage is neglected by the methodology and does not appear in the formula.

    References
    ----------
    {reference}.
    """
    body.__name__ = body.__qualname__ = name
    return equation(id=id, symbol="ER_y", formula="ER_y = BE_y − PE_y", source=source,
                    inputs={"baseline": "t CO2e", "project": "t CO2e"}, output="t CO2e",
                    description="emission reductions")(body)
