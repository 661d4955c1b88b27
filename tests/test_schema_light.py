"""The JSON Schema from a bundled plug-in's light INFO equals the one from the loaded plug-in (#9).

``ccer-calc schema`` builds it from ``INFO`` (``tests/test_startup.py`` shows that imports
neither pint nor numpy); the HTTP service and the library from the loaded methodology. The
registry refuses an ``INFO`` that disagrees with its methodology; these tests compare the
schemas themselves and the fields they come from.
"""

from __future__ import annotations

import pytest

from ccer_calc.api import get_methodology
from ccer_calc.plugin_info import ColumnInfo, disagreements
from ccer_calc.registry import default_registry
from ccer_calc.result import canonical_json
from ccer_calc.schema import methodology_schema, per_project_columns, project_schema

IDS = default_registry().ids()


def test_every_bundled_methodology_is_registered() -> None:
    assert len(IDS) == 7


@pytest.mark.parametrize("mid", IDS)
def test_info_describes_the_schema_the_methodology_gives(mid: str) -> None:
    light = default_registry().light_info(mid)
    assert light is not None and light.describes_schema
    m = get_methodology(mid)
    assert disagreements(light, m) == []
    assert light.input_model is m.input_model
    assert light.expected_model is m.expected_model
    assert light.monitored == tuple(ColumnInfo(c.name, c.unit, c.kind)
                                    for c in m.monitored_columns)
    assert per_project_columns(light) == per_project_columns(m)
    assert canonical_json(project_schema(light)) == canonical_json(project_schema(m))
    assert methodology_schema(mid) == project_schema(m)


def test_info_without_the_schema_fields_cannot_describe_it() -> None:
    light = default_registry().light_info("CCER-01-002-V01")
    assert light is not None
    bare = type(light)(**{k: getattr(light, k) for k in ("id", "version", "title_zh",
                                                         "title_en", "sector", "status",
                                                         "programme", "document")})
    assert not bare.describes_schema
    with pytest.raises(AttributeError, match="INFO of CCER-01-002-V01 names no inputs model"):
        project_schema(bare)
