"""Parameters the A/R plug-ins share, from the tools' defaults, and what a project supplies.

Each default is read from ``ar_tool_defaults.csv`` (the tools' official values) and declared as
a :class:`~ccer_calc.parameters.Parameter` of the plug-in, overridable where the tool allows
"transparent and verifiable information" to justify another value. A provisional plug-in (a
CCER methodology built on its CDM parent) passes ``provisional=`` a phrase naming the parent:
every parameter is then flagged provisional and its source says so.

:data:`INVENTORY_FILES` describes the files a project names and their columns; the plug-ins'
``describe`` carries it, so the schema, ``show`` and the documents list the same data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.bounds import FRACTION, POSITIVE, Bounds
from ccer_calc.datatables import table_key
from ccer_calc.parameters import Parameter
from ccer_calc.tools.forestry import linear_change as lc
from ccer_calc.tools.forestry import tool14_sampling as smp
from ccer_calc.tools.forestry import tool16_soc as soc
from ccer_calc.tools.forestry.defaults import tool_default, tool_defaults
from ccer_calc.tools.forestry.sink import SinkSettings
from ccer_calc.tools.forestry.sink_baseline import BaselineSettings
from ccer_calc.tools.forestry.tool08_burning import non_co2_emissions
from ccer_calc.tools.forestry.tool12_litter import litter_default_factor
from ccer_calc.tools.forestry.tool12_stocks import dead_wood_default_factor
from ccer_calc.tools.forestry.tool14_change import (
    carbon_stock_change,
    change_uncertainty_two_stocks,
)
from ccer_calc.tools.forestry.tool14_crown import (
    baseline_tree_carbon_change,
    baseline_tree_carbon_change_stratum,
    forest_increment_in_year,
)
from ccer_calc.tools.forestry.tool14_discount import conservative_project_value
from ccer_calc.tools.forestry.tool14_shrubs import shrub_biomass_per_hectare, shrub_carbon_stock

if TYPE_CHECKING:
    from ccer_calc.methodology import Context

__all__ = ["GAS_TABLES", "INVENTORY_FILES", "SOC_EQUATIONS", "TOOL_EQUATIONS",
           "baseline_settings", "sink_parameters", "sink_settings"]

_TABLE = table_key("ar_tool_defaults.csv", "ccer_calc.tools.data.forestry")
_IPCC = "IPCC GPG-LULUCF 2003"


def _default(tool: str, name: str) -> tuple[float, str]:
    for d in tool_defaults():
        if (d.tool, d.name) == (tool, name):
            return d.value, d.source
    msg = f"no default {tool} {name}"  # pragma: no cover - the table is bundled
    raise LookupError(msg)


#: (name, symbol, unit, zh, en, tool, default name or None, bounds, overridable)
_SPECS: tuple[tuple[str, str, str, str, str, str, str | None, Bounds, bool], ...] = (
    ("carbon_fraction_tree", "CF_TREE", "t C/t", "林木生物量含碳率",
     "carbon fraction of tree biomass", "AR-TOOL14", "carbon_fraction_tree", FRACTION, True),
    ("root_shoot_ratio_baseline_tree", "R_TREE", "dimensionless", "基线林木根茎比",
     "root-shoot ratio of baseline trees (crown cover method)", "AR-TOOL14",
     "root_shoot_ratio_baseline_tree", Bounds(0.0, 10.0), True),
    ("carbon_fraction_shrub", "CF_S", "t C/t", "灌木生物量含碳率",
     "carbon fraction of shrub biomass", "AR-TOOL14", "carbon_fraction_shrub", FRACTION, True),
    ("root_shoot_ratio_shrub", "R_S", "dimensionless", "灌木根茎比", "root-shoot ratio of shrubs",
     "AR-TOOL14", "root_shoot_ratio_shrub", Bounds(0.0, 10.0), True),
    ("shrub_biomass_ratio", "BDR_SF", "dimensionless", "灌木盖度100%时灌木生物量与森林生物量之比",
     "shrub biomass at full crown cover over the forest biomass default", "AR-TOOL14",
     "shrub_biomass_ratio", FRACTION, True),
    ("baseline_steady_state_year", "t_STEADY", "yr", "基线生物量达到稳定状态的年份",
     "year in which baseline biomass reaches steady state", "AR-TOOL14",
     "baseline_steady_state_year", POSITIVE, True),
    ("confidence_level", "CL", "dimensionless", "抽样不确定性的置信水平",
     "confidence level of the sampling uncertainty", "AR-TOOL14", "confidence_level",
     Bounds(0.5, 1.0, max_inclusive=False), False),
)
#: The defaults of AR-TOOL08 v04.0.0 and AR-TOOL15 v02.0 that the CDM plug-ins apply to fire
#: and displaced agriculture. AR-TOOL08 prints CF 0.50, BEF_2 1.25, f_BL and the GWPs as the
#: values "used" (fixed); BDR_SF and the AR-TOOL15 defaults apply "unless transparent and
#: verifiable information" justifies another value (overridable).
_GAS_SPECS: tuple[tuple[str, str, str, str, str, str, str, Bounds, bool], ...] = (
    ("fire_carbon_fraction_tree", "CF_TREE", "t C/t", "火烧林木生物量含碳率",
     "carbon fraction of tree biomass burnt", "AR-TOOL08", "carbon_fraction_tree", FRACTION,
     False),
    ("fire_carbon_fraction_shrub", "CF_SHRUB", "t C/t", "火烧灌木生物量含碳率",
     "carbon fraction of shrub biomass burnt", "AR-TOOL08", "carbon_fraction_shrub", FRACTION,
     False),
    ("fire_shrub_biomass_ratio", "BDR_SF", "dimensionless",
     "灌木盖度100%时灌木生物量与森林生物量之比（火烧）",
     "shrub biomass at full crown cover over the forest biomass default (fire)", "AR-TOOL08",
     "shrub_biomass_ratio", FRACTION, True),
    ("harvest_biomass_expansion_factor", "BEF_2", "dimensionless", "采伐林木生物量扩展因子",
     "biomass expansion factor of the trees harvested", "AR-TOOL08",
     "biomass_expansion_factor_harvest", Bounds(1.0, 10.0), False),
    ("harvest_residue_fraction_tropical", "f_BL", "dimensionless",
     "采伐剩余物占地上生物量比例（热带林）", "share of above-ground biomass left on site, "
     "tropical forest", "AR-TOOL08", "harvest_residue_fraction_tropical", FRACTION, False),
    ("harvest_residue_fraction_temperate", "f_BL", "dimensionless",
     "采伐剩余物占地上生物量比例（温带林）", "share of above-ground biomass left on site, "
     "temperate forest", "AR-TOOL08", "harvest_residue_fraction_temperate", FRACTION, False),
    ("gwp_ch4", "GWP_CH4", "t CO2/(t CH4)", "CH4全球增温潜势", "global warming potential of CH4",
     "AR-TOOL08", "gwp_ch4", Bounds(1.0, 100.0), False),
    ("gwp_n2o", "GWP_N2O", "t CO2/(t N2O)", "N2O全球增温潜势", "global warming potential of N2O",
     "AR-TOOL08", "gwp_n2o", Bounds(1.0, 1000.0), False),
    ("leakage_carbon_fraction", "CF", "t C/t", "接收土地木质生物量含碳率",
     "carbon fraction of woody biomass on the land receiving displaced agriculture",
     "AR-TOOL15", "carbon_fraction", FRACTION, True),
    ("leakage_root_shoot_ratio_tree", "R_TREE", "dimensionless", "接收土地林木根茎比",
     "root-shoot ratio of trees on the receiving land", "AR-TOOL15", "root_shoot_ratio_tree",
     Bounds(0.0, 10.0), True),
    ("leakage_root_shoot_ratio_shrub", "R_S", "dimensionless", "接收土地灌木根茎比",
     "root-shoot ratio of shrubs on the receiving land", "AR-TOOL15", "root_shoot_ratio_shrub",
     Bounds(0.0, 10.0), True),
)
#: Without a bundled default: (name, symbol, unit, zh, en, where the value comes from, the
#: tool equation that uses it, and the gas tools' equations that also do, with ``gases``).
_NO_DEFAULT = (
    ("forest_biomass", "b_FOREST", "t/ha", "所在地区森林地上生物量缺省值",
     "default above-ground biomass of forest in the region", f"{_IPCC} Table 3A.1.4 (not "
     "bundled: state it with its source)", "AR-TOOL14 v04.2 eq. (27)",
     ", by AR-TOOL08 v04.0.0 eq. (3) and (5) (B_FOREST) and by AR-TOOL15 v02.0 eq. (2) (b_TREE "
     "of an unidentified receiving land)"),
    ("forest_biomass_increment", "Δb_FOREST", "t/ha/yr", "所在地区森林地上生物量年均增量缺省值",
     "default mean annual above-ground biomass increment of forest in the region",
     f"{_IPCC} Table 3A.1.5 (not bundled: state it with its source)", "AR-TOOL14 v04.2 eq. (10)",
     ""),
)


def sink_parameters(*, provisional: str | None = None, gases: bool = False,
                    extra: tuple[Parameter, ...] = ()) -> tuple[Parameter, ...]:
    """The shared parameters, then ``extra`` (the methodology's own).

    ``provisional`` (e.g. "provisional: value of the CDM parent AR-ACM0003 v02.0") marks every
    parameter as provisional, makes the confidence level overridable (a CCER text may set its
    own precision rule) and prefixes each source. ``gases`` adds the defaults of AR-TOOL08
    (fire) and AR-TOOL15 (displaced agriculture), for a plug-in that computes them.
    """
    out = []
    specs = _SPECS + (_GAS_SPECS if gases else ())
    for name, symbol, unit, zh, en, tool, key, bounds, overridable in specs:
        value, source = _default(tool, key) if key else (None, "")
        out.append(Parameter(
            name, symbol, unit, zh, en,
            source if provisional is None else f"{provisional}; {source}", "fixed",
            default=value, overridable=overridable or provisional is not None, bounds=bounds,
            table=_TABLE, provisional=provisional is not None))
    for name, symbol, unit, zh, en, where, used_by, gas_uses in _NO_DEFAULT:
        text = f"{where}, used by {used_by}{gas_uses if gases else ''}"
        out.append(Parameter(name, symbol, unit, zh, en, text, "fixed", overridable=True,
                             bounds=POSITIVE))
    return (*out, *extra)


def soc_rate_cap(provisional: str | None = None) -> Parameter:
    """dSOC_MAX, the AR-TOOL16 cap on the rate of SOC change, for a plug-in applying AR-TOOL16.

    Fixed by the tool (not overridable) unless ``provisional`` is given, as in
    :func:`sink_parameters`.
    """
    cap = tool_default("AR-TOOL16", "soc_rate_cap")
    return Parameter("soc_rate_cap", "dSOC_MAX", "t C/ha/yr", "土壤有机碳年变化率上限",
                     "upper limit of the rate of SOC change",
                     cap.ref if provisional is None else f"{provisional}; {cap.ref}", "fixed",
                     default=float(cap.quantity.m_as("t C/ha/yr")),
                     overridable=provisional is not None, bounds=POSITIVE, table=_TABLE,
                     provisional=provisional is not None)


def sink_settings(ctx: Context, *, shrubs: bool) -> SinkSettings:
    """The project side's parameter values; b_FOREST only where shrubs are measured."""
    return SinkSettings(
        carbon_fraction_tree=ctx.param("carbon_fraction_tree"),
        confidence_level=ctx.param("confidence_level"),
        carbon_fraction_shrub=ctx.param("carbon_fraction_shrub"),
        root_shoot_ratio_shrub=ctx.param("root_shoot_ratio_shrub"),
        shrub_biomass_ratio=ctx.param("shrub_biomass_ratio"),
        forest_biomass=ctx.param("forest_biomass") if shrubs else None)


def baseline_settings(ctx: Context, *, crown_cover: bool) -> BaselineSettings:
    """The baseline's parameter values; Δb_FOREST only for the crown cover method."""
    return BaselineSettings(
        carbon_fraction_tree=ctx.param("carbon_fraction_tree"),
        root_shoot_ratio_tree=ctx.param("root_shoot_ratio_baseline_tree"),
        forest_biomass_increment=ctx.param("forest_biomass_increment") if crown_cover
        else None,
        steady_state_year=ctx.param("baseline_steady_state_year"))


_TREES = ["plot", "species", "diameter [cm]", "height [m] (optional)", "status (alive/dead)",
          "dead_class (optional)"]
#: The files a sink project names, their columns and how often they are measured.
INVENTORY_FILES: tuple[dict[str, Any], ...] = (
    {"field": "inputs.strata", "columns": ["stratum", "area [ha]"],
     "description_en": "strata of the tree inventory, adding up to the project area",
     "description_zh": "林木调查的碳层，面积之和等于项目面积",
     "frequency": "at every verification (AR-TOOL14 v04.2 section 12.2, table 1)"},
    {"field": "inputs.measurements[].plots", "columns": ["plot", "stratum", "area [ha]",
                                                         "date"],
     "description_en": "sample plots of one measurement, with their measurement dates",
     "description_zh": "一次测量的样地及其测量日期",
     "frequency": "at every verification (AR-TOOL14 v04.2 section 12.2, table 1)"},
    {"field": "inputs.measurements[].trees", "columns": _TREES,
     "description_en": "tree records of the sample plots (AR-TOOL14 v04.2 Appendix 1)",
     "description_zh": "样地内的每木检尺记录",
     "frequency": "at every verification"},
    {"field": "inputs.measurements[].shrubs", "columns": ["stratum", "area [ha]",
                                                          "crown_cover [%]"],
     "description_en": "shrub strata and their crown cover (AR-TOOL14 v04.2 para. 60)",
     "description_zh": "灌木碳层及其盖度",
     "frequency": "at every verification (AR-TOOL14 v04.2 section 12.2, table 2)"},
    {"field": "inputs.species", "columns": ["species", "route", "biomass_model",
                                            "volume_model", "wood_density [t/m^3]",
                                            "biomass_expansion_factor", "root_shoot_method",
                                            "root_shoot_ratio", "carbon_fraction [t C/t]",
                                            "source", "status"],
     "description_en": "species parameters, each row with its source",
     "description_zh": "树种参数，每行注明来源",
     "frequency": "fixed ex ante"},
)

#: The event tables of the A/R CDM plug-ins (AR-TOOL08, AR-TOOL15), for their monitoring plan.
GAS_TABLES: tuple[dict[str, Any], ...] = (
    {"field": "inputs.site_preparation_burns",
     "columns": ["id", "date", "stratum", "area [ha]", "tree_biomass [t/ha]",
                 "shrub_crown_cover [%]", "slash_and_burn_common", "fire_in_last_10_years"],
     "description_en": "fire used in site preparation, one row per fire and stratum",
     "description_zh": "整地用火，每次火烧每个碳层一行",
     "frequency": "whenever fire is used in site preparation (AR-TOOL08 v04.0.0 section III)"},
    {"field": "inputs.residue_burns",
     "columns": ["id", "date", "stratum", "area [ha]", "harvested_biomass [t] (optional)",
                 "forest_zone"],
     "description_en": "fire used to clear harvest residue before replanting",
     "description_zh": "重新造林前焚烧采伐剩余物",
     "frequency": "whenever fire is used to clear harvest residue (AR-TOOL08 v04.0.0 "
                  "section III)"},
    {"field": "inputs.forest_fires",
     "columns": ["id", "date", "stratum", "area [ha]", "trees_burnt", "tree_biomass [t/ha]",
                 "forest_type, mean_age [yr] or combustion_factor, ef_ch4, ef_n2o",
                 "dead_wood, litter [t CO2/ha]"],
     "description_en": "forest fires, one row per fire and stratum, with the stocks at the last "
                       "verification",
     "description_zh": "森林火灾，每次火灾每个碳层一行，附上次核查时的碳储量",
     "frequency": "whenever a forest fire occurs (AR-TOOL08 v04.0.0 section III)"},
    {"field": "inputs.displacements",
     "columns": ["id", "date", "area [ha]", "activity", "grazing_zero_conditions",
                 "receiving_land_identified", "tree_biomass [t/ha]", "shrub_biomass [t/ha]",
                 "soc (optional)"],
     "description_en": "agricultural activities displaced, one row per type of receiving land",
     "description_zh": "被转移的农业活动，每类接收土地一行",
     "frequency": "at every verification (AR-TOOL15 v02.0 section 7.2)"},
)

#: The tool equations the shared sink stages may evaluate (a plug-in lists them all).
TOOL_EQUATIONS = (
    smp.stratum_mean_biomass, smp.stratum_biomass_variance, smp.mean_biomass_per_hectare,
    smp.total_tree_biomass, smp.tree_carbon_stock, smp.stock_uncertainty,
    conservative_project_value, carbon_stock_change, change_uncertainty_two_stocks,
    lc.tree_change_in_days, shrub_biomass_per_hectare, shrub_carbon_stock,
    lc.shrub_change_in_days, dead_wood_default_factor, lc.dead_wood_change_in_days,
    litter_default_factor, lc.litter_change_in_days, forest_increment_in_year,
    baseline_tree_carbon_change_stratum, baseline_tree_carbon_change,
    lc.baseline_tree_change_in_days, non_co2_emissions,
)
#: AR-TOOL16 v01.1.0 eq. (1)-(8), for the plug-ins that account SOC with that tool.
SOC_EQUATIONS = (soc.initial_soc, soc.soc_loss, soc.soc_rate_preparation_year,
                 soc.soc_rate_recovery, soc.capped_soc_rate, soc.soc_rate_in_year,
                 lc.soc_change_in_days)
