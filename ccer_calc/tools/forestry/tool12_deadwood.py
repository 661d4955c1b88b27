"""AR-TOOL12 v03.1 section 6.1.1: measured carbon in standing dead trees of a plot, eq. (1)-(3).

Standing dead trees that lost only leaves and twigs (biomass reduction factor 0.975) or also
small branches (0.80) are measured like living trees and converted by a volume route (eq. 1) or
an allometric route (eq. 2), then to CO2 (eq. 3). Other dead trees and stumps are cylinders of
their mid-height diameter (measured below 4 m, estimated from DBH above, eq. 4), height and
decay-reduced density (eq. 5, :mod:`.tool12_stumps_lying`), as is lying dead wood (eq. 6). Sums run
over the dead trees, stumps or pieces of each species in each plot (0-based indices); eq. (7)
expands plots to strata (:mod:`.tool12_stocks`).

The tool's carbon fraction of tree biomass is 0.5 (data/parameter table 2), not AR-TOOL14's
0.47. Density reduction factors by decay class (para. 24): sound 1.00, intermediate 0.80,
rotten 0.45.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, PLOT_SPECIES, TOOL12, by_plot_species

__all__ = [
    "dead_tree_biomass_allometric",
    "dead_tree_biomass_volume",
    "standing_dead_tree_carbon",
]

_S61 = f"{TOOL12}, section 6.1"
@equation(
    id="AR-TOOL12 (1)", document=TOOL12, symbol="B_DWS_TREE,j,p,i,t",
    formula="B_DWS_TREE,j,p,i,t = D_j × BEF_2,j × (1 + R_j) × Σ_k V_TREE,j(DBH_k, H_k) × alpha_k",
    source=f"{_S61}, para. 18, eq. (1)",
    inputs={"stem_volume": "m^3", "biomass_reduction": "dimensionless",
            "wood_density": "t/m^3", "biomass_expansion_factor": "dimensionless",
            "root_shoot_ratio": "dimensionless", **PLOT_SPECIES},
    output="t", description="Biomass of standing dead trees by the BEF method",
)
def dead_tree_biomass_volume(  # noqa: PLR0917 - the symbols of eq. (1) and the grouping
    stem_volume: pint.Quantity, biomass_reduction: pint.Quantity, wood_density: pint.Quantity,
    biomass_expansion_factor: pint.Quantity, root_shoot_ratio: pint.Quantity,
    plot_index: pint.Quantity, species_index: pint.Quantity, plot_count: pint.Quantity,
    species_count: pint.Quantity,
) -> pint.Quantity:
    r"""Dead-wood biomass of the standing dead trees of each species and plot (volume route).

    Parameters
    ----------
    stem_volume : Quantity
        V_TREE,j(DBH_k, H_k) of each dead tree from its species' volume equation [m^3].
    biomass_reduction : Quantity
        alpha_k: 0.975 (lost leaves and twigs) or 0.80 (also branches below 10 cm)
        [dimensionless].
    wood_density : Quantity
        D_j of each tree's species [t/m^3].
    biomass_expansion_factor : Quantity
        BEF_2,j of each tree's species; +30 % for open-grown trees [dimensionless].
    root_shoot_ratio : Quantity
        R_j of each tree's species [dimensionless].
    plot_index : Quantity
        0-based plot of each tree [dimensionless].
    species_index : Quantity
        0-based species of each tree [dimensionless].
    plot_count : Quantity
        Number of plots [dimensionless].
    species_count : Quantity
        Number of species [dimensionless].

    Returns
    -------
    Quantity
        B_DWS_TREE,j,p,i,t, shape (plots, species) [t] (t d.m.).

    Notes
    -----
    .. math:: B_{DWS\_TREE,j,p,i,t} = D_j \, BEF_{2,j} (1 + R_j) \sum_{k=1}^{K}
       V_{TREE,j}(DBH_k, H_k) \, \alpha_k  \tag{AR-TOOL12 (1)}

    Species constants are applied tree by tree before the sum, which is the same product.

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.1.1, para. 18, equation (1); factors of para. 14.

    Examples
    --------
    0.4 × 1.2 × 1.25 × (0.5 × 0.975 + 0.3 × 0.8) = 0.4365 t:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = dead_tree_biomass_volume(stem_volume=Quantity(np.array([0.5, 0.3]), "m^3"),
    ...     biomass_reduction=Quantity(np.array([0.975, 0.8]), ""),
    ...     wood_density=Quantity(0.4, "t/m^3"), biomass_expansion_factor=Quantity(1.2, ""),
    ...     root_shoot_ratio=Quantity(0.25, ""), plot_index=Quantity(np.array([0, 0]), ""),
    ...     species_index=Quantity(np.array([0, 0]), ""), plot_count=Quantity(1, ""),
    ...     species_count=Quantity(1, ""))
    >>> round(float(b.quantity.magnitude[0, 0]), 6)
    0.4365
    """
    per_tree = (wood_density * biomass_expansion_factor * (1 + root_shoot_ratio)
                * stem_volume * biomass_reduction)
    return by_plot_species(per_tree, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL12 (2)", document=TOOL12, symbol="B_DWS_TREE,j,p,i,t",
    formula="B_DWS_TREE,j,p,i,t = (1 + R_j) × Σ_k f_j(DBH_k, H_k) × alpha_k",
    source=f"{_S61}, para. 20, eq. (2)",
    inputs={"aboveground_biomass": "t", "biomass_reduction": "dimensionless",
            "root_shoot_ratio": "dimensionless", **PLOT_SPECIES},
    output="t", description="Biomass of standing dead trees by the allometric method",
)
def dead_tree_biomass_allometric(  # noqa: PLR0917 - the symbols of eq. (2) and the grouping
    aboveground_biomass: pint.Quantity, biomass_reduction: pint.Quantity,
    root_shoot_ratio: pint.Quantity, plot_index: pint.Quantity, species_index: pint.Quantity,
    plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    r"""Dead-wood biomass of the standing dead trees of each species and plot (allometric).

    Parameters
    ----------
    aboveground_biomass : Quantity
        f_j(DBH_k, H_k) of each dead tree [t].
    biomass_reduction : Quantity
        alpha_k, 0.975 or 0.80 [dimensionless].
    root_shoot_ratio : Quantity
        R_j of each tree's species [dimensionless].
    plot_index : Quantity
        0-based plot of each tree [dimensionless].
    species_index : Quantity
        0-based species of each tree [dimensionless].
    plot_count : Quantity
        Number of plots [dimensionless].
    species_count : Quantity
        Number of species [dimensionless].

    Returns
    -------
    Quantity
        B_DWS_TREE,j,p,i,t, shape (plots, species) [t].

    Notes
    -----
    .. math:: B_{DWS\_TREE,j,p,i,t} = (1 + R_j) \sum_{k=1}^{K} f_j(DBH_k, H_k) \, \alpha_k
       \tag{AR-TOOL12 (2)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.1.2, para. 20, equation (2).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = dead_tree_biomass_allometric(
    ...     aboveground_biomass=Quantity(np.array([0.2, 0.4]), "t"),
    ...     biomass_reduction=Quantity(np.array([0.975, 0.8]), ""),
    ...     root_shoot_ratio=Quantity(0.25, ""), plot_index=Quantity(np.array([0, 1]), ""),
    ...     species_index=Quantity(np.array([0, 0]), ""), plot_count=Quantity(2, ""),
    ...     species_count=Quantity(1, ""))
    >>> b.quantity.magnitude.round(6).tolist()
    [[0.24375], [0.4]]
    """
    per_tree = (1 + root_shoot_ratio) * aboveground_biomass * biomass_reduction
    return by_plot_species(per_tree, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL12 (3)", document=TOOL12, symbol="C_DWS_TREE,j,p,i,t",
    formula="C_DWS_TREE,j,p,i,t = 44/12 × CF_TREE × B_DWS_TREE,j,p,i,t",
    source=f"{_S61}, para. 22, eq. (3)",
    inputs={"carbon_fraction": "t C/t", "dead_tree_biomass": "t"}, output="t CO2",
    description="Carbon in the standing dead trees of each species and plot",
)
def standing_dead_tree_carbon(carbon_fraction: pint.Quantity, dead_tree_biomass: pint.Quantity
                              ) -> pint.Quantity:
    r"""Dead-tree biomass converted to carbon dioxide.

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE; 0.5 in this tool [t C/t].
    dead_tree_biomass : Quantity
        B_DWS_TREE,j,p,i,t [t].

    Returns
    -------
    Quantity
        C_DWS_TREE,j,p,i,t [t CO2].

    Notes
    -----
    .. math:: C_{DWS\_TREE,j,p,i,t} = \frac{44}{12} CF_{TREE} B_{DWS\_TREE,j,p,i,t}
       \tag{AR-TOOL12 (3)}

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.1.3, para. 22, equation (3).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> c = standing_dead_tree_carbon(carbon_fraction=Quantity(0.5, "t C/t"),
    ...                               dead_tree_biomass=Quantity(0.6, "t"))
    >>> round(float(c.quantity.magnitude), 6)
    1.1
    """
    return CO2_PER_CARBON * carbon_fraction * dead_tree_biomass
