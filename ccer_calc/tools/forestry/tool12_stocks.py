"""AR-TOOL12 v03.1 sections 6.1-6.3 and 8: dead wood of strata and of the project, and its change.

Measured plot components (:mod:`.tool12_deadwood`) are expanded to each stratum by the ratio of
its area to its total plot area (eq. 7) and summed (eq. 8). Instead of measuring, dead wood may
be taken as a conservative default share of the tree carbon of the stratum (eq. 9) where dead
wood stays in situ (para. 33). The change between two estimates is linear (eq. 10, 11).

Also here: the default shares DF_DW and DF_LI of the tool's section 8 tables (data file
``ar_tool12_default_fractions.csv``) and the reduction factors of paras. 14 and 24.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry._common import TOOL12, expand_to_strata, per_year, sum_last
from ccer_calc.tools.forestry.defaults import data_table, tool_default
from ccer_calc.units import Quantity

__all__ = [
    "annual_dead_wood_change",
    "biomass_reduction_factor",
    "dead_wood_change_rate",
    "dead_wood_default_factor",
    "dead_wood_stock",
    "default_fractions",
    "density_reduction_factor",
    "stratum_dead_wood",
]

_DECAY = {"sound": "density_reduction_sound", "intermediate": "density_reduction_intermediate",
          "rotten": "density_reduction_rotten"}


def default_fractions(biome: str, elevation_m: float, precipitation_mm: float
                      ) -> tuple[Value, Value]:
    """DF_DW and DF_LI of AR-TOOL12 v03.1 section 8.1, tables 5 and 6, as default Values.

    ``biome`` is ``tropical`` or ``temperate_boreal``. The tables' classes are "< 2000 m" and
    "> 2000 m" of elevation, "< 1000", "1000-1600" and "> 1600" mm/yr of precipitation; an
    elevation of exactly 2000 m is put in the upper class and precipitation of exactly 1000 or
    1600 mm in the middle one (the tables leave these edges open).

    Examples
    --------
    >>> dw, li = default_fractions("tropical", 300, 1800)
    >>> float(dw.quantity.m_as("%")), float(li.quantity.m_as("%"))
    (6.0, 1.0)
    """
    if biome == "temperate_boreal":
        key = ("temperate_boreal", "all", "all")
    elif biome == "tropical":
        elev = "below_2000m" if elevation_m < 2000 else "above_2000m"  # noqa: PLR2004
        if elev == "above_2000m":
            key = ("tropical", elev, "all")
        elif precipitation_mm < 1000:  # noqa: PLR2004 - the table's class bounds
            key = ("tropical", elev, "below_1000mm")
        elif precipitation_mm <= 1600:  # noqa: PLR2004
            key = ("tropical", elev, "1000_1600mm")
        else:
            key = ("tropical", elev, "above_1600mm")
    else:
        raise DataNotFound("unknown biome for AR-TOOL12 default factors", field="biome",
                           value=biome, expected="tropical or temperate_boreal")
    t = data_table("ar_tool12_default_fractions.csv")
    dw, li = t.quantity("dead_wood", "%"), t.quantity("litter", "%")
    for i in range(len(t)):
        if (t.cells["biome"][i], t.cells["elevation"][i], t.cells["precipitation"][i]) == key:
            src = f"{t.cells['source'][i]}, row {'/'.join(key)}"
            return (Value("DF_DW", dw[i], "default", src), Value("DF_LI", li[i], "default", src))
    raise DataNotFound("no default factor row", field="biome", value=key)  # pragma: no cover


def biomass_reduction_factor(dead_class: Sequence[int] | np.ndarray[Any, Any]) -> Value:
    """alpha_k per dead tree from its class code (1: 0.975, 2: 0.80; para. 14).

    Examples
    --------
    >>> biomass_reduction_factor([1, 2, 1]).quantity.magnitude.tolist()
    [0.975, 0.8, 0.975]
    """
    codes = np.asarray(dead_class)
    bad = np.flatnonzero((codes != 1) & (codes != 2))  # noqa: PLR2004 - the two classes
    if bad.size:
        raise InputError("dead tree has no class of AR-TOOL12 para. 14", field="dead_class",
                         value=int(codes[bad[0]]),
                         expected="1 (lost leaves and twigs) or 2 (also small branches); "
                                  "other dead trees are measured as stumps")
    a = tool_default("AR-TOOL12", "biomass_reduction_leaves_twigs").quantity.m_as("")
    b = tool_default("AR-TOOL12", "biomass_reduction_small_branches").quantity.m_as("")
    return Value("alpha_k", Quantity(np.where(codes == 1, a, b), ""), "default",
                 "AR-TOOL12 v03.1 para. 14")


def density_reduction_factor(decay_class: Sequence[str]) -> Value:
    """beta_k per stump or piece from its decay class (para. 24: 1.00, 0.80, 0.45).

    Examples
    --------
    >>> density_reduction_factor(["sound", "rotten"]).quantity.magnitude.tolist()
    [1.0, 0.45]
    """
    out = np.empty(len(decay_class))
    for k, c in enumerate(decay_class):
        if c not in _DECAY:
            raise InputError("unknown decay class", field=f"decay_class[{k}]", value=c,
                             expected="sound, intermediate or rotten (AR-TOOL12 para. 23)")
        out[k] = tool_default("AR-TOOL12", _DECAY[c]).quantity.m_as("")
    return Value("beta_k", Quantity(out, ""), "default", "AR-TOOL12 v03.1 para. 24")


@equation(
    id="AR-TOOL12 (7)", document=TOOL12, symbol="C_DW,i,t",
    formula="C_DW,i,t = A_i / A_PLOT,i × Σ_p Σ_j (C_DWS_TREE,j,p,i,t + C_DWS_STUMP,j,p,i,t "
            "+ C_DWL,j,p,i,t)",
    source=f"{TOOL12}, section 6.1.2, para. 31, eq. (7)",
    inputs={"standing_trees": "t CO2", "stumps": "t CO2", "lying": "t CO2",
            "plot_stratum": "dimensionless", "plot_area": "ha", "stratum_area": "ha"},
    output="t CO2", description="Carbon in dead wood of each stratum from its plots",
)
def stratum_dead_wood(  # noqa: PLR0917 - the three components and the expansion
    standing_trees: pint.Quantity, stumps: pint.Quantity, lying: pint.Quantity,
    plot_stratum: pint.Quantity, plot_area: pint.Quantity, stratum_area: pint.Quantity,
) -> pint.Quantity:
    r"""Plot dead wood of each stratum expanded by stratum area over total plot area.

    Parameters
    ----------
    standing_trees : Quantity
        C_DWS_TREE,j,p,i,t, shape (plots, species) [t CO2].
    stumps : Quantity
        C_DWS_STUMP,j,p,i,t, shape (plots, species) [t CO2].
    lying : Quantity
        C_DWL,j,p,i,t, shape (plots, species) [t CO2].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    plot_area : Quantity
        Area of each plot; A_PLOT,i is their sum per stratum [ha].
    stratum_area : Quantity
        A_i [ha].

    Returns
    -------
    Quantity
        C_DW,i,t of each stratum [t CO2].

    Notes
    -----
    .. math:: C_{DW,i,t} = \frac{A_i}{A_{PLOT,i}} \sum_p \sum_j \left(C_{DWS\_TREE,j,p,i,t}
       + C_{DWS\_STUMP,j,p,i,t} + C_{DWL,j,p,i,t}\right)  \tag{AR-TOOL12 (7)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.2, para. 31, equation (7).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = stratum_dead_wood(standing_trees=Quantity(np.array([[0.5], [0.3]]), "t CO2"),
    ...     stumps=Quantity(np.array([[0.1], [0.0]]), "t CO2"),
    ...     lying=Quantity(np.array([[0.2], [0.1]]), "t CO2"),
    ...     plot_stratum=Quantity(np.array([0, 0]), ""),
    ...     plot_area=Quantity(np.array([0.05, 0.05]), "ha"),
    ...     stratum_area=Quantity(np.array([40.0]), "ha"))
    >>> c.quantity.magnitude.round(6).tolist()
    [480.0]
    """
    per_plot = sum_last(standing_trees + stumps + lying)
    return expand_to_strata(per_plot, plot_stratum, plot_area, stratum_area)


@equation(
    id="AR-TOOL12 (8)", document=TOOL12, symbol="C_DW,t",
    formula="C_DW,t = Σ_i C_DW,i,t", source=f"{TOOL12}, section 6.1.2, para. 32, eq. (8)",
    inputs={"stratum_dead_wood": "t CO2"}, output="t CO2",
    description="Carbon in dead wood within the project boundary",
)
def dead_wood_stock(stratum_dead_wood: pint.Quantity) -> pint.Quantity:
    r"""Sum of the stratum dead-wood stocks (last axis).

    Parameters
    ----------
    stratum_dead_wood : Quantity
        C_DW,i,t [t CO2].

    Returns
    -------
    Quantity
        C_DW,t [t CO2].

    Notes
    -----
    .. math:: C_{DW,t} = \sum_i C_{DW,i,t}  \tag{AR-TOOL12 (8)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.2, para. 32, equation (8).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = dead_wood_stock(stratum_dead_wood=Quantity(np.array([480., 20.]), "t CO2"))
    >>> round(float(c.quantity.magnitude), 6)
    500.0
    """
    return sum_last(stratum_dead_wood)


@equation(
    id="AR-TOOL12 (9)", document=TOOL12, symbol="C_DW,i,t",
    formula="C_DW,i,t = C_TREE,i,t × DF_DW", source=f"{TOOL12}, section 6.2, para. 34, eq. (9)",
    inputs={"tree_carbon": "t CO2", "default_factor": "dimensionless"}, output="t CO2",
    description="Carbon in dead wood of a stratum by the conservative default factor",
)
def dead_wood_default_factor(tree_carbon: pint.Quantity, default_factor: pint.Quantity
                             ) -> pint.Quantity:
    r"""Dead wood as a default share of the stratum's tree carbon (dead wood left in situ).

    Parameters
    ----------
    tree_carbon : Quantity
        C_TREE,i,t from AR-TOOL14 [t CO2].
    default_factor : Quantity
        DF_DW, from :func:`default_fractions`; a value in % is converted [dimensionless].

    Returns
    -------
    Quantity
        C_DW,i,t [t CO2].

    Notes
    -----
    .. math:: C_{DW,i,t} = C_{TREE,i,t} \times DF_{DW}  \tag{AR-TOOL12 (9)}

    Applicable only where dead wood remains in situ and is not removed (para. 33).

    References
    ----------
    AR-TOOL12 v03.1, section 6.2, paras. 33-35, equation (9); section 8.1, table 5.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = dead_wood_default_factor(tree_carbon=Quantity(5000, "t CO2"),
    ...                              default_factor=Quantity(8, "%"))
    >>> round(float(c.quantity.magnitude), 6)
    400.0
    """
    return tree_carbon * default_factor


@equation(
    id="AR-TOOL12 (10)", document=TOOL12, symbol="dC_DW,(t1,t2)",
    formula="dC_DW,(t1,t2) = (C_DW,t2 − C_DW,t1) / T",
    source=f"{TOOL12}, section 6.3, para. 36, eq. (10)",
    inputs={"stock_t2": "t CO2", "stock_t1": "t CO2", "elapsed_time": "yr"},
    output="t CO2/yr", description="Rate of change of dead-wood carbon between two estimates",
)
def dead_wood_change_rate(
    stock_t2: pint.Quantity, stock_t1: pint.Quantity, elapsed_time: pint.Quantity
) -> pint.Quantity:
    r"""Linear rate of change of the dead-wood stock.

    Parameters
    ----------
    stock_t2 : Quantity
        C_DW,t2 [t CO2].
    stock_t1 : Quantity
        C_DW,t1 [t CO2].
    elapsed_time : Quantity
        T = t2 - t1, fractional where the two dates are in different months [yr].

    Returns
    -------
    Quantity
        dC_DW,(t1,t2) [t CO2/yr].

    Notes
    -----
    .. math:: dC_{DW,(t_1,t_2)} = \frac{C_{DW,t_2} - C_{DW,t_1}}{T}  \tag{AR-TOOL12 (10)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.3, para. 36, equation (10); data/parameter table 15 (T).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = dead_wood_change_rate(stock_t2=Quantity(500, "t CO2"),
    ...     stock_t1=Quantity(100, "t CO2"), elapsed_time=Quantity(5, "yr"))
    >>> round(float(r.quantity.magnitude), 6)
    80.0
    """
    return per_year(stock_t2 - stock_t1, elapsed_time)


@equation(
    id="AR-TOOL12 (11)", document=TOOL12, symbol="ΔC_DW,t",
    formula="ΔC_DW,t = dC_DW,(t1,t2) × 1 year for t1 ≤ t ≤ t2",
    source=f"{TOOL12}, section 6.3, para. 37, eq. (11)",
    inputs={"change_rate": "t CO2/yr"}, output="t CO2",
    description="Change in dead-wood carbon in a year",
)
def annual_dead_wood_change(change_rate: pint.Quantity) -> pint.Quantity:
    r"""Change in dead-wood carbon in each year between the two estimates.

    Parameters
    ----------
    change_rate : Quantity
        dC_DW,(t1,t2) [t CO2/yr].

    Returns
    -------
    Quantity
        ΔC_DW,t [t CO2].

    Notes
    -----
    .. math:: \Delta C_{DW,t} = dC_{DW,(t_1,t_2)} \times 1\,\text{year}  \tag{AR-TOOL12 (11)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.3, para. 37, equation (11).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = annual_dead_wood_change(change_rate=Quantity(80, "t CO2/yr"))
    >>> round(float(d.quantity.magnitude), 6)
    80.0
    """
    return change_rate * Quantity(1.0, "yr")
