"""AR-TOOL08 v04.0.0: non-CO2 emissions from burning biomass in an A/R project, eq. (1)-(8).

GHG_E,t adds the non-CO2 emissions of fire used in site preparation (eq. 3, or zero under
the slash-and-burn condition of eq. 2), of fire used to clear harvest residue (eq. 4, with
eq. 5 when harvest data are missing) and of forest fires (eq. 6: trees, eq. 7, and dead
organic matter, eq. 8). CO2 itself is not counted here: it is a stock change of the pools.
Fire is accounted only when the area burnt in the year is at least 5 % of the project area
(para. 3), and forest-fire emissions are zero for the first verification (paras. 12-13);
the forest-fire equations are in :mod:`.tool08_forest_fire`.

Units: the tool multiplies 0.001 × t d.m. × g/kg to get tonnes of gas; pint does that
conversion here, so the 0.001 of eq. (7) is carried by the units (tested against the printed
form). Eq. (8) multiplies burnt areas by the dead-wood and litter stocks "in stratum i", which
the tool states in t CO2e; a product of an area with a stratum total has no meaning, so the
stocks are taken per hectare (the stratum stock divided by the stratum area).
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL08, RuleCheck, sum_last
from ccer_calc.tools.forestry.defaults import tool_default

__all__ = [
    "fire_accounted",
    "harvest_residue_burning_emissions",
    "harvested_biomass",
    "non_co2_emissions",
    "site_preparation_burning_emissions",
    "site_preparation_zero",
]

_RATIO = 0.07  # non-CO2 (CH4 + N2O, CO2e) to CO2 of burning, adapted from IPCC 2006 Table 2.5


def fire_accounted(burnt_area: pint.Quantity, project_area: pint.Quantity) -> RuleCheck:
    """Para. 3: fire counts only if the area burnt in the year is >= 5 % of the project area.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> fire_accounted(Quantity(4.9, "ha"), Quantity(100, "ha")).applies
    False
    """
    share = float((burnt_area / project_area).m_as(""))
    limit = float(tool_default("AR-TOOL08", "burnt_area_threshold").quantity.m_as(""))
    ok = share >= limit
    return RuleCheck(ok, f"{TOOL08} para. 3", ("burnt share",) if ok else (),
                     () if ok else ("burnt share",),
                     f"area burnt in the year is {share:.4g} of the project area "
                     f"({'at least' if ok else 'below'} {limit:g}): fire "
                     f"{'is' if ok else 'is not'} accounted")


def site_preparation_zero(*, slash_and_burn_common: bool, fire_in_last_10_years: bool
                          ) -> RuleCheck:
    """Eq. (2), para. 7(a): site-preparation emissions are zero where both conditions hold.

    Examples
    --------
    >>> site_preparation_zero(slash_and_burn_common=True, fire_in_last_10_years=False).reason
    'GHG_SPF,t by eq. (3): condition(s) ii not met'
    """
    facts = {"i": slash_and_burn_common, "ii": fire_in_last_10_years}
    met = tuple(k for k, v in facts.items() if v)
    not_met = tuple(k for k, v in facts.items() if not v)
    reason = ("GHG_SPF,t = 0 by eq. (2): conditions i and ii met" if not not_met
              else f"GHG_SPF,t by eq. (3): condition(s) {', '.join(not_met)} not met")
    return RuleCheck(not not_met, f"{TOOL08} para. 7(a), eq. (2)", met, not_met, reason)


@equation(
    id="AR-TOOL08 (3)", document=TOOL08, symbol="GHG_SPF,t",
    formula="GHG_SPF,t = 0.07 × Σ_i [A_SPF,i,t × 44/12 × (CF_TREE × b_TREE,i,t + CF_SHRUB × "
            "BDR_SF × B_FOREST × CC_SHRUB,i,t)]",
    source=f"{TOOL08}, para. 7(b), eq. (3)",
    inputs={"burnt_area": "ha", "carbon_fraction_tree": "t C/t", "tree_biomass": "t/ha",
            "carbon_fraction_shrub": "t C/t", "shrub_biomass_ratio": "dimensionless",
            "forest_biomass": "t/ha", "shrub_crown_cover": "dimensionless"},
    output="t CO2", description="Non-CO2 emissions from fire used in site preparation",
)
def site_preparation_burning_emissions(  # noqa: PLR0917 - the symbols of eq. (3)
    burnt_area: pint.Quantity, carbon_fraction_tree: pint.Quantity,
    tree_biomass: pint.Quantity, carbon_fraction_shrub: pint.Quantity,
    shrub_biomass_ratio: pint.Quantity, forest_biomass: pint.Quantity,
    shrub_crown_cover: pint.Quantity,
) -> pint.Quantity:
    r"""Non-CO2 emissions of burning pre-project trees and shrubs in site preparation.

    Parameters
    ----------
    burnt_area : Quantity
        A_SPF,i,t, area of stratum i where fire is used in site preparation in year t [ha].
    carbon_fraction_tree : Quantity
        CF_TREE; 0.50 (IPCC default) [t C/t].
    tree_biomass : Quantity
        b_TREE,i,t, tree biomass per hectare at the start of the project; 0 where living
        trees are not burnt [t/ha].
    carbon_fraction_shrub : Quantity
        CF_SHRUB; 0.50 [t C/t].
    shrub_biomass_ratio : Quantity
        BDR_SF; 0.10 [dimensionless].
    forest_biomass : Quantity
        B_FOREST, default above-ground forest biomass of the region [t/ha].
    shrub_crown_cover : Quantity
        CC_SHRUB,i,t of the burnt land [dimensionless].

    Returns
    -------
    Quantity
        GHG_SPF,t [t CO2] (t CO2e), summed over the strata (last axis).

    Notes
    -----
    .. math:: GHG_{SPF,t} = 0.07 \sum_{i=1}^{M} A_{SPF,i,t} \frac{44}{12}
       \left(CF_{TREE} b_{TREE,i,t} + CF_{SHRUB} BDR_{SF} B_{FOREST} CC_{SHRUB,i,t}\right)
       \tag{AR-TOOL08 (3)}

    References
    ----------
    AR-TOOL08 v04.0.0, para. 7(b), equation (3).

    Examples
    --------
    0.07 × 10 × 44/12 × (0.5 × 20 + 0.5 × 0.1 × 150 × 0.4) = 33.366667 t CO2e:

    >>> from ccer_calc.units import Quantity
    >>> e = site_preparation_burning_emissions(burnt_area=Quantity(10, "ha"),
    ...     carbon_fraction_tree=Quantity(0.5, "t C/t"), tree_biomass=Quantity(20, "t/ha"),
    ...     carbon_fraction_shrub=Quantity(0.5, "t C/t"),
    ...     shrub_biomass_ratio=Quantity(0.1, ""), forest_biomass=Quantity(150, "t/ha"),
    ...     shrub_crown_cover=Quantity(0.4, ""))
    >>> round(float(e.quantity.magnitude), 6)
    33.366667
    """
    per_ha = (carbon_fraction_tree * tree_biomass + carbon_fraction_shrub * shrub_biomass_ratio
              * forest_biomass * shrub_crown_cover)
    return _RATIO * sum_last(burnt_area * CO2_PER_CARBON * per_ha)


@equation(
    id="AR-TOOL08 (5)", document=TOOL08, symbol="B_HARVEST,t",
    formula="B_HARVEST,t = B_FOREST / BEF_2 × A_FMF,t", source=f"{TOOL08}, para. 10, eq. (5)",
    inputs={"forest_biomass": "t/ha", "biomass_expansion_factor": "dimensionless",
            "burnt_area": "ha"},
    output="t", description="Harvested biomass when harvest data are not available",
)
def harvested_biomass(
    forest_biomass: pint.Quantity, biomass_expansion_factor: pint.Quantity,
    burnt_area: pint.Quantity,
) -> pint.Quantity:
    r"""Biomass harvested from the area where residue is burnt, without harvest records.

    Parameters
    ----------
    forest_biomass : Quantity
        B_FOREST [t/ha].
    biomass_expansion_factor : Quantity
        BEF_2 of the trees harvested; 1.25 [dimensionless].
    burnt_area : Quantity
        A_FMF,t, area where fire clears harvest residue in year t [ha].

    Returns
    -------
    Quantity
        B_HARVEST,t [t] (t d.m.).

    Notes
    -----
    .. math:: B_{HARVEST,t} = \frac{B_{FOREST}}{BEF_2} \times A_{FMF,t}  \tag{AR-TOOL08 (5)}

    References
    ----------
    AR-TOOL08 v04.0.0, para. 10, equation (5).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> b = harvested_biomass(forest_biomass=Quantity(150, "t/ha"),
    ...     biomass_expansion_factor=Quantity(1.25, ""), burnt_area=Quantity(8, "ha"))
    >>> round(float(b.quantity.magnitude), 6)
    960.0
    """
    return forest_biomass / biomass_expansion_factor * burnt_area


@equation(
    id="AR-TOOL08 (4)", document=TOOL08, symbol="GHG_FMF,t",
    formula="GHG_FMF,t = 0.07 × 44/12 × B_HARVEST,t × f_BL × CF_TREE",
    source=f"{TOOL08}, para. 9, eq. (4)",
    inputs={"harvested_biomass": "t", "residue_fraction": "dimensionless",
            "carbon_fraction": "t C/t"},
    output="t CO2", description="Non-CO2 emissions from burning harvest residue",
)
def harvest_residue_burning_emissions(
    harvested_biomass: pint.Quantity, residue_fraction: pint.Quantity,
    carbon_fraction: pint.Quantity,
) -> pint.Quantity:
    r"""Non-CO2 emissions of fire used to clear harvest residue before replanting.

    Parameters
    ----------
    harvested_biomass : Quantity
        B_HARVEST,t [t].
    residue_fraction : Quantity
        f_BL, share of above-ground biomass left on site; 0.10 temperate, 0.25 tropical
        [dimensionless].
    carbon_fraction : Quantity
        CF_TREE; 0.50 [t C/t].

    Returns
    -------
    Quantity
        GHG_FMF,t [t CO2] (t CO2e), summed over the burns of year t where B_HARVEST,t is
        given per burn (last axis; a scalar is returned as it is).

    Notes
    -----
    .. math:: GHG_{FMF,t} = 0.07 \times \frac{44}{12} \times B_{HARVEST,t} \times f_{BL}
       \times CF_{TREE}  \tag{AR-TOOL08 (4)}

    B_HARVEST,t is the biomass harvested from all the land burnt in year t; the equation is
    linear in it, so the sum over the burns of the year of each burn's term (with its own
    f_BL) is the printed formula.

    References
    ----------
    AR-TOOL08 v04.0.0, paras. 8-9, equation (4).

    Examples
    --------
    0.07 × 44/12 × 960 × 0.25 × 0.5 = 30.8 t CO2e:

    >>> from ccer_calc.units import Quantity
    >>> e = harvest_residue_burning_emissions(harvested_biomass=Quantity(960, "t"),
    ...     residue_fraction=Quantity(0.25, ""), carbon_fraction=Quantity(0.5, "t C/t"))
    >>> round(float(e.quantity.magnitude), 6)
    30.8
    """
    return _RATIO * CO2_PER_CARBON * sum_last(harvested_biomass * residue_fraction
                                              * carbon_fraction)


@equation(
    id="AR-TOOL08 (1)", document=TOOL08, symbol="GHG_E,t",
    formula="GHG_E,t = GHG_SPF,t + GHG_FMF,t + GHG_FF,t", source=f"{TOOL08}, para. 6, eq. (1)",
    inputs={"site_preparation": "t CO2", "harvest_residue": "t CO2", "forest_fire": "t CO2"},
    output="t CO2", description="Non-CO2 emissions from burning biomass in year t",
)
def non_co2_emissions(
    site_preparation: pint.Quantity, harvest_residue: pint.Quantity, forest_fire: pint.Quantity
) -> pint.Quantity:
    r"""Total non-CO2 emissions from burning within the project boundary.

    Parameters
    ----------
    site_preparation : Quantity
        GHG_SPF,t (eq. 2 or 3) [t CO2].
    harvest_residue : Quantity
        GHG_FMF,t (eq. 4) [t CO2].
    forest_fire : Quantity
        GHG_FF,t (eq. 6) [t CO2].

    Returns
    -------
    Quantity
        GHG_E,t [t CO2] (t CO2e).

    Notes
    -----
    .. math:: GHG_{E,t} = GHG_{SPF,t} + GHG_{FMF,t} + GHG_{FF,t}  \tag{AR-TOOL08 (1)}

    References
    ----------
    AR-TOOL08 v04.0.0, para. 6, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> e = non_co2_emissions(site_preparation=Quantity(33.366667, "t CO2"),
    ...     harvest_residue=Quantity(30.8, "t CO2"), forest_fire=Quantity(23.137, "t CO2"))
    >>> round(float(e.quantity.magnitude), 6)
    87.303667
    """
    return site_preparation + harvest_residue + forest_fire

