"""Results per monitoring period and per vintage year, with one issuance rounding.

Everything is summed unrounded in float64 (DESIGN decision 6). The only rounding is the
issuable amount per vintage: whole tonnes of CO2e, rounded down, never below zero. It is shown
beside the unrounded numbers, never instead of them.

Issuance never exceeds the net reductions of the result (:func:`issuable_by_vintage`): the
deficit of a negative vintage is netted against the positive vintages, latest first, before
rounding, and each negative vintage is reported as a :class:`ResultWarning`.
"""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ccer_calc.bilingual import Bilingual
from ccer_calc.jsontext import canonical_json
from ccer_calc.methodology import CheckResult
from ccer_calc.trail import Detail, Render, Trail

__all__ = [
    "ISSUANCE_SOURCE",
    "KEYS",
    "PeriodResult",
    "Result",
    "ResultWarning",
    "VintageResult",
    "canonical_json",
    "issuable_by_vintage",
    "negative_vintage_warnings",
    "provisional_warning",
    "tonnes",
]

#: The four quantities every methodology reports, in this order.
KEYS = ("baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions")
UNIT = "t CO2e"
#: Source of the check a negative vintage fails: the issuance rule (issuable never above the
#: net reductions), described in docs/architecture.md.
ISSUANCE_SOURCE = Bilingual("ccer-calc issuance rule (docs/architecture.md)",
                            "ccer-calc 签发规则（docs/architecture.md）")
#: A deficit left over below this (t CO2e) is float rounding, not a negative result.
_NEGLIGIBLE_T = 1e-9


def tonnes(value: float) -> dict[str, Any]:
    """A figure in t CO2e as the JSON writes it: ``{"value": ..., "unit": "t CO2e"}``."""
    return {"value": value, "unit": UNIT}


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
                **{k: tonnes(self.values[k]) for k in KEYS}}


@dataclass(frozen=True)
class VintageResult:
    """BE, PE, LE and ER of one calendar year, and the issuable whole tonnes.

    ``netted`` is the deficit of negative vintages (t CO2e, >= 0) taken from this vintage's
    reductions before rounding (:func:`issuable_by_vintage`).
    """

    year: int
    values: dict[str, float]
    rule: str
    netted: float = 0.0

    @property
    def issuable(self) -> int:
        """Whole tonnes CO2e after netting, rounded down, never below zero."""
        return max(0, math.floor(self.values["emission_reductions"] - self.netted))

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"year": self.year, "rule": self.rule,
                **{k: tonnes(self.values[k]) for k in KEYS},
                "netted_deficit": tonnes(self.netted),
                "issuable": {"value": self.issuable, "unit": UNIT,
                             "rounding": "whole tonnes, rounded down"}}


def issuable_by_vintage(reductions: Sequence[float]) -> list[tuple[int, float]]:
    """Issuable whole tonnes per vintage, netting negative vintages against positive ones.

    The deficits of all negative vintages are summed and taken from the positive vintages,
    **latest vintage first**, then earlier ones; each vintage is then rounded down to whole
    tonnes. So the issuable total never exceeds the net reductions of the result (and is zero
    when they are negative), and no vintage issues more than its own reductions.

    Why latest first: the deficit is made good from reductions achieved after it where there
    are any (a year of net imports followed by a year of net exports is the usual case), and
    the vintages with the highest value to the developer -- recent ones -- bear it, never the
    reverse. The choice only moves tonnes between vintages; the total is the same either way.

    Parameters
    ----------
    reductions : sequence of float
        ER of each vintage in ascending year order [t CO2e].

    Returns
    -------
    list of (int, float)
        Per vintage: the issuable whole tonnes and the deficit netted against it [t CO2e].

    Examples
    --------
    2023 is negative; 2025, the latest positive vintage, absorbs its 3.5 t:

    >>> issuable_by_vintage([-3.5, 10.2, 5.0])
    [(0, 0.0), (10, 0.0), (1, 3.5)]
    """
    deficit = math.fsum(-x for x in reductions if x < 0)
    netted = [0.0] * len(reductions)
    for i in range(len(reductions) - 1, -1, -1):
        if deficit <= 0:
            break
        if reductions[i] > 0:
            netted[i] = min(deficit, reductions[i])
            deficit -= netted[i]
    return [(max(0, math.floor(x - n)), n) for x, n in zip(reductions, netted, strict=True)]


@dataclass(frozen=True)
class ResultWarning:
    """A finding about the result that changes nothing silently (e.g. a negative vintage)."""

    code: str
    year: int | None
    message_en: str
    message_zh: str

    def message(self, lang: str) -> str:
        """The message in ``zh`` or ``en``."""
        return self.message_zh if lang == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"code": self.code, "year": self.year, "message_en": self.message_en,
                "message_zh": self.message_zh}


def provisional_warning(methodology_id: str, status: str,
                        values: Sequence[dict[str, Any]]) -> ResultWarning:
    """The warning every result of a provisional methodology carries, listing its values."""
    names = ", ".join(str(v["name"]) for v in values)
    return ResultWarning(
        "provisional_methodology", None,
        f"{methodology_id} is a provisional methodology ({status}): its numbers are not final. "
        f"Values and rules taken from the parent text: {names}",
        f"{methodology_id} 为暂行方法学（{status}）：计算结果并非最终结果。"
        f"取自母方法学的参数与规则：{names}")


def negative_vintage_warnings(vintages: Sequence[VintageResult]) -> list[ResultWarning]:
    """One warning per vintage with negative reductions, saying where its deficit went."""
    takers = [v for v in vintages if v.netted > 0]
    taken_en = ", ".join(f"{v.year}: {v.netted:,.3f} t" for v in takers) or "none"
    taken_zh = "，".join(f"{v.year}年 {v.netted:,.3f} t" for v in takers) or "无"
    absorbed = math.fsum(v.netted for v in takers)
    deficit = math.fsum(-v.values["emission_reductions"] for v in vintages
                        if v.values["emission_reductions"] < 0)
    rest_en = rest_zh = ""
    if deficit - absorbed > _NEGLIGIBLE_T:
        rest_en = f"; {deficit - absorbed:,.3f} t could not be netted (the result is negative)"
        rest_zh = f"；{deficit - absorbed:,.3f} t 无可扣减的减排量（净减排量为负）"
    out = []
    for v in vintages:
        er = v.values["emission_reductions"]
        if er >= 0:
            continue
        out.append(ResultWarning(
            "negative_vintage", v.year,
            f"vintage {v.year}: emission reductions are negative ({er:,.3f} t CO2e); nothing is "
            f"issuable for {v.year} and the deficit is netted against the positive vintages, "
            f"latest first (netted: {taken_en}){rest_en}",
            f"{v.year}年度减排量为负（{er:,.3f} tCO2e）：该年度无可签发量，差额从为正的年度减排量中"
            f"扣减，先扣较晚年度（已扣减：{taken_zh}）{rest_zh}"))
    return out


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
    warnings: list[ResultWarning] = field(default_factory=list)
    as_of: str | None = None
    data_tables: dict[str, str] = field(default_factory=dict)
    #: Provisional values and rules applied (a provisional methodology's; empty otherwise).
    provisional: list[dict[str, Any]] = field(default_factory=list)
    #: Figures per monitoring period besides BE/PE/LE/ER (tCER, lCER of A/R CDM).
    period_figures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, float]:
        """Unrounded totals over all periods, t CO2e."""
        return {k: math.fsum(p.values[k] for p in self.periods) for k in KEYS}

    @property
    def issuable_total(self) -> int:
        """Sum of the issuable whole tonnes of every vintage."""
        return sum(v.issuable for v in self.vintages)

    def check_outcomes(self) -> list[tuple[str, bool]]:
        """Every check's name and whether it was met, plus one check not met per negative vintage.

        A negative vintage counts as ``no_negative_vintage_<year>`` (:meth:`vintage_checks`).
        This is the one tally the CLI summary and the documents' checks table share, so they
        never disagree ("9/9 passed" beside a table with a tenth row not met).
        """
        return [(c.name, c.passed) for c in [*self.checks, *self.vintage_checks()]]

    def vintage_checks(self) -> list[CheckResult]:
        """Each negative vintage as a check not met: the JSON's, the CLI's and the documents'.

        Its reason is the warning's text and its source :data:`ISSUANCE_SOURCE`, both
        :class:`~ccer_calc.bilingual.Bilingual` (English in JSON, Chinese in Chinese documents).
        """
        return [CheckResult(f"no_negative_vintage_{w.year}", False,
                            Bilingual(w.message_en, w.message_zh), ISSUANCE_SOURCE)
                for w in self.warnings if w.code == "negative_vintage"]

    def to_dict(self, *, trail: Detail = "full", render: Render | None = None
                ) -> dict[str, Any]:
        """Plain-data form: the JSON schema that registries and other programs read.

        ``trail``: how much of the trail to include (:meth:`Trail.to_dict`); ``none`` writes
        ``"trail": null``. ``render`` turns each trail array into plain data (lists).
        """
        return {
            "project": self.project,
            "methodology": self.methodology,
            "periods": [p.to_dict() for p in self.periods],
            "vintages": [v.to_dict() for v in self.vintages],
            "totals": {**{k: tonnes(v) for k, v in self.totals.items()},
                       "issuable": {"value": self.issuable_total, "unit": UNIT,
                                    "rounding": "sum of vintages, each whole tonnes "
                                                "rounded down"}},
            "checks": [c.to_dict() for c in [*self.checks, *self.vintage_checks()]],
            "parameters": self.parameters,
            "trail": self.trail.to_dict(trail, render=render),
            "fingerprint": self.fingerprint,
            "versions": self.versions,
            "warnings": [w.to_dict() for w in self.warnings],
            "as_of": self.as_of,
            "data_tables": self.data_tables,
            "provisional": self.provisional,
            "period_figures": self.period_figures,
        }

    def to_json(self, *, indent: int | None = 2, trail: Detail = "full") -> str:
        """Byte-identical JSON for identical inputs and versions (compact if ``indent`` None).

        Compact JSON writes each trail array's text on its own and splices it in, so that the
        floats of a long axis never exist all at once as Python objects (a 87,600-row result
        would hold a million of them).
        """
        if indent is not None:
            return canonical_json(self.to_dict(trail=trail), indent=indent)
        arrays: list[np.ndarray] = []
        mark = f"\ue000{secrets.token_hex(8)}:"

        def later(a: np.ndarray) -> Any:  # noqa: ANN401 - a placeholder or a number
            if np.ndim(a) == 0:
                return a.tolist()
            arrays.append(a)
            return f"{mark}{len(arrays) - 1}"

        text = canonical_json(self.to_dict(trail=trail, render=later), indent=None)
        pieces = text.split(f'"{mark}')
        out = [pieces[0]]
        for piece in pieces[1:]:
            number, _, rest = piece.partition('"')
            out.append(json.dumps(arrays[int(number)].tolist(), allow_nan=False,
                                  separators=(",", ":")))
            out.append(rest)
        return "".join(out)

    def to_frames(self) -> dict[str, Any]:
        """The result as pandas DataFrames, units in ``attrs["units"]`` (extra ``pandas``).

        Keys: ``periods``, ``vintages``, ``totals``, ``trail``, ``trail_inputs``,
        ``parameters``, ``checks``, ``warnings``, ``summary``
        (see :mod:`ccer_calc.io.frames`).
        """
        from ccer_calc.io.frames import result_frames  # noqa: PLC0415 - optional, higher layer

        return result_frames(self)
