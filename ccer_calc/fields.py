"""Typed fields of project files: quantities with units, dates, one-line names.

Every number enters with its unit: a string ``"0.8042 t CO2/MWh"`` or a table
``{value = 0.8042, unit = "t CO2/MWh"}``; a bare number is refused because its unit would be a
guess. Dates are TOML dates or ISO strings, never numbers. :mod:`ccer_calc.project` builds the
project file's models from these and re-exports them.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    WithJsonSchema,
)

from ccer_calc.bounds import NONNEGATIVE, Bounds
from ccer_calc.errors import CcerError, shown

if TYPE_CHECKING:
    import pint

# pint and the unit registry are imported when a value is validated, not when a model is
# defined: the input models (and with them ``ccer-calc schema``) stay light. The runtime type
# of a quantity field is Any behind its validator, which always returns a pint Quantity.

__all__ = [
    "DateIn",
    "Declared",
    "Line",
    "QuantityIn",
    "StrictModel",
    "parse_date",
    "parse_quantity",
    "quantity_any",
    "quantity_field",
    "unknown_units",
    "written_unit",
]


@functools.cache
def _units() -> tuple[Any, Any, Any, Any]:
    """``Quantity``, ``parse_unit``, ``magnitude_in`` and ``unit_text``, imported once.

    The registry is imported when the first value is validated, not when a model is defined;
    after that, a validator gets the three names without an import statement per value.
    """
    from ccer_calc.units import Quantity, magnitude_in, parse_unit, unit_text  # noqa: PLC0415

    return Quantity, parse_unit, magnitude_in, unit_text


def parse_quantity(raw: Any) -> pint.Quantity:  # noqa: ANN401 - raw input of any shape
    """Turn ``"1.5 MWh"``, ``{value, unit}`` or a Quantity into a Quantity.

    Raises
    ------
    ValueError
        If the unit is missing or unknown, or the value is not a finite number. (pydantic
        turns this into a validation error naming the field.)
    """
    quantity = _units()[0]
    if isinstance(raw, quantity):
        return raw
    return quantity(*_number_and_unit(raw))


def written_unit(raw: Any) -> str | None:  # noqa: ANN401 - raw input of any shape
    """The unit a raw value was written with, as written; None when it states none.

    A string's text after its first space, a table's ``unit`` (when text), a pint Quantity's
    units (recognised by its ``units``, so pint is not imported here).

    >>> written_unit("0.8 %"), written_unit({"value": 0.8, "unit": "percent"})
    ('%', 'percent')
    >>> written_unit("0.5%"), written_unit(0.8)
    ('', None)
    """
    if isinstance(raw, dict):
        unit = raw.get("unit")
        return unit if isinstance(unit, str) else None
    if isinstance(raw, str):
        return raw.strip().partition(" ")[2]
    if hasattr(raw, "units"):  # a pint Quantity
        return str(raw.units)
    return None


def _number_and_unit(raw: Any) -> tuple[float, pint.Unit]:  # noqa: ANN401
    """The finite number and the parsed unit of ``"1.5 MWh"`` or ``{value, unit}``.

    Raises
    ------
    ValueError
        As :func:`parse_quantity`.
    """
    if isinstance(raw, dict):
        if set(raw) != {"value", "unit"}:
            msg = f"expected keys value and unit, got {sorted(raw)}"
            raise ValueError(msg)
        value, unit = raw["value"], raw["unit"]
    elif isinstance(raw, str):
        value, _, unit = raw.strip().partition(" ")
        if not unit.strip():
            msg = f"{shown(raw)} has no unit; write the value and its unit, e.g. '1250 MWh'"
            raise ValueError(msg)
    elif isinstance(raw, bool | int | float):
        msg = (f"the number {raw} has no unit; write e.g. {{value = {raw}, unit = \"MWh\"}} "
               f"or \"{raw} MWh\"")
        raise ValueError(msg)  # noqa: TRY004 - pydantic wants ValueError
    else:
        msg = f"expected a quantity with a unit, got {type(raw).__name__}"
        raise ValueError(msg)  # noqa: TRY004
    if isinstance(value, bool):
        msg = f"value {value} is a truth value, not a number"
        raise ValueError(msg)  # noqa: TRY004
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        msg = _not_finite(raw, value)
        raise ValueError(msg) from None
    if not math.isfinite(number):
        msg = _not_finite(raw, value)
        raise ValueError(msg)
    if not isinstance(unit, str):
        msg = f"unit {shown(unit)} is not text"
        raise ValueError(msg)  # noqa: TRY004
    return number, _units()[1](unit)


def _not_finite(raw: Any, value: Any) -> str:  # noqa: ANN401
    """The message for a value that is no finite number.

    A string's whole text is already quoted after it (``got '...'``), so only the value of a
    ``{value, unit}`` table is echoed here.
    """
    if isinstance(raw, dict):
        return f"value {shown(value)} is not a finite number"
    return "the value is not a finite number"


def _serialise(q: pint.Quantity) -> dict[str, Any]:
    return {"value": float(q.magnitude), "unit": _units()[3](q.units)}


_QUANTITY_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\S+\s+\S.*$", "examples": ["1250 MWh"]},
        {"type": "object", "required": ["value", "unit"], "additionalProperties": False,
         "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}},
    ]
}

if TYPE_CHECKING:
    #: A quantity of any dimension.
    QuantityIn = pint.Quantity
else:
    QuantityIn = Annotated[Any, BeforeValidator(parse_quantity), PlainSerializer(_serialise),
                           WithJsonSchema(_QUANTITY_SCHEMA)]


@dataclass(frozen=True)
class Declared:
    """Annotation metadata of a quantity field: its unit (``None``: any) and its range."""

    unit: str | None
    bounds: Bounds


def _out_of_range(q: pint.Quantity, unit: str | None, bounds: Bounds) -> ValueError:
    """``unit`` None: a quantity of any unit, shown in its own unit; the range is a sign."""
    own = f"{q.units:~}" if unit is None else unit
    shown = f"{q.magnitude:g} {own}" if own not in ("", "dimensionless") else f"{q.magnitude:g}"
    what = "is negative" if q.magnitude < 0 and bounds.minimum == 0 else "is out of range"
    return ValueError(f"value {shown} {what} (expected {bounds.describe(unit or '')})")


def _wrong_dimension(written: pint.Unit, unit: str) -> ValueError:
    return ValueError(f"unit {written:~} has the wrong dimension; expected a unit convertible "
                      f"to {unit}")


def quantity_field(unit: str, *, bounds: Bounds = NONNEGATIVE) -> Any:  # noqa: ANN401 - a type
    """An annotated Quantity type that must be convertible to ``unit`` and lie in ``bounds``.

    Parameters
    ----------
    unit : str
        The unit the field is expected in; any unit of the same dimension is accepted and
        converted.
    bounds : Bounds
        The physical range in ``unit``: non-negative unless declared otherwise.

    Returns
    -------
    type
        A type for a pydantic field.
    """
    @functools.cache
    def target() -> pint.Unit:
        return _units()[1](unit)  # on first validation

    def check(raw: Any) -> pint.Quantity:  # noqa: ANN401
        quantity, _, magnitude_in, _ = _units()
        if isinstance(raw, quantity):
            if raw.dimensionality != target().dimensionality:
                raise _wrong_dimension(raw.units, unit)
            q = raw.to(target())
        else:  # converted as q.to does, without a Quantity in the written unit first
            number, written = _number_and_unit(raw)
            if written.dimensionality != target().dimensionality:
                raise _wrong_dimension(written, unit)
            q = quantity(magnitude_in(number, written, target()), target())
        if not bounds.contains(float(q.magnitude)):
            raise _out_of_range(q, unit, bounds)
        return q

    schema = {**_QUANTITY_SCHEMA,
              "description": f"quantity in {unit} (or convertible), {bounds.describe(unit)}"}
    return Annotated[Any, BeforeValidator(check), PlainSerializer(_serialise),
                     WithJsonSchema(schema), Declared(unit, bounds)]


def quantity_any(*, bounds: Bounds,
                 bands: Sequence[tuple[str, Bounds]] = ()) -> Any:  # noqa: ANN401 - a type
    """An annotated Quantity of a dimension checked later (an NCV per t or per 万Nm3).

    ``bounds`` is a sign range for any unit (a minimum of 0 or none, no maximum); ``bands``
    adds a range per dimension, as ``(unit, bounds)``: a value of that unit's dimension is
    converted to it and checked (an NCV per mass, per normal volume, per volume).

    Returns
    -------
    type
        A type for a pydantic field.
    """
    if bounds.maximum is not None or bounds.minimum not in (None, 0.0):
        msg = "a quantity of any unit takes only a sign range (minimum 0 or none, no maximum)"
        raise TypeError(msg)

    @functools.cache
    def units() -> list[tuple[pint.Unit, str, Bounds]]:
        parse_unit = _units()[1]  # on first validation
        return [(parse_unit(u), u, b) for u, b in bands]

    def check(raw: Any) -> pint.Quantity:  # noqa: ANN401
        import numpy as np  # noqa: PLC0415 - on first validation, as pint is

        q = parse_quantity(raw)
        if not bounds.contains(float(q.magnitude)):
            raise _out_of_range(q, None, bounds)
        for target, name, band in units():
            if q.dimensionality == target.dimensionality:
                with np.errstate(over="ignore"):
                    converted = q.to(target)
                if not band.contains(float(converted.magnitude)):
                    raise _out_of_range(converted, name, band)
        return q

    ranges = "; ".join(b.describe(u) for u, b in bands) or bounds.describe("")
    schema = {**_QUANTITY_SCHEMA, "description": f"quantity, {ranges}"}
    return Annotated[Any, BeforeValidator(check), PlainSerializer(_serialise),
                     WithJsonSchema(schema), Declared(None, bounds)]


def parse_date(raw: Any) -> dt.date:  # noqa: ANN401 - raw input of any shape
    """A date from a TOML date or an ISO ``YYYY-MM-DD`` string; numbers are refused.

    pydantic alone would read ``start = 20240101`` or ``1704067200`` as seconds since 1970;
    a date-time would lose its time silently.

    Raises
    ------
    ValueError
        If the value is not a date or an ISO date string.

    Examples
    --------
    >>> parse_date("2024-01-31")
    datetime.date(2024, 1, 31)
    >>> parse_date(20240131)
    Traceback (most recent call last):
    ...
    ValueError: the number 20240131 is not a date; write an ISO date such as 2024-01-31
    """
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str) and _ISO_DATE.match(raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    if isinstance(raw, bool | int | float):
        msg = f"the number {raw} is not a date; write an ISO date such as 2024-01-31"
        raise ValueError(msg)  # noqa: TRY004 - pydantic wants ValueError
    msg = f"{shown(raw)} is not a date; write an ISO date such as 2024-01-31"
    raise ValueError(msg)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: A date in a project file: a TOML date or an ISO string, never a number or a date-time.
DateIn = Annotated[dt.date, BeforeValidator(parse_date),
                   WithJsonSchema({"type": "string", "format": "date"})]


def _one_line(text: str) -> str:
    if "\t" in text or "\n" in text or "\r" in text:
        msg = "a name is one line of text (no tab or line break)"
        raise ValueError(msg)
    return text


#: A name or identifier: one line of printable text.
Line = Annotated[str, AfterValidator(_one_line)]


class StrictModel(BaseModel):
    """A frozen model that refuses unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


def unknown_units(model: type[BaseModel]) -> list[str]:
    """Fields of ``model`` (and of the models nested in it) whose declared unit is unknown.

    A quantity field parses its unit when it first validates a value (so that defining a model
    imports no unit registry); a plug-in's registration calls this so that a misspelt unit is
    refused when the plug-in loads, not on the first project.

    Returns
    -------
    list of str
        ``"field: unit"`` for each unknown unit, empty if all are known.
    """
    from ccer_calc.units import parse_unit  # noqa: PLC0415

    bad: list[str] = []
    seen: set[type[BaseModel]] = set()
    stack: list[tuple[str, type[BaseModel]]] = [("", model)]
    while stack:
        prefix, current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            for meta in info.metadata:
                if isinstance(meta, Declared) and meta.unit is not None:
                    try:
                        parse_unit(meta.unit)
                    except (CcerError, ValueError):
                        bad.append(f"{prefix}{name}: {meta.unit}")
            args: list[Any] = [info.annotation]
            while args:
                t = args.pop()
                if isinstance(t, type) and issubclass(t, BaseModel):
                    stack.append((f"{prefix}{name}.", t))
                else:
                    args.extend(getattr(t, "__args__", ()))
    return bad
