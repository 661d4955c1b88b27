"""Which bundled data tables a computation used, with the sha256 of each.

A tool that takes a number from a bundled table (the MEE grid factors, the fuel defaults, the
GWP set) calls :func:`use_table` when it does. :func:`ccer_calc.api.compute` runs the
methodology inside :func:`recording`, collects the names and digests, writes them into the
result (``data_tables``) and hashes them into the fingerprint: editing a table changes the
fingerprint of every result that used it, and of no other.

The record is a :class:`contextvars.ContextVar` set only for the duration of one ``compute``
(so threads and asyncio tasks each keep their own); outside ``compute`` :func:`use_table` does
nothing. The digests are computed once per process per table (the files ship with the package
and do not change while it runs).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
from collections.abc import Iterator
from importlib import resources

__all__ = [
    "DEFAULT_PACKAGE",
    "recording",
    "table_digest",
    "table_key",
    "use_table",
    "use_table_key",
]

#: The package of the engine's bundled tables.
DEFAULT_PACKAGE = "ccer_calc.tools.data"

_USED: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "ccer_calc_data_tables", default=None)


def table_key(name: str, package: str = DEFAULT_PACKAGE) -> str:
    """The name a table is recorded under: ``<package>/<file>``.

    Examples
    --------
    >>> table_key("gwp.csv")
    'ccer_calc.tools.data/gwp.csv'
    """
    return f"{package}/{name}"


@functools.cache
def table_digest(name: str, package: str = DEFAULT_PACKAGE) -> str:
    """``sha256:<hex>`` of a bundled table's bytes."""
    data = resources.files(package).joinpath(name).read_bytes()
    return "sha256:" + hashlib.sha256(data).hexdigest()


def use_table(name: str, package: str = DEFAULT_PACKAGE) -> None:
    """Record that the running computation takes numbers from a bundled table.

    Parameters
    ----------
    name : str
        File name inside ``package`` (``grid_factors_mee.csv``).
    package : str
        The package holding it; the engine's tables by default, a plug-in's own otherwise.
    """
    used = _USED.get()
    if used is not None:
        used[table_key(name, package)] = table_digest(name, package)


def use_table_key(key: str) -> None:
    """:func:`use_table` for a key made by :func:`table_key` (``<package>/<file>``)."""
    package, _, name = key.rpartition("/")
    use_table(name, package)


@contextlib.contextmanager
def recording(into: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """Collect the tables used inside the ``with`` block: ``{key: sha256}``.

    ``into`` continues a record begun earlier (one computation run in several steps, as the
    batch worker's stacked path runs it); a new, empty record by default.

    Examples
    --------
    >>> with recording() as used:
    ...     use_table("gwp.csv")
    >>> list(used)
    ['ccer_calc.tools.data/gwp.csv']
    >>> use_table("gwp.csv")  # outside a recording: nothing happens
    """
    used: dict[str, str] = {} if into is None else into
    token = _USED.set(used)
    try:
        yield used
    finally:
        _USED.reset(token)
