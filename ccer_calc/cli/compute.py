"""``ccer-calc compute``: one project's reductions as a table or JSON."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ccer_calc.cli.common import (
    EXIT_OK,
    add_input_options,
    add_json_options,
    checks_line,
    emit,
    json_indent,
    num,
    status_lines,
    table,
)

__all__ = ["register"]


def _result_table(result: Any) -> str:  # noqa: ANN401 - Result, imported lazily
    d = result.to_dict(trail="none")
    keys = ("baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions")
    head = ["", "BE tCO2e", "PE tCO2e", "LE tCO2e", "ER tCO2e"]
    lines = [f"{d['project']['name']}",
             f"{d['methodology']['id']} {d['methodology']['title_zh']}"]
    lines += status_lines(d)
    lines += ["", "Monitoring periods:"]
    rows = [[f"{p['id']} {p['start']}..{p['end']}", *(num(p[k]["value"]) for k in keys)]
            for p in d["periods"]]
    lines.append(table(head, rows, {1, 2, 3, 4}))
    lines += ["", "Vintages (calendar years):"]
    rows = [[str(v["year"]), *(num(v[k]["value"]) for k in keys), f"{v['issuable']['value']:,}",
             v["rule"]] for v in d["vintages"]]
    lines.append(table([*head, "issuable", "split rule"], rows, {1, 2, 3, 4, 5}))
    for f in d["period_figures"]:
        lines += ["", f"{f['name']} per verification period ({f['description_en']}):"]
        lines.append(table(["period", f"{f['symbol']} {f['unit']}"],
                           [[v["period"], num(v["value"])] for v in f["values"]], {1}))
        if f["note_en"]:
            lines.append(f"  ({f['note_en']})")
    if d["warnings"]:
        lines += ["", "Warnings:", *(f"  {w['message_en']}" for w in d["warnings"])]
    t = d["totals"]
    lines += ["", f"Total ER: {num(t['emission_reductions']['value'])} t CO2e (unrounded); "
                  f"issuable {t['issuable']['value']:,} t CO2e (each vintage rounded down)",
              checks_line(result) + f"; equations evaluated: {len(result.trail)}",
              f"Fingerprint: {d['fingerprint']}"]
    return "\n".join(lines)


def cmd_compute(args: argparse.Namespace, out: TextIO) -> int:
    """Compute a project: a readable table, JSON with ``--json``, or ``-o FILE.xlsx``."""
    from ccer_calc.api import compute, load_project  # noqa: PLC0415

    workbook = args.output is not None and args.output.lower().endswith(".xlsx")
    if workbook and args.json:
        from ccer_calc.errors import InputError  # noqa: PLC0415

        raise InputError("--json and an .xlsx output exclude each other", field="-o",
                         value=args.output, expected="a .json file with --json, or no --json "
                                                     "for a workbook")
    project = load_project(args.project, allow_outside=args.allow_outside_files)
    result = compute(project, as_of=args.as_of)
    if workbook:
        from ccer_calc.fsutil import write_atomic  # noqa: PLC0415
        from ccer_calc.io.workbook import result_workbook  # noqa: PLC0415

        write_atomic(args.output, result_workbook(result))
    elif args.json:
        emit(result.to_json(indent=json_indent(args), trail=args.trail), out, args.output)
    else:
        emit(_result_table(result), out, args.output)
    if args.output is not None:
        out.write(f"wrote {args.output}\n")
    return EXIT_OK


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``compute``."""
    p = sub.add_parser("compute", help="compute a project's emission reductions")
    p.add_argument("project", help="project file (.toml or .json)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout; a "
                                        "name ending in .xlsx writes an Excel workbook")
    add_json_options(p)
    add_input_options(p)
    p.set_defaults(handler=cmd_compute)
