"""CO2 from fossil fuel combustion: the Chinese NCV × CC × OF route and the two TOOL03 routes.

Three published ways compute the CO2 emission coefficient COEF_i of a fuel i (t CO2 per t, per
m³ or per 万Nm³ of fuel); the emissions are then FC_i × COEF_i summed over the fuels:

* the Chinese enterprise-guideline route used by CCER-01-001-V01 §6.4 eq. (5),
  ``COEF = NCV × CC × OF × 44/12``, with defaults per fuel in ``data/fuel_defaults_mee.csv``;
* CDM TOOL03 option A, ``COEF = w_C × rho × 44/12`` (carbon mass fraction, density);
* CDM TOOL03 option B, ``COEF = NCV × EF_CO2`` (CO2 emission factor per unit of energy).

Carbon is a dimension of its own in the engine's unit registry, so 44/12 is applied here as
the explicit quantity :data:`CO2_PER_CARBON` (t CO2 / t C), never as a silent conversion.

The TOOL03 equations are written from background knowledge of TOOL03 (tagged [U] in the
project's reference brief, §6.3): check them against the current TOOL03 text before a release.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pint

from ccer_calc.datatables import use_table
from ccer_calc.equation import equation
from ccer_calc.errors import DataNotFound, InputError, UnitError
from ccer_calc.parameters import Value
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "CO2_PER_CARBON",
    "FuelDefaults",
    "FuelProperties",
    "consumption_unit",
    "fuel_combustion_emissions",
    "fuel_defaults_table",
    "fuel_emission_coefficient_ncv_cc_of",
    "fuel_emission_coefficient_tool03_option_a",
    "fuel_emission_coefficient_tool03_option_b",
    "fuel_properties",
    "stack_per_fuel",
]

#: Ratio of the molar masses of CO2 and C, 44/12 t CO2 per t C.
CO2_PER_CARBON = Quantity(44.0 / 12.0, "tCO2/tC")

#: Fuel metered by mass (declared), by volume or by normal volume (alternatives).
_BY_VOLUME = ("m^3", "万Nm3")
_NCV_BY_VOLUME = ("GJ/m^3", "GJ/万Nm3")
_COEF_BY_VOLUME = ("t CO2/m^3", "t CO2/万Nm3")
_TOOL03 = "CDM TOOL03 (Tool to calculate project or leakage CO2 emissions from fossil fuel " \
          "combustion) [U: written from background knowledge, not checked against the text]"
_CSP = "CCER-01-001-V01 并网光热发电"
_TABLE = "fuel_defaults_mee.csv"


@equation(
    id="C5",
    symbol="COEF_i,y",
    formula="COEF_i,y = NCV_i,y × CC_i,y × OF_i,y × 44/12",
    source=f"{_CSP} §6.4 eq. (5), Tables 4-6; MEE enterprise GHG accounting guidelines",
    inputs={"net_calorific_value": "GJ/t", "carbon_content": "t C/GJ",
            "oxidation_fraction": "dimensionless"},
    output="t CO2/t",
    alternative_units={"net_calorific_value": ("GJ/万Nm3",), "result": ("t CO2/万Nm3",)},
    description="CO2 emission coefficient of a fuel from NCV, carbon content and oxidation",
)
def fuel_emission_coefficient_ncv_cc_of(
    net_calorific_value: pint.Quantity,
    carbon_content: pint.Quantity,
    oxidation_fraction: pint.Quantity,
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i by the Chinese guideline route.

    Parameters
    ----------
    net_calorific_value : Quantity
        Net calorific value, NCV_i,y [GJ/t]; GJ/万Nm3 for gaseous fuels.
    carbon_content : Quantity
        Carbon content per unit of heat, CC_i,y [t C/GJ].
    oxidation_fraction : Quantity
        Carbon oxidation rate, OF_i,y [dimensionless]; a value in % is converted.

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t]; t CO2/万Nm3 when the NCV is per 万Nm3.

    Notes
    -----
    .. math:: COEF_{i,y} = NCV_{i,y} \times CC_{i,y} \times OF_{i,y} \times \frac{44}{12}
       \tag{C5}

    The 44/12 step turns t C into t CO2 and is the explicit factor :data:`CO2_PER_CARBON`.

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (5); parameter Tables 4-6 point to the latest
    MEE enterprise GHG accounting and reporting guideline for the defaults.

    Examples
    --------
    Diesel with the (unverified) table defaults 42.652 GJ/t, 20.2 t C/TJ, 98 %:

    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_ncv_cc_of(
    ...     net_calorific_value=Quantity(42.652, "GJ/t"),
    ...     carbon_content=Quantity(20.2, "t C/TJ"), oxidation_fraction=Quantity(98, "%"))
    >>> round(float(coef.quantity.magnitude), 5)
    3.09591
    """
    return net_calorific_value * carbon_content * oxidation_fraction * CO2_PER_CARBON


@equation(
    id="TOOL03 A",
    symbol="COEF_i,y",
    formula="COEF_i,y = w_C,i,y × rho_i,y × 44/12",
    source=f"{_TOOL03}, option A",
    inputs={"carbon_mass_fraction": "t C/t", "density": "t/t"},
    output="t CO2/t",
    alternative_units={"density": ("t/m^3", "t/万Nm3"), "result": _COEF_BY_VOLUME},
    description="CO2 emission coefficient of a fuel from its carbon mass fraction",
)
def fuel_emission_coefficient_tool03_option_a(
    carbon_mass_fraction: pint.Quantity, density: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i from its chemical composition (TOOL03 option A).

    Parameters
    ----------
    carbon_mass_fraction : Quantity
        Weighted average mass fraction of carbon in the fuel, w_C,i,y [t C/t].
    density : Quantity
        Density of the fuel, rho_i,y [t/t]: 1 t/t for fuel metered by mass, for which TOOL03
        drops rho; t/m^3 or t/万Nm3 for fuel metered by volume.

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t]; t CO2/m^3 or t CO2/万Nm3 following the density.

    Notes
    -----
    .. math:: COEF_{i,y} = w_{C,i,y} \times \rho_{i,y} \times \frac{44}{12}  \tag{TOOL03 A}

    References
    ----------
    CDM TOOL03, option A (carbon content). [U] Not checked against the TOOL03 text.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_tool03_option_a(
    ...     carbon_mass_fraction=Quantity(0.86, "t C/t"), density=Quantity(840, "kg/m^3"))
    >>> round(float(coef.quantity.magnitude), 4)
    2.6488
    """
    return carbon_mass_fraction * density * CO2_PER_CARBON


@equation(
    id="TOOL03 B",
    symbol="COEF_i,y",
    formula="COEF_i,y = NCV_i,y × EF_CO2,i,y",
    source=f"{_TOOL03}, option B",
    inputs={"net_calorific_value": "GJ/t", "co2_emission_factor": "t CO2/GJ"},
    output="t CO2/t",
    alternative_units={"net_calorific_value": _NCV_BY_VOLUME, "result": _COEF_BY_VOLUME},
    description="CO2 emission coefficient of a fuel from NCV and a CO2 factor per energy",
)
def fuel_emission_coefficient_tool03_option_b(
    net_calorific_value: pint.Quantity, co2_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emission coefficient of fuel i from NCV and a CO2 factor (TOOL03 option B).

    Parameters
    ----------
    net_calorific_value : Quantity
        Weighted average net calorific value, NCV_i,y [GJ/t]; GJ/m^3 or GJ/万Nm3 for fuel
        metered by volume.
    co2_emission_factor : Quantity
        CO2 emission factor per unit of energy, EF_CO2,i,y [t CO2/GJ].

    Returns
    -------
    Quantity
        COEF_i,y [t CO2/t]; t CO2/m^3 or t CO2/万Nm3 following the NCV.

    Notes
    -----
    .. math:: COEF_{i,y} = NCV_{i,y} \times EF_{CO2,i,y}  \tag{TOOL03 B}

    References
    ----------
    CDM TOOL03, option B (net calorific value and CO2 emission factor). [U] Not checked
    against the TOOL03 text.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> coef = fuel_emission_coefficient_tool03_option_b(
    ...     net_calorific_value=Quantity(43.0, "GJ/t"),
    ...     co2_emission_factor=Quantity(72.6, "t CO2/TJ"))
    >>> round(float(coef.quantity.magnitude), 4)
    3.1218
    """
    return net_calorific_value * co2_emission_factor


@equation(
    id="FC1",
    symbol="PE_FC,i,y",
    formula="PE_FC,i,y = FC_i,y × COEF_i,y",
    source=f"{_CSP} §6.4 eq. (4) (one term of the sum); {_TOOL03}, eq. (1) (one term)",
    inputs={"fuel_consumed": "t", "emission_coefficient": "t CO2/t"},
    output="t CO2",
    alternative_units={"fuel_consumed": _BY_VOLUME, "emission_coefficient": _COEF_BY_VOLUME},
    description="CO2 from burning one fuel",
)
def fuel_combustion_emissions(
    fuel_consumed: pint.Quantity, emission_coefficient: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emitted by burning the quantity of one fuel i (one term of the sum over fuels).

    Parameters
    ----------
    fuel_consumed : Quantity
        Fuel burned, FC_i,y [t]; m^3 or 万Nm3 for fuel metered by volume.
    emission_coefficient : Quantity
        CO2 emission coefficient, COEF_i,y [t CO2/t]; per m^3 or per 万Nm3 to match the fuel.

    Returns
    -------
    Quantity
        PE_FC,i,y [t CO2]. A coefficient per 万Nm3 with fuel in t raises UnitError.

    Notes
    -----
    .. math:: PE_{FC,i,y} = FC_{i,y} \times COEF_{i,y}  \tag{FC1}

    References
    ----------
    CCER-01-001-V01 并网光热发电, §6.4, equation (4); CDM TOOL03, equation (1).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> pe = fuel_combustion_emissions(fuel_consumed=Quantity(12.5, "t"),
    ...                                emission_coefficient=Quantity(3.1, "t CO2/t"))
    >>> float(pe.quantity.magnitude)
    38.75
    """
    return fuel_consumed * emission_coefficient


def stack_per_fuel(values: Sequence[Value], shape: tuple[int, ...], symbol: str) -> Value:
    """Stack per-fuel emissions [t CO2] into one array of shape ``(fuels, *shape)``.

    With no fuel the result has shape ``(0, *shape)`` and sums to zero along the fuel axis.
    """
    unit = parse_unit("t CO2")
    mags = [np.broadcast_to(v.quantity.m_as(unit), shape) for v in values]
    stacked = np.stack(mags) if mags else np.zeros((0, *shape))
    ref = ", ".join(v.ref for v in values) or "no fuel"
    return Value(symbol, Quantity(stacked, unit), "computed", ref)


@dataclass(frozen=True)
class FuelDefaults:
    """One row of the fuel default table: NCV, CC and OF with their provenance."""

    fuel: str
    name_zh: str
    ncv: pint.Quantity
    cc: pint.Quantity
    of: pint.Quantity
    status: str
    source: str


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
            Quantity(float(r["of"]), parse_unit(r["of_unit"])), r["status"], r["source"])
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
