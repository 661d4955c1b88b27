"""A methodology from another distribution registers through the entry-point mechanism.

The test writes, into a temporary folder on ``sys.path``, a package with one plug-in and the
``*.dist-info`` metadata an installer would write (``METADATA`` and ``entry_points.txt``), so
``importlib.metadata`` finds it exactly as it finds an installed distribution: the procedure
``docs/adding-a-methodology.md`` describes. The plug-in is a small methodology of its own
(BE = activity × factor, PE = 0, LE = 0), not a subclass of a built-in one.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccer_calc.api import compute, list_methodologies, load_project
from ccer_calc.errors import PluginError
from ccer_calc.registry import Registry
from ccer_calc.schema import methodology_schema, project_schema

PACKAGE = "ccer_demo_plugin"

INIT = '''
"""A demonstration plug-in: the light INFO, and the methodology loaded on first use."""
from ccer_calc.plugin_info import MethodologyInfo

INFO = MethodologyInfo(id="DEMO-01", version="V01", title_zh="演示方法学",
                       title_en="Demonstration methodology", sector="demo",
                       status="demonstration only", programme="CCER", document="DEMO-01")


def __getattr__(name):
    if name == "METHODOLOGY":
        from ccer_demo_plugin.methodology import METHODOLOGY
        return METHODOLOGY
    raise AttributeError(name)
'''

METHODOLOGY = '''
from typing import ClassVar

import pint
from pydantic import BaseModel, ConfigDict

from ccer_calc.equation import equation
from ccer_calc.methodology import Context, Methodology, MonitoredColumn, Stages
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_demo_plugin import INFO


@equation(id="(1)", document="DEMO-01", symbol="BE_y", formula="BE_y = A_y × EF",
          source="DEMO-01 eq. (1)", inputs={"activity": "MWh", "factor": "t CO2/MWh"},
          output="t CO2e", description="baseline emissions")
def baseline(activity: pint.Quantity, factor: pint.Quantity) -> pint.Quantity:
    return activity * factor


@equation(id="(2)", document="DEMO-01", symbol="ER_y", formula="ER_y = BE_y − PE_y − LE_y",
          source="DEMO-01 eq. (2)", inputs={"be": "t CO2e", "pe": "t CO2e", "le": "t CO2e"},
          output="t CO2e", description="reductions")
def reductions(be: pint.Quantity, pe: pint.Quantity, le: pint.Quantity) -> pint.Quantity:
    return be - pe - le


class Inputs(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Demo(Methodology):
    id: ClassVar[str] = INFO.id
    version: ClassVar[str] = INFO.version
    title_zh: ClassVar[str] = INFO.title_zh
    title_en: ClassVar[str] = INFO.title_en
    sector: ClassVar[str] = INFO.sector
    status: ClassVar[str] = INFO.status
    programme: ClassVar[str] = INFO.programme
    document: ClassVar[str] = INFO.document
    source: ClassVar[str] = "DEMO-01"
    parameters = ParameterSet((Parameter(
        name="factor", symbol="EF", unit="t CO2/MWh", description_zh="因子",
        description_en="factor", source="DEMO-01 Table 1", kind="fixed", default=0.5),))
    input_model = Inputs
    monitored_columns = (MonitoredColumn(
        name="activity", symbol="A_y", unit="MWh", description_zh="活动水平",
        description_en="activity", source="DEMO-01 Table 2", frequency="monthly"),)
    checks = ()
    equations = (baseline, reductions)
    example: ClassVar[str] = "example.toml"

    def compute(self, ctx: Context) -> Stages:
        be = baseline(trail=ctx.trail, activity=ctx.monitored("activity"),
                      factor=ctx.param("factor"))
        zero = be.quantity * 0
        from ccer_calc.parameters import Value
        pe = Value("PE_y", zero, "fixed", "DEMO-01: no project emissions")
        le = Value("LE_y", zero, "fixed", "DEMO-01: no leakage")
        er = reductions(trail=ctx.trail, be=be, pe=pe, le=le)
        return Stages(be, pe, le, er)


METHODOLOGY = Demo()
'''

PROJECT = '''
name = "demo project"
methodology = "DEMO-01"

[dates]
construction_start = 2021-01-01
crediting_period_start = 2024-01-01
crediting_period_end = 2024-12-31

[[monitoring.periods]]
id = "MP1"
start = 2024-01-01
end = 2024-02-29

[[monitoring.data]]
start = 2024-01-01
end = 2024-01-31
activity = "100 MWh"

[[monitoring.data]]
start = 2024-02-01
end = 2024-02-29
activity = "300 MWh"
'''


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """The demo distribution 'installed' into a folder on sys.path."""
    pkg = tmp_path / PACKAGE
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(INIT), "utf-8")
    (pkg / "methodology.py").write_text(textwrap.dedent(METHODOLOGY), "utf-8")
    info = tmp_path / "ccer_demo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ccer-demo-plugin\n"
                                   "Version: 0.1\n", "utf-8")
    (info / "entry_points.txt").write_text(
        "[ccer_calc.methodologies]\nDEMO-01 = ccer_demo_plugin:METHODOLOGY\n", "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
            del sys.modules[name]
        shutil.rmtree(pkg)


def test_the_distribution_is_found_through_its_entry_point(installed: Path) -> None:
    reg = Registry()  # reads the entry points of everything on sys.path, as installed
    assert "DEMO-01" in reg.ids()
    info = reg.info("DEMO-01")
    assert (info.distribution, info.distribution_version) == ("ccer-demo-plugin", "0.1")
    listed = {m["id"]: m for m in reg.describe_all(load=False)}
    assert listed["DEMO-01"]["title_en"] == "Demonstration methodology"
    assert f"{PACKAGE}.methodology" not in sys.modules  # listing read INFO only
    assert {"CCER-01-002-V01", "DEMO-01"} <= {m["id"] for m in
                                             list_methodologies(registry=reg)}


def test_the_plugin_computes_a_project(installed: Path) -> None:
    reg = Registry()
    (installed / "demo.toml").write_text(textwrap.dedent(PROJECT), "utf-8")
    result = compute(load_project(installed / "demo.toml", registry=reg), registry=reg)
    assert result.totals["emission_reductions"] == pytest.approx(400 * 0.5, rel=1e-12)
    assert [e.key for e in result.trail.entries] == ["(1)", "(2)"]
    assert result.versions["plugin"] == "ccer-demo-plugin 0.1"


def test_info_disagreeing_with_the_methodology_is_refused(installed: Path) -> None:
    code = installed / PACKAGE / "methodology.py"
    code.write_text(code.read_text("utf-8").replace('version: ClassVar[str] = INFO.version',
                                                    'version: ClassVar[str] = "V02"'), "utf-8")
    reg = Registry()
    with pytest.raises(PluginError, match=r"INFO that disagrees with the loaded methodology on "
                                        r"version"):
        reg.get("DEMO-01")


def test_schema_of_a_plugin_whose_info_names_no_models_loads_it(installed: Path) -> None:
    """An INFO without the schema fields (written before them) still gives the schema (#9)."""
    reg = Registry()
    schema = methodology_schema("DEMO-01", reg)
    assert f"{PACKAGE}.methodology" in sys.modules  # loaded in full for the schema
    assert schema["title"] == "DEMO-01 演示方法学 project file"
    assert "Monitored columns: activity [MWh]." in schema["description"]
    assert schema == project_schema(reg.get("DEMO-01"))


def _with_schema_fields(installed: Path, unit: str) -> None:
    init = installed / PACKAGE / "__init__.py"
    init.write_text(init.read_text("utf-8").replace(
        'document="DEMO-01")',
        f'document="DEMO-01", inputs="{PACKAGE}.methodology:Inputs", '
        f'monitored=(ColumnInfo("activity", "{unit}"),))').replace(
        "import MethodologyInfo", "import ColumnInfo, MethodologyInfo"), "utf-8")


def test_schema_from_an_info_naming_its_models_equals_the_loaded_ones(installed: Path) -> None:
    _with_schema_fields(installed, "MWh")
    reg = Registry()
    light = reg.light_info("DEMO-01")
    assert light is not None and light.describes_schema
    assert project_schema(light) == project_schema(reg.get("DEMO-01"))  # get() checks INFO


def test_info_disagreeing_on_a_monitored_column_is_refused(installed: Path) -> None:
    _with_schema_fields(installed, "kWh")
    with pytest.raises(PluginError, match=r"INFO that disagrees with the loaded methodology on "
                                        r"monitored \(expected "):
        Registry().get("DEMO-01")


def test_info_naming_a_model_that_does_not_import_is_refused(installed: Path) -> None:
    init = installed / PACKAGE / "__init__.py"
    init.write_text(init.read_text("utf-8").replace(
        'document="DEMO-01")', 'document="DEMO-01", inputs="ccer_demo_plugin.nowhere:Inputs")'),
        "utf-8")
    with pytest.raises(PluginError, match=r"INFO whose models do not load "
                                        r"\(ModuleNotFoundError"):
        Registry().get("DEMO-01")
