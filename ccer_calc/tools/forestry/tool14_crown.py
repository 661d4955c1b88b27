"""AR-TOOL14 v04.2 sections 6.3 and 8.3: baseline trees by proportionate crown cover.

Only where the mean pre-project tree crown cover is below 20 % of the host Party's forest
threshold crown cover (para. 24, 49; threshold 30 % gives 6 %): the pre-project stock
(eq. 20-21) and, ex-ante only, the baseline annual change (eq. 9-10) are forest defaults scaled
by each baseline stratum's crown cover. The default increment is zero after the year in which
baseline biomass reaches a steady state, the 20th year from the project start unless justified
(para. 25).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL14, RuleCheck, sum_last

__all__ = [
    "baseline_tree_carbon_change",
    "baseline_tree_carbon_change_stratum",
    "forest_increment_in_year",
    "pre_project_tree_carbon",
    "pre_project_tree_carbon_stratum",
    "proportionate_crown_cover_applies",
]


def proportionate_crown_cover_applies(
    crown_cover: Any, stratum_area: Any, forest_threshold: float,  # noqa: ANN401 - arrays
) -> RuleCheck:
    """Whether the mean pre-project crown cover is below 20 % of the forest threshold.

    The mean is weighted by the areas of the baseline strata.

    Examples
    --------
    >>> proportionate_crown_cover_applies([0.04, 0.08], [30.0, 10.0], 0.30).applies
    True
    >>> proportionate_crown_cover_applies([0.04, 0.08], [10.0, 30.0], 0.30).reason
    'mean pre-project crown cover 0.07 is not below 20 % of the threshold 0.3 (0.06)'
    """
    cc = np.asarray(crown_cover, dtype=np.float64)
    area = np.asarray(stratum_area, dtype=np.float64)
    if np.any((cc < 0) | (cc > 1)) or not 0 < forest_threshold <= 1:
        raise InputError("crown cover and threshold are fractions", field="crown_cover",
                         expected="0 <= CC <= 1 and 0 < threshold <= 1")
    mean = float((cc * area).sum() / area.sum())
    limit = 0.20 * forest_threshold
    ok = mean < limit
    verb = "is below" if ok else "is not below"
    return RuleCheck(ok, f"{TOOL14} para. 24 and 49", ("mean crown cover",) if ok else (),
                     () if ok else ("mean crown cover",),
                     f"mean pre-project crown cover {mean:.4g} {verb} 20 % of the threshold "
                     f"{forest_threshold:g} ({limit:.4g})")


@equation(
    id="AR-TOOL14 para. 25", document=TOOL14, symbol="Δb_FOREST,t",
    formula="Δb_FOREST,t = Δb_FOREST for t ≤ t_STEADY ; 0 for t > t_STEADY",
    source=f"{TOOL14}, section 6.3, para. 25 (where-list of eq. 10)",
    inputs={"forest_biomass_increment": "t/ha/yr", "project_year": "yr",
            "steady_state_year": "yr"},
    output="t/ha/yr", description="Default forest increment, zero after the steady-state year",
)
def forest_increment_in_year(
    forest_biomass_increment: pint.Quantity, project_year: pint.Quantity,
    steady_state_year: pint.Quantity,
) -> pint.Quantity:
    r"""The default increment in project year t (1 = first year), zero after the steady state.

    Parameters
    ----------
    forest_biomass_increment : Quantity
        Δb_FOREST, mean annual above-ground increment of forest in the region [t/ha/yr].
    project_year : Quantity
        t, years counted from the project start (1, 2, ...) [yr].
    steady_state_year : Quantity
        Year in which baseline biomass reaches a steady state; 20 unless justified [yr].

    Returns
    -------
    Quantity
        Δb_FOREST in year t [t/ha/yr].

    Notes
    -----
    .. math:: \Delta b_{FOREST,t} = \begin{cases} \Delta b_{FOREST} & t \le t_{STEADY} \\
       0 & t > t_{STEADY} \end{cases}  \tag{AR-TOOL14 para. 25}

    References
    ----------
    AR-TOOL14 v04.2, section 6.3, para. 25, note to Δb_FOREST (default from IPCC GPG-LULUCF
    2003 Table 3A.1.5, which is not bundled: supply it with its source).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = forest_increment_in_year(forest_biomass_increment=Quantity(2.0, "t/ha/yr"),
    ...     project_year=Quantity(np.array([1, 20, 21]), "yr"),
    ...     steady_state_year=Quantity(20, "yr"))
    >>> d.quantity.magnitude.tolist()
    [2.0, 2.0, 0.0]
    """
    return forest_biomass_increment * np.where(
        project_year.m_as("yr") <= steady_state_year.m_as("yr"), 1.0, 0.0)


@equation(
    id="AR-TOOL14 (10)", document=TOOL14, symbol="ΔC_TREE_BSL,i",
    formula="ΔC_TREE_BSL,i = 44/12 × CF_TREE × Δb_FOREST × (1 + R_TREE) × CC_TREE_BSL,i × A_i",
    source=f"{TOOL14}, section 6.3, para. 25, eq. (10)",
    inputs={"carbon_fraction": "t C/t", "forest_biomass_increment": "t/ha/yr",
            "root_shoot_ratio": "dimensionless", "crown_cover": "dimensionless",
            "stratum_area": "ha"},
    output="t CO2/yr", description="Baseline annual change in tree carbon of a stratum",
)
def baseline_tree_carbon_change_stratum(
    carbon_fraction: pint.Quantity, forest_biomass_increment: pint.Quantity,
    root_shoot_ratio: pint.Quantity, crown_cover: pint.Quantity, stratum_area: pint.Quantity,
) -> pint.Quantity:
    r"""Mean annual change in baseline tree carbon of each baseline stratum (ex-ante only).

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE [t C/t]; 0.47 unless justified otherwise.
    forest_biomass_increment : Quantity
        Δb_FOREST (by year, from para. 25) [t/ha/yr].
    root_shoot_ratio : Quantity
        R_TREE; 0.25 unless justified otherwise [dimensionless].
    crown_cover : Quantity
        CC_TREE_BSL,i at the project start, as a fraction [dimensionless].
    stratum_area : Quantity
        A_i [ha].

    Returns
    -------
    Quantity
        ΔC_TREE_BSL,i [t CO2/yr].

    Notes
    -----
    .. math:: \Delta C_{TREE\_BSL,i} = \frac{44}{12} CF_{TREE} \Delta b_{FOREST}
       (1 + R_{TREE}) CC_{TREE\_BSL,i} A_i  \tag{AR-TOOL14 (10)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.3, paras. 24-25, equation (10).

    Examples
    --------
    44/12 × 0.47 × 2 × 1.25 × 0.05 × 100 = 21.541667 t CO2/yr:

    >>> from ccer_calc.units import Quantity
    >>> d = baseline_tree_carbon_change_stratum(carbon_fraction=Quantity(0.47, "t C/t"),
    ...     forest_biomass_increment=Quantity(2.0, "t/ha/yr"),
    ...     root_shoot_ratio=Quantity(0.25, ""), crown_cover=Quantity(0.05, ""),
    ...     stratum_area=Quantity(100, "ha"))
    >>> round(float(d.quantity.magnitude), 6)
    21.541667
    """
    return (CO2_PER_CARBON * carbon_fraction * forest_biomass_increment
            * (1 + root_shoot_ratio) * crown_cover * stratum_area)


@equation(
    id="AR-TOOL14 (9)", document=TOOL14, symbol="ΔC_TREE_BSL",
    formula="ΔC_TREE_BSL = Σ_i ΔC_TREE_BSL,i", source=f"{TOOL14}, section 6.3, para. 25, eq. (9)",
    inputs={"stratum_change": "t CO2/yr"}, output="t CO2/yr",
    description="Baseline annual change in tree carbon",
)
def baseline_tree_carbon_change(stratum_change: pint.Quantity) -> pint.Quantity:
    r"""Sum over the baseline strata (the last axis).

    Parameters
    ----------
    stratum_change : Quantity
        ΔC_TREE_BSL,i, strata along the last axis [t CO2/yr].

    Returns
    -------
    Quantity
        ΔC_TREE_BSL [t CO2/yr]; an annual value, so eq. (11) does not apply to it.

    Notes
    -----
    .. math:: \Delta C_{TREE\_BSL} = \sum_{i=1}^{M} \Delta C_{TREE\_BSL,i}
       \tag{AR-TOOL14 (9)}

    References
    ----------
    AR-TOOL14 v04.2, section 6.3, para. 25, equation (9).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = baseline_tree_carbon_change(
    ...     stratum_change=Quantity(np.array([21.5, 3.5]), "t CO2/yr"))
    >>> round(float(d.quantity.magnitude), 6)
    25.0
    """
    return sum_last(stratum_change)


@equation(
    id="AR-TOOL14 (21)", document=TOOL14, symbol="C_TREE_BSL,i",
    formula="C_TREE_BSL,i = 44/12 × CF_TREE × b_FOREST × (1 + R_TREE) × CC_TREE_BSL,i × A_i",
    source=f"{TOOL14}, section 8.3, para. 51, eq. (21)",
    inputs={"carbon_fraction": "t C/t", "forest_biomass": "t/ha",
            "root_shoot_ratio": "dimensionless", "crown_cover": "dimensionless",
            "stratum_area": "ha"},
    output="t CO2", description="Carbon stock in pre-project trees of a baseline stratum",
)
def pre_project_tree_carbon_stratum(
    carbon_fraction: pint.Quantity, forest_biomass: pint.Quantity,
    root_shoot_ratio: pint.Quantity, crown_cover: pint.Quantity, stratum_area: pint.Quantity,
) -> pint.Quantity:
    r"""Pre-project tree carbon of each baseline stratum by proportionate crown cover.

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE [t C/t]; 0.47.
    forest_biomass : Quantity
        b_FOREST, mean above-ground biomass of forest in the region [t/ha] (IPCC GPG-LULUCF
        2003 Table 3A.1.4, not bundled: supply it with its source).
    root_shoot_ratio : Quantity
        R_TREE; 0.25 unless justified otherwise [dimensionless].
    crown_cover : Quantity
        CC_TREE_BSL,i at the project start [dimensionless].
    stratum_area : Quantity
        A_i [ha].

    Returns
    -------
    Quantity
        C_TREE_BSL,i [t CO2].

    Notes
    -----
    .. math:: C_{TREE\_BSL,i} = \frac{44}{12} CF_{TREE} b_{FOREST} (1 + R_{TREE})
       CC_{TREE\_BSL,i} A_i  \tag{AR-TOOL14 (21)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.3, paras. 49-51, equation (21).

    Examples
    --------
    44/12 × 0.47 × 120 × 1.25 × 0.04 × 50 = 517 t CO2:

    >>> from ccer_calc.units import Quantity
    >>> c = pre_project_tree_carbon_stratum(carbon_fraction=Quantity(0.47, "t C/t"),
    ...     forest_biomass=Quantity(120, "t/ha"), root_shoot_ratio=Quantity(0.25, ""),
    ...     crown_cover=Quantity(0.04, ""), stratum_area=Quantity(50, "ha"))
    >>> round(float(c.quantity.magnitude), 6)
    517.0
    """
    return (CO2_PER_CARBON * carbon_fraction * forest_biomass * (1 + root_shoot_ratio)
            * crown_cover * stratum_area)


@equation(
    id="AR-TOOL14 (20)", document=TOOL14, symbol="C_TREE_BSL",
    formula="C_TREE_BSL = Σ_i C_TREE_BSL,i", source=f"{TOOL14}, section 8.3, para. 51, eq. (20)",
    inputs={"stratum_stock": "t CO2"}, output="t CO2",
    description="Carbon stock in pre-project tree biomass",
)
def pre_project_tree_carbon(stratum_stock: pint.Quantity) -> pint.Quantity:
    r"""Sum over the baseline strata (the last axis).

    Parameters
    ----------
    stratum_stock : Quantity
        C_TREE_BSL,i [t CO2].

    Returns
    -------
    Quantity
        C_TREE_BSL [t CO2].

    Notes
    -----
    .. math:: C_{TREE\_BSL} = \sum_{i=1}^{M} C_{TREE\_BSL,i}  \tag{AR-TOOL14 (20)}

    References
    ----------
    AR-TOOL14 v04.2, section 8.3, para. 51, equation (20).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = pre_project_tree_carbon(stratum_stock=Quantity(np.array([517.0, 83.0]), "t CO2"))
    >>> round(float(c.quantity.magnitude), 6)
    600.0
    """
    return sum_last(stratum_stock)
