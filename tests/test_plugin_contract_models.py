"""Registration checks the expected model's units and the per-project columns' note.

``plugin_contract.validate_methodology`` parses the declared unit of every quantity field of
the ``input_model`` and, as the schema and ``estimate`` read it too, of the ``expected_model``;
and a methodology whose monitored columns depend on the project says how in
``columns_per_project`` (the schema and ``show`` print it).
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pydantic import BaseModel, Field

from ccer_calc.api import get_methodology
from ccer_calc.errors import PluginError
from ccer_calc.fields import quantity_field
from ccer_calc.methodology import Methodology, MonitoredColumn
from ccer_calc.plugin_contract import validate_methodology


def test_an_expected_field_in_an_unknown_unit_is_refused_at_registration() -> None:
    wind = get_methodology("CCER-01-002-V01")

    class Nested(BaseModel):
        flow: quantity_field("Nm3/jiffyx")  # type: ignore[valid-type]

    class OwnTables(BaseModel):
        rows: list[Nested] = Field(default_factory=list)

    class Altered(type(wind)):  # type: ignore[misc]
        expected_model = OwnTables

    with pytest.raises(PluginError, match=r"declares expected fields in unknown units: ") as e:
        validate_methodology(Altered(), "CCER-01-002-V01", "test")
    assert e.value.problem.endswith("unknown units: rows.flow: Nm3/jiffyx")
    assert e.value.expected is not None and "units" in e.value.expected


def test_columns_per_project_is_required_where_the_columns_depend_on_the_project() -> None:
    wind = get_methodology("CCER-01-002-V01")

    class PerProject(type(wind)):  # type: ignore[misc]
        def monitored_columns_for(self, inputs: BaseModel) -> tuple[MonitoredColumn, ...]:
            del inputs
            return self.monitored_columns

    with pytest.raises(PluginError, match=r"leaves columns_per_project None") as e:
        validate_methodology(PerProject(), "CCER-01-002-V01", "test")
    assert e.value.expected is not None

    class Said(PerProject):
        columns_per_project: ClassVar[str | None] = "export and import, nothing else"

    m: Any = Said()
    assert validate_methodology(m, "CCER-01-002-V01", "test") is m
    assert m.describe()["columns_per_project"] == "export and import, nothing else"


def test_info_fills_only_what_the_class_does_not_set() -> None:
    wind = get_methodology("CCER-01-002-V01")

    class Renamed(type(wind)):  # type: ignore[misc]
        info = type(wind).info
        title_en = "another title"

    assert Renamed.title_en == "another title"
    assert (Renamed.id, Renamed.title_zh) == (wind.id, wind.title_zh)
    assert isinstance(Renamed(), Methodology)
