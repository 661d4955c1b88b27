"""What a methodology plug-in says about itself before it is imported in full.

A plug-in package exports ``INFO``, a :class:`MethodologyInfo`, from an ``__init__`` that
imports nothing heavy, and loads its ``METHODOLOGY`` lazily. Listing the installed methodologies
(``ccer-calc methodologies``) then reads ``INFO`` alone: no unit registry, numpy or pydantic
models are built. The registry checks that the loaded methodology agrees with its ``INFO``.
This module imports only the standard library.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["IDENTITY", "MethodologyInfo", "lazy_attributes"]

#: The fields a methodology's identity consists of, in the order listings show them.
IDENTITY = ("id", "version", "title_zh", "title_en", "sector", "status", "programme",
            "document", "accounts", "provisional")


@dataclass(frozen=True)
class MethodologyInfo:
    """Identity of one methodology version.

    Parameters
    ----------
    id : str
        Methodology id, also the entry-point name (``CCER-01-002-V01``).
    version : str
        Version of the methodology (``V01``).
    title_zh, title_en : str
        Title in Chinese and English.
    sector : str
        Sector (``能源产业 / energy industries``).
    status : str
        Whether and since when the version is in force; ``provisional: ...`` for a plug-in
        built on a parent text while its own is unavailable.
    programme : str
        ``CCER`` or ``CDM``: whose rules apply.
    document : str
        The methodology's own document with its version, as its equations cite it.
    accounts : str
        ``reductions`` (default) or ``removals`` (sinks).
    provisional : tuple of str
        Names of the values and rules a provisional methodology takes from its parent text
        (empty for a verified one); the loaded methodology must list the same.
    """

    id: str
    version: str
    title_zh: str
    title_en: str
    sector: str
    status: str
    programme: str
    document: str
    accounts: str = "reductions"
    provisional: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        out = asdict(self)
        out["provisional"] = list(self.provisional)
        return out


def lazy_attributes(package: str, module: str,
                    names: tuple[str, ...]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``package.module`` when one of ``names`` is used.

    A plug-in package's ``__init__`` exports its light ``INFO`` and, with
    ``__getattr__ = lazy_attributes(__name__, "methodology", ("METHODOLOGY",))``, loads its
    methodology only when the entry point (or a user) asks for it.

    Examples
    --------
    >>> getattr_ = lazy_attributes("json", "decoder", ("JSONDecoder",))
    >>> getattr_("JSONDecoder").__name__
    'JSONDecoder'
    """
    def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the module defines
        if name in names:
            return getattr(importlib.import_module(f"{package}.{module}"), name)
        msg = f"module {package!r} has no attribute {name!r}"
        raise AttributeError(msg)

    return __getattr__
