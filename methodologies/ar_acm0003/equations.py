"""Equations of AR-ACM0003 v02.0, in document order, with the document's own numbers.

(1) baseline net removals, (2) actual net removals, (3) change in the project's pools,
(4) leakage, (5) net anthropogenic removals, (6)-(7) tCER and lCER of a verification period
(in :mod:`.equations_credits`, re-exported here).
The pools' changes come from the tools (AR-TOOL14, AR-TOOL12, AR-TOOL16, AR-TOOL08, AR-TOOL15),
whose equations carry their own numbers.

The engine reports every methodology in four quantities, BE − PE − LE = ER. Removals enter as
negative emissions (docs/architecture.md): two recorded equations say so, BE_t = −ΔC_BSL,t
(para. 13) and PE_t = −ΔC_ACTUAL,t (para. 15); LE is LK_t of eq. (4) and ER is ΔC_AR-CDM,t of
eq. (5).
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from methodologies.ar_acm0003.equations_credits import long_term_cers, temporary_cers

__all__ = [
    "DOCUMENT",
    "actual_net_removals",
    "baseline_as_emissions",
    "baseline_net_removals",
    "leakage",
    "long_term_cers",
    "net_anthropogenic_removals",
    "project_as_emissions",
    "project_stock_change",
    "temporary_cers",
]

DOCUMENT = "AR-ACM0003 v02.0"
_CO2E = "t CO2e"


@equation(
    id="(1)", document=DOCUMENT, symbol="ΔC_BSL,t",
    formula="ΔC_BSL,t = ΔC_TREE_BSL,t + ΔC_SHRUB_BSL,t + ΔC_DW_BSL,t + ΔC_LI_BSL,t",
    source=f"{DOCUMENT}, section 5.4, para. 13, eq. (1)",
    inputs={"trees": _CO2E, "shrubs": _CO2E, "dead_wood": _CO2E, "litter": _CO2E},
    output=_CO2E, description="baseline net GHG removals by sinks",
)
def baseline_net_removals(trees: pint.Quantity, shrubs: pint.Quantity,
                          dead_wood: pint.Quantity, litter: pint.Quantity) -> pint.Quantity:
    r"""Baseline net GHG removals by sinks in year t.

    Parameters
    ----------
    trees : Quantity
        ΔC_TREE_BSL,t, change in baseline tree biomass (AR-TOOL14) [t CO2e].
    shrubs : Quantity
        ΔC_SHRUB_BSL,t, change in baseline shrub biomass (AR-TOOL14) [t CO2e].
    dead_wood : Quantity
        ΔC_DW_BSL,t, change in baseline dead wood (AR-TOOL12; zero if not accounted) [t CO2e].
    litter : Quantity
        ΔC_LI_BSL,t, change in baseline litter (AR-TOOL12; zero if not accounted) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_BSL,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{BSL,t} = \Delta C_{TREE\_BSL,t} + \Delta C_{SHRUB\_BSL,t}
       + \Delta C_{DW\_BSL,t} + \Delta C_{LI\_BSL,t}  \tag{1}

    References
    ----------
    AR-ACM0003 v02.0, section 5.4, para. 13, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = baseline_net_removals(trees=Quantity(120.0, "t CO2e"),
    ...     shrubs=Quantity(15.5, "t CO2e"), dead_wood=Quantity(9.6, "t CO2e"),
    ...     litter=Quantity(4.8, "t CO2e"))
    >>> round(float(b.quantity.magnitude), 6)
    149.9
    """
    return trees + shrubs + dead_wood + litter


@equation(
    id="(2)", document=DOCUMENT, symbol="ΔC_ACTUAL,t",
    formula="ΔC_ACTUAL,t = ΔC_P,t − GHG_E,t",
    source=f"{DOCUMENT}, section 5.5, para. 15, eq. (2)",
    inputs={"project_change": _CO2E, "non_co2": _CO2E}, output=_CO2E,
    description="actual net GHG removals by sinks",
)
def actual_net_removals(project_change: pint.Quantity, non_co2: pint.Quantity) -> pint.Quantity:
    r"""Actual net GHG removals by sinks in year t.

    Parameters
    ----------
    project_change : Quantity
        ΔC_P,t, change in the project's selected pools, eq. (3) [t CO2e].
    non_co2 : Quantity
        GHG_E,t, increase in non-CO2 emissions from burning biomass (AR-TOOL08) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_ACTUAL,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{ACTUAL,t} = \Delta C_{P,t} - GHG_{E,t}  \tag{2}

    Emissions from removing herbaceous vegetation, fossil fuel, fertilizer, use of wood,
    decomposition of litter and fine roots of N-fixing trees, access roads and transport are
    insignificant and accounted as zero (para. 14).

    References
    ----------
    AR-ACM0003 v02.0, section 5.5, paras. 14-15, equation (2).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> a = actual_net_removals(project_change=Quantity(5000.0, "t CO2e"),
    ...                         non_co2=Quantity(23.5, "t CO2e"))
    >>> round(float(a.quantity.magnitude), 6)
    4976.5
    """
    return project_change - non_co2


@equation(
    id="(3)", document=DOCUMENT, symbol="ΔC_P,t",
    formula="ΔC_P,t = ΔC_TREE_PROJ,t + ΔC_SHRUB_PROJ,t + ΔC_DW_PROJ,t + ΔC_LI_PROJ,t + "
            "ΔSOC_AL,t",
    source=f"{DOCUMENT}, section 5.5, para. 16, eq. (3)",
    inputs={"trees": _CO2E, "shrubs": _CO2E, "dead_wood": _CO2E, "litter": _CO2E,
            "soil_carbon": _CO2E},
    output=_CO2E, description="change in the carbon stocks of the project's selected pools",
)
def project_stock_change(trees: pint.Quantity, shrubs: pint.Quantity,
                         dead_wood: pint.Quantity, litter: pint.Quantity,
                         soil_carbon: pint.Quantity) -> pint.Quantity:
    r"""Change in the carbon stocks of the project's selected pools in year t.

    Parameters
    ----------
    trees : Quantity
        ΔC_TREE_PROJ,t (AR-TOOL14) [t CO2e].
    shrubs : Quantity
        ΔC_SHRUB_PROJ,t (AR-TOOL14) [t CO2e].
    dead_wood : Quantity
        ΔC_DW_PROJ,t (AR-TOOL12; zero if the pool is not selected) [t CO2e].
    litter : Quantity
        ΔC_LI_PROJ,t (AR-TOOL12; zero if the pool is not selected) [t CO2e].
    soil_carbon : Quantity
        ΔSOC_AL,t on land meeting AR-TOOL16's conditions (zero if not selected) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_P,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{P,t} = \Delta C_{TREE\_PROJ,t} + \Delta C_{SHRUB\_PROJ,t}
       + \Delta C_{DW\_PROJ,t} + \Delta C_{LI\_PROJ,t} + \Delta SOC_{AL,t}  \tag{3}

    References
    ----------
    AR-ACM0003 v02.0, section 5.5, para. 16, equation (3); Table 1 (pools).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> p = project_stock_change(trees=Quantity(4000.0, "t CO2e"),
    ...     shrubs=Quantity(-50.0, "t CO2e"), dead_wood=Quantity(320.0, "t CO2e"),
    ...     litter=Quantity(160.0, "t CO2e"), soil_carbon=Quantity(293.333333, "t CO2e"))
    >>> round(float(p.quantity.magnitude), 6)
    4723.333333
    """
    return trees + shrubs + dead_wood + litter + soil_carbon


@equation(
    id="(4)", document=DOCUMENT, symbol="LK_t", formula="LK_t = LK_AGRIC,t",
    source=f"{DOCUMENT}, section 5.6, para. 17, eq. (4)",
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
    .. math:: LK_t = LK_{AGRIC,t}  \tag{4}

    References
    ----------
    AR-ACM0003 v02.0, section 5.6, para. 17, equation (4).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(leakage(agricultural_displacement=Quantity(12.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    12.5
    """
    return agricultural_displacement


@equation(
    id="(5)", document=DOCUMENT, symbol="ΔC_AR-CDM,t",
    formula="ΔC_AR-CDM,t = ΔC_ACTUAL,t − ΔC_BSL,t − LK_t",
    source=f"{DOCUMENT}, section 5.7, para. 18, eq. (5)",
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
        LK_t, eq. (4) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_AR-CDM,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{AR\text{-}CDM,t} = \Delta C_{ACTUAL,t} - \Delta C_{BSL,t} - LK_t
       \tag{5}

    References
    ----------
    AR-ACM0003 v02.0, section 5.7, para. 18, equation (5).

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

    With BE_t and PE_t of para. 15 (PE), BE − PE − LE equals ΔC_AR-CDM,t of eq. (5).

    References
    ----------
    AR-ACM0003 v02.0, section 5.4, para. 13, equation (1); docs/architecture.md (signs).

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
    AR-ACM0003 v02.0, section 5.5, para. 15, equation (2); docs/architecture.md (signs).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(project_as_emissions(actual_removals=Quantity(4976.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    -4976.5
    """
    return -1.0 * actual_removals
