"""The ``ccer-calc`` command line: parse, call the library, print.

Every error the engine raises on purpose becomes one line on stderr and exit code 2 (usage
errors too); anything unexpected becomes one line and exit code 3 (``--debug`` shows the
traceback). Files given with ``-o`` are written atomically. Output to a console whose encoding
lacks a character escapes it instead of failing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

__all__ = ["main"]

Handler = Callable[[argparse.Namespace, TextIO], int]

EXIT_OK, EXIT_ERROR, EXIT_INTERNAL = 0, 2, 3
_WIDE_FROM = 0x2E80  # first code point of the CJK blocks: two terminal columns each


def _emit(text: str, out: TextIO, path: str | None) -> None:
    if path is not None:  # "-o ''" is refused by write_atomic, not taken as stdout
        from ccer_calc.fsutil import write_atomic  # noqa: PLC0415 - keep start-up light

        write_atomic(path, text if text.endswith("\n") else text + "\n")
    else:
        out.write(text if text.endswith("\n") else text + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
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


def _num(x: float) -> str:
    return f"{x:,.3f}"


def cmd_methodologies(args: argparse.Namespace, out: TextIO) -> int:
    """List installed methodologies (from their light INFO unless ``--check``)."""
    import json  # noqa: PLC0415

    from ccer_calc.registry import default_registry  # noqa: PLC0415 - light: no pint, numpy

    items = default_registry().describe_all(load=args.check)
    if args.json:
        _emit(json.dumps(items, sort_keys=True, ensure_ascii=False, indent=2), out, None)
        return EXIT_OK
    rows = [[m["id"], m.get("programme", ""), m.get("title_zh", ""),
             m.get("title_en", m.get("error", "")), m["status"]] for m in items]
    _emit(_table(["id", "programme", "title", "english", "status"], rows, set()), out, None)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """Show a methodology's parameters, monitored data, checks and equations."""
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.result import canonical_json  # noqa: PLC0415

    m = get_methodology(args.id)
    info = m.describe()
    if args.json:
        _emit(canonical_json(info), out, None)
        return EXIT_OK
    lines = [f"{m.id} {m.title_zh} ({m.title_en})", f"sector: {m.sector}",
             f"status: {m.status}", f"source: {m.source}", "", "Parameters:"]
    rows = [[p["symbol"], p["name"], p["unit"],
             "-" if p["default"] is None else f"{p['default']:g}",
             p["kind"], "yes" if p["overridable"] else "no", p["source"]]
            for p in info["parameters"]]
    lines.append(_table(["symbol", "name", "unit", "default", "kind", "override", "source"],
                        rows, {3}))
    lines += ["", "Monitored data (one row per month or period):"]
    rows = [[c["symbol"], c["name"], c["unit"], c["frequency"], c["source"]]
            for c in info["monitored"]]
    lines.append(_table(["symbol", "column", "unit", "frequency", "source"], rows, set()))
    lines += ["", "Applicability checks:"]
    lines += [f"  {c['name']}: {c['description']} ({c['source']})" for c in info["checks"]]
    if info.get("data_tables"):
        from ccer_calc.tools.data_catalogue import data_rows  # noqa: PLC0415

        lines += ["", "Bundled data it uses (ccer-calc data --table NAME for every value):"]
        for name in info["data_tables"]:
            table = data_rows(name)
            if any(r.value is not None for r in table):
                lines.append(f"  {name}: {len(table)} values")
            else:
                lines += [f"  {name}:", *("    " + ln for ln in _data_table(table).splitlines())]
    lines += ["", "Equations:"]
    lines += [f"  {e['id']:<6} {e['formula']}   [{e['output']}]  ({e['source']})"
              for e in info["equations"]]
    _emit("\n".join(lines), out, None)
    return EXIT_OK


def _data_table(rows: list[Any]) -> str:
    head = ["table", "key", "quantity", "value", "unit", "status", "source"]
    body = [[r.table, r.key, r.quantity or r.details,
             "" if r.value is None else f"{r.value:g}", r.unit, r.status, r.source]
            for r in rows]
    return _table(head, body, {3})


def _methodology_ids() -> list[str]:
    from ccer_calc.api import list_methodologies  # noqa: PLC0415

    return [m["id"] for m in list_methodologies() if m.get("status") != "broken"]


def _methodology_defaults(only: str | None) -> list[Any]:
    """The default parameter values each methodology ships, as data rows."""
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.tools.data_catalogue import DataRow  # noqa: PLC0415

    rows = []
    for mid in _methodology_ids() if only is None else [only]:
        m = get_methodology(mid)
        rows += [DataRow(f"{m.id} parameters", p.name, p.symbol, p.default, p.unit, m.version,
                         p.kind, p.source, "overridable" if p.overridable else "fixed")
                 for p in m.parameters if p.default is not None]
    return rows


def cmd_data(args: argparse.Namespace, out: TextIO) -> int:
    """List every bundled data value with its unit, edition, status and source."""
    from ccer_calc.result import canonical_json  # noqa: PLC0415
    from ccer_calc.tools.data_catalogue import catalogue, data_rows, table_digest  # noqa: PLC0415

    rows = [] if args.table in _methodology_ids() else data_rows(args.table)
    if args.table is None or args.table in _methodology_ids():
        rows += _methodology_defaults(args.table)
    names = {r.table for r in rows}
    tables = [{"name": t.name, "file": f"ccer_calc/tools/data/{t.file}", "title": t.title,
               "sha256": table_digest(t.name)} for t in catalogue() if t.name in names]
    if args.json:
        text = canonical_json({"tables": tables, "values": [r.to_dict() for r in rows]})
    else:
        lines = [f"{t['name']}: {t['title']} ({t['file']}, {t['sha256']})" for t in tables]
        text = "\n".join([*lines, *([""] if lines else []), _data_table(rows)])
    _emit(text, out, args.output)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Print the JSON Schema of a methodology's project file."""
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.result import canonical_json  # noqa: PLC0415
    from ccer_calc.schema import project_schema  # noqa: PLC0415

    _emit(canonical_json(project_schema(get_methodology(args.id))), out, args.output)
    return EXIT_OK


def cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    """Write a methodology's bundled example project (and its data files) to a folder."""
    from importlib import resources  # noqa: PLC0415

    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.errors import InputError  # noqa: PLC0415
    from ccer_calc.fsutil import write_atomic  # noqa: PLC0415

    m = get_methodology(args.id)
    pkg = type(m).__module__.rpartition(".")[0]
    folder = resources.files(pkg)
    for part in Path(m.example).parent.parts:
        folder = folder.joinpath(part)
    dest = Path(args.output)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.is_file() and item.name.endswith((".toml", ".json", ".csv")):
            target = dest / item.name
            if target.exists() and not args.force:
                raise InputError("file exists", field="-o", value=str(target),
                                 expected="another folder, or --force to overwrite")
            write_atomic(target, item.read_bytes())
            written.append(str(target))
    out.write("wrote " + ", ".join(written) + "\n")
    out.write(f"next: ccer-calc compute {dest / Path(m.example).name}\n")
    return EXIT_OK


def _result_table(result: Any) -> str:  # noqa: ANN401 - Result, imported lazily
    d = result.to_dict()
    keys = ("baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions")
    head = ["", "BE tCO2e", "PE tCO2e", "LE tCO2e", "ER tCO2e"]
    lines = [f"{d['project']['name']}",
             f"{d['methodology']['id']} {d['methodology']['title_zh']}", "", "Monitoring periods:"]
    rows = [[f"{p['id']} {p['start']}..{p['end']}", *(_num(p[k]["value"]) for k in keys)]
            for p in d["periods"]]
    lines.append(_table(head, rows, {1, 2, 3, 4}))
    lines += ["", "Vintages (calendar years):"]
    rows = [[str(v["year"]), *(_num(v[k]["value"]) for k in keys), f"{v['issuable']['value']:,}",
             v["rule"]] for v in d["vintages"]]
    lines.append(_table([*head, "issuable", "split rule"], rows, {1, 2, 3, 4, 5}))
    if d["warnings"]:
        lines += ["", "Warnings:", *(f"  {w['message_en']}" for w in d["warnings"])]
    t = d["totals"]
    lines += ["", f"Total ER: {_num(t['emission_reductions']['value'])} t CO2e (unrounded); "
                  f"issuable {t['issuable']['value']:,} t CO2e (each vintage rounded down)",
              f"Checks passed: {sum(c['passed'] for c in d['checks'])}/{len(d['checks'])}; "
              f"equations evaluated: {len(d['trail']['entries'])}",
              f"Fingerprint: {d['fingerprint']}"]
    return "\n".join(lines)


def cmd_compute(args: argparse.Namespace, out: TextIO) -> int:
    """Compute a project: a readable table, or JSON with ``--json``."""
    from ccer_calc.api import compute, load_project  # noqa: PLC0415

    project = load_project(args.project, allow_outside=args.allow_outside_files)
    result = compute(project, as_of=args.as_of)
    text = result.to_json() if args.json else _result_table(result)
    _emit(text, out, args.output)
    if args.output is not None:
        out.write(f"wrote {args.output}\n")
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``--as-of`` and ``--allow-outside-files``, shared by every command that computes."""
    p.add_argument("--as-of", type=_date, default=None,
                   help="verification date: ignore factors published after it (YYYY-MM-DD); "
                        "recorded in the result and its fingerprint")
    p.add_argument("--allow-outside-files", action="store_true",
                   help="let the project name files outside its own folder (trusted "
                        "projects only)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    import ccer_calc.cli_documents  # noqa: F401, PLC0415 - registers report and verify
    parser = _Parser(
        prog="ccer-calc",
        description="Emission reductions under China's CCER methodologies, equation by equation.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("methodologies", help="list installed methodologies")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--check", action="store_true",
                   help="load and validate every plug-in (slower; lists broken ones)")
    p.set_defaults(handler=cmd_methodologies)

    p = sub.add_parser("show", help="parameters, monitored data and equations of a methodology")
    p.add_argument("id", help="methodology id, e.g. CCER-01-002-V01")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("data", help="every bundled data value with its unit, edition, status "
                                    "and source")
    p.add_argument("--table", help="only this table (e.g. grid_factor_editions_mee), or the "
                                   "defaults of one methodology (e.g. ACM0002)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_data)

    p = sub.add_parser("schema", help="JSON Schema of a methodology's project file")
    p.add_argument("id", help="methodology id")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("example", help="write a methodology's bundled example project")
    p.add_argument("id", help="methodology id")
    p.add_argument("-o", "--output", default=".", help="folder to write to (default: here)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(handler=cmd_example)

    p = sub.add_parser("compute", help="compute a project's emission reductions")
    p.add_argument("project", help="project file (.toml or .json)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    add_input_options(p)
    p.set_defaults(handler=cmd_compute)

    for extend in _EXTENSIONS:
        extend(sub)
    return parser


#: Functions adding further subcommands (documents, verifier) to the parser.
_EXTENSIONS: list[Callable[[Any], None]] = []


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
            return handler(args, stdout)
    except CcerError as exc:
        if args.debug:
            raise
        _error(f"ccer-calc: error: {exc}")
        return EXIT_ERROR
    except OSError as exc:
        if args.debug:
            raise
        _error(f"ccer-calc: error: {exc.strerror or exc}: {exc.filename or ''}")
        return EXIT_ERROR
    except Exception as exc:  # the CLI's promise: one line, never a traceback
        if args.debug:
            raise
        _error(f"ccer-calc: internal error: {type(exc).__name__}: {exc} "
               "(run with --debug for the traceback)")
        return EXIT_INTERNAL


def _error(message: str) -> None:
    """Write one line to stderr: line breaks in a message become spaces."""
    SafeStream(sys.stderr).write(" ".join(message.split("\n")).replace("\r", " ") + "\n")


def _escape_unencodable(text: str, encoding: str) -> str:
    r"""Replace each character ``encoding`` cannot write by ``\uXXXX`` (JSON's escape).

    JSON syntax outside strings is ASCII, so escaping inside strings keeps a JSON text valid
    and equal in meaning.

    Examples
    --------
    >>> _escape_unencodable("风电 😀", "gbk")
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
            return self._stream.write(_escape_unencodable(text, self.encoding))

    def flush(self) -> None:
        """Flush the underlying stream."""
        self._stream.flush()


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print one line and exit 2."""
        _error(f"{self.prog}: error: {message} (see {self.prog} --help)")
        raise SystemExit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    # Run the importable copy of this module, not __main__, so that extensions registering
    # themselves on ccer_calc.cli._EXTENSIONS are seen.
    from ccer_calc.cli import main as _main

    raise SystemExit(_main())
