"""The small accounting equations every grid-power methodology states in its own words.

Each CCER or CDM power methodology prints ``BE_y = EG_PJ,y × EF_grid,CM,y`` and
``ER_y = BE_y − PE_y``, sums fuel emissions over fuels, and declares leakage (and, for offshore
wind, project emissions) zero, each under its own section and equation number. These
factories build one decorated :func:`~ccer_calc.equation.equation` per methodology from a
single body, so the trail cites the methodology's own equation id and section while the
arithmetic lives once.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import Equation, equation
from ccer_calc.units import Quantity

__all__ = [
    "grid_baseline_emissions",
    "reductions_without_leakage",
    "summed_over_fuels",
    "zero_by_methodology",
]

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


def grid_baseline_emissions(
    *, name: str, id: str, source: str, description: str, reference: str
) -> Equation:
    """An equation ``BE_y = EG_PJ,y × EF_grid,CM,y`` for a grid-connected power methodology.

    Parameters
    ----------
    name : str
        Python name of the equation in the methodology module.
    id : str
        The methodology's equation id (``W1``, ``C1``).
    source : str
        Document, section and equation number.
    description : str
        One line saying what the baseline is.
    reference : str
        Document, section and equation for the docstring's References.

    Returns
    -------
    Equation
        Takes ``net_electricity`` [MWh] and ``combined_margin`` [t CO2/MWh]; returns BE_y
        [t CO2e].

    Examples
    --------
    Offshore-wind worked check of the reference brief (§3.3): 1 247 500 MWh × 0.50885 t CO2/MWh.

    >>> be = grid_baseline_emissions(name="be", id="X", source="doc", description="d",
    ...                              reference="doc")
    >>> v = be(net_electricity=Quantity(1_247_500, "MWh"),
    ...        combined_margin=Quantity(0.50885, "t CO2/MWh"))
    >>> round(float(v.quantity.magnitude), 3)
    634790.375
    """

    def body(net_electricity: pint.Quantity, combined_margin: pint.Quantity) -> pint.Quantity:
        return net_electricity * combined_margin

    body.__doc__ = f"""{description[0].upper()}{description[1:]}, in year y.

    Parameters
    ----------
    net_electricity : Quantity
        Net electricity delivered to the grid, EG_PJ,y [MWh].
    combined_margin : Quantity
        Combined-margin factor of the grid, EF_grid,CM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        BE_y [t CO2e].

    Notes
    -----
    .. math:: BE_y = EG_{{PJ,y}} \\times EF_{{grid,CM,y}}  \\tag{{{id}}}

    References
    ----------
    {reference}.
    """
    body.__name__ = body.__qualname__ = name
    return equation(id=id, symbol="BE_y", formula="BE_y = EG_PJ,y × EF_grid,CM,y",
                    source=source,
                    inputs={"net_electricity": "MWh", "combined_margin": "t CO2/MWh"},
                    output="t CO2e", description=description)(body)


def summed_over_fuels(
    *, name: str, id: str, symbol: str, formula: str, source: str,
    description: str, reference: str,
) -> Equation:
    """An equation summing per-fuel CO2 (FC_i × COEF_i) over the fuels i.

    Parameters
    ----------
    name : str
        Python name of the equation in the methodology module.
    id : str
        The methodology's equation id (``C4``).
    symbol, formula : str
        The summed term's symbol and printed formula.
    source : str
        Document, section and equation number.
    description : str
        One line saying what the fuel is burned for.
    reference : str
        Document, section and equation for the docstring's References.

    Returns
    -------
    Equation
        Takes ``fuel_emissions`` [t CO2], one row per fuel and one column per element of the
        period axis (no rows when no fuel is burned); returns the sum [t CO2e].

    Examples
    --------
    >>> import numpy as np
    >>> pe = summed_over_fuels(name="pe", id="X", symbol="PE_y", formula="f", source="doc",
    ...                        description="d", reference="doc")
    >>> v = pe(fuel_emissions=Quantity(np.array([[3.1, 6.2], [21.6, 0.0]]), "t CO2"))
    >>> [round(float(x), 6) for x in v.quantity.magnitude]
    [24.7, 6.2]
    """

    def body(fuel_emissions: pint.Quantity) -> pint.Quantity:
        return fuel_emissions.sum(axis=0)

    body.__doc__ = f"""{description[0].upper()}{description[1:]}, summed over the fuels i.

    Parameters
    ----------
    fuel_emissions : Quantity
        FC_i,y × COEF_i,y for each fuel i, one row per fuel and one column per element of the
        period axis [t CO2]; no rows when the project burns no fossil fuel.

    Returns
    -------
    Quantity
        {symbol} [t CO2e].

    Notes
    -----
    .. math:: {symbol} = \\sum_i FC_{{i,y}} \\times COEF_{{i,y}}  \\tag{{{id}}}

    References
    ----------
    {reference}.
    """
    body.__name__ = body.__qualname__ = name
    return equation(id=id, symbol=symbol, formula=formula, source=source,
                    inputs={"fuel_emissions": "t CO2"}, output="t CO2e",
                    description=description)(body)
