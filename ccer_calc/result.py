"""Results per monitoring period and per vintage year, with one issuance rounding.

Everything is summed unrounded in float64 (DESIGN decision 6). The only rounding is the
issuable amount per vintage: whole tonnes of CO2e, rounded down, never below zero. It is shown
beside the unrounded numbers, never instead of them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from ccer_calc.methodology import CheckResult
from ccer_calc.trail import Trail

__all__ = ["KEYS", "PeriodResult", "Result", "VintageResult", "canonical_json"]

#: The four quantities every methodology reports, in this order.
KEYS = ("baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions")
UNIT = "t CO2e"


def _q(value: float) -> dict[str, Any]:
    return {"value": value, "unit": UNIT}


def canonical_json(data: Any, *, indent: int | None = 2) -> str:  # noqa: ANN401
    """Deterministic JSON: sorted keys, UTF-8 text, no NaN."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, allow_nan=False, indent=indent,
                      separators=(",", ": ") if indent is not None else (",", ":"))


@dataclass(frozen=True)
class PeriodResult:
    """BE, PE, LE and ER of one monitoring period, t CO2e, unrounded."""

    id: str
    start: str
    end: str
    values: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"id": self.id, "start": self.start, "end": self.end,
                **{k: _q(self.values[k]) for k in KEYS}}


@dataclass(frozen=True)
class VintageResult:
    """BE, PE, LE and ER of one calendar year, and the issuable whole tonnes."""

    year: int
    values: dict[str, float]
    rule: str

    @property
    def issuable(self) -> int:
        """Whole tonnes CO2e, rounded down, never below zero."""
        return max(0, math.floor(self.values["emission_reductions"]))

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"year": self.year, "rule": self.rule,
                **{k: _q(self.values[k]) for k in KEYS},
                "issuable": {"value": self.issuable, "unit": UNIT,
                             "rounding": "whole tonnes, rounded down"}}


@dataclass(frozen=True)
class Result:
    """Everything one computation produced."""

    project: dict[str, Any]
    methodology: dict[str, str]
    periods: list[PeriodResult]
    vintages: list[VintageResult]
    checks: list[CheckResult]
    parameters: list[dict[str, Any]]
    trail: Trail
    fingerprint: str
    versions: dict[str, str]

    @property
    def totals(self) -> dict[str, float]:
        """Unrounded totals over all periods, t CO2e."""
        return {k: math.fsum(p.values[k] for p in self.periods) for k in KEYS}

    @property
    def issuable_total(self) -> int:
        """Sum of the issuable whole tonnes of every vintage."""
        return sum(v.issuable for v in self.vintages)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form: the JSON schema that registries and other programs read."""
        return {
            "project": self.project,
            "methodology": self.methodology,
            "periods": [p.to_dict() for p in self.periods],
            "vintages": [v.to_dict() for v in self.vintages],
            "totals": {**{k: _q(v) for k, v in self.totals.items()},
                       "issuable": {"value": self.issuable_total, "unit": UNIT,
                                    "rounding": "sum of vintages, each whole tonnes "
                                                "rounded down"}},
            "checks": [c.to_dict() for c in self.checks],
            "parameters": self.parameters,
            "trail": self.trail.to_dict(),
            "fingerprint": self.fingerprint,
            "versions": self.versions,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Byte-identical JSON for identical inputs and versions."""
        return canonical_json(self.to_dict(), indent=indent)
