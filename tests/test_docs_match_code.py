"""STYLE practice 4: every equation's docstring agrees with its declared inputs and units.

For each equation of each loadable methodology, the numpydoc ``Parameters`` section names
exactly the declared inputs, in order, and each ``[unit]`` equals the declared unit (compared
through the unit registry, so ``t CO2e`` and ``t CO2`` are the same). ``Returns`` carries the
declared output unit.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

from ccer_calc.api import get_methodology, list_methodologies
from ccer_calc.equation import ANY, SAME_AS, Equation
from ccer_calc.units import Quantity, parse_unit

_HEADER = re.compile(r"^(\w[\w ]*)\n-+$", re.MULTILINE)
_ITEM = re.compile(r"^(\w[\w, ]*?)\s*:\s*\S")
_UNIT = re.compile(r"\[([^\[\]]+)\]")  # the first [...] of a description is its unit


def _loadable() -> list[str]:
    return [m["id"] for m in list_methodologies() if m.get("status") != "broken"]


def _equations() -> list[tuple[str, Equation]]:
    out = []
    for mid in _loadable():
        for eq in get_methodology(mid).equations:
            out.append((mid, eq))
    return out


def _sections(doc: str) -> dict[str, str]:
    text = inspect.cleandoc(doc)
    heads = list(_HEADER.finditer(text))
    return {h.group(1): text[h.end():heads[i + 1].start() if i + 1 < len(heads) else None]
            for i, h in enumerate(heads)}


def _items(section: str) -> list[tuple[str, str]]:
    """(name, description) for every item of a numpydoc section."""
    items: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            m = _ITEM.match(line)
            items.append((m.group(1) if m else line.strip(), []))
        elif items:
            items[-1][1].append(line.strip())
    return [(name, " ".join(desc)) for name, desc in items]


def _doc_unit(description: str) -> str | None:
    m = _UNIT.search(description)
    return m.group(1).strip() if m else None


def _same_unit(a: str, b: str) -> bool:
    ua, ub = parse_unit(a), parse_unit(b)
    if ua.dimensionality != ub.dimensionality:
        return False
    return Quantity(1.0, ua).to(ub).magnitude == pytest.approx(1.0, rel=1e-12)


def _tool_equations() -> list[tuple[str, Equation]]:
    """Every decorated equation of the shared tools, used by a plug-in or not."""
    import ccer_calc.tools  # noqa: PLC0415

    out: dict[str, tuple[str, Equation]] = {}
    for info in pkgutil.iter_modules(ccer_calc.tools.__path__):
        module = importlib.import_module(f"ccer_calc.tools.{info.name}")
        for obj in vars(module).values():
            if callable(obj) and hasattr(obj, "meta") and obj.__module__ == module.__name__:
                out[obj.meta.id] = (f"tools.{info.name}", obj)
    return list(out.values())


EQUATIONS = _equations() + _tool_equations()


def test_there_are_equations_to_check() -> None:
    # the offshore wind plug-in alone declares eight
    assert len(EQUATIONS) >= 8


def _id(item: tuple[str, Equation]) -> str:
    return f"{item[0]}:{item[1].meta.id}"


@pytest.mark.parametrize("item", EQUATIONS, ids=[_id(e) for e in EQUATIONS])
def test_documented_parameters_equal_declared_inputs(item: tuple[str, Equation]) -> None:
    _, eq = item
    sections = _sections(eq.__doc__ or "")
    assert "Parameters" in sections, f"{eq.meta.id}: no Parameters section"
    names = [n for n, _ in _items(sections["Parameters"])]
    assert names == list(eq.meta.inputs)


@pytest.mark.parametrize("item", EQUATIONS, ids=[_id(e) for e in EQUATIONS])
def test_documented_units_equal_declared_units(item: tuple[str, Equation]) -> None:
    _, eq = item
    for name, desc in _items(_sections(eq.__doc__ or "")["Parameters"]):
        declared = eq.meta.inputs[name]
        documented = _doc_unit(desc)
        assert documented is not None, f"{eq.meta.id}: {name} has no [unit] in its docstring"
        if declared == ANY:
            assert documented.startswith("any unit"), (eq.meta.id, name, documented)
        else:
            assert _same_unit(documented, declared), (eq.meta.id, name, documented, declared)


@pytest.mark.parametrize("item", EQUATIONS, ids=[_id(e) for e in EQUATIONS])
def test_documented_output_unit_equals_declared_output(item: tuple[str, Equation]) -> None:
    _, eq = item
    returns = _items(_sections(eq.__doc__ or "")["Returns"])
    assert len(returns) == 1
    documented = _doc_unit(returns[0][1])
    assert documented is not None, f"{eq.meta.id}: Returns has no [unit]"
    if eq.meta.output.startswith(SAME_AS):
        source = eq.meta.output.removeprefix(SAME_AS)
        assert documented == f"unit of ``{source}``"
    else:
        assert _same_unit(documented, eq.meta.output), (eq.meta.id, documented, eq.meta.output)


@pytest.mark.parametrize("item", EQUATIONS, ids=[_id(e) for e in EQUATIONS])
def test_docstring_cites_the_equation_id_in_its_math(item: tuple[str, Equation]) -> None:
    _, eq = item
    notes = _sections(eq.__doc__ or "").get("Notes", "")
    assert ".. math::" in notes
    # the tag is the id, without the parentheses of a plain number: "(1)" is tagged 1
    number = re.fullmatch(r"\((\w+)\)", eq.meta.id)
    tag = number.group(1) if number else eq.meta.id
    assert f"\\tag{{{tag}}}" in notes


def test_parser_reads_a_known_docstring() -> None:
    # guard against a parser that silently finds nothing
    from methodologies.ccer_01_002_v01.equations import (  # noqa: PLC0415
        net_electricity_delivered,
    )

    items = _items(_sections(net_electricity_delivered.__doc__ or "")["Parameters"])
    assert [(n, _doc_unit(d)) for n, d in items] == [
        ("electricity_exported", "MWh"), ("electricity_imported", "MWh")]
