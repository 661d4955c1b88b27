"""STYLE practice 4 for the A/R tools: every equation's docstring agrees with its declaration.

The engine-wide check (tests/test_docs_match_code.py) covers the equations of loadable
methodologies; no plug-in uses these tools yet, so this test walks the tool modules directly:
Parameters name the declared inputs in order with their units, Returns carries the output
unit, Notes tags the math with the equation id, and the document is the tool with its version.
"""

import importlib
import inspect
import pkgutil
import re

import pytest

from ccer_calc.equation import ANY, SAME_AS
from ccer_calc.tools import forestry
from ccer_calc.units import Quantity, parse_unit

_HEADER = re.compile(r"^(\w[\w ]*)\n-+$", re.MULTILINE)
_ITEM = re.compile(r"^(\w[\w, ]*?)\s*:\s*\S")
_UNIT = re.compile(r"\[([^\[\]]+)\]")
_DOCUMENTS = {"AR-TOOL14 v04.2", "AR-TOOL12 v03.1", "AR-TOOL16 v01.1.0", "AR-TOOL08 v04.0.0",
              "AR-TOOL15 v02.0", "Chapman-Richards growth function"}


def _equations():
    out = {}
    for info in pkgutil.iter_modules(forestry.__path__):
        module = importlib.import_module(f"{forestry.__name__}.{info.name}")
        for name, obj in vars(module).items():
            if hasattr(obj, "meta") and getattr(obj, "__module__", "") == module.__name__:
                out[f"{info.name}.{name}"] = obj
    return out


EQUATIONS = _equations()


def _sections(doc):
    text = inspect.cleandoc(doc)
    heads = list(_HEADER.finditer(text))
    return {h.group(1): text[h.end():heads[i + 1].start() if i + 1 < len(heads) else None]
            for i, h in enumerate(heads)}


def _items(section):
    items = []
    for line in section.splitlines():
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            m = _ITEM.match(line)
            items.append((m.group(1) if m else line.strip(), []))
        elif items:
            items[-1][1].append(line.strip())
    return [(n, " ".join(d)) for n, d in items]


def _same_unit(a, b):
    ua, ub = parse_unit(a), parse_unit(b)
    return ua.dimensionality == ub.dimensionality and Quantity(1.0, ua).to(ub).magnitude == \
        pytest.approx(1.0, rel=1e-12)


def test_every_tool_equation_is_found():
    ids = {eq.meta.id for eq in EQUATIONS.values()}
    assert len(ids) == len(EQUATIONS)  # ids are unique
    for n in range(1, 28):
        assert f"AR-TOOL14 ({n})" in ids
    for n in range(1, 9):
        assert f"AR-TOOL14 App. 1 ({n})" in ids
    for n in range(1, 18):
        assert f"AR-TOOL12 ({n})" in ids
    assert {f"AR-TOOL16 ({n})" for n in (1, 2, 4, 5, 6, 7, 8)} <= ids
    assert {f"AR-TOOL08 ({n})" for n in (1, 3, 4, 5, 6, 7, 8)} <= ids
    assert {f"AR-TOOL15 ({n})" for n in (1, 2, 3)} <= ids
    assert {"AR-TOOL14 App. 3 (1)", "AR-TOOL14 App. 3 (2)", "AR-TOOL14 App. 2 (project)",
            "AR-TOOL14 App. 2 (baseline)"} <= ids


@pytest.mark.parametrize("name", sorted(EQUATIONS))
def test_docstring_matches_declaration(name):
    eq = EQUATIONS[name]
    sections = _sections(eq.__doc__ or "")
    params = _items(sections["Parameters"])
    assert [n for n, _ in params] == list(eq.meta.inputs)
    for pname, desc in params:
        unit = _UNIT.search(desc)
        assert unit is not None, f"{name}: {pname} has no [unit]"
        declared = eq.meta.inputs[pname]
        if declared == ANY:
            assert unit.group(1).startswith("any unit")
        else:
            assert _same_unit(unit.group(1), declared), (pname, unit.group(1), declared)
    ret = _UNIT.search(_items(sections["Returns"])[0][1]).group(1)
    if eq.meta.output.startswith(SAME_AS):
        assert ret == f"unit of ``{eq.meta.output.removeprefix(SAME_AS)}``"
    else:
        assert _same_unit(ret, eq.meta.output), (ret, eq.meta.output)
    assert f"\\tag{{{eq.meta.id}}}" in sections["Notes"]
    assert eq.meta.document in _DOCUMENTS
    assert "Examples" in sections and ">>>" in sections["Examples"]
