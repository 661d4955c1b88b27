"""Issue #9's trail contract over every bundled project file, not only the two examples.

Each ``methodologies/*/data/*.toml`` that is a project file (it names a methodology; the
engagement file does not) is computed when it carries monitoring data and estimated ex ante
otherwise. Every trail entry must cite its methodology's own document or a tool document the
methodology declares (with its version), and no entry's source may name another installed
methodology's document.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.estimation import estimate
from ccer_calc.trail import Trail

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
FILES = sorted(p for p in ROOT.glob("*/data/*.toml")
               if "methodology" in tomllib.loads(p.read_text("utf-8")))
LOADABLE = [m["id"] for m in list_methodologies() if m.get("status") != "broken"]


def test_every_plugin_has_files_here() -> None:
    folders = {p.parts[-3] for p in FILES}
    assert len(folders) == len(LOADABLE)
    assert len(FILES) > 2 * len(LOADABLE)  # the variants too, not only example + ex ante


def _trail(path: Path) -> tuple[str, Trail]:
    project = load_project(path)
    if project.spec.monitoring is None:
        return project.methodology_id, estimate(project).result.trail
    return project.methodology_id, compute(project).trail


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_trail_cites_only_declared_documents(path: Path) -> None:
    mid, trail = _trail(path)
    m = get_methodology(mid)
    own = {m.document, *m.tool_documents}
    others = {get_methodology(o).document.split(" ")[0] for o in LOADABLE if o != mid}
    assert trail.entries
    for e in trail.entries:
        assert e.document in own, (path.name, e.key, e.document)
        assert e.document == m.document or " v" in e.document, (e.key, e.document)
        foreign = [o for o in others if o in e.source]
        assert not foreign, (path.name, e.key, e.source)
