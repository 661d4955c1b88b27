"""Grid emission factor: the combined margin of the operating and build margins.

The CCER energy methodologies take the operating margin (OM, 电量边际) and build margin
(BM, 容量边际) that the Ministry of Ecology and Environment publishes for the project's regional
grid, and combine them with the methodology's own weights (0.5/0.5 in CCER-01-001-V01 and
CCER-01-002-V01, not the 0.75/0.25 of CDM TOOL07 for wind and solar).
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation

__all__ = ["combined_margin_factor"]

_EF_UNIT = "t CO2/MWh"


@equation(
    id="W3",
    symbol="EF_grid,CM,y",
    formula="EF_grid,CM,y = w_OM × EF_grid,OM,y + w_BM × EF_grid,BM,y",
    source="CCER-01-002-V01 §6.3 eq. (3); CCER-01-001-V01 §6.3 eq. (3)",
    inputs={
        "om_weight": "dimensionless",
        "operating_margin": _EF_UNIT,
        "bm_weight": "dimensionless",
        "build_margin": _EF_UNIT,
    },
    output=_EF_UNIT,
    description="combined-margin emission factor of the regional grid",
)
def combined_margin_factor(
    om_weight: pint.Quantity,
    operating_margin: pint.Quantity,
    bm_weight: pint.Quantity,
    build_margin: pint.Quantity,
) -> pint.Quantity:
    r"""Combined-margin CO2 emission factor of the regional grid in year y.

    Parameters
    ----------
    om_weight : Quantity
        Weight of the operating margin, w_OM [dimensionless].
    operating_margin : Quantity
        Operating-margin factor EF_grid,OM,y [t CO2/MWh].
    bm_weight : Quantity
        Weight of the build margin, w_BM [dimensionless].
    build_margin : Quantity
        Build-margin factor EF_grid,BM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,CM,y [t CO2/MWh].

    Notes
    -----
    .. math:: EF_{grid,CM,y} = w_{OM} EF_{grid,OM,y} + w_{BM} EF_{grid,BM,y}  \tag{W3}

    The weights are the calling methodology's: the CCER energy methodologies fix both at 0.5.

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (3), Tables 2-3.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> ef = combined_margin_factor(
    ...     om_weight=Quantity(0.5, ""), operating_margin=Quantity(0.8042, "t CO2/MWh"),
    ...     bm_weight=Quantity(0.5, ""), build_margin=Quantity(0.2135, "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 5)
    0.50885
    """
    return om_weight * operating_margin + bm_weight * build_margin
