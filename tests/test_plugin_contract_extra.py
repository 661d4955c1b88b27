"""Registration refuses a bad equation list; compute keeps an intensive column whole (#9).

The equation checks are ``plugin_contract._validate_equations``: ids unique within a methodology,
and every equation's document the methodology's own or one of its declared tool documents.
The intensive column runs through :func:`ccer_calc.api.compute` on monitoring data (not the
ex-ante estimate): a row spanning 1 January shares an extensive column by days and keeps an
intensive one whole in both years.
"""

from __future__ import annotations

import re
from typing import ClassVar

import pint
import pytest
from pydantic import BaseModel, ConfigDict

from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.equation import equation
from ccer_calc.errors import PluginError
from ccer_calc.methodology import Context, Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import ParameterSet, Value
from ccer_calc.plugin_contract import validate_methodology
from ccer_calc.registry import PluginInfo, Registry
from ccer_calc.units import Quantity


def _wind_with(equations: tuple[object, ...]) -> Methodology:
    wind = get_methodology("CCER-01-002-V01")

    class Altered(type(wind)):  # type: ignore[misc]
        pass

    Altered.equations = equations  # type: ignore[assignment]
    return Altered()


def test_a_methodology_listing_one_id_twice_is_refused() -> None:
    eqs = get_methodology("CCER-01-002-V01").equations
    expected = re.escape(f"two equations with the id {eqs[0].meta.id!r}")
    with pytest.raises(PluginError, match=expected):
        validate_methodology(_wind_with((*eqs, eqs[0])), "CCER-01-002-V01", "test")


def test_an_equation_of_an_undeclared_document_is_refused() -> None:
    foreign = get_methodology("ACM0002").equations[0]  # document "ACM0002 [U]"
    eqs = get_methodology("CCER-01-002-V01").equations
    with pytest.raises(PluginError, match=r"of document 'ACM0002 \[U\]', which is neither its "
                                          r"own document nor a declared tool document"):
        validate_methodology(_wind_with((*eqs, foreign)), "CCER-01-002-V01", "test")


def test_the_bundled_equation_list_passes() -> None:
    m = _wind_with(get_methodology("CCER-01-002-V01").equations)
    assert validate_methodology(m, "CCER-01-002-V01", "test") is m


@equation(id="(1)", document="KIND-01", symbol="ER_y", formula="ER_y = Q_y × w_y",
          source="KIND-01 eq. (1)", inputs={"gas": "t", "share": "dimensionless"},
          output="t CO2e", description="gas times its share")
def _share_of_gas(gas: pint.Quantity, share: pint.Quantity) -> pint.Quantity:
    """Q × w, read as t CO2e (test only)."""
    return Quantity((gas * share).m_as("t"), "t CO2e")


class _Inputs(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Kinds(Methodology):
    """One extensive and one intensive column; ER = gas × share."""

    id: ClassVar[str] = "KIND-01"
    version: ClassVar[str] = "V01"
    title_zh = title_en = sector = status = source = "test"
    programme: ClassVar[str] = "CCER"
    document: ClassVar[str] = "KIND-01"
    parameters = ParameterSet(())
    input_model = _Inputs
    monitored_columns = (
        MonitoredColumn("gas", "Q_y", "t", "气体", "gas", "test", "per row"),
        MonitoredColumn("share", "w_y", "dimensionless", "比例", "share", "test", "per row",
                        kind="intensive"))
    checks = ()
    equations = (_share_of_gas,)
    example: ClassVar[str] = "none"

    def compute(self, ctx: Context) -> Stages:
        er = _share_of_gas(trail=ctx.trail, gas=ctx.monitored("gas"),
                           share=ctx.monitored("share"))
        zero = Value("Z", er.quantity * 0, "fixed", "test")
        return Stages(er, zero, zero, er)


def test_compute_keeps_an_intensive_column_whole_across_1_january() -> None:
    m = _Kinds()
    reg = Registry(entry_points=())
    reg._infos = {m.id: [PluginInfo(m.id, "test:M", "test", "0")]}
    reg._loaded[m.id] = m
    data = {"name": "kinds", "methodology": m.id,
            "dates": {"construction_start": "2023-01-01", "crediting_period_start": "2024-12-01",
                      "crediting_period_end": "2034-11-30"},
            "inputs": {},
            # one row of 41 days: 10 in 2024 (22..31 December), 31 in 2025
            "monitoring": {"periods": [{"id": "P1", "start": "2024-12-22", "end": "2025-01-31"}],
                           "data": [{"start": "2024-12-22", "end": "2025-01-31",
                                     "gas": "41 t", "share": "50 %"}]}}
    result = compute(project_from_dict(data, registry=reg), registry=reg)
    by_year = {v.year: v.values["emission_reductions"] for v in result.vintages}
    # extensive gas: 41 t × 10/41 = 10 t in 2024, 31 t in 2025; intensive share: 0.5 in both
    assert by_year == pytest.approx({2024: 10 * 0.5, 2025: 31 * 0.5}, rel=1e-12)
    (entry,) = [e for e in result.trail.entries if e.equation == "(1)"]
    refs = {v.symbol: v.ref for v in entry.inputs}
    assert refs["w_y"] == "monitoring data, column share (intensive: rows spanning 1 January " \
                          "hold in both years)"
    assert refs["Q_y"] == "monitoring data, column gas (rows spanning 1 January apportioned " \
                          "by days)"


def test_an_input_field_in_an_unknown_unit_is_refused_at_registration() -> None:
    """Quantity fields parse their unit lazily; registration still refuses a misspelt one."""
    from pydantic import Field  # noqa: PLC0415

    from ccer_calc.fields import quantity_field  # noqa: PLC0415

    wind = get_methodology("CCER-01-002-V01")

    class Nested(BaseModel):
        flow: quantity_field("Nm3/jiffyx")  # type: ignore[valid-type]

    class BadInputs(wind.input_model):  # type: ignore[misc,name-defined]
        extra_power: quantity_field("MWatt") = Field(None)  # type: ignore[valid-type]
        nested: dict[str, Nested] = Field(default_factory=dict)

    class Altered(type(wind)):  # type: ignore[misc]
        input_model = BadInputs

    with pytest.raises(PluginError, match=r"declares input fields in unknown units: ") as e:
        validate_methodology(Altered(), "CCER-01-002-V01", "test")
    listed = str(e.value).split("unknown units: ")[1].split(" (expected ")[0].split("; ")
    assert sorted(listed) == ["extra_power: MWatt", "nested.flow: Nm3/jiffyx"]
    assert validate_methodology(wind, "CCER-01-002-V01", "test") is wind
