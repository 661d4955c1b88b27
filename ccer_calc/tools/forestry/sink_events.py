"""A sink project's fires and displacements, checked, and the tools' rules about them.

:class:`SinkEvents` holds the rows of the four tables of :mod:`.sink_events_in`, from
``[inputs]`` (what happened: ``compute``) or from ``[expected]`` (what the project design
plans: ``estimate``). :func:`check_events` refuses, naming the field, a row dated outside the
monitoring periods (or the crediting period ex ante), in an unknown stratum, larger than its
stratum, or missing what its equation needs. The rules that set a term to zero are decided here
once, for the named checks that report them and for the stages that apply them:

* AR-TOOL08 v04.0.0 para. 3 (:func:`fire_years`): an incidence of fire is accounted where it is
  larger than the host Party's minimum forest area and the incidences so accounted in its
  calendar year add up to at least 5 % of the project area. The tool counts its years from the
  start of the project; the engine's axis is split at calendar years, so "a given year" is read
  as the calendar year of the fire. Every kind of fire counts (para. 2: all fire in the
  boundary).
* para. 7(a), eq. (2) (:func:`.tool08_burning.site_preparation_zero`, per row);
* paras. 12-13: forest fires in the first verification period are zero (:func:`first_period`);
  dead organic matter burnt is zero where the pool is not accounted;
* AR-TOOL15 v02.0 para. 10 (per row) and para. 11 (ΔSOC_LUC zero where only grazing is received
  and no soil data are given, or where eq. 3 is negative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import CcerError, InputError
from ccer_calc.parameters import Origin
from ccer_calc.tools.forestry.defaults import tool_default
from ccer_calc.tools.forestry.sink_events_in import (
    EVENT_FLAGS,
    DisplacementIn,
    ForestFireIn,
    ResidueBurnIn,
    SitePreparationBurnIn,
)
from ccer_calc.tools.forestry.tool08_forest_fire import fire_factors
from ccer_calc.tools.forestry.tool16_tables import soc_reference, stock_change_factor

__all__ = ["FIRE_TABLES", "PLANNED_TABLES", "TABLES", "FireYear", "Incidence", "SinkEvents",
           "accounted_rows", "burnt_area_threshold", "check_events", "fire_areas", "fire_years",
           "first_period", "incidences", "require_rows"]

#: The fire tables (AR-TOOL08), then the displacement table (AR-TOOL15).
FIRE_TABLES = ("site_preparation_burns", "residue_burns", "forest_fires")
TABLES = (*FIRE_TABLES, "displacements")
#: The tables a project design may plan in ``[expected]`` (no forest fire is planned).
PLANNED_TABLES = ("site_preparation_burns", "residue_burns", "displacements")


@dataclass(frozen=True)
class SinkEvents:
    """The rows of a project's fire and displacement tables, as validated.

    ``where`` is ``inputs`` or ``expected`` (how fields are named in messages);
    ``first_period_end`` is the last day of the first verification period (None ex ante).
    """

    site_preparation_burns: tuple[SitePreparationBurnIn, ...] = ()
    residue_burns: tuple[ResidueBurnIn, ...] = ()
    forest_fires: tuple[ForestFireIn, ...] = ()
    displacements: tuple[DisplacementIn, ...] = ()
    where: str = "inputs"
    first_period_end: dt.date | None = None

    def rows(self, table: str) -> tuple[Any, ...]:
        """The rows of one table."""
        return tuple(getattr(self, table))

    def field(self, table: str, k: int, name: str | None = None) -> str:
        """The field as the project file writes it: ``inputs.forest_fires[2].stratum``."""
        return f"{self.where}.{table}[{k}]" + (f".{name}" if name else "")

    def origin(self, measured: bool) -> Origin:
        """The origin of a value read from a row: planned ex ante; else measured or stated."""
        if self.where == "expected":
            return "expected"
        return "monitored" if measured else "project"

    @property
    def has_fire(self) -> bool:
        """Whether any fire (burning or forest fire) is listed."""
        return any(self.rows(t) for t in FIRE_TABLES)

    def scaled(self, tables: Collection[str], factor: float) -> SinkEvents:
        """The same events with the areas (and harvests) of ``tables`` times ``factor``."""
        def one(row: Any) -> Any:  # noqa: ANN401 - a row model
            update = {"area": row.area * factor}
            if getattr(row, "harvested_biomass", None) is not None:
                update["harvested_biomass"] = row.harvested_biomass * factor
            return row.model_copy(update=update)
        changes: dict[str, Any] = {t: tuple(one(r) for r in self.rows(t)) for t in tables}
        return replace(self, **changes)


@dataclass(frozen=True)
class Incidence:
    """One incidence of fire: the rows of one id in one table (AR-TOOL08 para. 3)."""

    table: str
    id: str
    date: dt.date
    area: float
    rows: tuple[int, ...]


@dataclass(frozen=True)
class FireYear:
    """AR-TOOL08 para. 3 in one calendar year: the area of the incidences counted, its share."""

    year: int
    area: float
    share: float
    accounted: bool
    small: tuple[str, ...]


def incidences(events: SinkEvents) -> list[Incidence]:
    """The incidences of fire, in table order, each with its area [ha] and rows."""
    out = []
    for table in FIRE_TABLES:
        rows = events.rows(table)
        by_id: dict[str, list[int]] = {}
        for k, r in enumerate(rows):
            by_id.setdefault(r.id, []).append(k)
        for fid, ks in by_id.items():
            out.append(Incidence(table, fid, rows[ks[0]].date,
                                 sum(float(rows[k].area.m_as("ha")) for k in ks), tuple(ks)))
    return out


def fire_years(events: SinkEvents, project_area: float, minimum_area: float,
               threshold: float) -> dict[int, FireYear]:
    """Para. 3 per calendar year with fire: which incidences count, and whether they are accounted.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> row = SitePreparationBurnIn.model_validate({"id": "B1", "date": "2015-02-10",
    ...     "stratum": "S1", "area": "12 ha", "tree_biomass": "0 t/ha",
    ...     "shrub_crown_cover": "40 %", "slash_and_burn_common": False,
    ...     "fire_in_last_10_years": False})
    >>> y = fire_years(SinkEvents(site_preparation_burns=(row,)), 250.0, 0.0667, 0.05)[2015]
    >>> y.area, round(y.share, 3), y.accounted
    (12.0, 0.048, False)
    """
    years: dict[int, list[Incidence]] = {}
    for inc in incidences(events):
        years.setdefault(inc.date.year, []).append(inc)
    out = {}
    for year, incs in sorted(years.items()):
        large = [i for i in incs if i.area > minimum_area]
        area = sum(i.area for i in large)
        share = area / project_area
        out[year] = FireYear(year, area, share, bool(large) and share >= threshold,
                             tuple(f"{i.id} ({i.area:g} ha)" for i in incs
                                   if i.area <= minimum_area))
    return out


def burnt_area_threshold() -> float:
    """The share of the project area burnt in a year from which fire counts (para. 3: 5 %)."""
    return float(tool_default("AR-TOOL08", "burnt_area_threshold").quantity.m_as(""))


def fire_areas(inputs: Any) -> tuple[float, float]:  # noqa: ANN401 - a plug-in's inputs
    """(A_PROJECT, the minimum forest area) in ha, as para. 3 reads them from ``[inputs]``.

    The minimum forest area is 0 where the plug-in's inputs do not state one.
    """
    minimum = getattr(inputs, "forest_minimum_area", None)
    return (float(inputs.project_area.m_as("ha")),
            0.0 if minimum is None else float(minimum.m_as("ha")))


def accounted_rows(events: SinkEvents, project_area: float, minimum_area: float,
                   threshold: float | None = None
                   ) -> dict[str, np.ndarray[Any, np.dtype[np.bool_]]]:
    """Per fire table, whether each row's incidence is accounted under para. 3.

    ``threshold`` defaults to the tool's (:func:`burnt_area_threshold`).
    """
    if threshold is None:
        threshold = burnt_area_threshold()
    years = fire_years(events, project_area, minimum_area, threshold)
    out = {t: np.zeros(len(events.rows(t)), dtype=bool) for t in FIRE_TABLES}
    for inc in incidences(events):
        if inc.area > minimum_area and years[inc.date.year].accounted:
            out[inc.table][list(inc.rows)] = True
    return out


def first_period(events: SinkEvents, row: ForestFireIn) -> bool:
    """Whether a forest fire falls in the first verification period (paras. 12-13: zero)."""
    return events.first_period_end is not None and row.date <= events.first_period_end


def _refuse(events: SinkEvents, table: str, k: int, name: str | None, problem: str,  # noqa: PLR0917
            value: Any, expected: str) -> InputError:  # noqa: ANN401 - the value received
    return InputError(problem, field=events.field(table, k, name), value=value,
                      expected=expected)


def _check_rows(events: SinkEvents, table: str, *, strata: Mapping[str, float],
                window: tuple[dt.date, dt.date], window_text: str) -> None:
    """Dates inside the window, known strata, areas within their stratum, one date per fire."""
    first, last = window
    dates: dict[str, tuple[dt.date, int]] = {}
    seen: set[tuple[str, str]] = set()
    for k, r in enumerate(events.rows(table)):
        if not first <= r.date <= last:
            raise _refuse(events, table, k, "date", "the event is dated outside "
                          f"{window_text}", r.date.isoformat(),
                          f"a date from {first} to {last} ({window_text})")
        stratum = getattr(r, "stratum", None)
        if stratum is None:  # a displacement: its id labels its equations in the trail
            if r.id in dates:
                raise _refuse(events, table, k, "id", "the id is used twice", r.id,
                              f"one row per id (also at {events.field(table, dates[r.id][1])})")
            dates[r.id] = (r.date, k)
            continue
        if stratum not in strata:
            raise _refuse(events, table, k, "stratum", "unknown stratum", stratum,
                          "one of the strata " + ", ".join(strata))
        if float(r.area.m_as("ha")) > strata[stratum] * (1 + 1e-9):
            raise _refuse(events, table, k, "area", f"larger than stratum {stratum}",
                          f"{r.area.m_as('ha'):g} ha", f"at most {strata[stratum]:g} ha")
        if (r.id, stratum) in seen:
            raise _refuse(events, table, k, "stratum", f"fire {r.id} lists the stratum twice",
                          stratum, "one row per fire and stratum")
        seen.add((r.id, stratum))
        d, j = dates.setdefault(r.id, (r.date, k))
        if d != r.date:
            raise _refuse(events, table, k, "date", f"the rows of fire {r.id} differ in date",
                          r.date.isoformat(), f"{d} (as at {events.field(table, j)})")


def _check_fire(events: SinkEvents, k: int, row: ForestFireIn, pools: Collection[str]) -> None:
    """What eq. (7) and (8) need for a forest fire after the first verification period."""
    if first_period(events, row):
        return
    if row.trees_burnt:
        if row.tree_biomass is None:
            raise _refuse(events, "forest_fires", k, "tree_biomass", "trees burnt after the "
                          "first verification need their biomass at the last verification",
                          None, "b_TREE,i,tL in t/ha (AR-TOOL08 eq. 7)")
        if row.combustion_factor is None:
            if row.forest_type is None:
                raise _refuse(events, "forest_fires", k, "forest_type", "no combustion and "
                              "emission factors", None, "forest_type (and mean_age) for the "
                              "AR-TOOL08 section III defaults, or the project's factors")
            age = 0.0 if row.mean_age is None else float(row.mean_age.m_as("yr"))
            if row.forest_type == "tropical" and row.mean_age is None:
                raise _refuse(events, "forest_fires", k, "mean_age", "tropical defaults "
                              "depend on the stand's mean age", None, "mean_age in yr")
            try:
                fire_factors(row.forest_type, age)
            except CcerError as exc:
                raise _refuse(events, "forest_fires", k, "mean_age", exc.problem,
                              exc.value, exc.expected or "") from None
    for pool in ("dead_wood", "litter"):
        given = getattr(row, pool) is not None
        if pool in pools and not given:
            raise _refuse(events, "forest_fires", k, pool, f"{pool.replace('_', ' ')} is "
                          "accounted: its stock burnt is needed", None,
                          f"C_{'DW' if pool == 'dead_wood' else 'LI'},i,tL in t CO2/ha "
                          "(AR-TOOL08 eq. 8)")
        if given and pool not in pools:
            raise _refuse(events, "forest_fires", k, pool, f"{pool.replace('_', ' ')} is not "
                          "accounted: AR-TOOL08 para. 13 takes its stock as zero", None,
                          "no value (or the pool in inputs.pools)")


def _check_soc(events: SinkEvents, k: int, row: DisplacementIn) -> None:
    """The receiving land's SOC_REF and factors exist in AR-TOOL16 Tables 3-6."""
    soc = row.soc
    if soc is None:
        return
    try:
        soc_reference(soc.climate_region, soc.soil)
    except CcerError as exc:
        raise _refuse(events, "displacements", k, "soc.climate_region", exc.problem,
                      exc.value, exc.expected or "") from None
    for when in ("before", "after"):
        levels = getattr(soc, when)
        for factor, name in (("f_LU", "land_use"), ("f_MG", "management"), ("f_IN", "inputs")):
            try:
                stock_change_factor(levels.land, factor, getattr(levels, name),
                                    temperature=soc.temperature, moisture=soc.moisture)
            except CcerError as exc:
                raise _refuse(events, "displacements", k, f"soc.{when}.{name}", exc.problem,
                              exc.value, exc.expected or "") from None


def check_events(events: SinkEvents, *, strata: Mapping[str, float],
                 baseline_strata: Mapping[str, float], window: tuple[dt.date, dt.date],
                 window_text: str, pools: Collection[str],
                 minimum_area: pint.Quantity | None) -> None:
    """Refuse, naming the field, what the fire and displacement equations cannot take.

    Parameters
    ----------
    events : SinkEvents
        The rows.
    strata, baseline_strata : mapping
        Area [ha] of each stratum of the strata file, and of each baseline stratum (a site
        preparation burn may lie in either: AR-TOOL08 eq. 3 sums over baseline strata).
    window : (date, date)
        First and last day an event may fall on: the monitoring periods, or ex ante the
        crediting period.
    window_text : str
        How the window is named in messages.
    pools : collection of str
        The optional pools accounted (dead wood and litter burnt, eq. 8).
    minimum_area : Quantity, optional
        The host Party's minimum forest area (``inputs.forest_minimum_area``).

    Raises
    ------
    InputError
        A row dated outside the window, in an unknown stratum, larger than its stratum, a fire
        whose rows differ in date, residue burns with harvest data for some only, a forest
        fire lacking its stocks or factors, a receiving land with no AR-TOOL16 factors, or
        fire without the minimum forest area.
    """
    known = {**baseline_strata, **strata}
    for table in TABLES:
        _check_rows(events, table, strata=known if table == "site_preparation_burns" else strata,
                    window=window, window_text=window_text)
    if events.has_fire and minimum_area is None:
        raise InputError("fire is accounted per incidence larger than the host Party's "
                         "minimum forest area (AR-TOOL08 para. 3)",
                         field="inputs.forest_minimum_area",
                         expected="the minimum area of the forest definition, in ha")
    harvest = [r.harvested_biomass is not None for r in events.residue_burns]
    if any(harvest) and not all(harvest):
        k = harvest.index(False)
        raise _refuse(events, "residue_burns", k, "harvested_biomass", "harvest data for some "
                      "residue burns only", None, "harvested_biomass for every residue burn "
                      "(AR-TOOL08 eq. 4) or for none (eq. 5 from the areas)")
    for k, fire in enumerate(events.forest_fires):
        _check_fire(events, k, fire, pools)
    for k, moved in enumerate(events.displacements):
        _check_soc(events, k, moved)


def require_rows(inputs: Any, events: SinkEvents) -> None:  # noqa: ANN401 - SinkInputs
    """A/R CDM: each flag stated true lists its events where the computation reads them.

    ``compute`` reads ``[inputs]``: ``burning`` needs site preparation or residue burns,
    ``forest_fire`` forest fires, ``displaces_agriculture`` displacements. The estimate reads
    ``[expected]``: planned burns and displacements need their flag true, and a flag true needs
    them unless ``[inputs]`` lists what happened (a design that did not plan an event that
    later happened; a forest fire is never planned).

    Raises
    ------
    InputError
        Naming the flag or the table.
    """
    planned = events.where == "expected"
    for flag, tables in EVENT_FLAGS.items():
        if planned and flag == "forest_fire":
            continue
        listed = any(events.rows(t) for t in tables)
        happened = planned and any(getattr(inputs, t, None) for t in tables)
        state = bool(getattr(inputs, flag))
        if state and not listed and not happened:
            raise InputError(f"{flag} is stated but no event is listed, which the computation "
                             "needs", field=f"inputs.{flag}", value=True,
                             expected=" or ".join(f"[[{events.where}.{t}]]" for t in tables)
                             + " rows, or false")
        if listed and not state:
            names = " and ".join(t for t in tables if events.rows(t))
            raise InputError(f"{events.where} lists {names} but {flag} is false",
                             field=f"inputs.{flag}", value=False,
                             expected="true")
