"""Global warming potentials as sourced data, and the equation that applies one.

A GWP is a parameter of a methodology version (DESIGN decision 1): the plug-in names the IPCC
set it prescribes, :func:`gwp_parameter` turns that set's value into a
:class:`~ccer_calc.parameters.Parameter` with unit ``t CO2e / t <gas>``, and
:func:`co2_equivalent` applies it in a recorded equation. There is no engine-wide default set.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

import pint

from ccer_calc.datatables import table_key
from ccer_calc.equation import ANY, equation
from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Parameter

__all__ = ["GwpRow", "co2_equivalent", "gwp", "gwp_parameter", "gwp_table"]


@dataclass(frozen=True)
class GwpRow:
    """One 100-year GWP of one gas in one IPCC set."""

    set: str
    gas: str
    gwp: float
    status: str
    source: str


@functools.cache
def gwp_table() -> tuple[GwpRow, ...]:
    """The bundled GWP table, read once."""
    text = resources.files("ccer_calc.tools.data").joinpath("gwp.csv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    return tuple(GwpRow(r["set"], r["gas"], float(r["gwp"]), r["status"], r["source"])
                 for r in csv.DictReader(lines))


def gwp(ipcc_set: str, gas: str) -> GwpRow:
    """Look up the GWP of a gas in an IPCC set (``SAR``, ``AR4``, ``AR5``, ``AR6``).

    Raises
    ------
    DataNotFound
        Naming the sets or gases that exist.

    Examples
    --------
    >>> gwp("AR5", "CH4").gwp
    28.0
    """
    rows = [r for r in gwp_table() if r.set == ipcc_set]
    if not rows:
        sets = sorted({r.set for r in gwp_table()})
        raise DataNotFound("unknown GWP set", field="gwp set", value=ipcc_set,
                           expected="one of " + ", ".join(sets))
    for r in rows:
        if r.gas == gas:
            return r
    raise DataNotFound(f"no GWP for this gas in set {ipcc_set}", field="gas", value=gas,
                       expected="one of " + ", ".join(r.gas for r in rows))


def gwp_parameter(ipcc_set: str, gas: str, *, name: str, methodology_source: str) -> Parameter:
    """A fixed methodology parameter holding the GWP a methodology prescribes.

    Parameters
    ----------
    ipcc_set : str
        The IPCC set the methodology names.
    gas : str
        Gas symbol as defined in the unit registry (``CH4``, ``N2O``...).
    name : str
        Parameter name in the plug-in (``gwp_ch4``).
    methodology_source : str
        Where the methodology prescribes the set (document, section, table).

    Returns
    -------
    Parameter
        Fixed, not overridable, unit ``t CO2e/t <gas>``.
    """
    row = gwp(ipcc_set, gas)
    return Parameter(
        name=name, symbol=f"GWP_{gas}", unit=f"t CO2e / t / {gas}",
        description_zh=f"{gas}的全球增温潜势（{ipcc_set}，100年）",
        description_en=f"global warming potential of {gas} ({ipcc_set}, 100-year)",
        source=f"{methodology_source}; value {row.source} ({row.status})",
        kind="fixed", default=row.gwp, overridable=False, table=table_key("gwp.csv"))


@equation(
    id="GWP",
    symbol="E_CO2e",
    formula="E_CO2e = E_gas × GWP_gas",
    source="IPCC GWP applied as the calling methodology prescribes",
    inputs={"gas_mass": ANY, "global_warming_potential": ANY},
    output="t CO2e",
    description="CO2-equivalent of a mass of a non-CO2 gas",
)
def co2_equivalent(
    gas_mass: pint.Quantity, global_warming_potential: pint.Quantity
) -> pint.Quantity:
    r"""CO2-equivalent of a mass of gas.

    Parameters
    ----------
    gas_mass : Quantity
        Mass of the gas, E_gas [any unit: t CH4, kg N2O, ...].
    global_warming_potential : Quantity
        GWP of that gas, GWP_gas [any unit: t CO2e / t CH4, ...]; a GWP of another gas leaves
        a stray gas dimension and the conversion to t CO2e fails.

    Returns
    -------
    Quantity
        E_CO2e [t CO2e].

    Notes
    -----
    .. math:: E_{CO_2e} = E_{gas} \times GWP_{gas}

    References
    ----------
    IPCC assessment reports, GWP tables (see ``ccer_calc/tools/data/gwp.csv``).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> e = co2_equivalent(gas_mass=Quantity(2.0, "t CH4"),
    ...                    global_warming_potential=Quantity(28.0, "t CO2e / t / CH4"))
    >>> float(e.quantity.magnitude)
    56.0
    """
    return gas_mass * global_warming_potential
