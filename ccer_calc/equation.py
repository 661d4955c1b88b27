"""The ``@equation`` decorator: one numbered equation, its units, and its trail entry.

A decorated function's body is the printed formula written on pint quantities that wrap whole
arrays along the period axis, so pint's unit algebra checks the formula itself. The decorator

1. converts every input to the unit the equation declares (raising :class:`UnitError` naming
   the equation and the input when the dimension is wrong),
2. runs the body once on whole arrays,
3. converts the result to the declared output unit (a formula whose units do not work out
   raises instead of returning a wrong number),
4. refuses NaN or infinite results, and
5. appends a :class:`~ccer_calc.trail.TrailEntry` when a trail is given.

Inputs may be :class:`~ccer_calc.parameters.Value` objects (with provenance) or plain pint
quantities (recorded with origin ``argument``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.parameters import Value
from ccer_calc.trail import Trail, TrailEntry, TrailInput
from ccer_calc.units import Quantity, parse_unit, to_unit, unit_text
from ccer_calc.verification import check_status, derive_status

__all__ = ["ANY", "RESULT", "SAME_AS", "Equation", "EquationMeta", "equation"]

#: Input unit meaning "any unit, passed through unconverted" (for tools such as the metering
#: correction that apply to electricity and fuel alike).
ANY = "any"
#: Output-unit prefix meaning "the unit of this input", e.g. ``"same as:measured"``.
SAME_AS = "same as:"
#: Key of the result in ``alternative_units``.
RESULT = "result"


@dataclass(frozen=True)
class EquationMeta:
    """What an equation declares: id, symbol, formula, source, units and verification status.

    ``status`` is ``verified`` when the formula was checked against the official text of
    ``document`` (one of :data:`ccer_calc.verification.OFFICIAL_TEXTS`), ``provisional`` for a
    formula taken from a parent text, ``unverified`` otherwise.
    """

    id: str
    symbol: str
    formula: str
    source: str
    inputs: dict[str, str]
    output: str
    description: str = ""
    alternative_units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    document: str = ""
    status: str = "unverified"


class Equation(Protocol):
    """A decorated equation: call it with keyword inputs and an optional trail."""

    meta: EquationMeta
    __name__: str
    __doc__: str | None

    def __call__(
        self, *, trail: Trail | None = None, instance: str = "",
        **inputs: Value | pint.Quantity,
    ) -> Value:
        """Evaluate the equation (``instance`` labels one of several evaluations)."""
        ...


def equation(
    *,
    id: str,
    symbol: str,
    formula: str,
    source: str,
    inputs: dict[str, str],
    output: str,
    description: str = "",
    alternative_units: Mapping[str, tuple[str, ...]] | None = None,
    document: str = "",
    status: str = "",
) -> Callable[[Callable[..., pint.Quantity]], Equation]:
    """Declare a function as a numbered equation of a methodology or tool.

    Parameters
    ----------
    id : str
        Equation id as the defining document numbers it, unique within every methodology that
        uses it: the document's own number for a methodology's equations (``(1)``, or the
        section, ``§6.4``, for an unnumbered one) and the tool's code before the number for a
        tool's (``TOOL07 (9)``, ``AR-TOOL14 (12)``).
    symbol : str
        Symbol of the computed quantity (``BE_y``).
    formula : str
        The formula as printed, in the document's symbols.
    source : str
        Document, version and section.
    inputs : dict of str to str
        Keyword name of each input and the unit the body expects it in (``"any"``: the input
        is passed in its own unit).
    output : str
        Unit of the result, or ``"same as:<input>"`` for the unit of that input.
    description : str, optional
        One line saying what the equation computes.
    alternative_units : dict of str to tuple of str, optional
        Further units an input (by name) or the result (key ``"result"``) may take when it has
        another dimension than the declared unit, e.g. ``{"net_calorific_value":
        ("GJ/万Nm3",), "result": ("t CO2/万Nm3",)}`` for a fuel metered by normal volume
        instead of mass. A value is converted to the first of the declared unit and its
        alternatives that has its dimension.
    document : str
        The document that defines the equation, with its version (``CCER-01-002-V01``,
        ``TOOL07 v07.0``, ``AR-TOOL14 v04.2``): what the trail cites.
    status : str, optional
        ``verified``, ``unverified`` or ``provisional``; left empty, derived from ``document``
        and ``source`` (:func:`ccer_calc.verification.derive_status`): verified when the
        document is an official text read for the engine and the source carries no ``[U]``.

    Returns
    -------
    callable
        The decorator.
    """
    alts = dict(alternative_units or {})
    unknown = sorted(set(alts) - set(inputs) - {RESULT})
    if unknown:
        msg = f"{id}: alternative units given for unknown inputs {unknown}"
        raise TypeError(msg)
    in_units = {name: (None if u == ANY else _parse_units(u, alts.get(name, ())))
                for name, u in inputs.items()}
    same_as = output.removeprefix(SAME_AS) if output.startswith(SAME_AS) else None
    if same_as is not None and same_as not in inputs:
        msg = f"{id}: output unit refers to unknown input {same_as!r}"
        raise TypeError(msg)
    fixed_out = None if same_as is not None else _parse_units(output, alts.get(RESULT, ()))
    status = status or derive_status(source, document=document)
    check_status(status, f"equation {id}")
    meta = EquationMeta(id, symbol, formula, source, dict(inputs), output, description, alts,
                        document, status)

    def decorate(body: Callable[..., pint.Quantity]) -> Equation:
        params = list(inspect.signature(body).parameters)
        if params != list(inputs):
            msg = f"{id}: body parameters {params} differ from declared inputs {list(inputs)}"
            raise TypeError(msg)

        @functools.wraps(body)
        def wrapper(
            *, trail: Trail | None = None, instance: str = "", **kwargs: Value | pint.Quantity
        ) -> Value:
            missing = [n for n in in_units if n not in kwargs]
            extra = [n for n in kwargs if n not in in_units]
            if missing or extra:
                msg = f"{id}: missing inputs {missing}, unexpected inputs {extra}"
                raise TypeError(msg)
            # overflow or 0/0 give inf/NaN, refused just below naming the equation; numpy
            # must not also warn on the console
            with np.errstate(all="ignore"):
                converted, records = _convert_inputs(kwargs, in_units, meta, trail is not None)
                out_units = fixed_out if fixed_out is not None else (
                    cast("pint.Unit", converted[str(same_as)].units),)
                out = _convert(body(**converted), out_units, meta, "result")
            out_unit = out.units
            mag = np.asarray(out.magnitude, dtype=np.float64)
            if not np.isfinite(mag).all():
                raise InputError(
                    f"equation {id} ({formula}) gave a value that is not a finite number; "
                    "check its inputs",
                    field=symbol,
                )
            if trail is not None:
                trail.append(TrailEntry(id, symbol, formula, source, description,
                                        tuple(records), unit_text(out_unit), mag, document,
                                        instance))
            q = out if out.magnitude is mag else Quantity(mag, out_unit)
            return Value(symbol, q, "computed", id)

        eq = cast("Equation", wrapper)
        eq.meta = meta
        return eq

    return decorate


def _convert_inputs(
    kwargs: dict[str, Value | pint.Quantity],
    in_units: dict[str, tuple[pint.Unit, ...] | None],
    meta: EquationMeta,
    record: bool,
) -> tuple[dict[str, pint.Quantity], list[TrailInput]]:
    """Each input in its declared unit, and (if ``record``) its trail record."""
    converted: dict[str, pint.Quantity] = {}
    records: list[TrailInput] = []
    for name, unit in in_units.items():
        q, sym, origin, ref = _unpack(kwargs[name], name)
        converted[name] = q if unit is None else _convert(q, unit, meta, name)
        if record:
            shown = (meta.inputs[name] if unit is not None and _same(converted[name], unit[0])
                     else unit_text(converted[name].units))
            records.append(TrailInput(name, sym, shown, origin, ref,
                                      np.asarray(converted[name].magnitude)))
    return converted, records


def _unpack(arg: Any, name: str) -> tuple[pint.Quantity, str, str, str]:  # noqa: ANN401
    if isinstance(arg, Value):
        return arg.quantity, arg.symbol, arg.origin, arg.ref
    if isinstance(arg, pint.Quantity):
        return arg, name, "argument", ""
    raise UnitError("a plain number has no unit", field=name, value=arg,
                    expected="a pint Quantity or a Value")


def _parse_units(declared: str, alternatives: tuple[str, ...]) -> tuple[pint.Unit, ...]:
    return tuple(parse_unit(u) for u in (declared, *alternatives))


def _same(q: pint.Quantity, unit: pint.Unit) -> bool:
    """Whether a quantity is in exactly this unit.

    Compares pint's unit containers, which is what ``q.units == unit`` does after building a
    Unit object for ``q`` (a tenth of an equation's cost, on the hot path of every one).
    """
    return bool(q._units == unit._units)


def _convert(
    q: pint.Quantity, units: tuple[pint.Unit, ...], meta: EquationMeta, name: str
) -> pint.Quantity:
    if any(_same(q, u) for u in units):
        return q
    for unit in units:
        if q.dimensionality == unit.dimensionality:
            return to_unit(q, unit)
    shown = " or ".join(f"{u:~}" for u in units)
    raise UnitError(
        f"equation {meta.id} ({meta.formula}): wrong dimension",
        field=name,
        value=f"{q.units:~}",
        expected=f"a unit convertible to {shown}",
    )
