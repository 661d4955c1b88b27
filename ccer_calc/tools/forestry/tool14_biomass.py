"""AR-TOOL14 v04.2 Appendix 1: tree biomass of a tree, of a plot, and per hectare.

Fixed-area plots (App. 1 section 1): the biomass of each tree from an allometric equation
(eq. 4) or from stem volume, wood density and a biomass expansion factor (eq. 5), both expanded
by the root-shoot ratio; summed by species and plot (eq. 3, 2) and divided by the plot area
(eq. 1). Variable-area (angle-count) plots (section 2, eq. 6-8) are in
:mod:`.tool14_variable_plots`. The root-shoot ratio may be the function of the
above-ground biomass per hectare given in para. 5.

Every function works on whole arrays of trees (or plots); sums use ``np.bincount``. Group
labels (plot and species of each tree) are dimensionless integer arrays, 0-based.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import TOOL14, by_plot_species, sum_last
from ccer_calc.units import Quantity

__all__ = [
    "coppice_root_shoot_ratio",
    "plot_biomass_per_hectare",
    "plot_tree_biomass",
    "root_shoot_ratio_function",
    "species_plot_biomass",
    "tree_biomass_allometric",
    "tree_biomass_volume",
]

_APP1 = f"{TOOL14}, Appendix 1"


@equation(
    id="AR-TOOL14 App. 1 (4)", document=TOOL14, symbol="B_TREE,l,j,p,i",
    formula="B_TREE,l,j,p,i = f_j(x1,l, x2,l, ...) × (1 + R_j)",
    source=f"{_APP1}, para. 5, eq. (4)",
    inputs={"aboveground_biomass": "t", "root_shoot_ratio": "dimensionless"},
    output="t", description="Biomass of a tree from an allometric equation",
)
def tree_biomass_allometric(
    aboveground_biomass: pint.Quantity, root_shoot_ratio: pint.Quantity
) -> pint.Quantity:
    r"""Biomass of each tree, above and below ground, from its allometric above-ground biomass.

    Parameters
    ----------
    aboveground_biomass : Quantity
        Above-ground biomass of each tree returned by the species' allometric equation,
        f_j(x1,l, x2,l, ...) [t] (t d.m.).
    root_shoot_ratio : Quantity
        Root-shoot ratio of each tree's species, R_j [dimensionless].

    Returns
    -------
    Quantity
        B_TREE,l,j,p,i [t] (t d.m.).

    Notes
    -----
    .. math:: B_{TREE,l,j,p,i} = f_j(x_{1,l}, x_{2,l}, \ldots) \times (1 + R_j)
       \tag{AR-TOOL14 App. 1 (4)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 5, equation (4).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = tree_biomass_allometric(aboveground_biomass=Quantity(0.2, "t"),
    ...                             root_shoot_ratio=Quantity(0.25, ""))
    >>> round(float(b.quantity.magnitude), 6)
    0.25
    """
    return aboveground_biomass * (1 + root_shoot_ratio)


@equation(
    id="AR-TOOL14 App. 1 (5)", document=TOOL14, symbol="B_TREE,l,j,p,i",
    formula="B_TREE,l,j,p,i = V_TREE,j(x1,l, x2,l, ...) × D_j × BEF_2,j × (1 + R_j)",
    source=f"{_APP1}, para. 5, eq. (5)",
    inputs={"stem_volume": "m^3", "wood_density": "t/m^3",
            "biomass_expansion_factor": "dimensionless", "root_shoot_ratio": "dimensionless"},
    output="t", description="Biomass of a tree from its stem volume",
)
def tree_biomass_volume(
    stem_volume: pint.Quantity, wood_density: pint.Quantity,
    biomass_expansion_factor: pint.Quantity, root_shoot_ratio: pint.Quantity,
) -> pint.Quantity:
    r"""Biomass of each tree from its over-bark stem volume (volume route).

    Parameters
    ----------
    stem_volume : Quantity
        Stem volume of each tree from the species' volume equation, V_TREE,j [m^3].
    wood_density : Quantity
        Over-bark wood density of the species, D_j [t/m^3] (t d.m. per m^3).
    biomass_expansion_factor : Quantity
        Stem-to-above-ground biomass expansion factor, BEF_2,j [dimensionless]; 1.15 ex-post
        unless justified otherwise.
    root_shoot_ratio : Quantity
        Root-shoot ratio, R_j [dimensionless].

    Returns
    -------
    Quantity
        B_TREE,l,j,p,i [t] (t d.m.).

    Notes
    -----
    .. math:: B_{TREE,l,j,p,i} = V_{TREE,j}(x_{1,l}, \ldots) \times D_j \times BEF_{2,j}
       \times (1 + R_j)  \tag{AR-TOOL14 App. 1 (5)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 5, equation (5); BEF_2 default 1.15 (ex-post).

    Examples
    --------
    0.5 m^3 × 0.4 t/m^3 × 1.15 × 1.25 = 0.2875 t:

    >>> from ccer_calc.units import Quantity
    >>> b = tree_biomass_volume(stem_volume=Quantity(0.5, "m^3"),
    ...     wood_density=Quantity(0.4, "t/m^3"), biomass_expansion_factor=Quantity(1.15, ""),
    ...     root_shoot_ratio=Quantity(0.25, ""))
    >>> round(float(b.quantity.magnitude), 6)
    0.2875
    """
    return stem_volume * wood_density * biomass_expansion_factor * (1 + root_shoot_ratio)


@equation(
    id="AR-TOOL14 App. 1 (3)", document=TOOL14, symbol="B_TREE,j,p,i",
    formula="B_TREE,j,p,i = Σ_l B_TREE,l,j,p,i", source=f"{_APP1}, para. 4, eq. (3)",
    inputs={"tree_biomass": "t", "plot_index": "dimensionless",
            "species_index": "dimensionless", "plot_count": "dimensionless",
            "species_count": "dimensionless"},
    output="t", description="Biomass of the trees of each species in each plot",
)
def species_plot_biomass(
    tree_biomass: pint.Quantity, plot_index: pint.Quantity, species_index: pint.Quantity,
    plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    r"""Sum of the tree biomass by plot and species (one ``np.bincount``).

    Parameters
    ----------
    tree_biomass : Quantity
        B_TREE,l,j,p,i of each tree [t].
    plot_index : Quantity
        0-based plot of each tree [dimensionless].
    species_index : Quantity
        0-based species of each tree [dimensionless].
    plot_count : Quantity
        Number of plots P (plots without trees get 0) [dimensionless].
    species_count : Quantity
        Number of species J [dimensionless].

    Returns
    -------
    Quantity
        B_TREE,j,p,i as an array of shape (P, J) [t].

    Notes
    -----
    .. math:: B_{TREE,j,p,i} = \sum_l B_{TREE,l,j,p,i}  \tag{AR-TOOL14 App. 1 (3)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 4, equation (3).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = species_plot_biomass(tree_biomass=Quantity(np.array([0.1, 0.2, 0.3]), "t"),
    ...     plot_index=Quantity(np.array([0, 0, 1]), ""),
    ...     species_index=Quantity(np.array([0, 1, 1]), ""),
    ...     plot_count=Quantity(2, ""), species_count=Quantity(2, ""))
    >>> b.quantity.magnitude.round(6).tolist()
    [[0.1, 0.2], [0.0, 0.3]]
    """
    return by_plot_species(tree_biomass, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL14 App. 1 (2)", document=TOOL14, symbol="B_TREE,p,i",
    formula="B_TREE,p,i = Σ_j B_TREE,j,p,i", source=f"{_APP1}, para. 4, eq. (2)",
    inputs={"species_plot_biomass": "t"}, output="t",
    description="Tree biomass in each plot",
)
def plot_tree_biomass(species_plot_biomass: pint.Quantity) -> pint.Quantity:
    r"""Sum over the species of each plot.

    Parameters
    ----------
    species_plot_biomass : Quantity
        B_TREE,j,p,i, shape (P, J) [t].

    Returns
    -------
    Quantity
        B_TREE,p,i, one value per plot [t].

    Notes
    -----
    .. math:: B_{TREE,p,i} = \sum_j B_{TREE,j,p,i}  \tag{AR-TOOL14 App. 1 (2)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 4, equation (2).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = plot_tree_biomass(species_plot_biomass=Quantity(np.array([[0.1, 0.2], [0, 0.3]]),
    ...                                                     "t"))
    >>> b.quantity.magnitude.round(6).tolist()
    [0.3, 0.3]
    """
    return sum_last(species_plot_biomass)


@equation(
    id="AR-TOOL14 App. 1 (1)", document=TOOL14, symbol="b_TREE,p,i",
    formula="b_TREE,p,i = B_TREE,p,i / A_PLOT,i", source=f"{_APP1}, para. 4, eq. (1)",
    inputs={"plot_tree_biomass": "t", "plot_area": "ha"}, output="t/ha",
    description="Tree biomass per hectare in each plot (the plot biomass value)",
)
def plot_biomass_per_hectare(
    plot_tree_biomass: pint.Quantity, plot_area: pint.Quantity
) -> pint.Quantity:
    r"""Plot biomass value: tree biomass of the plot divided by the plot area.

    Parameters
    ----------
    plot_tree_biomass : Quantity
        B_TREE,p,i [t].
    plot_area : Quantity
        Size of each sample plot, A_PLOT,i [ha].

    Returns
    -------
    Quantity
        b_TREE,p,i [t/ha] (t d.m./ha).

    Notes
    -----
    .. math:: b_{TREE,p,i} = \frac{B_{TREE,p,i}}{A_{PLOT,i}}  \tag{AR-TOOL14 App. 1 (1)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 4, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = plot_biomass_per_hectare(plot_tree_biomass=Quantity(3.0, "t"),
    ...                              plot_area=Quantity(400, "m^2"))
    >>> round(float(b.quantity.magnitude), 6)
    75.0
    """
    if np.any(np.asarray(plot_area.magnitude) <= 0):
        raise InputError("plot area must be positive", field="plot_area",
                         expected="A_PLOT > 0 ha")
    return plot_tree_biomass / plot_area


@equation(
    id="AR-TOOL14 App. 1 para. 5", document=TOOL14, symbol="R_j",
    formula="R_j = e^(−1.085 + 0.9256 × ln b) / b",
    source=f"{_APP1}, para. 5 (where-list of eq. 4 and 5)",
    inputs={"aboveground_biomass_per_ha": "t/ha"}, output="dimensionless",
    description="Root-shoot ratio from the above-ground tree biomass per hectare",
)
def root_shoot_ratio_function(aboveground_biomass_per_ha: pint.Quantity) -> pint.Quantity:
    r"""Root-shoot ratio as a function of the above-ground tree biomass per hectare.

    Parameters
    ----------
    aboveground_biomass_per_ha : Quantity
        Above-ground tree biomass per hectare, b [t/ha] (t d.m./ha); must be positive.

    Returns
    -------
    Quantity
        R_j [dimensionless].

    Notes
    -----
    .. math:: R_j = \frac{e^{-1.085 + 0.9256 \ln b}}{b}  \tag{AR-TOOL14 App. 1 para. 5}

    The tool does not say whether b is taken per plot or per stratum; the pipeline in
    :mod:`.tool14_stock` uses the plot value by default and offers the stratum mean.

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 5 (also AR-TOOL12 v03.1 data/parameter table 7, citing
    IPCC GPG-LULUCF 2003 Table 4.A.4).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = root_shoot_ratio_function(aboveground_biomass_per_ha=Quantity(100, "t/ha"))
    >>> round(float(r.quantity.magnitude), 6)
    0.239878
    """
    b = np.asarray(aboveground_biomass_per_ha.magnitude, dtype=np.float64)
    if np.any(~(b > 0)):
        raise InputError("root-shoot function needs a positive above-ground biomass per ha",
                         field="aboveground_biomass_per_ha", value=float(b[~(b > 0)].flat[0]),
                         expected="b > 0 t/ha")
    return Quantity(np.exp(-1.085 + 0.9256 * np.log(b)) / b, "")


@equation(
    id="AR-TOOL14 App. 1 para. 5 (coppice)", document=TOOL14, symbol="R_j",
    formula="R_j,coppice = R_j × max(v_HARVEST / v_TREE, 1)",
    source=f"{_APP1}, para. 5, note to R_j",
    inputs={"root_shoot_ratio": "dimensionless", "harvested_volume_per_ha": "m^3/ha",
            "standing_volume_per_ha": "m^3/ha"},
    output="dimensionless", description="Root-shoot ratio of coppice regrowth after harvest",
)
def coppice_root_shoot_ratio(
    root_shoot_ratio: pint.Quantity, harvested_volume_per_ha: pint.Quantity,
    standing_volume_per_ha: pint.Quantity,
) -> pint.Quantity:
    r"""Root-shoot ratio of trees regrown as coppice after a harvest.

    Parameters
    ----------
    root_shoot_ratio : Quantity
        R_j before the adjustment [dimensionless].
    harvested_volume_per_ha : Quantity
        Volume per hectare of the trees harvested, v_HARVEST [m^3/ha].
    standing_volume_per_ha : Quantity
        Volume per hectare of the trees standing at measurement, v_TREE [m^3/ha].

    Returns
    -------
    Quantity
        Adjusted R_j [dimensionless].

    Notes
    -----
    .. math:: R_j' = R_j \times \max\left(\frac{v_{HARVEST}}{v_{TREE}}, 1\right)
       \tag{AR-TOOL14 App. 1 para. 5 (coppice)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, para. 5, note to R_j.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = coppice_root_shoot_ratio(root_shoot_ratio=Quantity(0.25, ""),
    ...     harvested_volume_per_ha=Quantity(120, "m^3/ha"),
    ...     standing_volume_per_ha=Quantity(40, "m^3/ha"))
    >>> round(float(r.quantity.magnitude), 6)
    0.75
    """
    ratio = harvested_volume_per_ha / standing_volume_per_ha
    return root_shoot_ratio * np.maximum(ratio.m_as(""), 1.0)
