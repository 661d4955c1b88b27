"""AR-TOOL12 v03.1 sections 6.1.1.4 and 6.1.2: carbon in stumps and lying dead wood, eq. (4)-(6).

Dead trees other than those of para. 14, and stumps, are cylinders of their mid-height
diameter (measured below 4 m, estimated from DBH from 4 m, eq. 4), height and decay-reduced
density (eq. 5). Lying dead wood (pieces of 10 cm and more) is sampled where it crosses two
transect lines of at least 100 m in total (eq. 6). Density reduction factors by decay class
(para. 24): sound 1.00, intermediate 0.80, rotten 0.45. Sums run over the stumps or pieces of
each species in each plot (0-based indices).
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, PLOT_SPECIES, TOOL12, by_plot_species

__all__ = ["lying_dead_wood_carbon", "stump_carbon", "stump_mid_height_diameter"]

_S61 = f"{TOOL12}, section 6.1"


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
            "stump_height": "m", "density_reduction": "dimensionless", **PLOT_SPECIES},
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
    return by_plot_species(per_stump, plot_index, species_index, plot_count, species_count)


@equation(
    id="AR-TOOL12 (6)", document=TOOL12, symbol="C_DWL,j,p,i,t",
    formula="C_DWL,j,p,i,t = a_PLOT × 44/12 × CF_TREE × D_j × π²/(8L) × Σ_n D_n² × β_n",
    source=f"{_S61}, para. 30, eq. (6)",
    inputs={"plot_area": "ha", "carbon_fraction": "t C/t", "wood_density": "t/m^3",
            "transect_length": "m", "piece_diameter": "cm",
            "density_reduction": "dimensionless", **PLOT_SPECIES},
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
    return by_plot_species(per_piece, plot_index, species_index, plot_count, species_count)
