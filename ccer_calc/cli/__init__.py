"""The ``ccer-calc`` command line: parse, call the library, print.

Every error the engine raises on purpose becomes one line on stderr and exit code 2 (usage
errors too); anything unexpected becomes one line and exit code 3 (``--debug`` shows the
traceback). Files given with ``-o`` are written atomically. Output to a console whose encoding
lacks a character escapes it instead of failing.

Each group of commands is a module of this package with a ``register(subparsers)`` function,
listed in :data:`COMMANDS`; the modules import nothing heavy at import time, so ``--help`` stays
fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO, cast

from ccer_calc.cli.common import (
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_MATERIAL,
    EXIT_OK,
    SafeStream,
    error_line,
    prepare_engine,
)

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_INTERNAL", "EXIT_MATERIAL", "EXIT_OK", "build_parser",
           "main"]

Handler = Callable[[argparse.Namespace, TextIO], int]

#: The modules that add commands, in the order ``--help`` lists them.
COMMANDS = ("ccer_calc.cli.catalogue", "ccer_calc.cli.compute", "ccer_calc.cli.estimate",
            "ccer_calc.cli.documents", "ccer_calc.cli.batch", "ccer_calc.cli.serve")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print one line and exit 2."""
        error_line(f"{self.prog}: error: {message} (see {self.prog} --help)")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(
        prog="ccer-calc",
        description="Emission reductions under China's CCER methodologies, equation by equation.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    r"""Run the command line; return the exit code.

    Whatever happens, stderr gets at most one line (an error), and printing never fails on
    a console whose encoding lacks a character (GBK): such characters are written as
    ``\uXXXX``, which keeps JSON valid and equal in meaning.
    """
    stdout = out if out is not None else cast("TextIO", SafeStream(sys.stdout))
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    from ccer_calc.errors import CcerError  # noqa: PLC0415

    try:
        with warnings.catch_warnings():  # a dependency's warning is not a second line
            warnings.simplefilter("ignore")
            if not getattr(args, "light", False):
                prepare_engine()
            return handler(args, stdout)
    except CcerError as exc:
        if args.debug:
            raise
        error_line(f"ccer-calc: error: {exc}")
        return EXIT_ERROR
    except OSError as exc:
        if args.debug:
            raise
        error_line(f"ccer-calc: error: {exc.strerror or exc}: {exc.filename or ''}")
        return EXIT_ERROR
    except Exception as exc:  # the CLI's promise: one line, never a traceback
        if args.debug:
            raise
        error_line(f"ccer-calc: internal error: {type(exc).__name__}: {exc} "
               "(run with --debug for the traceback)")
        return EXIT_INTERNAL
