"""Growth models of the ex-ante projection of tree biomass (AR-TOOL14 v04.2 section 8.2).

For the project design document, tree stocks are projected from planned planting and growth
data (paras. 45-47): a growth curve of tree biomass per hectare by stand age (a Chapman-Richards
curve, or a yield table interpolated linearly) applied to planting cohorts (year planted,
area, stratum, species) gives the stock of every year. Arrays run over years × cohorts.

The Chapman-Richards function is not printed in AR-TOOL14: it is the growth function of
Richards (1959) in the form given by Chapman (1961), one of the "yield curves" that para. 47
admits as local tree-growth data for the projection of para. 45. Its trail identity is
therefore the tool's paragraph, ``AR-TOOL14 para. 47 (Chapman-Richards)`` of document
``AR-TOOL14 v04.2``, like the yield table's, and its source names both papers.

AR-TOOL14 para. 48: ex-ante estimation "is not subjected to uncertainty control"; no t value,
uncertainty or Appendix 2 discount applies to these projections
(:data:`NOT_UNCERTAINTY_CONTROLLED`).

A model giving stem volume per hectare is converted to biomass with AR-TOOL14 App. 1 eq. (8)
(:func:`.tool14_variable_plots.species_biomass_per_hectare_volume`), which works per hectare.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import TOOL14
from ccer_calc.units import Quantity

__all__ = [
    "CHAPMAN_RICHARDS_SOURCE",
    "NOT_UNCERTAINTY_CONTROLLED",
    "chapman_richards",
    "cohort_stock",
    "yield_table_value",
]

#: The rule of AR-TOOL14 v04.2 para. 48, carried by every projection.
NOT_UNCERTAINTY_CONTROLLED = (
    "AR-TOOL14 v04.2 para. 48: ex-ante estimation (projection) of carbon stock in tree biomass "
    "is not subject to uncertainty control")
#: Where the Chapman-Richards function comes from, and the paragraphs that admit it.
CHAPMAN_RICHARDS_SOURCE = (
    f"{TOOL14}, section 8.2, para. 47 (yield curves as local tree-growth data for the ex-ante "
    "projection of para. 45; not subject to uncertainty control, para. 48); the function: "
    "Richards, F.J. (1959), A flexible growth function for empirical use, Journal of "
    "Experimental Botany 10(2): 290-300, in the form of Chapman, D.G. (1961), Statistical "
    "problems in dynamics of exploited fisheries populations, Proc. 4th Berkeley Symposium on "
    "Mathematical Statistics and Probability, vol. 4: 153-168")


@equation(
    id="AR-TOOL14 para. 47 (Chapman-Richards)", document=TOOL14, symbol="y(a)",
    formula="y(a) = A × (1 − e^(−k × a))^c for a > 0 ; 0 for a <= 0",
    source=CHAPMAN_RICHARDS_SOURCE,
    inputs={"age": "yr", "asymptote": "t/ha", "growth_rate": "1/yr",
            "shape": "dimensionless"},
    output="same as:asymptote", alternative_units={"asymptote": ("m^3/ha",)},
    description="Growth curve: biomass (or volume) per hectare by stand age",
)
def chapman_richards(
    age: pint.Quantity, asymptote: pint.Quantity, growth_rate: pint.Quantity,
    shape: pint.Quantity,
) -> pint.Quantity:
    r"""Chapman-Richards curve of stand biomass or volume per hectare against age.

    Parameters
    ----------
    age : Quantity
        Stand age a (years since planting); zero or negative ages give 0 [yr].
    asymptote : Quantity
        A, the asymptotic value [t/ha] (or m^3/ha for a volume curve).
    growth_rate : Quantity
        k, the rate parameter [1/yr].
    shape : Quantity
        c, the shape parameter [dimensionless].

    Returns
    -------
    Quantity
        y(a) [unit of ``asymptote``].

    Notes
    -----
    .. math:: y(a) = A \left(1 - e^{-k a}\right)^{c}
       \tag{AR-TOOL14 para. 47 (Chapman-Richards)}

    The curve starts at 0 at age 0 and rises to A; k sets how fast, c how late the
    inflection comes (c > 1 gives a sigmoid curve).

    References
    ----------
    Richards, F.J. (1959), A flexible growth function for empirical use, J. Exp. Bot. 10(2):
    290-300; Chapman, D.G. (1961), Proc. 4th Berkeley Symp. Math. Stat. Prob. 4: 153-168.
    Admitted as a yield curve for ex-ante projection by AR-TOOL14 v04.2, section 8.2, paras.
    45, 47 and 48.

    Examples
    --------
    A = 200 t/ha, k = 0.1/yr, c = 2, at 10 years: 200 × (1 − e^−1)² = 79.92 t/ha:

    >>> from ccer_calc.units import Quantity
    >>> y = chapman_richards(age=Quantity(10, "yr"), asymptote=Quantity(200, "t/ha"),
    ...                      growth_rate=Quantity(0.1, "1/yr"), shape=Quantity(2, ""))
    >>> round(float(y.quantity.magnitude), 2)
    79.92
    """
    a = np.asarray(age.m_as("yr"), dtype=np.float64)
    if np.any(np.asarray(growth_rate.m_as("1/yr")) <= 0) or np.any(
            np.asarray(shape.m_as("")) <= 0):
        raise InputError("Chapman-Richards rate and shape must be positive", field="growth_rate",
                         expected="k > 0 /yr and c > 0")
    grown = np.where(a > 0, 1.0 - np.exp(-(growth_rate * Quantity(np.maximum(a, 0.0), "yr")).m_as(
        "")), 0.0)
    return asymptote * grown ** shape.m_as("")


@equation(
    id="AR-TOOL14 para. 47 (yield table)", document=TOOL14, symbol="y(a)",
    formula="y(a) = linear interpolation of the yield table (a_k, y_k) at age a ; 0 for a <= 0",
    source=f"{TOOL14}, section 8.2, para. 47 (yield tables as local growth data)",
    inputs={"age": "yr", "table_age": "yr", "table_value": "t/ha"},
    output="same as:table_value", alternative_units={"table_value": ("m^3/ha",)},
    description="Yield table read at a stand age",
)
def yield_table_value(
    age: pint.Quantity, table_age: pint.Quantity, table_value: pint.Quantity
) -> pint.Quantity:
    r"""Value of a yield table at any age, by linear interpolation between tabulated ages.

    Parameters
    ----------
    age : Quantity
        Stand age a; zero or negative (not yet planted) gives 0 [yr].
    table_age : Quantity
        Tabulated ages, strictly increasing [yr].
    table_value : Quantity
        Tabulated biomass per hectare [t/ha] (or m^3/ha).

    Returns
    -------
    Quantity
        y(a) [unit of ``table_value``]. Ages beyond the table are refused, as are positive
        ages before its first age unless the table starts at age 0.

    Notes
    -----
    .. math:: y(a) = y_k + (y_{k+1} - y_k) \frac{a - a_k}{a_{k+1} - a_k}
       \tag{AR-TOOL14 para. 47 (yield table)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.2, para. 47.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> y = yield_table_value(age=Quantity(np.array([0, 7.5, 20]), "yr"),
    ...     table_age=Quantity(np.array([0, 5, 10, 20]), "yr"),
    ...     table_value=Quantity(np.array([0, 20, 60, 120]), "t/ha"))
    >>> y.quantity.magnitude.tolist()
    [0.0, 40.0, 120.0]
    """
    a = np.asarray(age.m_as("yr"), dtype=np.float64)
    ta = np.asarray(table_age.m_as("yr"), dtype=np.float64)
    tv = np.asarray(table_value.magnitude, dtype=np.float64)
    if ta.ndim != 1 or ta.shape != tv.shape or ta.size < 2 or np.any(np.diff(ta) <= 0):  # noqa: PLR2004
        raise InputError("yield table ages must increase strictly, one value per age",
                         field="table_age", expected="at least two ages, strictly increasing")
    planted = a > 0
    if np.any(planted & ((a > ta[-1]) | (a < ta[0]))):
        bad = float(a[planted & ((a > ta[-1]) | (a < ta[0]))].flat[0])
        raise InputError("age outside the yield table", field="age", value=bad,
                         expected=f"{ta[0]:g} to {ta[-1]:g} yr (no extrapolation)")
    return Quantity(np.where(planted, np.interp(a, ta, tv), 0.0), table_value.units)


@equation(
    id="AR-TOOL14 para. 46 (planting cohorts)", document=TOOL14, symbol="B_TREE,t",
    formula="B_TREE,t = Σ_c A_c × y_c(t − t_PLANT,c)",
    source=f"{TOOL14}, section 8.2, para. 46 (stand parameters simulated from the planting "
           "plan: area planted, survival included, by year, stratum and species)",
    inputs={"biomass_per_ha": "t/ha", "cohort_area": "ha"},
    output="t", description="Projected tree biomass of the planting cohorts in each year",
)
def cohort_stock(biomass_per_ha: pint.Quantity, cohort_area: pint.Quantity) -> pint.Quantity:
    r"""Sum over the planting cohorts of area × tree biomass per hectare at the cohort's age.

    Parameters
    ----------
    biomass_per_ha : Quantity
        y_c at the cohort's age in each year, shape (years, cohorts) [t/ha].
    cohort_area : Quantity
        A_c, the area of each cohort (survival included), shape (cohorts,) [ha].

    Returns
    -------
    Quantity
        B_TREE,t, shape (years,) [t].

    Notes
    -----
    .. math:: B_{TREE,t} = \sum_{c} A_c \, y_c(t - t_{PLANT,c})
       \tag{AR-TOOL14 para. 46 (planting cohorts)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.2, paras. 45-48.

    Examples
    --------
    50 ha at 10 t/ha and 30 ha not yet grown, then 20 and 10 t/ha a year later:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = cohort_stock(biomass_per_ha=Quantity(np.array([[10., 0.], [20., 10.]]), "t/ha"),
    ...                  cohort_area=Quantity(np.array([50., 30.]), "ha"))
    >>> b.quantity.magnitude.tolist()
    [500.0, 1300.0]
    """
    per_ha = np.atleast_2d(np.asarray(biomass_per_ha.m_as("t/ha"), dtype=np.float64))
    area = np.asarray(cohort_area.m_as("ha"), dtype=np.float64).reshape(-1)
    if per_ha.shape[-1] != area.size:
        raise InputError("one area per planting cohort is needed", field="cohort_area",
                         value=int(area.size), expected=f"{per_ha.shape[-1]} areas")
    return Quantity(per_ha @ area, "t")
