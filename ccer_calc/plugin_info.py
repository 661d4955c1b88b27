"""What a methodology plug-in says about itself before it is imported in full.

A plug-in package exports ``INFO``, a :class:`MethodologyInfo`, from an ``__init__`` that
imports nothing heavy, and loads its ``METHODOLOGY`` lazily. Listing the installed methodologies
(``ccer-calc methodologies``) then reads ``INFO`` alone: no unit registry, numpy or pydantic
models are built. An ``INFO`` that also names the plug-in's inputs model (and its expected
model, static monitored columns and per-project note) lets ``ccer-calc schema`` build the JSON
Schema of a project file from the input models alone, without pint or numpy. The registry checks
that the loaded methodology agrees with its ``INFO``. This module imports only the standard
library.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["IDENTITY", "ColumnInfo", "MethodologyInfo", "disagreements", "lazy_attributes",
           "resolve"]

#: The fields a methodology's identity consists of, in the order listings show them.
IDENTITY = ("id", "version", "title_zh", "title_en", "sector", "status", "programme",
            "document", "accounts", "provisional")


@dataclass(frozen=True)
class ColumnInfo:
    """A static monitored column as ``INFO`` lists it: name, unit and kind.

    The same three fields as the methodology's
    :class:`~ccer_calc.methodology.MonitoredColumn` of that name, which the registry checks.
    """

    name: str
    unit: str
    kind: str = "extensive"


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
    inputs : str, optional
        Where the methodology's ``input_model`` lives, as ``"module:Name"``
        (``"methodologies.ccer_01_002_v01.inputs:OffshoreWindInputs"``), in a module that
        imports neither pint nor numpy. Given, ``ccer-calc schema`` reads ``INFO`` and the
        models alone and takes ``expected``, ``monitored`` and ``columns_per_project`` as
        complete; not given (None), it loads the plug-in in full.
    expected : str, optional
        Where its ``expected_model`` lives, likewise (None: it has none).
    monitored : tuple of ColumnInfo
        Its static ``monitored_columns``: name, unit and kind of each, in the same order.
    columns_per_project : str, optional
        Its ``columns_per_project``: how further columns depend on the project (None: they do
        not).
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
    inputs: str | None = None
    expected: str | None = None
    monitored: tuple[ColumnInfo, ...] = ()
    columns_per_project: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form of the identity (:data:`IDENTITY`)."""
        out = {k: getattr(self, k) for k in IDENTITY}
        out["provisional"] = list(self.provisional)
        return out

    @property
    def describes_schema(self) -> bool:
        """Whether this ``INFO`` says all the JSON Schema of a project file needs."""
        return self.inputs is not None

    @property
    def input_model(self) -> Any:  # noqa: ANN401 - a pydantic model class, imported here
        """The inputs model :attr:`inputs` names, imported on first use."""
        if self.inputs is None:
            msg = f"INFO of {self.id} names no inputs model"
            raise AttributeError(msg)
        return resolve(self.inputs)

    @property
    def expected_model(self) -> Any:  # noqa: ANN401 - a pydantic model class or None
        """The expected model :attr:`expected` names (None if it names none)."""
        return None if self.expected is None else resolve(self.expected)


def resolve(path: str) -> Any:  # noqa: ANN401 - whatever the module defines
    """The object a ``"module:Name"`` path names, its module imported.

    Examples
    --------
    >>> resolve("json.decoder:JSONDecoder").__name__
    'JSONDecoder'
    """
    module, _, name = path.partition(":")
    if not module or not name:
        msg = f"{path!r} is not a 'module:Name' path"
        raise ValueError(msg)
    return getattr(importlib.import_module(module), name)


def disagreements(info: MethodologyInfo, methodology: Any) -> list[str]:  # noqa: ANN401
    """What a loaded methodology says differently from its ``INFO`` (names of the fields).

    The identity is always compared; the schema's fields (inputs and expected models, static
    monitored columns, per-project note) only where ``INFO`` describes the schema.
    """
    differ = [k for k in IDENTITY if getattr(methodology, k) != getattr(info, k)]
    if not info.describes_schema:
        return differ
    columns = tuple(ColumnInfo(c.name, c.unit, c.kind) for c in methodology.monitored_columns)
    checks = (("inputs", info.input_model is methodology.input_model),
              ("expected", info.expected_model is methodology.expected_model),
              ("monitored", info.monitored == columns),
              ("columns_per_project",
               info.columns_per_project == methodology.columns_per_project))
    return differ + [name for name, same in checks if not same]


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
