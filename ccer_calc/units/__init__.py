"""The single pint unit registry of ccer-calc.

Every quantity in the engine comes from :data:`ureg`. The registry is built once, at import,
from pint's defaults plus ``definitions.txt`` beside this file, with two of pint's defaults
overridden because they collide with emissions accounting:

* ``C`` is carbon here (pint: coulomb), as in ``t C``;
* ``kt`` is the kilotonne here (pint: knot).

Nothing else in the engine may call ``ureg.define``; new units belong in ``definitions.txt``.

**Start-up cache.** Parsing pint's definition files takes most of the registry's construction
(about 0.25 s of a 0.3 s build). When the environment variable ``CCER_CALC_CACHE_DIR`` names a
folder, pint's own definitions cache (``cache_folder``) keeps the parsed files there, in a
subfolder per pint version, and the registry builds in about 0.05 s. The library writes
nothing unless asked: the variable is unset by default; the command line sets it to the user's
cache folder for its own process (:func:`ccer_calc.cli.common.prepare_engine`). A cache that
cannot be read or written is removed and the registry built from the text, so the cache changes
nothing but the time taken.
"""

from __future__ import annotations

import functools
import math
import os
import shutil
import tokenize
from importlib import resources
from pathlib import Path
from typing import Any

import pint

__all__ = [
    "Quantity",
    "Unit",
    "magnitude_in",
    "parse_unit",
    "to_unit",
    "unit_text",
    "ureg",
]


#: Environment variable naming the folder of the parsed-definitions cache (unset: no cache).
CACHE_ENV = "CCER_CALC_CACHE_DIR"


def _cache_folder() -> Path | None:
    """The cache subfolder for this pint version, or None when caching is not asked for."""
    root = os.environ.get(CACHE_ENV, "").strip()
    if not root:
        return None
    return Path(root) / f"pint-{pint.__version__}"


def _build_registry(cache: Path | None) -> pint.UnitRegistry:
    # "ignore" lets the two deliberate overrides below replace pint's defaults; both are
    # asserted in tests/test_units.py so that a pint upgrade cannot silently undo them.
    registry: pint.UnitRegistry = pint.UnitRegistry(on_redefinition="ignore",
                                                    cache_folder=cache)
    text = resources.files(__package__).joinpath("definitions.txt").read_text("utf-8")
    registry.load_definitions(text.splitlines())
    registry.define("C = carbon")
    registry.define("kt = 1000 * metric_ton")
    return registry


def _registry() -> pint.UnitRegistry:
    """The registry, from the parsed-definitions cache when one is configured and usable."""
    cache = _cache_folder()
    if cache is not None:
        try:
            return _build_registry(cache)
        except Exception:  # a damaged or unwritable cache only costs time
            shutil.rmtree(cache, ignore_errors=True)
    return _build_registry(None)


ureg: pint.UnitRegistry = _registry()
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


@functools.lru_cache(maxsize=4096)
def unit_text(unit: pint.Unit) -> str:
    """A unit in pint's short form (``MWh``), formatted once per unit.

    pint formats a unit anew on every call (a few dozen microseconds); the trail and the
    fingerprint name the same few units thousands of times in a batch.

    Examples
    --------
    >>> unit_text(parse_unit("megawatt_hour"))
    'MWh'
    """
    return f"{unit:~}"


@functools.lru_cache(maxsize=4096)
def _factor(source: pint.Unit, target: pint.Unit) -> float | None:
    """The factor of a conversion that is a multiplication; None for offset or log units.

    Found by converting 0, 1 and 2 with pint once: a multiplicative conversion maps 0 to 0 and
    doubles with its argument, and pint applies it as one multiplication by this factor.
    """
    f0, f1, f2 = (float(Quantity(x, source).to(target).magnitude) for x in (0.0, 1.0, 2.0))
    return f1 if f0 == 0.0 and f2 == 2.0 * f1 and math.isfinite(f1) else None


def to_unit(q: pint.Quantity, unit: pint.Unit) -> pint.Quantity:
    """``q.to(unit)``, with the factor of a multiplicative conversion cached per unit pair.

    pint works the factor out again on every call (about 20 microseconds); the result is the
    same multiplication. Offset units (degC) and logarithmic ones go through pint.

    Raises
    ------
    pint.DimensionalityError
        If the dimensions differ, as ``q.to`` does.

    Examples
    --------
    >>> to_unit(Quantity(1.5, "MWh"), parse_unit("kWh")).magnitude
    1500.0
    """
    if q._units == unit._units:
        return q
    factor = _factor(q.units, unit)
    if factor is None:
        return q.to(unit)
    return Quantity(q.magnitude * factor, unit)


def magnitude_in(magnitude: Any, unit: pint.Unit, target: pint.Unit) -> Any:  # noqa: ANN401
    """``to_unit(Quantity(magnitude, unit), target).magnitude``, without building a Quantity.

    A loader holds the bare numbers of a column and its header's unit; wrapping them in a
    Quantity only to convert them (often to the same unit) costs more than the conversion of
    a short column. The numbers are the same: the magnitude untouched when the units are the
    same, else the same multiplication by the cached factor (offset and logarithmic units go
    through pint).

    Raises
    ------
    pint.DimensionalityError
        If the dimensions differ.

    Examples
    --------
    >>> magnitude_in(2.5, parse_unit("MWh"), parse_unit("kWh"))
    2500.0
    """
    if unit._units == target._units:
        return magnitude
    factor = _factor(unit, target)
    if factor is None:
        return Quantity(magnitude, unit).to(target).magnitude
    return magnitude * factor
