"""AR-TOOL14 v04.2 section 8.1.1: tree carbon stock by stratified random sampling, eq. (12)-(17).

Plot biomass values (App. 1) are averaged per stratum (eq. 16) with their sample variance
(eq. 17), weighted by stratum area (eq. 14), scaled to the strata (eq. 13) and converted to
carbon dioxide (eq. 12); the uncertainty of the stock (eq. 15) is the two-sided 90 % Student t
value with n - M degrees of freedom times the standard error of the weighted mean, divided by
the mean. Where it exceeds 10 % the stock is discounted by Appendix 2
(:mod:`.tool14_discount`).
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry._common import (
    CO2_PER_CARBON,
    TOOL14,
    area_weights,
    count,
    group_count,
    group_index,
    stratum_means,
    stratum_variances,
    sum_last,
)
from ccer_calc.tools.forestry.student_t import two_sided_t_value
from ccer_calc.units import Quantity

__all__ = [
    "mean_biomass_per_hectare",
    "plots_per_stratum",
    "sampling_t_value",
    "stock_uncertainty",
    "stratum_biomass_variance",
    "stratum_mean_biomass",
    "total_tree_biomass",
    "tree_carbon_stock",
]

_S811 = f"{TOOL14}, section 8.1.1"


def plots_per_stratum(plot_stratum: pint.Quantity, stratum_count: int) -> Value:
    """n_i, the number of sample plots of each stratum, as a computed :class:`Value`.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> plots_per_stratum(Quantity(np.array([0, 0, 1, 1, 1]), ""), 2).quantity.magnitude
    array([2, 3])
    """
    idx = group_index(plot_stratum, "plot_stratum", stratum_count)
    return Value("n_i", Quantity(group_count(idx, stratum_count), ""), "computed",
                 "number of sample plots in each stratum")


def sampling_t_value(plot_count: int, stratum_count: int, confidence: float = 0.90) -> Value:
    """t_VAL: two-sided Student t at ``confidence`` with df = n - M, as a computed Value.

    Examples
    --------
    >>> t = sampling_t_value(11, 2)
    >>> round(float(t.quantity.magnitude), 4), t.ref
    (1.8331, 'two-sided Student t, 90 % confidence, df = n - M = 11 - 2 = 9')
    """
    df = plot_count - stratum_count
    t = two_sided_t_value(confidence, df)
    return Value("t_VAL", Quantity(np.float64(t), ""), "computed",
                 f"two-sided Student t, {confidence * 100:g} % confidence, "
                 f"df = n - M = {plot_count} - {stratum_count} = {df}")


@equation(
    id="AR-TOOL14 (16)", document=TOOL14, symbol="b_TREE,i",
    formula="b_TREE,i = Σ_p b_TREE,p,i / n_i", source=f"{_S811}, para. 36, eq. (16)",
    inputs={"plot_biomass": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t/ha", description="Mean tree biomass per hectare in each stratum",
)
def stratum_mean_biomass(
    plot_biomass: pint.Quantity, plot_stratum: pint.Quantity, stratum_count: pint.Quantity
) -> pint.Quantity:
    r"""Mean of the plot biomass values of each stratum.

    Parameters
    ----------
    plot_biomass : Quantity
        b_TREE,p,i of each plot [t/ha].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata M [dimensionless].

    Returns
    -------
    Quantity
        b_TREE,i, one value per stratum [t/ha].

    Notes
    -----
    .. math:: b_{TREE,i} = \frac{\sum_{p=1}^{n_i} b_{TREE,p,i}}{n_i}  \tag{AR-TOOL14 (16)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 36, equation (16).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = stratum_mean_biomass(plot_biomass=Quantity(np.array([30., 52., 12., 31.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 1, 1]), ""), stratum_count=Quantity(2, ""))
    >>> b.quantity.magnitude.round(6).tolist()
    [41.0, 21.5]
    """
    m = count(stratum_count, "stratum_count")
    return stratum_means(plot_biomass, group_index(plot_stratum, "plot_stratum", m), m)


@equation(
    id="AR-TOOL14 (17)", document=TOOL14, symbol="s²_i",
    formula="s²_i = [n_i × Σ_p b²_TREE,p,i − (Σ_p b_TREE,p,i)²] / [n_i × (n_i − 1)]",
    source=f"{_S811}, para. 36, eq. (17)",
    inputs={"plot_biomass": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t^2/ha^2", description="Variance of the plot biomass values in each stratum",
)
def stratum_biomass_variance(
    plot_biomass: pint.Quantity, plot_stratum: pint.Quantity, stratum_count: pint.Quantity
) -> pint.Quantity:
    r"""Sample variance of the plot biomass values of each stratum.

    Parameters
    ----------
    plot_biomass : Quantity
        b_TREE,p,i of each plot [t/ha].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata M [dimensionless].

    Returns
    -------
    Quantity
        s²_i [t^2/ha^2]; a stratum needs at least two plots.

    Notes
    -----
    .. math:: s^2_i = \frac{n_i \sum_p b^2_{TREE,p,i} - \left(\sum_p b_{TREE,p,i}\right)^2}
       {n_i (n_i - 1)}  \tag{AR-TOOL14 (17)}

    The tool calls s²_i the "variance of mean"; the formula is the sample variance of the plot
    values, and eq. (15) divides it by n_i. It is evaluated in the algebraically identical
    centred form, which loses no digits to cancellation.

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 36, equation (17).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s2 = stratum_biomass_variance(
    ...     plot_biomass=Quantity(np.array([30., 52., 12., 31.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 1, 1]), ""), stratum_count=Quantity(2, ""))
    >>> s2.quantity.magnitude.round(6).tolist()
    [242.0, 180.5]
    """
    m = count(stratum_count, "stratum_count")
    return stratum_variances(plot_biomass, group_index(plot_stratum, "plot_stratum", m), m)


@equation(
    id="AR-TOOL14 (14)", document=TOOL14, symbol="b_TREE",
    formula="b_TREE = Σ_i w_i × b_TREE,i ; w_i = A_i / A", source=f"{_S811}, para. 35, eq. (14)",
    inputs={"stratum_area": "ha", "stratum_mean": "t/ha"}, output="t/ha",
    description="Mean tree biomass per hectare over the strata",
)
def mean_biomass_per_hectare(
    stratum_area: pint.Quantity, stratum_mean: pint.Quantity
) -> pint.Quantity:
    r"""Area-weighted mean of the stratum means.

    Parameters
    ----------
    stratum_area : Quantity
        A_i of each stratum [ha].
    stratum_mean : Quantity
        b_TREE,i of each stratum [t/ha].

    Returns
    -------
    Quantity
        b_TREE [t/ha].

    Notes
    -----
    .. math:: b_{TREE} = \sum_{i=1}^{M} w_i \times b_{TREE,i}, \quad w_i = A_i / A
       \tag{AR-TOOL14 (14)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 35, equation (14).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = mean_biomass_per_hectare(stratum_area=Quantity(np.array([60., 40.]), "ha"),
    ...                              stratum_mean=Quantity(np.array([41., 21.5]), "t/ha"))
    >>> round(float(b.quantity.magnitude), 6)
    33.2
    """
    w = area_weights(stratum_area)
    return sum_last(w * stratum_mean)


@equation(
    id="AR-TOOL14 (13)", document=TOOL14, symbol="B_TREE",
    formula="B_TREE = A × b_TREE ; A = Σ_i A_i", source=f"{_S811}, para. 35, eq. (13)",
    inputs={"stratum_area": "ha", "mean_biomass": "t/ha"}, output="t",
    description="Tree biomass in the tree biomass estimation strata",
)
def total_tree_biomass(stratum_area: pint.Quantity, mean_biomass: pint.Quantity) -> pint.Quantity:
    r"""Tree biomass of the strata: their total area times the mean biomass per hectare.

    Parameters
    ----------
    stratum_area : Quantity
        A_i of each stratum; A is their sum [ha].
    mean_biomass : Quantity
        b_TREE [t/ha].

    Returns
    -------
    Quantity
        B_TREE [t] (t d.m.).

    Notes
    -----
    .. math:: B_{TREE} = A \times b_{TREE}  \tag{AR-TOOL14 (13)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 35, equation (13).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = total_tree_biomass(stratum_area=Quantity(np.array([60., 40.]), "ha"),
    ...                        mean_biomass=Quantity(33.2, "t/ha"))
    >>> round(float(b.quantity.magnitude), 6)
    3320.0
    """
    return sum_last(stratum_area) * mean_biomass


@equation(
    id="AR-TOOL14 (12)", document=TOOL14, symbol="C_TREE",
    formula="C_TREE = 44/12 × CF_TREE × B_TREE", source=f"{_S811}, para. 35, eq. (12)",
    inputs={"carbon_fraction": "t C/t", "tree_biomass": "t"}, output="t CO2",
    description="Carbon stock in trees in the tree biomass estimation strata",
)
def tree_carbon_stock(carbon_fraction: pint.Quantity, tree_biomass: pint.Quantity
                      ) -> pint.Quantity:
    r"""Tree biomass converted to carbon dioxide.

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE [t C/t]; 0.47 unless justified otherwise.
    tree_biomass : Quantity
        B_TREE [t] (t d.m.).

    Returns
    -------
    Quantity
        C_TREE [t CO2] (t CO2e).

    Notes
    -----
    .. math:: C_{TREE} = \frac{44}{12} \times CF_{TREE} \times B_{TREE}  \tag{AR-TOOL14 (12)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 35, equation (12).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = tree_carbon_stock(carbon_fraction=Quantity(0.47, "t C/t"),
    ...                       tree_biomass=Quantity(3000, "t"))
    >>> round(float(c.quantity.magnitude), 6)
    5170.0
    """
    return CO2_PER_CARBON * carbon_fraction * tree_biomass


@equation(
    id="AR-TOOL14 (15)", document=TOOL14, symbol="u_C",
    formula="u_C = t_VAL × √(Σ_i w_i² × s²_i / n_i) / b_TREE",
    source=f"{_S811}, para. 35, eq. (15)",
    inputs={"t_value": "dimensionless", "stratum_area": "ha", "stratum_variance": "t^2/ha^2",
            "plots_per_stratum": "dimensionless", "mean_biomass": "t/ha"},
    output="dimensionless", description="Uncertainty of the tree carbon stock",
)
def stock_uncertainty(
    t_value: pint.Quantity, stratum_area: pint.Quantity, stratum_variance: pint.Quantity,
    plots_per_stratum: pint.Quantity, mean_biomass: pint.Quantity,
) -> pint.Quantity:
    r"""Half-width of the 90 % confidence interval of b_TREE relative to b_TREE.

    Parameters
    ----------
    t_value : Quantity
        t_VAL, two-sided Student t at 90 % with n - M degrees of freedom [dimensionless].
    stratum_area : Quantity
        A_i [ha].
    stratum_variance : Quantity
        s²_i [t^2/ha^2].
    plots_per_stratum : Quantity
        n_i [dimensionless].
    mean_biomass : Quantity
        b_TREE [t/ha].

    Returns
    -------
    Quantity
        u_C as a fraction [dimensionless] (0.0818 = 8.18 %).

    Notes
    -----
    .. math:: u_C = \frac{t_{VAL} \times \sqrt{\sum_{i=1}^{M} w_i^2 \times s_i^2 / n_i}}
       {b_{TREE}}  \tag{AR-TOOL14 (15)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.1, para. 35, equation (15); definition of uncertainty in
    para. 6(a) (its worked example: mean 45.328, s 12.776, n 34 gives 8.18 %).

    Examples
    --------
    The tool's own example (para. 6(a)), one stratum: t(0.95, 33) = 1.6924.

    >>> from ccer_calc.units import Quantity
    >>> u = stock_uncertainty(t_value=Quantity(1.692360309, ""),
    ...     stratum_area=Quantity([1.0], "ha"), stratum_variance=Quantity([12.776**2], "t^2/ha^2"),
    ...     plots_per_stratum=Quantity([34], ""), mean_biomass=Quantity(45.328, "t/ha"))
    >>> round(float(u.quantity.magnitude) * 100, 2)
    8.18
    """
    w = area_weights(stratum_area)
    sem = np.sqrt(sum_last(w ** 2 * stratum_variance / plots_per_stratum))
    return t_value * sem / mean_biomass
