"""Two-sided Student t values for the sampling uncertainty of the A/R tools, without scipy.

AR-TOOL14 v04.2 (eq. 6 and 15, and the definition of "uncertainty" in para. 6(a)) expands the
standard error of a mean with the two-sided Student t value at 90 % confidence and n - M
degrees of freedom. This module computes that value from first principles:

* the t distribution function through the regularised incomplete beta function,
  ``F(t) = 1 - I_x(nu/2, 1/2) / 2`` with ``x = nu / (nu + t^2)`` for ``t >= 0``, where ``I_x`` is
  evaluated by its continued fraction (modified Lentz method);
* the quantile by Newton steps on ``F``, kept inside a bracket by bisection.

Accuracy is close to float64 rounding; the tests compare with the closed forms for one and two
degrees of freedom and with printed table values.
"""

from __future__ import annotations

import math

from ccer_calc.errors import InputError

__all__ = ["student_t_cdf", "student_t_quantile", "two_sided_t_value"]

_TINY = 1e-300
_EPS = 1e-16
_MAX_TERMS = 10_000
_HALF = 0.5


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of I_x(a, b) (without its front factor), by the Lentz method."""
    c = 1.0
    d = 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + num / c
            c = c if abs(c) > _TINY else _TINY
            result *= c * d
        if abs(c * d - 1.0) < _EPS:
            return result
    msg = f"incomplete beta continued fraction did not converge (a={a}, b={b}, x={x})"
    raise ArithmeticError(msg)


def _regularised_beta(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta function I_x(a, b) for 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (a * math.log(x) + b * math.log1p(-x)
                 + math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b))
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def _check_df(df: float) -> float:
    if not (isinstance(df, int | float) and math.isfinite(df) and df >= 1):
        raise InputError("degrees of freedom must be a number of at least 1",
                         field="degrees of freedom", value=df,
                         expected="n - M >= 1 (more sample plots than strata)")
    return float(df)


def student_t_cdf(t: float, df: float) -> float:
    """Distribution function of Student's t with ``df`` degrees of freedom.

    Examples
    --------
    >>> round(student_t_cdf(1.0, 1), 12)  # 1/2 + arctan(1)/pi
    0.75
    """
    nu = _check_df(df)
    tail = 0.5 * _regularised_beta(nu / 2.0, 0.5, nu / (nu + t * t))
    return 1.0 - tail if t >= 0 else tail


def _log_density_constant(nu: float) -> float:
    return math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi)


def student_t_quantile(p: float, df: float) -> float:
    """The value t with ``P(T <= t) = p`` for Student's t with ``df`` degrees of freedom.

    Raises
    ------
    InputError
        If ``p`` is not strictly between 0 and 1 or ``df`` is below 1.

    Examples
    --------
    >>> round(student_t_quantile(0.95, 33), 4)
    1.6924
    """
    nu = _check_df(df)
    if not (isinstance(p, int | float) and 0.0 < p < 1.0):
        raise InputError("probability must lie strictly between 0 and 1", field="p", value=p,
                         expected="0 < p < 1")
    if p < _HALF:
        return -student_t_quantile(1.0 - p, nu)
    if p == _HALF:
        return 0.0
    lo, hi = 0.0, 1.0
    while student_t_cdf(hi, nu) < p:
        lo, hi = hi, 2.0 * hi
    const = _log_density_constant(nu)
    t = 0.5 * (lo + hi)
    for _ in range(200):
        f = student_t_cdf(t, nu) - p
        if f > 0:
            hi = t
        else:
            lo = t
        density = math.exp(const - (nu + 1) / 2 * math.log1p(t * t / nu))
        step = f / density if density > 0 else math.inf
        new = t - step
        if not lo < new < hi:
            new = 0.5 * (lo + hi)
        if abs(new - t) <= 4 * _EPS * max(1.0, abs(t)):
            return new
        t = new
    return t


def two_sided_t_value(confidence: float, df: float) -> float:
    """Two-sided Student t value: the (1 + confidence)/2 quantile.

    Parameters
    ----------
    confidence : float
        Two-sided confidence level as a fraction, 0.90 in AR-TOOL14 v04.2.
    df : float
        Degrees of freedom; n - M in AR-TOOL14 v04.2 eq. (6) and (15).

    Returns
    -------
    float
        t_VAL.

    Examples
    --------
    AR-TOOL14 v04.2 para. 6(a): t(0.1, 33) printed as 1.692.

    >>> round(two_sided_t_value(0.90, 33), 3)
    1.692
    """
    if not (isinstance(confidence, int | float) and 0.0 < confidence < 1.0):
        raise InputError("confidence level must lie strictly between 0 and 1",
                         field="confidence", value=confidence, expected="e.g. 0.90")
    return student_t_quantile(0.5 + confidence / 2.0, df)
