"""AR-AM0014 v03.0 eq. (5)-(8): leakage, net removals and the units of a verification.

(5) leakage (section 5.6), (6) net anthropogenic removals (section 5.7), (7)-(8) tCER and
lCER of a verification period (section 5.8), and the engine's two sign conventions
BE_t = −ΔC_BSL,t (para. 13) and PE_t = −ΔC_ACTUAL,t (para. 15).
:mod:`.equations` re-exports them with the rest of the document's equations.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry.sink import counted_sum
from methodologies.ar_am0014.equations_removals import _CO2E, DOCUMENT

__all__ = [
    "baseline_as_emissions",
    "leakage",
    "long_term_cers",
    "net_anthropogenic_removals",
    "project_as_emissions",
    "temporary_cers",
]


@equation(
    id="(5)", document=DOCUMENT, symbol="LK_t", formula="LK_t = LK_AGRIC,t",
    source=f"{DOCUMENT}, section 5.6, para. 18, eq. (5)",
    inputs={"agricultural_displacement": _CO2E}, output=_CO2E,
    description="leakage: GHG emissions due to displaced agricultural activities",
)
def leakage(agricultural_displacement: pint.Quantity) -> pint.Quantity:
    r"""Leakage emissions in year t.

    Parameters
    ----------
    agricultural_displacement : Quantity
        LK_AGRIC,t, leakage from displacing pre-project agriculture (AR-TOOL15) [t CO2e].

    Returns
    -------
    Quantity
        LK_t [t CO2e].

    Notes
    -----
    .. math:: LK_t = LK_{AGRIC,t}  \tag{5}

    References
    ----------
    AR-AM0014 v03.0, section 5.6, para. 18, equation (5).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(leakage(agricultural_displacement=Quantity(12.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    12.5
    """
    return agricultural_displacement


@equation(
    id="(6)", document=DOCUMENT, symbol="ΔC_AR-CDM,t",
    formula="ΔC_AR-CDM,t = ΔC_ACTUAL,t − ΔC_BSL,t − LK_t",
    source=f"{DOCUMENT}, section 5.7, para. 19, eq. (6)",
    inputs={"actual": _CO2E, "baseline": _CO2E, "leakage": _CO2E}, output=_CO2E,
    description="net anthropogenic GHG removals by sinks",
)
def net_anthropogenic_removals(actual: pint.Quantity, baseline: pint.Quantity,
                               leakage: pint.Quantity) -> pint.Quantity:
    r"""Net anthropogenic GHG removals by sinks in year t (ER in the engine's terms).

    Parameters
    ----------
    actual : Quantity
        ΔC_ACTUAL,t, eq. (2) [t CO2e].
    baseline : Quantity
        ΔC_BSL,t, eq. (1) [t CO2e].
    leakage : Quantity
        LK_t, eq. (5) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_AR-CDM,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{AR\text{-}CDM,t} = \Delta C_{ACTUAL,t} - \Delta C_{BSL,t} - LK_t
       \tag{6}

    References
    ----------
    AR-AM0014 v03.0, section 5.7, para. 19, equation (6).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> n = net_anthropogenic_removals(actual=Quantity(4976.5, "t CO2e"),
    ...     baseline=Quantity(149.9, "t CO2e"), leakage=Quantity(12.5, "t CO2e"))
    >>> round(float(n.quantity.magnitude), 6)
    4814.1
    """
    return actual - baseline - leakage


@equation(
    id="(7)", document=DOCUMENT, symbol="tCER_t2",
    formula="tCER_t2 = Σ_{t=1}^{t2} ΔC_AR-CDM,t",
    source=f"{DOCUMENT}, section 5.8, para. 20, eq. (7)",
    inputs={"net_removals": _CO2E, "counted": "dimensionless"}, output=_CO2E,
    description="tCERs issuable at the end t2 of a verification period",
)
def temporary_cers(net_removals: pint.Quantity, counted: pint.Quantity) -> pint.Quantity:
    r"""Temporary CERs issuable in year t2: net removals from the first year to t2.

    Parameters
    ----------
    net_removals : Quantity
        ΔC_AR-CDM,t on the period axis, eq. (6) [t CO2e].
    counted : Quantity
        1 for the elements from year 1 of the project to t2, else 0 [dimensionless].

    Returns
    -------
    Quantity
        tCER_t2, in t CO2e (one tCER per tonne) [t CO2e].

    Notes
    -----
    .. math:: tCER_{t_2} = \sum_{t=1}^{t_2} \Delta C_{AR\text{-}CDM,t}  \tag{7}

    References
    ----------
    AR-AM0014 v03.0, section 5.8, para. 20, equation (7).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> t = temporary_cers(net_removals=Quantity([1000.0, 2500.0, 3000.0], "t CO2e"),
    ...                    counted=Quantity([1, 1, 1], ""))
    >>> round(float(t.quantity.magnitude), 6)
    6500.0
    """
    return counted_sum(net_removals, counted)


@equation(
    id="(8)", document=DOCUMENT, symbol="lCER_t2",
    formula="lCER_t2 = Σ_{t=t1+1}^{t2} ΔC_AR-CDM,t",
    source=f"{DOCUMENT}, section 5.8, paras. 20-21, eq. (8)",
    inputs={"net_removals": _CO2E, "counted": "dimensionless"}, output=_CO2E,
    description="lCERs issuable at t2 for the verification period t1..t2 (negative: lCERs to "
                "be replaced, para. 21)",
)
def long_term_cers(net_removals: pint.Quantity, counted: pint.Quantity) -> pint.Quantity:
    r"""Long-term CERs issuable in year t2: net removals of the verification period.

    Parameters
    ----------
    net_removals : Quantity
        ΔC_AR-CDM,t on the period axis, eq. (6) [t CO2e].
    counted : Quantity
        1 for the elements of the verification period t1 + 1 to t2, else 0 [dimensionless].

    Returns
    -------
    Quantity
        lCER_t2 [t CO2e]; a negative value is the number of lCERs to be replaced because of a
        reversal since the previous certification (para. 21).

    Notes
    -----
    .. math:: lCER_{t_2} = \sum_{t=t_1+1}^{t_2} \Delta C_{AR\text{-}CDM,t}  \tag{8}

    References
    ----------
    AR-AM0014 v03.0, section 5.8, paras. 20-21, equation (8).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = long_term_cers(net_removals=Quantity([1000.0, 2500.0, -3000.0], "t CO2e"),
    ...                    counted=Quantity([0, 1, 1], ""))
    >>> round(float(c.quantity.magnitude), 6)
    -500.0
    """
    return counted_sum(net_removals, counted)


@equation(
    id="para. 13 (BE)", document=DOCUMENT, symbol="BE_t", formula="BE_t = −ΔC_BSL,t",
    source=f"{DOCUMENT}, para. 13, eq. (1), reported as baseline emissions with the engine's "
           "sign (removals are negative emissions)",
    inputs={"baseline_removals": _CO2E}, output=_CO2E,
    description="baseline net removals reported as baseline emissions (BE = −ΔC_BSL,t)",
)
def baseline_as_emissions(baseline_removals: pint.Quantity) -> pint.Quantity:
    r"""Baseline removals with the engine's sign: BE is their negative.

    Parameters
    ----------
    baseline_removals : Quantity
        ΔC_BSL,t, eq. (1) [t CO2e].

    Returns
    -------
    Quantity
        BE_t [t CO2e].

    Notes
    -----
    .. math:: BE_t = -\Delta C_{BSL,t}  \tag{para. 13 (BE)}

    With BE_t and PE_t of para. 15 (PE), BE − PE − LE equals ΔC_AR-CDM,t of eq. (6).

    References
    ----------
    AR-AM0014 v03.0, section 5.4, para. 13, equation (1); docs/architecture.md (signs).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(baseline_as_emissions(baseline_removals=Quantity(149.9, "t CO2e"))
    ...             .quantity.magnitude), 6)
    -149.9
    """
    return -1.0 * baseline_removals


@equation(
    id="para. 15 (PE)", document=DOCUMENT, symbol="PE_t",
    formula="PE_t = −ΔC_ACTUAL,t = GHG_E,t − ΔC_P,t",
    source=f"{DOCUMENT}, para. 15, eq. (2), reported as project emissions with the engine's "
           "sign (removals are negative emissions)",
    inputs={"actual_removals": _CO2E}, output=_CO2E,
    description="actual net removals reported as project emissions (PE = −ΔC_ACTUAL,t)",
)
def project_as_emissions(actual_removals: pint.Quantity) -> pint.Quantity:
    r"""Actual net removals with the engine's sign: PE is their negative.

    Parameters
    ----------
    actual_removals : Quantity
        ΔC_ACTUAL,t, eq. (2) [t CO2e].

    Returns
    -------
    Quantity
        PE_t [t CO2e].

    Notes
    -----
    .. math:: PE_t = -\Delta C_{ACTUAL,t}  \tag{para. 15 (PE)}

    References
    ----------
    AR-AM0014 v03.0, section 5.5, para. 15, equation (2); docs/architecture.md (signs).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(project_as_emissions(actual_removals=Quantity(4976.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    -4976.5
    """
    return -1.0 * actual_removals
