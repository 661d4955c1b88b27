"""The ``report`` and ``verify`` subcommands.

``ccer-calc report`` renders one document (HTML, Markdown, or DOCX/PDF with their extras);
``ccer-calc verify`` compares claimed figures with a recomputation and exits 0 when no material
difference is found, 1 when one is (2 stays for errors, as everywhere in the CLI).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ccer_calc.cli.common import EXIT_MATERIAL, EXIT_OK, add_input_options

if TYPE_CHECKING:
    from ccer_calc.estimation import Estimate
    from ccer_calc.verify import Findings

__all__ = ["register"]


def _read_claimed(path: str) -> dict[str, Any]:
    from ccer_calc.errors import InputError  # noqa: PLC0415 - keep start-up light
    from ccer_calc.io.files import read_user_text  # noqa: PLC0415
    from ccer_calc.io.projectfile import parse_plain_text  # noqa: PLC0415

    text = read_user_text(path, field="--claimed")
    data = parse_plain_text(text, "json", "--claimed")
    if not isinstance(data, dict):
        raise InputError("claimed file is not a JSON object", field="--claimed", value=path,
                         expected="the JSON of `ccer-calc compute --json`")
    return data


def _verify(args: argparse.Namespace) -> tuple[Any, ...]:
    from ccer_calc.api import compute, get_methodology, load_project  # noqa: PLC0415
    from ccer_calc.verify import verify  # noqa: PLC0415

    project = load_project(args.project, allow_outside=args.allow_outside_files)
    result = compute(project, as_of=args.as_of)
    claimed = _read_claimed(args.claimed)
    findings = verify(project, result, claimed, materiality=args.materiality)
    return project, result, get_methodology(project.methodology_id), findings


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """Render a document (PDD, accounting, validation or verification report) to a file.

    A PDD or validation report of a project with expected values is rendered from its
    ex-ante estimate (``--as-of`` is then the date of the estimate); the accounting and
    verification reports compute the monitored reductions and compare them with it.
    """
    from ccer_calc.api import get_methodology, load_project  # noqa: PLC0415
    from ccer_calc.documents import load_engagement, write_document  # noqa: PLC0415
    from ccer_calc.documents.exante import document_result  # noqa: PLC0415

    engagement = load_engagement(args.engagement) if args.engagement else None
    findings: Findings | None = None
    est: Estimate | None = None
    if args.claimed:
        project, result, methodology, findings = _verify(args)
    else:
        project = load_project(args.project, allow_outside=args.allow_outside_files)
        methodology = get_methodology(project.methodology_id)
        result, est = document_result(project, args.document, as_of=args.as_of)
    write_document(project, result, methodology, document=args.document, path=args.output,
                   lang=args.lang, fmt=args.format, template_dirs=args.templates or (),
                   findings=findings, engagement=engagement, estimate=est)
    out.write(f"wrote {args.output}\n")
    return EXIT_OK


def _summary(findings: Findings) -> str:
    d = findings.to_dict()
    compared = len(d["comparisons"]) + d["elements_compared"]
    lines = [f"{d['project']} ({d['methodology']}): {compared} figures compared, "
             f"materiality {d['materiality']:.2%}",
             "CAR {CAR}, CL {CL}, OBS {OBS}".format(**d["counts"])]
    lines += [f"  {f['kind']}-{f['number']}: {f['description']}" for f in d["findings"]]
    lines.append("compared: " + _scopes(d["comparisons"], d["elements_compared"]))
    lines.append("not compared: " + (_scopes(d["not_compared"]) or "nothing"))
    lines.append("material difference found" if d["material"] else
                 "no material difference")
    return "\n".join(lines)


def _scopes(items: list[dict[str, Any]], elements: int = 0) -> str:
    """``period MP1 (4), vintage 2024 (5), totals (5), equations (144)``: figures per scope.

    ``elements``: equation-output elements compared as arrays, listed as ``equations``.
    """
    counts: dict[str, int] = {}
    for item in items:
        scope = item["scope"]
        name = ("totals" if scope == "total" else "equations" if scope == "equation"
                else f"{scope} {item['key']}")
        counts[name] = counts.get(name, 0) + 1
    if elements:
        counts["equations"] = counts.get("equations", 0) + elements
    return ", ".join(f"{name} ({n})" for name, n in counts.items())


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    """Compare claimed figures with a recomputation; exit 1 on a material difference."""
    from ccer_calc.fsutil import write_atomic  # noqa: PLC0415

    *_, findings = _verify(args)
    text = findings.to_json() if args.json else _summary(findings)
    text = text if text.endswith("\n") else text + "\n"
    if args.output is not None:
        write_atomic(args.output, text)
        out.write(f"wrote {args.output}\n")
    else:
        out.write(text)
    return EXIT_MATERIAL if findings.material else EXIT_OK


def _materiality(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"not a number: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0 < value < 1:
        msg = f"materiality {value} is not a fraction between 0 and 1 (e.g. 0.01 for 1 %)"
        raise argparse.ArgumentTypeError(msg)
    return value


def add_report(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``ccer-calc report``."""
    from ccer_calc.document_kinds import (  # noqa: PLC0415
        BINARY_FORMATS,
        DOCUMENTS,
        FORMATS,
        LANGUAGES,
    )

    p = sub.add_parser("report", help="render a PDD, accounting, validation or verification "
                                      "report (HTML, Markdown, DOCX or PDF)")
    p.add_argument("project", help="project file (.toml or .json)")
    p.add_argument("--document", required=True, choices=DOCUMENTS,
                   help="pdd (项目设计文件), monitoring (减排量核算报告), "
                        "validation (审定报告), verification (核查报告)")
    p.add_argument("--lang", default="zh", choices=LANGUAGES, help="language (default: zh)")
    p.add_argument("--format", default="html", choices=FORMATS + BINARY_FORMATS,
                   help="output format (default: html); docx needs pip install "
                        "'ccer-calc[docx]', pdf needs 'ccer-calc[pdf]' and the Pango libraries")
    p.add_argument("--templates", nargs="+", metavar="DIR",
                   help="folders of user templates, searched before the packaged ones "
                        "(rendered in a sandbox with a time and size limit)")
    p.add_argument("--engagement", metavar="FILE.toml",
                   help="what people write (scope, team, site visit, statements ...), zh and "
                        "en text per field; sections it leaves out keep a placeholder")
    p.add_argument("--claimed", metavar="CLAIMED.json",
                   help="claimed figures to verify; the verification report lists findings")
    p.add_argument("--materiality", type=_materiality, default=0.01,
                   help="materiality threshold as a fraction (default 0.01)")
    p.add_argument("-o", "--output", required=True, help="file to write (atomically)")
    add_input_options(p)
    p.set_defaults(handler=cmd_report)


def add_verify(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``ccer-calc verify``."""
    p = sub.add_parser("verify", help="compare claimed figures with a recomputation "
                                      "(exit 1 on a material difference)")
    p.add_argument("project", help="project file (.toml or .json)")
    p.add_argument("--claimed", required=True, metavar="CLAIMED.json",
                   help="claimed figures, shaped like `ccer-calc compute --json`")
    p.add_argument("--materiality", type=_materiality, default=0.01,
                   help="materiality threshold as a fraction (default 0.01)")
    p.add_argument("--json", action="store_true", help="findings as JSON")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    add_input_options(p)
    p.set_defaults(handler=cmd_verify)


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``report`` and ``verify``."""
    add_report(sub)
    add_verify(sub)
