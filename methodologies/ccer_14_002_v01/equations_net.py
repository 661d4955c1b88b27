"""CCER-14-002-V01, PROVISIONAL, prov. (5)-(6): leakage and net removals, and the signs.

The CDM parent's (AR-AM0014 v03.0) eq. (5)-(6) under provisional ids, and the engine's
two sign conventions BE_t = −ΔC_BSL,t and PE_t = −ΔC_ACTUAL,t.
:mod:`.equations` re-exports them with the rest.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from methodologies.ccer_14_002_v01.equations_removals import _CO2E, _PROV, DOCUMENT

__all__ = [
    "baseline_as_emissions",
    "leakage",
    "net_anthropogenic_removals",
    "project_as_emissions",
]


@equation(
    id="prov. (5)", document=DOCUMENT, symbol="LK_t", formula="LK_t = LK_AGRIC,t",
    source=f"{DOCUMENT} ({_PROV} eq. (5); the MEE text is unavailable)",
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
    .. math:: LK_t = LK_{AGRIC,t}  \tag{prov. (5)}

    References
    ----------
    CCER-14-002-V01, provisional: the CDM parent AR-AM0014 v03.0, section 5.6, equation (5).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(leakage(agricultural_displacement=Quantity(12.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    12.5
    """
    return agricultural_displacement


@equation(
    id="prov. (6)", document=DOCUMENT, symbol="ΔC_AR,t",
    formula="ΔC_AR,t = ΔC_ACTUAL,t − ΔC_BSL,t − LK_t",
    source=f"{DOCUMENT} ({_PROV} eq. (6); the MEE text is unavailable)",
    inputs={"actual": _CO2E, "baseline": _CO2E, "leakage": _CO2E}, output=_CO2E,
    description="net anthropogenic GHG removals by sinks",
)
def net_anthropogenic_removals(actual: pint.Quantity, baseline: pint.Quantity,
                               leakage: pint.Quantity) -> pint.Quantity:
    r"""Net removals by sinks (项目碳汇量) in year t (ER in the engine's terms).

    Parameters
    ----------
    actual : Quantity
        ΔC_ACTUAL,t, prov. (2) [t CO2e].
    baseline : Quantity
        ΔC_BSL,t, prov. (1) [t CO2e].
    leakage : Quantity
        LK_t, prov. (5) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_AR,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{AR,t} = \Delta C_{ACTUAL,t} - \Delta C_{BSL,t} - LK_t
       \tag{prov. (6)}

    References
    ----------
    CCER-14-002-V01, provisional: the CDM parent AR-AM0014 v03.0, section 5.7, equation (6).

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
    id="prov. BE", document=DOCUMENT, symbol="BE_t", formula="BE_t = −ΔC_BSL,t",
    source=f"{DOCUMENT} ({_PROV} eq. (1), reported as baseline emissions with the engine's "
           "sign: removals are negative emissions)",
    inputs={"baseline_removals": _CO2E}, output=_CO2E,
    description="baseline net removals reported as baseline emissions (BE = −ΔC_BSL,t)",
)
def baseline_as_emissions(baseline_removals: pint.Quantity) -> pint.Quantity:
    r"""Baseline removals with the engine's sign: BE is their negative.

    Parameters
    ----------
    baseline_removals : Quantity
        ΔC_BSL,t, prov. (1) [t CO2e].

    Returns
    -------
    Quantity
        BE_t [t CO2e].

    Notes
    -----
    .. math:: BE_t = -\Delta C_{BSL,t}  \tag{prov. BE}

    With BE_t and PE_t of prov. PE, BE − PE − LE equals the net removals of prov. (6).

    References
    ----------
    CCER-14-002-V01, provisional: the CDM parent AR-AM0014 v03.0, section 5.4, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(baseline_as_emissions(baseline_removals=Quantity(149.9, "t CO2e"))
    ...             .quantity.magnitude), 6)
    -149.9
    """
    return -1.0 * baseline_removals


@equation(
    id="prov. PE", document=DOCUMENT, symbol="PE_t",
    formula="PE_t = −ΔC_ACTUAL,t = GHG_E,t − ΔC_P,t",
    source=f"{DOCUMENT} ({_PROV} eq. (2), reported as project emissions with the engine's "
           "sign: removals are negative emissions)",
    inputs={"actual_removals": _CO2E}, output=_CO2E,
    description="actual net removals reported as project emissions (PE = −ΔC_ACTUAL,t)",
)
def project_as_emissions(actual_removals: pint.Quantity) -> pint.Quantity:
    r"""Actual net removals with the engine's sign: PE is their negative.

    Parameters
    ----------
    actual_removals : Quantity
        ΔC_ACTUAL,t, prov. (2) [t CO2e].

    Returns
    -------
    Quantity
        PE_t [t CO2e].

    Notes
    -----
    .. math:: PE_t = -\Delta C_{ACTUAL,t}  \tag{prov. PE}

    References
    ----------
    CCER-14-002-V01, provisional: the CDM parent AR-AM0014 v03.0, section 5.5, equation (2).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(project_as_emissions(actual_removals=Quantity(4976.5, "t CO2e"))
    ...             .quantity.magnitude), 6)
    -4976.5
    """
    return -1.0 * actual_removals
