"""AR-AM0014 v03.0 eq. (1)-(4): baseline and actual net removals (sections 5.4-5.5).

(1) baseline net removals, (2) actual net removals, (3) change in the project's pools,
(4) change in soil organic carbon by planting year (the default rate of para. 17).
:mod:`.equations` re-exports them with the rest of the document's equations.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry import sink_soc

__all__ = [
    "actual_net_removals",
    "baseline_net_removals",
    "project_stock_change",
    "soc_rate_by_planting_year",
    "soil_carbon_change",
]

DOCUMENT = "AR-AM0014 v03.0"
_CO2E = "t CO2e"


@equation(
    id="(1)", document=DOCUMENT, symbol="ΔC_BSL,t",
    formula="ΔC_BSL,t = ΔC_TREE_BSL,t + ΔC_SHRUB_BSL,t + ΔC_DW_BSL,t",
    source=f"{DOCUMENT}, section 5.4, para. 13, eq. (1)",
    inputs={"trees": _CO2E, "shrubs": _CO2E, "dead_wood": _CO2E},
    output=_CO2E, description="baseline net GHG removals by sinks",
)
def baseline_net_removals(trees: pint.Quantity, shrubs: pint.Quantity,
                          dead_wood: pint.Quantity) -> pint.Quantity:
    r"""Baseline net GHG removals by sinks in year t.

    Parameters
    ----------
    trees : Quantity
        ΔC_TREE_BSL,t, change in baseline tree biomass (AR-TOOL14) [t CO2e].
    shrubs : Quantity
        ΔC_SHRUB_BSL,t, change in baseline shrub biomass (AR-TOOL14) [t CO2e].
    dead_wood : Quantity
        ΔC_DW_BSL,t, change in baseline dead wood (AR-TOOL12; zero if not accounted) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_BSL,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{BSL,t} = \Delta C_{TREE\_BSL,t} + \Delta C_{SHRUB\_BSL,t}
       + \Delta C_{DW\_BSL,t}  \tag{1}

    Litter is not accounted (Table 1: high turnover and tidal displacement).

    References
    ----------
    AR-AM0014 v03.0, section 5.4, para. 13, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = baseline_net_removals(trees=Quantity(120.0, "t CO2e"),
    ...     shrubs=Quantity(15.5, "t CO2e"), dead_wood=Quantity(9.6, "t CO2e"))
    >>> round(float(b.quantity.magnitude), 6)
    145.1
    """
    return trees + shrubs + dead_wood


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
    AR-AM0014 v03.0, section 5.5, paras. 14-15, equation (2).

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
    formula="ΔC_P,t = ΔC_TREE_PROJ,t + ΔC_SHRUB_PROJ,t + ΔC_DW_PROJ,t + ΔSOC_PROJ,t",
    source=f"{DOCUMENT}, section 5.5, para. 16, eq. (3)",
    inputs={"trees": _CO2E, "shrubs": _CO2E, "dead_wood": _CO2E, "soil_carbon": _CO2E},
    output=_CO2E, description="change in the carbon stocks of the project's selected pools",
)
def project_stock_change(trees: pint.Quantity, shrubs: pint.Quantity,
                         dead_wood: pint.Quantity, soil_carbon: pint.Quantity) -> pint.Quantity:
    r"""Change in the carbon stocks of the project's selected pools in year t.

    Parameters
    ----------
    trees : Quantity
        ΔC_TREE_PROJ,t (AR-TOOL14) [t CO2e].
    shrubs : Quantity
        ΔC_SHRUB_PROJ,t (AR-TOOL14) [t CO2e].
    dead_wood : Quantity
        ΔC_DW_PROJ,t (AR-TOOL12; zero if the pool is not selected) [t CO2e].
    soil_carbon : Quantity
        ΔSOC_PROJ,t, eq. (4) (zero if the pool is not selected) [t CO2e].

    Returns
    -------
    Quantity
        ΔC_P,t [t CO2e].

    Notes
    -----
    .. math:: \Delta C_{P,t} = \Delta C_{TREE\_PROJ,t} + \Delta C_{SHRUB\_PROJ,t}
       + \Delta C_{DW\_PROJ,t} + \Delta SOC_{PROJ,t}  \tag{3}

    Version 03.0 corrected the SOC variable of this equation (document information).

    References
    ----------
    AR-AM0014 v03.0, section 5.5, para. 16, equation (3); Table 1 (pools).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> p = project_stock_change(trees=Quantity(4000.0, "t CO2e"),
    ...     shrubs=Quantity(-50.0, "t CO2e"), dead_wood=Quantity(320.0, "t CO2e"),
    ...     soil_carbon=Quantity(110.0, "t CO2e"))
    >>> round(float(p.quantity.magnitude), 6)
    4380.0
    """
    return trees + shrubs + dead_wood + soil_carbon


@equation(
    id="para. 17 (dSOC_t)", document=DOCUMENT, symbol="dSOC_t",
    formula="dSOC_t = dSOC for t_PLANT ≤ t ≤ t_PLANT + N ; 0 otherwise (N = 20 years)",
    source=f"{DOCUMENT}, section 5.5, para. 17, where-list of eq. (4), items (i)-(ii)",
    inputs={"year": "dimensionless", "planting_year": "dimensionless",
            "accrual_rate": "t C/ha/yr", "accrual_years": "yr"},
    output="t C/ha/yr", description="rate of change in SOC of each planting year's area",
)
def soc_rate_by_planting_year(year: pint.Quantity, planting_year: pint.Quantity,
                              accrual_rate: pint.Quantity, accrual_years: pint.Quantity
                              ) -> pint.Quantity:
    r"""The default SOC rate of each planting year's area in each year t (years × plantings).

    Parameters
    ----------
    year : Quantity
        Calendar year t of each element of the period axis [dimensionless].
    planting_year : Quantity
        t_PLANT of each planting [dimensionless].
    accrual_rate : Quantity
        dSOC; 0.50 unless transparent and verifiable information justifies another value
        [t C/ha/yr].
    accrual_years : Quantity
        N, the years after t_PLANT with the rate; 20 as printed [yr].

    Returns
    -------
    Quantity
        dSOC_t, shape (years, plantings) [t C/ha/yr].

    Notes
    -----
    .. math:: dSOC_t = \begin{cases} dSOC & t_{PLANT} \le t \le t_{PLANT} + N \\
       0 & \text{otherwise} \end{cases}  \tag{para. 17 (dSOC_t)}

    The text gives the rate "for t = t_PLANT to t = t_PLANT + 20 years" and zero "for t >
    t_PLANT + 20", read here as printed: 21 calendar years counting the planting year. Before
    planting the area is not planted and the rate is zero.

    References
    ----------
    AR-AM0014 v03.0, section 5.5, para. 17, equation (4), items (i) and (ii).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> r = soc_rate_by_planting_year(year=Quantity(np.array([2014, 2015, 2035, 2036]), ""),
    ...     planting_year=Quantity(np.array([2015]), ""),
    ...     accrual_rate=Quantity(0.5, "t C/ha/yr"), accrual_years=Quantity(20, "yr"))
    >>> r.quantity.magnitude[:, 0].tolist()
    [0.0, 0.5, 0.5, 0.0]
    """
    return sink_soc.rate_by_planting_year(year, planting_year, accrual_rate, accrual_years)


@equation(
    id="(4)", document=DOCUMENT, symbol="ΔSOC_PROJ,t",
    formula="ΔSOC_PROJ,t = 44/12 × Σ_{t=1}^{t} A_PLANT,t × dSOC_t × 1 year",
    source=f"{DOCUMENT}, section 5.5, para. 17, eq. (4), over Δt, the share of year t the "
           "days cover (1 year for a whole year)",
    inputs={"planted_area": "ha", "soc_rate": "t C/ha/yr", "duration": "yr"},
    output=_CO2E, description="change in SOC stock within the project boundary",
)
def soil_carbon_change(planted_area: pint.Quantity, soc_rate: pint.Quantity,
                       duration: pint.Quantity) -> pint.Quantity:
    r"""Change in SOC in year t: the areas planted so far times their rates, as CO2.

    Parameters
    ----------
    planted_area : Quantity
        A_PLANT,t, the area planted in each planting year [ha].
    soc_rate : Quantity
        dSOC_t of each planting in year t, shape (years, plantings) [t C/ha/yr].
    duration : Quantity
        Δt, the share of year t each element covers; 1 year for a whole year [yr].

    Returns
    -------
    Quantity
        ΔSOC_PROJ,t [t CO2e].

    Notes
    -----
    .. math:: \Delta SOC_{PROJ,t} = \frac{44}{12} \sum_{t=1}^{t} A_{PLANT,t}
       \times dSOC_t \times 1\,\text{year}  \tag{4}

    The sum runs over the years of planting up to t (its index reuses t): each planting's area
    contributes at its own rate.

    References
    ----------
    AR-AM0014 v03.0, section 5.5, para. 17, equation (4).

    Examples
    --------
    35 ha and 25 ha at 0.5 t C/ha/yr for a whole year: 44/12 × 30 = 110 t CO2e:

    >>> from ccer_calc.units import Quantity
    >>> d = soil_carbon_change(planted_area=Quantity([35.0, 25.0], "ha"),
    ...     soc_rate=Quantity([[0.5, 0.5]], "t C/ha/yr"), duration=Quantity([1.0], "yr"))
    >>> [round(x, 6) for x in d.quantity.magnitude.tolist()]
    [110.0]
    """
    return sink_soc.planted_soc_change(planted_area, soc_rate, duration)
