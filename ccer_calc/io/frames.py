"""A Result as pandas DataFrames, and a monitoring DataFrame as arrays (optional extra ``pandas``).

The frames hold the tables of :func:`ccer_calc.io.result_tables.result_tables` (periods,
vintages, parameters, checks, warnings, trail, trail_inputs, summary) and a one-row ``totals``
frame. Column names are plain (``emission_reductions``); each frame's ``attrs["units"]`` maps a
column to its unit (``{"emission_reductions": "t CO2e"}``) and ``attrs["title"]`` says what the
frame holds. Dates are ``datetime64`` columns; numbers are float64, unrounded, equal to the
JSON's.

:func:`frame_columns` goes the other way for monitored rows handed over as a DataFrame
(:class:`ccer_calc.io.sources.FrameColumns`): each column as one numpy array, read column by
column by :mod:`ccer_calc.io.memory_table`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.extras import require
from ccer_calc.io.result_tables import Column, Table, result_tables
from ccer_calc.result import KEYS, UNIT

if TYPE_CHECKING:
    from ccer_calc.result import Result

__all__ = ["frame_columns", "result_frames"]


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


def frame_columns(frame: Any) -> list[np.ndarray]:  # noqa: ANN401 - a DataFrame
    """Each column of a monitoring DataFrame as a numpy array, by position.

    Numbers (nullable ones included) as float64 with NaN where a cell is missing; dates as
    ``datetime64``, timezone-aware ones at their wall-clock time; anything else as Python
    objects with None where a cell is missing (NaN, NaT, ``pd.NA``).
    """
    pd = _pandas()
    return [_array(pd, frame.iloc[:, k]) for k in range(frame.shape[1])]


def _array(pd: Any, column: Any) -> np.ndarray:  # noqa: ANN401 - pandas and a Series
    dtype = column.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        return column.dt.tz_localize(None).to_numpy()
    if dtype.kind == "M":
        return column.to_numpy()
    if dtype.kind in "iuf":
        return column.to_numpy(dtype=np.float64, na_value=np.nan)
    return column.to_numpy(dtype=object, na_value=None)
