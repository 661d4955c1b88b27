"""Monitoring data from an Excel workbook (``.xlsx``), behind the optional extra ``excel``.

The sheet is laid out like the monitoring CSV: row 1 holds the header cells with their units
(``export [MWh]``), every further row one monitored row. Dates are Excel dates (whole days) or
ISO text; numbers are number cells (text in a number column is refused, even text of digits);
a formula cell counts with the value Excel last computed for it. The workbook is read with
openpyxl in read-only mode, row by row, never held in memory whole, and at most
:data:`~ccer_calc.io.files.MAX_ROWS` rows. The file is read under the policy of
:mod:`ccer_calc.io.files` (folder and size), and its unpacked size is limited too
(:data:`MAX_UNPACKED_BYTES`; the service states its own in its ``Limits``), and before
openpyxl parses anything every part is checked by :mod:`ccer_calc.io.xlsx_guard` (each sheet
and the shared strings at most a quarter of that limit, the number of shared strings, every
sheet at most 256 columns wide and numbered within the row cap), since an ``.xlsx`` is a zip
archive whose few kilobytes can unpack to a row of millions of cells.
The cells go to :func:`ccer_calc.io.table.table_from_cells`, so every CSV rule applies
unchanged; messages name the workbook, the sheet and the Excel row
(``data.xlsx, sheet monitoring: line 5, column export``).

Refused on top of the CSV rules: a workbook over the unpacked limit, a sheet that does not
exist, merged cells anywhere in the sheet (found in the sheet's XML, since a read-only sheet
does not list them), a formula, number or empty cell in the header, text in a number column, a
formula Excel never computed, an Excel error value (``#DIV/0!``), a date in a text or number
column, a date-time that is not a whole day, and a filled cell right of the header.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ccer_calc.errors import InputError
from ccer_calc.extras import require
from ccer_calc.io.files import MAX_FILE_BYTES, MAX_ROWS
from ccer_calc.io.table import Cell, table_from_cells
from ccer_calc.io.xlsx_guard import (
    SheetScan,
    check_archive,
    check_shared_strings,
    open_archive,
    scan_sheets,
)

if TYPE_CHECKING:
    from ccer_calc.methodology import MonitoredColumn
    from ccer_calc.periods import MonitoringTable

__all__ = ["MAX_UNPACKED_BYTES", "xlsx_cells", "xlsx_table"]

_T = TypeVar("_T")

#: Largest unpacked content of a workbook (the sum of its zip members' sizes), in bytes; the
#: HTTP service states its own (:attr:`ccer_calc.server.limits.Limits.max_unpacked_bytes`).
MAX_UNPACKED_BYTES = MAX_FILE_BYTES


def _openpyxl() -> Any:  # noqa: ANN401 - the optional module
    return require("openpyxl", extra="excel", field="monitoring.excel")


def _check_archive(data: bytes, name: str, field: str,
                   limit: int | None) -> dict[str, SheetScan]:
    """The archive's limits (see :mod:`ccer_calc.io.xlsx_guard`), checked before openpyxl."""
    limit = MAX_UNPACKED_BYTES if limit is None else limit
    with open_archive(data, name, field) as archive:
        sheets = check_archive(archive, name, field, limit)
        check_shared_strings(archive, name, field, limit)
        return scan_sheets(archive, sheets, name, limit=limit, max_rows=MAX_ROWS)


def _load(data: bytes, name: str, field: str, *, data_only: bool) -> Any:  # noqa: ANN401
    """The workbook, read only: rows are parsed as they are iterated, never held at once."""
    openpyxl = _openpyxl()
    try:
        with warnings.catch_warnings():  # openpyxl warns about styles it ignores
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True,
                                          data_only=data_only)
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


def _ref(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - optional extra

    return f"{get_column_letter(col)}{row}"


def _header(cells: Sequence[Any], origin: str) -> list[str]:
    cells = list(cells)
    while cells and cells[-1].value is None:
        cells.pop()
    if not cells:
        raise InputError("the sheet has no header row", field=f"{origin}: line 1",
                         expected="header cells with units in row 1, e.g. 'export [MWh]'")
    out = []
    for k, c in enumerate(cells, start=1):
        where = f"{origin}: cell {_ref(1, k)}"
        if c.data_type == "f":
            raise InputError("a formula in the header", field=where, value=str(c.value),
                             expected="a header written as text, e.g. 'export [MWh]'")
        if not isinstance(c.value, str) or not c.value.strip():
            raise InputError("a header cell is not text", field=where,
                             value=None if c.value is None else str(c.value),
                             expected="a name with its unit, e.g. 'export [MWh]'")
        out.append(c.value)
    return out


def _scanned(scans: dict[str, SheetScan], part: str, origin: str) -> SheetScan:
    """The sheet's scan; a sheet openpyxl opened that the scan did not find is refused."""
    if part not in scans:  # pragma: no cover - sheet_parts finds sheets as openpyxl does
        raise InputError("a sheet the workbook's safety checks did not find", field=origin,
                         value=part, expected="a workbook saved by a spreadsheet program")
    return scans[part]


def _merged(scan: SheetScan, origin: str) -> None:
    """Refuse merged cells, found in the sheet's XML (a read-only sheet does not list them)."""
    ranges = [_span(ref.decode()) for ref in scan.merged]
    if ranges:
        first = min(ranges)
        raise InputError(f"merged cells in the {'header' if first[0] == 1 else 'data'}",
                         field=origin, value=first[2],
                         expected="one value per cell (unmerge the cells)")


def _span(ref: str) -> tuple[int, int, str]:
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - optional extra

    min_col, min_row, _, _ = range_boundaries(ref)
    return min_row, min_col, ref


class _Computed:
    """The values Excel saved for formula cells: a second read-only pass, opened on demand.

    Both passes iterate the sheet's rows in step from the first row holding a formula, so the
    workbook is never held in memory.
    """

    def __init__(self, data: bytes, name: str, field: str, title: str) -> None:
        self.args = (data, name, field)
        self.title = title
        self.rows: Iterator[tuple[Any, ...]] | None = None
        self.current: tuple[Any, ...] = ()
        self.at = 0

    def row(self, number: int) -> tuple[Any, ...]:
        if self.rows is None:
            data, name, field = self.args
            ws = _sheet(_load(data, name, field, data_only=True), self.title, name)
            self.rows = ws.iter_rows(min_row=number, values_only=True)
            self.at = number - 1
        while self.at < number:
            self.current = next(self.rows, ())
            self.at += 1
        return self.current


def _value(cell: Any, computed: _Computed, row: int, col: int, origin: str) -> Cell:  # noqa: ANN401
    if cell.data_type == "e":
        raise InputError("an Excel error value", field=_where(origin, row, col),
                         value=str(cell.value), expected="a value")
    if cell.data_type != "f":
        return cell.value
    saved = computed.row(row)
    value = saved[col] if col < len(saved) else None
    if value is None:
        raise InputError("a formula Excel has not computed", field=_where(origin, row, col),
                         value=str(cell.value), expected="a workbook saved by Excel (or the "
                                                         "formula replaced by its value)")
    if isinstance(value, str) and value.startswith("#"):
        raise InputError("a formula whose value is an Excel error",
                         field=_where(origin, row, col), value=value, expected="a value")
    return value


def _where(origin: str, row: int, col: int) -> str:
    return f"{origin}: line {row}, cell {_ref(row, col + 1)}"


def _rows(rows: Iterator[Sequence[Any]], width: int, origin: str,
          computed: _Computed) -> Iterator[tuple[int, list[Cell]]]:
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:  # empty rows count too: the sheet is read no further
            raise InputError(f"more than {MAX_ROWS:,} rows in the sheet", field=origin,
                             value=number - 1, expected=f"at most {MAX_ROWS:,} rows")
        values = [_value(c, computed, number, k, origin) for k, c in enumerate(row)]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        extra = [k for k, v in enumerate(values[width:], start=width) if v is not None]
        if extra:
            raise InputError("a filled cell right of the header", field=f"{origin}: cell "
                             f"{_ref(number, extra[0] + 1)}", expected=f"at most {width} columns")
        yield number, (values + [None] * width)[:width]


def xlsx_table(
    data: bytes,
    columns: Sequence[MonitoredColumn],
    *,
    name: str,
    sheet: str | None = None,
    field: str = "monitoring.excel",
    max_unpacked_bytes: int | None = None,
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
    max_unpacked_bytes : int, optional
        Largest unpacked size (:data:`MAX_UNPACKED_BYTES` by default; the service passes
        its ``Limits.max_unpacked_bytes``), checked before openpyxl parses anything.

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
    def table(header: list[str], rows: Iterator[tuple[int, list[Cell]]], origin: str
              ) -> MonitoringTable:
        return table_from_cells(header, rows, columns, origin=origin)

    return _read_sheet(data, name, sheet, field=field, max_unpacked_bytes=max_unpacked_bytes,
                       use=table)


def xlsx_cells(data: bytes, *, name: str, sheet: str | None = None,
               field: str = "monitoring.excel", max_unpacked_bytes: int | None = None
               ) -> tuple[list[str], list[list[Cell]]]:
    """The header cells and each row's cells as read, one row per row of :func:`xlsx_table`.

    For a caller that must pass cells on as the user wrote them (the service's inline body);
    the sheet is read under the same checks as by :func:`xlsx_table`.
    """
    def cells(header: list[str], rows: Iterator[tuple[int, list[Cell]]], origin: str
              ) -> tuple[list[str], list[list[Cell]]]:
        del origin
        return header, [row for _, row in rows]

    return _read_sheet(data, name, sheet, field=field, max_unpacked_bytes=max_unpacked_bytes,
                       use=cells)


def _read_sheet(data: bytes, name: str, sheet: str | None, *, field: str,
                max_unpacked_bytes: int | None,
                use: Callable[[list[str], Iterator[tuple[int, list[Cell]]], str], _T]) -> _T:
    """``use(header, rows, origin)`` on the sheet's header and rows, the workbook open."""
    scans = _check_archive(data, name, field, max_unpacked_bytes)
    book = _load(data, name, field, data_only=False)
    try:
        ws = _sheet(book, sheet, name)
        origin = f"{name}, sheet {ws.title}"
        scan = _scanned(scans, ws._worksheet_path.lstrip("/"), origin)
        _merged(scan, origin)
        rows = ws.iter_rows(max_col=scan.width)  # no further right than a cell with a value
        header = _header(next(rows, ()), origin)
        computed = _Computed(data, name, field, ws.title)
        return use(header, _rows(rows, len(header), origin, computed), origin)
    finally:
        book.close()

