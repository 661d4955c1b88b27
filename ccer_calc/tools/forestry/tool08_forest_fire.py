"""AR-TOOL08 v04.0.0 paras. 11-13: non-CO2 emissions from forest fires, eq. (6)-(8).

Trees burnt (eq. 7) use the above-ground tree biomass at the last verification before the
fire, a combustion factor and emission factors of CH4 and N2O with the tool's GWPs (21, 310);
dead organic matter burnt (eq. 8) uses the dead-wood and litter stocks at that verification;
both are zero for the first verification (paras. 12-13). Default combustion and emission
factors (section III) are in ``ar_tool08_fire_factors.csv``.

Units: the 0.001 of eq. (7) converts t d.m. × g/kg to tonnes of gas, which pint does from the
declared units; eq. (8) takes the stocks per hectare (see :mod:`.tool08_burning`).
"""

from __future__ import annotations

import math

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry._common import TOOL08, sum_last
from ccer_calc.tools.forestry.defaults import data_table
from ccer_calc.units import Quantity

__all__ = [
    "fire_factors",
    "forest_fire_dom_emissions",
    "forest_fire_emissions",
    "forest_fire_tree_emissions",
]

_RATIO = 0.07  # non-CO2 (CH4 + N2O, CO2e) to CO2 of burning, adapted from IPCC 2006 Table 2.5


def fire_factors(forest_type: str, mean_age_years: float) -> tuple[Value, Value, Value]:
    """Default COMF_i, EF_CH4,i and EF_N2O,i of AR-TOOL08 section III.

    ``forest_type`` is tropical, temperate or boreal. The tropical combustion factors are given
    by mean age in whole years (3-5, 6-10, 11-17, 18+); a fractional age is taken in whole
    years (5.9 -> 5). Tropical forest younger than 3 years has no default.

    Examples
    --------
    >>> comf, ch4, n2o = fire_factors("tropical", 7)
    >>> float(comf.quantity), float(ch4.quantity.m_as("g CH4/kg"))
    (0.67, 6.8)
    >>> float(n2o.quantity.m_as("g N2O/kg"))
    0.2
    """
    t = data_table("ar_tool08_fire_factors.csv")
    lo = t.quantity("min_age", "yr").magnitude
    hi = t.quantity("max_age", "yr", allow_empty=True).magnitude
    comf = t.quantity("combustion_factor", "dimensionless").magnitude
    ch4, n2o = t.quantity("ef_ch4", "g CH4/kg"), t.quantity("ef_n2o", "g N2O/kg")
    age = math.floor(mean_age_years)
    for i in range(len(t)):
        if t.cells["forest_type"][i] == forest_type and lo[i] <= age and (
                np.isnan(hi[i]) or age <= hi[i]):
            src = f"{t.cells['source'][i]}, {forest_type}, age {age}"
            return (Value("COMF_i", Quantity(comf[i], ""), "default", src),
                    Value("EF_CH4,i", ch4[i], "default", src),
                    Value("EF_N2O,i", n2o[i], "default", src))
    raise DataNotFound("AR-TOOL08 gives no default fire factors", field="forest_type",
                       value=f"{forest_type}, mean age {mean_age_years}",
                       expected="tropical (3 years or older), temperate or boreal")


@equation(
    id="AR-TOOL08 (7)", document=TOOL08, symbol="GHG_FF_TREE,t",
    formula="GHG_FF_TREE,t = 0.001 × Σ_i A_BURN,i,t × b_TREE,i,tL × COMF_i × "
            "(EF_CH4,i × GWP_CH4 + EF_N2O,i × GWP_N2O)",
    source=f"{TOOL08}, para. 12, eq. (7)",
    inputs={"burnt_area": "ha", "tree_biomass": "t/ha", "combustion_factor": "dimensionless",
            "ef_ch4": "g CH4/kg", "gwp_ch4": "t CO2/(t CH4)", "ef_n2o": "g N2O/kg",
            "gwp_n2o": "t CO2/(t N2O)"},
    output="t CO2", description="Non-CO2 emissions from trees burnt in forest fires",
)
def forest_fire_tree_emissions(  # noqa: PLR0917 - the symbols of eq. (7)
    burnt_area: pint.Quantity, tree_biomass: pint.Quantity, combustion_factor: pint.Quantity,
    ef_ch4: pint.Quantity, gwp_ch4: pint.Quantity, ef_n2o: pint.Quantity,
    gwp_n2o: pint.Quantity,
) -> pint.Quantity:
    r"""CH4 and N2O from above-ground tree biomass burnt in forest fires, as CO2e.

    Parameters
    ----------
    burnt_area : Quantity
        A_BURN,i,t, area burnt in stratum i in year t [ha].
    tree_biomass : Quantity
        b_TREE,i,tL, above-ground tree biomass per hectare at the last verification before
        the fire; 0 where living trees do not burn [t/ha].
    combustion_factor : Quantity
        COMF_i [dimensionless].
    ef_ch4 : Quantity
        EF_CH4,i [g CH4/kg] of dry matter burnt.
    gwp_ch4 : Quantity
        GWP_CH4; 21 in this tool [t CO2/(t CH4)].
    ef_n2o : Quantity
        EF_N2O,i [g N2O/kg] of dry matter burnt.
    gwp_n2o : Quantity
        GWP_N2O; 310 in this tool [t CO2/(t N2O)].

    Returns
    -------
    Quantity
        GHG_FF_TREE,t [t CO2] (t CO2e), summed over strata (last axis); zero at the first
        verification (para. 12).

    Notes
    -----
    .. math:: GHG_{FF\_TREE,t} = 0.001 \sum_{i=1}^{M} A_{BURN,i,t} b_{TREE,i,t_L} COMF_i
       \left(EF_{CH4,i} GWP_{CH4} + EF_{N2O,i} GWP_{N2O}\right)  \tag{AR-TOOL08 (7)}

    The 0.001 converts t d.m. × g/kg to t of gas; pint performs it from the declared units.

    References
    ----------
    AR-TOOL08 v04.0.0, para. 12, equation (7); section III defaults.

    Examples
    --------
    0.001 × 5 × 40 × 0.45 × (4.7 × 21 + 0.26 × 310) = 16.137 t CO2e:

    >>> from ccer_calc.units import Quantity
    >>> e = forest_fire_tree_emissions(burnt_area=Quantity(5, "ha"),
    ...     tree_biomass=Quantity(40, "t/ha"), combustion_factor=Quantity(0.45, ""),
    ...     ef_ch4=Quantity(4.7, "g CH4/kg"), gwp_ch4=Quantity(21, "t CO2/(t CH4)"),
    ...     ef_n2o=Quantity(0.26, "g N2O/kg"), gwp_n2o=Quantity(310, "t CO2/(t N2O)"))
    >>> round(float(e.quantity.magnitude), 6)
    16.137
    """
    burnt = burnt_area * tree_biomass * combustion_factor
    return sum_last(burnt * (ef_ch4 * gwp_ch4 + ef_n2o * gwp_n2o))


@equation(
    id="AR-TOOL08 (8)", document=TOOL08, symbol="GHG_FF_DOM,t",
    formula="GHG_FF_DOM,t = 0.07 × Σ_i A_BURN,i,t × (C_DW,i,tL + C_LI,i,tL)",
    source=f"{TOOL08}, para. 13, eq. (8)",
    inputs={"burnt_area": "ha", "dead_wood_per_ha": "t CO2/ha", "litter_per_ha": "t CO2/ha"},
    output="t CO2", description="Non-CO2 emissions from dead organic matter burnt in fires",
)
def forest_fire_dom_emissions(
    burnt_area: pint.Quantity, dead_wood_per_ha: pint.Quantity, litter_per_ha: pint.Quantity,
) -> pint.Quantity:
    r"""Non-CO2 emissions of dead wood and litter burnt in forest fires.

    Parameters
    ----------
    burnt_area : Quantity
        A_BURN,i,t [ha].
    dead_wood_per_ha : Quantity
        C_DW,i,tL per hectare at the last verification before the fire [t CO2/ha].
    litter_per_ha : Quantity
        C_LI,i,tL per hectare at the last verification before the fire [t CO2/ha].

    Returns
    -------
    Quantity
        GHG_FF_DOM,t [t CO2] (t CO2e), summed over strata (last axis); zero where dead
        organic matter is not accounted and for the first verification period (para. 13).

    Notes
    -----
    .. math:: GHG_{FF\_DOM,t} = 0.07 \sum_{i=1}^{M} A_{BURN,i,t}
       \left(C_{DW,i,t_L} + C_{LI,i,t_L}\right)  \tag{AR-TOOL08 (8)}

    The stocks are per hectare (see the module note). The tool's assumption that 60 % of dead
    organic matter burns (para. 4(b)) does not appear in eq. (8) and is not applied.

    References
    ----------
    AR-TOOL08 v04.0.0, para. 13, equation (8).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> e = forest_fire_dom_emissions(burnt_area=Quantity(5, "ha"),
    ...     dead_wood_per_ha=Quantity(12, "t CO2/ha"), litter_per_ha=Quantity(8, "t CO2/ha"))
    >>> round(float(e.quantity.magnitude), 6)
    7.0
    """
    return _RATIO * sum_last(burnt_area * (dead_wood_per_ha + litter_per_ha))


@equation(
    id="AR-TOOL08 (6)", document=TOOL08, symbol="GHG_FF,t",
    formula="GHG_FF,t = GHG_FF_TREE,t + GHG_FF_DOM,t", source=f"{TOOL08}, para. 11, eq. (6)",
    inputs={"tree_emissions": "t CO2", "dom_emissions": "t CO2"}, output="t CO2",
    description="Non-CO2 emissions from forest fires",
)
def forest_fire_emissions(tree_emissions: pint.Quantity, dom_emissions: pint.Quantity
                          ) -> pint.Quantity:
    r"""Forest-fire emissions from trees and dead organic matter.

    Parameters
    ----------
    tree_emissions : Quantity
        GHG_FF_TREE,t [t CO2].
    dom_emissions : Quantity
        GHG_FF_DOM,t [t CO2].

    Returns
    -------
    Quantity
        GHG_FF,t [t CO2] (t CO2e).

    Notes
    -----
    .. math:: GHG_{FF,t} = GHG_{FF\_TREE,t} + GHG_{FF\_DOM,t}  \tag{AR-TOOL08 (6)}

    References
    ----------
    AR-TOOL08 v04.0.0, para. 11, equation (6).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> e = forest_fire_emissions(tree_emissions=Quantity(16.137, "t CO2"),
    ...                           dom_emissions=Quantity(7.0, "t CO2"))
    >>> round(float(e.quantity.magnitude), 6)
    23.137
    """
    return tree_emissions + dom_emissions
