"""The contract every methodology plug-in satisfies, and what it is handed to compute.

A plug-in is an instance of a :class:`Methodology` subclass exported as ``METHODOLOGY`` from its
package and registered under the entry-point group ``ccer_calc.methodologies`` with its id as
the entry-point name. The engine validates it on load (:func:`validate_methodology`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
from pydantic import BaseModel

from ccer_calc.bounds import NONNEGATIVE, Bounds
from ccer_calc.parameters import ParameterSet, Value
from ccer_calc.plugin_extras import ExpectedQuantity, PeriodFigure, ProvisionalRule
from ccer_calc.units import Quantity, parse_unit, to_unit

if TYPE_CHECKING:
    import datetime as dt

    from ccer_calc.equation import Equation
    from ccer_calc.io.files import ProjectFiles
    from ccer_calc.periods import Segments
    from ccer_calc.plugin_info import MethodologyInfo
    from ccer_calc.project import Project, ProjectData, ProjectSpec
    from ccer_calc.trail import Trail

__all__ = [
    "ACCOUNTS",
    "INFO_FIELDS",
    "Check",
    "CheckResult",
    "Context",
    "ExpectedQuantity",
    "Methodology",
    "MonitoredColumn",
    "PeriodFigure",
    "ProvisionalRule",
    "Stages",
]

#: What a methodology accounts: emission ``reductions`` (energy) or ``removals`` by sinks
#: (afforestation, mangroves). See :attr:`Methodology.accounts`.
ACCOUNTS = ("reductions", "removals")


#: What a methodology's ``info`` gives the class (:attr:`Methodology.info`).
INFO_FIELDS = ("id", "version", "title_zh", "title_en", "sector", "status", "document",
               "programme", "accounts", "columns_per_project")


#: How a monitored quantity behaves when a row is split between calendar years.
ColumnKind = Literal["extensive", "intensive"]


@dataclass(frozen=True)
class MonitoredColumn:
    """A monitored quantity the project supplies per row of monitoring data.

    ``kind`` says how a row spanning 1 January is shared between the two years: an
    ``extensive`` quantity (energy, fuel burned, methane destroyed) is apportioned by days; an
    ``intensive`` one (a concentration, a net calorific value, a carbon-stock level) holds for
    every day of the row and is not divided.

    ``bounds`` is its physical range in ``unit`` (non-negative unless declared otherwise),
    checked for every row when the data are loaded. ``at_most_capacity_of`` names a power
    field of the project's inputs (``installed_capacity``): the energy of a row may not exceed
    it times the hours of the row.
    """

    name: str
    symbol: str
    unit: str
    description_zh: str
    description_en: str
    source: str
    frequency: str
    metered: bool = True
    kind: ColumnKind = "extensive"
    bounds: Bounds = NONNEGATIVE
    at_most_capacity_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"name": self.name, "symbol": self.symbol, "unit": self.unit,
                "description_zh": self.description_zh, "description_en": self.description_en,
                "source": self.source, "frequency": self.frequency, "metered": self.metered,
                "kind": self.kind, "range": self.bounds.describe(self.unit)}


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one applicability check or management-measure rule."""

    name: str
    passed: bool
    reason: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"name": self.name, "passed": self.passed, "reason": self.reason,
                "source": self.source}


@dataclass(frozen=True)
class Check:
    """A named applicability condition; ``rule`` returns (passed, reason)."""

    name: str
    description: str
    source: str
    rule: Callable[[Project], tuple[bool, str]]

    def run(self, project: Project) -> CheckResult:
        """Evaluate the rule on a project."""
        passed, reason = self.rule(project)
        return CheckResult(self.name, passed, reason, self.source)


@dataclass(frozen=True)
class Stages:
    """What a methodology computes along the period axis, all in t CO2e.

    Every intermediate quantity (net generation, combined margin, ...) is in the trail, which
    results and documents read; the stages carry the four reported quantities and, where the
    methodology defines them, figures per monitoring period (:class:`PeriodFigure`).

    A methodology that accounts removals (``accounts = "removals"``) reports them as negative
    emissions so that BE − PE − LE = ER holds: BE = −(baseline net removals), PE = −(actual
    net removals), LE = leakage, ER = net anthropogenic removals.
    """

    baseline_emissions: Value
    project_emissions: Value
    leakage_emissions: Value
    emission_reductions: Value
    per_period: tuple[PeriodFigure, ...] = ()


@dataclass(frozen=True)
class Context:
    """What :meth:`Methodology.compute` is handed: the project on its period axis.

    ``ex_ante`` is True when the axis is the crediting period's calendar years and the values
    are the project's expected ones (``estimate``), not monitored data: the monitored columns
    enter the trail with origin ``expected``, and rules that differ ex ante (the grid-factor
    edition: the latest available, not year y's) take the ex-ante branch.
    """

    project: Project
    segments: Segments
    trail: Trail
    methodology: Methodology
    as_of: dt.date | None
    ex_ante: bool = False

    @property
    def inputs(self) -> BaseModel:
        """The project's methodology-specific inputs, validated."""
        return self.project.inputs

    @property
    def years(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Calendar year of each element of the period axis."""
        return self.segments.year

    def param(self, name: str) -> Value:
        """A parameter's value: the project's override, else the methodology's default."""
        return self.methodology.parameters.value(name, self.project.overrides,
                                                 methodology=self.methodology.id)

    def overridden(self, name: str) -> bool:
        """Whether the project file sets this parameter."""
        return name in self.project.overrides

    def monitored(self, name: str) -> Value:
        """A monitored column on the period axis (its expected values, ex ante).

        A row split at 1 January keeps an intensive value whole in both years and shares an
        extensive one by days.
        """
        col = self.methodology.column(name, self.project.inputs)
        raw = to_unit(self.project.table.columns[name], parse_unit(col.unit))
        mag = np.asarray(raw.magnitude)[self.segments.row]
        if self.ex_ante:
            return Value(col.symbol, Quantity(mag, raw.units), "expected",
                         f"expected values, column {name}")
        ref = f"monitoring data, column {name}"
        if col.kind == "extensive":
            mag = mag * self.segments.fraction
            if self.segments.split:
                ref += " (rows spanning 1 January apportioned by days)"
        elif self.segments.split:
            ref += " (intensive: rows spanning 1 January hold in both years)"
        return Value(col.symbol, Quantity(mag, raw.units), "monitored", ref)


class Methodology(ABC):
    """Base class of a methodology plug-in.

    Subclasses set the class attributes and implement :meth:`compute`. ``example`` names a
    project file inside the plug-in package (``data/example.toml``) that ``ccer-calc example``
    writes out and the contract test runs.
    """

    id: ClassVar[str]
    version: ClassVar[str]
    title_zh: ClassVar[str]
    title_en: ClassVar[str]
    sector: ClassVar[str]
    status: ClassVar[str]
    source: ClassVar[str]
    #: The methodology's own document with its version, as its equations cite it
    #: (``CCER-01-002-V01``); tool documents it uses are listed in ``tool_documents``.
    document: ClassVar[str]
    #: Tool documents (with version) whose equations the methodology evaluates,
    #: e.g. ``("TOOL07 v07.0", "TOOL03 v03.0")``.
    tool_documents: ClassVar[tuple[str, ...]] = ()
    #: ``CCER`` or ``CDM``: whose date rules apply (:mod:`ccer_calc.rules`).
    programme: ClassVar[str]
    #: ``reductions`` (the default: BE, PE, LE, ER are emissions and their reduction) or
    #: ``removals`` (sinks: removals are reported as negative emissions, see :class:`Stages`;
    #: documents word them as removals, and CDM crediting periods are those of A/R).
    accounts: ClassVar[str] = "reductions"
    max_crediting_years: ClassVar[int | None] = None
    #: Shortest crediting period the methodology allows, in years (None: no minimum).
    min_crediting_years: ClassVar[int | None] = None
    #: Rules taken from a parent text while the methodology's own is unknown.
    provisional_rules: ClassVar[tuple[ProvisionalRule, ...]] = ()
    #: Names of the bundled data tables (``ccer-calc data``) the methodology may read.
    data_tables: ClassVar[tuple[str, ...]] = ()
    #: The tables of its own that the methodology reads from a project's ``[expected]`` for
    #: :meth:`estimate_data` (a sink's planting schedule and growth models), as a pydantic
    #: model whose fields are the table names; None: ``[expected]`` holds only the expected
    #: monitored quantities (``annual``, ``years``) and ``as_of``.
    expected_model: ClassVar[type[BaseModel] | None] = None
    parameters: ClassVar[ParameterSet]
    input_model: ClassVar[type[BaseModel]]
    monitored_columns: ClassVar[tuple[MonitoredColumn, ...]]
    checks: ClassVar[tuple[Check, ...]]
    equations: ClassVar[tuple[Equation, ...]]
    example: ClassVar[str]
    #: How the monitored columns depend on the project, for the schema and ``show``; None
    #: (the default): they do not. Set it where :meth:`monitored_columns_for` is overridden
    #: ("export and import, then one column fuel_<key> per fuel").
    columns_per_project: ClassVar[str | None] = None
    #: The plug-in's light ``INFO``, optional: given, the class takes from it each field of
    #: :data:`INFO_FIELDS` it does not set itself, so the identity is written once.
    info: ClassVar[MethodologyInfo | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:  # noqa: ANN401 - passed on
        """Copy the fields of ``info`` the class does not set itself onto its attributes."""
        super().__init_subclass__(**kwargs)
        info = cls.__dict__.get("info")
        if info is not None:
            for name in INFO_FIELDS:
                if name not in cls.__dict__:
                    setattr(cls, name, getattr(info, name))

    @abstractmethod
    def compute(self, ctx: Context) -> Stages:
        """Run the methodology's stages on the period axis."""

    def stage_key(self, ctx: Context) -> Hashable | None:
        """What fixes a project's sequence of equations; None (the default): not stackable.

        Optional protocol (:mod:`ccer_calc.stacking`): a methodology whose ``compute`` is
        :meth:`run_stages` and whose stages work element by element along the last axis
        returns a key here (``()``, or the fuels burned); the batch worker may then evaluate
        the stages once for projects with equal keys, on their gathered values concatenated.
        """
        del ctx  # the default: each project's stages run on their own
        return None

    def gather(self, ctx: Context) -> dict[str, Value]:
        """The stages' inputs for one project: scalars, or arrays along the period axis."""
        raise NotImplementedError(f"{self.id} does not gather stage inputs")

    def stages(self, trail: Trail | None, key: Hashable,
               values: Mapping[str, Value]) -> dict[str, Value]:
        """The equations, a function of ``key`` and the gathered values only.

        Returns the four :class:`Stages` quantities by field name and whatever else
        :meth:`after` reads; reads neither the project nor a data table.
        """
        raise NotImplementedError(f"{self.id} does not declare its stages")

    def after(self, ctx: Context, out: Mapping[str, Value]) -> Stages:
        """Checks of one project after its stages; its :class:`Stages` (by default, no check)."""
        del ctx  # the default checks nothing
        return Stages(out["baseline_emissions"], out["project_emissions"],
                      out["leakage_emissions"], out["emission_reductions"])

    def run_stages(self, ctx: Context) -> Stages:
        """:meth:`gather`, :meth:`stages`, :meth:`after`: ``compute`` of a stackable plug-in."""
        key = self.stage_key(ctx)
        return self.after(ctx, self.stages(ctx.trail, key, self.gather(ctx)))

    def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
        """The monitored columns a project with these inputs supplies.

        By default the static :attr:`monitored_columns`. A methodology whose monitored data
        depend on the project (one fuel-consumption column per fuel the project burns)
        overrides this and returns the static columns followed by the project's own.
        """
        del inputs  # the static columns do not depend on the project
        return self.monitored_columns

    @property
    def provisional(self) -> tuple[str, ...]:
        """Names of the provisional parameters and rules (empty for a verified methodology)."""
        return (tuple(p.name for p in self.parameters if p.provisional)
                + tuple(r.name for r in self.provisional_rules))

    def provisional_values(self, overrides: Mapping[str, Any] | None = None
                           ) -> list[dict[str, Any]]:
        """Each provisional parameter (with the value applied) and rule, as plain data.

        ``overrides`` are a project's parameter values: an overridden provisional parameter is
        listed with the project's value and origin ``project``.
        """
        out: list[dict[str, Any]] = []
        given = overrides or {}
        for p in self.parameters:
            if not p.provisional:
                continue
            value = p.default
            origin = "default"
            if p.name in given:
                value, origin = float(given[p.name].to(parse_unit(p.unit)).magnitude), "project"
            out.append({"name": p.name, "kind": "parameter", "symbol": p.symbol,
                        "value": value, "unit": p.unit, "origin": origin, "source": p.source,
                        "description_en": p.description_en,
                        "description_zh": p.description_zh})
        return out + [r.to_dict() for r in self.provisional_rules]

    def load_data(self, spec: ProjectSpec, inputs: BaseModel,
                  files: ProjectFiles) -> ProjectData | None:
        """Data the plug-in reads itself; None (the default): the engine's monitoring rows.

        A plug-in whose data are not rows of monitored quantities (a forest inventory: strata,
        plots and tree records measured at successive dates) reads them here, with
        ``files.read_text`` (the engine's file policy), and returns the period axis's rows
        (one per interval between successive stock estimates), the parsed datasets its
        ``compute`` reads from ``ctx.project.data``, and their digest for the fingerprint.
        """
        del spec, inputs, files  # the default reads nothing of its own
        return None

    def estimate_data(self, spec: ProjectSpec, inputs: BaseModel,
                      files: ProjectFiles) -> ProjectData | None:
        """The rows of the ex-ante estimate; None (the default): built from ``[expected]``.

        The engine's default (:func:`ccer_calc.io.expected.expected_data`) gives one row per
        calendar year of the crediting period (:func:`ccer_calc.periods.calendar_years`) with
        the project's expected value of each monitored column. A plug-in whose ex-ante path is
        not a set of expected monitored quantities (a forest: planting schedule and growth
        models) returns its own rows here: one per calendar year of the crediting period, the
        parsed data its ``compute`` reads from ``ctx.project.data`` when ``ctx.ex_ante`` is
        True, and their digest. It is called when the project is loaded; files go through
        ``files.read_text`` like in :meth:`load_data`. Tables of its own in ``[expected]``
        are declared by :attr:`expected_model` and read from ``spec.expected.model_extra``.
        """
        del spec, inputs, files  # the default: the engine builds the rows from [expected]
        return None

    def expected_quantities(self, data: ProjectData) -> tuple[ExpectedQuantity, ...]:
        """Quantities of the plug-in's own ex-ante data the sensitivity varies; none by default.

        ``data`` is what :meth:`estimate_data` returned. The expected monitored columns are
        varied by the engine itself; a plug-in with data of its own (a sink's planting schedule
        and growth models) lists here what else to vary (:class:`ExpectedQuantity`).
        """
        del data  # the default: only the monitored columns are varied
        return ()

    def column(self, name: str, inputs: BaseModel | None = None) -> MonitoredColumn:
        """The monitored column of that name (among the project's columns if given)."""
        columns = self.monitored_columns if inputs is None else self.monitored_columns_for(inputs)
        for c in columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def describe(self, inputs: BaseModel | None = None) -> dict[str, Any]:
        """Plain-data description of the methodology, or of it for one project.

        With a project's ``inputs`` the monitored columns are the ones that project supplies
        (:meth:`monitored_columns_for`): the schema, ``show``, the documents and validation all
        read this one description, so they cannot drift apart.
        """
        columns = self.monitored_columns if inputs is None else self.monitored_columns_for(inputs)
        return {
            "id": self.id,
            "version": self.version,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "sector": self.sector,
            "status": self.status,
            "source": self.source,
            "programme": self.programme,
            "accounts": self.accounts,
            "document": self.document,
            "tool_documents": list(self.tool_documents),
            "max_crediting_years": self.max_crediting_years,
            "min_crediting_years": self.min_crediting_years,
            "provisional": self.provisional_values(),
            "data_tables": list(self.data_tables),
            "parameters": [p.to_dict() for p in self.parameters],
            "monitored": [c.to_dict() for c in columns],
            "project_specific_columns": inputs is not None,
            "columns_per_project": self.columns_per_project,
            "checks": [{"name": c.name, "description": c.description, "source": c.source}
                       for c in self.checks],
            "equations": [
                {"id": e.meta.id, "document": e.meta.document, "symbol": e.meta.symbol,
                 "formula": e.meta.formula, "source": e.meta.source, "inputs": e.meta.inputs,
                 "output": e.meta.output, "description": e.meta.description,
                 "status": e.meta.status}
                for e in self.equations
            ],
        }
