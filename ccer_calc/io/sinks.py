"""Reading an afforestation or mangrove project's inventories: what the sink plug-ins load.

A sink plug-in's ``load_data`` calls :func:`load_sink_data` with the project's inputs
(:class:`~ccer_calc.tools.forestry.sink_inputs.SinkInputs`) and the files object the engine
hands it. Every file goes through the engine's file policy; every refusal names the file and
the CSV line. The result is a :class:`~ccer_calc.project.ProjectData`:

* ``table``: one row per interval between successive stock estimates (row k runs from the day
  after estimate k-1 to the date of estimate k), so the monitoring periods, which must be
  tiled by these rows, end on estimate dates;
* ``datasets["sink"]``: the :class:`~ccer_calc.tools.forestry.sink_data.SinkData`;
* ``digest``: sha256 over every file read (and the bundled models when used).

For the ex-ante estimate, :func:`load_sink_plan` reads the planting schedule and growth models
of ``[expected]`` (:mod:`ccer_calc.tools.forestry.sink_plan`), checks them against the strata
and species files and the crediting period, and returns one row per calendar year of the
crediting period with the plan in ``datasets["plan"]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import ValidationError

from ccer_calc.datatables import table_digest
from ccer_calc.errors import InputError
from ccer_calc.io.expected import crediting_year_axis
from ccer_calc.io.files import ProjectFiles
from ccer_calc.io.inventory import (
    read_inventory,
    read_models,
    read_shrubs,
    read_species,
    read_strata,
)
from ccer_calc.io.projectfile import validation_error
from ccer_calc.periods import MonitoringTable
from ccer_calc.project import ProjectData
from ccer_calc.tools.forestry.allometry import packaged_models
from ccer_calc.tools.forestry.records import Inventory
from ccer_calc.tools.forestry.sink_data import ShrubStrata, SinkData, StockEstimate
from ccer_calc.tools.forestry.sink_events import SinkEvents, check_events
from ccer_calc.tools.forestry.sink_plan import SinkExpectedIn, build_plan
from ccer_calc.tools.forestry.tool14_zero import baseline_tree_stock_is_zero

if TYPE_CHECKING:
    from ccer_calc.project import ProjectSpec
    from ccer_calc.tools.forestry.records import Strata
    from ccer_calc.tools.forestry.sink_inputs import InitialIn, SinkInputs

__all__ = ["MODELS_TABLE", "load_sink_data", "load_sink_plan"]

#: The bundled allometric models, used when a project names no models file.
MODELS_TABLE = "allometric_models.csv"


class _Recording(ProjectFiles):
    """The project's files object, keeping a sha256 of every file it reads, in order."""

    def __init__(self, inner: ProjectFiles) -> None:
        super().__init__(inner.base_dir, allow_outside=inner.allow_outside,
                         read_files=inner.read_files, memory=inner.memory)
        self.digests: list[tuple[str, str, str]] = []

    def read_text(self, path: str, *, field: str, encoding: str | None = None) -> str:
        text = super().read_text(path, field=field, encoding=encoding)
        self.digests.append((field, path, hashlib.sha256(text.encode("utf-8")).hexdigest()))
        return text


def _zero_start(i: InitialIn) -> Any:  # noqa: ANN401 - a RuleCheck
    check = baseline_tree_stock_is_zero(
        not_removed=i.pre_project_trees_not_removed is True,
        no_mortality_or_damage=i.pre_project_trees_not_damaged is True,
        monitored_not_inventoried=i.pre_project_trees_monitored_separately is True)
    if not check.applies:
        raise InputError(f"the initial tree stock is zero only under {check.rule}; "
                         f"{check.reason}", field="inputs.initial",
                         expected="pre_project_trees_not_removed, _not_damaged and "
                                  "_monitored_separately all true, or an initial inventory "
                                  "(plots, trees)")
    return check


def _later_than(inv: Inventory, previous: StockEstimate, where: str) -> None:
    """The estimate is dated after the previous one; a plot re-measured is measured later."""
    last = int(np.argmax(inv.plots.date))
    if inv.date <= previous.date:
        raise InputError("measurement dates out of order", field=inv.plots.where(last),
                         value=inv.date.isoformat(),
                         expected=f"a date after the previous estimate {previous.date} "
                                  f"({where})")
    if previous.inventory is None:
        return
    before = dict(zip(previous.inventory.plots.ids, previous.inventory.plots.date, strict=True))
    for k, (plot, day) in enumerate(zip(inv.plots.ids, inv.plots.date, strict=True)):
        if plot in before and day <= before[plot]:
            raise InputError("measurement dates out of order", field=inv.plots.where(k),
                             value=str(day), expected=f"a date after the plot's previous "
                                                     f"measurement {before[plot]}")


def _check_periods(spec: ProjectSpec, dates: list[dt.date], where: str) -> None:
    """Every monitoring period starts the day after an estimate and ends on a later one."""
    shown = ", ".join(d.isoformat() for d in dates)
    periods = spec.monitoring.periods if spec.monitoring is not None else []
    for k, p in enumerate(periods):
        field = f"monitoring.periods[{k}]"
        if p.end not in dates:
            raise InputError("a monitoring period must end on the date of a stock estimate",
                             field=field, value=f"{p.id}: ends {p.end}",
                             expected=f"one of the estimate dates {shown} ({where})")
        if p.start - dt.timedelta(days=1) not in dates:
            raise InputError("a monitoring period must start the day after a stock estimate",
                             field=field, value=f"{p.id}: starts {p.start}",
                             expected=f"the day after one of {shown} ({where})")
    if periods and periods[0].start != dates[0] + dt.timedelta(days=1):
        raise InputError("the first monitoring period must start the day after the initial "
                         "estimate", field="monitoring.periods[0]", value=str(periods[0].start),
                         expected=str(dates[0] + dt.timedelta(days=1)))
    if periods and periods[-1].end != dates[-1]:
        raise InputError("the last measurement lies after the last monitoring period",
                         field=f"monitoring.periods[{len(periods) - 1}]",
                         value=str(periods[-1].end),
                         expected=f"a last period ending on {dates[-1]}, the last estimate")


def _shrubs(path: str | None, inputs: SinkInputs, files: ProjectFiles,
            field: str) -> ShrubStrata | None:
    if path is None:
        return None
    return read_shrubs(path, inputs.project_area, files=files, field=field,
                       encoding=inputs.encoding)


def load_sink_data(spec: ProjectSpec, inputs: SinkInputs, files: ProjectFiles) -> ProjectData:
    """Read and validate the strata, species, models and every stock estimate of a project.

    Raises
    ------
    InputError, UnitError
        Naming the file and CSV line (or the project field) of anything unreadable or
        breaking a rule: a plot in no stratum, a stratum with fewer than two plots, a
        non-positive size, plot areas past their stratum, strata not adding up to the project
        area, an unknown species, a diameter outside its model's range, measurements out of
        order or after the last monitoring period, or periods not ending on estimate dates.
    """
    rec = _Recording(files)
    enc = inputs.encoding
    species = read_species(inputs.species, files=rec, field="inputs.species", encoding=enc)
    models = (read_models(inputs.models, files=rec, field="inputs.models", encoding=enc)
              if inputs.models is not None else packaged_models())
    strata = _strata(inputs, rec)
    init = _needed(inputs)
    periods = spec.monitoring.periods if spec.monitoring is not None else []
    end = periods[-1].end if periods else None
    common: dict[str, Any] = {"species": species, "models": models, "files": rec,
                              "project_area": inputs.project_area, "period_end": end,
                              "encoding": enc}
    zero = None
    if init.plots is not None and init.trees is not None:
        inv = read_inventory(strata, init.plots, init.trees, fields=(
            "inputs.strata", "inputs.initial.plots", "inputs.initial.trees"), **common)
        start = StockEstimate(inv.date, inv, _shrubs(init.shrubs, inputs, rec,
                                                     "inputs.initial.shrubs"))
    else:
        zero = _zero_start(init)
        assert init.date is not None  # noqa: S101 - the input model requires it
        start = StockEstimate(init.date, None, _shrubs(init.shrubs, inputs, rec,
                                                       "inputs.initial.shrubs"))
    estimates = [start]
    for k, m in enumerate(inputs.measurements):
        where = f"inputs.measurements[{k}]"
        inv = read_inventory(strata, m.plots, m.trees, fields=(
            "inputs.strata", f"{where}.plots", f"{where}.trees"), **common)
        _later_than(inv, estimates[-1], where)
        estimates.append(StockEstimate(inv.date, inv, _shrubs(m.shrubs, inputs, rec,
                                                              f"{where}.shrubs")))
    _check_shrubs(estimates, inputs)
    dates = [e.date for e in estimates]
    _check_periods(spec, dates, "inputs.initial and inputs.measurements")
    day = np.timedelta64(1, "D")
    stamps = np.array(dates, dtype="datetime64[D]")
    starts = np.asarray(stamps[:-1] + day, dtype="datetime64[D]")
    table = MonitoringTable(start=starts, end=stamps[1:], columns={},
                            meter_status={}, meter_error={}, origin="stock estimates")
    digest = hashlib.sha256()
    for field, path, sha in rec.digests:
        digest.update(f"{field}\x1f{path}\x1f{sha}\x1e".encode())
    if inputs.models is None:
        digest.update(table_digest(MODELS_TABLE, "ccer_calc.tools.data.forestry").encode())
    data = SinkData(strata, tuple(estimates), species, models, zero,
                    tuple(path for _, path, _ in rec.digests),
                    () if inputs.models is not None else (MODELS_TABLE,),
                    _monitored_events(spec, inputs, strata))
    return ProjectData(table, {"sink": data}, digest.hexdigest())


def _stratum_areas(strata: Strata) -> dict[str, float]:
    return dict(zip(strata.ids, np.asarray(strata.area.m_as("ha")).tolist(), strict=True))


def _baseline_areas(inputs: SinkInputs) -> dict[str, float]:
    return {s.id: float(s.area.m_as("ha")) for s in inputs.baseline.strata}


def _monitored_events(spec: ProjectSpec, inputs: SinkInputs, strata: Strata) -> SinkEvents:
    """The fires and displacements of ``[inputs]``, inside the monitoring periods."""
    periods = spec.monitoring.periods if spec.monitoring is not None else []
    events = SinkEvents(tuple(inputs.site_preparation_burns), tuple(inputs.residue_burns),
                        tuple(inputs.forest_fires), tuple(inputs.displacements), "inputs",
                        periods[0].end if periods else None)
    window = ((periods[0].start, periods[-1].end) if periods
              else (dt.date.max, dt.date.min))  # no period: every date is outside
    check_events(events, strata=_stratum_areas(strata), baseline_strata=_baseline_areas(inputs),
                 window=window, window_text="the monitoring periods", pools=inputs.pools,
                 minimum_area=inputs.forest_minimum_area)
    if inputs.initial is not None and inputs.initial.zero_tree_stock:
        for k, row in enumerate(events.site_preparation_burns):
            if float(row.tree_biomass.m_as("t/ha")) > 0:
                raise InputError("pre-project trees burnt in site preparation contradict the "
                                 "zero initial tree stock of AR-TOOL14 v04.2 para. 11 (a)-(b): "
                                 "pre-project trees neither removed nor damaged by the project",
                                 field=events.field("site_preparation_burns", k, "tree_biomass"),
                                 value=f"{row.tree_biomass.m_as('t/ha'):g} t/ha",
                                 expected="0 t/ha, or an initial inventory (plots, trees)")
    return events


def _needed(inputs: SinkInputs) -> InitialIn:
    """The initial estimate and the measurements, which compute needs (an estimate does not)."""
    if inputs.initial is None:
        raise InputError("no stock estimate at the start, which compute needs",
                         field="inputs.initial", expected="[inputs.initial]: an inventory "
                         "(plots, trees) or, under AR-TOOL14 para. 11, a date and the three "
                         "pre_project_trees_* conditions")
    if not inputs.measurements:
        raise InputError("no measurement of the sample plots, which compute needs",
                         field="inputs.measurements", expected="at least one "
                         "[[inputs.measurements]] with plots and trees")
    return inputs.initial


def _strata(inputs: SinkInputs, files: ProjectFiles) -> Strata:
    """The strata file, whose areas are positive and add up to the project area."""
    strata = read_strata(inputs.strata, files=files, field="inputs.strata",
                         encoding=inputs.encoding)
    areas = np.asarray(strata.area.m_as("ha"), dtype=np.float64)
    bad = np.flatnonzero(~(areas > 0))
    if bad.size:
        i = int(bad[0])
        raise InputError("stratum area must be positive", field=strata.where(i),
                         value=float(areas[i]), expected="stratum area > 0 ha")
    total, target = float(areas.sum()), float(inputs.project_area.m_as("ha"))
    if abs(total - target) > 1e-6 * target:
        raise InputError("strata areas do not add up to the project area", field=strata.source,
                         value=f"{total:g} ha", expected=f"{target:g} ha (inputs.project_area)")
    return strata


def load_sink_plan(spec: ProjectSpec, inputs: SinkInputs,
                   files: ProjectFiles) -> ProjectData | None:
    """The estimate's rows of a sink project: its planting plan on the crediting period's years.

    None when the project gives no ``[expected]`` (it is then computed, not estimated).

    Raises
    ------
    InputError, UnitError
        Naming the field: expected monitored quantities (a sink has none), a missing or
        malformed planting schedule or growth model, the refusals of
        :func:`~ccer_calc.tools.forestry.sink_plan.build_plan`, or a strata or species file
        that cannot be read.
    """
    expected = spec.expected
    if expected is None:
        return None
    for name in ("annual", "years"):
        if getattr(expected, name):
            raise InputError("a forest or mangrove project has no expected monitored "
                             "quantities", field=f"expected.{name}",
                             expected="the planting schedule [[expected.planting]] and the "
                                      "growth models [[expected.growth]]")
    try:
        given = SinkExpectedIn.model_validate(dict(expected.model_extra or {}))
    except ValidationError as exc:
        raise validation_error(exc, "expected.") from None
    rec = _Recording(files)
    strata = _strata(inputs, rec)
    species = read_species(inputs.species, files=rec, field="inputs.species",
                           encoding=inputs.encoding)
    years = crediting_year_axis(spec.dates)
    areas = _stratum_areas(strata)
    plan = build_plan(given, strata=areas, species=species.names,
                      years=(int(years[0].id), int(years[-1].id)),
                      sources=(f"inputs.strata ({inputs.strata})",
                               f"inputs.species ({inputs.species})"))
    events = SinkEvents(tuple(given.site_preparation_burns), tuple(given.residue_burns), (),
                        tuple(given.displacements), "expected")
    check_events(events, strata=areas, baseline_strata=_baseline_areas(inputs),
                 window=(spec.dates.crediting_period_start, spec.dates.crediting_period_end),
                 window_text="the crediting period", pools=inputs.pools,
                 minimum_area=inputs.forest_minimum_area)
    plan = dataclasses.replace(plan, events=events)
    table = MonitoringTable(
        start=np.array([p.start for p in years], dtype="datetime64[D]"),
        end=np.array([p.end for p in years], dtype="datetime64[D]"),
        columns={}, meter_status={}, meter_error={}, origin="expected")
    digest = hashlib.sha256()
    for field, path, sha in rec.digests:
        digest.update(f"{field}\x1f{path}\x1f{sha}\x1e".encode())
    return ProjectData(table, {"plan": plan}, digest.hexdigest())


def _check_shrubs(estimates: list[StockEstimate], inputs: SinkInputs) -> None:
    given = [e.shrubs is not None for e in estimates]
    if any(given) and not all(given):
        k = given.index(False)
        raise InputError("shrub strata are measured at some estimates and not at others",
                         field="inputs.initial.shrubs" if k == 0 else
                         f"inputs.measurements[{k - 1}].shrubs",
                         expected="a shrubs file at every estimate (AR-TOOL14 eq. 24 needs "
                                  "both stocks), or none with shrub_cover_below_5_percent")
    if not any(given) and inputs.shrub_cover_below_5_percent is not True:
        raise InputError("no shrub strata are given", field="inputs.shrub_cover_below_5_percent",
                         expected="shrubs files at every estimate, or true where shrub crown "
                                  "cover stays below 5 per cent (AR-TOOL14 para. 60: zero "
                                  "shrub biomass)")
