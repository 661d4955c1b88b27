"""Many projects at once, on any :class:`concurrent.futures.Executor` (DESIGN decision 14).

:func:`compute_many` sends the project files to workers in chunks; a worker loads and computes
each exactly as :func:`ccer_calc.api.compute` does, and returns one :class:`BatchItem` per
project, in the order given: the result, or the error that project raised. One failing project
never stops the others. The default executor is a process pool over the machine's cores; a Dask
distributed client's ``get_executor()`` (or any other ``Executor``) is used unchanged.

Chunks keep the per-task cost of an executor (pickling, a round trip) to a few per worker, and
by default shrink toward the end of the batch, so that the workers finish together; with
``json_trail`` the workers also write each result's JSON line, so that the parent, which would
otherwise serialise every result on one core, only collects text.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import CcerError, InputError

if TYPE_CHECKING:
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.trail import Detail

__all__ = ["BatchItem", "compute_many"]


@dataclass(frozen=True)
class BatchItem:
    """What one project of a batch produced: its result, or the error it raised."""

    source: str
    result: Result | None
    error: Exception | None
    #: The project's JSON line, written by the worker when asked (``json_trail``).
    line: str | None = None
    #: Methodology, emission reductions and issuable tonnes of a computed project.
    summary: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """Whether the project computed."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form: one line of a batch's JSON Lines output."""
        if self.result is not None:
            return {"source": self.source, "ok": True, "result": self.result.to_dict()}
        err = self.error
        return {"source": self.source, "ok": False,
                "error": {"type": type(err).__name__, "message": str(err),
                          "field": getattr(err, "field", None)}}


def _summary(result: Result) -> dict[str, Any]:
    return {"methodology": result.methodology["id"],
            "emission_reductions": result.totals["emission_reductions"],
            "issuable": result.issuable_total,
            "provisional": bool(result.provisional)}


def _item(source: str, outcome: Result | Exception, json_trail: Detail | None) -> BatchItem:
    """A project's item from its result or error (an error that is no CcerError is a bug)."""
    from ccer_calc.result import canonical_json  # noqa: PLC0415 - in the worker

    if isinstance(outcome, CcerError):
        item = BatchItem(source, None, outcome)
    elif isinstance(outcome, Exception):  # a bug in one project must not stop the batch
        item = BatchItem(source, None, RuntimeError(f"internal error: {type(outcome).__name__}: "
                                                    f"{outcome}"))
    elif json_trail is None:
        return BatchItem(source, outcome, None, summary=_summary(outcome))
    else:
        line = canonical_json({"source": source, "ok": True,
                               "result": outcome.to_dict(trail=json_trail)}, indent=None)
        return BatchItem(source, None, None, line=line, summary=_summary(outcome))
    if json_trail is not None:
        item = BatchItem(source, None, item.error, line=canonical_json(item.to_dict(),
                                                                       indent=None))
    return item


def _compute_chunk(sources: list[str], as_of: dt.date | None, json_trail: Detail | None,
                   allow_outside: bool) -> list[BatchItem]:
    """One task of a batch: several projects, their stackable stages evaluated together.

    Each project is loaded on its own; :func:`ccer_calc.stacking.compute_projects` then gives
    each loaded project exactly what :func:`ccer_calc.api.compute` gives it.
    """
    from ccer_calc.api import compute, load_project  # noqa: PLC0415 - in the worker
    from ccer_calc.stacking import _outcome, compute_projects  # noqa: PLC0415

    outcomes: dict[int, Result | Exception] = {}
    loaded: dict[int, Project] = {}
    for k, source in enumerate(sources):
        try:
            loaded[k] = load_project(source, allow_outside=allow_outside)
        except Exception as exc:  # the project's error, made an item below
            outcomes[k] = exc
    try:
        computed = compute_projects(list(loaded.values()), as_of=as_of)
    except Exception:  # a bug of the stacker must not stop the batch: each project alone
        computed = [_outcome(compute, project, as_of=as_of) for project in loaded.values()]
    outcomes.update(zip(loaded, computed, strict=True))
    return [_item(s, outcomes[k], json_trail) for k, s in enumerate(sources)]


def _chunks(sources: list[str], size: int, workers: int | None = None) -> list[list[str]]:
    """Consecutive chunks of at most ``size`` projects.

    With ``workers``, each chunk also holds at most the remaining projects ÷ (2 × workers), so
    the last chunks are small and no worker is left with a whole large one while the others
    wait (guided scheduling); without, every chunk but the last holds ``size``.

    Examples
    --------
    >>> [len(c) for c in _chunks(list("abcdefghij"), 4)]
    [4, 4, 2]
    >>> [len(c) for c in _chunks(list("abcdefghij"), 4, workers=2)]
    [3, 2, 2, 1, 1, 1]
    """
    out, i, n = [], 0, len(sources)
    while i < n:
        step = size if workers is None else max(1, min(size, math.ceil((n - i) / (2 * workers))))
        out.append(sources[i:i + step])
        i += step
    return out


def _run(executor: Executor, chunks: list[list[str]], options: tuple[Any, ...],
         on_item: Callable[[BatchItem], None] | None) -> list[BatchItem]:
    futures: dict[Future[list[BatchItem]], int] = {
        executor.submit(_compute_chunk, c, *options): k for k, c in enumerate(chunks)}
    done: list[list[BatchItem] | None] = [None] * len(chunks)
    for f in as_completed(futures):
        items = f.result()
        done[futures[f]] = items
        if on_item is not None:
            for item in items:
                on_item(item)
    return [item for items in done if items is not None for item in items]


def compute_many(
    projects: Iterable[str | Path],
    *,
    executor: Executor | None = None,
    as_of: dt.date | None = None,
    chunksize: int | None = None,
    on_item: Callable[[BatchItem], None] | None = None,
    json_trail: Detail | None = None,
    allow_outside: bool = False,
) -> list[BatchItem]:
    """Compute many project files, each independently; errors are collected, not raised.

    Parameters
    ----------
    projects : iterable of str or Path
        Project files (TOML or JSON), each with its monitoring data beside it.
    executor : concurrent.futures.Executor, optional
        Where to run: any executor (a thread or process pool, a Dask client's
        ``get_executor()``). By default a process pool over ``os.cpu_count()`` workers, created
        and shut down by this call.
    as_of : datetime.date, optional
        Verification date for every project (see :func:`ccer_calc.api.compute`).
    chunksize : int, optional
        Projects per task; by default about four tasks per core, at most 64 projects each,
        and smaller towards the end (the remaining projects ÷ twice the cores).
    on_item : callable, optional
        Called in this process with each item as its chunk completes (a progress bar).
    json_trail : {"full", "summary", "none"}, optional
        Have the workers write each project's JSON line (:attr:`BatchItem.line`) with this much
        of the trail, instead of sending the Result back.
    allow_outside : bool
        Let each project name files outside its own folder (trusted projects only).

    Returns
    -------
    list of BatchItem
        One per project, in the order given.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> from importlib import resources
    >>> path = resources.files("methodologies.ccer_01_002_v01").joinpath("data/example.toml")
    >>> with ThreadPoolExecutor(2) as pool:
    ...     items = compute_many([str(path), "missing.toml"], executor=pool)
    >>> [item.ok for item in items]
    [True, False]
    """
    if chunksize is not None and chunksize < 1:
        raise InputError("chunk size out of range", field="chunksize", value=chunksize,
                         expected="a whole number of projects, 1 or more")
    sources = [str(p) for p in projects]
    workers = os.cpu_count() or 1
    if chunksize is not None:
        chunks = _chunks(sources, chunksize)
    else:
        chunks = _chunks(sources, max(1, min(64, math.ceil(len(sources) / (4 * workers)))),
                         workers)
    options = (as_of, json_trail, allow_outside)
    if executor is not None:
        return _run(executor, chunks, options, on_item)
    from ccer_calc import api  # noqa: F401, PLC0415 - imported once here, inherited by forked workers

    with ProcessPoolExecutor(max_workers=min(len(sources), workers) or 1) as pool:
        return _run(pool, chunks, options, on_item)
