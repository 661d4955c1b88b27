"""ccer-calc: emission reductions under China's CCER methodologies, equation by equation.

Library API::

    from ccer_calc import load_project, compute, estimate
    result = compute(load_project("project.toml"))
    print(result.to_json())
    print(estimate(load_project("project.toml")).to_json())   # the PDD's ex-ante estimate

The names below are loaded on first use, so that ``import ccer_calc`` (and with it the command
line's ``--help``) does not build the unit registry or import numpy and pint.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ccer_calc.api import (
        compute,
        get_methodology,
        list_methodologies,
        load_project,
        project_from_dict,
    )
    from ccer_calc.estimation import estimate

__all__ = [
    "__version__",
    "compute",
    "estimate",
    "get_methodology",
    "list_methodologies",
    "load_project",
    "project_from_dict",
]

_API = {"compute", "get_methodology", "list_methodologies", "load_project", "project_from_dict"}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the named API object is
    if name in _API:
        return getattr(import_module("ccer_calc.api"), name)
    if name == "estimate":
        return import_module("ccer_calc.estimation").estimate
    if name == "__version__":
        return import_module("ccer_calc.api").engine_version()
    msg = f"module 'ccer_calc' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(__all__)
