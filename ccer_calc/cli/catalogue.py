"""Commands that describe what is installed: methodologies, show, data, schema, example."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ccer_calc.cli.common import EXIT_OK, emit, prepare_engine, table

__all__ = ["register"]


def cmd_methodologies(args: argparse.Namespace, out: TextIO) -> int:
    """List installed methodologies (from their light INFO unless ``--check``)."""
    import json  # noqa: PLC0415

    from ccer_calc.registry import default_registry  # noqa: PLC0415 - light: no pint, numpy

    items = default_registry().describe_all(load=args.check)
    if args.json:
        emit(json.dumps(items, sort_keys=True, ensure_ascii=False, indent=2), out, None)
        return EXIT_OK
    rows = [[m["id"], m.get("programme", ""), m.get("title_zh", ""),
             m.get("title_en", m.get("error", "")), m["status"]] for m in items]
    emit(table(["id", "programme", "title", "english", "status"], rows, set()), out, None)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """Show a methodology's parameters, monitored data, checks and equations."""
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.result import canonical_json  # noqa: PLC0415

    m = get_methodology(args.id)
    info = m.describe()
    if args.json:
        emit(canonical_json(info), out, None)
        return EXIT_OK
    lines = [f"{m.id} {m.title_zh} ({m.title_en})", f"sector: {m.sector}",
             f"status: {m.status}", f"source: {m.source}", f"accounts: {m.accounts}"]
    if info["provisional"]:
        lines += ["", "PROVISIONAL values and rules (taken from the parent text):"]
        lines += [f"  {p['name']}: " + (p["value"] if p["kind"] == "rule" else
                                        f"{p['value']:g} {p['unit']}".strip())
                  + f" ({p['source']})" for p in info["provisional"] if p["value"] is not None]
    if info.get("inventory"):
        lines += ["", "Inventory files the project names:"]
        lines += [f"  {f['field']}: {', '.join(f['columns'])} ({f['frequency']})"
                  for f in info["inventory"]]
    lines += ["", "Parameters:"]
    rows = [[p["symbol"], p["name"], p["unit"],
             "-" if p["default"] is None else f"{p['default']:g}",
             p["kind"], "yes" if p["overridable"] else "no", p["status"], p["source"]]
            for p in info["parameters"]]
    lines.append(table(["symbol", "name", "unit", "default", "kind", "override", "status",
                        "source"], rows, {3}))
    lines += ["", "Monitored data (one row per month or period):"]
    rows = [[c["symbol"], c["name"], c["unit"], c["kind"], c["frequency"], c["source"]]
            for c in info["monitored"]]
    lines.append(table(["symbol", "column", "unit", "kind", "frequency", "source"], rows,
                       set()))
    lines.append("  kind: extensive values are shared by days between the years of a row "
                 "spanning 1 January; intensive ones hold in both")
    if info["columns_per_project"]:
        lines.append(f"  per project: {info['columns_per_project']} (the project file decides "
                     "which)")
    lines += ["", "Applicability checks:"]
    lines += [f"  {c['name']}: {c['description']} ({c['source']})" for c in info["checks"]]
    if info.get("data_tables"):
        from ccer_calc.tools.data_catalogue import data_rows  # noqa: PLC0415

        lines += ["", "Bundled data it uses (ccer-calc data --table NAME for every value):"]
        for name in info["data_tables"]:
            found = data_rows(name)
            if any(r.value is not None for r in found):
                lines.append(f"  {name}: {len(found)} values")
            else:
                lines += [f"  {name}:", *("    " + ln for ln in _data_table(found).splitlines())]
    lines += ["", "Equations:"]
    lines += [f"  {e['id']:<6} {e['formula']}   [{e['output']}]  ({e['source']}; "
              f"{e['status']})" for e in info["equations"]]
    emit("\n".join(lines), out, None)
    return EXIT_OK


def _data_table(rows: list[Any]) -> str:
    head = ["table", "key", "quantity", "value", "unit", "edition", "status", "source"]
    body = [[r.table, r.key, r.quantity or r.details,
             "" if r.value is None else f"{r.value:g}", r.unit, r.edition, r.status, r.source]
            for r in rows]
    return table(head, body, {3})


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
                         p.status, p.source,
                         f"kind: {p.kind}; " + ("overridable" if p.overridable
                                                 else "not overridable"))
                 for p in m.parameters if p.default is not None]
    return rows


def cmd_data(args: argparse.Namespace, out: TextIO) -> int:
    """List every bundled data value with its unit, edition, status and source."""
    from ccer_calc.result import canonical_json  # noqa: PLC0415
    from ccer_calc.tools.data_catalogue import catalogue, data_rows, table_digest  # noqa: PLC0415
    from ccer_calc.tools.tool_constants import CONSTANT_TABLES  # noqa: PLC0415

    rows = [] if args.table in _methodology_ids() else data_rows(args.table)
    if args.table is None or args.table in _methodology_ids():
        rows += _methodology_defaults(args.table)
    names = {r.table for r in rows}
    tables = [{"name": t.name, "file": f"ccer_calc/tools/data/{t.file}", "title": t.title,
               "sha256": table_digest(t.name)} for t in catalogue() if t.name in names]
    constants = [{"name": name, "module": module, "title": title}
                 for name, (title, module) in CONSTANT_TABLES.items() if name in names]
    if args.json:
        text = canonical_json({"tables": tables, "constant_tables": constants,
                               "values": [r.to_dict() for r in rows]})
    else:
        lines = [f"{t['name']}: {t['title']} ({t['file']}, {t['sha256']})" for t in tables]
        lines += [f"{t['name']}: {t['title']} (constants in {t['module']})" for t in constants]
        text = "\n".join([*lines, *([""] if lines else []), _data_table(rows)])
    emit(text, out, args.output)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Print the JSON Schema of a methodology's project file."""
    from ccer_calc.jsontext import canonical_json  # noqa: PLC0415 - light: no pint, numpy
    from ccer_calc.registry import default_registry  # noqa: PLC0415
    from ccer_calc.schema import project_schema  # noqa: PLC0415

    registry = default_registry()
    light = registry.light_info(args.id)
    if light is not None and light.describes_schema:  # no unit registry, no plug-in loaded
        schema = project_schema(light)
    else:  # an INFO that predates the schema fields: the plug-in is loaded in full
        prepare_engine()
        schema = project_schema(registry.get(args.id))
    emit(canonical_json(schema), out, args.output)
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
        if item.is_file() and item.name.endswith((".toml", ".json", ".csv", ".xlsx")):
            target = dest / item.name
            if target.exists() and not args.force:
                raise InputError("file exists", field="-o", value=str(target),
                                 expected="another folder, or --force to overwrite")
            write_atomic(target, item.read_bytes())
            written.append(str(target))
    out.write("wrote " + ", ".join(written) + "\n")
    out.write(f"next: ccer-calc compute {dest / Path(m.example).name}\n")
    ex_ante = Path(m.example).with_name(Path(m.example).stem + "_ex_ante.toml").name
    if (dest / ex_ante).name in {Path(w).name for w in written}:
        out.write(f"      ccer-calc estimate {dest / ex_ante}  (the PDD's ex-ante estimate)\n")
    return EXIT_OK


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``methodologies``, ``show``, ``data``, ``schema`` and ``example``."""
    p = sub.add_parser("methodologies", help="list installed methodologies")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--check", action="store_true",
                   help="load and validate every plug-in (slower; lists broken ones)")
    p.set_defaults(handler=cmd_methodologies, light=True)

    p = sub.add_parser("show", help="parameters, monitored data and equations of a methodology")
    p.add_argument("id", help="methodology id, e.g. CCER-01-002-V01")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("data", help="every bundled data value with its unit, edition, status "
                                    "and source")
    p.add_argument("--table", help="only this table (e.g. grid_factor_editions_mee, "
                                   "tool07_lambda), or the defaults of one methodology "
                                   "(e.g. ACM0002)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_data)

    p = sub.add_parser("schema", help="JSON Schema of a methodology's project file")
    p.add_argument("id", help="methodology id")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_schema, light=True)

    p = sub.add_parser("example", help="write a methodology's bundled example project")
    p.add_argument("id", help="methodology id")
    p.add_argument("-o", "--output", default=".", help="folder to write to (default: here)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(handler=cmd_example)
