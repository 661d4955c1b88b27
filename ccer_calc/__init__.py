"""ccer-calc: emission reductions under China's CCER methodologies, equation by equation.

Library API::

    from ccer_calc import load_project, compute
    result = compute(load_project("project.toml"))
    print(result.to_json())
"""

from __future__ import annotations

from ccer_calc.api import (
    compute,
    engine_version,
    get_methodology,
    list_methodologies,
    load_project,
    project_from_dict,
)

__all__ = [
    "__version__",
    "compute",
    "get_methodology",
    "list_methodologies",
    "load_project",
    "project_from_dict",
]

__version__ = engine_version()
