"""Net electricity delivered to the grid: export minus import."""

from __future__ import annotations

import pint

from ccer_calc.equation import equation

__all__ = ["net_electricity_delivered"]


@equation(
    id="W2",
    symbol="EG_PJ,y",
    formula="EG_PJ,y = EG_export,y − EG_import,y",
    source="CCER-01-002-V01 §6.3 eq. (2); CCER-01-001-V01 §6.3 eq. (2)",
    inputs={"electricity_exported": "MWh", "electricity_imported": "MWh"},
    output="MWh",
    description="net electricity the project delivers to the regional grid",
)
def net_electricity_delivered(
    electricity_exported: pint.Quantity, electricity_imported: pint.Quantity
) -> pint.Quantity:
    r"""Net electricity delivered to the regional grid in year y.

    Parameters
    ----------
    electricity_exported : Quantity
        Electricity the project delivers to the grid, EG_export,y [MWh].
    electricity_imported : Quantity
        Electricity the project draws from the grid, EG_import,y [MWh].

    Returns
    -------
    Quantity
        EG_PJ,y [MWh].

    Notes
    -----
    .. math:: EG_{PJ,y} = EG_{export,y} - EG_{import,y}  \tag{W2}

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (2), Tables 4-5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> eg = net_electricity_delivered(electricity_exported=Quantity(1_250_000, "MWh"),
    ...                                electricity_imported=Quantity(2_500, "MWh"))
    >>> float(eg.quantity.magnitude)
    1247500.0
    """
    return electricity_exported - electricity_imported
