"""The equations evaluated once for a group of projects, in a batch worker (issue 12).

On arrays of a few dozen elements pint's cost per operation, not the arithmetic, is what an
equation costs. A methodology that declares its stages stackable (:meth:`Methodology.stage_key`
and the methods after it) lets :func:`compute_projects` evaluate them once for every project of
a group, on the concatenation of their arrays, and give each project exactly what
:func:`ccer_calc.api.compute` gives it on its own:

1. each project is prepared (:func:`ccer_calc.preparation.prepare_compute`) and grouped by
   methodology and key (the key fixes the sequence of equations, e.g. the fuels burned);
2. each project's stage inputs are gathered (:meth:`Methodology.gather`) while its data tables
   are recorded; projects whose inputs differ in unit are grouped apart, so nothing is
   converted on the way;
3. the inputs are stacked along the last axis: a scalar equal in every project stays one
   scalar, any other scalar is broadcast to its project's elements; each stacked input carries
   a reference that the split below replaces by the project's own provenance;
4. the stages run once (:meth:`Methodology.stages`) with a trail of the group;
5. the trail and the stages' outputs are split back: every entry and input cut to the
   project's elements, with its own provenance, and a scalar wherever the project alone would
   have had one (its input was a scalar, or an equation's inputs all were);
6. each project's :meth:`Methodology.after` and :func:`ccer_calc.api.finish` run on its own.

The stacked path is an optimisation only. If stacking, the stages or the split raise anything
(a non-finite result, shapes or a trail the split cannot attribute, stages that read a data
table), the stages of every project of the group run on its own gathered values (its trail is
still empty, its data tables recorded), so each gets exactly the result or the error it gets
alone. Errors of one project before and after the stages are its own.

A stackable methodology promises what makes this exact: ``compute`` is :meth:`run_stages`; the
stages are a function of the key and the gathered values only, element by element along the
last axis; every gathered value is a scalar or an array whose last axis is the period axis;
gathered values reach the equations as they are (not reshaped or broadcast in the stages), and
a value the stages build themselves runs along the period axis (as
:func:`ccer_calc.tools.fuel_combustion.stack_per_fuel` does).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from ccer_calc.api import finish, run_prepared
from ccer_calc.datatables import recording
from ccer_calc.parameters import Value
from ccer_calc.preparation import Prepared, prepare_compute
from ccer_calc.registry import default_registry
from ccer_calc.trail import Trail, TrailEntry, TrailInput
from ccer_calc.units import Quantity

if TYPE_CHECKING:
    import datetime as dt

    from ccer_calc.project import Project
    from ccer_calc.registry import Registry
    from ccer_calc.result import Result

__all__ = ["ROWS", "NotStackableError", "compute_projects"]

#: Reference of a stacked input until the split gives each project its own (a control
#: character: no project text holds one).
_MARK = "\x00stacked\x00"

#: Projects with more elements on their period axis run alone: their equations already spend
#: their time in numpy rather than in pint's per-operation cost, and a group of them would hold
#: every project's intermediate arrays at once.
ROWS = 4096

Flags = np.ndarray[Any, np.dtype[np.bool_]]  # per project: its own value is an array
Array = np.ndarray[Any, np.dtype[np.float64]]
_T = TypeVar("_T")


class NotStackableError(Exception):
    """The group's values or trail cannot be stacked or split exactly."""


def compute_projects(
    projects: Sequence[Project], *, as_of: dt.date | None = None,
    registry: Registry | None = None,
) -> list[Result | Exception]:
    """Compute each project as :func:`ccer_calc.api.compute` does, stacking stages in groups.

    Parameters
    ----------
    projects : sequence of Project
        Loaded projects, of any methodologies.
    as_of : datetime.date, optional
        Verification date for every project.
    registry : Registry, optional
        Where to find the methodologies; the installed plug-ins by default.

    Returns
    -------
    list of Result or Exception
        Per project, in order: its result, or the exception ``compute`` raises for it.
    """
    reg = registry if registry is not None else default_registry()
    out: dict[int, Result | Exception] = {}
    groups: dict[tuple[int, Hashable], list[tuple[int, Prepared]]] = {}
    for i, project in enumerate(projects):
        try:
            p = prepare_compute(project, registry=reg, as_of=as_of)
            with recording(p.tables):  # as run_stages calls it, inside the recording
                key = p.context.methodology.stage_key(p.context)
        except Exception as exc:  # compute raises the same for this project
            out[i] = exc
            continue
        if not _hashable(key) or p.context.segments.year.size > ROWS:
            out[i] = _outcome(run_prepared, p)  # None: the methodology's stages stay apart
        else:
            groups.setdefault((id(p.context.methodology), key), []).append((i, p))
    for (_, key), members in groups.items():
        out.update(_group(members, key))
    return [out[i] for i in range(len(projects))]


def _hashable(key: object) -> bool:
    """Whether ``key`` can group projects (not None, and hashable through and through)."""
    try:
        hash(key)
    except TypeError:
        return False
    return key is not None


def _outcome(fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | Exception:  # noqa: ANN401
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # the project's error, returned as compute raises it
        return exc


def _group(members: list[tuple[int, Prepared]], key: Hashable
           ) -> dict[int, Result | Exception]:
    """One group of equal methodology and key: gathered, then stacked by units."""
    out: dict[int, Result | Exception] = {}
    by_units: dict[Hashable, list[tuple[int, Prepared, dict[str, Value]]]] = {}
    for i, p in members:
        m = p.context.methodology
        try:
            with recording(p.tables):
                values = m.gather(p.context)
        except Exception as exc:  # compute raises the same for this project
            out[i] = exc
            continue
        try:
            units = tuple((n, v.quantity._units) for n, v in values.items())
            hash(units)
        except Exception:  # not values the stacker knows: the project alone
            out[i] = _outcome(_fallback, p, key, values)
            continue
        by_units.setdefault(units, []).append((i, p, values))
    for same in by_units.values():
        if len(same) == 1:
            i, p, values = same[0]
            out[i] = _outcome(_alone, p, key, values)
        else:
            out.update(_stacked(same, key))
    return out


def _alone(p: Prepared, key: Hashable, values: dict[str, Value]) -> Result:
    """:meth:`Methodology.run_stages` on values already gathered, then finish."""
    ctx = p.context
    m = ctx.methodology
    with recording(p.tables):
        stages = m.after(ctx, m.stages(ctx.trail, key, values))
    return finish(p, stages)


def _fallback(p: Prepared, key: Hashable, values: dict[str, Value]) -> Result:
    """:func:`_alone` for a project the group could not stack: its trail is still empty."""
    return _alone(p, key, values)


def _stacked(same: list[tuple[int, Prepared, dict[str, Value]]], key: Hashable
             ) -> dict[int, Result | Exception]:
    m = same[0][1].context.methodology
    try:
        st = _stack([v for _, _, v in same], [p.context.segments.year.size for _, p, _ in same])
        trail = Trail()
        with recording() as used:
            out = m.stages(trail, key, st.values)
        if used:
            raise NotStackableError("the stages read data tables")  # noqa: TRY301
        parts = _split(trail, out, st)
    except Exception:  # an optimisation only: each project on its own is exact
        return {i: _outcome(_fallback, p, key, values) for i, p, values in same}
    return {i: _outcome(_finish_split, p, entries, outs)
            for (i, p, _), (entries, outs) in zip(same, parts, strict=True)}


def _finish_split(p: Prepared, entries: list[TrailEntry], outs: dict[str, Value]) -> Result:
    ctx = p.context
    for e in entries:
        ctx.trail.append(e)
    with recording(p.tables):
        stages = ctx.methodology.after(ctx, outs)
    return finish(p, stages)


@dataclass(frozen=True)
class _Stack:
    """Stacked inputs, and where each project's elements are."""

    values: dict[str, Value]
    flags: dict[str, Flags]
    own: list[dict[str, Value]]
    sizes: list[int]

    @cached_property
    def slices(self) -> list[slice]:
        """Where each project's elements are along the last axis."""
        ends = np.cumsum(self.sizes).tolist()
        return [slice(e - n, e) for e, n in zip(ends, self.sizes, strict=True)]

    @cached_property
    def total(self) -> int:
        """The number of elements along the last axis."""
        return sum(self.sizes)


def _stack(own: list[dict[str, Value]], sizes: list[int]) -> _Stack:
    """Each input of every project concatenated along the last axis (scalars broadcast)."""
    names = list(own[0])
    if min(sizes) < 1 or any(list(v) != names for v in own):
        raise NotStackableError("empty projects, or projects that gather different inputs")
    values, flags = {}, {}
    for name in names:
        vs = [o[name] for o in own]
        mags = [np.asarray(v.quantity.magnitude) for v in vs]
        if any(a.dtype != np.float64 for a in mags):
            raise NotStackableError(f"{name}: not float64")
        first = vs[0]
        flags[name] = np.array([a.ndim > 0 for a in mags])
        if not flags[name].any() and all(a.tobytes() == mags[0].tobytes() for a in mags):
            values[name] = Value(first.symbol, first.quantity, first.origin, _MARK + name)
            continue
        cores = [a.shape[:-1] for a in mags if a.ndim]
        core = cores[0] if cores else ()
        parts = []
        for a, n in zip(mags, sizes, strict=True):
            if a.ndim and a.shape != (*core, n):
                raise NotStackableError(f"{name}: shape {a.shape}, expected {(*core, n)}")
            parts.append(a if a.ndim else np.broadcast_to(a, (*core, n)))
        values[name] = Value(first.symbol, Quantity(np.concatenate(parts, axis=-1),
                                                    first.quantity.units),
                             first.origin, _MARK + name)
    return _Stack(values, flags, own, sizes)


def _split(trail: Trail, out: Mapping[str, Value], st: _Stack
           ) -> list[tuple[list[TrailEntry], dict[str, Value]]]:
    """Each project's trail entries and stage outputs, as it would have had them alone."""
    flow = _Flow(st, {id(v.quantity.magnitude): st.flags[k] for k, v in st.values.items()}, {})
    entries: list[list[TrailEntry]] = [[] for _ in st.sizes]
    for e in trail.entries:
        fl = [flow.flags(i.value, i.origin, i.ref, i.symbol) for i in e.inputs]
        oflags = np.logical_or.reduce(np.array(fl), axis=0) if fl else np.zeros(len(st.sizes),
                                                                                bool)
        flow.known[id(e.output)] = oflags
        flow.produced.setdefault((e.equation, e.symbol), []).append(oflags)
        columns = [_inputs(i, f, st) for i, f in zip(e.inputs, fl, strict=True)]
        per_input = zip(*columns, strict=True) if columns else ((),) * len(st.sizes)
        for mine, inputs, output in zip(entries, per_input, _parts(e.output, oflags, st),
                                        strict=True):
            mine.append(TrailEntry(e.equation, e.symbol, e.formula, e.source, e.description,
                                  tuple(inputs), e.output_unit, output, e.document,
                                  e.instance))
    outs: list[dict[str, Value]] = [{} for _ in st.sizes]
    for name, v in out.items():
        a = np.asarray(v.quantity.magnitude)
        units = v.quantity._units
        marked = v.ref.startswith(_MARK)
        for k, part in enumerate(_parts(a, flow.flags(a, v.origin, v.ref, v.symbol), st)):
            own = st.own[k][v.ref[len(_MARK):]] if marked else v
            outs[k][name] = Value(own.symbol, Quantity(part, units), own.origin, own.ref)
    return list(zip(entries, outs, strict=True))


@dataclass(frozen=True)
class _Flow:
    """Which values are scalars for which project, followed through the group's trail."""

    st: _Stack
    #: By identity: the stacked inputs and every equation's output, as they were.
    known: dict[int, Flags]
    #: By equation id and symbol: the output of each evaluation.
    produced: dict[tuple[str, str], list[Flags]]

    def flags(self, value: Array, origin: str, ref: str, symbol: str) -> Flags:
        """For each project, whether alone it would have an array here (else a scalar)."""
        st = self.st
        if ref.startswith(_MARK):
            name = ref[len(_MARK):]
            if name not in st.values or np.shape(value) != np.shape(st.values[name].quantity.m):
                raise NotStackableError(f"input {name} reshaped in the stages")
            return st.flags[name]
        if _MARK in ref:
            raise NotStackableError(f"a reference built from a stacked input: {ref!r}")
        got = self.known.get(id(value))
        if got is not None:  # a stacked input or an equation's output, as it was
            return got
        if origin == "computed":  # an equation's output converted to another unit
            found = self.produced.get((ref, symbol), [])
            if any(not np.array_equal(f, found[0]) for f in found):
                raise NotStackableError(f"output of {ref} ambiguous")
            if found:
                return found[0]
        return np.full(len(st.sizes), np.ndim(value) > 0)  # built by the stages: along the axis


def _parts(a: Array, flags: Flags, st: _Stack) -> list[Array]:
    """Each project's elements of a stacked array, or its scalar where ``flags`` is False."""
    if a.ndim == 0:
        if flags.any():
            raise NotStackableError("a stacked array reduced to a scalar")
        return [a] * len(st.sizes)
    if a.shape[-1] != st.total:
        raise NotStackableError(f"shape {a.shape} does not run along the stacked axis")
    lead = (0,) * (a.ndim - 1)
    return [a[..., s] if f else np.asarray(a[(*lead, s.start)])
            for s, f in zip(st.slices, flags.tolist(), strict=True)]


def _inputs(i: TrailInput, flags: Flags, st: _Stack) -> list[TrailInput]:
    """One input of a trail entry as each project alone would have recorded it."""
    parts = _parts(i.value, flags, st)
    if not i.ref.startswith(_MARK):
        return [TrailInput(i.name, i.symbol, i.unit, i.origin, i.ref, p) for p in parts]
    name = i.ref[len(_MARK):]
    return [TrailInput(i.name, own[name].symbol, i.unit, own[name].origin, own[name].ref, p)
            for own, p in zip(st.own, parts, strict=True)]
