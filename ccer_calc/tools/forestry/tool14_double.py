"""AR-TOOL14 v04.2 section 8.1.2 and Appendix 3: double sampling with a secondary variable.

A secondary variable x (basal area, NDVI, a LiDAR metric...) is observed on every plot of a
stratum and tree biomass on a sub-sample of them; only a linear relation is allowed (para. 40).
The stratum mean is the sub-sample mean adjusted by the regression slope times the difference
between the means of x over all plots and over the sub-sample (eq. 18); the variance is reduced
by the correlation (eq. 19). Slope and correlation follow Appendix 3 (eq. 1, 2). Equations
(12)-(15) then aggregate the strata as in stratified sampling (para. 41).

The secondary variable may be a pure number (NDVI, crown cover, basal area per hectare, which
pint treats as the ratio it is: 1 m^2/ha = 1e-4), a biomass per hectare [t/ha] or a length
[m]; the slope then carries t/ha, a pure number or t/(ha m), and eq. (18) multiplies it by a
difference of x in the same unit, so the result is t/ha in every case.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import (
    TOOL14,
    count,
    group_count,
    group_index,
    group_sum,
    stratum_means,
    stratum_variances,
)
from ccer_calc.units import Quantity

__all__ = [
    "correlation_coefficient",
    "double_sampling_stratum_mean",
    "double_sampling_stratum_variance",
    "regression_slope",
    "secondary_means",
]

_S812 = f"{TOOL14}, section 8.1.2, para. 41"
_APP3 = f"{TOOL14}, Appendix 3, para. 2"
_X_ALT = ("t/ha", "m")
_SLOPE_ALT = ("dimensionless", "t/(ha*m)")


def _centred(values: pint.Quantity, idx: np.ndarray, size: int) -> np.ndarray:
    mag = np.asarray(values.magnitude, dtype=np.float64)
    return mag - (np.bincount(idx, weights=mag, minlength=size) / group_count(idx, size))[idx]


@equation(
    id="AR-TOOL14 App. 3 (2)", document=TOOL14, symbol="rho",
    formula="rho = Σ(x_i − x̄)(y_i − ȳ) / √[Σ(x_i − x̄)² × Σ(y_i − ȳ)²]",
    source=f"{_APP3}, eq. (2)",
    inputs={"secondary_variable": "dimensionless", "plot_biomass": "t/ha",
            "plot_stratum": "dimensionless", "stratum_count": "dimensionless"},
    output="dimensionless", alternative_units={"secondary_variable": _X_ALT},
    description="Correlation of plot biomass with the secondary variable, per stratum",
)
def correlation_coefficient(
    secondary_variable: pint.Quantity, plot_biomass: pint.Quantity,
    plot_stratum: pint.Quantity, stratum_count: pint.Quantity,
) -> pint.Quantity:
    r"""Sample correlation coefficient over the sub-sample plots of each stratum.

    Parameters
    ----------
    secondary_variable : Quantity
        x on each sub-sample plot [dimensionless] (or t/ha, or m).
    plot_biomass : Quantity
        y = b_TREE,p,i on the same plots [t/ha].
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata [dimensionless].

    Returns
    -------
    Quantity
        rho of each stratum [dimensionless].

    Notes
    -----
    .. math:: \rho = \frac{\sum (x_i - \bar x)(y_i - \bar y)}
       {\sqrt{\sum (x_i - \bar x)^2 \sum (y_i - \bar y)^2}}  \tag{AR-TOOL14 App. 3 (2)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 3, para. 2, equation (2).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> r = correlation_coefficient(secondary_variable=Quantity(np.array([1., 2., 3.]), ""),
    ...     plot_biomass=Quantity(np.array([2., 4., 7.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 0]), ""), stratum_count=Quantity(1, ""))
    >>> round(float(r.quantity.magnitude[0]), 6)
    0.993399
    """
    m = count(stratum_count, "stratum_count")
    idx = group_index(plot_stratum, "plot_stratum", m)
    dx, dy = _centred(secondary_variable, idx, m), _centred(plot_biomass, idx, m)
    sxy = np.bincount(idx, weights=dx * dy, minlength=m)
    sxx = np.bincount(idx, weights=dx * dx, minlength=m)
    syy = np.bincount(idx, weights=dy * dy, minlength=m)
    if np.any((sxx == 0) | (syy == 0)):
        raise InputError("a stratum's secondary variable or biomass does not vary: its "
                         "correlation is undefined", field="plot_stratum",
                         value=int(np.flatnonzero((sxx == 0) | (syy == 0))[0]),
                         expected="at least two different values of x and of y")
    return Quantity(sxy / np.sqrt(sxx * syy), "")


@equation(
    id="AR-TOOL14 App. 3 (1)", document=TOOL14, symbol="β",
    formula="β = rho × s_y / s_x", source=f"{_APP3}, eq. (1)",
    inputs={"correlation": "dimensionless", "plot_biomass": "t/ha",
            "secondary_variable": "dimensionless", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t/ha", alternative_units={"secondary_variable": _X_ALT, "result": _SLOPE_ALT},
    description="Slope of the regression of plot biomass on the secondary variable",
)
def regression_slope(
    correlation: pint.Quantity, plot_biomass: pint.Quantity,
    secondary_variable: pint.Quantity, plot_stratum: pint.Quantity,
    stratum_count: pint.Quantity,
) -> pint.Quantity:
    r"""Regression slope of y on x per stratum, from rho and the sample standard deviations.

    Parameters
    ----------
    correlation : Quantity
        rho of each stratum [dimensionless].
    plot_biomass : Quantity
        y on the sub-sample plots [t/ha].
    secondary_variable : Quantity
        x on the same plots [dimensionless] (or t/ha, or m).
    plot_stratum : Quantity
        0-based stratum of each plot [dimensionless].
    stratum_count : Quantity
        Number of strata [dimensionless].

    Returns
    -------
    Quantity
        β of each stratum [t/ha] per unit of x (a pure number when x is in t/ha).

    Notes
    -----
    .. math:: \beta = \rho \times \frac{s_y}{s_x}  \tag{AR-TOOL14 App. 3 (1)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 3, para. 2, equation (1).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = regression_slope(correlation=Quantity(np.array([0.9933992677987828]), ""),
    ...     plot_biomass=Quantity(np.array([2., 4., 7.]), "t/ha"),
    ...     secondary_variable=Quantity(np.array([1., 2., 3.]), ""),
    ...     plot_stratum=Quantity(np.array([0, 0, 0]), ""), stratum_count=Quantity(1, ""))
    >>> round(float(b.quantity.magnitude[0]), 6)
    2.5
    """
    m = count(stratum_count, "stratum_count")
    idx = group_index(plot_stratum, "plot_stratum", m)
    s_y = np.sqrt(stratum_variances(plot_biomass, idx, m))
    s_x = np.sqrt(stratum_variances(secondary_variable, idx, m))
    return correlation * s_y / s_x


@equation(
    id="AR-TOOL14 (18)", document=TOOL14, symbol="b_TREE,i",
    formula="b_TREE,i = Σ_p b_TREE,p,i / n_i + β × (x̄' − x̄)", source=f"{_S812}, eq. (18)",
    inputs={"plot_biomass": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless", "regression_slope": "t/ha",
            "secondary_mean_all": "dimensionless", "secondary_mean_subsample": "dimensionless"},
    output="t/ha",
    alternative_units={"regression_slope": _SLOPE_ALT, "secondary_mean_all": _X_ALT,
                       "secondary_mean_subsample": _X_ALT},
    description="Mean tree biomass per hectare of a double-sampled stratum",
)
def double_sampling_stratum_mean(  # noqa: PLR0917 - the symbols of eq. (18)
    plot_biomass: pint.Quantity, plot_stratum: pint.Quantity, stratum_count: pint.Quantity,
    regression_slope: pint.Quantity, secondary_mean_all: pint.Quantity,
    secondary_mean_subsample: pint.Quantity,
) -> pint.Quantity:
    r"""Sub-sample mean of each stratum corrected by the regression on the secondary variable.

    Parameters
    ----------
    plot_biomass : Quantity
        b_TREE,p,i on the sub-sample plots [t/ha].
    plot_stratum : Quantity
        0-based stratum of each sub-sample plot [dimensionless].
    stratum_count : Quantity
        Number of strata [dimensionless].
    regression_slope : Quantity
        β of each stratum [t/ha] per unit of x.
    secondary_mean_all : Quantity
        x̄', mean of x over all plots of each stratum [dimensionless] (or t/ha, or m).
    secondary_mean_subsample : Quantity
        x̄, mean of x over the sub-sample of each stratum [dimensionless] (same unit).

    Returns
    -------
    Quantity
        b_TREE,i [t/ha].

    Notes
    -----
    .. math:: b_{TREE,i} = \frac{\sum_{p=1}^{n_i} b_{TREE,p,i}}{n_i}
       + \beta \times (\bar{x}' - \bar{x})  \tag{AR-TOOL14 (18)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.2, para. 41, equation (18).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = double_sampling_stratum_mean(plot_biomass=Quantity(np.array([2., 4., 7.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 0]), ""), stratum_count=Quantity(1, ""),
    ...     regression_slope=Quantity(np.array([2.5]), "t/ha"),
    ...     secondary_mean_all=Quantity(np.array([2.4]), ""),
    ...     secondary_mean_subsample=Quantity(np.array([2.0]), ""))
    >>> round(float(b.quantity.magnitude[0]), 6)
    5.333333
    """
    m = count(stratum_count, "stratum_count")
    mean = stratum_means(plot_biomass, group_index(plot_stratum, "plot_stratum", m), m)
    return mean + regression_slope * (secondary_mean_all - secondary_mean_subsample)


@equation(
    id="AR-TOOL14 (19)", document=TOOL14, symbol="s²_i",
    formula="s²_i = [n_i Σ_p b²_TREE,p,i − (Σ_p b_TREE,p,i)²] / [n_i (n_i − 1)] "
            "× (1 − (1 − alpha) × rho²)",
    source=f"{_S812}, eq. (19)",
    inputs={"plot_biomass": "t/ha", "plot_stratum": "dimensionless",
            "stratum_count": "dimensionless", "subsample_ratio": "dimensionless",
            "correlation": "dimensionless"},
    output="t^2/ha^2", description="Variance of tree biomass in a double-sampled stratum",
)
def double_sampling_stratum_variance(
    plot_biomass: pint.Quantity, plot_stratum: pint.Quantity, stratum_count: pint.Quantity,
    subsample_ratio: pint.Quantity, correlation: pint.Quantity,
) -> pint.Quantity:
    r"""Sub-sample variance of each stratum reduced by the squared correlation.

    Parameters
    ----------
    plot_biomass : Quantity
        b_TREE,p,i on the sub-sample plots [t/ha].
    plot_stratum : Quantity
        0-based stratum of each sub-sample plot [dimensionless].
    stratum_count : Quantity
        Number of strata [dimensionless].
    subsample_ratio : Quantity
        alpha, sub-sample plots over all plots of each stratum, below 1 [dimensionless].
    correlation : Quantity
        rho of each stratum [dimensionless].

    Returns
    -------
    Quantity
        s²_i [t^2/ha^2].

    Notes
    -----
    .. math:: s^2_i = \frac{n_i \sum_p b^2_{TREE,p,i} - (\sum_p b_{TREE,p,i})^2}{n_i (n_i - 1)}
       \times \left(1 - (1 - \alpha) \rho^2\right)  \tag{AR-TOOL14 (19)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.1.2, para. 41, equation (19).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s2 = double_sampling_stratum_variance(
    ...     plot_biomass=Quantity(np.array([2., 4., 7.]), "t/ha"),
    ...     plot_stratum=Quantity(np.array([0, 0, 0]), ""), stratum_count=Quantity(1, ""),
    ...     subsample_ratio=Quantity(np.array([0.5]), ""),
    ...     correlation=Quantity(np.array([0.9]), ""))
    >>> round(float(s2.quantity.magnitude[0]), 6)
    3.768333
    """
    alpha = np.asarray(subsample_ratio.m_as(""))
    if np.any((alpha <= 0) | (alpha >= 1)):
        raise InputError("sub-sample ratio must lie strictly between 0 and 1",
                         field="subsample_ratio", expected="0 < alpha < 1 (AR-TOOL14 para. 41)")
    m = count(stratum_count, "stratum_count")
    s2 = stratum_variances(plot_biomass, group_index(plot_stratum, "plot_stratum", m), m)
    return s2 * (1 - (1 - subsample_ratio) * correlation ** 2)


def secondary_means(
    secondary_all: pint.Quantity, stratum_all: pint.Quantity, stratum_count: int
) -> pint.Quantity:
    """Mean of the secondary variable over all plots of each stratum (x̄' of eq. 18)."""
    idx = group_index(stratum_all, "plot_stratum", stratum_count)
    return group_sum(secondary_all, idx, stratum_count) / group_count(idx, stratum_count)
