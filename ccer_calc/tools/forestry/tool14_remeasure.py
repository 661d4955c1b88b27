"""AR-TOOL14 v04.2 section 6.2: change in tree carbon by re-measurement of sample plots.

Applicable ex-post only (para. 19): the same plots are measured on two occasions; the plot
changes (para. 19) are averaged per stratum with their variance (eq. 7-8), weighted by area
(eq. 5), scaled to the strata (eq. 4) and converted to carbon dioxide (eq. 3); the uncertainty
of the change (eq. 6) uses the two-sided 90 % t value with n - M degrees of freedom. Above 10 %
the change is discounted by Appendix 2 (para. 22).
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import (
    CO2_PER_CARBON,
    TOOL14,
    area_weights,
    count,
    group_index,
    stratum_means,
    stratum_variances,
    sum_last,
)

__all__ = [
    "biomass_change",
    "carbon_stock_change_remeasured",
    "change_uncertainty_remeasured",
    "mean_biomass_change",
    "plot_biomass_change",
    "stratum_biomass_change_variance",
    "stratum_mean_biomass_change",
]


@equation(
    id="AR-TOOL14 para. 19", document=TOOL14, symbol="Δb_TREE,p,i",
    formula="Δb_TREE,p,i = b_TREE,p,i,t2 − b_TREE,p,i,t1",
    source=f"{TOOL14}, section 6.2, para. 19",
    inputs={"plot_biomass_t2": "t/ha", "plot_biomass_t1": "t/ha"}, output="t/ha",
    description="Change in the biomass per hectare of each re-measured plot",
)
def plot_biomass_change(plot_biomass_t2: pint.Quantity, plot_biomass_t1: pint.Quantity
                        ) -> pint.Quantity:
    r"""Plot biomass on the second occasion minus that on the first, plot by plot.

    Parameters
    ----------
    plot_biomass_t2 : Quantity
        b_TREE,p,i at the second measurement [t/ha].
    plot_biomass_t1 : Quantity
        b_TREE,p,i of the same plots at the first measurement [t/ha].

    Returns
    -------
    Quantity
        Δb_TREE,p,i [t/ha].

    Notes
    -----
    .. math:: \Delta b_{TREE,p,i} = b_{TREE,p,i,t_2} - b_{TREE,p,i,t_1}
       \tag{AR-TOOL14 para. 19}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 19 (the method applies ex-post only).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = plot_biomass_change(plot_biomass_t2=Quantity(np.array([50., 61.]), "t/ha"),
    ...                         plot_biomass_t1=Quantity(np.array([40., 45.]), "t/ha"))
    >>> d.quantity.magnitude.round(6).tolist()
    [10.0, 16.0]
    """
    return plot_biomass_t2 - plot_biomass_t1


@equation(
    id="AR-TOOL14 (7)", document=TOOL14, symbol="Δb_TREE,i",
    formula="Δb_TREE,i = Σ_p Δb_TREE,p,i / n_i", source=f"{TOOL14}, section 6.2, para. 21, eq. (7)",
    inputs={"plot_biomass_change": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t/ha", description="Mean change in tree biomass per hectare in each stratum",
)
def stratum_mean_biomass_change(
    plot_biomass_change: pint.Quantity, plot_stratum: pint.Quantity,
    stratum_count: pint.Quantity,
) -> pint.Quantity:
    r"""Mean of the plot changes of each stratum.

    Parameters
    ----------
    plot_biomass_change : Quantity
        Δb_TREE,p,i of each re-measured plot [t/ha].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata M [dimensionless].

    Returns
    -------
    Quantity
        Δb_TREE,i [t/ha].

    Notes
    -----
    .. math:: \Delta b_{TREE,i} = \frac{\sum_{p=1}^{n_i} \Delta b_{TREE,p,i}}{n_i}
       \tag{AR-TOOL14 (7)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 21, equation (7).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = stratum_mean_biomass_change(
    ...     plot_biomass_change=Quantity(np.array([10., 16., 4., 6.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 1, 1]), ""), stratum_count=Quantity(2, ""))
    >>> d.quantity.magnitude.round(6).tolist()
    [13.0, 5.0]
    """
    m = count(stratum_count, "stratum_count")
    return stratum_means(plot_biomass_change, group_index(plot_stratum, "plot_stratum", m), m)


@equation(
    id="AR-TOOL14 (8)", document=TOOL14, symbol="s²_Δ,i",
    formula="s²_Δ,i = [n_i × Σ_p Δb²_TREE,p,i − (Σ_p Δb_TREE,p,i)²] / [n_i × (n_i − 1)]",
    source=f"{TOOL14}, section 6.2, para. 21, eq. (8)",
    inputs={"plot_biomass_change": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t^2/ha^2", description="Variance of the plot biomass changes in each stratum",
)
def stratum_biomass_change_variance(
    plot_biomass_change: pint.Quantity, plot_stratum: pint.Quantity,
    stratum_count: pint.Quantity,
) -> pint.Quantity:
    r"""Sample variance of the plot changes of each stratum.

    Parameters
    ----------
    plot_biomass_change : Quantity
        Δb_TREE,p,i [t/ha].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata M [dimensionless].

    Returns
    -------
    Quantity
        s²_Δ,i [t^2/ha^2].

    Notes
    -----
    .. math:: s^2_{\Delta,i} = \frac{n_i \sum_p \Delta b^2_{TREE,p,i}
       - \left(\sum_p \Delta b_{TREE,p,i}\right)^2}{n_i (n_i - 1)}  \tag{AR-TOOL14 (8)}

    As for eq. (17): the sample variance of the plot values, which eq. (6) divides by n_i;
    evaluated in the centred form.

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 21, equation (8).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s2 = stratum_biomass_change_variance(
    ...     plot_biomass_change=Quantity(np.array([10., 16., 4., 6.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 1, 1]), ""), stratum_count=Quantity(2, ""))
    >>> s2.quantity.magnitude.round(6).tolist()
    [18.0, 2.0]
    """
    m = count(stratum_count, "stratum_count")
    return stratum_variances(plot_biomass_change, group_index(plot_stratum, "plot_stratum", m),
                             m)


@equation(
    id="AR-TOOL14 (5)", document=TOOL14, symbol="Δb_TREE",
    formula="Δb_TREE = Σ_i w_i × Δb_TREE,i ; w_i = A_i / A",
    source=f"{TOOL14}, section 6.2, para. 20, eq. (5)",
    inputs={"stratum_area": "ha", "stratum_mean_change": "t/ha"}, output="t/ha",
    description="Mean change in tree biomass per hectare over the strata",
)
def mean_biomass_change(stratum_area: pint.Quantity, stratum_mean_change: pint.Quantity
                        ) -> pint.Quantity:
    r"""Area-weighted mean of the stratum mean changes.

    Parameters
    ----------
    stratum_area : Quantity
        A_i [ha].
    stratum_mean_change : Quantity
        Δb_TREE,i [t/ha].

    Returns
    -------
    Quantity
        Δb_TREE [t/ha].

    Notes
    -----
    .. math:: \Delta b_{TREE} = \sum_{i=1}^{M} w_i \times \Delta b_{TREE,i}
       \tag{AR-TOOL14 (5)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 20, equation (5).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = mean_biomass_change(stratum_area=Quantity(np.array([60., 40.]), "ha"),
    ...                         stratum_mean_change=Quantity(np.array([13., 5.]), "t/ha"))
    >>> round(float(d.quantity.magnitude), 6)
    9.8
    """
    w = area_weights(stratum_area)
    return sum_last(w * stratum_mean_change)


@equation(
    id="AR-TOOL14 (4)", document=TOOL14, symbol="ΔB_TREE",
    formula="ΔB_TREE = A × Δb_TREE ; A = Σ_i A_i",
    source=f"{TOOL14}, section 6.2, para. 20, eq. (4)",
    inputs={"stratum_area": "ha", "mean_biomass_change": "t/ha"}, output="t",
    description="Change in tree biomass within the biomass estimation strata",
)
def biomass_change(stratum_area: pint.Quantity, mean_biomass_change: pint.Quantity
                   ) -> pint.Quantity:
    r"""Change in tree biomass of the strata.

    Parameters
    ----------
    stratum_area : Quantity
        A_i; A is their sum [ha].
    mean_biomass_change : Quantity
        Δb_TREE [t/ha].

    Returns
    -------
    Quantity
        ΔB_TREE [t] (t d.m.).

    Notes
    -----
    .. math:: \Delta B_{TREE} = A \times \Delta b_{TREE}  \tag{AR-TOOL14 (4)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 20, equation (4).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = biomass_change(stratum_area=Quantity(np.array([60., 40.]), "ha"),
    ...                    mean_biomass_change=Quantity(9.8, "t/ha"))
    >>> round(float(d.quantity.magnitude), 6)
    980.0
    """
    return sum_last(stratum_area) * mean_biomass_change


@equation(
    id="AR-TOOL14 (3)", document=TOOL14, symbol="ΔC_TREE",
    formula="ΔC_TREE = 44/12 × CF_TREE × ΔB_TREE",
    source=f"{TOOL14}, section 6.2, para. 20, eq. (3)",
    inputs={"carbon_fraction": "t C/t", "biomass_change": "t"}, output="t CO2",
    description="Change in tree carbon from re-measured plots",
)
def carbon_stock_change_remeasured(carbon_fraction: pint.Quantity, biomass_change: pint.Quantity
                                   ) -> pint.Quantity:
    r"""Biomass change converted to carbon dioxide (re-measurement method).

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE [t C/t]; 0.47 unless justified otherwise.
    biomass_change : Quantity
        ΔB_TREE [t].

    Returns
    -------
    Quantity
        ΔC_TREE [t CO2].

    Notes
    -----
    .. math:: \Delta C_{TREE} = \frac{44}{12} \times CF_{TREE} \times \Delta B_{TREE}
       \tag{AR-TOOL14 (3)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 20, equation (3).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = carbon_stock_change_remeasured(carbon_fraction=Quantity(0.47, "t C/t"),
    ...                                    biomass_change=Quantity(600, "t"))
    >>> round(float(d.quantity.magnitude), 6)
    1034.0
    """
    return CO2_PER_CARBON * carbon_fraction * biomass_change


@equation(
    id="AR-TOOL14 (6)", document=TOOL14, symbol="u_ΔC",
    formula="u_ΔC = t_VAL × √(Σ_i w_i² × s²_Δ,i / n_i) / |Δb_TREE|",
    source=f"{TOOL14}, section 6.2, para. 20, eq. (6)",
    inputs={"t_value": "dimensionless", "stratum_area": "ha",
            "stratum_change_variance": "t^2/ha^2", "plots_per_stratum": "dimensionless",
            "mean_biomass_change": "t/ha"},
    output="dimensionless", description="Uncertainty of the change from re-measured plots",
)
def change_uncertainty_remeasured(
    t_value: pint.Quantity, stratum_area: pint.Quantity, stratum_change_variance: pint.Quantity,
    plots_per_stratum: pint.Quantity, mean_biomass_change: pint.Quantity,
) -> pint.Quantity:
    r"""Relative half-width of the 90 % confidence interval of Δb_TREE.

    Parameters
    ----------
    t_value : Quantity
        t_VAL at 90 %, df = n - M [dimensionless].
    stratum_area : Quantity
        A_i [ha].
    stratum_change_variance : Quantity
        s²_Δ,i [t^2/ha^2].
    plots_per_stratum : Quantity
        n_i, re-measured plots per stratum [dimensionless].
    mean_biomass_change : Quantity
        Δb_TREE [t/ha].

    Returns
    -------
    Quantity
        u_ΔC [dimensionless].

    Notes
    -----
    .. math:: u_{\Delta C} = \frac{t_{VAL} \sqrt{\sum_i w_i^2 s^2_{\Delta,i} / n_i}}
       {|\Delta b_{TREE}|}  \tag{AR-TOOL14 (6)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.2, para. 20, equation (6); para. 22 (discount above 10 %).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> u = change_uncertainty_remeasured(t_value=Quantity(2.0, ""),
    ...     stratum_area=Quantity(np.array([60., 40.]), "ha"),
    ...     stratum_change_variance=Quantity(np.array([18., 2.]), "t^2/ha^2"),
    ...     plots_per_stratum=Quantity(np.array([2, 2]), ""),
    ...     mean_biomass_change=Quantity(9.8, "t/ha"))
    >>> round(float(u.quantity.magnitude), 6)
    0.376308
    """
    change = np.asarray(mean_biomass_change.magnitude)
    if np.any(change == 0):
        raise InputError("mean biomass change is zero: its relative uncertainty is undefined",
                         field="mean_biomass_change", expected="Δb_TREE != 0")
    w = area_weights(stratum_area)
    sem = np.sqrt(sum_last(w ** 2 * stratum_change_variance / plots_per_stratum))
    return t_value * sem / abs(mean_biomass_change)
