"""Every Sphinx cross-reference in the engine's and plug-ins' source names an object that exists.

A reference to a removed module (``ccer_calc.tools.grid_emission_factor``, gone since #9) sends a
reader looking for code that is no longer there.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_REF = re.compile(r":(?:mod|func|class|meth|attr|data|obj|exc):`~?((?:ccer_calc|methodologies)"
                  r"\.[\w.]+)`")


def _references() -> list[tuple[str, str]]:
    out = set()
    for folder in ("ccer_calc", "methodologies"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            out |= {(str(path.relative_to(ROOT)), m) for m in _REF.findall(text)}
    return sorted(out)


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return False
        return True
    return False


REFERENCES = _references()


def test_there_are_references_to_check() -> None:
    assert len(REFERENCES) > 50


@pytest.mark.parametrize(("path", "target"), REFERENCES)
def test_reference_resolves(path: str, target: str) -> None:
    assert _resolves(target), f"{path} cites {target}, which does not exist"


def test_a_removed_module_is_caught() -> None:
    assert not _resolves("ccer_calc.tools.grid_emission_factor.combined_margin_factor")
