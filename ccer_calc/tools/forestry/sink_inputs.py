"""What an afforestation or mangrove project states: the shared part of the sinks' inputs.

The A/R plug-ins (AR-ACM0003, AR-AM0014 and the CCER methodologies built on them) read a forest
inventory measured at successive dates. A project file names, under ``[inputs]``:

* ``project_area``, the ``strata`` file (``stratum, area [ha]``), the ``species`` parameters
  file and optionally the allometric ``models`` file (the bundled catalogue otherwise);
* ``[inputs.initial]``: the stock estimate at the start, either an inventory of the trees
  standing in the project area (``plots``, ``trees``) or, under AR-TOOL14 v04.2 para. 11, a
  zero tree stock at ``date`` with the three conditions of that paragraph stated;
* ``[[inputs.measurements]]``: each later measurement of the sample plots (``plots``,
  ``trees`` and optionally ``shrubs``), the date of each estimate being the date of its last
  plot measurement (para. 31);
* (the initial estimate and the measurements are what ``compute`` needs; a project design
  estimated from its planting plan, ``[expected]``, has neither yet:
  :mod:`ccer_calc.tools.forestry.sink_plan`);
* ``[inputs.baseline]``: the baseline's changes, zero where an indicator of para. 12 is
  demonstrated, or by proportionate crown cover (eq. 9-10) for baseline strata;
* the optional pools accounted, the climate of the AR-TOOL12 default factors, and what the
  project states about burning and displaced agriculture: the flags ``burning``,
  ``forest_fire`` and ``displaces_agriculture`` and, where one is true, the rows of
  ``site_preparation_burns``, ``residue_burns``, ``forest_fires`` and ``displacements``
  (:mod:`ccer_calc.tools.forestry.sink_events_in`) with ``forest_minimum_area`` for fire.

Plot, tree and shrub files are CSV with unit headers (:mod:`ccer_calc.io.inventory`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field, StrictBool, model_validator

from ccer_calc.bounds import POSITIVE, Bounds
from ccer_calc.fields import StrictModel
from ccer_calc.project import DateIn, Line, quantity_field
from ccer_calc.tools.forestry.sink_events_in import (
    EVENT_FLAGS,
    DisplacementIn,
    ForestFireIn,
    ResidueBurnIn,
    SitePreparationBurnIn,
)

__all__ = [
    "PARA12_INDICATORS",
    "PERCENT",
    "POOLS",
    "BaselineIn",
    "BaselineStratumIn",
    "ClimateIn",
    "InitialIn",
    "MeasurementIn",
    "PlantedAreaIn",
    "SinkInputs",
    "SocIn",
    "SocStratumIn",
    "check_planting",
    "check_soc_strata",
]

#: A share of an area or a crown cover, written as a percentage ("12 %").
PERCENT = Bounds(0.0, 100.0, reason="a share of 0 to 100 per cent")
#: The optional carbon pools a project may account (AR-ACM0003 v02.0 Table 1).
POOLS = ("dead_wood", "litter", "soc")
#: The indicators of AR-TOOL14 v04.2 para. 12 by name, with the paragraph's letter.
PARA12_INDICATORS = {
    "reduced_topsoil": "a", "erosion": "b", "infertility_indicator_species": "c",
    "bare_land": "d", "contaminated_or_saline_soil": "e", "periodic_cycles": "f",
    "pre_project_trees_unaffected": "g"}
Indicator = Literal["reduced_topsoil", "erosion", "infertility_indicator_species", "bare_land",
                    "contaminated_or_saline_soil", "periodic_cycles",
                    "pre_project_trees_unaffected"]


class InitialIn(StrictModel):
    """The stock estimate at the start of the project (C_TREE,t1 of the first verification)."""

    date: DateIn | None = Field(
        None, description="估算日期 / date of the initial estimate when the tree stock is zero "
                          "(AR-TOOL14 para. 11); the first monitoring period starts the next day")
    plots: str | None = Field(None, description="样地文件 / plots measured at the start "
                                                "(pre-project trees in the project area)")
    trees: str | None = Field(None, description="样木文件 / tree records of those plots")
    shrubs: str | None = Field(None, description="灌木盖度文件 / shrub strata and crown cover "
                                                 "at the start")
    pre_project_trees_not_removed: StrictBool | None = Field(
        None, description="项目前林木在计入期内不被采伐、清除 / AR-TOOL14 para. 11(a): "
                          "pre-project trees are not harvested, cleared or removed")
    pre_project_trees_not_damaged: StrictBool | None = Field(
        None, description="项目前林木不因竞争或项目活动死亡、受损 / para. 11(b): no mortality "
                          "or damage from competition with planted trees or the project")
    pre_project_trees_monitored_separately: StrictBool | None = Field(
        None, description="项目前林木不与项目林木一并调查、其存续受监测 / para. 11(c): not "
                          "inventoried with the project trees, their continued existence "
                          "monitored")

    @model_validator(mode="after")
    def _one_way(self) -> InitialIn:
        inventory = self.plots is not None or self.trees is not None
        if inventory and (self.plots is None or self.trees is None):
            msg = "an initial inventory needs both plots and trees"
            raise ValueError(msg)
        if inventory and self.date is not None:
            msg = ("give either an initial inventory (plots, trees: dated by the last plot "
                   "measurement, AR-TOOL14 para. 31) or a date with a zero tree stock, not both")
            raise ValueError(msg)
        if not inventory and self.date is None:
            msg = ("give the initial stock: an inventory (plots, trees) or, under AR-TOOL14 "
                   "para. 11, a date and the three pre_project_trees_* conditions")
            raise ValueError(msg)
        return self

    @property
    def zero_tree_stock(self) -> bool:
        """Whether the initial tree stock is claimed to be zero (no inventory given)."""
        return self.plots is None


class MeasurementIn(StrictModel):
    """One later measurement of the sample plots."""

    plots: str = Field(description="样地文件 / plots: plot, stratum, area [ha], date")
    trees: str = Field(description="样木文件 / trees: plot, species, diameter [cm], height [m], "
                                   "status")
    shrubs: str | None = Field(None, description="灌木盖度文件 / shrub strata: stratum, "
                                                 "area [ha], crown_cover [%]")


class BaselineStratumIn(StrictModel):
    """A baseline stratum for the proportionate crown cover method (AR-TOOL14 eq. 10)."""

    id: Line = Field(min_length=1, description="碳层 / stratum")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="面积 / area A_i")
    crown_cover: quantity_field("percent", bounds=PERCENT) = Field(  # type: ignore[valid-type]
        description="项目前林木树冠覆盖度 / pre-project tree crown cover CC_TREE_BSL,i")


class BaselineIn(StrictModel):
    """The baseline changes in trees and shrubs."""

    method: Literal["zero", "crown_cover"] = Field(
        description="基线林木和灌木碳储量变化的确定方法 / how the baseline changes are "
                    "determined: zero (an indicator of AR-TOOL14 para. 12 is demonstrated) or "
                    "crown_cover (proportionate crown cover, AR-TOOL14 eq. 9-10)")
    indicators: list[Indicator] = Field(
        default_factory=list, description="已证明的AR-TOOL14第12段指标 / indicators of AR-TOOL14 "
                                          "para. 12 demonstrated")
    strata: list[BaselineStratumIn] = Field(
        default_factory=list, description="基线碳层 / baseline strata (crown cover method)")
    forest_crown_cover_threshold: quantity_field(  # type: ignore[valid-type]
        "percent", bounds=PERCENT) | None = Field(
        None, description="东道国森林定义的树冠覆盖度阈值 / crown cover threshold of the host "
                          "country's forest definition (AR-TOOL14 para. 24)")
    shrub_cover_below_5_percent: StrictBool | None = Field(
        None, description="基线灌木盖度低于5% / baseline shrub crown cover below 5 per cent "
                          "(AR-TOOL14 para. 60: zero shrub biomass)")

    @model_validator(mode="after")
    def _complete(self) -> BaselineIn:
        if self.method == "zero" and not self.indicators:
            msg = ("method zero needs at least one AR-TOOL14 para. 12 indicator demonstrated, "
                   "in baseline.indicators (" + ", ".join(PARA12_INDICATORS) + ")")
            raise ValueError(msg)
        if self.method == "crown_cover":
            if not self.strata or self.forest_crown_cover_threshold is None:
                msg = ("method crown_cover needs baseline.strata (id, area, crown_cover) and "
                       "baseline.forest_crown_cover_threshold")
                raise ValueError(msg)
            if self.shrub_cover_below_5_percent is not True:
                msg = ("method crown_cover accounts baseline shrubs as zero only where their "
                       "crown cover is below 5 per cent (AR-TOOL14 para. 60): state "
                       "baseline.shrub_cover_below_5_percent = true")
                raise ValueError(msg)
            ids = [s.id for s in self.strata]
            if len(set(ids)) != len(ids):
                msg = "baseline stratum ids must be unique"
                raise ValueError(msg)
        return self


class ClimateIn(StrictModel):
    """Where the project lies, for the AR-TOOL12 default factors of dead wood and litter."""

    biome: Literal["tropical", "temperate_boreal"] = Field(description="生物群区 / biome")
    elevation: quantity_field("m") = Field(  # type: ignore[valid-type]
        description="海拔 / elevation")
    precipitation: quantity_field("mm/yr") = Field(  # type: ignore[valid-type]
        description="年降水量 / mean annual precipitation")


class SocStratumIn(StrictModel):
    """A stratum of land meeting AR-TOOL16's conditions, with its baseline practice."""

    stratum: Line = Field(min_length=1, description="碳层 / stratum")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="面积 / area A_i")
    soil: Literal["hac", "lac", "sandy", "spodic", "volcanic"] = Field(
        description="土壤类型 / soil type of AR-TOOL16 Table 3")
    land: Literal["cropland", "grassland"] = Field(description="基线土地利用 / baseline land")
    land_use: str = Field(description="土地利用（f_LU） / f_LU level of Tables 4 and 6 "
                                      "(long_term_cultivated, short_term_or_set_aside; all for "
                                      "grassland)")
    management: str = Field(description="管理方式（f_MG） / f_MG level (full_tillage, "
                                        "reduced_tillage; non_degraded, moderately_degraded, "
                                        "severely_degraded)")
    inputs: str = Field(description="投入水平（f_IN） / f_IN level (low, medium, "
                                    "high_without_manure; low_medium, high)")
    preparation_year: int = Field(ge=1900, le=2200, description="整地年份 / year of site "
                                                                "preparation t_PREP,i")
    disturbed_share: quantity_field("percent", bounds=PERCENT) = Field(  # type: ignore[valid-type]
        description="项目造成的土壤扰动面积比例 / area disturbed by the project over the baseline, "
                    "share of the stratum")


class SocIn(StrictModel):
    """AR-TOOL16 v01.1.0: the land whose SOC change is accounted."""

    climate_region: str = Field(description="气候区 / climate region of AR-TOOL16 Table 3 "
                                            "(e.g. warm_temperate_moist)")
    temperature: Literal["temperate_boreal", "tropical", "tropical_montane"] = Field(
        description="温度区 / temperature regime of Tables 4-6")
    moisture: Literal["dry", "moist", "wet"] = Field(description="湿度区 / moisture regime")
    wetland: StrictBool = Field(description="湿地 / land in the wetland category")
    organic_soils: StrictBool = Field(description="有机土 / organic soils")
    litter_remains: StrictBool = Field(description="凋落物保留在地 / litter remains on site "
                                                   "(para. 3(b)(i))")
    disturbance_conforms: StrictBool = Field(
        description="整地符合水土保持、仅限整地且20年内不重复 / disturbance follows soil "
                    "conservation, is limited to site preparation and not repeated within 20 "
                    "years (para. 3(b)(ii))")
    strata: list[SocStratumIn] = Field(min_length=1, description="土壤有机碳碳层 / SOC strata")


class SinkInputs(StrictModel):
    """The inputs every afforestation or mangrove plug-in reads."""

    #: Fields added after the first release: left out of the fingerprint where empty, so an
    #: older project file keeps its fingerprint (:meth:`ccer_calc.project.Project.canonical`).
    later_fields: ClassVar[tuple[str, ...]] = (
        "forest_minimum_area", "site_preparation_burns", "residue_burns", "forest_fires",
        "displacements")

    project_area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="项目面积 / project area (the strata must add up to it)")
    strata: str = Field(description="碳层文件 / strata file: stratum, area [ha]")
    species: str = Field(description="树种参数文件 / species parameters (columns of "
                                     "species_example.csv, each row with its source)")
    models: str | None = Field(None, description="生物量模型文件 / allometric and volume models "
                                                 "(the bundled catalogue when not given)")
    encoding: str | None = Field(None, description="CSV文件编码 / encoding of the CSV files "
                                                   "(detected when not given)")
    initial: InitialIn | None = Field(
        None, description="期初碳储量估算 / the stock estimate at the start (needed to compute; "
                          "an estimate from the planting plan needs none)")
    measurements: list[MeasurementIn] = Field(
        default_factory=list, description="样地测量 / measurements of the sample plots (at least "
                                          "one to compute)")
    baseline: BaselineIn = Field(description="基线 / baseline")
    pools: list[Literal["dead_wood", "litter", "soc"]] = Field(
        default_factory=list, description="选择计量的可选碳库 / optional pools accounted")
    climate: ClimateIn | None = Field(
        None, description="气候条件 / climate (AR-TOOL12 default factors)")
    shrub_cover_below_5_percent: StrictBool | None = Field(
        None, description="项目灌木盖度始终低于5% / project shrub crown cover below 5 per cent "
                          "at every estimate (AR-TOOL14 para. 60); needed when no shrub files "
                          "are given")
    burning: StrictBool = Field(
        description="整地或森林经营中焚烧生物质 / woody biomass burnt (or, for an estimate, "
                    "planned to be burnt) for site preparation or forest management; must be "
                    "stated")
    forest_fire: StrictBool = Field(
        description="发生森林火灾 / a forest fire occurred in the project area; must be stated")
    displaces_agriculture: StrictBool = Field(
        description="转移项目前农业活动 / pre-project agricultural activities displaced (or "
                    "expected to be); must be stated")
    forest_minimum_area: quantity_field("ha", bounds=POSITIVE) | None = Field(  # type: ignore[valid-type]
        None, description="东道国森林定义的最小面积 / the host Party's minimum forest area: each "
                          "incidence of fire larger than it is accounted (AR-TOOL08 para. 3); "
                          "needed where fire is listed")
    site_preparation_burns: list[SitePreparationBurnIn] = Field(
        default_factory=list, description="整地火烧 / fire used in site preparation, one row per "
                                          "fire and stratum (AR-TOOL08 eq. 2-3)")
    residue_burns: list[ResidueBurnIn] = Field(
        default_factory=list, description="采伐剩余物火烧 / fire used to clear harvest residue "
                                          "before replanting (AR-TOOL08 eq. 4-5)")
    forest_fires: list[ForestFireIn] = Field(
        default_factory=list, description="森林火灾 / forest fires, one row per fire and stratum "
                                          "(AR-TOOL08 eq. 6-8)")
    displacements: list[DisplacementIn] = Field(
        default_factory=list, description="农业活动转移 / agricultural activities displaced, one "
                                          "row per type of receiving land (AR-TOOL15 eq. 1-3)")

    @model_validator(mode="after")
    def _pools(self) -> SinkInputs:
        if len(set(self.pools)) != len(self.pools):
            msg = "each pool once in pools"
            raise ValueError(msg)
        if ({"dead_wood", "litter"} & set(self.pools)) and self.climate is None:
            msg = ("dead wood and litter by the AR-TOOL12 default factors need the project's "
                   "climate (biome, elevation, precipitation)")
            raise ValueError(msg)
        for flag, tables in EVENT_FLAGS.items():
            listed = [t for t in tables if getattr(self, t)]
            if listed and not getattr(self, flag):
                msg = (f"{flag} is false but rows are listed in {', '.join(listed)}: state "
                       f"{flag} = true, or remove the rows")
                raise ValueError(msg)
        return self



class PlantedAreaIn(StrictModel):
    """The area planted in one year; a plug-in subclasses it to cite its own equation."""

    year: int = Field(ge=1900, le=2200, description="种植年份 / year of planting t_PLANT")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="当年种植面积 / area planted in that year")


def _within_project_area(inputs: SinkInputs, total: float, what: str) -> None:
    """Refuse areas adding up to more than the project area (with a 1e-9 relative margin)."""
    project = float(inputs.project_area.m_as("ha"))
    if total > project * (1 + 1e-9):
        msg = f"{what} add up to {total:g} ha, more than the project area {project:g} ha"
        raise ValueError(msg)


def check_soc_strata(inputs: SinkInputs, soc: SocIn | None) -> None:
    """SOC by AR-TOOL16: selected in ``pools`` exactly when ``[inputs.soc]`` is given.

    Raises
    ------
    ValueError
        When one is given without the other, or the SOC strata exceed the project area.
    """
    if ("soc" in inputs.pools) != (soc is not None):
        msg = ("account SOC with both pools = [..., 'soc'] and an [inputs.soc] table "
               "(AR-TOOL16 strata), or with neither")
        raise ValueError(msg)
    if soc is not None:
        _within_project_area(inputs, sum(float(st.area.m_as("ha")) for st in soc.strata),
                             "the SOC strata")


def check_planting(inputs: SinkInputs, planting: Sequence[PlantedAreaIn]) -> None:
    """Each planting year once, the areas planted within the project area.

    Raises
    ------
    ValueError
        When a year is listed twice, or the areas planted exceed the project area.
    """
    years = [p.year for p in planting]
    if len(set(years)) != len(years):
        msg = "each planting year once in [[inputs.planting]]"
        raise ValueError(msg)
    _within_project_area(inputs, sum(float(p.area.m_as("ha")) for p in planting),
                         "the areas planted")
