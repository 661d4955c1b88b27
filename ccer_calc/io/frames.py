"""A Result as pandas DataFrames (optional extra ``pandas``).

The frames hold the tables of :func:`ccer_calc.io.result_tables.result_tables` (periods,
vintages, parameters, checks, warnings, trail, trail_inputs, summary) and a one-row ``totals``
frame. Column names are plain (``emission_reductions``); each frame's ``attrs["units"]`` maps a
column to its unit (``{"emission_reductions": "t CO2e"}``) and ``attrs["title"]`` says what the
frame holds. Dates are ``datetime64`` columns; numbers are float64, unrounded, equal to the
JSON's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.extras import require
from ccer_calc.io.result_tables import Column, Table, result_tables
from ccer_calc.result import KEYS, UNIT

if TYPE_CHECKING:
    from ccer_calc.result import Result

__all__ = ["result_frames"]


def _pandas() -> Any:  # noqa: ANN401 - the optional module
    return require("pandas", extra="pandas", field="to_frames")


def _frame(pd: Any, table: Table) -> Any:  # noqa: ANN401 - a DataFrame
    names = [c.name for c in table.columns]
    frame = pd.DataFrame(table.rows, columns=names)
    for c in ("start", "end"):
        if c in names:
            frame[c] = pd.to_datetime(frame[c])
    frame.attrs["units"] = {c.name: c.unit for c in table.columns if c.unit is not None}
    frame.attrs["title"] = table.title
    return frame


def _totals(result: Result) -> Table:
    totals = result.totals
    return Table("totals", "Totals over all periods (unrounded); issuable: sum of the vintages, "
                 "each rounded down to whole tonnes",
                 (*(Column(k, UNIT) for k in KEYS), Column("issuable", UNIT)),
                 [[*(totals[k] for k in KEYS), result.issuable_total]])


def result_frames(result: Result) -> dict[str, Any]:
    """The DataFrames of one result, by table name (see the module notes).

    Raises
    ------
    CcerError
        If pandas is not installed (naming the extra).
    """
    pd = _pandas()
    tables = result_tables(result)
    frames = {t.name: _frame(pd, t) for t in tables}
    frames["totals"] = _frame(pd, _totals(result))
    return frames
