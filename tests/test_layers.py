"""Layers import downward only, and no module-level import cycle exists (issue #9).

DESIGN.md's layers, as built: base (units, errors and other leaf helpers) < core (parameters,
equations, trail, periods, crediting, project, methodology, rules, result, registry) < tools and
io (io may read the tools' record types; the sink plug-ins' base, sink_methodology, wires the
two for the plug-ins) < api (with preparation), stacking, batch and
estimation < documents and verify < server < cli.
Imports inside functions (deferred on purpose, to keep start-up light) are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "ccer_calc"

BASE = {"units", "errors", "bilingual", "plugin_info", "bounds", "fsutil", "document_kinds",
        "extras", "verification", "jsontext"}
CORE = {"parameters", "trail", "periods", "equation", "project", "methodology", "rules",
        "result", "fingerprint", "findings", "datatables", "registry", "gwp", "schema",
        "fields", "expected", "plugin_extras", "instants", "crediting", "project_spec",
        "plugin_contract"}


LAYERS = [(BASE, 0), (CORE, 1), ({"tools"}, 2), ({"io", "sink_methodology"}, 3),
          ({"api", "preparation", "stacking", "batch", "estimation"}, 4),
          ({"documents", "verify"}, 5), ({"server"}, 6), ({"cli", "__main__"}, 7)]


def _rank(module: str) -> int:
    if module == "ccer_calc":
        return 0
    top = module.removeprefix("ccer_calc.").split(".")[0]
    for names, rank in LAYERS:
        if top in names:
            return rank
    msg = f"{module} has no layer; add it to tests/test_layers.py"
    raise AssertionError(msg)


def _modules() -> dict[str, set[str]]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        deps = set()
        for node in ast.parse(path.read_text("utf-8")).body:  # module level only
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.startswith("ccer_calc"):
                deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("ccer_calc")}
        out[".".join(parts)] = deps
    return out


MODULES = _modules()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_or_sideways(module: str) -> None:
    upward = [d for d in MODULES[module] if _rank(d) > _rank(module)]
    assert upward == [], f"{module} imports a higher layer"


def test_the_core_imports_no_tool_and_no_methodology() -> None:
    for module, deps in MODULES.items():
        assert not any(d.startswith("methodologies") for d in deps), module
        if _rank(module) <= 1:
            assert not any(d.startswith("ccer_calc.tools") for d in deps), module


def test_no_module_level_import_cycle() -> None:
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in MODULES.get(m, ()):
            if d not in MODULES:
                continue
            if state.get(d) == 1:
                raise AssertionError(" -> ".join([*path, m, d]))
            if d not in state:
                visit(d, [*path, m])
        state[m] = 2

    for m in sorted(MODULES):
        if m not in state:
            visit(m, [])
