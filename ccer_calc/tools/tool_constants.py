"""The defaults the CDM tools' code holds as constants, as rows of ``ccer-calc data``.

TOOL05's conservative defaults, TOOL06's flare efficiencies and Table 1 constants, and TOOL07's
default lambda table are not bundled data files: they live in the tool modules, next to the
equations that use them. This module lists them, read from those very constants (so the listing
cannot drift from what the engine computes with), with the document, version and paragraph or
table they come from and their verification status.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccer_calc.verification import derive_status

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccer_calc.tools.data_catalogue import DataRow

__all__ = ["CONSTANT_TABLES", "constant_rows"]

_TOOL05, _TOOL06, _TOOL07 = "TOOL05 v03.0", "TOOL06 v04.0", "TOOL07 v07.0"
_ONE = "dimensionless"


@dataclass(frozen=True)
class _Table:
    """A constant table: its title, the module(s) holding its values, its edition, its rows."""

    title: str
    module: str
    edition: str
    build: Callable[[], list[DataRow]]


def _row(table: str, key: str, quantity: str, value: float, unit: str, *, source: str,
         details: str = "") -> DataRow:
    from ccer_calc.tools.data_catalogue import DataRow  # noqa: PLC0415 - avoids an import cycle

    return DataRow(table, key, quantity, float(value), unit, _TABLES[table].edition,
                   derive_status(source), source, details)


def _tool05() -> list[DataRow]:
    from ccer_calc.tools.data_catalogue import DataRow  # noqa: PLC0415
    from ccer_calc.tools.electricity_consumption import TOOL05_PARAMETERS  # noqa: PLC0415

    return [DataRow("tool05_defaults", p.name, p.symbol, p.default, p.unit, _TOOL05,
                    p.status, p.source, "overridable" if p.overridable else "")
            for p in TOOL05_PARAMETERS if p.default is not None]


def _tool06() -> list[DataRow]:
    from ccer_calc.tools import flaring, flaring_exhaust_gas, flaring_measured  # noqa: PLC0415
    from ccer_calc.tools import flaring_residual_gas as rg  # noqa: PLC0415

    t = "tool06_defaults"
    t1 = f"{_TOOL06}, Table 1 (constants used in equations)"
    rows = [
        _row(t, "open flare", "η_flare,m (flame detected)", flaring.OPEN_FLARE_EFFICIENCY, _ONE,
             source=f"{_TOOL06}, para. 18"),
        _row(t, "enclosed flare, option A", "η_flare,m (default; flame detected, within "
             "specification)", flaring.ENCLOSED_FLARE_EFFICIENCY, _ONE,
             source=f"{_TOOL06}, para. 21"),
        _row(t, "low height flare", "deduction from η_flare,m", flaring.LOW_HEIGHT_DEDUCTION,
             _ONE, source=f"{_TOOL06}, para. 23 and 38"),
        _row(t, "option B.1", "uncertainty deducted from the measured efficiency",
             flaring_measured.UNCERTAINTY, _ONE, source=f"{_TOOL06}, para. 27, eq. (1)"),
        _row(t, "option B.1", "minimum number of measurements in year y",
             flaring_measured.MIN_MEASUREMENTS, _ONE, source=f"{_TOOL06}, para. 27"),
        _row(t, "VM_ref", "volume of one kmol of ideal gas at reference conditions",
             flaring_exhaust_gas.MOLAR_VOLUME.m_as("Nm3/kmol"), "Nm3/kmol", source=t1),
        _row(t, "v_O2,air", "O2 volumetric fraction of air",
             flaring_exhaust_gas.AIR_OXYGEN_FRACTION.m_as(""), _ONE, source=t1),
        _row(t, "P_ref", "pressure at reference conditions", rg.REFERENCE_PRESSURE.m_as("Pa"),
             "Pa", source=t1),
        _row(t, "T_ref", "temperature at reference conditions",
             rg.REFERENCE_TEMPERATURE.m_as("K"), "K", source=t1),
        _row(t, "R_u", "universal ideal gas constant",
             rg.UNIVERSAL_GAS_CONSTANT.m_as("Pa * m^3 / (kmol * K)"), "Pa m3/(kmol K)",
             source=t1, details="Table 1 prints 0.008314472 with the unit Pa·m3/kmol·K, a unit "
             "slip: only 8314.472 Pa·m3/(kmol·K) gives Table 1's 0.716 kg/m3 for methane"),
    ]
    masses = rg.MOLECULAR_MASS.m_as("kg/kmol")
    derived = {"NH3": "AM_N + 3 AM_H of Table 1",
               "H2S": "2 AM_H of Table 1 + 32.06 (IUPAC standard atomic weight of sulfur)"}
    for name, mass in zip(rg.COMPONENTS, masses, strict=True):
        source = (f"computed by the engine as {derived[name]}: {_TOOL06} Table 1 gives no "
                  "molecular mass for it although para. 10(j) names it (unverified)"
                  if name in derived else t1)
        rows.append(_row(t, f"MM_{name}", f"molecular mass of {name}", mass, "kg/kmol",
                         source=source))
    rows += [_row(t, f"AM_{el}", f"atomic mass of {el}", q.m_as("kg/kmol"), "kg/kmol",
                  source=t1) for el, q in rg.ATOMIC_MASS.items()]
    return rows


def _tool07_lambda() -> list[DataRow]:
    from ccer_calc.tools.tool07_lambda import LAMBDA_BANDS, LAMBDA_VALUES  # noqa: PLC0415

    upper = [*(f"{b:g}" for b in LAMBDA_BANDS[1:]), "100"]
    source = f"{_TOOL07}, Appendix 2, Table 1 (used by approach 1, para. 61)"
    return [_row("tool07_lambda", f"LCMR share {low:g} to {high} %", "λ_y (default lambda)",
                 lam, _ONE, source=source,
                 details="a share on a band's bound takes the higher band")
            for low, high, lam in zip(LAMBDA_BANDS, upper, LAMBDA_VALUES, strict=True)]


_TABLES = {
    "tool05_defaults": _Table(f"{_TOOL05} conservative defaults: grid emission factors and "
                              "transmission and distribution losses",
                              "ccer_calc/tools/electricity_consumption.py", _TOOL05, _tool05),
    "tool06_defaults": _Table(f"{_TOOL06} flare efficiencies, uncertainty and Table 1 constants",
                              "ccer_calc/tools/flaring.py, flaring_measured.py, "
                              "flaring_exhaust_gas.py, flaring_residual_gas.py", _TOOL06,
                              _tool06),
    "tool07_lambda": _Table(f"{_TOOL07} Appendix 2, Table 1: default lambda by LCMR share",
                            "ccer_calc/tools/tool07_lambda.py", _TOOL07, _tool07_lambda),
}
#: Name of each constant table, its title and the module that holds its values.
CONSTANT_TABLES: dict[str, tuple[str, str]] = {
    name: (t.title, t.module) for name, t in _TABLES.items()}


def constant_rows(table: str | None = None) -> list[DataRow]:
    """The rows of one constant table, or of all of them.

    Examples
    --------
    >>> rows = constant_rows("tool07_lambda")
    >>> rows[-1].key, rows[-1].value, rows[-1].status
    ('LCMR share 99.87 to 100 %', 1.0, 'verified')
    """
    names = [table] if table else list(_TABLES)
    return [row for name in names for row in _TABLES[name].build()]
