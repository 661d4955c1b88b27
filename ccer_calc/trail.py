"""The audit trail: every equation evaluated, with its inputs and their provenance.

The trail is append-only and is the single source of the numbers that results, documents and
the verifier show (DESIGN decision 4). Arrays are kept as they were computed (no copies); the
plain-data form converts them to lists once, when a result is serialised.

**Plain-data form.** ``Trail.to_dict(detail)`` writes each array once. Every output is written in
full (a list along the axis, or a number); an input whose values equal an array written before it
-- the output of the equation that produced it, or an input of an earlier entry -- is written as
``{"same_as": "<key>"}`` (an output) or ``{"same_as": "<key>/<input name>"}`` (an input); an input
whose elements are all equal is ``{"fill": value, "size": n}``. ``detail="summary"`` leaves the
inputs' values out (their names, units and provenance stay); ``"none"`` writes no trail.
:func:`decode_values` turns either form, or the full form of older versions (every value a list),
back into arrays.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

__all__ = ["DETAILS", "Detail", "Trail", "TrailEntry", "TrailInput", "decode_values"]

#: How much of the trail a result's plain-data form holds.
Detail = Literal["full", "summary", "none"]
#: Turns an array into its plain-data form (a list, or a placeholder a writer fills in).
Render = Callable[[np.ndarray[Any, np.dtype[np.float64]]], Any]
DETAILS: tuple[Detail, ...] = ("full", "summary", "none")
#: Largest ``fill`` expanded when reading a trail (the row limit of a monitoring table, ten
#: times over): a claimed file cannot make the reader allocate without bound.
_MAX_FILL = 50_000_000


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

    def to_dict(self, *, values: bool = True, render: Render | None = None) -> dict[str, Any]:
        """Plain-data form for JSON and documents (inputs without values if not ``values``).

        ``render`` turns each array into plain data (a list by default).
        """
        plain = render or _plain
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
                    **({"value": plain(i.value)} if values else {}),
                    "unit": i.unit,
                }
                for i in self.inputs
            ],
            "output": {"value": plain(self.output), "unit": self.output_unit},
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

    def to_dict(self, detail: Detail = "full", *, render: Render | None = None
                ) -> dict[str, Any] | None:
        """Plain-data form for JSON, each array written once (see the module notes).

        ``detail``: ``full`` (every value), ``summary`` (no input values) or ``none`` (None).
        ``render`` turns each array written into plain data (a list by default).
        """
        if detail == "none":
            return None
        plain = render or _plain
        seen: dict[bytes, str] = {}
        entries = []
        for e in self.entries:
            d = e.to_dict(values=False, render=plain)
            for item, i in zip(d["inputs"], e.inputs, strict=True):
                if detail == "full":
                    item.update(_compact(i.value, seen, f"{e.key}/{i.name}", plain))
            _remember(e.output, seen, e.key)
            entries.append(d)
        return {"axis": list(self.axis), "entries": entries}


def _digest(a: np.ndarray[Any, np.dtype[np.float64]]) -> bytes:
    """Identity of an array's values: shape and bytes (equal values, equal digest)."""
    m = hashlib.sha256(str(a.shape).encode())
    m.update(np.ascontiguousarray(a, dtype=np.float64).tobytes())
    return m.digest()


def _remember(a: np.ndarray[Any, np.dtype[np.float64]], seen: dict[bytes, str],
              where: str) -> None:
    if np.ndim(a):
        seen.setdefault(_digest(a), where)


def _compact(a: np.ndarray[Any, np.dtype[np.float64]], seen: dict[bytes, str],
             where: str, plain: Render) -> dict[str, Any]:
    """An input's value: a reference, a fill, or the values (which later inputs may refer to)."""
    if np.ndim(a) == 0:
        return {"value": _plain(a)}
    digest = _digest(a)
    if digest in seen:
        return {"same_as": seen[digest]}
    flat = np.ravel(a)
    if a.ndim == 1 and flat.size > 1 and np.all(flat == flat[0]):
        return {"fill": float(flat[0]), "size": int(flat.size)}
    seen[digest] = where
    return {"value": plain(a)}


def decode_values(trail: dict[str, Any]) -> dict[str, Any]:
    """Every value of a trail's plain-data form by its place: ``<key>`` or ``<key>/<input>``.

    Resolves ``same_as`` and ``fill``; accepts the full form of older versions. Values are
    returned as written (numbers or lists); a malformed entry is skipped.

    Examples
    --------
    >>> t = {"entries": [{"key": "W1", "inputs": [{"name": "x", "fill": 2.0, "size": 2}],
    ...                   "output": {"value": [1.0, 2.0]}},
    ...                  {"key": "W2", "inputs": [{"name": "y", "same_as": "W1"}],
    ...                   "output": {"value": 3.0}}]}
    >>> decode_values(t)
    {'W1/x': [2.0, 2.0], 'W1': [1.0, 2.0], 'W2/y': [1.0, 2.0], 'W2': 3.0}
    """
    found: dict[str, Any] = {}
    entries = trail.get("entries") if isinstance(trail, dict) else None
    for e in entries if isinstance(entries, list) else []:
        key = e.get("key") if isinstance(e, dict) else None
        if not isinstance(key, str):
            continue
        for item in e.get("inputs") or []:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                value = _decoded(item, found)
                if value is not None:
                    found[f"{key}/{item['name']}"] = value
        output = e.get("output")
        value = _decoded(output, found) if isinstance(output, dict) else None
        if value is not None:
            found[key] = value
    return found


def _decoded(item: dict[str, Any], found: dict[str, Any]) -> Any:  # noqa: ANN401 - JSON
    if "same_as" in item:
        return found.get(str(item["same_as"]))
    if "fill" in item:
        size = item.get("size")
        if isinstance(size, int) and not isinstance(size, bool) and 0 <= size <= _MAX_FILL:
            return [item["fill"]] * size
        return None
    return item.get("value")
