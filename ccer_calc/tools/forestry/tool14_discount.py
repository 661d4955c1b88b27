"""AR-TOOL14 v04.2 Appendix 2: the uncertainty discount that makes an estimate conservative.

When the uncertainty U of an estimated mean (half-width of its 90 % confidence interval over
the mean) exceeds 10 %, the estimate moves towards the conservative side by a share of the
half-width (Appendix 2, Table 1):

=================  =====================
uncertainty U      discount (% of U)
=================  =====================
U <= 10 %          0
10 < U <= 15 %     25
15 < U <= 20 %     50
20 < U <= 30 %     75
U > 30 %           100
=================  =====================

The discounted quantity is ``X - d(U) × U × |X|`` for project quantities (removals, stocks and
their increase) and ``X + d(U) × U × |X|`` for baseline quantities (the tool's example:
60 ± 9 t d.m./ha, U = 15 %, discount 25 % × 9 = 2.25: baseline 62.25, project 57.75). It is
applied to C_TREE (eq. 15), ΔC_TREE (eq. 2 or 6) and C_TREE,t2 (eq. 23); a stock discounted at
one verification enters the next one undiscounted (notes to eq. 1 and 22).

The class bounds are upper-inclusive, as printed; U is compared with them to a relative
tolerance of 1e-12 so that a value such as 9/60 computed as 0.15000000000000002 counts as 15 %.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from ccer_calc.equation import ANY, equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import TOOL14

__all__ = [
    "DISCOUNT_TABLE",
    "conservative_baseline_value",
    "conservative_project_value",
    "discount_fraction",
]

#: Appendix 2 Table 1: (upper bound of U, inclusive; discount as a share of U).
DISCOUNT_TABLE: tuple[tuple[float, float], ...] = (
    (0.10, 0.0), (0.15, 0.25), (0.20, 0.50), (0.30, 0.75), (np.inf, 1.0))
_REL_TOL = 1e-12
_APP2 = f"{TOOL14}, Appendix 2, Table 1"


def discount_fraction(uncertainty: Any) -> Any:  # noqa: ANN401 - float or ndarray in, same out
    """Share of the half-width deducted for an uncertainty U (a fraction), per Table 1.

    Examples
    --------
    >>> [discount_fraction(u) for u in (0.10, 0.1001, 0.15, 0.2, 0.25, 0.31)]
    [0.0, 0.25, 0.25, 0.5, 0.75, 1.0]
    """
    u = np.asarray(uncertainty, dtype=np.float64)
    if np.any(~np.isfinite(u)) or np.any(u < 0):
        raise InputError("uncertainty must be a finite fraction >= 0", field="uncertainty",
                         value=u.tolist(), expected="e.g. 0.15 for 15 %")
    bounds = np.array([b for b, _ in DISCOUNT_TABLE])
    shares = np.array([d for _, d in DISCOUNT_TABLE])
    k = np.searchsorted(bounds * (1 + _REL_TOL), u, side="left")
    out = shares[k]
    return float(out) if out.ndim == 0 else out


@equation(
    id="AR-TOOL14 App. 2 (project)", document=TOOL14, symbol="X_cons",
    formula="X_cons = X − d(U) × U × |X|", source=f"{_APP2} (project side)",
    inputs={"estimate": ANY, "uncertainty": "dimensionless"}, output="same as:estimate",
    description="Estimate made conservative for the project scenario",
)
def conservative_project_value(estimate: pint.Quantity, uncertainty: pint.Quantity
                               ) -> pint.Quantity:
    r"""A project estimate lowered by the Appendix 2 share of its half-width.

    Parameters
    ----------
    estimate : Quantity
        The undiscounted estimate X, e.g. C_TREE or ΔC_TREE [any unit].
    uncertainty : Quantity
        U, its uncertainty as a fraction [dimensionless].

    Returns
    -------
    Quantity
        The conservative value [unit of ``estimate``].

    Notes
    -----
    .. math:: X_{cons} = X - d(U) \times U \times |X|  \tag{AR-TOOL14 App. 2 (project)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 2, para. 2 and Table 1 (worked example: 60 ± 9 → 57.75).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> x = conservative_project_value(estimate=Quantity(60, "t/ha"),
    ...                                uncertainty=Quantity(9 / 60, ""))
    >>> round(float(x.quantity.magnitude), 6)
    57.75
    """
    u = uncertainty.m_as("")
    return estimate - discount_fraction(u) * u * abs(estimate)


@equation(
    id="AR-TOOL14 App. 2 (baseline)", document=TOOL14, symbol="X_cons",
    formula="X_cons = X + d(U) × U × |X|", source=f"{_APP2} (baseline side)",
    inputs={"estimate": ANY, "uncertainty": "dimensionless"}, output="same as:estimate",
    description="Estimate made conservative for the baseline scenario",
)
def conservative_baseline_value(estimate: pint.Quantity, uncertainty: pint.Quantity
                                ) -> pint.Quantity:
    r"""A baseline estimate raised by the Appendix 2 share of its half-width.

    Parameters
    ----------
    estimate : Quantity
        The undiscounted estimate X [any unit].
    uncertainty : Quantity
        U as a fraction [dimensionless].

    Returns
    -------
    Quantity
        The conservative value [unit of ``estimate``].

    Notes
    -----
    .. math:: X_{cons} = X + d(U) \times U \times |X|  \tag{AR-TOOL14 App. 2 (baseline)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 2, para. 2 and Table 1 (worked example: 60 ± 9 → 62.25).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> x = conservative_baseline_value(estimate=Quantity(60, "t/ha"),
    ...                                 uncertainty=Quantity(9 / 60, ""))
    >>> round(float(x.quantity.magnitude), 6)
    62.25
    """
    u = uncertainty.m_as("")
    return estimate + discount_fraction(u) * u * abs(estimate)
