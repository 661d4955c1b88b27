"""AR-TOOL14 v04.2 Appendix 1 section 2: biomass per hectare in variable-area plots.

Angle-count (variable-area) plots give the basal area per hectare BA_p,i at the plot centre,
without individual tree measurements (App. 1 para. 8). The biomass per hectare of each species
comes from an allometric function of BA (eq. 7) or a volume function of BA with wood density
and a biomass expansion factor (eq. 8), both expanded by the root-shoot ratio, and the plot
value is the sum over species (eq. 6). The functions of BA are models of the per-hectare kinds
of :mod:`.allometry`.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry._common import TOOL14, sum_last

__all__ = [
    "plot_biomass_variable_area",
    "species_biomass_per_hectare_allometric",
    "species_biomass_per_hectare_volume",
]

_APP1 = f"{TOOL14}, Appendix 1"


@equation(
    id="AR-TOOL14 App. 1 (7)", document=TOOL14, symbol="b_TREE,j,p,i",
    formula="b_TREE,j,p,i = f_j(BA_p,i) × (1 + R_j)", source=f"{_APP1}, para. 10, eq. (7)",
    inputs={"aboveground_biomass_per_ha": "t/ha", "root_shoot_ratio": "dimensionless"},
    output="t/ha", description="Biomass per hectare of a species from basal area (allometric)",
)
def species_biomass_per_hectare_allometric(
    aboveground_biomass_per_ha: pint.Quantity, root_shoot_ratio: pint.Quantity
) -> pint.Quantity:
    r"""Biomass per hectare of species j in an angle-count plot, allometric route.

    Parameters
    ----------
    aboveground_biomass_per_ha : Quantity
        f_j(BA_p,i), above-ground biomass per hectare from the plot basal area [t/ha].
    root_shoot_ratio : Quantity
        R_j [dimensionless].

    Returns
    -------
    Quantity
        b_TREE,j,p,i [t/ha].

    Notes
    -----
    .. math:: b_{TREE,j,p,i} = f_j(BA_{p,i}) \times (1 + R_j)  \tag{AR-TOOL14 App. 1 (7)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, section 2, para. 10, equation (7).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = species_biomass_per_hectare_allometric(
    ...     aboveground_biomass_per_ha=Quantity(80, "t/ha"), root_shoot_ratio=Quantity(0.2, ""))
    >>> round(float(b.quantity.magnitude), 6)
    96.0
    """
    return aboveground_biomass_per_ha * (1 + root_shoot_ratio)


@equation(
    id="AR-TOOL14 App. 1 (8)", document=TOOL14, symbol="b_TREE,j,p,i",
    formula="b_TREE,j,p,i = v_TREE,j(BA_p,i) × D_j × BEF_2,j × (1 + R_j)",
    source=f"{_APP1}, para. 10, eq. (8)",
    inputs={"stem_volume_per_ha": "m^3/ha", "wood_density": "t/m^3",
            "biomass_expansion_factor": "dimensionless", "root_shoot_ratio": "dimensionless"},
    output="t/ha", description="Biomass per hectare of a species from basal area (volume)",
)
def species_biomass_per_hectare_volume(
    stem_volume_per_ha: pint.Quantity, wood_density: pint.Quantity,
    biomass_expansion_factor: pint.Quantity, root_shoot_ratio: pint.Quantity,
) -> pint.Quantity:
    r"""Biomass per hectare of species j in an angle-count plot, volume route.

    Parameters
    ----------
    stem_volume_per_ha : Quantity
        v_TREE,j(BA_p,i), stem volume per hectare from the plot basal area [m^3/ha].
    wood_density : Quantity
        D_j [t/m^3].
    biomass_expansion_factor : Quantity
        BEF_2,j [dimensionless].
    root_shoot_ratio : Quantity
        R_j [dimensionless].

    Returns
    -------
    Quantity
        b_TREE,j,p,i [t/ha].

    Notes
    -----
    .. math:: b_{TREE,j,p,i} = v_{TREE,j}(BA_{p,i}) \times D_j \times BEF_{2,j} \times (1 + R_j)
       \tag{AR-TOOL14 App. 1 (8)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, section 2, para. 10, equation (8).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = species_biomass_per_hectare_volume(stem_volume_per_ha=Quantity(100, "m^3/ha"),
    ...     wood_density=Quantity(0.5, "t/m^3"), biomass_expansion_factor=Quantity(1.2, ""),
    ...     root_shoot_ratio=Quantity(0.25, ""))
    >>> round(float(b.quantity.magnitude), 6)
    75.0
    """
    return stem_volume_per_ha * wood_density * biomass_expansion_factor * (1 + root_shoot_ratio)


@equation(
    id="AR-TOOL14 App. 1 (6)", document=TOOL14, symbol="b_TREE,p,i",
    formula="b_TREE,p,i = Σ_j b_TREE,j,p,i", source=f"{_APP1}, para. 9, eq. (6)",
    inputs={"species_biomass_per_ha": "t/ha"}, output="t/ha",
    description="Tree biomass per hectare in an angle-count plot",
)
def plot_biomass_variable_area(species_biomass_per_ha: pint.Quantity) -> pint.Quantity:
    r"""Sum over species of the biomass per hectare of each angle-count plot.

    Parameters
    ----------
    species_biomass_per_ha : Quantity
        b_TREE,j,p,i, shape (P, J) [t/ha].

    Returns
    -------
    Quantity
        b_TREE,p,i [t/ha].

    Notes
    -----
    .. math:: b_{TREE,p,i} = \sum_j b_{TREE,j,p,i}  \tag{AR-TOOL14 App. 1 (6)}

    References
    ----------
    AR-TOOL14 v04.2, Appendix 1, section 2, para. 9, equation (6).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> b = plot_biomass_variable_area(
    ...     species_biomass_per_ha=Quantity(np.array([[40.0, 12.5], [30.0, 0.0]]), "t/ha"))
    >>> b.quantity.magnitude.round(6).tolist()
    [52.5, 30.0]
    """
    return sum_last(species_biomass_per_ha)
