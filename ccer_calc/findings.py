"""What the verifier found: comparisons, classified findings and the figures not compared.

The data of :func:`ccer_calc.verify.verify` (which re-exports these names); the documents read
them through :meth:`Findings.to_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ccer_calc.result import canonical_json

__all__ = ["KINDS", "ArrayComparison", "Comparison", "Finding", "Findings"]

#: Finding types with their Chinese and English names.
KINDS = {
    "CAR": ("不符合项", "corrective action request"),
    "CL": ("澄清要求", "clarification request"),
    "OBS": ("观察项", "observation"),
}


@dataclass(frozen=True)
class Comparison:
    """One claimed number set against the recomputed one (a row of the recalculation table)."""

    scope: str
    key: str
    quantity: str
    claimed: float
    recomputed: float
    period: str | None = None

    @property
    def difference(self) -> float:
        """Claimed minus recomputed, t CO2e (or the quantity's unit for trail elements)."""
        return self.claimed - self.recomputed

    @property
    def relative(self) -> float | None:
        """Difference relative to the recomputed value; None where that is zero."""
        return self.difference / abs(self.recomputed) if self.recomputed else None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"scope": self.scope, "key": self.key, "quantity": self.quantity,
                "period": self.period, "claimed": self.claimed, "recomputed": self.recomputed,
                "difference": self.difference, "relative": self.relative}


@dataclass(frozen=True)
class ArrayComparison:
    """One equation's claimed output compared with the recomputed one, element by element.

    The elements are compared at once; each element that differs by more than the negligible
    share is also a :class:`Finding` naming its place on the axis.
    """

    key: str
    quantity: str
    elements: int
    differing: int
    max_abs_difference: float

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"scope": "equation", "key": self.key, "quantity": self.quantity,
                "elements": self.elements, "differing": self.differing,
                "max_abs_difference": self.max_abs_difference}


@dataclass(frozen=True)
class Finding:
    """A difference that needs action (CAR), explanation (CL) or a note (OBS)."""

    number: int
    kind: str
    scope: str
    key: str
    quantity: str
    description: str
    period: str | None = None
    claimed: float | None = None
    recomputed: float | None = None
    difference: float | None = None
    relative: float | None = None
    share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, with the type's Chinese and English names."""
        zh, en = KINDS[self.kind]
        return {"number": self.number, "kind": self.kind, "kind_zh": zh, "kind_en": en,
                "scope": self.scope, "key": self.key, "quantity": self.quantity,
                "period": self.period, "description": self.description,
                "claimed": self.claimed, "recomputed": self.recomputed,
                "difference": self.difference, "relative": self.relative, "share": self.share}


@dataclass(frozen=True)
class Findings:
    """Outcome of one verification."""

    methodology: str
    project: str
    materiality: float
    claimed_fingerprint: str | None
    recomputed_fingerprint: str
    comparisons: list[Comparison] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    not_compared: list[dict[str, str]] = field(default_factory=list)
    #: The trail's equation outputs compared, one record per evaluation.
    arrays: list[ArrayComparison] = field(default_factory=list)

    @property
    def elements_compared(self) -> int:
        """Number of equation-output elements compared (all trail entries together)."""
        return sum(a.elements for a in self.arrays)

    @property
    def material(self) -> bool:
        """Whether any difference exceeds the materiality threshold (any CAR)."""
        return any(f.kind == "CAR" for f in self.findings)

    def count(self, kind: str) -> int:
        """Number of findings of one type."""
        return sum(f.kind == kind for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON and documents."""
        return {"methodology": self.methodology, "project": self.project,
                "materiality": self.materiality, "material": self.material,
                "counts": {k: self.count(k) for k in KINDS},
                "claimed_fingerprint": self.claimed_fingerprint,
                "recomputed_fingerprint": self.recomputed_fingerprint,
                "comparisons": [c.to_dict() for c in self.comparisons],
                "equation_outputs": [a.to_dict() for a in self.arrays],
                "elements_compared": self.elements_compared,
                "not_compared": self.not_compared,
                "findings": [f.to_dict() for f in self.findings]}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Deterministic JSON."""
        return canonical_json(self.to_dict(), indent=indent)
