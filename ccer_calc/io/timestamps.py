"""The dates and date-times of monitored rows, read into the project's calendar.

A row is dated by days (``2024-01-31``: the whole local day, both ends included) or by
date-times in ISO 8601 (``2024-01-31T14:15+08:00``, ``2024-01-31T06:15:00Z``; the row covers
``[start, end)``). Every value is returned as a local wall-clock time of the project's calendar
(``datetime64[s]``, a fixed offset from UTC, UTC+08:00 by default), so that periods, vintages
and days are all taken in one calendar; since the offset is fixed, local times order and
subtract exactly as the instants they stand for.

A date-time with an offset is moved to the project's calendar; one without an offset is read
as a time of that calendar. Mixing the two, or dates with date-times, in one table is refused:
it is how a double count at midnight begins. Times are whole seconds.

A CSV column is parsed at once when its cells share one layout (the usual case of a meter or
SCADA export), and the start and end columns together when all their cells do; otherwise, and
to name the first bad cell, cell by cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np

from ccer_calc.errors import InputError

__all__ = ["Kind", "parse_stamp", "parse_stamp_column", "parse_stamp_columns", "parse_utc_offset"]

#: ``date``: whole local days; ``zoned``: date-times with a UTC offset; ``local``: date-times
#: without one (read in the project's calendar).
Kind = Literal["date", "zoned", "local"]

# ASCII digits only: int() and fromisoformat would read other scripts' digits too
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$", re.ASCII)
_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):(\d{2})$", re.ASCII)
_EXPECTED = ("an ISO date YYYY-MM-DD or an ISO date-time such as 2024-01-01T00:00+08:00 "
             "(whole seconds; a date or a string, not a number)")
#: Largest UTC offset in use (UTC+14:00), in minutes.
_MAX_OFFSET = 14 * 60


def parse_utc_offset(text: str, field: str = "monitoring.utc_offset") -> int:
    """Minutes east of UTC from ``+08:00``, ``UTC+08:00`` or ``-05:30``.

    Raises
    ------
    InputError
        If the text is not such an offset or lies beyond ±14:00.

    Examples
    --------
    >>> parse_utc_offset("+08:00"), parse_utc_offset("UTC-05:30")
    (480, -330)
    """
    m = _OFFSET.match(text.strip()) if isinstance(text, str) else None
    minutes = None if m is None else int(m.group(2)) * 60 + int(m.group(3))
    if m is None or minutes is None or minutes > _MAX_OFFSET or m.group(3) >= "60":
        raise InputError("not a UTC offset", field=field, value=text,
                         expected="a fixed offset such as +08:00 (China Standard Time)")
    return minutes if m.group(1) == "+" else -minutes


def _offset_minutes(text: str) -> int:
    if text == "Z":
        return 0
    minutes = int(text[1:3]) * 60 + int(text[4:6])
    return minutes if text[0] == "+" else -minutes


def parse_stamp(raw: object, field: str, utc_offset: int) -> tuple[np.datetime64, Kind]:
    """One date or date-time as a local time (``datetime64[s]``) of the project's calendar.

    Parameters
    ----------
    raw : str, datetime.date or datetime.datetime
        As the user wrote it (a TOML file gives dates and date-times as such).
    field : str
        The field path or CSV line and column, for messages.
    utc_offset : int
        Minutes east of UTC of the project's calendar.

    Returns
    -------
    (numpy.datetime64, Kind)
        The local time and what was written (a date, a date-time with or without offset).

    Raises
    ------
    InputError
        Naming the field and the value, if it is not a date or an ISO date-time.

    Examples
    --------
    >>> parse_stamp("2024-01-01T00:00Z", "x", 480)
    (np.datetime64('2024-01-01T08:00:00'), 'zoned')
    >>> parse_stamp("2024-01-31", "x", 480)
    (np.datetime64('2024-01-31T00:00:00'), 'date')
    """
    if isinstance(raw, dt.datetime):
        return _from_datetime(raw, field, utc_offset)
    if isinstance(raw, dt.date):
        return np.datetime64(raw, "s"), "date"
    text = raw.strip() if isinstance(raw, str) else None
    try:
        if text is not None and _DATE.match(text):
            return np.datetime64(dt.date.fromisoformat(text), "s"), "date"
        m = _DATETIME.match(text) if text is not None else None
        if m is not None:
            local = np.datetime64(dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}"), "s")
            if m.group(3) is None:
                return local, "local"
            own = _offset_minutes(m.group(3))
            if abs(own) <= _MAX_OFFSET and (m.group(3) == "Z" or m.group(3)[-2:] < "60"):
                return local + np.timedelta64(utc_offset - own, "m"), "zoned"
    except ValueError:  # a day or hour out of range
        pass
    raise InputError("not a date", field=field, value=raw if isinstance(raw, str) else None,
                     expected=_EXPECTED)


def _from_datetime(raw: dt.datetime, field: str, utc_offset: int
                   ) -> tuple[np.datetime64, Kind]:
    if raw.microsecond:
        raise InputError("a time with fractions of a second", field=field, value=str(raw),
                         expected="whole seconds")
    off = raw.utcoffset()
    if off is None:
        return np.datetime64(raw, "s"), "local"
    naive = raw.replace(tzinfo=None)
    shift = utc_offset * 60 - int(off.total_seconds())
    return np.datetime64(naive, "s") + np.timedelta64(shift, "s"), "zoned"


def parse_stamp_column(cells: Sequence[str], where: Callable[[int], str], utc_offset: int
                       ) -> tuple[np.ndarray[Any, np.dtype[np.datetime64]], Kind]:
    """A CSV column of dates or date-times as local times of the project's calendar.

    Raises
    ------
    InputError
        Naming the CSV line and column of the first cell that is not a date or date-time, or
        that mixes dates and date-times, or times with and without UTC offset.
    """
    fast = _fast_column(cells, utc_offset)
    if fast is not None:
        return fast
    out = np.empty(len(cells), dtype="datetime64[s]")
    kinds: list[Kind] = []
    for i, cell in enumerate(cells):
        out[i], kind = parse_stamp(cell, where(i), utc_offset)
        kinds.append(kind)
        check_kinds(kinds[0], kind, where(i), cell)
    return out, kinds[0] if kinds else "date"


def parse_stamp_columns(start: Sequence[str], end: Sequence[str],
                        where: Callable[[str], Callable[[int], str]], utc_offset: int
                        ) -> tuple[np.ndarray[Any, np.dtype[np.datetime64]],
                                   np.ndarray[Any, np.dtype[np.datetime64]], Kind]:
    """The ``start`` and ``end`` columns of a CSV file, and the kind of both.

    Where every cell of both has the first start cell's layout (a meter's export), the two are
    parsed as one column; otherwise each is parsed on its own, start first, as
    :func:`parse_stamp_column` does, and the end's kind must be the start's.

    Raises
    ------
    InputError
        As :func:`parse_stamp_column`, and :func:`check_kinds` for the first end cell.
    """
    both = _fast_column([*start, *end], utc_offset) if start else None
    if both is not None:
        stamps, kind = both
        return stamps[:len(start)], stamps[len(start):], kind
    first, kind = parse_stamp_column(start, where("start"), utc_offset)
    last, end_kind = parse_stamp_column(end, where("end"), utc_offset)
    if end:
        check_kinds(kind, end_kind, where("end")(0), end[0])
    return first, last, kind


def check_kinds(first: Kind, kind: Kind, field: str, value: object) -> None:
    """Refuse a row dated otherwise than the table's first (dates, zoned or local times).

    Raises
    ------
    InputError
        Naming the field: a date among date-times, or a time without offset among times
        with one (or the reverse).
    """
    if kind == first:
        return
    if "date" in (first, kind):
        raise InputError("dates and date-times mixed in one table", field=field,
                         value=value if isinstance(value, str) else str(value),
                         expected="every row dated the same way as the first: "
                                  + ("a date" if first == "date" else "a date-time"))
    raise InputError("a time without UTC offset among times with one (or the reverse)",
                     field=field, value=value if isinstance(value, str) else str(value),
                     expected="every time with its offset, e.g. 2024-01-01T00:00+08:00"
                     if first == "zoned" else "every time without offset, as the first")


def _layout(first: str) -> tuple[Kind, int] | None:
    """The kind of a cell and the length of its local part (before any offset)."""
    if _DATE.match(first):
        return "date", 10
    m = _DATETIME.match(first)
    if m is None:
        return None
    zone = m.group(3)
    return ("local", len(first)) if zone is None else ("zoned", len(first) - len(zone))


#: Every byte to itself, except the ASCII digits, all read as "0": a cell translated by it
#: equals the first cell translated by it when it has the first cell's layout.
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0000000000")


def _same_layout(cells: Sequence[str]) -> np.ndarray | None:
    """The cells as an (n, width) byte grid if every cell has the first one's layout.

    Same length, digits where the first cell has digits, the first cell's characters elsewhere:
    checked on the cells' bytes joined, translated and compared at once.
    """
    width = len(cells[0])
    if set(map(len, cells)) != {width}:
        return None
    try:
        joined = "".join(cells).encode("ascii")
    except UnicodeEncodeError:
        return None
    if joined.translate(_DIGITS_AS_ZERO) != joined[:width].translate(_DIGITS_AS_ZERO) * len(cells):
        return None
    return np.frombuffer(bytearray(joined), dtype=np.uint8).reshape(len(cells), width)


def _fast_column(cells: Sequence[str], utc_offset: int
                 ) -> tuple[np.ndarray[Any, np.dtype[np.datetime64]], Kind] | None:
    """The column parsed at once when every cell has the first cell's layout; else None."""
    layout = _layout(cells[0]) if cells else None
    grid = _same_layout(cells) if layout is not None else None
    if layout is None or grid is None:
        return None
    kind, local_len = layout
    local = np.ascontiguousarray(grid[:, :local_len])
    if kind != "date":
        local[:, 10] = ord("T")  # "2024-01-01 00:00" is read as "2024-01-01T00:00"
    try:
        out = local.view(f"S{local_len}").reshape(-1).astype("datetime64[s]")
    except ValueError:  # a day, hour or minute out of range: the slow path names the cell
        return None
    shift = _offsets(grid, local_len, utc_offset) if kind == "zoned" else None
    if kind == "zoned" and shift is None:
        return None
    return (out if shift is None else out + shift), kind


def _offsets(grid: np.ndarray, local_len: int, utc_offset: int) -> np.ndarray | None:
    """Per cell, seconds from its own offset (``Z`` or ``±HH:MM``) to the project's.

    None if an offset is out of range (the slow path then names the cell).
    """
    if grid.shape[1] - local_len == 1:  # "Z"
        own = np.zeros(grid.shape[0], dtype=np.int64)
    else:
        d = grid[:, local_len:].astype(np.int64) - ord("0")
        minute = d[:, 4] * 10 + d[:, 5]
        own = (d[:, 1] * 10 + d[:, 2]) * 60 + minute
        if np.any(own > _MAX_OFFSET) or np.any(minute >= 60):  # noqa: PLR2004
            return None
        own = np.where(grid[:, local_len] == ord("-"), -own, own)
    return ((utc_offset - own) * 60).astype("timedelta64[s]")
