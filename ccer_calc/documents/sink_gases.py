"""The fire and leakage part of a sink's documents: events, their inputs, GHG_E,t and LK_t.

For an A/R project that lists fires or displacements (in ``[inputs]`` for the monitoring
documents, in ``[expected]`` for a design document's estimate), :func:`gases_part` gives one
table per kind of event with what the project states and how the tool treats it (the equation,
or the rule that makes it zero: the same decisions as the named checks), and the non-CO2
emissions and leakage per element of the period axis as the trail records them (AR-TOOL08 eq. 1
and its three terms; AR-TOOL15 para. 12). Nothing is computed again: the numbers are the
trail's, the treatments those of :mod:`ccer_calc.tools.forestry.sink_events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.documents.localize import yes_no
from ccer_calc.documents.messages import message
from ccer_calc.documents.trail_values import input_value, key
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.sink_events import (
    SinkEvents,
    accounted_rows,
    fire_areas,
    first_period,
)
from ccer_calc.tools.forestry.tool08_burning import non_co2_emissions, site_preparation_zero
from ccer_calc.tools.forestry.tool15_leakage import (
    leakage_over_receiving_lands,
    soc_loss_receiving_land,
)

if TYPE_CHECKING:
    from ccer_calc.result import Result
    from ccer_calc.trail import TrailEntry

__all__ = ["gases_part"]

#: The catalogue's name of each forest zone or type, and of each activity displaced.
_ZONES = {"tropical": "sinks.zone_tropical", "temperate": "sinks.zone_temperate",
          "boreal": "sinks.zone_boreal"}
_ACTIVITIES = {"grazing": "sinks.activity_grazing",
               "crop_cultivation": "sinks.activity_crop_cultivation"}


def _f(q: Any, unit: str) -> float | None:  # noqa: ANN401 - a quantity or None
    return None if q is None else float(q.m_as(unit))


def _site_preparation(events: SinkEvents, accounted: Any, lang: str) -> list[dict[str, Any]]:  # noqa: ANN401
    out = []
    for k, r in enumerate(events.site_preparation_burns):
        zero = site_preparation_zero(slash_and_burn_common=r.slash_and_burn_common,
                                     fire_in_last_10_years=r.fire_in_last_10_years).applies
        treat = ("sinks.treat_not_accounted" if not accounted[k] else
                 "sinks.treat_eq2" if zero else "sinks.treat_eq3")
        out.append({"id": r.id, "date": r.date.isoformat(), "stratum": r.stratum,
                    "area": _f(r.area, "ha"), "tree_biomass": _f(r.tree_biomass, "t/ha"),
                    "shrub_cover": _f(r.shrub_crown_cover, ""),
                    "treatment": message(treat, lang), "source": r.source or ""})
    return out


def _residue(events: SinkEvents, accounted: Any, lang: str) -> list[dict[str, Any]]:  # noqa: ANN401
    out = []
    for k, r in enumerate(events.residue_burns):
        treat = ("sinks.treat_not_accounted" if not accounted[k] else
                 "sinks.treat_eq4" if r.harvested_biomass is not None else "sinks.treat_eq5")
        out.append({"id": r.id, "date": r.date.isoformat(), "stratum": r.stratum,
                    "area": _f(r.area, "ha"), "harvest": _f(r.harvested_biomass, "t"),
                    "zone": message(_ZONES[r.forest_zone], lang),
                    "treatment": message(treat, lang), "source": r.source or ""})
    return out


def _fire_treatment(events: SinkEvents, k: int, accounted: Any) -> str:  # noqa: ANN401
    r = events.forest_fires[k]
    if not accounted[k]:
        return "sinks.treat_not_accounted"
    if first_period(events, r):
        return "sinks.treat_first_verification"
    return "sinks.treat_eq7" if r.trees_burnt else "sinks.treat_trees_not_burnt"


def _fires(events: SinkEvents, accounted: Any, lang: str) -> list[dict[str, Any]]:  # noqa: ANN401
    out = []
    for k, r in enumerate(events.forest_fires):
        if r.combustion_factor is not None:
            factors = message("sinks.factors_project", lang, source=r.factor_source)
        elif r.forest_type is not None:
            factors = message("sinks.factors_default", lang,
                              forest=message(_ZONES[r.forest_type], lang))
        else:
            factors = "—"
        out.append({"id": r.id, "date": r.date.isoformat(), "stratum": r.stratum,
                    "area": _f(r.area, "ha"), "trees_burnt": yes_no(r.trees_burnt, lang),
                    "tree_biomass": _f(r.tree_biomass, "t/ha"), "factors": factors,
                    "dead_wood": _f(r.dead_wood, "t CO2/ha"), "litter": _f(r.litter, "t CO2/ha"),
                    "treatment": message(_fire_treatment(events, k, accounted), lang),
                    "source": r.source or ""})
    return out


def _soc_treatment(entries: dict[str, TrailEntry], row: Any) -> str:  # noqa: ANN401
    if row.grazing_zero_conditions:
        return "sinks.treat_para10"
    if row.soc is None:
        return "sinks.soc_zero_grazing"
    e = _entry(entries, key(soc_loss_receiving_land, row.id), f"the displacement {row.id}")
    if float(np.sum(np.asarray(e.output))) < 0:
        return "sinks.soc_zero_negative"
    return "sinks.soc_eq3"


def _soc_text(entries: dict[str, TrailEntry], row: Any, lang: str) -> str:  # noqa: ANN401
    key = _soc_treatment(entries, row)
    if key != "sinks.soc_eq3":
        return message(key, lang)
    soc = row.soc

    def levels(x: Any) -> str:  # noqa: ANN401 - SocLevelsIn
        return f"{x.land} {x.land_use}/{x.management}/{x.inputs}"
    return message(key, lang, before=levels(soc.before), after=levels(soc.after))


def _displacements(events: SinkEvents, entries: dict[str, TrailEntry],
                   lang: str) -> list[dict[str, Any]]:
    out = []
    for r in events.displacements:
        out.append({"id": r.id, "date": r.date.isoformat(), "area": _f(r.area, "ha"),
                    "activity": message(_ACTIVITIES[r.activity], lang),
                    "conditions": ", ".join(sorted(r.grazing_zero_conditions)) or "—",
                    "tree_biomass": (_f(r.tree_biomass, "t/ha") if r.receiving_land_identified
                                     else message("sinks.regional_forest", lang)),
                    "shrub_biomass": _f(r.shrub_biomass, "t/ha"),
                    "treatment": message("sinks.treat_para10" if r.grazing_zero_conditions
                                         else "sinks.treat_eq123", lang),
                    "soc": _soc_text(entries, r, lang), "source": r.source or ""})
    return out


def _entry(entries: dict[str, TrailEntry], at: str, needed_for: str) -> TrailEntry:
    """The trail entry ``at``, which the events listed require: refused if the result lacks it."""
    e = entries.get(at)
    if e is None:
        raise InputError(f"the result lacks an evaluation that {needed_for} requires",
                         field="result", value=at,
                         expected="a result computed from this project's events")
    return e


def _by_element(result: Result, entries: dict[str, TrailEntry],
                events: SinkEvents) -> list[dict[str, Any]]:
    """GHG_SPF, GHG_FMF, GHG_FF, GHG_E and LK_AGRIC per element of the axis (non-zero ones).

    An equation the events require (AR-TOOL08 eq. 1 for a fire, AR-TOOL15 para. 12 for a
    displacement not zero under para. 10) must be in the trail; one they do not is zero.
    """
    axis = result.trail.axis
    n = len(axis)

    def column(at: str, needed: bool, name: str | None = None) -> np.ndarray[Any, Any]:
        if at not in entries and not needed:
            return np.zeros(n)
        e = _entry(entries, at, "the events listed")
        value = e.output if name is None else input_value(entries, at, name)
        if value is None:
            raise InputError(f"the evaluation {at} has no input {name}", field="result",
                             value=[i.name for i in e.inputs], expected=f"an input {name}")
        return np.broadcast_to(np.asarray(value, dtype=np.float64), (n,))
    ghg, fire = key(non_co2_emissions), events.has_fire
    lk = key(leakage_over_receiving_lands)
    counted = any(not r.grazing_zero_conditions for r in events.displacements)
    cols = {"spf": column(ghg, fire, "site_preparation"),
            "fmf": column(ghg, fire, "harvest_residue"),
            "ff": column(ghg, fire, "forest_fire"), "ghg_e": column(ghg, fire),
            "lk": column(lk, counted)}
    return [{"element": axis[j], **{k: float(v[j]) for k, v in cols.items()}}
            for j in range(n) if any(v[j] != 0 for v in cols.values())]


def gases_part(events: SinkEvents, result: Result, *, entries: dict[str, TrailEntry],
               inputs: Any, lang: str) -> dict[str, Any] | None:  # noqa: ANN401 - [inputs]
    """The events, their inputs and treatment, and GHG_E,t and LK_t per element; None if none.

    ``entries`` are the result's trail entries by key (:func:`.trail_values.entries`);
    ``inputs`` the plug-in's ``[inputs]``, whose areas decide which fires count
    (:func:`~ccer_calc.tools.forestry.sink_events.fire_areas`, as the computation reads them). A
    result without an evaluation the events require is refused (InputError, field
    ``result``): it was not computed from these events.

    Returns
    -------
    dict or None
        ``note``, ``site_preparation``, ``residue``, ``forest_fires``, ``displacements`` (rows
        as the project states them with ``treatment``) and ``elements`` (``element``, ``spf``,
        ``fmf``, ``ff``, ``ghg_e``, ``lk`` in t CO2e, the elements with a non-zero value).
    """
    if not events.has_fire and not events.displacements:
        return None
    accounted = accounted_rows(events, *fire_areas(inputs))
    return {"note": message("sinks.gases_note", lang),
            "site_preparation": _site_preparation(events, accounted["site_preparation_burns"],
                                                  lang),
            "residue": _residue(events, accounted["residue_burns"], lang),
            "forest_fires": _fires(events, accounted["forest_fires"], lang),
            "displacements": _displacements(events, entries, lang),
            "elements": _by_element(result, entries, events)}
