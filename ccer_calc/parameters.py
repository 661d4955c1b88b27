"""Parameters as data with provenance, and the values that flow through equations.

A :class:`Parameter` describes one symbol of a methodology (unit, bilingual description,
default, source, fixed ex-ante or monitored). A :class:`Value` is a quantity on its way through
the equations, carrying where it came from, so that every trail entry can say whether an input
was a default, a project override, a monitored reading or a computed result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pint

from ccer_calc.bounds import NONNEGATIVE, Bounds
from ccer_calc.errors import InputError, UnitError
from ccer_calc.units import Quantity, parse_unit, to_unit, unit_text
from ccer_calc.verification import check_status, derive_status

__all__ = ["Origin", "Parameter", "ParameterSet", "Value"]

Origin = Literal["default", "project", "monitored", "expected", "published", "computed", "fixed",
                 "argument"]
Kind = Literal["fixed", "monitored", "published", "computed"]


@dataclass(frozen=True)
class Value:
    """A quantity with its symbol and provenance.

    Parameters
    ----------
    symbol : str
        The methodology's symbol, e.g. ``EG_export,y``.
    quantity : pint.Quantity
        The magnitude (a float64 array over the period axis, or a scalar) with its unit.
    origin : str
        ``default``, ``project``, ``monitored``, ``expected`` (a value of the ex-ante
        estimate), ``published``, ``computed``, ``fixed`` or ``argument``.
    ref : str
        Where exactly: a parameter's source, a data column, a table row or an equation id.
    """

    symbol: str
    quantity: pint.Quantity
    origin: Origin
    ref: str = ""

    @property
    def unit(self) -> str:
        """The unit as pint prints it in short form."""
        return unit_text(self.quantity.units)


@dataclass(frozen=True)
class Parameter:
    """One parameter of a methodology version, with its provenance.

    Parameters
    ----------
    name : str
        Descriptive snake_case key used in project files (``om_weight``).
    symbol : str
        Symbol as printed in the methodology (``w_OM``).
    unit : str
        Unit in which the methodology states the parameter.
    description_zh, description_en : str
        What the parameter is, in Chinese and in English.
    source : str
        Document, section and table the value or rule comes from.
    kind : str
        ``fixed`` (ex-ante), ``monitored``, ``published`` (by an authority, e.g. MEE) or
        ``computed``.
    default : float, optional
        The methodology's default value in ``unit``; ``None`` when there is none.
    frequency : str, optional
        Monitoring or update frequency, for monitored and published parameters.
    overridable : bool
        Whether a project file may set its own value.
    bounds : Bounds
        Physical range in ``unit`` (non-negative unless declared otherwise); the default and
        every override must lie in it.
    table : str, optional
        The bundled data table the default was read from, as ``<package>/<file>``
        (:func:`ccer_calc.datatables.table_key`): a result that applies the default records
        the table's sha256 and its fingerprint covers it.
    provisional : bool
        The value is provisional: a methodology built on a parent text while its own is
        unavailable takes it from the parent, and ``source`` says so (it must contain the word
        "provisional"). Such values are listed wherever the methodology's result is shown.
    """

    name: str
    symbol: str
    unit: str
    description_zh: str
    description_en: str
    source: str
    kind: Kind
    default: float | None = None
    frequency: str | None = None
    overridable: bool = False
    bounds: Bounds = NONNEGATIVE
    table: str | None = None
    provisional: bool = False
    status: str = ""

    def __post_init__(self) -> None:
        parse_unit(self.unit)  # a typo in a unit fails at import, not at compute time
        if not self.status:
            object.__setattr__(self, "status",
                               derive_status(self.source, provisional=self.provisional))
        check_status(self.status, f"parameter {self.name}")
        if self.provisional != (self.status == "provisional"):
            msg = (f"parameter {self.name}: status {self.status!r} contradicts "
                   f"provisional={self.provisional}")
            raise ValueError(msg)
        if self.provisional and "provisional" not in self.source:
            msg = (f"parameter {self.name}: a provisional value must say so in its source "
                   f"({self.source!r})")
            raise ValueError(msg)
        if self.default is not None and not self.bounds.contains(self.default):
            msg = (f"parameter {self.name}: default {self.default} is outside its range "
                   f"({self.bounds.describe(self.unit)})")
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON and documents."""
        return {
            "name": self.name,
            "symbol": self.symbol,
            "unit": self.unit,
            "description_zh": self.description_zh,
            "description_en": self.description_en,
            "source": self.source,
            "kind": self.kind,
            "default": self.default,
            "frequency": self.frequency,
            "overridable": self.overridable,
            "range": self.bounds.describe(self.unit),
            "provisional": self.provisional,
            "status": self.status,
        }


@dataclass(frozen=True)
class ParameterSet:
    """The parameters of one methodology version, looked up by name."""

    parameters: tuple[Parameter, ...]
    _by_name: dict[str, Parameter] = field(init=False, repr=False, compare=False)
    #: Each default's Value, built on first use: a Value and its scalar Quantity are never
    #: changed in place, and a batch asks for the same defaults in every project.
    _defaults: dict[str, Value] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Parameter] = {}
        for p in self.parameters:
            if p.name in by_name:
                msg = f"parameter {p.name!r} is declared twice"
                raise ValueError(msg)
            by_name[p.name] = p
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_defaults", {})

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parameters)

    def __len__(self) -> int:
        return len(self.parameters)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> Parameter:
        return self._by_name[name]

    def check_overrides(
        self, overrides: Mapping[str, pint.Quantity], *, methodology: str = ""
    ) -> None:
        """Refuse unknown, fixed or wrongly dimensioned overrides.

        Raises
        ------
        InputError
            If a name is unknown, the parameter may not be overridden, or the value lies
            outside the parameter's range.
        UnitError
            If the override's unit has another dimension than the parameter's.
        """
        for name, q in overrides.items():
            path = f"parameters.{name}"
            if name not in self._by_name:
                raise InputError(
                    "unknown parameter",
                    field=path,
                    value=name,
                    expected="one of " + ", ".join(sorted(self._by_name)),
                    methodology=methodology or None,
                )
            p = self._by_name[name]
            if not p.overridable:
                raise InputError(
                    f"parameter {p.symbol} is fixed by the methodology ({p.source}) and may "
                    "not be overridden",
                    field=path,
                    expected=f"no override (the methodology's value is {p.default:g} {p.unit})"
                    if p.default is not None else "no override",
                    methodology=methodology or None,
                )
            if q.dimensionality != parse_unit(p.unit).dimensionality:
                raise UnitError(
                    "wrong unit",
                    field=path,
                    value=f"{q.units:~}",
                    expected=f"a unit convertible to {p.unit}",
                    methodology=methodology or None,
                )
            p.bounds.check(to_unit(q, parse_unit(p.unit)).magnitude, p.unit, path)

    def value(
        self, name: str, overrides: Mapping[str, pint.Quantity], *, methodology: str = ""
    ) -> Value:
        """Return the project's value of a parameter, else its default, as a :class:`Value`.

        Raises
        ------
        InputError
            If the parameter has neither an override nor a default.
        """
        p = self._by_name[name]
        if name in overrides:
            q = to_unit(overrides[name], parse_unit(p.unit))
            return Value(p.symbol, Quantity(np.asarray(q.magnitude, dtype=np.float64), q.units),
                         "project", f"project file, parameters.{name}")
        if p.default is None:
            raise InputError(
                f"parameter {p.symbol} has no default and the project gives no value",
                field=f"parameters.{name}",
                expected=f"a value in {p.unit}",
                methodology=methodology or None,
            )
        cached = self._defaults.get(name)
        if cached is None:
            origin: Origin = "fixed" if not p.overridable else "default"
            cached = Value(p.symbol, Quantity(np.float64(p.default), parse_unit(p.unit)), origin,
                           p.source)
            self._defaults[name] = cached
        return cached
