"""The provisional deduction step of CCER-14-002-V01: share of the AR-TOOL14 discount applied.

The CDM parent (AR-AM0014 v03.0 para. 25) applies the AR-TOOL14 v04.2 precision
rule: a change in tree carbon whose uncertainty is more than 10 per cent is made conservative
by the full Appendix 2 discount. The CCER text may set another target or deduction, so the
plug-in forms the change it uses in its own provisional equation from the tool's conservative
value, the precision target and the deduction share
(:mod:`ccer_calc.tools.forestry.sink_precision`). With the defaults (target 10 %, share 1) it is
the tool's value to the last bit.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry.sink_precision import applied_change

__all__ = ["deduction_applied"]

DOCUMENT = "CCER-14-002-V01"


@equation(
    id="prov. deduction", document=DOCUMENT, symbol="ΔC_TREE,used",
    formula="ΔC_TREE,used = X_cons + (1 − f) × (ΔC_TREE − X_cons); f = s_DED if u_ΔC > "
            "U_TARGET, else 0",
    source=f"{DOCUMENT} (provisional: precision target and deduction share, defaults of the "
           "CDM parent's precision rule, AR-TOOL14 v04.2 paras. 18, 22 and "
           "Appendix 2; the MEE text is unavailable)",
    inputs={"estimate": "t CO2e", "conservative": "t CO2e",
            "uncertainty": "dimensionless", "deduction_share": "dimensionless",
            "precision_target": "dimensionless"},
    output="t CO2e",
    description="change in tree carbon after the provisional share of the uncertainty discount",
)
def deduction_applied(estimate: pint.Quantity, conservative: pint.Quantity,
                      uncertainty: pint.Quantity, deduction_share: pint.Quantity,
                      precision_target: pint.Quantity) -> pint.Quantity:
    r"""The change in tree carbon the plug-in uses, after the provisional deduction share.

    Parameters
    ----------
    estimate : Quantity
        ΔC_TREE, the undiscounted change (AR-TOOL14 eq. 1) [t CO2e].
    conservative : Quantity
        X_cons, the change after the tool's Appendix 2 discount [t CO2e].
    uncertainty : Quantity
        u_ΔC, its uncertainty (AR-TOOL14 eq. 2) [dimensionless].
    deduction_share : Quantity
        s_DED, share of the tool's discount applied, from 0 to 1 [dimensionless].
    precision_target : Quantity
        U_TARGET, no deduction where u_ΔC is at or below it [dimensionless].

    Returns
    -------
    Quantity
        ΔC_TREE,used [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{TREE,used} = X_{cons} + (1 - f)(\Delta C_{TREE} - X_{cons}),\quad
              f = s_{DED}\ \text{if}\ u_{\Delta C} > U_{TARGET}\ \text{else}\ 0
              \tag{prov. deduction}

    References
    ----------
    CCER-14-002-V01, provisional; defaults of the CDM parent AR-AM0014 v03.0 para. 25,
    AR-TOOL14 v04.2 paras. 18, 22 and Appendix 2, Table 1.

    Examples
    --------
    The tool's example, 60 ± 9 (U = 15 %, conservative 57.75), with half the discount:

    >>> from ccer_calc.units import Quantity
    >>> x = deduction_applied(estimate=Quantity(60.0, "t CO2"),
    ...                       conservative=Quantity(57.75, "t CO2"),
    ...                       uncertainty=Quantity(0.15, ""), deduction_share=Quantity(0.5, ""),
    ...                       precision_target=Quantity(0.10, ""))
    >>> round(float(x.quantity.m_as("t CO2")), 6)
    58.875
    """
    return applied_change(estimate, conservative, uncertainty.m_as(""),
                          deduction_share.m_as(""), precision_target.m_as(""))
