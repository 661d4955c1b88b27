"""Numbers a document reads back from a result's trail, by the key of an evaluation.

The sink parts of the documents (:mod:`.sinks`, :mod:`.sink_gases`) show what the A/R tools
evaluated; they find it by the equation object's id (``equation.meta.id``) and the instance
label, the key the trail gives each evaluation (:attr:`ccer_calc.trail.TrailEntry.key`).
Nothing is computed again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from ccer_calc.equation import Equation
    from ccer_calc.result import Result
    from ccer_calc.trail import TrailEntry

__all__ = ["entries", "input_value", "key", "scalar"]


def entries(result: Result) -> dict[str, TrailEntry]:
    """The result's trail entries by key."""
    return {e.key: e for e in result.trail.entries}


def key(equation: Equation, instance: str = "") -> str:
    """The trail key of one evaluation of ``equation``: its id, and the instance if any.

    Examples
    --------
    >>> from ccer_calc.tools.forestry.tool15_leakage import soc_loss_receiving_land
    >>> key(soc_loss_receiving_land, "D1")
    'AR-TOOL15 (3)[D1]'
    """
    return f"{equation.meta.id}[{instance}]" if instance else equation.meta.id


def scalar(found: dict[str, TrailEntry], at: str) -> float | None:
    """The first element of the output of the entry ``at``; None without that entry."""
    e = found.get(at)
    return None if e is None else float(np.asarray(e.output).reshape(-1)[0])


def input_value(found: dict[str, TrailEntry], at: str, name: str) -> np.ndarray[Any, Any] | None:
    """The input ``name`` of the entry ``at``; None without that entry or input."""
    e = found.get(at)
    if e is None:
        return None
    for i in e.inputs:
        if i.name == name:
            return np.asarray(i.value)
    return None
