"""Monitoring data handed over in memory: a DataFrame, numpy arrays with units, uploaded bytes.

A project built with :func:`ccer_calc.api.project_from_dict` may take its monitored rows from
one of these instead of ``monitoring.data`` or a file it names, so a program (or the HTTP
service) computes without writing a file. Arrays and frames are read column by column by
:func:`ccer_calc.io.memory_table.memory_table`, with the CSV reader's header, date, range and
meter rules (:mod:`ccer_calc.io.csv_monitoring`); uploaded bytes are read as the file they are.
The same rows give the same table and the same errors whichever way they come in:

* **DataFrame** (pandas, optional extra ``pandas``): a column's unit is in its name
  (``"export [MWh]"``) or in ``df.attrs["units"]`` (``{"export": "MWh"}``); a monitored column
  with neither is a :class:`~ccer_calc.errors.UnitError` naming it. ``start`` and ``end`` are
  ``datetime64`` columns, dates or Timestamps (each a whole day), or ISO text (dates or
  date-times, as in a CSV file).
* **Arrays**: a mapping of column name to a pint Quantity over a numpy array (``export``) or to
  an array whose key carries the unit (``"export [MWh]"``); ``start`` and ``end`` as in a
  frame (``datetime64`` of any resolution, each a whole day).
* **Uploaded bytes**: :class:`CsvBytes` and :class:`XlsxBytes` (the HTTP service's uploads).

In arrays and frames, numbers are numeric columns (NaN is a missing value, refused in a
monitored column) or text read as a CSV cell; truth values and dates in a number column are
refused. A key or column name is a CSV header cell (:func:`ccer_calc.io.table.parse_header`).

Messages name rows by their 1-based position (``monitoring (DataFrame): line 3, column
export``; line 1 is the header, as in a CSV file).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
import pint

from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.csv_monitoring import csv_table
from ccer_calc.io.files import decode_text
from ccer_calc.io.memory_table import memory_table
from ccer_calc.io.table import Head, parse_header
from ccer_calc.periods import DEFAULT_UTC_OFFSET

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn
    from ccer_calc.periods import MonitoringTable

__all__ = ["ArrayColumns", "CsvBytes", "FrameColumns", "MonitoringSource", "XlsxBytes",
           "monitoring_source"]


@runtime_checkable
class MonitoringSource(Protocol):
    """Monitored rows held in memory, turned into a table once the columns are known."""

    def table(self, columns: Sequence[MonitoredColumn], *,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
        """The monitored rows for the project's columns.

        ``utc_offset`` is the project's calendar (``monitoring.utc_offset``, minutes east of
        UTC), which places timed rows; the engine always passes it, and a source of whole
        days accepts and ignores it.
        """
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

    def table(self, columns: Sequence[MonitoredColumn], *,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
        """Read the sheet (see :func:`ccer_calc.io.excel.xlsx_table`).

        ``utc_offset`` is accepted and ignored: the cells of a sheet are whole days.
        """
        del utc_offset
        from ccer_calc.io.excel import xlsx_table  # noqa: PLC0415 - optional extra inside

        return xlsx_table(self.data, columns, name=self.name, sheet=self.sheet,
                          field="monitoring", max_unpacked_bytes=self.max_unpacked_bytes)


def _require_units(head: Head, columns: Sequence[MonitoredColumn], origin: str, *,
                   frame: bool) -> None:
    """Refuse a monitored column without a unit, saying where a frame or arrays carry one.

    The hint names the frame's ``attrs['units']``, or for arrays a pint Quantity.
    """
    units = dict(head)
    for c in columns:
        if c.name in units and units[c.name] is None:
            other = (f"in attrs['units'] ({{'{c.name}': '{c.unit}'}})" if frame else
                     f"as a pint Quantity (Quantity(values, '{c.unit}'))")
            raise UnitError("a monitored column has no unit", field=f"{origin}: column {c.name}",
                            expected=f"the unit in the column's {'name' if frame else 'key'} "
                                     f"('{c.name} [{c.unit}]') or {other}")


def _column(values: Any, name: str, origin: str) -> np.ndarray:  # noqa: ANN401 - any array
    array = np.atleast_1d(np.asarray(values))
    if array.ndim != 1:
        raise InputError("not one column of values", field=f"{origin}: column {name}",
                         value=f"an array of shape {array.shape}",
                         expected="a one-dimensional array, one value per row")
    return array


@dataclass(frozen=True)
class ArrayColumns:
    """Monitored rows as numpy arrays: Quantities, or arrays whose key carries the unit."""

    columns: Mapping[str, Any]
    origin: str = "monitoring (arrays)"

    def table(self, columns: Sequence[MonitoredColumn], *,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
        """Read the arrays column by column, as the columns of a CSV file would be.

        ``utc_offset`` (minutes) places date-times written as text (``monitoring.utc_offset``).
        """
        keys = [str(k) for k in self.columns]
        head: Head = []
        arrays = []
        for key, (name, written), given in zip(keys, parse_header(keys, self.origin),
                                               self.columns.values(), strict=True):
            unit, values = written, given
            if isinstance(given, pint.Quantity):
                if written is not None:
                    raise UnitError("a unit in the key and a Quantity", field=f"{self.origin}: "
                                    f"column {name}", value=key,
                                    expected="the unit in one place only")
                unit = f"{given.units:~}" or "dimensionless"
                values = given.magnitude
            head.append((name, unit))
            arrays.append(_column(values, name, self.origin))
        _require_units(head, columns, self.origin, frame=False)
        return memory_table(head, arrays, columns, origin=self.origin, utc_offset=utc_offset)


@dataclass(frozen=True)
class FrameColumns:
    """Monitored rows as a pandas DataFrame with units in column names or ``attrs['units']``."""

    frame: Any
    origin: str = "monitoring (DataFrame)"

    def table(self, columns: Sequence[MonitoredColumn], *,
              utc_offset: int = DEFAULT_UTC_OFFSET) -> MonitoringTable:
        """Read the frame column by column, as the columns of a CSV file would be.

        ``utc_offset`` (minutes) places date-times written as text (``monitoring.utc_offset``).
        """
        units = self.frame.attrs.get("units", {})
        if not isinstance(units, Mapping):
            raise InputError("attrs['units'] is not a mapping", field=self.origin,
                             expected="{'export': 'MWh', ...}")
        head: Head = []
        for name, unit in parse_header([str(k) for k in self.frame.columns], self.origin):
            given = None if units.get(name) is None else str(units[name]).strip()
            if unit is not None and given is not None and given != unit.strip():
                raise UnitError("two units for one column", field=f"{self.origin}: column "
                                f"{name}", value=f"{unit.strip()} and {given}",
                                expected="the unit in the name or in attrs['units'], not both")
            head.append((name, unit if unit is not None else given))
        _require_units(head, columns, self.origin, frame=True)
        from ccer_calc.io.frames import frame_columns  # noqa: PLC0415 - the pandas extra

        return memory_table(head, frame_columns(self.frame), columns, origin=self.origin,
                            utc_offset=utc_offset)


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
