"""Plug-ins that read their own data (Methodology.load_data): the sinks' contract (issue #9).

A small stock-change plug-in reads a CSV of stock estimates at successive dates through the
files object the engine hands it (so the file policy applies), returns one row per interval
between estimates, and spreads each interval's change over its days: removals then fall into
periods and vintages by days, as AR-TOOL14 eq. (11) assumes a linear change.
"""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import InputError
from ccer_calc.registry import GROUP, Registry

PLUGIN = '''
import hashlib
from typing import ClassVar

import numpy as np
import pint
from pydantic import BaseModel, ConfigDict

from ccer_calc.equation import equation
from ccer_calc.methodology import Context, Methodology, Stages
from ccer_calc.parameters import ParameterSet, Value
from ccer_calc.periods import MonitoringTable
from ccer_calc.project import ProjectData
from ccer_calc.units import Quantity


@equation(id="(1)", document="STOCK-01", symbol="ER_y", formula="ER_y = ΔC_y",
          source="STOCK-01 eq. (1)", inputs={"change": "t CO2e"}, output="t CO2e",
          description="removals: the stock change on the period axis")
def removals(change: pint.Quantity) -> pint.Quantity:
    return change


class Inputs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stocks: str


class Stock(Methodology):
    id: ClassVar[str] = "STOCK-01"
    version: ClassVar[str] = "V01"
    title_zh: ClassVar[str] = "存量变化"
    title_en: ClassVar[str] = "stock change"
    sector: ClassVar[str] = "test"
    status: ClassVar[str] = "test"
    source: ClassVar[str] = "STOCK-01"
    programme: ClassVar[str] = "CDM"
    document: ClassVar[str] = "STOCK-01"
    parameters = ParameterSet(())
    input_model = Inputs
    monitored_columns = ()
    checks = ()
    equations = (removals,)
    example: ClassVar[str] = "example.toml"

    def load_data(self, spec, inputs, files):
        text = files.read_text(inputs.stocks, field="inputs.stocks")
        rows = [line.split(",") for line in text.strip().splitlines()[1:]]
        dates = np.array([r[0] for r in rows], dtype="datetime64[D]")
        stock = np.array([float(r[1]) for r in rows])
        table = MonitoringTable(start=dates[:-1] + np.timedelta64(1, "D"), end=dates[1:],
                                columns={}, meter_status={}, meter_error={})
        digest = hashlib.sha256(dates.tobytes() + stock.tobytes()).hexdigest()
        return ProjectData(table, {"change": np.diff(stock)}, digest)

    def compute(self, ctx: Context) -> Stages:
        change = ctx.project.data.datasets["change"]
        on_axis = change[ctx.segments.row] * ctx.segments.fraction
        er = removals(trail=ctx.trail, change=Value("ΔC_y", Quantity(on_axis, "t CO2e"),
                                                    "computed", "stock estimates"))
        zero = Value("0", Quantity(on_axis * 0.0, "t CO2e"), "fixed", "none")
        return Stages(er, zero, zero, er)


METHODOLOGY = Stock()
'''

PROJECT = '''
name = "stock project"
methodology = "STOCK-01"

[dates]
construction_start = 2019-06-01
crediting_period_type = "fixed"
crediting_period_start = 2020-01-01
crediting_period_end = 2029-12-31

[inputs]
stocks = "stocks.csv"

[[monitoring.periods]]
id = "MP1"
start = 2020-01-01
end = 2021-12-31

[[monitoring.periods]]
id = "MP2"
start = 2022-01-01
end = 2022-12-31
'''

STOCKS = "date,stock\n2019-12-31,0\n2021-12-31,731\n2022-12-31,1096\n"


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Registry]:
    name = f"ccer_stock_plugin_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(PLUGIN), "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield Registry((metadata.EntryPoint(name="STOCK-01", value=f"{name}:METHODOLOGY",
                                            group=GROUP),))
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)


def _project(folder: Path, stocks: str = STOCKS, project: str = PROJECT) -> Path:
    (folder / "p").mkdir(exist_ok=True)
    (folder / "p" / "stocks.csv").write_text(stocks, "utf-8")
    (folder / "p" / "p.toml").write_text(textwrap.dedent(project), "utf-8")
    return folder / "p" / "p.toml"


def test_intervals_become_periods_and_vintages_by_days(tmp_path: Path,
                                                        registry: Registry) -> None:
    r = compute(load_project(_project(tmp_path), registry=registry), registry=registry)
    # 731 t over 2020-01-01..2021-12-31 (731 days: 1 t a day), then 365 t over 2022
    assert [round(p.values["emission_reductions"], 9) for p in r.periods] == [731.0, 365.0]
    assert [(v.year, round(v.values["emission_reductions"], 9)) for v in r.vintages] == [
        (2020, 366.0), (2021, 365.0), (2022, 365.0)]


def test_the_data_digest_is_in_the_fingerprint(tmp_path: Path, registry: Registry) -> None:
    a = compute(load_project(_project(tmp_path), registry=registry), registry=registry)
    changed = STOCKS.replace("1096", "1097")
    b = compute(load_project(_project(tmp_path, changed), registry=registry), registry=registry)
    assert a.fingerprint != b.fingerprint
    assert b.totals["emission_reductions"] == pytest.approx(1097.0)


def test_monitoring_rows_are_refused_for_such_a_plugin(tmp_path: Path,
                                                       registry: Registry) -> None:
    project = PROJECT + '\n[monitoring]\ncsv = "stocks.csv"\n'
    with pytest.raises(InputError, match=r"reads its monitoring data from the files its inputs"):
        load_project(_project(tmp_path, project=project), registry=registry)


def test_the_file_policy_applies(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "outside.csv").write_text(STOCKS, "utf-8")
    project = PROJECT.replace('stocks = "stocks.csv"', 'stocks = "../outside.csv"')
    with pytest.raises(InputError, match=r"inputs.stocks"):
        load_project(_project(tmp_path, project=project), registry=registry)


def test_periods_must_end_on_an_estimate(tmp_path: Path, registry: Registry) -> None:
    project = PROJECT.replace("end = 2021-12-31", "end = 2021-06-30").replace(
        "start = 2022-01-01", "start = 2021-07-01")
    with pytest.raises(InputError, match=r"outside every monitoring period"):
        compute(load_project(_project(tmp_path, project=project), registry=registry),
                registry=registry)
