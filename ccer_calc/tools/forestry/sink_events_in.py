"""What a sink project states about fire and displaced agriculture: the rows of its tables.

A/R CDM projects account the non-CO2 emissions of burning biomass (AR-TOOL08 v04.0.0) and the
leakage of displacing pre-project agriculture (AR-TOOL15 v02.0). A project file lists each
event in a table of ``[inputs]`` (what happened, monitored) or of ``[expected]`` (what the
project design plans: burning for site preparation or of harvest residue, and displacement):

``[[inputs.site_preparation_burns]]``
    Fire used in site preparation (AR-TOOL08 para. 7, eq. 2-3): one row per fire and stratum.
``[[inputs.residue_burns]]``
    Fire used to clear harvest residue before replanting, or in other forest management
    (paras. 8-10, eq. 4-5).
``[[inputs.forest_fires]]``
    Any other fire in the project boundary (paras. 11-13, eq. 6-8): one row per fire and
    stratum.
``[[inputs.displacements]]``
    Agricultural activity displaced from the project area, one row per type of land receiving
    it (AR-TOOL15 paras. 10-12, eq. 1-3).

Rows sharing an ``id`` in one fire table are one incidence of fire (AR-TOOL08 para. 3: each
incidence larger than the host Party's minimum forest area is accounted where those of the year
add up to at least 5 % of the project area). Every quantity carries its unit; the ranges are
checked when the project is loaded.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, StrictFloat, StrictStr, model_validator

from ccer_calc.bounds import POSITIVE, Bounds
from ccer_calc.fields import DateIn, Line, StrictModel, quantity_field

__all__ = [
    "BIOMASS_PER_HA",
    "CARBON_PER_HA",
    "EMISSION_FACTOR",
    "EVENT_FLAGS",
    "DisplacementIn",
    "ForestFireIn",
    "ReceivingSocIn",
    "ResidueBurnIn",
    "SitePreparationBurnIn",
    "SocLevelsIn",
]

#: Biomass per hectare of trees or shrubs: at most 5,000 t d.m./ha, above any stand measured.
BIOMASS_PER_HA = Bounds(0.0, 5000.0, reason="biomass per hectare, at most 5,000 t/ha (above "
                                              "any forest stand measured)")
#: Dead wood or litter stock per hectare, t CO2e/ha (5,000 t d.m./ha × 0.5 × 44/12, rounded).
CARBON_PER_HA = Bounds(0.0, 10000.0, reason="a carbon stock per hectare, at most 10,000 "
                                             "t CO2e/ha")
#: Emission factor of a gas per kg of dry matter burnt (AR-TOOL08 defaults: 0.2 to 6.8 g/kg).
EMISSION_FACTOR = Bounds(0.0, 100.0, reason="grams of gas per kilogram of dry matter burnt")
#: Each event flag of ``[inputs]`` and the tables of the events it states (in this order).
EVENT_FLAGS: dict[str, tuple[str, ...]] = {
    "burning": ("site_preparation_burns", "residue_burns"),
    "forest_fire": ("forest_fires",),
    "displaces_agriculture": ("displacements",),
}
_AGE = Bounds(0.0, 1000.0, reason="mean age of a forest stand in years")
_PERCENT = Bounds(0.0, 100.0, reason="a share of 0 to 100 per cent")


class SitePreparationBurnIn(StrictModel):
    """Fire used in site preparation on part of one stratum (AR-TOOL08 eq. 2-3)."""

    id: Line = Field(min_length=1, description="火烧编号 / the fire (rows of one id are one "
                                               "incidence, AR-TOOL08 para. 3)")
    date: DateIn = Field(description="火烧日期 / date of the fire (its year t)")
    stratum: Line = Field(min_length=1, description="碳层 / stratum of the strata file (or a "
                                                    "baseline stratum)")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="整地火烧面积 / A_SPF,i,t: area burnt for site preparation in the stratum")
    tree_biomass: quantity_field("t/ha", bounds=BIOMASS_PER_HA) = Field(  # type: ignore[valid-type]
        description="项目开始时林木生物量 / b_TREE,i,t: mean tree biomass per hectare at the "
                    "start of the project (AR-TOOL14), 0 t/ha where pre-project trees are "
                    "not burnt")
    shrub_crown_cover: quantity_field("percent", bounds=_PERCENT) = Field(  # type: ignore[valid-type]
        description="灌木盖度 / CC_SHRUB,i,t: shrub crown cover of the burnt land at the start "
                    "of the project")
    slash_and_burn_common: StrictBool = Field(
        description="刀耕火种是基线中的普遍做法 / slash-and-burn is a common practice in the "
                    "baseline (AR-TOOL08 para. 7(a)(i))")
    fire_in_last_10_years: StrictBool = Field(
        description="项目开始前10年内该地曾用火 / fire was used on the land at least once in "
                    "the ten years before the project started (para. 7(a)(ii))")
    source: Line | None = Field(None, description="数据来源 / where the area and stocks come "
                                                  "from")


class ResidueBurnIn(StrictModel):
    """Fire used to clear harvest residue before replanting (AR-TOOL08 eq. 4-5)."""

    id: Line = Field(min_length=1, description="火烧编号 / the fire (rows of one id are one "
                                               "incidence)")
    date: DateIn = Field(description="火烧日期 / date of the fire (its year t)")
    stratum: Line = Field(min_length=1, description="碳层 / stratum of the strata file")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="采伐剩余物火烧面积 / A_FMF,t: area where fire clears harvest residue")
    harvested_biomass: quantity_field("t", bounds=POSITIVE) | None = Field(  # type: ignore[valid-type]
        None, description="采伐生物量 / B_HARVEST,t: biomass harvested from the burnt area, "
                          "t d.m. (eq. 4); omit where harvest data are not available (eq. 5 "
                          "from the area, for every residue burn of the table)")
    forest_zone: Literal["tropical", "temperate"] = Field(
        description="森林类型 / forest zone of f_BL (AR-TOOL08 para. 9: 0.25 tropical, 0.10 "
                    "temperate)")
    source: Line | None = Field(None, description="数据来源 / where the area and harvest come "
                                                  "from")


class ForestFireIn(StrictModel):
    """A forest fire in one stratum (AR-TOOL08 eq. 6-8)."""

    id: Line = Field(min_length=1, description="火灾编号 / the fire (rows of one id are one "
                                               "incidence)")
    date: DateIn = Field(description="火灾日期 / date of the fire (its year t)")
    stratum: Line = Field(min_length=1, description="碳层 / stratum of the strata file")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="过火面积 / A_BURN,i,t: area burnt in the stratum")
    trees_burnt: StrictBool = Field(
        description="活立木地上生物量被烧 / living trees' above-ground biomass burnt: false "
                    "where the fire stayed in the understorey or the trees re-leafed within "
                    "six months (AR-TOOL08 para. 4(a))")
    tree_biomass: quantity_field("t/ha", bounds=BIOMASS_PER_HA) | None = Field(  # type: ignore[valid-type]
        None, description="上次核查时林木地上生物量 / b_TREE,i,tL: mean above-ground tree "
                          "biomass per hectare of the stratum at the last verification before "
                          "the fire (needed where trees burnt)")
    forest_type: Literal["tropical", "temperate", "boreal"] | None = Field(
        None, description="森林类型 / forest type of the default COMF, EF_CH4, EF_N2O "
                          "(AR-TOOL08 section III)")
    mean_age: quantity_field("yr", bounds=_AGE) | None = Field(  # type: ignore[valid-type]
        None, description="林分平均年龄 / mean age of the stand (tropical default COMF)")
    combustion_factor: StrictFloat | None = Field(
        None, ge=0.0, le=1.0, description="燃烧系数 / COMF_i, a fraction (0 to 1), of the "
                                          "project or a national inventory (instead of the "
                                          "default)")
    ef_ch4: quantity_field("g CH4/kg", bounds=EMISSION_FACTOR) | None = Field(  # type: ignore[valid-type]
        None, description="CH4排放因子 / EF_CH4,i, g CH4 per kg of dry matter burnt")
    ef_n2o: quantity_field("g N2O/kg", bounds=EMISSION_FACTOR) | None = Field(  # type: ignore[valid-type]
        None, description="N2O排放因子 / EF_N2O,i, g N2O per kg of dry matter burnt")
    factor_source: Line | None = Field(None, description="燃烧和排放因子来源 / source of "
                                                         "COMF_i, EF_CH4,i, EF_N2O,i")
    dead_wood: quantity_field("t CO2/ha", bounds=CARBON_PER_HA) | None = Field(  # type: ignore[valid-type]
        None, description="上次核查时枯死木碳储量 / C_DW,i,tL per hectare at the last "
                          "verification, t CO2e/ha (where dead wood is accounted)")
    litter: quantity_field("t CO2/ha", bounds=CARBON_PER_HA) | None = Field(  # type: ignore[valid-type]
        None, description="上次核查时枯落物碳储量 / C_LI,i,tL per hectare at the last "
                          "verification, t CO2e/ha (where litter is accounted)")
    source: Line | None = Field(None, description="数据来源 / where the area and stocks come "
                                                  "from")

    @model_validator(mode="after")
    def _factors(self) -> ForestFireIn:
        own = [self.combustion_factor, self.ef_ch4, self.ef_n2o]
        if any(v is not None for v in own):
            if any(v is None for v in own) or self.factor_source is None:
                msg = ("give combustion_factor, ef_ch4, ef_n2o and factor_source together, "
                       "or forest_type (and mean_age) for the AR-TOOL08 section III defaults")
                raise ValueError(msg)
            if self.forest_type is not None:
                msg = "give either the project's factors or forest_type for defaults, not both"
                raise ValueError(msg)
        return self


class SocLevelsIn(StrictModel):
    """The land use, management and inputs of a land (AR-TOOL16 Tables 4-6)."""

    land: Literal["cropland", "grassland"] = Field(description="土地类型 / land of Tables 4-6")
    land_use: StrictStr = Field(description="土地利用（f_LU） / level of Table 4 or 6")
    management: StrictStr = Field(description="管理方式（f_MG） / level of Table 4 or 6")
    inputs: StrictStr = Field(description="投入水平（f_IN） / level of Table 5 or 6")


class ReceivingSocIn(StrictModel):
    """The soil of the land receiving the activity and its practice before and after."""

    climate_region: StrictStr = Field(description="气候区 / climate region of AR-TOOL16 Table 3")
    soil: Literal["hac", "lac", "sandy", "spodic", "volcanic"] = Field(
        description="土壤类型 / soil type of AR-TOOL16 Table 3")
    temperature: Literal["temperate_boreal", "tropical", "tropical_montane"] = Field(
        description="温度区 / temperature regime of Tables 4-6")
    moisture: Literal["dry", "moist", "wet"] = Field(description="湿度区 / moisture regime")
    before: SocLevelsIn = Field(description="接收前 / before the land receives the activity "
                                            "(f_LUP, f_MGP, f_INP)")
    after: SocLevelsIn = Field(description="接收后 / after it receives it (f_LUD, f_MGD, "
                                           "f_IND)")


class DisplacementIn(StrictModel):
    """Agriculture displaced from the project area to one type of receiving land (AR-TOOL15)."""

    id: Line = Field(min_length=1, description="编号 / the displacement")
    date: DateIn = Field(description="转移日期 / date the activity is displaced (its year t)")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="转移面积 / A_DISP,t: area of the project land from which the activity is "
                    "displaced")
    activity: Literal["grazing", "crop_cultivation"] = Field(
        description="被转移的农业活动 / the activity displaced (AR-TOOL15 para. 7)")
    drains_wetland_or_peatland: StrictBool = Field(
        description="转移导致湿地或泥炭地排水 / the displacement causes, directly or "
                    "indirectly, drainage of wetlands or peatlands (AR-TOOL15 para. 3)")
    grazing_zero_conditions: list[Literal["a", "b", "c", "d", "e"]] = Field(
        default_factory=list,
        description="第10段成立的条件 / the conditions of AR-TOOL15 para. 10 that hold for "
                    "displaced grazing (a existing grazing land within carrying capacity; b "
                    "non-grazing grassland within capacity; c cropland abandoned in the last "
                    "five years; d forest land without clearance or loss of crown cover; e "
                    "zero grazing)")
    receiving_land_identified: StrictBool = Field(
        description="接收土地已确定 / the land receiving the activity is identified; where "
                    "not, b_TREE is the forest biomass of the region (parameters."
                    "forest_biomass)")
    tree_biomass: quantity_field("t/ha", bounds=BIOMASS_PER_HA) | None = Field(  # type: ignore[valid-type]
        None, description="接收土地林木地上生物量 / b_TREE: mean above-ground tree biomass of "
                          "the receiving land (AR-TOOL14), t d.m./ha")
    shrub_biomass: quantity_field("t/ha", bounds=BIOMASS_PER_HA) | None = Field(  # type: ignore[valid-type]
        None, description="接收土地灌木地上生物量 / b_SHRUB: mean above-ground shrub biomass "
                          "of the receiving land, t d.m./ha")
    soc: ReceivingSocIn | None = Field(
        None, description="接收土地土壤有机碳 / soil and practices of the receiving land "
                          "(eq. 3); may be omitted where only grazing is received (para. 11)")
    source: Line | None = Field(None, description="数据来源 / where the area and stocks come "
                                                  "from")

    @model_validator(mode="after")
    def _complete(self) -> DisplacementIn:
        if self.grazing_zero_conditions and self.activity != "grazing":
            msg = ("grazing_zero_conditions are the conditions of AR-TOOL15 para. 10 for "
                   "displaced grazing; this row displaces crop_cultivation")
            raise ValueError(msg)
        if len(set(self.grazing_zero_conditions)) != len(self.grazing_zero_conditions):
            msg = "each condition of para. 10 once in grazing_zero_conditions"
            raise ValueError(msg)
        if self.grazing_zero_conditions:
            return self
        if self.shrub_biomass is None:
            msg = ("shrub_biomass (b_SHRUB of the receiving land, 0 t/ha where it has no "
                   "shrubs) is needed by AR-TOOL15 eq. (2)")
            raise ValueError(msg)
        if self.receiving_land_identified and self.tree_biomass is None:
            msg = ("tree_biomass (b_TREE of the identified receiving land) is needed by "
                   "AR-TOOL15 eq. (2)")
            raise ValueError(msg)
        if not self.receiving_land_identified and self.tree_biomass is not None:
            msg = ("the receiving land is unidentified: AR-TOOL15 para. 11 takes b_TREE as the "
                   "forest biomass of the region (parameters.forest_biomass); remove "
                   "tree_biomass or set receiving_land_identified = true")
            raise ValueError(msg)
        if self.activity == "crop_cultivation" and self.soc is None:
            msg = ("displaced crop cultivation needs the receiving land's soil and practices "
                   "(soc) for AR-TOOL15 eq. (3)")
            raise ValueError(msg)
        return self
