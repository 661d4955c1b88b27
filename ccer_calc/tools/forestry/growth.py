"""Ex-ante projection of tree biomass from growth models (AR-TOOL14 v04.2 section 8.2).

For the project design document, tree stocks are projected from planned planting and growth
data (paras. 45-47): a growth curve by age per hectare (Chapman-Richards, or a yield table
interpolated linearly) applied to planting cohorts (year planted, area, stratum) gives the
stock of each stratum in each year. Arrays run over years × cohorts and years × strata.

AR-TOOL14 para. 48: ex-ante estimation "is not subjected to uncertainty control"; no t value,
uncertainty or Appendix 2 discount applies to these projections, and :class:`ExAnteProjection`
says so in ``uncertainty_control``.

A model giving stem volume per hectare is converted to biomass with AR-TOOL14 App. 1 eq. (8)
(:func:`.tool14_variable_plots.species_biomass_per_hectare_volume`), which works per hectare.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry._common import TOOL14, count, group_index
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

__all__ = [
    "NOT_UNCERTAINTY_CONTROLLED",
    "ExAnteProjection",
    "chapman_richards",
    "cohort_stock",
    "project_chapman_richards",
    "yield_table_value",
]

#: The rule of AR-TOOL14 v04.2 para. 48, carried by every projection.
NOT_UNCERTAINTY_CONTROLLED = (
    "AR-TOOL14 v04.2 para. 48: ex-ante estimation (projection) of carbon stock in tree biomass "
    "is not subject to uncertainty control")
_CR = ("Chapman-Richards growth function (Richards 1959; Chapman 1961), used for ex-ante "
       "projection under AR-TOOL14 v04.2 section 8.2, paras. 45-48")


@dataclass(frozen=True)
class ExAnteProjection:
    """Projected stock per year and stratum, with the para. 48 note.

    Parameters
    ----------
    years : tuple of int
        The calendar years of the rows.
    stock : Value
        Stock of each stratum in each year, shape (years, strata).
    uncertainty_control : str
        :data:`NOT_UNCERTAINTY_CONTROLLED`.
    """

    years: tuple[int, ...]
    stock: Value
    uncertainty_control: str = NOT_UNCERTAINTY_CONTROLLED

    def annual_change(self) -> pint.Quantity:
        """Stock of each year minus that of the year before (first row: minus zero)."""
        q = self.stock.quantity
        mag = np.asarray(q.magnitude)
        return Quantity(np.diff(mag, axis=0, prepend=np.zeros_like(mag[:1])), q.units)


@equation(
    id="Chapman-Richards", document="Chapman-Richards growth function", symbol="y(a)",
    formula="y(a) = A × (1 − e^(−k × a))^c for a > 0 ; 0 for a <= 0", source=_CR,
    inputs={"age": "yr", "asymptote": "t/ha", "rate": "1/yr", "shape": "dimensionless"},
    output="same as:asymptote", alternative_units={"asymptote": ("m^3/ha",)},
    description="Growth curve: biomass (or volume) per hectare by stand age",
)
def chapman_richards(
    age: pint.Quantity, asymptote: pint.Quantity, rate: pint.Quantity, shape: pint.Quantity
) -> pint.Quantity:
    r"""Chapman-Richards curve of stand biomass or volume per hectare against age.

    Parameters
    ----------
    age : Quantity
        Stand age a (years since planting); zero or negative ages give 0 [yr].
    asymptote : Quantity
        A, the asymptotic value [t/ha] (or m^3/ha for a volume curve).
    rate : Quantity
        k, the rate parameter [1/yr].
    shape : Quantity
        c, the shape parameter [dimensionless].

    Returns
    -------
    Quantity
        y(a) [unit of ``asymptote``].

    Notes
    -----
    .. math:: y(a) = A \left(1 - e^{-k a}\right)^{c}  \tag{Chapman-Richards}

    References
    ----------
    Richards, F.J. (1959), A flexible growth function for empirical use; Chapman, D.G. (1961).
    Used as a growth model for ex-ante projection, AR-TOOL14 v04.2 section 8.2.

    Examples
    --------
    A = 200 t/ha, k = 0.1/yr, c = 2, at 10 years: 200 × (1 − e^−1)² = 79.92 t/ha:

    >>> from ccer_calc.units import Quantity
    >>> y = chapman_richards(age=Quantity(10, "yr"), asymptote=Quantity(200, "t/ha"),
    ...                      rate=Quantity(0.1, "1/yr"), shape=Quantity(2, ""))
    >>> round(float(y.quantity.magnitude), 2)
    79.92
    """
    a = np.asarray(age.m_as("yr"), dtype=np.float64)
    if np.any(np.asarray(rate.m_as("1/yr")) <= 0) or np.any(np.asarray(shape.m_as("")) <= 0):
        raise InputError("Chapman-Richards rate and shape must be positive", field="rate",
                         expected="k > 0 /yr and c > 0")
    grown = np.where(a > 0, 1.0 - np.exp(-(rate * Quantity(np.maximum(a, 0.0), "yr")).m_as(
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
    id="AR-TOOL14 para. 46 (planting cohorts)", document=TOOL14, symbol="B_TREE,i,t",
    formula="B_TREE,i,t = Σ_{cohorts c in stratum i} A_c × y_c(t − t_PLANT,c)",
    source=f"{TOOL14}, section 8.2, para. 46 (stand parameters from the planting plan)",
    inputs={"biomass_per_ha": "t/ha", "cohort_area": "ha", "cohort_stratum": "dimensionless",
            "stratum_count": "dimensionless"},
    output="t", description="Projected tree biomass of each stratum in each year",
)
def cohort_stock(
    biomass_per_ha: pint.Quantity, cohort_area: pint.Quantity, cohort_stratum: pint.Quantity,
    stratum_count: pint.Quantity,
) -> pint.Quantity:
    r"""Sum over the planting cohorts of each stratum of area × biomass per hectare.

    Parameters
    ----------
    biomass_per_ha : Quantity
        y_c at the cohort's age in each year, shape (years, cohorts) [t/ha].
    cohort_area : Quantity
        A_c, area planted in each cohort (survival included) [ha].
    cohort_stratum : Quantity
        0-based stratum of each cohort [dimensionless].
    stratum_count : Quantity
        Number of strata [dimensionless].

    Returns
    -------
    Quantity
        B_TREE,i,t, shape (years, strata) [t].

    Notes
    -----
    .. math:: B_{TREE,i,t} = \sum_{c \in i} A_c \, y_c(t - t_{PLANT,c})
       \tag{AR-TOOL14 para. 46 (planting cohorts)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.2, paras. 45-48.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = cohort_stock(biomass_per_ha=Quantity(np.array([[10., 0.], [20., 10.]]), "t/ha"),
    ...     cohort_area=Quantity(np.array([50., 30.]), "ha"),
    ...     cohort_stratum=Quantity(np.array([0, 0]), ""), stratum_count=Quantity(1, ""))
    >>> b.quantity.magnitude.tolist()
    [[500.0], [1300.0]]
    """
    m = count(stratum_count, "stratum_count")
    idx = group_index(cohort_stratum, "cohort_stratum", m)
    per_cohort = np.atleast_2d(np.asarray((biomass_per_ha * cohort_area).m_as("t")))
    one_hot = np.zeros((idx.size, m))
    one_hot[np.arange(idx.size), idx] = 1.0
    return Quantity(per_cohort @ one_hot, "t")


def project_chapman_richards(
    years: tuple[int, ...], planting_year: pint.Quantity, cohort_area: pint.Quantity,
    cohort_stratum: pint.Quantity, stratum_count: int, *, asymptote: pint.Quantity,
    rate: pint.Quantity, shape: pint.Quantity, trail: Trail | None = None, instance: str = "",
) -> ExAnteProjection:
    """Project the tree biomass of each stratum over ``years`` from planting cohorts.

    Ages are whole years: a cohort planted in year p has age t - p in year t (zero in the
    planting year). Curve parameters are per cohort (or one value for all).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> p = project_chapman_richards((2025, 2026, 2035), Quantity(np.array([2025]), ""),
    ...     Quantity(np.array([100.0]), "ha"), Quantity(np.array([0]), ""), 1,
    ...     asymptote=Quantity(200, "t/ha"), rate=Quantity(0.1, "1/yr"), shape=Quantity(2, ""))
    >>> p.stock.quantity.magnitude[:, 0].round(1).tolist(), p.uncertainty_control[:21]
    ([0.0, 181.1, 7991.5], 'AR-TOOL14 v04.2 para.')
    """
    t = np.asarray(years, dtype=np.float64)[:, None]
    age = Quantity(t - np.asarray(planting_year.m_as(""), dtype=np.float64)[None, :], "yr")
    kw: dict[str, Any] = {"trail": trail, "instance": instance}
    per_ha = chapman_richards(age=Value("a", age, "computed", "year minus planting year"),
                              asymptote=asymptote, rate=rate, shape=shape, **kw)
    stock = cohort_stock(biomass_per_ha=per_ha, cohort_area=cohort_area,
                         cohort_stratum=cohort_stratum,
                         stratum_count=Quantity(stratum_count, ""), **kw)
    return ExAnteProjection(tuple(int(y) for y in years), stock)
