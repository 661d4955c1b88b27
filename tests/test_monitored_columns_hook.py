"""The Methodology.monitored_columns_for hook: monitored columns that depend on the inputs."""

from typing import ClassVar

import numpy as np
import pytest
from pydantic import BaseModel

from ccer_calc.errors import InputError
from ccer_calc.io.projectfile import build_project
from ccer_calc.methodology import Context, Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import ParameterSet

_EXPORT = MonitoredColumn("export", "EG", "MWh", "上网电量", "export", "test", "monthly")


class _Inputs(BaseModel):
    fuels: list[str] = []


class _Static(Methodology):
    id: ClassVar[str] = "TEST-STATIC"
    version: ClassVar[str] = "V01"
    title_zh = title_en = sector = status = source = "test"
    parameters = ParameterSet(())
    input_model = _Inputs
    monitored_columns = (_EXPORT,)
    checks = ()
    equations = ()
    example = "none"

    def compute(self, ctx: Context) -> Stages:  # pragma: no cover - not computed here
        raise NotImplementedError


class _PerFuel(_Static):
    id: ClassVar[str] = "TEST-PER-FUEL"

    def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
        assert isinstance(inputs, _Inputs)
        return self.monitored_columns + tuple(
            MonitoredColumn(f"fuel_{f}", f"FC_{f}", "t", f, f, "test", "monthly")
            for f in inputs.fuels)


def _data(mid: str, row: dict[str, object]) -> dict[str, object]:
    return {"name": "t", "methodology": mid,
            "dates": {"construction_start": "2021-01-01", "crediting_period_start": "2024-01-01",
                      "crediting_period_end": "2033-12-31"},
            "inputs": {"fuels": ["diesel"]},
            "monitoring": {"periods": [{"id": "P", "start": "2024-01-01", "end": "2024-01-31"}],
                           "data": [{"start": "2024-01-01", "end": "2024-01-31", **row}]}}


def test_default_hook_returns_the_static_columns():
    m = _Static()
    assert m.monitored_columns_for(_Inputs(fuels=["x"])) == (_EXPORT,)
    assert m.column("export", _Inputs()) is _EXPORT


def test_project_columns_are_read_and_looked_up():
    m = _PerFuel()
    p = build_project(_data(m.id, {"export": "10 MWh", "fuel_diesel": "500 kg"}), m, None, None)
    np.testing.assert_allclose(p.table.columns["fuel_diesel"].m_as("t"), [0.5], rtol=1e-12)
    assert m.column("fuel_diesel", p.inputs).unit == "t"
    with pytest.raises(KeyError):
        m.column("fuel_diesel")  # not a static column


def test_missing_project_column_is_refused():
    m = _PerFuel()
    with pytest.raises(InputError, match=r"fuel_diesel: missing monitored value"):
        build_project(_data(m.id, {"export": "10 MWh"}), m, None, None)
