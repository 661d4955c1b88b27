"""Verifier mode: claimed figures against the recomputed Result, with classified findings.

The claimed file has the shape of :meth:`Result.to_dict` (at least ``methodology.id``,
``project.name`` and ``periods`` with the four quantities; optionally ``vintages``, ``totals``
and ``trail``). Every claimed number is compared with the recomputed one: per monitoring period,
per vintage year, the totals, and -- when the claimed file carries a trail on the same period
axis -- every equation output element by element, so that an error in one month is found in
that month even when it is small against the whole period. Each output is compared as one array
(numpy); only the elements that differ become findings. The claimed trail may be in the full
form of older versions or the compact form (:func:`ccer_calc.trail.decode_values`).

Classification rule (documented here and in the verification report):

* ``share`` = abs(claimed − recomputed) / abs(recomputed). Where the recomputed value is zero
  (e.g. PE or LE fixed at zero), the basis is the recomputed emission reductions of the same
  period, vintage or total; if that is zero too, any difference above 1e-9 t counts as material.
* ``share`` above the materiality threshold → **CAR** (corrective action request, 不符合项).
* ``share`` above 1e-6 and at most the threshold → **CL** (clarification request, 澄清要求) when
  the claimed figure overstates the reductions (more BE, ER or issuable, less PE or LE, or
  any intermediate of the trail, whose direction is not known), else **OBS** (observation,
  观察项): an understatement is conservative but must still be noted.
* A period or vintage present on one side only → CAR; different period dates → CL; a different
  fingerprint (other inputs or versions) → OBS.
* A figure the verifier must check that the claim **omits** is a finding too, never a silent
  pass: the emission reductions or the issuable tonnes of a period, vintage or the totals →
  **CAR** (they are what is issued); BE, PE or LE → **CL** (the verifier asks for them). A claim
  without vintages or without totals → one CAR for each missing vintage, and one for the
  totals. :attr:`Findings.not_compared` lists every figure not compared and why.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.errors import InputError, shown
from ccer_calc.findings import KINDS, ArrayComparison, Comparison, Finding, Findings
from ccer_calc.io.projectfile import check_plain_data
from ccer_calc.result import KEYS
from ccer_calc.trail import decode_values

if TYPE_CHECKING:
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.trail import TrailEntry

__all__ = ["KINDS", "Comparison", "Finding", "Findings", "verify"]

_NEGLIGIBLE = 1e-6
_ZERO = 1e-9
_LOWER_IS_MORE = {"project_emissions", "leakage_emissions"}
#: Figures that are issued or decide issuance: omitting one is a CAR.
_ISSUED = {"emission_reductions", "issuable"}


def _number(raw: Any, path: str) -> float:  # noqa: ANN401 - raw JSON
    value = raw.get("value") if isinstance(raw, dict) else raw
    if isinstance(raw, dict) and raw.get("unit", "t CO2e") != "t CO2e":
        raise InputError("claimed quantity in another unit", field=path,
                         value=raw.get("unit"), expected="t CO2e")
    try:
        number = float(value) if isinstance(value, int | float) else math.nan
    except OverflowError:  # an integer beyond float, e.g. 10**400
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise InputError("claimed value is not a finite number", field=path, value=value,
                         expected="a number, or {value, unit}")
    return number


def _get(data: Any, key: str, path: str) -> Any:  # noqa: ANN401 - raw JSON
    if not isinstance(data, dict) or key not in data:
        raise InputError("claimed file lacks a field", field=f"{path}.{key}".lstrip("."),
                         expected="the shape of `ccer-calc compute --json`")
    return data[key]


def _identity(result: Result, claimed: dict[str, Any]) -> None:
    mine, theirs = result.methodology["id"], _get(_get(claimed, "methodology", ""), "id",
                                                    "methodology")
    if theirs != mine:
        raise InputError(f"claimed results are for methodology {shown(theirs)}, but the "
                         f"project uses {mine!r}", field="methodology.id", value=theirs,
                         expected=mine)
    name = _get(_get(claimed, "project", ""), "name", "project")
    if name != result.project["name"]:
        raise InputError(f"claimed results are for project {shown(name)}, not for "
                         f"{result.project['name']!r}", field="project.name", value=name,
                         expected=result.project["name"])
    pid = claimed["project"].get("project_id")
    if pid and result.project.get("project_id") and pid != result.project["project_id"]:
        raise InputError(f"claimed results are for project id {shown(pid)}, not for "
                         f"{result.project['project_id']!r}", field="project.project_id",
                         value=pid, expected=result.project["project_id"])


class _Log:
    """Collects comparisons and classifies them into numbered findings."""

    def __init__(self, materiality: float) -> None:
        self.materiality = materiality
        self.comparisons: list[Comparison] = []
        self.findings: list[Finding] = []
        self.not_compared: list[dict[str, str]] = []
        self.arrays: list[ArrayComparison] = []

    def skipped(self, scope: str, key: str, quantity: str, reason: str) -> None:
        """Note a figure that was not compared."""
        self.not_compared.append({"scope": scope, "key": key, "quantity": quantity,
                                  "reason": reason})

    def omitted(self, scope: str, key: str, quantity: str) -> None:
        """A figure the claim does not state: CAR for ER and issuable, CL for the others."""
        where = "totals" if scope == "total" else f"{scope} {key}"
        kind = "CAR" if quantity in _ISSUED else "CL"
        self.add(kind, scope, key, quantity, f"{where}: the claim does not state {quantity}")
        self.skipped(scope, key, quantity, "not stated in the claim")

    def add(self, kind: str, scope: str, key: str, quantity: str, text: str, *,
            comp: Comparison | None = None, share: float | None = None) -> None:
        extra: dict[str, Any] = {}
        if comp is not None:
            extra = {"claimed": comp.claimed, "recomputed": comp.recomputed,
                     "difference": comp.difference, "relative": comp.relative,
                     "period": comp.period}
        self.findings.append(Finding(len(self.findings) + 1, kind, scope, key, quantity, text,
                                     share=share, **extra))

    def compare(self, comp: Comparison, er_basis: float | None, *, record: bool = True) -> None:
        if record:
            self.comparisons.append(comp)
        d = comp.difference
        basis = abs(comp.recomputed) or abs(er_basis or 0.0)
        if basis:
            share = abs(d) / basis
        else:
            share = math.inf if abs(d) > _ZERO else 0.0
        if share <= _NEGLIGIBLE:
            return
        if share > self.materiality:
            kind = "CAR"
        else:
            overstates = (d < 0) if comp.quantity in _LOWER_IS_MORE else (d > 0)
            if comp.scope == "equation":
                overstates = True
            kind = "CL" if overstates else "OBS"
        where = "totals" if comp.scope == "total" else f"{comp.scope} {comp.key}"
        if comp.period and comp.period != comp.key:
            where += f" (monitoring period {comp.period})"
        text = (f"{where}: {comp.quantity} claimed {comp.claimed:,.3f}, recomputed "
                f"{comp.recomputed:,.3f}, difference {d:+,.3f}")
        self.add(kind, comp.scope, comp.key, comp.quantity, text, comp=comp,
                 share=share if math.isfinite(share) else None)


def _compare_values(log: _Log, scope: str, key: str, claimed: dict[str, Any],
                    mine: dict[str, float], *, path: str, period: str | None) -> None:
    er = mine["emission_reductions"]
    for q in KEYS:
        if q in claimed:
            log.compare(Comparison(scope, key, q, _number(claimed[q], f"{path}.{q}"), mine[q],
                                   period), er)
        else:
            log.omitted(scope, key, q)


def _periods(log: _Log, result: Result, claimed: list[Any]) -> None:
    theirs = {}
    for i, p in enumerate(claimed):
        theirs[str(_get(p, "id", f"periods[{i}]"))] = (i, p)
    for p in result.periods:
        if p.id not in theirs:
            log.add("CAR", "period", p.id, "emission_reductions",
                    f"period {p.id}: recomputed but not claimed")
            for q in KEYS:
                log.skipped("period", p.id, q, "period not in the claim")
            continue
        i, c = theirs.pop(p.id)
        if (c.get("start"), c.get("end")) != (p.start, p.end):
            log.add("CL", "period", p.id, "dates",
                    f"period {p.id}: claimed dates {c.get('start')}..{c.get('end')}, "
                    f"project file says {p.start}..{p.end}")
        _compare_values(log, "period", p.id, c, p.values, path=f"periods[{i}]", period=p.id)
    for pid in theirs:
        log.add("CAR", "period", pid, "emission_reductions",
                f"period {pid}: claimed but not in the project's monitoring periods")


def _vintages(log: _Log, result: Result, claimed: list[Any]) -> None:
    theirs = {}
    for i, v in enumerate(claimed):
        theirs[str(_get(v, "year", f"vintages[{i}]"))] = (i, v)
    for v in result.vintages:
        key = str(v.year)
        if key not in theirs:
            log.add("CAR", "vintage", key, "emission_reductions",
                    f"vintage {key}: recomputed but not claimed")
            for q in (*KEYS, "issuable"):
                log.skipped("vintage", key, q, "vintage not in the claim")
            continue
        i, c = theirs.pop(key)
        _compare_values(log, "vintage", key, c, v.values, path=f"vintages[{i}]", period=None)
        if "issuable" in c:
            log.compare(Comparison("vintage", key, "issuable",
                                   _number(c["issuable"], f"vintages[{i}].issuable"),
                                   float(v.issuable)), v.values["emission_reductions"])
        else:
            log.omitted("vintage", key, "issuable")
    for key in theirs:
        log.add("CAR", "vintage", key, "emission_reductions",
                f"vintage {key}: claimed but not recomputed")


def _totals(log: _Log, result: Result, totals: Any) -> None:  # noqa: ANN401 - raw JSON
    if not isinstance(totals, dict):
        log.add("CAR", "total", "total", "emission_reductions",
                "totals: the claim states no totals (emission reductions, issuable tonnes)")
        for q in (*KEYS, "issuable"):
            log.skipped("total", "total", q, "no totals in the claim")
        return
    mine = result.totals
    _compare_values(log, "total", "total", totals, mine, path="totals", period=None)
    if "issuable" in totals:
        log.compare(Comparison("total", "total", "issuable",
                               _number(totals["issuable"], "totals.issuable"),
                               float(result.issuable_total)), mine["emission_reductions"])
    else:
        log.omitted("total", "total", "issuable")


def _period_of(label: str, result: Result) -> str | None:
    start = label.partition("..")[0][:10]  # the local day, of a date or a date-time label
    for p in result.periods:
        if p.start <= start <= p.end:
            return p.id
    return None


def _claimed_key(entry: dict[str, Any]) -> str:
    """The stable key of a claimed trail entry: equation id and instance, not its position."""
    eid, instance = str(entry.get("equation")), entry.get("instance")
    return f"{eid}[{instance}]" if isinstance(instance, str) and instance else eid


def _claimed_array(out: list[Any], path: str) -> np.ndarray:
    """Claimed elements as floats at once; the first that is not a finite number is refused."""
    if set(map(type, out)) <= {float, int}:  # no bool, no text: read at once
        try:
            values = np.array(out, dtype=np.float64)
        except OverflowError:  # an integer beyond float
            values = None
        if values is not None and np.all(np.isfinite(values)):
            return values
    for k, x in enumerate(out):  # name the first bad element, as element-wise reading did
        _number(x, f"{path}[{k}]")
    return np.array(out, dtype=np.float64)  # pragma: no cover - _number raised above


def _compare_output(log: _Log, result: Result, entry: TrailEntry, theirs: np.ndarray,
                    mine: np.ndarray) -> None:
    """One equation output: every element at once; findings for the elements that differ."""
    axis = result.trail.axis
    with np.errstate(all="ignore"):  # a difference beyond float is inf: a finding, no warning
        d = theirs - mine
        basis = np.abs(mine)
        share = np.where(basis > 0, np.abs(d) / np.where(basis > 0, basis, 1.0),
                         np.where(np.abs(d) > _ZERO, np.inf, 0.0))
    differ = np.flatnonzero(share > _NEGLIGIBLE)
    key, symbol = entry.key, entry.symbol
    log.arrays.append(ArrayComparison(key, symbol, int(mine.size), int(differ.size),
                                      float(np.max(np.abs(d))) if d.size else 0.0))
    shape = np.shape(entry.output) or (1,)
    for k in differ.tolist():
        label = _element_label(k, shape, axis)
        log.compare(Comparison("equation", f"{key} [{label}]", symbol, float(theirs[k]),
                               float(mine[k]), _period_of(label, result)), None, record=False)


def _trail(log: _Log, result: Result, claimed: dict[str, Any]) -> None:
    axis = result.trail.axis
    theirs_axis = claimed.get("axis", [])
    if not isinstance(theirs_axis, list) or theirs_axis != axis:
        log.skipped("equation", "trail", "outputs", "the claim's trail has another period axis")
        return
    entries = claimed.get("entries", [])
    by_key: dict[str, Any] = {}
    for e in entries if isinstance(entries, list) else []:
        if isinstance(e, dict):
            by_key[_claimed_key(e)] = e
    values = decode_values({"entries": [{**e, "key": k} for k, e in by_key.items()]})
    for e in result.trail.entries:
        out = values.get(e.key)
        if isinstance(out, int | float) and not isinstance(out, bool):
            out = [out]  # a scalar output (one fuel's emission coefficient)
        shape = np.shape(e.output)
        mine = np.atleast_1d(np.asarray(e.output, dtype=np.float64)).ravel()
        if isinstance(out, list) and len(shape) == 2 and all(  # noqa: PLR2004 - a matrix
                isinstance(row, list) for row in out):
            out = [x for row in out for x in row]  # one row per element of the period axis
        if not isinstance(out, list) or len(out) != mine.size:
            log.skipped("equation", e.key, e.symbol, "not in the claimed trail, or another "
                        "number of elements")
            continue
        theirs = _claimed_array(out, f"trail.entries.{e.key}.output")
        _compare_output(log, result, e, theirs, mine)


def _element_label(k: int, shape: tuple[int, ...], axis: list[str]) -> str:
    """The period (and column) of the k-th element of an output, for a comparison's key."""
    if len(shape) == 1 and shape[0] == len(axis):
        return axis[k]
    if len(shape) == 2 and shape[0] == len(axis):  # noqa: PLR2004 - period axis × strata
        row, col = divmod(k, shape[1])
        return f"{axis[row]}, {col}"
    return str(k)


def verify(project: Project, result: Result, claimed: dict[str, Any], *,
           materiality: float = 0.01) -> Findings:
    """Compare claimed figures with the recomputed result and classify every difference.

    Parameters
    ----------
    project : Project
        The project as the verifier holds it.
    result : Result
        ``compute(project)``: the recomputed figures.
    claimed : dict
        The claimed figures, shaped like :meth:`Result.to_dict`.
    materiality : float
        Threshold as a fraction (0.01 = 1 %); see the module notes for the rule.

    Returns
    -------
    Findings
        Every comparison made and the classified findings (CAR, CL, OBS).

    Raises
    ------
    InputError
        If the claimed file is for another methodology or project (naming both), lacks a
        required field, or has a non-numeric value.
    """
    if not 0 < materiality < 1:
        raise InputError("materiality out of range", field="materiality", value=materiality,
                         expected="a fraction between 0 and 1, e.g. 0.01")
    if project.spec.name != result.project["name"]:
        raise InputError("result was computed for another project", field="project.name",
                         value=result.project["name"], expected=project.spec.name)
    check_plain_data(claimed, "claimed")
    _identity(result, claimed)
    log = _Log(materiality)
    periods = _get(claimed, "periods", "")
    if not isinstance(periods, list):
        raise InputError("claimed periods are not a list", field="periods",
                         expected="a list of periods")
    _periods(log, result, periods)
    vintages = claimed.get("vintages")
    _vintages(log, result, vintages if isinstance(vintages, list) else [])
    _totals(log, result, claimed.get("totals"))
    trail = claimed.get("trail")
    if isinstance(trail, dict):
        _trail(log, result, trail)
    else:
        log.skipped("equation", "trail", "outputs", "the claim carries no trail")
    fp = claimed.get("fingerprint")
    if fp is not None and fp != result.fingerprint:
        log.add("OBS", "fingerprint", "fingerprint", "inputs",
                f"claimed figures carry fingerprint {fp}, the recomputation "
                f"{result.fingerprint}: inputs or versions differ")
    ordered = sorted(log.findings, key=lambda f: list(KINDS).index(f.kind))
    numbered = [replace(f, number=k) for k, f in enumerate(ordered, start=1)]
    return Findings(result.methodology["id"], result.project["name"], materiality,
                    fp if isinstance(fp, str) else None, result.fingerprint,
                    log.comparisons, numbered, log.not_compared, log.arrays)
