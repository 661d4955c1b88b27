"""Monitoring data handed over in memory: a DataFrame, numpy arrays with units, uploaded bytes.

A project built with :func:`ccer_calc.api.project_from_dict` may take its monitored rows from
one of these instead of ``monitoring.data`` or a file it names, so a program (or the HTTP
service) computes without writing a file. Every source turns its data into the cells of
:func:`ccer_calc.io.table.table_from_cells` (or the text of
:func:`ccer_calc.io.csv_monitoring.csv_table`), so the rules are those of the CSV file, header units
included:

* **DataFrame** (pandas, optional extra ``pandas``): a column's unit is in its name
  (``"export [MWh]"``) or in ``df.attrs["units"]`` (``{"export": "MWh"}``); a monitored column
  with neither is a :class:`~ccer_calc.errors.UnitError` naming it. ``start`` and ``end`` are
  dates, whole-day timestamps or ISO text.
* **Arrays**: a mapping of column name to a pint Quantity over a numpy array (``export``) or to
  an array whose key carries the unit (``"export [MWh]"``); ``start`` and ``end`` are
  ``datetime64`` (whole days), dates or ISO text.
* **Uploaded bytes**: :class:`CsvBytes` and :class:`XlsxBytes` (the HTTP service's uploads).

Messages name rows by their 1-based position (``monitoring (DataFrame): line 3, column
export``; line 1 is the header, as in a CSV file).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.csv_monitoring import csv_table
from ccer_calc.io.files import check_rows, decode_text
from ccer_calc.io.table import Cell, table_from_cells
from ccer_calc.periods import DEFAULT_UTC_OFFSET

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn
    from ccer_calc.periods import MonitoringTable

__all__ = ["ArrayColumns", "CsvBytes", "FrameColumns", "MonitoringSource", "XlsxBytes",
           "monitoring_source"]


@runtime_checkable
class MonitoringSource(Protocol):
    """Monitored rows held in memory, turned into a table once the columns are known."""

    def table(self, columns: Sequence[MonitoredColumn]) -> MonitoringTable:
        """The monitored rows for the project's columns."""
        ...  # pragma: no cover - a protocol


@dataclass(frozen=True)
class CsvBytes:
    """The bytes of a monitoring CSV file (an upload), decoded as a CSV file would be."""

    data: bytes
    name: str = "upload.csv"
    encoding: str | None = None

    def table(self, columns: Sequence[MonitoredColumn], *,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
        """Parse the CSV text (see :func:`ccer_calc.io.csv_monitoring.csv_table`).

        ``utc_offset`` is the project's calendar (``monitoring.utc_offset``, in minutes), which
        places timed rows; the engine passes it, as for a CSV file the project names.
        """
        text = decode_text(self.data, encoding=self.encoding, field=self.name)
        return csv_table(text, columns, origin=self.name, utc_offset=utc_offset)


@dataclass(frozen=True)
class XlsxBytes:
    """The bytes of a monitoring workbook (an upload); needs the ``excel`` extra."""

    data: bytes
    name: str = "upload.xlsx"
    sheet: str | None = None
    #: Largest unpacked size (None: :data:`ccer_calc.io.excel.MAX_UNPACKED_BYTES`).
    max_unpacked_bytes: int | None = None

    def table(self, columns: Sequence[MonitoredColumn]) -> MonitoringTable:
        """Read the sheet (see :func:`ccer_calc.io.excel.xlsx_table`)."""
        from ccer_calc.io.excel import xlsx_table  # noqa: PLC0415 - optional extra inside

        return xlsx_table(self.data, columns, name=self.name, sheet=self.sheet,
                          field="monitoring", max_unpacked_bytes=self.max_unpacked_bytes)


def _split_unit(key: str) -> tuple[str, str | None]:
    """``"export [MWh]"`` → ``("export", "MWh")``; ``"export"`` → ``("export", None)``."""
    name, bracket, rest = key.partition("[")
    if not bracket:
        return key.strip(), None
    return name.strip(), rest.rstrip().removesuffix("]").strip()


def _day(value: Any) -> Cell:  # noqa: ANN401 - a date of any kind
    """A date cell from a numpy datetime64 or a pandas Timestamp (midnight checked later)."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return None
        day = value.astype("datetime64[D]")
        if day != value:
            return dt.datetime.fromisoformat(str(value.astype("datetime64[s]")))
        return dt.date.fromisoformat(str(day))
    to_pydatetime = getattr(value, "to_pydatetime", None)  # a pandas Timestamp
    if to_pydatetime is not None:
        return to_pydatetime().replace(tzinfo=None)
    return value


def _cell(value: Any) -> Cell:  # noqa: ANN401 - a cell of any kind
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None  # pandas' missing value: reported as missing, never as NaN
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    return _day(value) if hasattr(value, "to_pydatetime") else str(value)


class _Cells:
    """Header cells and row cells of named, equally long columns."""

    def __init__(self, header: list[str], data: list[Any], origin: str) -> None:
        lengths = {len(col) for col in data}
        if len(lengths) > 1:
            raise InputError("columns of different lengths", field=origin,
                             value=sorted(lengths), expected="one value per row in every column")
        self.header = header
        self.data = data
        self.count = lengths.pop() if lengths else 0
        check_rows(self.count, origin)

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        for i in range(self.count):
            yield i + 2, [_cell(col[i]) for col in self.data]


def _header(name: str, unit: str | None, columns: Sequence[MonitoredColumn],
            origin: str, *, frame: bool) -> str:
    """The header cell of one column; a monitored column without a unit is refused here.

    The hint names where a frame (``attrs['units']``) or arrays (a pint Quantity) carry units.
    """
    if unit is None and name in {c.name for c in columns}:
        expected = next(c.unit for c in columns if c.name == name)
        other = (f"in attrs['units'] ({{'{name}': '{expected}'}})" if frame else
                 f"as a pint Quantity (Quantity(values, '{expected}'))")
        raise UnitError("a monitored column has no unit", field=f"{origin}: column {name}",
                        expected=f"the unit in the column's {'name' if frame else 'key'} "
                                 f"('{name} [{expected}]') or {other}")
    return name if unit is None else f"{name} [{unit}]"


@dataclass(frozen=True)
class ArrayColumns:
    """Monitored rows as numpy arrays: Quantities, or arrays whose key carries the unit."""

    columns: Mapping[str, Any]
    origin: str = "monitoring (arrays)"

    def table(self, columns: Sequence[MonitoredColumn]) -> MonitoringTable:
        """Validate the arrays as the cells of a CSV file would be."""
        header: list[str] = []
        data: list[Any] = []
        for key, given in self.columns.items():
            name, unit = _split_unit(str(key))
            values = given
            if isinstance(given, pint.Quantity):
                if unit is not None:
                    raise UnitError("a unit in the key and a Quantity", field=f"{self.origin}: "
                                    f"column {name}", value=str(key),
                                    expected="the unit in one place only")
                unit = f"{given.units:~}" or "dimensionless"
                values = given.magnitude
            array = np.atleast_1d(np.asarray(values))
            header.append(_header(name, unit, columns, self.origin, frame=False))
            data.append(array)
        cells = _Cells(header, data, self.origin)
        return table_from_cells(cells.header, cells.rows(), columns, origin=self.origin)


@dataclass(frozen=True)
class FrameColumns:
    """Monitored rows as a pandas DataFrame with units in column names or ``attrs['units']``."""

    frame: Any
    origin: str = "monitoring (DataFrame)"

    def table(self, columns: Sequence[MonitoredColumn]) -> MonitoringTable:
        """Validate the frame's columns as the cells of a CSV file would be."""
        units = self.frame.attrs.get("units", {})
        if not isinstance(units, Mapping):
            raise InputError("attrs['units'] is not a mapping", field=self.origin,
                             expected="{'export': 'MWh', ...}")
        header: list[str] = []
        data: list[Any] = []
        for key in self.frame.columns:
            name, unit = _split_unit(str(key))
            given = units.get(name)
            if unit is not None and given is not None and given != unit:
                raise UnitError("two units for one column", field=f"{self.origin}: column "
                                f"{name}", value=f"{unit} and {given}",
                                expected="the unit in the name or in attrs['units'], not both")
            header.append(_header(name, unit if unit is not None else given, columns,
                                  self.origin, frame=True))
            data.append(self.frame[key].to_list())
        cells = _Cells(header, data, self.origin)
        return table_from_cells(cells.header, cells.rows(), columns, origin=self.origin)


def _is_frame(obj: object) -> bool:
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(obj, pandas.DataFrame)


def monitoring_source(obj: object) -> MonitoringSource:
    """The source for a DataFrame, a mapping of arrays, or a source as given.

    Raises
    ------
    InputError
        For any other kind of object.
    """
    if _is_frame(obj):  # first: a frame with a column named "table" looks like a source
        return FrameColumns(obj)
    if isinstance(obj, MonitoringSource):
        return obj
    if isinstance(obj, Mapping):
        return ArrayColumns(obj)
    raise InputError("monitoring data of an unknown kind", field="monitoring",
                     value=type(obj).__name__,
                     expected="a pandas DataFrame, a mapping of column name to numpy array or "
                              "Quantity, or a MonitoringSource")
