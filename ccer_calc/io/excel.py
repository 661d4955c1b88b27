"""Monitoring data from an Excel workbook (``.xlsx``), behind the optional extra ``excel``.

The sheet is laid out like the monitoring CSV: row 1 holds the header cells with their units
(``export [MWh]``), every further row one monitored row. Dates are Excel dates (whole days) or
ISO text; numbers are numbers or decimal text; a formula cell counts with the value Excel last
computed for it. The file is read under the policy of :mod:`ccer_calc.io.files` (folder and
size), and its unpacked size is limited too (:data:`MAX_UNPACKED_BYTES`), since an ``.xlsx`` is
a zip archive. The cells go to :func:`ccer_calc.io.table.table_from_cells`, so every CSV rule
applies unchanged; messages name the workbook, the sheet and the Excel row
(``data.xlsx, sheet monitoring: line 5, column export``).

Refused on top of the CSV rules: a sheet that does not exist, merged cells anywhere in the
data, a formula, number or empty cell in the header, a formula Excel never computed, an Excel
error value (``#DIV/0!``), a date in a text or number column, a date-time that is not a whole
day, and a filled cell right of the header.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import InputError
from ccer_calc.extras import require
from ccer_calc.io.files import MAX_FILE_BYTES, read_user_bytes
from ccer_calc.io.table import Cell, table_from_cells

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn
    from ccer_calc.periods import MonitoringTable

__all__ = ["MAX_UNPACKED_BYTES", "read_xlsx_table", "xlsx_table"]

#: Largest unpacked content of a workbook (the sum of its zip members' sizes), in bytes.
MAX_UNPACKED_BYTES = MAX_FILE_BYTES


def _openpyxl() -> Any:  # noqa: ANN401 - the optional module
    return require("openpyxl", extra="excel", field="monitoring.excel")


def _check_archive(data: bytes, name: str, field: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise InputError("not an .xlsx workbook (not a zip archive)", field=field,
                         value=name, expected="a workbook saved as .xlsx") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError("the workbook unpacks to more than the limit", field=field,
                         value=name, expected=f"at most {MAX_UNPACKED_BYTES:,} bytes unpacked")


def _load(data: bytes, name: str, field: str, *, data_only: bool) -> Any:  # noqa: ANN401
    openpyxl = _openpyxl()
    try:
        with warnings.catch_warnings():  # openpyxl warns about styles it ignores
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile,
            openpyxl.utils.exceptions.InvalidFileException) as exc:
        raise InputError(f"unreadable workbook ({type(exc).__name__})", field=field,
                         value=name, expected="a workbook saved as .xlsx") from None


def _sheet(book: Any, sheet: str | None, name: str) -> Any:  # noqa: ANN401
    if sheet is None:
        return book.worksheets[0]
    if sheet not in book.sheetnames:
        raise InputError("the workbook has no such sheet", field="monitoring.sheet",
                         value=sheet, expected=f"one of the sheets of {name}: "
                                               + ", ".join(book.sheetnames))
    return book[sheet]


def _header(ws: Any, origin: str) -> list[str]:  # noqa: ANN401
    cells = list(ws[1]) if ws.max_row >= 1 else []
    while cells and cells[-1].value is None:
        cells.pop()
    if not cells:
        raise InputError("the sheet has no header row", field=f"{origin}: line 1",
                         expected="header cells with units in row 1, e.g. 'export [MWh]'")
    out = []
    for c in cells:
        where = f"{origin}: cell {c.coordinate}"
        if c.data_type == "f":
            raise InputError("a formula in the header", field=where, value=str(c.value),
                             expected="a header written as text, e.g. 'export [MWh]'")
        if not isinstance(c.value, str) or not c.value.strip():
            raise InputError("a header cell is not text", field=where,
                             value=None if c.value is None else str(c.value),
                             expected="a name with its unit, e.g. 'export [MWh]'")
        out.append(c.value)
    return out


def _merged(ws: Any, origin: str) -> None:  # noqa: ANN401
    ranges = sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    if ranges:
        first = ranges[0]
        raise InputError(f"merged cells in the {'header' if first.min_row == 1 else 'data'}",
                         field=origin, value=str(first),
                         expected="one value per cell (unmerge the cells)")


def _value(cell: Any, computed: Any, where: str) -> Cell:  # noqa: ANN401
    if cell.data_type == "e":
        raise InputError("an Excel error value", field=where, value=str(cell.value),
                         expected="a value")
    if cell.data_type != "f":
        return cell.value
    value = computed[cell.coordinate].value
    if value is None:
        raise InputError("a formula Excel has not computed", field=where, value=str(cell.value),
                         expected="a workbook saved by Excel (or the formula replaced by its "
                                  "value)")
    if isinstance(value, str) and value.startswith("#"):
        raise InputError("a formula whose value is an Excel error", field=where, value=value,
                         expected="a value")
    return value


def _rows(ws: Any, width: int, origin: str, computed: Any) -> Iterator[tuple[int, list[Cell]]]:  # noqa: ANN401
    for row in ws.iter_rows(min_row=2):
        values = [_value(c, computed, f"{origin}: line {c.row}, cell {c.coordinate}")
                  for c in row]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        extra = [c for c, v in zip(row[width:], values[width:], strict=True) if v is not None]
        if extra:
            raise InputError("a filled cell right of the header", field=f"{origin}: cell "
                             f"{extra[0].coordinate}", expected=f"at most {width} columns")
        yield row[0].row, (values + [None] * width)[:width]


def xlsx_table(
    data: bytes,
    columns: Sequence[MonitoredColumn],
    *,
    name: str,
    sheet: str | None = None,
    field: str = "monitoring.excel",
) -> MonitoringTable:
    """Read monitored rows from the bytes of an ``.xlsx`` workbook.

    Parameters
    ----------
    data : bytes
        The workbook file's content.
    columns : sequence of MonitoredColumn
        The project's monitored columns.
    name : str
        The workbook as the user named it (path or upload name), for messages.
    sheet : str, optional
        The sheet to read; the first one when not given.
    field : str
        The field messages name for the workbook as a whole.

    Returns
    -------
    MonitoringTable
        As :func:`ccer_calc.io.csv_monitoring.csv_table` would return for the same cells.

    Raises
    ------
    InputError, UnitError
        See the module notes; messages name the workbook, the sheet and the row.
    CcerError
        If the ``excel`` extra (openpyxl) is not installed (:func:`ccer_calc.extras.require`).
    """
    _check_archive(data, name, field)
    book = _load(data, name, field, data_only=False)
    ws = _sheet(book, sheet, name)
    origin = f"{name}, sheet {ws.title}"
    _merged(ws, origin)
    header = _header(ws, origin)
    has_formula = any(c.data_type == "f" for row in ws.iter_rows(min_row=2) for c in row)
    computed = _sheet(_load(data, name, field, data_only=True), ws.title, name) \
        if has_formula else None
    return table_from_cells(header, _rows(ws, len(header), origin, computed), columns,
                            origin=origin)


def read_xlsx_table(
    path: str | Path,
    columns: Sequence[MonitoredColumn],
    *,
    sheet: str | None = None,
    base_dir: Path | None = None,
    allow_outside: bool = True,
) -> MonitoringTable:
    """Read monitored rows from an ``.xlsx`` file under the policy of :mod:`ccer_calc.io.files`.

    Raises
    ------
    InputError, UnitError
        If the file may not be read (folder, size), or as :func:`xlsx_table`.
    """
    data = read_user_bytes(path, base_dir=base_dir, allow_outside=allow_outside,
                           field="monitoring.excel")
    return xlsx_table(data, columns, name=str(path), sheet=sheet)
