"""The audit trail: every equation evaluated, with its inputs and their provenance.

The trail is append-only and is the single source of the numbers that results, documents and
the verifier show (DESIGN decision 4). Arrays are kept as they were computed (no copies); the
plain-data form converts them to lists once, when a result is serialised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Trail", "TrailEntry", "TrailInput"]


@dataclass(frozen=True)
class TrailInput:
    """One input of an evaluated equation."""

    name: str
    symbol: str
    unit: str
    origin: str
    ref: str
    value: np.ndarray[Any, np.dtype[np.float64]]


@dataclass(frozen=True)
class TrailEntry:
    """One evaluation of one equation."""

    equation: str
    symbol: str
    formula: str
    source: str
    description: str
    inputs: tuple[TrailInput, ...]
    output_unit: str
    output: np.ndarray[Any, np.dtype[np.float64]]
    document: str = ""
    instance: str = ""

    @property
    def key(self) -> str:
        """Stable key of this evaluation: the equation id, and the instance label if any."""
        return f"{self.equation}[{self.instance}]" if self.instance else self.equation

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON and documents."""
        return {
            "equation": self.equation,
            "document": self.document,
            "instance": self.instance,
            "key": self.key,
            "symbol": self.symbol,
            "formula": self.formula,
            "source": self.source,
            "description": self.description,
            "inputs": [
                {
                    "name": i.name,
                    "symbol": i.symbol,
                    "origin": i.origin,
                    "ref": i.ref,
                    "value": _plain(i.value),
                    "unit": i.unit,
                }
                for i in self.inputs
            ],
            "output": {"value": _plain(self.output), "unit": self.output_unit},
        }


def _plain(a: np.ndarray[Any, np.dtype[np.float64]]) -> float | list[Any]:
    out: float | list[Any] = a.tolist()
    return out


@dataclass
class Trail:
    """An append-only record of equation evaluations along one axis of labels.

    Parameters
    ----------
    axis : list of str
        Labels of the period axis the arrays run along (e.g. one per monitored month,
        split at calendar years). Empty for scalar or batch evaluations.
    """

    axis: list[str] = field(default_factory=list)
    entries: list[TrailEntry] = field(default_factory=list)
    _keys: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def append(self, entry: TrailEntry) -> None:
        """Record one evaluation.

        Raises
        ------
        ValueError
            If an evaluation with the same key (equation id and instance) is already recorded:
            the verifier pairs claimed and recomputed evaluations by that key.
        """
        if entry.key in self._keys:
            msg = (f"equation {entry.equation} evaluated twice with instance "
                   f"{entry.instance!r}; give each evaluation its own instance label")
            raise ValueError(msg)
        self._keys.add(entry.key)
        self.entries.append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, equation: str) -> list[TrailEntry]:
        """All evaluations of one equation id, in order."""
        return [e for e in self.entries if e.equation == equation]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON and documents."""
        return {"axis": list(self.axis), "entries": [e.to_dict() for e in self.entries]}
