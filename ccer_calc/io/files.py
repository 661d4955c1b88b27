"""Reading a file a user names: where it may be, how big it may be, which encoding it is in.

Every reader of user files (project file, monitoring CSV, later inventories and workbooks) goes
through :func:`read_user_text` or :func:`read_user_bytes`, so the policy lives in one place:

* **Where.** With a ``base_dir`` and ``allow_outside=False`` (the default for files a project
  names), the path, symlinks resolved, must lie inside ``base_dir`` (subfolders included):
  ``/etc/passwd``, ``../x`` or a symlink pointing out are refused. Whatever the caller allows,
  only regular files are read: ``/dev/zero``, FIFOs and directories are refused before opening.
* **How big.** At most :data:`MAX_FILE_BYTES`, checked on the open file before reading; tables
  at most :data:`MAX_ROWS` rows (checked by the table readers through :func:`check_rows`).
* **Which encoding.** A declared encoding is used as declared. Otherwise a byte-order mark
  decides (UTF-8, UTF-16, UTF-32); otherwise UTF-16 is recognised by its zero bytes, then UTF-8
  is tried and then GB18030 (a superset of GBK and GB2312, the encoding Chinese Windows tools
  save in). Text that none of these decodes is refused; nothing is decoded with replacement.

Files may also be handed over in memory (:class:`MemoryFiles`: a service's uploads, a
registry's database), by the names the project gives them; then nothing is read from disk, and
the size and encoding rules are the same.

Errors are :class:`~ccer_calc.errors.InputError` naming the field and the path as the user
wrote it, never the file's content.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from ccer_calc.errors import InputError
from ccer_calc.io.userpaths import real_path, resolve_user_path

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MemoryFiles",
    "ProjectFiles",
    "check_rows",
    "decode_text",
    "read_user_bytes",
    "read_user_text",
    "resolve_user_path",
]

#: Largest file read, in bytes (256 MiB): far above any monitoring table of a CCER project.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Most rows of monitoring data in one project (daily rows for 13,000 years).
MAX_ROWS = 5_000_000

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 4096


def read_user_bytes(
    path: str | Path,
    *,
    base_dir: Path | None = None,
    allow_outside: bool = True,
    max_bytes: int | None = None,
    field: str = "file",
) -> bytes:
    """The bytes of a user's regular file, at most ``max_bytes`` of them.

    Parameters
    ----------
    path : str or Path
        As the user wrote it; relative paths are taken from ``base_dir`` (else the working
        folder).
    base_dir : Path, optional
        The folder the file must lie in unless ``allow_outside``.
    allow_outside : bool
        Allow files outside ``base_dir`` (trusted use).
    max_bytes : int, optional
        Size limit; :data:`MAX_FILE_BYTES` by default.
    field : str
        Field path for error messages (``monitoring.csv``).

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    InputError
        See :func:`resolve_user_path`; also if the file is larger than the limit.
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    real = real_path(path, base_dir=base_dir, allow_outside=allow_outside, field=field)
    try:
        fd = os.open(real, _FLAGS)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", field=field,
                         value=str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # replaced between the check and the open
            raise InputError("not a regular file", field=field, value=str(path))
        if info.st_size > limit:
            raise _too_big(path, limit, field)
        # read what the file holds, not the limit: read(n) reserves n bytes up front
        data = _read_up_to(fd, info.st_size + 1)
        if len(data) > info.st_size:  # the file grew since it was measured
            data += _read_up_to(fd, limit + 1 - len(data))
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_big(path, limit, field)
    return data


#: Read only, never blocking (a FIFO swapped in after the check), not inherited, as bytes.
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
          | getattr(os, "O_BINARY", 0))


def _read_up_to(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes of an open file, fewer only where the file ends (no buffered object).

    Raises
    ------
    OSError
        As ``os.read``.
    """
    chunks: list[bytes] = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _too_big(path: str | Path, limit: int, field: str) -> InputError:
    return InputError("the file is larger than the limit", field=field, value=str(path),
                      expected=f"at most {limit:,} bytes")


def decode_text(data: bytes, *, encoding: str | None = None, field: str = "file") -> str:
    """Decode a user's file: the declared encoding, else BOM, UTF-16, UTF-8, GB18030.

    Examples
    --------
    >>> decode_text("光热".encode("gbk"))
    '光热'
    >>> decode_text(codecs.BOM_UTF8 + b"a = 1")
    'a = 1'
    """
    if encoding is not None:
        return _decode_as(data, encoding, field)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, field)
    candidates = ["utf-8", "gb18030"]
    sample = data[:_SAMPLE]
    if b"\x00" in sample:  # ASCII text in UTF-16 has a zero byte in every other place
        odd = sample[1::2].count(0) > sample[0::2].count(0)
        candidates.insert(0, "utf-16-le" if odd else "utf-16-be")
    for name in candidates:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise InputError("the file is not readable text", field=field,
                     expected="UTF-8, UTF-16 or GB18030/GBK text (or declare the encoding)")


def _decode_as(data: bytes, encoding: str, field: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError("unknown encoding", field=field, value=encoding,
                         expected="e.g. utf-8, gbk, gb18030, utf-16") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError("not a text encoding", field=field, value=encoding,
                         expected="e.g. utf-8, gbk, gb18030, utf-16")
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as exc:
        raise InputError(f"the file cannot be read as {encoding} (byte {exc.start + 1})",
                         field=field, value=encoding, expected="the file's real encoding"
                         ) from None
    return text.removeprefix("\ufeff")


def read_user_text(
    path: str | Path,
    *,
    base_dir: Path | None = None,
    allow_outside: bool = True,
    max_bytes: int | None = None,
    encoding: str | None = None,
    field: str = "file",
) -> str:
    """The text of a user's file, under the folder, size and encoding policy of this module.

    Parameters are those of :func:`read_user_bytes`, and ``encoding`` (declared by the user;
    detected when ``None``).

    Raises
    ------
    InputError
        If the file may not be read, is too large or is not readable text.
    """
    data = read_user_bytes(path, base_dir=base_dir, allow_outside=allow_outside,
                           max_bytes=max_bytes, field=field)
    return decode_text(data, encoding=encoding, field=field)


def check_rows(count: int, field: str) -> None:
    """Refuse a table of more than :data:`MAX_ROWS` rows.

    Raises
    ------
    InputError
        Naming the field and the limit.
    """
    if count > MAX_ROWS:
        raise InputError(f"more than {MAX_ROWS:,} rows of monitoring data", field=field,
                         value=count, expected=f"at most {MAX_ROWS:,} rows")


_LISTED = 10  # names listed in an error message


class MemoryFiles:
    r"""Files handed over with a project, by the names the project gives them (no disk).

    A name is only a key: ``strata.csv``, ``data/strata.csv`` and ``../strata.csv`` are three
    different names, none of them resolved against a folder. A value is the file's bytes
    (decoded as a file on disk would be: declared encoding, else detected) or its text
    (already decoded: a declared encoding does not apply). The size limit is
    :data:`MAX_FILE_BYTES` (text counted in UTF-8). The names read are recorded, so
    :meth:`check_all_used` can refuse a file the project never names.

    Parameters
    ----------
    files : Mapping of str to bytes or str
        The files by name.

    Raises
    ------
    InputError
        If a name is not text or a file is neither bytes nor text.

    Examples
    --------
    >>> sent = MemoryFiles({"strata.csv": "stratum,area [ha]\nA,10\n"})
    >>> sent.read_text("strata.csv", field="inputs.strata").splitlines()[1]
    'A,10'
    >>> try:
    ...     sent.read_text("../strata.csv", field="inputs.strata")
    ... except InputError as exc:
    ...     print(exc.value, "|", exc.expected)
    ../strata.csv | one of the files sent: strata.csv
    """

    def __init__(self, files: Mapping[str, bytes | str], *,
                 max_unpacked_bytes: int | None = None) -> None:
        for name, data in files.items():
            if not isinstance(name, str) or not isinstance(data, bytes | str):
                raise InputError("a file sent with the project is not a name and its content",
                                 field="files", value=str(name)[:80],
                                 expected="a file name (text) and the file's bytes or text")
        self.files = dict(files)
        self.used: list[str] = []
        #: Largest unpacked size of a workbook among the files (None: the library's limit).
        self.max_unpacked_bytes = max_unpacked_bytes

    def _expected(self) -> str:
        """The names sent, sorted, for a message (at most ten, then ``...``)."""
        if not self.files:
            return "a file sent with the project under this name (none was sent)"
        names = sorted(self.files)
        return "one of the files sent: " + ", ".join(names[:_LISTED]) + (
            " ..." if len(names) > _LISTED else "")

    def _get(self, name: str, field: str) -> bytes | str:
        if name not in self.files:
            raise InputError("the file is not among those sent with the project; no file is "
                             "read from disk", field=field, value=name,
                             expected=self._expected())
        data = self.files[name]
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            raise _too_big(name, MAX_FILE_BYTES, field)
        if name not in self.used:
            self.used.append(name)
        return data

    def read_text(self, name: str, *, field: str, encoding: str | None = None) -> str:
        """The text of the file sent as ``name``: decoded if bytes, as given if text.

        Raises
        ------
        InputError
            If no file was sent as ``name``, it is over the size limit, or its bytes are not
            readable text.
        """
        data = self._get(name, field)
        if isinstance(data, str):
            return data
        return decode_text(data, encoding=encoding, field=field)

    def read_bytes(self, name: str, *, field: str) -> bytes:
        """The bytes of the file sent as ``name`` (a workbook: never sent as text).

        Raises
        ------
        InputError
            If no file was sent as ``name``, it is over the size limit or it was sent as text.
        """
        data = self._get(name, field)
        if isinstance(data, str):
            raise InputError("a binary file was sent as text", field=field, value=name,
                             expected="the file's bytes (in the service: a file part of a "
                                      "multipart form)")
        return data

    def check_all_used(self) -> None:
        """Refuse a file sent with the project that the project never read.

        An unused file is most often one the project was meant to name (a shrub inventory
        left out of ``inputs``): computing without it would silently leave it out.

        Raises
        ------
        InputError
            Naming the first unused file (sorted) and the files the project read.
        """
        unused = sorted(set(self.files) - set(self.used))
        if unused:
            used = ", ".join(sorted(self.used)[:_LISTED]) or "none"
            raise InputError("a file sent with the project is not named by it", field="files",
                             value=unused[0], expected=f"only files the project names; it "
                                                       f"read {used}")


class ProjectFiles:
    """Reads the files a project names, under this module's policy.

    Handed to :meth:`~ccer_calc.methodology.Methodology.load_data`, so a plug-in that reads its
    own data (forest inventories) gets the same folder, size and encoding rules as the
    monitoring CSV, and error messages name the project's own path.

    With ``memory`` (:class:`MemoryFiles`) every file comes from it, by the name the project
    gives, and nothing is read from disk: ``base_dir``, ``allow_outside`` and ``read_files``
    are not used. Otherwise, with ``read_files=False`` (a project sent to a service without its
    files) every read is refused, naming the field: such a project may not name a file on the
    machine that computes it.
    """

    def __init__(self, base_dir: Path | None, *, allow_outside: bool = False,
                 read_files: bool = True, memory: MemoryFiles | None = None) -> None:
        self.base_dir = base_dir if base_dir is not None else Path.cwd()
        self.allow_outside = allow_outside
        self.read_files = read_files
        self.memory = memory

    @property
    def max_unpacked_bytes(self) -> int | None:
        """The unpacked-size limit of a workbook among the files (None: the library's)."""
        return None if self.memory is None else self.memory.max_unpacked_bytes

    def check_allowed(self, path: str, field: str) -> None:
        """Refuse any file from disk when files may not be read (``read_files=False``).

        Raises
        ------
        InputError
            Naming the field and the path.
        """
        if not self.read_files:
            raise InputError("a project sent to this service may not name a file",
                             field=field, value=path,
                             expected="the data in the request (inline rows, or the file "
                                      "uploaded with it)")

    def read_text(self, path: str, *, field: str, encoding: str | None = None) -> str:
        """The text of a file the project names (relative to the project file, or sent)."""
        if self.memory is not None:
            return self.memory.read_text(path, field=field, encoding=encoding)
        self.check_allowed(path, field)
        return read_user_text(path, base_dir=self.base_dir, allow_outside=self.allow_outside,
                              encoding=encoding, field=field)

    def read_bytes(self, path: str, *, field: str) -> bytes:
        """The bytes of a file the project names (relative to the project file, or sent)."""
        if self.memory is not None:
            return self.memory.read_bytes(path, field=field)
        self.check_allowed(path, field)
        return read_user_bytes(path, base_dir=self.base_dir, allow_outside=self.allow_outside,
                               field=field)
