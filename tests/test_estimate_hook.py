"""A plug-in's own ex-ante path (Methodology.estimate_data): the sinks' contract (issue #15).

A small growth plug-in reads a planting schedule through the files object the engine hands it
(so the file policy applies) and returns one row per calendar year of the crediting period,
with the removals its growth model expects; its ``compute`` reads them when ``ctx.ex_ante``.
The engine builds the period axis, runs the rules and the trail, and covers the digest in the
fingerprint, exactly as for the default path from ``[expected]``.
"""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from ccer_calc.api import load_project
from ccer_calc.errors import InputError
from ccer_calc.estimation import estimate
from ccer_calc.registry import GROUP, Registry

PLUGIN = '''
import hashlib
from typing import ClassVar

import numpy as np
import pint
from pydantic import BaseModel, ConfigDict

from ccer_calc.equation import equation
from ccer_calc.io.expected import crediting_year_axis
from ccer_calc.methodology import Context, Methodology, Stages
from ccer_calc.parameters import ParameterSet, Value
from ccer_calc.periods import MonitoringTable
from ccer_calc.project import ProjectData
from ccer_calc.units import Quantity


@equation(id="(1)", document="GROW-01", symbol="ER_y", formula="ER_y = A_y × g",
          source="GROW-01 eq. (1)", inputs={"area": "ha", "growth": "t CO2e/ha"},
          output="t CO2e", description="removals of the area planted by year y")
def removals(area: pint.Quantity, growth: pint.Quantity) -> pint.Quantity:
    return area * growth


class Inputs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    planting: str


class Grow(Methodology):
    id: ClassVar[str] = "GROW-01"
    version: ClassVar[str] = "V01"
    title_zh: ClassVar[str] = "造林"
    title_en: ClassVar[str] = "planting"
    sector: ClassVar[str] = "test"
    status: ClassVar[str] = "test"
    source: ClassVar[str] = "GROW-01"
    programme: ClassVar[str] = "CDM"
    document: ClassVar[str] = "GROW-01"
    parameters = ParameterSet(())
    input_model = Inputs
    monitored_columns = ()
    checks = ()
    equations = (removals,)
    example: ClassVar[str] = "example.toml"

    def estimate_data(self, spec, inputs, files):
        text = files.read_text(inputs.planting, field="inputs.planting")
        planted = {int(y): float(a) for y, a in
                   (line.split(",") for line in text.strip().splitlines()[1:])}
        years = crediting_year_axis(spec.dates)
        area = np.cumsum([planted.get(int(p.id), 0.0) for p in years])
        table = MonitoringTable(
            start=np.array([p.start for p in years], dtype="datetime64[D]"),
            end=np.array([p.end for p in years], dtype="datetime64[D]"),
            columns={}, meter_status={}, meter_error={})
        return ProjectData(table, {"area": area}, hashlib.sha256(area.tobytes()).hexdigest())

    def compute(self, ctx: Context) -> Stages:
        assert ctx.ex_ante
        area = ctx.project.data.datasets["area"][ctx.segments.row]
        er = removals(trail=ctx.trail,
                      area=Value("A_y", Quantity(area, "ha"), "expected", "planting schedule"),
                      growth=Value("g", Quantity(12.5, "t CO2e/ha"), "default", "growth model"))
        zero = Value("0", Quantity(area * 0.0, "t CO2e"), "fixed", "none")
        return Stages(er, zero, zero, er)


METHODOLOGY = Grow()
'''

PROJECT = '''
name = "planting project"
methodology = "GROW-01"

[dates]
construction_start = 2019-06-01
crediting_period_type = "fixed"
crediting_period_start = 2020-01-01
crediting_period_end = 2023-12-31

[inputs]
planting = "{planting}"
'''


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Registry]:
    name = f"ccer_grow_plugin_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(PLUGIN), "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield Registry((metadata.EntryPoint(name="GROW-01", value=f"{name}:METHODOLOGY",
                                            group=GROUP),))
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)


def _project(folder: Path, planting: str = "planting.csv") -> Path:
    (folder / "p").mkdir(exist_ok=True)
    (folder / "p" / "planting.csv").write_text("year,area\n2020,100\n2022,40\n", "utf-8")
    (folder / "p" / "p.toml").write_text(PROJECT.format(planting=planting), "utf-8")
    return folder / "p" / "p.toml"


def test_plugin_supplies_its_own_ex_ante_rows(tmp_path: Path, registry: Registry) -> None:
    project = load_project(_project(tmp_path), registry=registry)
    assert project.spec.monitoring is None and project.spec.expected is None
    est = estimate(project, registry=registry)
    # planted area 100, 100, 140, 140 ha × 12.5 t CO2e/ha (the plug-in's eq. (1))
    assert [y.values["emission_reductions"] for y in est.years] == [1250.0, 1250.0, 1750.0,
                                                                   1750.0]
    assert est.totals["emission_reductions"] == 6000.0
    assert est.annual_average["emission_reductions"] == 1500.0
    entry = est.result.trail.entries[0]
    assert entry.inputs[0].origin == "expected"
    assert est.sensitivity == []  # no expected columns to vary


def test_plugin_data_enter_the_fingerprint(tmp_path: Path, registry: Registry) -> None:
    path = _project(tmp_path)
    first = estimate(load_project(path, registry=registry), registry=registry)
    (tmp_path / "p" / "planting.csv").write_text("year,area\n2020,100\n2022,41\n", "utf-8")
    second = estimate(load_project(path, registry=registry), registry=registry)
    assert second.totals["emission_reductions"] == 6000.0 + 2 * 12.5
    assert first.fingerprint != second.fingerprint


def test_plugin_reads_through_the_file_policy(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "outside.csv").write_text("year,area\n2020,1\n", "utf-8")
    with pytest.raises(InputError) as e:
        load_project(_project(tmp_path, "../outside.csv"), registry=registry)
    assert e.value.field == "inputs.planting"
