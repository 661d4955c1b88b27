"""LK_AGRIC,t on the period axis: AR-TOOL15 v02.0 applied to a sink project's displacements.

Shared by the A/R CDM plug-ins (their leakage equation takes it as LK_t). A displacement falls
on the element of the period axis holding its date, whole (A_DISP,t is the area displaced in
year t): its leakage belongs to the monitoring period and the vintage of that day. Ex ante the
axis is the crediting period's calendar years and an expected displacement falls on its year.

Para. 12 applies eq. (1)-(3) to each type of receiving land separately and adds the results:
each row of ``displacements`` is one type of receiving land, evaluated with its id as the
instance (eq. 2, 3 and 1 on the axis), then added over the rows (``AR-TOOL15 para. 12``). A
row under a condition of para. 10 (displaced grazing) is left out: its leakage is zero. ΔSOC_LUC
is zero where only grazing is received and the project gives no soil data (para. 11(a)), or
where eq. (3) gives a negative value (para. 11(b)); the trail keeps eq. (3)'s value in that
case and eq. (1) takes the zero. The named checks of :mod:`.sink_event_checks` say which rows
and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.sink import FORESTRY_PACKAGE, zero_on_axis
from ccer_calc.tools.forestry.sink_events import SinkEvents
from ccer_calc.tools.forestry.sink_fire import element_of
from ccer_calc.tools.forestry.tool15_leakage import (
    biomass_carbon_loss,
    grazing_leakage_zero,
    leakage_emissions,
    leakage_over_receiving_lands,
    soc_loss_receiving_land,
)
from ccer_calc.tools.forestry.tool16_tables import soc_reference, stock_change_factor
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    from ccer_calc.methodology import Context
    from ccer_calc.tools.forestry.sink_events_in import DisplacementIn

__all__ = ["LEAKAGE_EQUATIONS", "LeakageSettings", "leakage_on_axis", "soc_factors"]

#: The AR-TOOL15 equations this module may evaluate (a plug-in lists them).
LEAKAGE_EQUATIONS = (biomass_carbon_loss, soc_loss_receiving_land, leakage_emissions,
                     leakage_over_receiving_lands)
#: Names of eq. (3)'s factors, before and after the land receives the activity.
_FACTORS = (("land_use", "f_LU"), ("management", "f_MG"), ("inputs", "f_IN"))


@dataclass(frozen=True)
class LeakageSettings:
    """The parameter values AR-TOOL15 applies."""

    carbon_fraction: Value
    root_shoot_ratio_tree: Value
    root_shoot_ratio_shrub: Value
    forest_biomass: Value | None


def soc_factors(row: DisplacementIn) -> dict[str, Value]:
    """SOC_REF and the six factors of eq. (3) from AR-TOOL16 Tables 3-6 (origin default).

    Keys: ``soc_reference``, ``land_use_before``... ``inputs_after`` (eq. 3's inputs).
    """
    soc = row.soc
    assert soc is not None  # noqa: S101 - the caller checks it
    out = {"soc_reference": soc_reference(soc.climate_region, soc.soil)}
    for when, suffix in (("before", "P"), ("after", "D")):
        levels = getattr(soc, when)
        for name, symbol in _FACTORS:
            v = stock_change_factor(levels.land, symbol, getattr(levels, name),
                                    temperature=soc.temperature, moisture=soc.moisture)
            out[f"{name}_{when}"] = Value(f"{symbol}{suffix}", v.quantity, v.origin, v.ref)
    return out


def _on_axis(ctx: Context, events: SinkEvents, k: int) -> Value:
    row = events.displacements[k]
    at = element_of(ctx, [row.date], [events.field("displacements", k, "date")])
    area = np.zeros(ctx.segments.row.shape[0])
    area[at] = float(row.area.m_as("ha"))
    return Value("A_DISP,t", Quantity(area, "ha"), events.origin(True),
                 f"{events.field('displacements', k)} area on {row.date}, on the element of "
                 "the period axis holding it")


def _tree_biomass(events: SinkEvents, k: int, s: LeakageSettings) -> Value:
    row = events.displacements[k]
    if row.tree_biomass is not None:
        return Value("b_TREE", row.tree_biomass, events.origin(False),
                     f"{events.field('displacements', k)} tree_biomass")
    if s.forest_biomass is None:  # pragma: no cover - the plug-in asks for it first
        msg = "b_FOREST is needed for an unidentified receiving land"
        raise TypeError(msg)
    return Value("b_TREE", s.forest_biomass.quantity, s.forest_biomass.origin,
                 f"AR-TOOL15 v02.0 para. 11: receiving land unidentified, b_TREE = forest "
                 f"biomass of the region ({s.forest_biomass.ref})")


def _soc_change(ctx: Context, events: SinkEvents, k: int, area: Value) -> Value:
    row = events.displacements[k]
    kw: dict[str, Any] = {"trail": ctx.trail, "instance": row.id}
    zero = np.zeros(ctx.segments.row.shape[0])
    if row.soc is None:
        return Value("ΔSOC_LUC,t", Quantity(zero, "t C"), "fixed",
                     "AR-TOOL15 v02.0 para. 11(a): only grazing is received, ΔSOC_LUC set "
                     "to zero")
    for name in ("ar_tool16_soc_reference.csv", "ar_tool16_stock_change_factors.csv"):
        use_table(name, FORESTRY_PACKAGE)
    factors: dict[str, Any] = {**soc_factors(row), "displaced_area": area}
    loss = soc_loss_receiving_land(**factors, **kw)
    total = float(np.sum(loss.quantity.m_as("t C")))
    if total < 0:
        return Value("ΔSOC_LUC,t", Quantity(zero, "t C"), "fixed",
                     f"AR-TOOL15 v02.0 para. 11(b): eq. (3) gives {total:.6g} t C, less than "
                     "zero: ΔSOC_LUC set to zero")
    return loss


def leakage_on_axis(ctx: Context, events: SinkEvents, settings: LeakageSettings) -> Value:
    """LK_AGRIC,t on the period axis: eq. (2), (3), (1) per receiving land, para. 12's sum."""
    rows = events.displacements
    if not rows:
        return zero_on_axis(ctx, "LK_AGRIC,t", "AR-TOOL15 v02.0: no agricultural activity "
                                               "displaced, as the project states "
                                               "(inputs.displaces_agriculture)")
    counted = [k for k, r in enumerate(rows) if not grazing_leakage_zero(
        dict.fromkeys(r.grazing_zero_conditions, True)).applies]
    if not counted:
        return zero_on_axis(ctx, "LK_AGRIC,t", "AR-TOOL15 v02.0 para. 10: every displacement "
                                               "is of grazing under a condition of para. 10 "
                                               "(check grazing_displacement_zero)")
    use_table("ar_tool_defaults.csv", FORESTRY_PACKAGE)
    s = settings
    each = []
    for k in counted:
        row = rows[k]
        assert row.shrub_biomass is not None  # noqa: S101 - the row model requires it here
        kw: dict[str, Any] = {"trail": ctx.trail, "instance": row.id}
        area = _on_axis(ctx, events, k)
        biomass = biomass_carbon_loss(
            tree_biomass=_tree_biomass(events, k, s),
            root_shoot_ratio_tree=s.root_shoot_ratio_tree,
            shrub_biomass=Value("b_SHRUB", row.shrub_biomass, events.origin(False),
                                f"{events.field('displacements', k)} shrub_biomass"),
            root_shoot_ratio_shrub=s.root_shoot_ratio_shrub, carbon_fraction=s.carbon_fraction,
            displaced_area=area, **kw)
        each.append(leakage_emissions(biomass_loss=biomass,
                                      soc_loss=_soc_change(ctx, events, k, area), **kw))
    stacked = np.stack([np.asarray(v.quantity.m_as("t CO2"), dtype=np.float64) for v in each],
                       axis=-1)
    return leakage_over_receiving_lands(leakage_by_land=Value(
        "LK_AGRIC,l,t", Quantity(stacked, "t CO2"), "computed",
        "AR-TOOL15 (1) of each receiving land: " + ", ".join(rows[k].id for k in counted)),
        trail=ctx.trail)
