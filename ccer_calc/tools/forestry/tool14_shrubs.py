"""AR-TOOL14 v04.2 sections 9-11: carbon stock and its change in shrubs, eq. (24)-(27).

Shrub biomass is estimated from shrub crown cover: a shrub stratum's biomass per hectare is
the shrub-to-forest biomass ratio times the forest default biomass times the crown cover
(eq. 27); the stock is the area sum converted to CO2 with the shrub root-shoot ratio (eq. 26).
Areas with shrub crown cover below 5 % form one stratum with zero shrub biomass (para. 60).
The change between two times (eq. 24) and per year (eq. 25) assume a linear change.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL14, per_year, sum_last
from ccer_calc.units import Quantity

__all__ = [
    "SHRUB_COVER_ZERO_BELOW",
    "annual_shrub_carbon_change",
    "shrub_biomass_per_hectare",
    "shrub_carbon_change",
    "shrub_carbon_stock",
]

#: Para. 60: shrub crown cover below which the shrub biomass of an area is taken as zero.
SHRUB_COVER_ZERO_BELOW = 0.05


@equation(
    id="AR-TOOL14 (27)", document=TOOL14, symbol="b_SHRUB,i",
    formula="b_SHRUB,i = BDR_SF × b_FOREST × CC_SHRUB,i (0 where CC_SHRUB,i < 5 %)",
    source=f"{TOOL14}, section 11, paras. 60-61, eq. (27)",
    inputs={"shrub_biomass_ratio": "dimensionless", "forest_biomass": "t/ha",
            "shrub_crown_cover": "dimensionless"},
    output="t/ha", description="Shrub biomass per hectare of each shrub stratum",
)
def shrub_biomass_per_hectare(
    shrub_biomass_ratio: pint.Quantity, forest_biomass: pint.Quantity,
    shrub_crown_cover: pint.Quantity,
) -> pint.Quantity:
    r"""Shrub biomass per hectare from shrub crown cover.

    Parameters
    ----------
    shrub_biomass_ratio : Quantity
        BDR_SF, shrub biomass at full cover over the forest default biomass; 0.10 unless
        justified otherwise [dimensionless].
    forest_biomass : Quantity
        b_FOREST, default above-ground biomass of forest in the region [t/ha] (IPCC
        GPG-LULUCF 2003 Table 3A.1.4, not bundled).
    shrub_crown_cover : Quantity
        CC_SHRUB,i at the time of estimation, as a fraction [dimensionless].

    Returns
    -------
    Quantity
        b_SHRUB,i [t/ha]; zero where the crown cover is below 5 % (para. 60).

    Notes
    -----
    .. math:: b_{SHRUB,i} = BDR_{SF} \times b_{FOREST} \times CC_{SHRUB,i}
       \tag{AR-TOOL14 (27)}

    Para. 60 sets the biomass of areas below 5 % cover to zero and para. 61 applies eq. (26)
    "to strata with a shrub crown cover of greater than 5 per cent"; a cover of exactly 5 %
    falls in neither wording and is computed here with eq. (27).

    References
    ----------
    AR-TOOL14 v04.2, section 11, paras. 60-61, equation (27).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = shrub_biomass_per_hectare(shrub_biomass_ratio=Quantity(0.10, ""),
    ...     forest_biomass=Quantity(120, "t/ha"),
    ...     shrub_crown_cover=Quantity(np.array([0.04, 0.05, 0.30]), ""))
    >>> b.quantity.magnitude.round(6).tolist()
    [0.0, 0.6, 3.6]
    """
    cc = np.asarray(shrub_crown_cover.m_as(""))
    if np.any((cc < 0) | (cc > 1)):
        raise InputError("shrub crown cover is a fraction", field="shrub_crown_cover",
                         expected="0 <= CC_SHRUB <= 1")
    counted = Quantity(np.where(cc < SHRUB_COVER_ZERO_BELOW, 0.0, cc), "")
    return shrub_biomass_ratio * forest_biomass * counted


@equation(
    id="AR-TOOL14 (26)", document=TOOL14, symbol="C_SHRUB,t",
    formula="C_SHRUB,t = 44/12 × CF_S × (1 + R_S) × Σ_i A_SHRUB,i × b_SHRUB,i",
    source=f"{TOOL14}, section 11, para. 61, eq. (26)",
    inputs={"carbon_fraction": "t C/t", "root_shoot_ratio": "dimensionless",
            "shrub_stratum_area": "ha", "shrub_biomass": "t/ha"},
    output="t CO2", description="Carbon stock in shrubs",
)
def shrub_carbon_stock(
    carbon_fraction: pint.Quantity, root_shoot_ratio: pint.Quantity,
    shrub_stratum_area: pint.Quantity, shrub_biomass: pint.Quantity,
) -> pint.Quantity:
    r"""Carbon stock in shrubs over the shrub strata (the last axis).

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_S; 0.47 unless justified otherwise [t C/t].
    root_shoot_ratio : Quantity
        R_S; 0.40 unless justified otherwise [dimensionless].
    shrub_stratum_area : Quantity
        A_SHRUB,i [ha].
    shrub_biomass : Quantity
        b_SHRUB,i from eq. (27) [t/ha].

    Returns
    -------
    Quantity
        C_SHRUB,t [t CO2].

    Notes
    -----
    .. math:: C_{SHRUB,t} = \frac{44}{12} CF_S (1 + R_S) \sum_i A_{SHRUB,i} b_{SHRUB,i}
       \tag{AR-TOOL14 (26)}

    References
    ----------
    AR-TOOL14 v04.2, section 11, para. 61, equation (26).

    Examples
    --------
    44/12 × 0.47 × 1.4 × (10 × 3.6 + 20 × 0.6) = 115.808 t CO2:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = shrub_carbon_stock(carbon_fraction=Quantity(0.47, "t C/t"),
    ...     root_shoot_ratio=Quantity(0.40, ""),
    ...     shrub_stratum_area=Quantity(np.array([10., 20.]), "ha"),
    ...     shrub_biomass=Quantity(np.array([3.6, 0.6]), "t/ha"))
    >>> round(float(c.quantity.magnitude), 6)
    115.808
    """
    return (CO2_PER_CARBON * carbon_fraction * (1 + root_shoot_ratio)
            * sum_last(shrub_stratum_area * shrub_biomass))


@equation(
    id="AR-TOOL14 (24)", document=TOOL14, symbol="ΔC_SHRUB",
    formula="ΔC_SHRUB = C_SHRUB,t2 − C_SHRUB,t1", source=f"{TOOL14}, section 9, para. 55, eq. (24)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2"}, output="t CO2",
    description="Change in shrub carbon between two times",
)
def shrub_carbon_change(stock_t2: pint.Quantity, stock_t1: pint.Quantity) -> pint.Quantity:
    r"""Shrub carbon at t2 minus shrub carbon at t1.

    Parameters
    ----------
    stock_t2 : Quantity
        C_SHRUB,t2 [t CO2].
    stock_t1 : Quantity
        C_SHRUB,t1 [t CO2].

    Returns
    -------
    Quantity
        ΔC_SHRUB [t CO2]; may be set to zero in strata that pass the "no decrease" test
        (para. 57, :func:`.tool14_zero.no_decrease`).

    Notes
    -----
    .. math:: \Delta C_{SHRUB} = C_{SHRUB,t_2} - C_{SHRUB,t_1}  \tag{AR-TOOL14 (24)}

    References
    ----------
    AR-TOOL14 v04.2, section 9, paras. 55-57, equation (24).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = shrub_carbon_change(stock_t2=Quantity(80, "t CO2"), stock_t1=Quantity(115, "t CO2"))
    >>> round(float(d.quantity.magnitude), 6)
    -35.0
    """
    return stock_t2 - stock_t1


@equation(
    id="AR-TOOL14 (25)", document=TOOL14, symbol="ΔC_SHRUB,t",
    formula="ΔC_SHRUB,t = (C_SHRUB,t2 − C_SHRUB,t1) / T × 1 year",
    source=f"{TOOL14}, section 10, para. 59, eq. (25)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "elapsed_time": "yr"}, output="t CO2",
    description="Change in shrub carbon in a year between two verifications",
)
def annual_shrub_carbon_change(
    stock_t2: pint.Quantity, stock_t1: pint.Quantity, elapsed_time: pint.Quantity
) -> pint.Quantity:
    r"""Annual change in shrub carbon, assuming linear change.

    Parameters
    ----------
    stock_t2 : Quantity
        C_SHRUB,t2 [t CO2].
    stock_t1 : Quantity
        C_SHRUB,t1 [t CO2].
    elapsed_time : Quantity
        T = t2 - t1, may be fractional [yr].

    Returns
    -------
    Quantity
        ΔC_SHRUB,t [t CO2] in each year between t1 and t2.

    Notes
    -----
    .. math:: \Delta C_{SHRUB,t} = \frac{C_{SHRUB,t_2} - C_{SHRUB,t_1}}{T} \times 1\,\text{year}
       \tag{AR-TOOL14 (25)}

    References
    ----------
    AR-TOOL14 v04.2, section 10, para. 59, equation (25).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = annual_shrub_carbon_change(stock_t2=Quantity(80, "t CO2"),
    ...     stock_t1=Quantity(115, "t CO2"), elapsed_time=Quantity(4.375, "yr"))
    >>> round(float(d.quantity.magnitude), 6)
    -8.0
    """
    return per_year(stock_t2 - stock_t1, elapsed_time) * Quantity(1.0, "yr")
