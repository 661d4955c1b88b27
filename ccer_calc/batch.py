"""Many projects at once, on any :class:`concurrent.futures.Executor` (DESIGN decision 14).

:func:`compute_many` sends each project file to a worker, which loads and computes it exactly as
:func:`ccer_calc.api.compute` does, and returns one :class:`BatchItem` per project, in the order
given: the result, or the error that project raised. One failing project never stops the
others. The default executor is a process pool over the machine's cores; a Dask distributed
client's ``get_executor()`` (or any other ``Executor``) is used unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import CcerError

if TYPE_CHECKING:
    from ccer_calc.result import Result

__all__ = ["BatchItem", "compute_many"]


@dataclass(frozen=True)
class BatchItem:
    """What one project of a batch produced: its result, or the error it raised."""

    source: str
    result: Result | None
    error: Exception | None

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


def _compute_one(source: str, as_of: dt.date | None) -> BatchItem:
    """Load and compute one project file; its error is returned, not raised."""
    from ccer_calc.api import compute, load_project  # noqa: PLC0415 - in the worker

    try:
        return BatchItem(source, compute(load_project(source), as_of=as_of), None)
    except CcerError as exc:
        return BatchItem(source, None, exc)
    except Exception as exc:  # a bug in one project must not stop the batch
        return BatchItem(source, None, RuntimeError(f"internal error: {type(exc).__name__}: "
                                                    f"{exc}"))


def _items(futures: Iterable[Any]) -> Iterator[BatchItem]:
    for f in futures:
        yield f.result()


def compute_many(
    projects: Iterable[str | Path],
    *,
    executor: Executor | None = None,
    as_of: dt.date | None = None,
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
    sources = [str(p) for p in projects]
    if executor is not None:
        futures = [executor.submit(_compute_one, s, as_of) for s in sources]
        return list(_items(futures))
    with ProcessPoolExecutor(max_workers=min(len(sources), os.cpu_count() or 1) or 1) as pool:
        futures = [pool.submit(_compute_one, s, as_of) for s in sources]
        return list(_items(futures))
