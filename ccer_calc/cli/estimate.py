"""``ccer-calc estimate``: the ex-ante estimate of a project design document, as a table or JSON.

BE, PE, LE and ER per calendar year of the crediting period from the project's ``[expected]``
values, the total and the annual average, each named scenario side by side, and the sensitivity
of the total ER to each expected quantity (± 10 %).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ccer_calc.cli.common import (
    EXIT_OK,
    add_input_options,
    checks_line,
    emit,
    num,
    status_lines,
    table,
)

__all__ = ["register"]

_KEYS = ("baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions")


def _years_table(d: dict[str, Any]) -> list[str]:
    head = ["year", "days", "crediting years", "BE tCO2e", "PE tCO2e", "LE tCO2e", "ER tCO2e"]
    rows = [[str(y["year"]), f"{y['days']}/{y['year_days']}", f"{y['crediting_years']:.4f}",
             *(num(y[k]["value"]) for k in _KEYS)] for y in d["years"]]
    rows.append(["total", "", f"{d['crediting_period']['years']:.4f}",
                 *(num(d["totals"][k]["value"]) for k in _KEYS)])
    rows.append(["annual average", "", "",
                 *(num(d["annual_average"][k]["value"]) for k in _KEYS)])
    return [table(head, rows, {1, 2, 3, 4, 5, 6})]


def _scenarios_table(d: dict[str, Any]) -> list[str]:
    if not d["scenarios"]:
        return []
    columns = {"project" if d["scenario"] is None else d["scenario"]: d, **d["scenarios"]}
    years = sorted({y["year"] for c in columns.values() for y in c["years"]})
    per = {name: {y["year"]: y["emission_reductions"]["value"] for y in c["years"]}
           for name, c in columns.items()}
    rows = [[str(y), *(num(per[n][y]) if y in per[n] else "—" for n in columns)]
            for y in years]
    rows.append(["total", *(num(c["totals"]["emission_reductions"]["value"])
                            for c in columns.values())])
    rows.append(["annual average", *(num(c["annual_average"]["emission_reductions"]["value"])
                                     for c in columns.values())])
    notes = [f"  {name}: {c['description']}" for name, c in d["scenarios"].items()
             if c["description"]]
    return ["", "Scenarios, ER tCO2e:",
            table(["year", *columns], rows, set(range(1, len(columns) + 1))), *notes]


def _sensitivity_table(d: dict[str, Any]) -> list[str]:
    if not d["sensitivity"]:
        return []
    rows = []
    for s in d["sensitivity"]:
        er = s["emission_reductions"]
        rows.append([f"{s['quantity']} ({s['symbol']})", num(er["lower"]["value"]),
                     num(er["base"]["value"]), num(er["higher"]["value"])])
    pct = f"{d['sensitivity'][0]['change']:.0%}"
    return ["", f"Sensitivity of total ER to each expected quantity (every year -{pct} / "
                f"+{pct}, recomputed through the equations):",
            table(["quantity", f"ER at -{pct}", "ER", f"ER at +{pct}"], [*rows], {1, 2, 3})]


def _text(d: dict[str, Any], checks: str) -> str:
    cp = d["crediting_period"]
    what = "Ex-ante estimate" + (f", scenario {d['scenario']}" if d["scenario"] else "")
    lines = [d["project"]["name"], f"{d['methodology']['id']} {d['methodology']['title_zh']}",
             *status_lines(d), "", f"{what}: crediting period {cp['start']}..{cp['end']} "
             f"({cp['years']:.4f} years)", "", *_years_table(d)]
    lines += _scenarios_table(d) + _sensitivity_table(d)
    if d["warnings"]:
        lines += ["", "Warnings:", *(f"  {w['message_en']}" for w in d["warnings"])]
    lines += ["", f"{checks}; equations evaluated: {len(d['trail']['entries'])}",
              f"Fingerprint: {d['fingerprint']}"]
    return "\n".join(lines)


def cmd_estimate(args: argparse.Namespace, out: TextIO) -> int:
    """Estimate a project ex ante: a readable table, or JSON with ``--json``."""
    from ccer_calc.api import load_project  # noqa: PLC0415 - keep start-up light
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    workbook = args.output is not None and args.output.lower().endswith(".xlsx")
    if workbook and args.json:
        from ccer_calc.errors import InputError  # noqa: PLC0415

        raise InputError("--json and an .xlsx output exclude each other", field="-o",
                         value=args.output, expected="a .json file with --json, or no --json "
                                                     "for a workbook")
    project = load_project(args.project, allow_outside=args.allow_outside_files)
    est = estimate(project, as_of=args.as_of, scenario=args.scenario)
    if workbook:
        from ccer_calc.fsutil import write_atomic  # noqa: PLC0415
        from ccer_calc.io.estimate_workbook import estimate_workbook  # noqa: PLC0415

        write_atomic(args.output, estimate_workbook(est))
    else:
        text = est.to_json() if args.json else _text(est.to_dict(), checks_line(est.result))
        emit(text, out, args.output)
    if args.output is not None:
        out.write(f"wrote {args.output}\n")
    return EXIT_OK


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``estimate``."""
    p = sub.add_parser("estimate", help="ex-ante estimate of a project design document: "
                                        "BE, PE, LE, ER per year of the crediting period")
    p.add_argument("project", help="project file (.toml or .json) with [expected] values")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout; a "
                                          "name ending in .xlsx writes an Excel workbook")
    p.add_argument("--scenario", metavar="NAME",
                   help="estimate this scenario of the project (with its own trail)")
    add_input_options(p, as_of_help="date of the estimate: grid-factor editions published "
                                     "later are not used (YYYY-MM-DD; default: expected.as_of "
                                     "of the project file)")
    p.set_defaults(handler=cmd_estimate)
