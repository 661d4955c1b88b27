"""Default NCV, carbon content and oxidation rate of fossil fuels (Chinese guideline table).

The Chinese route ``COEF = NCV × CC × OF × 44/12`` (equation (5) of CCER-01-001-V01) takes its
defaults from the enterprise GHG accounting guidelines' table of common fossil fuels
(常用化石燃料相关参数缺省值); the bundled transcription is ``data/fuel_defaults_mee.csv``, whose
header and ``status`` column say which public copies each value was compared with
(``docs/research/fuel_defaults.md``). A project's measured values override the defaults and
are recorded with origin ``project``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pint

from ccer_calc.datatables import use_table
from ccer_calc.errors import DataNotFound, InputError, UnitError
from ccer_calc.parameters import Value
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "FuelDefaults",
    "FuelProperties",
    "consumption_unit",
    "fuel_defaults_table",
    "fuel_properties",
]

_TABLE = "fuel_defaults_mee.csv"


@dataclass(frozen=True)
class FuelDefaults:
    """One row of the fuel default table: NCV, CC and OF with their provenance.

    ``status`` is ``verified``, ``secondary`` or ``unverified``; ``check`` says what comparing
    the row with independent transcriptions found; ``source`` names the public document.
    """

    fuel: str
    name_zh: str
    ncv: pint.Quantity
    cc: pint.Quantity
    of: pint.Quantity
    status: str
    source: str
    check: str = ""


@functools.cache
def fuel_defaults_table() -> dict[str, FuelDefaults]:
    """The bundled NCV/CC/OF defaults, keyed by fuel, read once (the rows are immutable)."""
    text = resources.files("ccer_calc.tools.data").joinpath(_TABLE).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    out = {}
    for r in csv.DictReader(lines):
        out[r["fuel"]] = FuelDefaults(
            r["fuel"], r["name_zh"], Quantity(float(r["ncv"]), parse_unit(r["ncv_unit"])),
            Quantity(float(r["cc"]), parse_unit(r["cc_unit"])),
            Quantity(float(r["of"]), parse_unit(r["of_unit"])), r["status"], r["source"],
            r.get("check", ""))
    return out


@dataclass(frozen=True)
class FuelProperties:
    """NCV, CC and OF of one fuel as Values (origin ``default`` or ``project``)."""

    fuel: str
    net_calorific_value: Value
    carbon_content: Value
    oxidation_fraction: Value


_MASS_NCV = parse_unit("GJ/t")
_GAS_NCV = parse_unit("GJ/万Nm3")


def consumption_unit(net_calorific_value: pint.Quantity, field: str = "ncv") -> str:
    """The unit fuel consumption is metered in, following the NCV: ``t`` or ``万Nm3``.

    Raises
    ------
    UnitError
        If the NCV is neither energy per mass nor energy per normal volume.
    """
    dim = net_calorific_value.dimensionality
    if dim == _MASS_NCV.dimensionality:
        return "t"
    if dim == _GAS_NCV.dimensionality:
        return "万Nm3"
    raise UnitError("net calorific value in a wrong unit", field=field,
                    value=f"{net_calorific_value.units:~}", expected="GJ/t or GJ/万Nm3")


def _project_value(symbol: str, q: pint.Quantity, path: str) -> Value:
    return Value(symbol, Quantity(np.float64(q.magnitude), q.units), "project",
                 f"project file, {path}")


def fuel_properties(
    fuel: str,
    *,
    ncv: pint.Quantity | None = None,
    cc: pint.Quantity | None = None,
    of: pint.Quantity | None = None,
    field: str = "inputs.fuel_properties",
) -> FuelProperties:
    """NCV, CC and OF of a fuel: the project's measured values where given, else the defaults.

    Parameters
    ----------
    fuel : str
        Key of the fuel in ``fuel_defaults_mee.csv`` (``diesel``, ``natural_gas``, ...) or a
        fuel of the project's own for which all three values are given.
    ncv, cc, of : Quantity, optional
        The project's values [GJ/t or GJ/万Nm3; t C/GJ; % or fraction].
    field : str
        Dotted path of the fuel's entry in the project file, for error messages.

    Returns
    -------
    FuelProperties
        Each value with origin ``project`` (override) or ``default`` (table row and source).

    Raises
    ------
    DataNotFound
        If the fuel is not in the table and the project does not give all three values.
    UnitError
        If an override has the wrong dimension (an NCV per t for a fuel tabulated per 万Nm3).
    InputError
        If the oxidation rate is outside [0, 1].
    """
    use_table(_TABLE)  # the result records the table's sha256
    table = fuel_defaults_table()
    row = table.get(fuel)
    if row is None and (ncv is None or cc is None or of is None):
        raise DataNotFound(
            f"unknown fuel {fuel!r} and the project does not give ncv, cc and of for it",
            field=f"{field}.{fuel}", value=fuel,
            expected="one of " + ", ".join(sorted(table)) + "; or all of ncv, cc, of")
    ref = "" if row is None else f"{_TABLE}, row {fuel} ({row.status}): {row.source}"
    want_ncv = consumption_unit(row.ncv if row is not None else _need(ncv))
    checks = (("ncv", ncv, "GJ/t" if want_ncv == "t" else "GJ/万Nm3"), ("cc", cc, "t C/GJ"),
              ("of", of, "dimensionless"))
    for name, q, unit in checks:
        if q is not None and q.dimensionality != parse_unit(unit).dimensionality:
            raise UnitError("wrong unit", field=f"{field}.{fuel}.{name}", value=f"{q.units:~}",
                            expected=f"a unit convertible to {unit}")
    if of is not None and not 0 <= float(of.m_as("")) <= 1:
        raise InputError("oxidation rate outside 0-100 %", field=f"{field}.{fuel}.of",
                         value=f"{of:~}", expected="a value in [0, 100] %")

    def pick(symbol: str, q: pint.Quantity | None, name: str, default: pint.Quantity | None
             ) -> Value:
        if q is not None:
            return _project_value(symbol, q, f"{field}.{fuel}.{name}")
        d = _need(default)
        return Value(symbol, Quantity(np.float64(d.magnitude), d.units), "default", ref)

    return FuelProperties(
        fuel,
        pick(f"NCV_{fuel}", ncv, "ncv", None if row is None else row.ncv),
        pick(f"CC_{fuel}", cc, "cc", None if row is None else row.cc),
        pick(f"OF_{fuel}", of, "of", None if row is None else row.of),
    )


def _need(q: pint.Quantity | None) -> pint.Quantity:
    if q is None:  # pragma: no cover - guarded by the DataNotFound check above
        msg = "internal: a fuel value is missing"
        raise RuntimeError(msg)
    return q
