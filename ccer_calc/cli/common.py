r"""What every command of the command line shares: exit codes, output, options, one-line errors.

Output written with :func:`emit` goes to stdout or, with ``-o``, atomically to a file; a console
whose encoding lacks a character gets ``\uXXXX`` instead of a failure (:class:`SafeStream`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "EXIT_ERROR",
    "EXIT_INTERNAL",
    "EXIT_MATERIAL",
    "EXIT_OK",
    "SafeStream",
    "add_input_options",
    "add_json_options",
    "checks_line",
    "emit",
    "error_line",
    "escape_unencodable",
    "iso_date",
    "json_indent",
    "num",
    "prepare_engine",
    "status_lines",
    "table",
    "user_cache_dir",
]

#: Exit codes: success; a material difference found by ``verify``; an input, unit or data
#: error; an internal error.
EXIT_OK, EXIT_MATERIAL, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
_WIDE_FROM = 0x2E80  # first code point of the CJK blocks: two terminal columns each


def emit(text: str, out: TextIO, path: str | None) -> None:
    """Write text to ``out``, or atomically to the file ``path`` (``-o``)."""
    if path is not None:  # "-o ''" is refused by write_atomic, not taken as stdout
        from ccer_calc.fsutil import write_atomic  # noqa: PLC0415 - keep start-up light

        write_atomic(path, text if text.endswith("\n") else text + "\n")
    else:
        out.write(text if text.endswith("\n") else text + "\n")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """A plain-text table; columns in ``right`` are right-aligned; CJK counts double."""
    def width(s: str) -> int:  # CJK characters take two columns in a terminal
        return sum(2 if ord(ch) >= _WIDE_FROM else 1 for ch in s)

    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, c in enumerate(cells):
            pad = " " * (cols[i] - width(c))
            parts.append(pad + c if i in right else c + pad)
        return "  ".join(parts).rstrip()

    sep = "  ".join("-" * w for w in cols)
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def _provisional_value(p: dict[str, Any]) -> str:
    if p["kind"] == "rule":
        return str(p["value"])
    unit = "" if p["unit"] in ("", "dimensionless") else f" {p['unit']}"
    value = "-" if p["value"] is None else f"{p['value']:g}"
    return f"{value}{unit} ({p['origin']})"


def status_lines(d: dict[str, Any]) -> list[str]:
    """What a result's or an estimate's JSON says before its numbers: provisional, removals."""
    lines = []
    if d["provisional"]:
        lines += ["", f"PROVISIONAL: {d['methodology']['status']}. Every number below is "
                      "provisional, not final. Values and rules taken from the parent text:"]
        rows = [[p["name"], _provisional_value(p), p["source"]] for p in d["provisional"]]
        lines.append(table(["name", "value or rule", "source"], rows, set()))
    if d["methodology"].get("accounts") == "removals":
        lines += ["", "Removals as negative emissions: BE = -(baseline net removals), "
                      "PE = -(actual net removals), LE = leakage, ER = net removals."]
    return lines


def checks_line(result: Any) -> str:  # noqa: ANN401 - Result, imported lazily
    """The checks met out of all, counted as the documents' checks table counts them."""
    outcomes = result.check_outcomes()
    line = f"Checks passed: {sum(ok for _, ok in outcomes)}/{len(outcomes)}"
    failed = [name for name, ok in outcomes if not ok]
    return line + (f" (not met: {', '.join(failed)})" if failed else "")


def num(x: float) -> str:
    """A quantity for a table: thousands separated, three decimals."""
    return f"{x:,.3f}"


def iso_date(text: str) -> dt.date:
    """An ISO date, as an argparse type."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None

def add_input_options(p: argparse.ArgumentParser, *, as_of_help: str | None = None) -> None:
    """``--as-of`` and ``--allow-outside-files``, shared by every command that computes."""
    p.add_argument("--as-of", type=iso_date, default=None,
                   help=as_of_help or "verification date: ignore factors published after it "
                                      "(YYYY-MM-DD); recorded in the result and its "
                                      "fingerprint")
    p.add_argument("--allow-outside-files", action="store_true",
                   help="let the project name files outside its own folder (trusted "
                        "projects only)")



def user_cache_dir() -> Path:
    """The per-user cache folder of ccer-calc (XDG on Linux, the usual places elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ccer-calc"


def prepare_engine() -> None:
    """Import the unit registry the fast way, for a command that computes.

    Two things cost most of a command's start-up, and neither changes a number: pint imports
    dask when it is installed (for quantities wrapping dask arrays, which the engine never
    makes), and parsing pint's definition files. So the command line imports pint with dask
    hidden (dask itself stays importable afterwards; only pint's optional dask support is off
    in this process), and builds the registry with the parsed-definitions cache in the user's
    cache folder unless ``CCER_CALC_CACHE_DIR`` says otherwise (set it empty for none).
    numpy, imported on the way, starts no OpenBLAS thread pool unless ``OPENBLAS_NUM_THREADS``
    asks for one (the engine's element-wise arithmetic never uses BLAS, and on a busy machine
    starting the pool costs tens of milliseconds). The library alone does none of this
    (:mod:`ccer_calc.units`).
    """
    if "ccer_calc.units" in sys.modules:
        return
    hide_dask = "pint" not in sys.modules and "dask" not in sys.modules
    defaults = {"CCER_CALC_CACHE_DIR": str(user_cache_dir())}
    if "numpy" not in sys.modules:  # no BLAS thread pool: the engine's arrays never use one
        defaults["OPENBLAS_NUM_THREADS"] = "1"
    added = [k for k in defaults if k not in os.environ]
    os.environ.update({k: defaults[k] for k in added})
    if hide_dask:
        sys.modules["dask"] = None  # type: ignore[assignment] # find_spec then says "absent"
    try:
        importlib.import_module("ccer_calc.units")
    finally:
        if hide_dask:
            del sys.modules["dask"]
        for k in added:
            del os.environ[k]


def add_json_options(p: argparse.ArgumentParser) -> None:
    """``--trail`` and ``--indent``: how much of the trail a JSON result holds, and its layout."""
    p.add_argument("--trail", choices=("full", "summary", "none"), default="full",
                   help="how much of the audit trail the JSON holds: full (every input and "
                        "output, each array once; what a verifier needs), summary (outputs "
                        "and the inputs' provenance, without their values) or none "
                        "(default: full)")
    p.add_argument("--indent", type=int, default=None, metavar="N",
                   help="indent JSON by N spaces (default: 2 on the terminal, none in a file "
                        "written with -o; 0 for compact output anywhere)")


def json_indent(args: argparse.Namespace) -> int | None:
    """The JSON indent: as asked, else 2 for stdout and compact (None) for a file (``-o``)."""
    if args.indent is not None:
        return args.indent if args.indent > 0 else None
    return None if args.output is not None else 2


def error_line(message: str) -> None:
    """Write one line to stderr: line breaks in a message become spaces."""
    SafeStream(sys.stderr).write(" ".join(message.split("\n")).replace("\r", " ") + "\n")


def escape_unencodable(text: str, encoding: str) -> str:
    r"""Replace each character ``encoding`` cannot write by ``\uXXXX`` (JSON's escape).

    JSON syntax outside strings is ASCII, so escaping inside strings keeps a JSON text valid
    and equal in meaning.

    Examples
    --------
    >>> escape_unencodable("风电 😀", "gbk")
    '风电 \\ud83d\\ude00'
    """
    out = []
    for ch in text:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            data = ch.encode("utf-16-be", "surrogatepass")
            out += [f"\\u{data[i:i + 2].hex()}" for i in range(0, len(data), 2)]
        else:
            out.append(ch)
    return "".join(out)


class SafeStream(io.TextIOBase):
    """A text stream that escapes what its encoding cannot write instead of failing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The underlying stream's encoding."""
        return getattr(self._stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        """Write text, escaping characters the stream's encoding lacks."""
        try:
            return self._stream.write(text)
        except UnicodeEncodeError:
            return self._stream.write(escape_unencodable(text, self.encoding))

    def flush(self) -> None:
        """Flush the underlying stream."""
        self._stream.flush()
