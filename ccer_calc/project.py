"""A validated project, and its input models: every number with its unit, every date in order.

A project file has a fixed outer shape (:class:`ProjectSpec`, in :mod:`ccer_calc.project_spec`,
re-exported here) and a methodology-specific ``inputs`` table validated by the plug-in's own
pydantic model. Quantities are written either as a string ``"0.8042 t CO2/MWh"`` or as a
table ``{value = 0.8042, unit = "t CO2/MWh"}``; a bare number is refused because its unit would
be a guess (:mod:`ccer_calc.fields`, re-exported here). A project carries monitoring data,
expected values for the ex-ante estimate (:mod:`ccer_calc.expected`), or both.

Importing this module builds no unit registry and imports no numpy: plug-ins' input models
import their field types from here, and ``ccer-calc schema`` reads those models alone. pint and
the period axis are imported where a :class:`Project` uses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ccer_calc.expected import ExpectedIn, ScenarioIn
from ccer_calc.fields import (
    DateIn,
    Declared,
    Line,
    QuantityIn,
    parse_date,
    parse_quantity,
    quantity_any,
    quantity_field,
)
from ccer_calc.project_spec import (
    DatesIn,
    ExAnteIn,
    MeterIn,
    MonitoringIn,
    PeriodIn,
    ProjectSpec,
)

if TYPE_CHECKING:
    import pint

    from ccer_calc.periods import MonitoringTable, Period

__all__ = [
    "DateIn",
    "DatesIn",
    "Declared",
    "ExAnteIn",
    "ExpectedIn",
    "Line",
    "MeterIn",
    "MonitoringIn",
    "PeriodIn",
    "Project",
    "ProjectData",
    "ProjectSpec",
    "QuantityIn",
    "ScenarioIn",
    "parse_date",
    "parse_quantity",
    "quantity_any",
    "quantity_field",
]


@dataclass(frozen=True)
class ProjectData:
    """Data a plug-in reads itself, instead of the engine's monitoring rows.

    Parameters
    ----------
    table : MonitoringTable
        The rows the period axis is built from: for a sink, one row per interval between
        successive stock estimates (its columns may be empty; quantities are computed by the
        plug-in's equations). The monitoring periods must be tiled by these rows.
    datasets : Mapping
        What the plug-in's ``compute`` reads (parsed inventories...).
    digest : str
        sha256 (hex) of everything in ``datasets`` that can change a number; the fingerprint
        covers it.
    """

    table: MonitoringTable
    datasets: Mapping[str, Any]
    digest: str


@dataclass(frozen=True)
class Project:
    """A validated project: its spec, methodology inputs, overrides and monitored table.

    ``data`` holds what a plug-in read itself through ``Methodology.load_data`` (None for
    plug-ins whose data are the engine's monitoring rows). A project without monitoring data
    (only ``[expected]``) has an empty ``table`` and no periods.

    ``expected`` holds the rows of the ex-ante estimate, one per calendar year of the crediting
    period, built from ``[expected]`` or by the plug-in's ``estimate_data`` (None: the project
    gives no expected values). ``scenarios`` holds one project per named scenario, built from
    this one with the scenario's changes (without monitoring data).
    """

    spec: ProjectSpec
    inputs: BaseModel
    table: MonitoringTable
    source: Path | None
    data: ProjectData | None = None
    expected: ProjectData | None = None
    scenarios: Mapping[str, Project] = field(default_factory=dict)

    @property
    def methodology_id(self) -> str:
        """The methodology id the project names."""
        return self.spec.methodology

    @property
    def overrides(self) -> dict[str, pint.Quantity]:
        """Parameter values the project sets."""
        return dict(self.spec.parameters)

    @property
    def periods(self) -> list[Period]:
        """The monitoring periods (none without monitoring data)."""
        from ccer_calc.periods import Period  # noqa: PLC0415 - keeps the spec models light

        mon = self.spec.monitoring
        return [] if mon is None else [Period(p.id, p.start, p.end) for p in mon.periods]

    def max_permissible_error(self, column: str) -> float | None:
        """MPE of the meter of a column as a fraction, if given."""
        mon = self.spec.monitoring
        meter = None if mon is None else mon.meters.get(column)
        if meter is None or meter.max_permissible_error is None:
            return None
        from ccer_calc.units import parse_unit, to_unit  # noqa: PLC0415 - keeps the spec light

        return float(to_unit(meter.max_permissible_error, parse_unit("")).magnitude)

    def canonical(self) -> dict[str, Any]:
        """Canonical plain data of every input: the fingerprint is taken over this."""
        exclude: dict[str, Any] = {"monitoring": {"data", "csv", "encoding", "excel", "sheet"}}
        for name, absent in (("ex_ante", not self.spec.ex_ante),
                             ("expected", self.spec.expected is None),
                             ("scenarios", not self.spec.scenarios)):
            if absent:  # older project files keep their fingerprint
                exclude[name] = True
        monitoring = self.spec.monitoring
        if monitoring is not None and monitoring.utc_offset is None:  # older files keep theirs
            exclude["monitoring"].add("utc_offset")
        spec = self.spec.model_dump(mode="json", exclude=exclude)
        for later in ("crediting_period_type", "crediting_period_number"):
            if spec["dates"][later] is None:  # CCER projects keep their fingerprint
                del spec["dates"][later]
        spec["inputs"] = self.inputs.model_dump(mode="json")
        for later in getattr(type(self.inputs), "later_fields", ()):
            if spec["inputs"].get(later) in (None, []):  # older files keep their fingerprint
                spec["inputs"].pop(later, None)
        spec["monitoring_data_sha256"] = self.table.digest()
        if self.data is not None:
            spec["plugin_data_sha256"] = self.data.digest
        if self.expected is not None:
            spec["expected_data_sha256"] = self.expected.digest
        return spec
