"""Where a file a user names really is, and whether it may be read from there.

The folder rule of :mod:`ccer_calc.io.files` (which re-exports :func:`resolve_user_path`): with
a ``base_dir`` and ``allow_outside=False`` the path, symlinks resolved, must lie inside
``base_dir`` (subfolders included); whatever the caller allows, only a regular file is read.
Paths are handled as strings from the user's text to ``os.open``; the folder is resolved once
and, below it, only the path's own parts are looked up when none of them is a link or ``..``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ccer_calc.errors import InputError

__all__ = ["real_path", "resolve_user_path"]


def resolve_user_path(
    path: str | Path, *, base_dir: Path | None, allow_outside: bool, field: str
) -> Path:
    """The real path of a user's file, refused if outside ``base_dir`` (unless allowed).

    Raises
    ------
    InputError
        If the path is malformed, lies outside ``base_dir``, does not exist or is not a
        regular file.
    """
    return Path(real_path(path, base_dir=base_dir, allow_outside=allow_outside, field=field))


def real_path(path: str | Path, *, base_dir: Path | None, allow_outside: bool,
               field: str) -> str:
    """:func:`resolve_user_path` on strings (what ``os.open`` takes; no Path built).

    Raises
    ------
    InputError
        As :func:`resolve_user_path`.
    """
    shown = str(path)
    try:
        # a relative path from the folder; an absolute one as it is (as Path's / does)
        full = os.path.join(os.getcwd() if base_dir is None else base_dir, path)
        if base_dir is None or allow_outside:
            real, inside = os.path.realpath(full), True
        else:
            folder = os.path.realpath(base_dir)
            real = _realpath_below(folder, os.fspath(path)) or os.path.realpath(full)
            inside = _within(real, folder)
        info = os.stat(real) if inside else None
    except FileNotFoundError:
        raise InputError("file not found", field=field, value=shown) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or "unusable path"
        raise InputError(f"cannot read the file: {reason}", field=field, value=shown) from None
    if info is None:
        raise InputError("the file lies outside the project's folder", field=field,
                         value=shown, expected="a file in the project file's folder or below "
                         "it (allow others with --allow-outside-files)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file", field=field, value=shown,
                         expected="a regular file (not a device, FIFO or folder)")
    return real


def _realpath_below(folder: str, path: str) -> str | None:
    """``realpath(join(folder, path))`` for a real folder and a plain relative path, or None.

    realpath resolves a path part by part, so past the folder its result is the real folder
    and then ``path``'s parts, each looked up once: when none is a link, ``..`` or missing,
    that is the folder and the parts joined. None (resolve the whole path) for anything else:
    an absolute path, ``..``, a link or a part that cannot be looked up.
    """
    if os.sep != "/" or os.path.isabs(path):
        return None
    real = folder
    for name in path.split("/"):
        if name in ("", "."):
            continue
        if name == "..":
            return None
        real = os.path.join(real, name)
        try:
            if stat.S_ISLNK(os.lstat(real).st_mode):
                return None
        except (OSError, ValueError):
            return None
    return real


def _within(real: str, folder: str) -> bool:
    """Whether the real path ``real`` is ``folder`` or lies below it (both from realpath).

    ``Path.is_relative_to`` on the two strings, compared as the platform compares paths.
    """
    real, folder = os.path.normcase(real), os.path.normcase(folder)
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
