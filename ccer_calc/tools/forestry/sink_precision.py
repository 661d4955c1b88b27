"""Precision target and uncertainty deduction of a provisional CCER sink plug-in.

The CCER texts CCER-14-001-V01 and CCER-14-002-V01 were not available; their CDM parents
(AR-ACM0003 v02.0 para. 24, AR-AM0014 v03.0 para. 25) take the precision requirements of
AR-TOOL14 v04.2: where the uncertainty U of a change in tree carbon (eq. 2 or 6) is more than
10 per cent, the change is made conservative by the discount of Appendix 2 (paras. 18 and 22;
Appendix 2, para. 2 and Table 1). The CCER text may set another target or deduct otherwise, so
a provisional plug-in names both:

* ``precision_target`` p (default 0.10, the tool's "more than 10 per cent"): at or below p no
  deduction is made. It cannot go below 0.10: Table 1 discounts nothing at or below 10 %, so a
  stricter target would need a rule the tool does not give;
* ``uncertainty_deduction`` s in [0, 1] (default 1, the tool's discount in full): the share of
  the Appendix 2 discount that is applied.

The tool's equation is left as it is (``AR-TOOL14 App. 2 (project)`` still records the tool's
conservative value); the plug-in's own provisional equation then forms the change it uses:

    X_applied = X_cons + (1 − f) × (X − X_cons),   f = s if U > p else 0

With the defaults f is exactly 1 wherever the tool discounts, so X_applied is X_cons to the last
bit (and X itself where the tool does not discount, X_cons being X there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.bounds import FRACTION, Bounds
from ccer_calc.methodology import ProvisionalRule
from ccer_calc.parameters import Parameter

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccer_calc.methodology import Context
    from ccer_calc.parameters import Value

__all__ = ["DEFAULT_PRECISION_TARGET", "applied_change", "deduction_for",
           "deduction_parameters", "precision_rule"]

#: AR-TOOL14 v04.2 paras. 18, 22, 37, 44, 54 and Appendix 2 para. 2: "more than 10 per cent".
DEFAULT_PRECISION_TARGET = 0.10
#: As the tool's class bounds (:mod:`.tool14_discount`): U equal to p up to rounding is "at p".
_REL_TOL = 1e-12
_TOOL = "AR-TOOL14 v04.2"


def deduction_parameters(provisional: str, parent: str, paragraph: str) -> tuple[Parameter, ...]:
    """``precision_target`` and ``uncertainty_deduction``, with the parent's values."""
    return (
        Parameter("precision_target", "U_TARGET", "dimensionless",
                  "精度目标：抽样不确定性（90%置信水平）不超过该值时不扣减",
                  "precision target: no deduction where the sampling uncertainty (90 % "
                  "confidence) is at or below it",
                  f"{provisional}; {parent} {paragraph}: precision as in {_TOOL}, paras. 18, "
                  "22 and Appendix 2 para. 2 (discount where U is more than 10 per cent)",
                  "fixed", default=DEFAULT_PRECISION_TARGET, overridable=True,
                  bounds=Bounds(DEFAULT_PRECISION_TARGET, 1.0, reason=(
                      f"{_TOOL} Appendix 2 Table 1 discounts nothing at or below 10 %, so a "
                      "stricter target has no deduction rule")), provisional=True),
        Parameter("uncertainty_deduction", "s_DED", "dimensionless",
                  "AR-TOOL14附录2不确定性扣减的执行比例（1为全额扣减）",
                  "share of the AR-TOOL14 Appendix 2 uncertainty discount applied (1 in full)",
                  f"{provisional}; {parent} {paragraph}; {_TOOL} Appendix 2, Table 1 "
                  "(applied in full)", "fixed", default=1.0, overridable=True,
                  bounds=FRACTION, provisional=True),
    )


def precision_rule(provisional: str, parent: str, paragraph: str) -> ProvisionalRule:
    """The provisional rule ``precision`` the two parameters above apply, citing the parent."""
    return ProvisionalRule(
        "precision", "sampling uncertainty at 90 % confidence (confidence_level); a change "
        "whose uncertainty is above precision_target (default 10 %) keeps the share "
        "uncertainty_deduction (default 1) of the AR-TOOL14 Appendix 2 discount (equation "
        "prov. deduction); at or below it, no deduction",
        "90%置信水平下的抽样不确定性（confidence_level）；变化量的不确定性超过 "
        "precision_target（默认10%）时，按 uncertainty_deduction（默认1）的比例扣减"
        "AR-TOOL14附录2的折扣（公式 prov. deduction）；不超过时不扣减",
        f"{provisional}, {parent} {paragraph}; {_TOOL} paras. 18, 22, Appendix 2")


def applied_change(estimate: Any, conservative: Any, uncertainty: Any,  # noqa: ANN401
                   share: Any, target: Any) -> Any:  # noqa: ANN401 - floats or arrays
    """X_cons + (1 − f) × (X − X_cons) with f = s where U > p, else 0.

    Examples
    --------
    The tool's example (AR-TOOL14 v04.2 Appendix 2 Table 1): 60 ± 9, U = 15 %, project 57.75.
    Half the discount gives 58.875; a target of 15 % none (U is not more than it).

    >>> float(applied_change(60.0, 57.75, 0.15, 1.0, 0.10))
    57.75
    >>> float(applied_change(60.0, 57.75, 0.15, 0.5, 0.10))
    58.875
    >>> float(applied_change(60.0, 57.75, 0.15, 1.0, 0.15))
    60.0
    """
    u = np.asarray(uncertainty, dtype=np.float64)
    f = np.where(u > np.asarray(target, dtype=np.float64) * (1 + _REL_TOL), share, 0.0)
    return conservative + (1.0 - f) * (estimate - conservative)


def deduction_for(ctx: Context, equation: Callable[..., Value]
                  ) -> Callable[[Value, Value, Value, str], Value]:
    """The hook that evaluates the plug-in's provisional equation for one interval."""
    share, target = ctx.param("uncertainty_deduction"), ctx.param("precision_target")

    def applied(change: Value, uncertainty: Value, conservative: Value, label: str) -> Value:
        return equation(estimate=change, conservative=conservative, uncertainty=uncertainty,
                        deduction_share=share, precision_target=target, trail=ctx.trail,
                        instance=label)
    return applied
