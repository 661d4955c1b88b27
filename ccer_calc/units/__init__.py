"""The single pint unit registry of ccer-calc.

Every quantity in the engine comes from :data:`ureg`. The registry is built once, at import,
from pint's defaults plus ``definitions.txt`` beside this file, with two of pint's defaults
overridden because they collide with emissions accounting:

* ``C`` is carbon here (pint: coulomb), as in ``t C``;
* ``kt`` is the kilotonne here (pint: knot).

Nothing else in the engine may call ``ureg.define``; new units belong in ``definitions.txt``.
"""

from __future__ import annotations

import functools
import tokenize
from importlib import resources

import pint

__all__ = [
    "Quantity",
    "Unit",
    "parse_unit",
    "ureg",
]


def _build_registry() -> pint.UnitRegistry:
    # "ignore" lets the two deliberate overrides below replace pint's defaults; both are
    # asserted in tests/test_units.py so that a pint upgrade cannot silently undo them.
    registry: pint.UnitRegistry = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    text = resources.files(__package__).joinpath("definitions.txt").read_text("utf-8")
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            registry.define(stripped)
    registry.define("C = carbon")
    registry.define("kt = 1000 * metric_ton")
    return registry


ureg: pint.UnitRegistry = _build_registry()
Quantity = ureg.Quantity
Unit = ureg.Unit


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> pint.Unit:
    """Parse a unit string such as ``"t CO2/MWh"`` or ``"万Nm3"``.

    Results are cached: a monitoring table names a few units many times, and a unit of the
    one registry never changes.

    Parameters
    ----------
    text : str
        The unit as written in a project file or a CSV header.

    Returns
    -------
    pint.Unit
        The unit in the engine's registry.

    Raises
    ------
    ValueError
        If the text is not a unit known to the registry.
    """
    # 万Nm³ and Nm³ are unit names; any other superscript is a power (m³ = m**3).
    cleaned = text.strip().replace("Nm³", "Nm3").replace("·", "*")
    cleaned = cleaned.replace("³", "**3").replace("²", "**2")
    if cleaned in {"", "1", "-", "dimensionless"}:
        return ureg.dimensionless
    try:
        parsed = ureg.parse_units(cleaned)
    # pint's expression parser also fails with AssertionError ("t CO2/"), TokenError ("(MWh")
    # and ZeroDivisionError ("1/0") on malformed text; all mean "not a unit".
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            TypeError, SyntaxError, ValueError, AssertionError, ArithmeticError,
            tokenize.TokenError) as exc:
        msg = f"unknown unit {text[:80]!r}"  # a message echoes no more than a cell
        raise ValueError(msg) from exc
    return parsed
