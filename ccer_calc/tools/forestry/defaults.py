"""The default values of the CDM A/R tools, read from ``ccer_calc/tools/data/forestry``.

Each default applies "unless transparent and verifiable information can be provided to justify
a different value": a methodology plug-in may let a project override it, and the trail then
shows the override instead of the default. Looking a default up returns a
:class:`~ccer_calc.parameters.Value` with origin ``default`` and the tool's paragraph as ``ref``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.tables import CsvTable, parse_csv_table
from ccer_calc.units import Quantity, parse_unit

__all__ = ["ToolDefault", "data_table", "tool_default", "tool_defaults"]

_PACKAGE = "ccer_calc.tools.data.forestry"


@functools.cache
def data_table(name: str) -> CsvTable:
    """A packaged data table of this package, parsed once per process."""
    text = resources.files(_PACKAGE).joinpath(name).read_text("utf-8")
    return parse_csv_table(text, name)


@dataclass(frozen=True)
class ToolDefault:
    """One default value of one A/R tool."""

    tool: str
    name: str
    symbol: str
    value: float
    unit: str
    source: str
    status: str

    def as_value(self) -> Value:
        """The default as a :class:`Value` with origin ``default``."""
        return Value(self.symbol or self.name, Quantity(np.float64(self.value),
                                                        parse_unit(self.unit)),
                     "default", self.source)


@functools.cache
def tool_defaults() -> tuple[ToolDefault, ...]:
    """Every default of ``ar_tool_defaults.csv``, in file order."""
    t = data_table("ar_tool_defaults.csv")
    values = t.quantity("value", "dimensionless")
    return tuple(
        ToolDefault(t.cells["tool"][i], t.cells["name"][i], t.cells["symbol"][i],
                    float(values.magnitude[i]), t.cells["unit"][i], t.cells["source"][i],
                    t.cells["status"][i])
        for i in range(len(t)))


def tool_default(tool: str, name: str) -> Value:
    """Look up one default of one tool (``tool_default("AR-TOOL14", "carbon_fraction_tree")``).

    Raises
    ------
    DataNotFound
        Naming the defaults that exist for the tool.

    Examples
    --------
    >>> cf = tool_default("AR-TOOL14", "carbon_fraction_tree")
    >>> cf.symbol, float(cf.quantity.m_as("t C/t")), cf.origin
    ('CF_TREE', 0.47, 'default')
    """
    rows = [d for d in tool_defaults() if d.tool == tool]
    for d in rows:
        if d.name == name:
            return d.as_value()
    raise DataNotFound("no such default", field=f"{tool} default", value=name,
                       expected="one of " + ", ".join(d.name for d in rows)
                       if rows else "a tool among AR-TOOL08, 12, 14, 15, 16")
