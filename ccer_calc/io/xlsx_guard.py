"""Checks on an ``.xlsx`` archive made before openpyxl parses it (decompression bombs).

An ``.xlsx`` is a zip archive of XML parts, and a few kilobytes of it can unpack to a sheet
openpyxl would spend minutes and gigabytes on: one row of millions of cells (openpyxl builds a
whole ``<row>`` element before it yields it), millions of shared strings (read in full when the
workbook opens), or a row numbered in the millions (padded with empty rows up to it). So,
reading only the zip directory and stream-decompressing the parts in chunks of
:data:`CHUNK` bytes, never holding a part whole:

* :func:`check_archive`: the archive's unpacked size and each sheet's and the shared-string
  part's own unpacked size (:func:`part_limit`: a quarter of the unpacked limit), the sheets
  found as openpyxl finds them (:func:`sheet_parts`: by the workbook's relationships, wherever
  in the archive they are);
* :func:`check_shared_strings`: the ``count``/``uniqueCount`` the part declares and the strings
  it holds, against :func:`string_limit`;
* :func:`scan_sheets`: every sheet's declared ``<dimension>``, every row's number and width, and its
  merged cells, returning the widest column that holds a value (openpyxl then reads no further
  right than that).

Every check raises :class:`~ccer_calc.errors.InputError` naming the workbook or sheet and the
limit. The numbers are stated in :data:`MAX_COLUMNS` and the two functions above.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import IO
from xml.sax.saxutils import unescape

from ccer_calc.errors import InputError

__all__ = ["CHUNK", "MAX_COLUMNS", "SheetScan", "check_archive", "check_shared_strings",
           "open_archive", "part_limit", "scan_sheets", "sheet_parts", "string_limit"]

#: Widest sheet read, in columns. A project's header has ``start``, ``end`` and up to three
#: columns per monitored quantity (value, ``_meter``, ``_meter_error``): the bundled
#: methodologies need at most 11, a power plant with a dozen fuels about 50; 256 is the width
#: of a classic ``.xls`` sheet and far beyond any of them.
MAX_COLUMNS = 256
#: Bytes decompressed at a time.
CHUNK = 1 << 20
_SHARED = "xl/sharedStrings.xml"
_TYPES = "[Content_Types].xml"
_DEFAULT_BOOK = "xl/workbook.xml"
_BOOK_TYPES = tuple(f"application/vnd.{t}.main+xml" for t in (
    "ms-excel.template.macroEnabled", "openxmlformats-officedocument.spreadsheetml.template",
    "ms-excel.sheet.macroEnabled", "openxmlformats-officedocument.spreadsheetml.sheet"))
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTR = re.compile(rb"(?:\w+:)?([\w.-]+)\s*=\s*([\"'])(.*?)\2", re.S)
_ENTITIES = {"&quot;": '"', "&apos;": "'"}
_HEAD = 64 * 1024  # the start of a part, where its root element's attributes are
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"([A-Za-z]+\d*)(?::([A-Za-z]+)\d*)?\"")
_SST = re.compile(rb"<(\w+:)?sst\b([^>]*)>")
_COUNT = re.compile(rb"\b(count|uniqueCount)=\"(\d+)\"")
_ROOT = re.compile(rb"<(\w+:)?worksheet\b")
_BIG_ROW = re.compile(rb"\br=\"(\d{7,})\"")  # a row number of seven digits or more
_WIDE = re.compile(rb"\br=\"([A-Z]{2,})\d")  # a cell in column AA or further right
_LETTERS = [bytes([c]) for c in range(ord("A"), ord("Z") + 1)]
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")


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


def open_archive(data: bytes, name: str, field: str) -> zipfile.ZipFile:
    """The workbook's zip archive, opened once for every check (close it after use)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InputError("not an .xlsx workbook (not a zip archive)", field=field,
                         value=name, expected="a workbook saved as .xlsx") from None


def check_archive(archive: zipfile.ZipFile, name: str, field: str, limit: int) -> list[str]:
    """Refuse an archive that unpacks to more than ``limit`` or has an oversized part.

    Returns the sheet parts (:func:`sheet_parts`), each checked against :func:`part_limit`
    like the shared strings and the parts that locate the sheets.
    """
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > limit:
        raise InputError("the workbook unpacks to more than the limit", field=field,
                         value=name, expected=f"at most {limit:,} bytes unpacked")
    part = part_limit(limit)
    sizes = {info.filename: info.file_size for info in infos}
    _check_parts(sizes, [_TYPES, _SHARED, *_book_parts(archive)], part, name, field)
    sheets = sheet_parts(archive)
    _check_parts(sizes, sheets, part, name, field)
    return sheets


def _check_parts(sizes: dict[str, int], members: list[str], part: int, name: str,
                 field: str) -> None:
    for member in members:
        if sizes.get(member, 0) > part:
            raise InputError(f"the part {member} unpacks to more than the limit",
                             field=field, value=name, expected=f"at most {part:,} bytes "
                             "unpacked for a sheet or the shared strings")


def sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """The parts openpyxl opens as sheets, found as it finds them, plus ``xl/worksheets/``.

    openpyxl takes the workbook part ``[Content_Types].xml`` names (``xl/workbook.xml`` by
    default) and opens, for each ``<sheet>`` of it, the part its relationship (``r:id``)
    targets, wherever in the archive that is; so the sheets are listed that way, not by
    folder. Chart sheets (no rows) are left out; parts the archive lacks too.
    """
    names = set(archive.namelist())
    found = [n for n in archive.namelist() if n.startswith("xl/worksheets/")
             and n.endswith(".xml")]
    book, rels = _book_parts(archive)
    if book not in names or rels not in names:
        return found
    ids = {_attrs(tag).get("id") for tag in _SHEET.findall(archive.read(book))}
    for tag in _RELATION.findall(archive.read(rels)):
        link = _attrs(tag)
        if (link.get("Id") in ids and "chartsheet" not in link.get("Type", "")
                and link.get("TargetMode") != "External"):
            target = _resolve(rels, link.get("Target", ""))
            if target in names and target not in found:
                found.append(target)
    return found


def _book_parts(archive: zipfile.ZipFile) -> tuple[str, str]:
    """The workbook part and its relationships part, as openpyxl finds them."""
    book = _DEFAULT_BOOK
    if _TYPES in archive.namelist():
        declared = {a.get("ContentType"): a.get("PartName", "")
                    for a in map(_attrs, _OVERRIDE.findall(archive.read(_TYPES)))}
        book = next((declared[t].lstrip("/") for t in _BOOK_TYPES if t in declared), book)
    folder, base = posixpath.split(book)
    return book, posixpath.join(folder, "_rels", base + ".rels")


def _resolve(rels: str, target: str) -> str:
    """A relationship's target as a member name (relative to the folder the rels describe)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(posixpath.dirname(rels)),
                                             target))


def _attrs(tag: bytes) -> dict[str, str]:
    """A tag's attributes by local name (``r:id`` → ``id``), entities unescaped."""
    return {key.decode(): unescape(value.decode(errors="replace"), _ENTITIES)
            for key, _, value in _ATTR.findall(tag)}


def _open(archive: zipfile.ZipFile, member: str) -> IO[bytes] | None:
    """The part opened for streaming, or None when the archive lacks it."""
    if member not in archive.namelist():
        return None
    return archive.open(member)


def _stream(fh: IO[bytes], limit: int, name: str, field: str) -> bytes:
    """The next chunk; refuses a part that unpacks beyond what its directory entry claims."""
    chunk = fh.read(CHUNK)
    if fh.tell() > limit:  # a lying directory entry: the size is checked as it unpacks too
        raise InputError("a part of the workbook unpacks to more than the limit", field=field,
                         value=name, expected=f"at most {limit:,} bytes unpacked")
    return chunk


def check_shared_strings(archive: zipfile.ZipFile, name: str, field: str, limit: int) -> None:
    """Refuse more shared strings than :func:`string_limit`, declared or found."""
    most = string_limit(limit)
    fh = _open(archive, _SHARED)
    if fh is None:
        return
    expected = f"at most {most:,} distinct texts in the workbook"
    with fh:
        head = fh.read(_HEAD)
        root = _SST.search(head)
        for key, value in _COUNT.findall(root.group(2) if root else b""):
            if int(value) > most:
                raise InputError(f"the workbook declares {int(value):,} shared strings "
                                 f"({key.decode()})", field=field, value=name,
                                 expected=expected)
        prefix = (root.group(1) if root else None) or b""
        needles = (b"<" + prefix + b"si>", b"<" + prefix + b"si ", b"<" + prefix + b"si/")
        count, tail, text = 0, b"", head
        while text:  # a tag cut between chunks is counted once, with the next chunk
            buf = tail + text
            cut = max(len(buf) - 8, 0)
            count += sum(buf[:cut].count(n) for n in needles)
            if count > most:
                raise InputError("the workbook holds more shared strings than the limit",
                                 field=field, value=name, expected=expected)
            tail = buf[cut:]
            text = _stream(fh, part_limit(limit), name, field)


@dataclass
class SheetScan:
    """What :func:`scan_sheets` found in one sheet: its widest column, its merged ranges."""

    width: int = 1
    merged: list[bytes] = field(default_factory=list)


def scan_sheets(archive: zipfile.ZipFile, sheets: list[str], name: str, *, limit: int,
                max_rows: int) -> dict[str, SheetScan]:
    """Stream every sheet's XML once, before openpyxl opens the workbook.

    openpyxl reads every sheet of a workbook to its end when it opens it if the sheet states
    no ``<dimension>``, and builds each ``<row>`` whole, so every sheet is checked, not only
    the one read. Refuses a declared dimension or a row wider than :data:`MAX_COLUMNS`, a row
    numbered past ``max_rows + 1`` (a header and ``max_rows`` rows), and a part that unpacks
    beyond :func:`part_limit`. ``sheets`` are the parts :func:`check_archive` returned.
    Returns each sheet's scan by its part name.
    """
    return {m: _scan(archive, m, f"{name}, part {m}", limit, max_rows) for m in sheets}


def _scan(archive: zipfile.ZipFile, member: str, origin: str, limit: int,
          max_rows: int) -> SheetScan:
    scan = SheetScan()
    fh = _open(archive, member)
    if fh is None:  # pragma: no cover - listed by the archive itself
        return scan
    with fh:
        text = fh.read(_HEAD)
        _dimension(text, origin)
        rows = _Rows(text, origin, max_rows)
        tail = b""
        while text:
            buf = tail + text
            cut = buf.rfind(b"<")  # a tag cut between chunks is read with the next one
            cut = len(buf) if cut < 0 or b">" in buf[cut:] else cut
            rows.feed(buf[:cut], scan)
            if b"mergeCell" in buf:
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


class _Rows:
    """Row widths (cells counted, and columns named by the cells' ``r``) and row numbers.

    Fast on purpose: the sheet's XML is counted with ``bytes.count`` and a few searches per
    chunk, never parsed, so a 16 MiB sheet is scanned in well under a second.
    """

    def __init__(self, head: bytes, origin: str, max_rows: int) -> None:
        root = _ROOT.search(head)
        prefix = (root.group(1) if root else None) or b""
        self.row = re.compile(rb"<" + re.escape(prefix) + rb"row\b")
        self.cells = (b"<" + prefix + b"c ", b"<" + prefix + b"c>", b"<" + prefix + b"c/")
        self.origin, self.max_rows = origin, max_rows
        self.count = 0  # cells of the row a chunk ends in

    def feed(self, text: bytes, scan: SheetScan) -> None:
        segments = self.row.split(text)
        for k, segment in enumerate(segments):
            count = sum(segment.count(c) for c in self.cells)
            self.count = count if k else self.count + count
            if self.count > MAX_COLUMNS:
                raise InputError("a row wider than the limit", field=self.origin,
                                 value=f"{self.count:,} cells in a row",
                                 expected=f"at most {MAX_COLUMNS} columns")
            scan.width = max(scan.width, self.count)
        for big in _BIG_ROW.findall(text):
            if int(big) > self.max_rows + 1:
                raise InputError(f"more than {self.max_rows:,} rows in the sheet",
                                 field=self.origin, value=int(big) - 1,
                                 expected=f"at most {self.max_rows:,} rows")
        letters = [ch for ch in _LETTERS if b'r="' + ch in text]
        if letters:
            scan.width = max(scan.width, letters[-1][0] - 64)
        for wide in set(_WIDE.findall(text)):
            column = _column(wide.decode())
            if column > MAX_COLUMNS:
                raise InputError("a cell right of the widest sheet read", field=self.origin,
                                 value=f"column {wide.decode()}",
                                 expected=f"at most {MAX_COLUMNS} columns")
            scan.width = max(scan.width, column)
