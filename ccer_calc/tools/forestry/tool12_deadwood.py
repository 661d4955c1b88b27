"""AR-TOOL12 v03.1 section 6.1: measured carbon in dead wood of a plot, eq. (1)-(6).

Standing dead trees that lost only leaves and twigs (biomass reduction factor 0.975) or also
small branches (0.80) are measured like living trees and converted by a volume route (eq. 1) or
an allometric route (eq. 2), then to CO2 (eq. 3). Other dead trees and stumps are cylinders of
their mid-height diameter (measured below 4 m, estimated from DBH above, eq. 4), height and
decay-reduced density (eq. 5). Lying dead wood is sampled on transect lines (eq. 6). Sums run
over the dead trees, stumps or pieces of each species in each plot (0-based indices); eq. (7)
expands plots to strata (:mod:`.tool12_stocks`).

The tool's carbon fraction of tree biomass is 0.5 (data/parameter table 2), not AR-TOOL14's
0.47. Density reduction factors by decay class (para. 24): sound 1.00, intermediate 0.80,
rotten 0.45.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL12, count, group_index
from ccer_calc.units import Quantity

__all__ = [
    "dead_tree_biomass_allometric",
    "dead_tree_biomass_volume",
    "lying_dead_wood_carbon",
    "standing_dead_tree_carbon",
    "stump_carbon",
    "stump_mid_height_diameter",
]

_S61 = f"{TOOL12}, section 6.1"
_GROUP = {"plot_index": "dimensionless", "species_index": "dimensionless",
          "plot_count": "dimensionless", "species_count": "dimensionless"}


def _by_plot_species(
    per_item: pint.Quantity, plot_index: pint.Quantity, species_index: pint.Quantity,
    plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    n_p, n_j = count(plot_count, "plot_count"), count(species_count, "species_count")
    cell = (group_index(plot_index, "plot_index", n_p) * n_j
            + group_index(species_index, "species_index", n_j))
    mag = np.broadcast_to(np.asarray(per_item.magnitude, dtype=np.float64), cell.shape)
    sums = np.bincount(cell, weights=mag, minlength=n_p * n_j)
    return Quantity(sums.reshape(n_p, n_j), per_item.units)


@equation(
    id="AR-TOOL12 (1)", document=TOOL12, symbol="B_DWS_TREE,j,p,i,t",
    formula="B_DWS_TREE,j,p,i,t = D_j × BEF_2,j × (1 + R_j) × Σ_k V_TREE,j(DBH_k, H_k) × alpha_k",
    source=f"{_S61}, para. 18, eq. (1)",
    inputs={"stem_volume": "m^3", "biomass_reduction": "dimensionless",
            "wood_density": "t/m^3", "biomass_expansion_factor": "dimensionless",
            "root_shoot_ratio": "dimensionless", **_GROUP},
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
    return _by_plot_species(per_tree, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL12 (2)", document=TOOL12, symbol="B_DWS_TREE,j,p,i,t",
    formula="B_DWS_TREE,j,p,i,t = (1 + R_j) × Σ_k f_j(DBH_k, H_k) × alpha_k",
    source=f"{_S61}, para. 20, eq. (2)",
    inputs={"aboveground_biomass": "t", "biomass_reduction": "dimensionless",
            "root_shoot_ratio": "dimensionless", **_GROUP},
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
    return _by_plot_species(per_tree, plot_index, species_index, plot_count, species_count)


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


@equation(
    id="AR-TOOL12 (4)", document=TOOL12, symbol="D_MID_STUMP",
    formula="D_MID_STUMP = 0.57 × DBH × (H_STUMP / (H_STUMP − H_DBH))^0.80 for H_STUMP > 4 m",
    source=f"{_S61}, para. 26, eq. (4)",
    inputs={"diameter_breast_height": "m", "stump_height": "m", "breast_height": "m"},
    output="m", description="Mid-height diameter of a tall stump from its DBH",
)
def stump_mid_height_diameter(
    diameter_breast_height: pint.Quantity, stump_height: pint.Quantity,
    breast_height: pint.Quantity,
) -> pint.Quantity:
    r"""Mid-height diameter of a dead tree stump of 4 m or more, estimated from its DBH.

    Parameters
    ----------
    diameter_breast_height : Quantity
        DBH of the stump [m].
    stump_height : Quantity
        H_STUMP, at least 4 m [m].
    breast_height : Quantity
        H_DBH, height at which DBH is measured [m].

    Returns
    -------
    Quantity
        D_MID_STUMP [m].

    Notes
    -----
    .. math:: D_{MID\_STUMP} = 0.57 \times DBH \times
       \left(\frac{H_{STUMP}}{H_{STUMP} - H_{DBH}}\right)^{0.80}  \tag{AR-TOOL12 (4)}

    Para. 25 measures DBH for stumps "of height 4 m and above" while eq. (4) is printed "for
    H_STUMP > 4 m"; a stump of exactly 4 m is accepted here (its DBH is what was measured).
    Shorter stumps have their mid-height diameter measured.

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.1.4, paras. 25-26, equation (4) (after Ormerod 1973).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> d = stump_mid_height_diameter(diameter_breast_height=Quantity(30, "cm"),
    ...     stump_height=Quantity(6.5, "m"), breast_height=Quantity(1.3, "m"))
    >>> round(float(d.quantity.magnitude), 6)
    0.20442
    """
    h = np.asarray(stump_height.m_as("m"))
    if np.any(h < 4):  # noqa: PLR2004 - the 4 m limit of para. 25
        raise InputError("eq. (4) is for stumps of 4 m or more; measure the mid-height "
                         "diameter of shorter stumps", field="stump_height",
                         value=float(h[h < 4].flat[0]), expected="H_STUMP >= 4 m")  # noqa: PLR2004
    if np.any(h <= np.asarray(breast_height.m_as("m"))):
        raise InputError("stump height must exceed breast height", field="stump_height",
                         expected="H_STUMP > H_DBH")
    return 0.57 * diameter_breast_height * (stump_height / (stump_height - breast_height)) ** 0.8


@equation(
    id="AR-TOOL12 (5)", document=TOOL12, symbol="C_DWS_STUMP,j,p,i,t",
    formula="C_DWS_STUMP,j,p,i,t = 44/12 × CF_TREE × D_j × (1 + R_j) × π/4 × "
            "Σ_k D²_MID_STUMP,k × H_k × β_k",
    source=f"{_S61}, para. 27, eq. (5)",
    inputs={"carbon_fraction": "t C/t", "wood_density": "t/m^3",
            "root_shoot_ratio": "dimensionless", "mid_height_diameter": "m",
            "stump_height": "m", "density_reduction": "dimensionless", **_GROUP},
    output="t CO2", description="Carbon in the dead tree stumps of each species and plot",
)
def stump_carbon(  # noqa: PLR0917 - the symbols of eq. (5) and the grouping
    carbon_fraction: pint.Quantity, wood_density: pint.Quantity,
    root_shoot_ratio: pint.Quantity, mid_height_diameter: pint.Quantity,
    stump_height: pint.Quantity, density_reduction: pint.Quantity, plot_index: pint.Quantity,
    species_index: pint.Quantity, plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    r"""Carbon in stumps and other dead trees, as cylinders of decay-reduced density.

    Parameters
    ----------
    carbon_fraction : Quantity
        CF_TREE; 0.5 in this tool [t C/t].
    wood_density : Quantity
        D_j of each stump's species [t/m^3].
    root_shoot_ratio : Quantity
        R_j of each stump's species [dimensionless].
    mid_height_diameter : Quantity
        D_MID_STUMP,k, measured or from eq. (4) [m].
    stump_height : Quantity
        H_k [m].
    density_reduction : Quantity
        β_k: sound 1.00, intermediate 0.80, rotten 0.45 [dimensionless].
    plot_index : Quantity
        0-based plot of each stump [dimensionless].
    species_index : Quantity
        0-based species of each stump [dimensionless].
    plot_count : Quantity
        Number of plots [dimensionless].
    species_count : Quantity
        Number of species [dimensionless].

    Returns
    -------
    Quantity
        C_DWS_STUMP,j,p,i,t, shape (plots, species) [t CO2].

    Notes
    -----
    .. math:: C_{DWS\_STUMP,j,p,i,t} = \frac{44}{12} CF_{TREE} D_j (1 + R_j) \frac{\pi}{4}
       \sum_k D^2_{MID\_STUMP,k} H_k \beta_k  \tag{AR-TOOL12 (5)}

    The printed equation wraps after "D²_MID_STUMP,k ×" onto "H_k * β_k"; both are in its
    where-list.

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.1.4, paras. 23-27, equation (5).

    Examples
    --------
    44/12 × 0.5 × 0.5 × 1.25 × π/4 × 0.2² × 2 × 0.8 = 0.0575959 t CO2:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = stump_carbon(carbon_fraction=Quantity(0.5, "t C/t"),
    ...     wood_density=Quantity(0.5, "t/m^3"), root_shoot_ratio=Quantity(0.25, ""),
    ...     mid_height_diameter=Quantity(np.array([20.0]), "cm"),
    ...     stump_height=Quantity(np.array([2.0]), "m"),
    ...     density_reduction=Quantity(np.array([0.8]), ""),
    ...     plot_index=Quantity(np.array([0]), ""), species_index=Quantity(np.array([0]), ""),
    ...     plot_count=Quantity(1, ""), species_count=Quantity(1, ""))
    >>> round(float(c.quantity.magnitude[0, 0]), 7)
    0.0575959
    """
    per_stump = (CO2_PER_CARBON * carbon_fraction * wood_density * (1 + root_shoot_ratio)
                 * np.pi / 4 * mid_height_diameter ** 2 * stump_height * density_reduction)
    return _by_plot_species(per_stump, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL12 (6)", document=TOOL12, symbol="C_DWL,j,p,i,t",
    formula="C_DWL,j,p,i,t = a_PLOT × 44/12 × CF_TREE × D_j × π²/(8L) × Σ_n D_n² × β_n",
    source=f"{_S61}, para. 30, eq. (6)",
    inputs={"plot_area": "ha", "carbon_fraction": "t C/t", "wood_density": "t/m^3",
            "transect_length": "m", "piece_diameter": "cm",
            "density_reduction": "dimensionless", **_GROUP},
    output="t CO2", description="Carbon in lying dead wood of each species and plot",
)
def lying_dead_wood_carbon(  # noqa: PLR0917 - the symbols of eq. (6) and the grouping
    plot_area: pint.Quantity, carbon_fraction: pint.Quantity, wood_density: pint.Quantity,
    transect_length: pint.Quantity, piece_diameter: pint.Quantity,
    density_reduction: pint.Quantity, plot_index: pint.Quantity, species_index: pint.Quantity,
    plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    r"""Carbon in lying dead wood by the line-intersect method (Harmon and Sexton 1996).

    Parameters
    ----------
    plot_area : Quantity
        a_PLOT of each piece's plot [ha].
    carbon_fraction : Quantity
        CF_TREE; 0.5 in this tool [t C/t].
    wood_density : Quantity
        D_j of each piece's species [t/m^3].
    transect_length : Quantity
        L, total length of the transect lines of each piece's plot, at least 100 m [m].
    piece_diameter : Quantity
        D_n of each piece (>= 10 cm) where it crosses a line [cm].
    density_reduction : Quantity
        β_n by decay class [dimensionless].
    plot_index : Quantity
        0-based plot of each piece [dimensionless].
    species_index : Quantity
        0-based species of each piece [dimensionless].
    plot_count : Quantity
        Number of plots [dimensionless].
    species_count : Quantity
        Number of species [dimensionless].

    Returns
    -------
    Quantity
        C_DWL,j,p,i,t, shape (plots, species) [t CO2].

    Notes
    -----
    .. math:: C_{DWL,j,p,i,t} = a_{PLOT} \frac{44}{12} CF_{TREE} D_j \frac{\pi^2}{8L}
       \sum_{n=1}^{N} D_n^2 \beta_n  \tag{AR-TOOL12 (6)}

    With D_n in cm and L in m, π²ΣD²/(8L) is the volume per hectare in m³/ha; the units are
    carried by pint, so no conversion constant appears.

    References
    ----------
    AR-TOOL12 v03.1, section 6.1.2, paras. 28-30, equation (6) (v03.1 added a_PLOT).

    Examples
    --------
    0.05 × 44/12 × 0.5 × 0.5 × π²/800 × (15² × 1 + 20² × 0.45) = 0.2290 t CO2:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> c = lying_dead_wood_carbon(plot_area=Quantity(0.05, "ha"),
    ...     carbon_fraction=Quantity(0.5, "t C/t"), wood_density=Quantity(0.5, "t/m^3"),
    ...     transect_length=Quantity(100, "m"),
    ...     piece_diameter=Quantity(np.array([15., 20.]), "cm"),
    ...     density_reduction=Quantity(np.array([1.0, 0.45]), ""),
    ...     plot_index=Quantity(np.array([0, 0]), ""), species_index=Quantity(np.array([0, 0]), ""),
    ...     plot_count=Quantity(1, ""), species_count=Quantity(1, ""))
    >>> round(float(c.quantity.magnitude[0, 0]), 4)
    0.229
    """
    per_piece = (plot_area * CO2_PER_CARBON * carbon_fraction * wood_density
                 * np.pi ** 2 / (8 * transect_length) * piece_diameter ** 2 * density_reduction)
    return _by_plot_species(per_piece, plot_index, species_index, plot_count, species_count)
