"""Atomic file writes: a reader sees the old file or the whole new one, never half of it.

The destination is checked first: an empty path, a folder, a device or a FIFO is refused (as
root, replacing ``/dev/full`` or ``/dev/null`` would break the system); a symlink is followed
and its target, a regular file or a new one, is replaced atomically, so the link stays a link.
Errors are :class:`~ccer_calc.errors.OutputError` naming the path as the caller gave it, never
the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ccer_calc.errors import OutputError

__all__ = ["output_path", "write_atomic"]


def output_path(path: str | Path) -> Path:
    """The real file a write to ``path`` replaces: symlinks followed, non-files refused.

    Raises
    ------
    OutputError
        If the path is empty, names a folder, device, FIFO or socket, or its folder does not
        exist.
    """
    text = os.fspath(path)
    if not text.strip():
        raise OutputError("no output file given", field="output", expected="a file path")
    try:
        real = Path(os.path.realpath(text))
        info = real.stat() if real.exists() else None
    except (OSError, ValueError) as exc:
        raise OutputError(f"unusable output path: {getattr(exc, 'strerror', None) or exc}",
                          field="output", value=text) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputError(f"the output path is {kind}", field="output", value=text,
                          expected="a regular file to replace, or a new file name")
    if not real.parent.is_dir():
        raise OutputError("the output folder does not exist", field="output", value=text,
                          expected="a path in an existing folder")
    return real


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Parameters
    ----------
    path : str or Path
        Destination; its folder must exist. A symlink is written through: its target is
        replaced.
    data : str or bytes
        Text (written as UTF-8) or bytes.

    Returns
    -------
    Path
        The destination path as given.

    Raises
    ------
    OutputError
        If the destination may not be written (see :func:`output_path`) or the write fails
        (no space, no permission); the old file is then left as it was.
    """
    dest = output_path(path)
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise OutputError("text that cannot be written as UTF-8", field="output",
                          value=os.fspath(path)) from exc
    mode = _mode_for(dest)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.fchmod(fd, mode)  # mkstemp makes 0600; give the file the mode open() would
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(dest)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                Path(tmp).unlink()
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the file: {exc.strerror or exc}", field="output",
                              value=os.fspath(path)) from exc
        raise
    return Path(path)


def _mode_for(dest: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask."""
    try:
        return dest.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)  # reading the umask means setting it; restore at once
        os.umask(umask)
        return 0o666 & ~umask
