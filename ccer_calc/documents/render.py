"""Rendering: the Jinja environment over ``reports/<lang>/`` and atomic writes.

Template lookup: each folder given in ``template_dirs`` (first ``<dir>/<lang>/``, then
``<dir>/``), then the packaged ``reports/<lang>/``; a user file of the same name wins.
Undefined values raise (StrictUndefined); every template is autoescaped except ``*.md.j2`` and
``*.txt.j2``, so the HTML table macros in ``_macros.j2`` escape user text too.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import jinja2

from ccer_calc.document_kinds import BINARY_FORMATS, FORMATS
from ccer_calc.documents.context import LANGUAGES, build_context, choice
from ccer_calc.documents.filters import (
    escape_markdown,
    format_number,
    format_percent,
    format_tco2,
    format_whole,
)
from ccer_calc.errors import InputError, TemplateError
from ccer_calc.fsutil import write_atomic

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.verify import Findings

__all__ = ["BINARY_FORMATS", "FORMATS", "environment", "render_bytes", "render_document",
           "write_document"]



def environment(lang: str = "zh", template_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """The Jinja environment for one language: user folders first, packaged templates last.

    Parameters
    ----------
    lang : {"zh", "en"}
        Language folder of the packaged templates.
    template_dirs : sequence of path
        User template folders; ``<dir>/<lang>/`` and ``<dir>/`` are searched in that order,
        before the packaged ``reports/<lang>/``.

    Returns
    -------
    jinja2.Environment
        With StrictUndefined, autoescaping and the number filters registered.
    """
    choice("lang", lang, LANGUAGES)
    loaders: list[jinja2.BaseLoader] = []
    for d in template_dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise InputError("template folder not found", field="template_dirs",
                             value=str(folder), expected="an existing folder")
        loaders.append(jinja2.FileSystemLoader([str(folder / lang), str(folder)]))
    packaged = resources.files("ccer_calc.reports").joinpath(lang)
    loaders.append(jinja2.FileSystemLoader(str(packaged)))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders),
                             undefined=jinja2.StrictUndefined, autoescape=jinja2.select_autoescape(
                                 # everything but Markdown and text: _macros.j2 escapes too
                                 enabled_extensions=(), disabled_extensions=("md.j2", "txt.j2"),
                                 default_for_string=True, default=True),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(tco2=format_tco2, num=format_number, whole=format_whole,
                       pct=format_percent, md=escape_markdown)
    return env


def _template_position(tb: TracebackType | None) -> str | None:
    where = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = f"{Path(name).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def render_document(project: Project, result: Result, methodology: Methodology, *,
                    document: str, lang: str = "zh", fmt: str = "html",
                    template_dirs: Sequence[str | Path] = (),
                    findings: Findings | None = None) -> str:
    """Render one document fully in memory.

    Parameters
    ----------
    project, result, methodology
        What to show (see :func:`build_context`).
    document : {"pdd", "monitoring", "validation", "verification"}
        项目设计文件, 减排量核算报告, 审定报告 or 核查报告.
    lang : {"zh", "en"}
        Language.
    fmt : {"html", "md"}
        Output format: one self-contained HTML file, or Markdown.
    template_dirs : sequence of path
        User template folders searched before the packaged ones.
    findings : Findings, optional
        Verifier findings, shown by the verification report.

    Returns
    -------
    str
        The rendered document.

    Raises
    ------
    TemplateError
        A template is missing, has a syntax error, or reads a value the context lacks (the
        message names the variable and the template line).
    InputError
        An unknown document, language or format.
    """
    choice("fmt", fmt, FORMATS)
    context = build_context(project, result, methodology, document=document, lang=lang,
                            findings=findings)
    name = f"{document}.{fmt}.j2"
    env = environment(lang, template_dirs)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError("template not found", field=f"{lang}/{name}", value=exc.name,
                            expected="a template in the user folders or reports/") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}",
                            field=f"{exc.name or name}:{exc.lineno}") from exc
    except (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
        where = _template_position(exc.__traceback__) or f"{lang}/{name}"
        msg = getattr(exc, "message", None) or str(exc)
        raise TemplateError(f"template failed: {msg}", field=where) from exc


def render_bytes(project: Project, result: Result, methodology: Methodology, *,
                 document: str, lang: str = "zh", fmt: str = "docx",
                 template_dirs: Sequence[str | Path] = (),
                 findings: Findings | None = None) -> bytes:
    """Render one document as a DOCX or PDF file in memory.

    Parameters
    ----------
    project, result, methodology, document, lang, template_dirs, findings
        As for :func:`render_document`. The DOCX is built from the document context in
        Python (:mod:`ccer_calc.documents.word`), so user templates do not shape it; the PDF
        is laid out from the HTML rendering, user templates included.
    fmt : {"docx", "pdf"}
        Output format; each needs its optional extra (``pip install 'ccer-calc[docx]'``,
        ``pip install 'ccer-calc[pdf]'``).

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    CcerError
        If the extra of the format is not installed (the message names it).
    TemplateError, InputError
        As for :func:`render_document`.
    """
    choice("fmt", fmt, BINARY_FORMATS)
    if fmt == "pdf":
        from ccer_calc.documents.pdf import pdf_bytes  # noqa: PLC0415 - optional extra

        return pdf_bytes(render_document(project, result, methodology, document=document,
                                         lang=lang, fmt="html", template_dirs=template_dirs,
                                         findings=findings))
    from ccer_calc.documents.word import docx_bytes  # noqa: PLC0415 - optional extra

    return docx_bytes(build_context(project, result, methodology, document=document,
                                    lang=lang, findings=findings))


def write_document(project: Project, result: Result, methodology: Methodology, *,
                   document: str, path: str | Path, lang: str = "zh", fmt: str = "html",
                   template_dirs: Sequence[str | Path] = (),
                   findings: Findings | None = None) -> Path:
    """Render a document and write it atomically; a failed render leaves no file behind.

    Parameters
    ----------
    project, result, methodology, document, lang, template_dirs, findings
        As for :func:`render_document`.
    fmt : {"html", "md", "docx", "pdf"}
        Output format; ``docx`` and ``pdf`` go through :func:`render_bytes`.
    path : path
        Destination file; an existing file is replaced only after a successful render.

    Returns
    -------
    Path
        The written file.
    """
    choice("fmt", fmt, FORMATS + BINARY_FORMATS)
    if fmt in BINARY_FORMATS:
        return write_atomic(path, render_bytes(project, result, methodology, document=document,
                                               lang=lang, fmt=fmt, template_dirs=template_dirs,
                                               findings=findings))
    text = render_document(project, result, methodology, document=document, lang=lang,
                           fmt=fmt, template_dirs=template_dirs, findings=findings)
    return write_atomic(path, text if text.endswith("\n") else text + "\n")
