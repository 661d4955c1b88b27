"""Checks on an ``.xlsx`` archive made before openpyxl parses it (decompression bombs).

An ``.xlsx`` is a zip archive of XML parts, and a few kilobytes of it can unpack to a sheet
openpyxl would spend minutes and gigabytes on: one row of millions of cells (openpyxl builds a
whole ``<row>`` element before it yields it), millions of shared strings (read in full when the
workbook opens), or a row numbered in the millions (padded with empty rows up to it). So,
reading only the zip directory and stream-decompressing the parts in chunks of
:data:`CHUNK` bytes, never holding a part whole:

* :func:`check_archive`: the archive's unpacked size and each sheet's and the shared-string
  part's own unpacked size (:func:`part_limit`: a quarter of the unpacked limit);
* :func:`check_shared_strings`: the ``count``/``uniqueCount`` the part declares and the strings
  it holds, against :func:`string_limit`;
* :func:`scan_sheet`: the sheet's declared ``<dimension>``, every row's number and width, and its
  merged cells, returning the widest column that holds a value (openpyxl then reads no further
  right than that).

Every check raises :class:`~ccer_calc.errors.InputError` naming the workbook or sheet and the
limit. The numbers are stated in :data:`MAX_COLUMNS` and the two functions above.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from ccer_calc.errors import InputError

__all__ = ["CHUNK", "MAX_COLUMNS", "SheetScan", "check_archive", "check_shared_strings",
           "part_limit", "scan_sheet", "string_limit"]

#: Widest sheet read, in columns. A project's header has ``start``, ``end`` and up to three
#: columns per monitored quantity (value, ``_meter``, ``_meter_error``): the bundled
#: methodologies need at most 11, a power plant with a dozen fuels about 50; 256 is the width
#: of a classic ``.xls`` sheet and far beyond any of them.
MAX_COLUMNS = 256
#: Bytes decompressed at a time.
CHUNK = 1 << 20
_SHARED = "xl/sharedStrings.xml"
_HEAD = 64 * 1024  # the start of a part, where its root element's attributes are
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"([A-Za-z]+\d*)(?::([A-Za-z]+)\d*)?\"")
_SST = re.compile(rb"<(?:\w+:)?sst\b([^>]*)>")
_COUNT = re.compile(rb"\b(count|uniqueCount)=\"(\d+)\"")
_SI = re.compile(rb"<(?:\w+:)?si[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
# a row's start (with its number), or a cell: its column letters, and whether it is empty
_TAG = re.compile(rb"<(?:\w+:)?(?:(row)\b(?:(?=[^>]*?\br=\"(\d+)\")|)[^>]*?"
                  rb"|c\b(?:(?=[^>]*?\br=\"([A-Za-z]+))|)[^>]*?(/?))>")


def part_limit(unpacked_limit: int) -> int:
    """Largest unpacked size of one sheet or of the shared strings: a quarter of the archive's.

    >>> part_limit(64 * 1024 * 1024) // (1024 * 1024)  # the service: the 16 MiB body limit
    16
    """
    return unpacked_limit // 4


def string_limit(unpacked_limit: int) -> int:
    """Most shared strings: one per 512 bytes of the unpacked limit.

    openpyxl reads every shared string when it opens a workbook (about 10 µs each), so this
    bounds that time to about a second for the service. A monitoring sheet holds far fewer
    distinct texts (dates written as text, meter statuses).

    >>> string_limit(64 * 1024 * 1024)  # the service
    131072
    """
    return unpacked_limit // 512


def check_archive(data: bytes, name: str, field: str, limit: int) -> None:
    """Refuse what is not a zip, unpacks to more than ``limit``, or has an oversized part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise InputError("not an .xlsx workbook (not a zip archive)", field=field,
                         value=name, expected="a workbook saved as .xlsx") from None
    if sum(info.file_size for info in infos) > limit:
        raise InputError("the workbook unpacks to more than the limit", field=field,
                         value=name, expected=f"at most {limit:,} bytes unpacked")
    part = part_limit(limit)
    for info in infos:
        if _is_checked(info.filename) and info.file_size > part:
            raise InputError(f"the part {info.filename} unpacks to more than the limit",
                             field=field, value=name, expected=f"at most {part:,} bytes "
                             "unpacked for a sheet or the shared strings")


def _is_checked(member: str) -> bool:
    return member == _SHARED or member.startswith("xl/worksheets/")


def _open(data: bytes, member: str) -> zipfile.ZipExtFile | None:
    """The part opened for streaming, or None when the archive lacks it."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    if member not in archive.namelist():
        return None
    return archive.open(member)


def _stream(fh: zipfile.ZipExtFile, limit: int, name: str, field: str) -> bytes:
    """The next chunk; refuses a part that unpacks beyond what its directory entry claims."""
    chunk = fh.read(CHUNK)
    if fh.tell() > limit:  # a lying directory entry: the size is checked as it unpacks too
        raise InputError("a part of the workbook unpacks to more than the limit", field=field,
                         value=name, expected=f"at most {limit:,} bytes unpacked")
    return chunk


def check_shared_strings(data: bytes, name: str, field: str, limit: int) -> None:
    """Refuse more shared strings than :func:`string_limit`, declared or found."""
    most = string_limit(limit)
    fh = _open(data, _SHARED)
    if fh is None:
        return
    expected = f"at most {most:,} distinct texts in the workbook"
    with fh:
        head = fh.read(_HEAD)
        root = _SST.search(head)
        for key, value in _COUNT.findall(root.group(1) if root else b""):
            if int(value) > most:
                raise InputError(f"the workbook declares {int(value):,} shared strings "
                                 f"({key.decode()})", field=field, value=name,
                                 expected=expected)
        count, tail, text = 0, b"", head
        while text:
            found = _SI.findall(tail + text)
            count += len(found) - len(_SI.findall(tail))
            if count > most:
                raise InputError("the workbook holds more shared strings than the limit",
                                 field=field, value=name, expected=expected)
            tail = (tail + text)[-16:]
            text = _stream(fh, part_limit(limit), name, field)


@dataclass
class SheetScan:
    """What :func:`scan_sheet` found: the widest column with a value, the merged ranges."""

    width: int = 0
    merged: list[bytes] | None = None


def scan_sheet(data: bytes, member: str, origin: str, *, limit: int, max_rows: int) -> SheetScan:
    """Stream the sheet's XML once: dimension, row numbers and widths, merged cells.

    Refuses a declared dimension or a row wider than :data:`MAX_COLUMNS`, a row numbered past
    ``max_rows + 1`` (a header and ``max_rows`` rows), and a part that unpacks beyond
    :func:`part_limit`.
    """
    scan = SheetScan(merged=[])
    fh = _open(data, member)
    if fh is None:
        return scan
    state = _RowState(origin, max_rows)
    with fh:
        text = fh.read(_HEAD)
        _dimension(text, origin)
        tail = b""
        while text:
            buf = tail + text
            cut = buf.rfind(b"<")  # a tag cut between chunks is read with the next one
            cut = len(buf) if cut < 0 or b">" in buf[cut:] else cut
            state.feed(buf[:cut], scan)
            scan.merged += [m.group(1) for m in _MERGE.finditer(buf[:cut])]
            tail = buf[cut:]
            if len(tail) > _HEAD:
                raise InputError("a tag in the sheet is too long", field=origin,
                                 expected=f"tags of at most {_HEAD:,} bytes")
            text = _stream(fh, part_limit(limit), origin, origin)
    return scan


def _dimension(head: bytes, origin: str) -> None:
    found = _DIMENSION.search(head)
    if found is None:
        return
    last = (found.group(2) or found.group(1)).decode().upper()
    if _column(last) > MAX_COLUMNS:
        raise InputError("the sheet is wider than the limit", field=origin,
                         value=found.group(0).decode(errors="replace")[-32:],
                         expected=f"at most {MAX_COLUMNS} columns")


def _column(letters: str) -> int:
    """``"A"`` → 1, ``"AA"`` → 27 (the letters of a cell reference)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


class _RowState:
    """Row numbers and widths, carried across chunks."""

    def __init__(self, origin: str, max_rows: int) -> None:
        self.origin, self.max_rows = origin, max_rows
        self.row = 0
        self.position = 0

    def feed(self, text: bytes, scan: SheetScan) -> None:
        for row, number, letters, empty in _TAG.findall(text):
            if row:
                self.row = int(number) if number else self.row + 1
                self.position = 0
                if self.row > self.max_rows + 1:
                    raise InputError(f"more than {self.max_rows:,} rows in the sheet",
                                     field=self.origin, value=self.row - 1,
                                     expected=f"at most {self.max_rows:,} rows")
                continue
            self.position = _column(letters.decode()) if letters else self.position + 1
            if self.position > MAX_COLUMNS:
                raise InputError("a row wider than the limit", field=f"{self.origin}: line "
                                 f"{self.row}", value=f"a cell in column {self.position:,}",
                                 expected=f"at most {MAX_COLUMNS} columns")
            if not empty:
                scan.width = max(scan.width, self.position)
