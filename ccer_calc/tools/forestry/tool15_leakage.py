"""AR-TOOL15 v02.0: leakage from displacement of pre-project agricultural activities.

Leakage is the decrease of carbon stocks on the land receiving the displaced activity: its
trees (with 10 % more for dead wood and litter) and shrubs, both with their roots, and its soil
organic carbon, all over the area displaced in the year (eq. 1-3). Apply per type of receiving
land and add (para. 12). Displaced grazing is zero leakage under any condition of para. 10;
market effects are zero (para. 9 note 2); the tool does not apply where displacement drains
wetlands or peatlands (para. 3).

Units: the tool labels ΔC_BIOMASS,t "t d.m." and ΔSOC_LUC,t "t C/ha", but eq. (2) multiplies
by the carbon fraction and both by the displaced area; both are tonnes of carbon here.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL15, RuleCheck, sum_last

__all__ = [
    "GRAZING_ZERO_CONDITIONS",
    "biomass_carbon_loss",
    "grazing_leakage_zero",
    "leakage_emissions",
    "leakage_over_receiving_lands",
    "soc_loss_receiving_land",
]

#: Para. 10: displaced grazing causes no leakage where one of these holds.
GRAZING_ZERO_CONDITIONS: dict[str, str] = {
    "a": "to existing grazing land, total animals within its carrying capacity",
    "b": "to existing non-grazing grassland, animals within its carrying capacity",
    "c": "to cropland abandoned within the last five years",
    "d": "to forest land without tree clearance or loss of tree and shrub crown cover",
    "e": "to a zero-grazing system",
}


def grazing_leakage_zero(conditions: dict[str, bool]) -> RuleCheck:
    """Para. 10: leakage from displaced grazing is zero where one condition (a)-(e) holds.

    Examples
    --------
    >>> grazing_leakage_zero({"c": True}).reason
    'leakage from displaced grazing accounted as zero: condition(s) c of para. 10'
    """
    unknown = sorted(set(conditions) - set(GRAZING_ZERO_CONDITIONS))
    if unknown:
        raise InputError("unknown condition of AR-TOOL15 para. 10", field="conditions",
                         value=unknown, expected="letters a to e")
    met = tuple(sorted(k for k, v in conditions.items() if v))
    not_met = tuple(sorted(k for k, v in conditions.items() if not v))
    what = "leakage from displaced grazing"
    reason = (f"{what} accounted as zero: condition(s) {', '.join(met)} of para. 10" if met
              else f"{what} estimated by eq. (1)-(3): no condition of para. 10 holds")
    return RuleCheck(bool(met), f"{TOOL15} para. 10", met, not_met, reason)


@equation(
    id="AR-TOOL15 (2)", document=TOOL15, symbol="ΔC_BIOMASS,t",
    formula="ΔC_BIOMASS,t = [1.1 × b_TREE × (1 + R_TREE) + b_SHRUB × (1 + R_S)] × CF × A_DISP,t",
    source=f"{TOOL15}, para. 11, eq. (2)",
    inputs={"tree_biomass": "t/ha", "root_shoot_ratio_tree": "dimensionless",
            "shrub_biomass": "t/ha", "root_shoot_ratio_shrub": "dimensionless",
            "carbon_fraction": "t C/t", "displaced_area": "ha"},
    output="t C", description="Decrease in biomass carbon of the land receiving the activity",
)
def biomass_carbon_loss(  # noqa: PLR0917 - the symbols of eq. (2)
    tree_biomass: pint.Quantity, root_shoot_ratio_tree: pint.Quantity,
    shrub_biomass: pint.Quantity, root_shoot_ratio_shrub: pint.Quantity,
    carbon_fraction: pint.Quantity, displaced_area: pint.Quantity,
) -> pint.Quantity:
    r"""Biomass carbon lost on the receiving land (1.1 adds dead wood and litter).

    Parameters
    ----------
    tree_biomass : Quantity
        b_TREE, mean above-ground tree biomass of the receiving land (forest default AGB of
        the region where the land is unidentified) [t/ha].
    root_shoot_ratio_tree : Quantity
        R_TREE; 0.25 [dimensionless].
    shrub_biomass : Quantity
        b_SHRUB, mean above-ground shrub biomass of the receiving land [t/ha].
    root_shoot_ratio_shrub : Quantity
        R_S; 0.40 [dimensionless].
    carbon_fraction : Quantity
        CF; 0.47 [t C/t].
    displaced_area : Quantity
        A_DISP,t, area from which agriculture is displaced in year t [ha].

    Returns
    -------
    Quantity
        ΔC_BIOMASS,t [t C].

    Notes
    -----
    .. math:: \Delta C_{BIOMASS,t} = \left[1.1 \, b_{TREE} (1 + R_{TREE})
       + b_{SHRUB} (1 + R_S)\right] CF \, A_{DISP,t}  \tag{AR-TOOL15 (2)}

    References
    ----------
    AR-TOOL15 v02.0, para. 11, equation (2).

    Examples
    --------
    (1.1 × 30 × 1.25 + 5 × 1.4) × 0.47 × 10 = 226.775 t C:

    >>> from ccer_calc.units import Quantity
    >>> c = biomass_carbon_loss(tree_biomass=Quantity(30, "t/ha"),
    ...     root_shoot_ratio_tree=Quantity(0.25, ""), shrub_biomass=Quantity(5, "t/ha"),
    ...     root_shoot_ratio_shrub=Quantity(0.40, ""), carbon_fraction=Quantity(0.47, "t C/t"),
    ...     displaced_area=Quantity(10, "ha"))
    >>> round(float(c.quantity.magnitude), 6)
    226.775
    """
    per_ha = 1.1 * tree_biomass * (1 + root_shoot_ratio_tree) + shrub_biomass * (
        1 + root_shoot_ratio_shrub)
    return per_ha * carbon_fraction * displaced_area


@equation(
    id="AR-TOOL15 (3)", document=TOOL15, symbol="ΔSOC_LUC,t",
    formula="ΔSOC_LUC,t = SOC_REF × (f_LUP × f_MGP × f_INP − f_LUD × f_MGD × f_IND) × A_DISP,t",
    source=f"{TOOL15}, para. 11, eq. (3)",
    inputs={"soc_reference": "t C/ha", "land_use_before": "dimensionless",
            "management_before": "dimensionless", "inputs_before": "dimensionless",
            "land_use_after": "dimensionless", "management_after": "dimensionless",
            "inputs_after": "dimensionless", "displaced_area": "ha"},
    output="t C", description="Decrease in SOC of the land receiving the activity",
)
def soc_loss_receiving_land(  # noqa: PLR0917 - the symbols of eq. (3)
    soc_reference: pint.Quantity, land_use_before: pint.Quantity,
    management_before: pint.Quantity, inputs_before: pint.Quantity,
    land_use_after: pint.Quantity, management_after: pint.Quantity,
    inputs_after: pint.Quantity, displaced_area: pint.Quantity,
) -> pint.Quantity:
    r"""SOC lost on the receiving land by the change of its use, management and inputs.

    Parameters
    ----------
    soc_reference : Quantity
        SOC_REF of the receiving land (AR-TOOL16 Table 3) [t C/ha].
    land_use_before : Quantity
        f_LUP, land-use factor before the land receives the activity [dimensionless].
    management_before : Quantity
        f_MGP, management factor before [dimensionless].
    inputs_before : Quantity
        f_INP, input factor before [dimensionless].
    land_use_after : Quantity
        f_LUD, land-use factor after the land receives the activity [dimensionless].
    management_after : Quantity
        f_MGD, management factor after [dimensionless].
    inputs_after : Quantity
        f_IND, input factor after [dimensionless].
    displaced_area : Quantity
        A_DISP,t [ha].

    Returns
    -------
    Quantity
        ΔSOC_LUC,t [t C]. The tool lets it be set to zero where only grazing is received or
        where it is negative; that choice is the caller's and is not made here.

    Notes
    -----
    .. math:: \Delta SOC_{LUC,t} = SOC_{REF} \left(f_{LUP} f_{MGP} f_{INP}
       - f_{LUD} f_{MGD} f_{IND}\right) A_{DISP,t}  \tag{AR-TOOL15 (3)}

    The factors are those of AR-TOOL16 Tables 4-6.

    References
    ----------
    AR-TOOL15 v02.0, para. 11, equation (3); factors from AR-TOOL16 Tables 3-6.

    Examples
    --------
    65 × (1.0 × 1.0 × 1.0 − 0.48 × 1.0 × 0.92) × 10 = 362.96 t C:

    >>> from ccer_calc.units import Quantity
    >>> one = Quantity(1.0, "")
    >>> s = soc_loss_receiving_land(soc_reference=Quantity(65, "t C/ha"),
    ...     land_use_before=one, management_before=one, inputs_before=one,
    ...     land_use_after=Quantity(0.48, ""), management_after=one,
    ...     inputs_after=Quantity(0.92, ""), displaced_area=Quantity(10, "ha"))
    >>> round(float(s.quantity.magnitude), 6)
    362.96
    """
    before = land_use_before * management_before * inputs_before
    after = land_use_after * management_after * inputs_after
    return soc_reference * (before - after) * displaced_area


@equation(
    id="AR-TOOL15 (1)", document=TOOL15, symbol="LK_AGRIC,t",
    formula="LK_AGRIC,t = 44/12 × (ΔC_BIOMASS,t + ΔSOC_LUC,t)",
    source=f"{TOOL15}, para. 11, eq. (1)",
    inputs={"biomass_loss": "t C", "soc_loss": "t C"}, output="t CO2",
    description="Leakage emission from displacement of agricultural activities",
)
def leakage_emissions(biomass_loss: pint.Quantity, soc_loss: pint.Quantity) -> pint.Quantity:
    r"""Leakage as CO2: the receiving land's losses of biomass and soil carbon.

    Parameters
    ----------
    biomass_loss : Quantity
        ΔC_BIOMASS,t [t C].
    soc_loss : Quantity
        ΔSOC_LUC,t [t C].

    Returns
    -------
    Quantity
        LK_AGRIC,t [t CO2] (t CO2e); add the values of each type of receiving land.

    Notes
    -----
    .. math:: LK_{AGRIC,t} = \frac{44}{12} \left(\Delta C_{BIOMASS,t} + \Delta SOC_{LUC,t}\right)
       \tag{AR-TOOL15 (1)}

    References
    ----------
    AR-TOOL15 v02.0, paras. 11-12, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> lk = leakage_emissions(biomass_loss=Quantity(226.775, "t C"),
    ...                        soc_loss=Quantity(362.96, "t C"))
    >>> round(float(lk.quantity.magnitude), 6)
    2162.361667
    """
    return CO2_PER_CARBON * (biomass_loss + soc_loss)



@equation(
    id="AR-TOOL15 para. 12", document=TOOL15, symbol="LK_AGRIC,t",
    formula="LK_AGRIC,t = Σ_l LK_AGRIC,l,t (eq. 1-3 applied to each type of receiving land l)",
    source=f"{TOOL15}, para. 12", inputs={"leakage_by_land": "t CO2"}, output="t CO2",
    description="Leakage emission added over the types of land receiving the activities",
)
def leakage_over_receiving_lands(leakage_by_land: pint.Quantity) -> pint.Quantity:
    r"""Leakage of year t: the sum of eq. (1) over the types of receiving land.

    Parameters
    ----------
    leakage_by_land : Quantity
        LK_AGRIC,l,t of each type of receiving land l (last axis), eq. (1) [t CO2].

    Returns
    -------
    Quantity
        LK_AGRIC,t [t CO2] (t CO2e).

    Notes
    -----
    .. math:: LK_{AGRIC,t} = \sum_{l} LK_{AGRIC,l,t}  \tag{AR-TOOL15 para. 12}

    References
    ----------
    AR-TOOL15 v02.0, para. 12: where activities are shifted to different types of receiving
    land in a year, eq. (1)-(3) are applied to each type separately and the results added.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> lk = leakage_over_receiving_lands(
    ...     leakage_by_land=Quantity([[2162.361667, 0.0], [0.0, 75.2]], "t CO2"))
    >>> [round(float(x), 6) for x in lk.quantity.magnitude]
    [2162.361667, 75.2]
    """
    return sum_last(leakage_by_land)
