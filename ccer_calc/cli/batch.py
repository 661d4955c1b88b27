"""``ccer-calc batch``: many projects at once, one JSON line each, and a summary table.

The projects are every ``.toml`` and ``.json`` file under a folder (sorted by path), or the files a
manifest lists (one path a line, relative to the manifest's folder; blank lines and lines
starting with ``#`` are skipped). They are computed by :func:`ccer_calc.batch.compute_many` on a
process pool; a project that fails -- a manifest line naming a missing file, a bad project --
is an error line of its own, and the others are still computed. The JSON Lines file is written
atomically, in the order of the projects. On a terminal a progress bar runs on stderr; otherwise
nothing is written there but the one-line error that says how many projects failed (exit
code 2).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ccer_calc.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    add_input_options,
    error_line,
    num,
    table,
)

__all__ = ["project_files", "register"]

_SHOWN_FAILURES = 20
_BAR = 30


def project_files(target: str) -> list[str]:
    """The project files of a folder (recursively) or of a manifest, in order.

    Raises
    ------
    InputError
        If the target is neither a folder nor a readable manifest, or lists no project.
    """
    from ccer_calc.errors import InputError  # noqa: PLC0415 - keep start-up light
    from ccer_calc.io.files import read_user_text  # noqa: PLC0415

    path = Path(target)
    if path.is_dir():
        found = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in {".toml", ".json"}
                       and p.is_file())
    else:
        text = read_user_text(path, field="batch")
        found = [str(path.parent / line.strip()) for line in text.splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
    if not found:
        raise InputError("no project files", field="batch", value=target,
                         expected="a folder holding .toml or .json project files, or a "
                                  "manifest listing them one a line")
    return found


class _Progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.last = 0.0

    def __call__(self, item: Any) -> None:  # noqa: ANN401 - a BatchItem
        self.done += 1
        self.failed += not item.ok
        now = time.monotonic()
        if self.live and (now - self.last > 0.1 or self.done == self.total):  # noqa: PLR2004
            self.last = now
            filled = _BAR * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (_BAR - filled)}] "
                              f"{self.done}/{self.total} projects, {self.failed} failed")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()


_MARK = "†"


def _summary(items: Sequence[Any], seconds: float) -> str:
    """Per methodology: projects, failures, ER and issuable; then the failures.

    The ER and issuable of a provisional methodology carry a † and a footnote, as every other
    output marks them: they are not final.
    """
    per: dict[str, list[float]] = {}
    provisional: set[str] = set()
    for item in items:
        if item.summary is not None:
            mid = item.summary["methodology"]
            row = per.setdefault(mid, [0, 0.0, 0])
            row[0] += 1
            row[1] += item.summary["emission_reductions"]
            row[2] += item.summary["issuable"]
            if item.summary["provisional"]:
                provisional.add(mid)
    def mark(mid: str) -> str:  # blank of the same width keeps the digits aligned
        return f" {_MARK}" if mid in provisional else "  " if provisional else ""

    rows = [[mid, f"{int(r[0]):,}", num(r[1]) + mark(mid), f"{int(r[2]):,}" + mark(mid)]
            for mid, r in sorted(per.items())]
    failed = [i for i in items if not i.ok]
    lines = [f"{len(items):,} projects in {seconds:.2f} s: {len(items) - len(failed):,} "
             f"computed, {len(failed):,} failed", "",
             table(["methodology", "projects", "ER tCO2e", "issuable tCO2e"], rows, {1, 2, 3})]
    if provisional:
        lines.append(f"{_MARK} provisional methodology: values and rules taken from its parent "
                     "text; these numbers are not final")
    if failed:
        lines += ["", "Failed:"]
        lines += [f"  {i.source}: {type(i.error).__name__}: {i.error}"
                  for i in failed[:_SHOWN_FAILURES]]
        if len(failed) > _SHOWN_FAILURES:
            lines.append(f"  ... and {len(failed) - _SHOWN_FAILURES:,} more (see the output)")
    return "\n".join(lines)


def cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    """Compute every project of a folder or manifest into a JSON Lines file."""
    from ccer_calc.batch import compute_many  # noqa: PLC0415
    from ccer_calc.fsutil import write_atomic  # noqa: PLC0415

    sources = project_files(args.target)
    progress = _Progress(len(sources), sys.stderr)
    started = time.perf_counter()
    items = compute_many(sources, as_of=args.as_of, on_item=progress, json_trail=args.trail,
                         chunksize=args.chunksize, allow_outside=args.allow_outside_files)
    seconds = time.perf_counter() - started
    write_atomic(args.output, "".join(f"{i.line}\n" for i in items))
    out.write(_summary(items, seconds) + f"\nwrote {args.output}\n")
    failed = sum(not i.ok for i in items)
    if failed:
        error_line(f"ccer-calc: error: {failed:,} of {len(items):,} projects failed (listed "
                   f"above and in {args.output})")
        return EXIT_ERROR
    return EXIT_OK


def _positive(text: str) -> int:
    """A whole number of at least 1, as an argparse type."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"not a whole number of at least 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``batch``."""
    p = sub.add_parser("batch", help="compute many projects (a folder or a manifest) into "
                                     "JSON Lines")
    p.add_argument("target", help="a folder of project files (searched recursively), or a "
                                  "manifest listing project files one a line")
    p.add_argument("-o", "--output", required=True,
                   help="JSON Lines file to write (atomically): one line per project, in order")
    p.add_argument("--trail", choices=("full", "summary", "none"), default="full",
                   help="how much of each project's trail its line holds (default: full)")
    p.add_argument("--chunksize", type=_positive, default=None,
                   help="projects per task sent to a worker (default: about four tasks per "
                        "core)")
    add_input_options(p)
    p.set_defaults(handler=cmd_batch)
