"""GHG_E,t and LK_AGRIC,t of an A/R CDM plug-in: its parameters applied to its events.

The plug-in's ``compute`` calls :func:`non_co2_of` for the non-CO2 emissions of burning
(AR-TOOL08 v04.0.0, subtracted in its eq. 2) and :func:`leakage_of` for the leakage of displaced
agriculture (AR-TOOL15 v02.0, its LK_t). The events are those of ``[inputs]`` when it computes
from the inventories, and those the plan of ``[expected]`` lists when it estimates
(``ctx.ex_ante``). The parameter values are the plug-in's (:func:`.sink_parameters.
sink_parameters` with ``gases=True``): the tools' defaults, or a project's override where the
tool allows one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ccer_calc.tools.forestry.sink_events import SinkEvents, fire_areas
from ccer_calc.tools.forestry.sink_exante import plan_of, sink_data_of
from ccer_calc.tools.forestry.sink_fire import FIRE_EQUATIONS, FireSettings, non_co2_on_axis
from ccer_calc.tools.forestry.sink_leakage import (
    LEAKAGE_EQUATIONS,
    LeakageSettings,
    leakage_on_axis,
)

if TYPE_CHECKING:
    from ccer_calc.methodology import Context
    from ccer_calc.parameters import Value

__all__ = ["GAS_EQUATIONS", "events_in", "fire_settings", "leakage_of", "non_co2_of"]

#: The AR-TOOL08 and AR-TOOL15 equations a CDM sink plug-in lists with its own.
GAS_EQUATIONS = (*FIRE_EQUATIONS, *LEAKAGE_EQUATIONS)


def events_in(ctx: Context) -> SinkEvents:
    """The events the computation reads: the plan's ex ante, else the monitored ones."""
    return plan_of(ctx).events if ctx.ex_ante else sink_data_of(ctx).events


def _needs_forest_biomass(events: SinkEvents) -> bool:
    """B_FOREST enters eq. (3), eq. (5) and AR-TOOL15 eq. (2) for an unidentified land."""
    residue = bool(events.residue_burns) and events.residue_burns[0].harvested_biomass is None
    unidentified = any(not r.receiving_land_identified and not r.grazing_zero_conditions
                       for r in events.displacements)
    return bool(events.site_preparation_burns) or residue or unidentified


def fire_settings(ctx: Context, events: SinkEvents, pools: tuple[str, ...], *,
                  burning: bool = True) -> FireSettings:
    """The AR-TOOL08 values of the plug-in's parameters, and the project's areas and pools.

    ``pools`` are the pools accounted (eq. 8 burns dead organic matter only where they are).
    ``burning`` False leaves out the values of eq. (3)-(5), for a plug-in under which burning for
    site preparation or of harvest residue is never computed (the CCER ban).
    """
    project_area, minimum_area = fire_areas(ctx.inputs)
    settings = FireSettings(gwp_ch4=ctx.param("gwp_ch4"), gwp_n2o=ctx.param("gwp_n2o"),
                            project_area=project_area, minimum_area=minimum_area, pools=pools)
    if not burning:
        return settings
    return replace(
        settings,
        carbon_fraction_tree=ctx.param("fire_carbon_fraction_tree"),
        carbon_fraction_shrub=ctx.param("fire_carbon_fraction_shrub"),
        shrub_biomass_ratio=ctx.param("fire_shrub_biomass_ratio"),
        forest_biomass=ctx.param("forest_biomass") if _needs_forest_biomass(events) else None,
        biomass_expansion_factor=ctx.param("harvest_biomass_expansion_factor"),
        residue_fraction={"tropical": ctx.param("harvest_residue_fraction_tropical"),
                          "temperate": ctx.param("harvest_residue_fraction_temperate")})


def non_co2_of(ctx: Context, pools: tuple[str, ...]) -> Value:
    """GHG_E,t on the axis (AR-TOOL08 eq. 1-8), zero where the project lists no fire."""
    events = events_in(ctx)
    return non_co2_on_axis(ctx, events, fire_settings(ctx, events, pools))


def leakage_of(ctx: Context) -> Value:
    """LK_AGRIC,t on the axis (AR-TOOL15 eq. 1-3, para. 12), zero where nothing is displaced."""
    events = events_in(ctx)
    return leakage_on_axis(ctx, events, LeakageSettings(
        carbon_fraction=ctx.param("leakage_carbon_fraction"),
        root_shoot_ratio_tree=ctx.param("leakage_root_shoot_ratio_tree"),
        root_shoot_ratio_shrub=ctx.param("leakage_root_shoot_ratio_shrub"),
        forest_biomass=ctx.param("forest_biomass") if _needs_forest_biomass(events) else None))
