"""AR-TOOL12 v03.1 section 7: carbon stock in litter and its change, eq. (12)-(17).

Measured (section 7.1): four frame samples per plot are composited and weighed wet; a dried
sub-sample gives the dry-to-wet ratio; the plot carbon (eq. 12) is expanded to the stratum
(eq. 13) and summed (eq. 14). Default (section 7.2): a conservative share DF_LI of the tree
carbon of the stratum (eq. 15), only where litter stays in situ (para. 44). The change between
two estimates is linear (eq. 16, 17). Carbon fraction of litter CF_LI = 0.37 (IPCC default,
data/parameter table 3).
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry._common import (
    CO2_PER_CARBON,
    TOOL12,
    expand_to_strata,
    per_year,
    sum_last,
)
from ccer_calc.units import Quantity

__all__ = [
    "annual_litter_change",
    "litter_change_rate",
    "litter_default_factor",
    "litter_stock",
    "plot_litter_carbon",
    "stratum_litter",
]


@equation(
    id="AR-TOOL12 (12)", document=TOOL12, symbol="C_LI,p,i,t",
    formula="C_LI,p,i,t = 44/12 × CF_LI × 2.5 × A_p,i / a_p,i × B_LI_WET,p,i × DWR_LI,p,i",
    source=f"{TOOL12}, section 7.1, para. 41, eq. (12)",
    inputs={"carbon_fraction": "t C/t", "plot_area": "ha", "frame_area": "m^2",
            "wet_weight": "kg", "dry_to_wet_ratio": "dimensionless"},
    output="t CO2", description="Carbon in litter of each plot from frame samples",
)
def plot_litter_carbon(
    carbon_fraction: pint.Quantity, plot_area: pint.Quantity, frame_area: pint.Quantity,
    wet_weight: pint.Quantity, dry_to_wet_ratio: pint.Quantity,
) -> pint.Quantity:
    r"""Litter carbon of a plot from the wet weight of its four composited frame samples.

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_LI; 0.37 (IPCC default) [t C/t].
    plot_area : Quantity
        A_p,i [ha].
    frame_area : Quantity
        a_p,i, area of the sampling frame (often 0.5 m^2) [m^2].
    wet_weight : Quantity
        B_LI_WET,p,i, wet weight of the composite of four frame samples [kg].
    dry_to_wet_ratio : Quantity
        DWR_LI,p,i of the dried sub-sample [dimensionless].

    Returns
    -------
    Quantity
        C_LI,p,i,t [t CO2].

    Notes
    -----
    .. math:: C_{LI,p,i,t} = \frac{44}{12} CF_{LI} \times 2.5 \times \frac{A_{p,i}}{a_{p,i}}
       B_{LI\_WET,p,i} \, DWR_{LI,p,i}  \tag{AR-TOOL12 (12)}

    The factor 2.5 is 10^4 m^2/ha × 10^-3 t/kg / 4 frames (the tool's note). The body writes
    it as A_p,i / (4 × a_p,i) and lets pint convert hectares, square metres and kilograms,
    which gives the same number (tested).

    References
    ----------
    AR-TOOL12 v03.1, section 7.1, paras. 40-41, equation (12).

    Examples
    --------
    44/12 × 0.37 × 2.5 × (0.04 / 0.5) × 2 × 0.5 = 0.271333 t CO2:

    >>> from ccer_calc.units import Quantity
    >>> c = plot_litter_carbon(carbon_fraction=Quantity(0.37, "t C/t"),
    ...     plot_area=Quantity(0.04, "ha"), frame_area=Quantity(0.5, "m^2"),
    ...     wet_weight=Quantity(2.0, "kg"), dry_to_wet_ratio=Quantity(0.5, ""))
    >>> round(float(c.quantity.magnitude), 6)
    0.271333
    """
    return (CO2_PER_CARBON * carbon_fraction * plot_area / (4 * frame_area) * wet_weight
            * dry_to_wet_ratio)


@equation(
    id="AR-TOOL12 (13)", document=TOOL12, symbol="C_LI,i,t",
    formula="C_LI,i,t = A_i / A_PLOT,i × Σ_p C_LI,p,i,t",
    source=f"{TOOL12}, section 7.1, para. 42, eq. (13)",
    inputs={"plot_litter": "t CO2", "plot_stratum": "dimensionless", "plot_area": "ha",
            "stratum_area": "ha"},
    output="t CO2", description="Carbon in litter of each stratum from its plots",
)
def stratum_litter(
    plot_litter: pint.Quantity, plot_stratum: pint.Quantity, plot_area: pint.Quantity,
    stratum_area: pint.Quantity,
) -> pint.Quantity:
    r"""Plot litter carbon of each stratum expanded by stratum area over total plot area.

    Parameters
    ----------
    plot_litter : Quantity
        C_LI,p,i,t of each plot [t CO2].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    plot_area : Quantity
        Area of each plot; A_PLOT,i is their sum per stratum [ha].
    stratum_area : Quantity
        A_i [ha].

    Returns
    -------
    Quantity
        C_LI,i,t [t CO2].

    Notes
    -----
    .. math:: C_{LI,i,t} = \frac{A_i}{A_{PLOT,i}} \sum_p C_{LI,p,i,t}  \tag{AR-TOOL12 (13)}

    References
    ----------
    AR-TOOL12 v03.1, section 7.1, para. 42, equation (13).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = stratum_litter(plot_litter=Quantity(np.array([0.27, 0.33]), "t CO2"),
    ...     plot_stratum=Quantity(np.array([0, 0]), ""),
    ...     plot_area=Quantity(np.array([0.04, 0.04]), "ha"),
    ...     stratum_area=Quantity(np.array([20.0]), "ha"))
    >>> c.quantity.magnitude.round(6).tolist()
    [150.0]
    """
    return expand_to_strata(plot_litter, plot_stratum, plot_area, stratum_area)


@equation(
    id="AR-TOOL12 (14)", document=TOOL12, symbol="C_LI,t",
    formula="C_LI,t = Σ_i C_LI,i,t", source=f"{TOOL12}, section 7.1, para. 43, eq. (14)",
    inputs={"stratum_litter": "t CO2"}, output="t CO2",
    description="Carbon in litter within the project boundary",
)
def litter_stock(stratum_litter: pint.Quantity) -> pint.Quantity:
    r"""Sum of the stratum litter stocks (last axis).

    Parameters
    ----------
    stratum_litter : Quantity
        C_LI,i,t [t CO2].

    Returns
    -------
    Quantity
        C_LI,t [t CO2].

    Notes
    -----
    .. math:: C_{LI,t} = \sum_i C_{LI,i,t}  \tag{AR-TOOL12 (14)}

    References
    ----------
    AR-TOOL12 v03.1, section 7.1, para. 43, equation (14).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = litter_stock(stratum_litter=Quantity(np.array([150., 30.]), "t CO2"))
    >>> round(float(c.quantity.magnitude), 6)
    180.0
    """
    return sum_last(stratum_litter)


@equation(
    id="AR-TOOL12 (15)", document=TOOL12, symbol="C_LI,i,t",
    formula="C_LI,i,t = C_TREE,i,t × DF_LI", source=f"{TOOL12}, section 7.2, para. 45, eq. (15)",
    inputs={"tree_carbon": "t CO2", "default_factor": "dimensionless"}, output="t CO2",
    description="Carbon in litter of a stratum by the conservative default factor",
)
def litter_default_factor(tree_carbon: pint.Quantity, default_factor: pint.Quantity
                          ) -> pint.Quantity:
    r"""Litter as a default share of the stratum's tree carbon (litter left in situ).

    Parameters
    ----------
    tree_carbon : Quantity
        C_TREE,i,t from AR-TOOL14 [t CO2].
    default_factor : Quantity
        DF_LI, from :func:`.tool12_stocks.default_fractions` [dimensionless] (% converted).

    Returns
    -------
    Quantity
        C_LI,i,t [t CO2].

    Notes
    -----
    .. math:: C_{LI,i,t} = C_{TREE,i,t} \times DF_{LI}  \tag{AR-TOOL12 (15)}

    References
    ----------
    AR-TOOL12 v03.1, section 7.2, paras. 44-46, equation (15); section 8.1, table 6.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = litter_default_factor(tree_carbon=Quantity(5000, "t CO2"),
    ...                           default_factor=Quantity(4, "%"))
    >>> round(float(c.quantity.magnitude), 6)
    200.0
    """
    return tree_carbon * default_factor


@equation(
    id="AR-TOOL12 (16)", document=TOOL12, symbol="dC_LI,(t1,t2)",
    formula="dC_LI,(t1,t2) = (C_LI,t2 − C_LI,t1) / T",
    source=f"{TOOL12}, section 7.3, para. 47, eq. (16)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "elapsed_time": "yr"},
    output="t CO2/yr", description="Rate of change of litter carbon between two estimates",
)
def litter_change_rate(
    stock_t2: pint.Quantity, stock_t1: pint.Quantity, elapsed_time: pint.Quantity
) -> pint.Quantity:
    r"""Linear rate of change of the litter stock.

    Parameters
    ----------
    stock_t2 : Quantity
        C_LI,t2 [t CO2].
    stock_t1 : Quantity
        C_LI,t1 [t CO2].
    elapsed_time : Quantity
        T = t2 - t1 [yr].

    Returns
    -------
    Quantity
        dC_LI,(t1,t2) [t CO2/yr].

    Notes
    -----
    .. math:: dC_{LI,(t_1,t_2)} = \frac{C_{LI,t_2} - C_{LI,t_1}}{T}  \tag{AR-TOOL12 (16)}

    References
    ----------
    AR-TOOL12 v03.1, section 7.3, para. 47, equation (16).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = litter_change_rate(stock_t2=Quantity(180, "t CO2"), stock_t1=Quantity(60, "t CO2"),
    ...                        elapsed_time=Quantity(4, "yr"))
    >>> round(float(r.quantity.magnitude), 6)
    30.0
    """
    return per_year(stock_t2 - stock_t1, elapsed_time)


@equation(
    id="AR-TOOL12 (17)", document=TOOL12, symbol="ΔC_LI,t",
    formula="ΔC_LI,t = dC_LI,(t1,t2) × 1 year for t1 ≤ t ≤ t2",
    source=f"{TOOL12}, section 7.3, para. 48, eq. (17)",
    inputs={"change_rate": "t CO2/yr"}, output="t CO2",
    description="Change in litter carbon in a year",
)
def annual_litter_change(change_rate: pint.Quantity) -> pint.Quantity:
    r"""Change in litter carbon in each year between the two estimates.

    Parameters
    ----------
    change_rate : Quantity
        dC_LI,(t1,t2) [t CO2/yr].

    Returns
    -------
    Quantity
        ΔC_LI,t [t CO2].

    Notes
    -----
    .. math:: \Delta C_{LI,t} = dC_{LI,(t_1,t_2)} \times 1\,\text{year}  \tag{AR-TOOL12 (17)}

    References
    ----------
    AR-TOOL12 v03.1, section 7.3, para. 48, equation (17).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = annual_litter_change(change_rate=Quantity(30, "t CO2/yr"))
    >>> round(float(d.quantity.magnitude), 6)
    30.0
    """
    return change_rate * Quantity(1.0, "yr")
