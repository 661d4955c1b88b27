"""``ccer-calc show`` prints each monitored column's kind and the columns a project adds (#9).

The static columns are not all a project monitors: ACM0002 adds ``generation`` for a reservoir
and a column per fuel, solar thermal (CCER-01-001-V01) a ``fuel_<key>`` column per fuel.
``show`` says so, from the same description ``schema`` reads.
"""

from __future__ import annotations

import io
import json

import pytest

from ccer_calc.api import get_methodology
from ccer_calc.cli import main
from ccer_calc.schema import project_schema


def _show(*argv: str) -> str:
    out = io.StringIO()
    assert main(["show", *argv], out=out) == 0
    return out.getvalue()


def _monitored_rows(text: str) -> list[list[str]]:
    block = text.split("Monitored data")[1].split("\n\n", maxsplit=1)[0].splitlines()
    return [row.split() for row in block[1:] if not row.startswith(("-", " "))]


@pytest.mark.parametrize("mid", ["ACM0002", "CCER-01-001-V01", "CCER-01-002-V01"])
def test_show_prints_the_kind_of_every_column(mid: str) -> None:
    text = _show(mid)
    header, *rows = _monitored_rows(text)
    assert header[:4] == ["symbol", "column", "unit", "kind"]
    kinds = {c.name: c.kind for c in get_methodology(mid).monitored_columns}
    assert {r[1]: r[3] for r in rows} == kinds


@pytest.mark.parametrize(("mid", "note"), [
    ("ACM0002", "Export and import; total generation for a reservoir; one column per fuel"),
    ("CCER-01-001-V01", "Export and import, then one column fuel_<key> per fuel (t or 万Nm3)"),
])
def test_show_says_which_columns_depend_on_the_project(mid: str, note: str) -> None:
    text = _show(mid)
    assert f"  per project: {note} (the project file decides which)" in text
    assert note in project_schema(get_methodology(mid))["description"]  # one source
    assert json.loads(_show(mid, "--json"))["columns_per_project"] == note


def test_show_has_no_note_where_the_columns_are_fixed() -> None:
    text = _show("CCER-01-002-V01")
    assert "per project:" not in text
    assert json.loads(_show("CCER-01-002-V01", "--json"))["columns_per_project"] is None
