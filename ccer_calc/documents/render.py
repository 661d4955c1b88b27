"""Rendering: the Jinja environment over ``reports/`` and atomic writes.

One template per document and format (``reports/pdd.html.j2``, ``reports/pdd.md.j2`` ...); the
language comes from the message catalogue (``reports/messages.toml``), read by the templates
through ``t("key")``. Template lookup: each folder given in ``template_dirs`` (first
``<dir>/<lang>/``, then ``<dir>/``), then the packaged ``reports/``; a user file of the same name
wins. Undefined values raise (StrictUndefined); every template is autoescaped except ``*.md.j2``
and ``*.txt.j2``, whose templates escape user text with the ``md`` filter.

Templates from user folders render in Jinja's sandbox with a time and a size limit
(:mod:`ccer_calc.documents.sandbox`). One environment is built per language and set of template
folders and kept (so each template is compiled once per process); :func:`environment` hands out
a fresh one for callers who want to inspect or extend it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from ccer_calc.document_kinds import BINARY_FORMATS, FORMATS
from ccer_calc.documents.context import LANGUAGES, build_context, choice
from ccer_calc.documents.filters import (
    breakable_id,
    escape_markdown,
    escape_markdown_text,
    format_number,
    format_percent,
    format_tco2,
    format_whole,
)
from ccer_calc.documents.messages import catalogue, message, variant
from ccer_calc.documents.sandbox import Budget, LimitedSandbox, render_limited
from ccer_calc.documents.sandbox_process import run_limited
from ccer_calc.errors import CcerError, InputError, TemplateError
from ccer_calc.fsutil import write_atomic

if TYPE_CHECKING:
    from ccer_calc.documents.engagement import Engagement
    from ccer_calc.estimation import Estimate
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.verify import Findings

__all__ = ["BINARY_FORMATS", "FORMATS", "environment", "render_bytes", "render_document",
           "write_document"]


def _translator(lang: str) -> Any:  # noqa: ANN401 - a Jinja global
    """``t("key", **values)`` for templates: the catalogue's text in ``lang``.

    A document of a methodology that accounts removals (the context's ``accounts``) reads the
    catalogue's ``sink.<key>`` where there is one (:func:`~.messages.variant`).

    In an autoescaped template the catalogue text is trusted and the values are escaped (a
    value that is already markup, e.g. a ``{% set %}`` block, is kept).
    """
    # the catalogue's texts, escaped once (str.format on escaped text with escaped values is
    # what Markup.format does, without building a formatter per call)
    escaped = {key: str(escape(entry[lang])) for key, entry in catalogue().items()}

    @jinja2.pass_context
    def t(ctx: jinja2.runtime.Context, key: str, /, **values: Any) -> str:  # noqa: ANN401
        key = variant(key, ctx.get("accounts"))
        if not ctx.eval_ctx.autoescape:
            return message(key, lang, **values)
        text = escaped.get(key)
        if text is None:
            return message(key, lang)  # raises, naming the key
        if not values:
            return Markup(text)  # noqa: S704 - the catalogue's own text, escaped above
        try:
            return Markup(text.format(**{k: escape(v) for k, v in values.items()}))  # noqa: S704
        except KeyError as exc:
            raise TemplateError("message needs a value", field=f"t({key!r})",
                                value=str(exc), expected="every {placeholder} given") from None
    return t


@jinja2.pass_eval_context
def _ident(eval_ctx: jinja2.nodes.EvalContext, value: Any) -> str:  # noqa: ANN401
    """An id that wraps only after ``_`` or ``.`` in HTML; unchanged in Markdown."""
    return breakable_id(value) if eval_ctx.autoescape else escape_markdown(value)


def _folders(template_dirs: Sequence[str | Path]) -> tuple[str, ...]:
    out = []
    for d in template_dirs:
        folder = Path(d)
        if not folder.is_dir():
            raise InputError("template folder not found", field="template_dirs",
                             value=str(folder), expected="an existing folder")
        out.append(str(folder.resolve()))
    return tuple(out)


def _build(lang: str, folders: tuple[str, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [
        jinja2.FileSystemLoader([str(Path(f) / lang), f]) for f in folders]
    loaders.append(jinja2.FileSystemLoader(str(resources.files("ccer_calc.reports"))))
    options: dict[str, Any] = {
        "loader": jinja2.ChoiceLoader(loaders), "undefined": jinja2.StrictUndefined,
        "autoescape": jinja2.select_autoescape(
            # everything but Markdown and text: _macros.j2 escapes too
            enabled_extensions=(), disabled_extensions=("md.j2", "txt.j2"),
            default_for_string=True, default=True),
        "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True,
        # packaged templates do not change while a process runs; user folders may
        "auto_reload": bool(folders)}
    # autoescape is set in options (select_autoescape above)
    env = LimitedSandbox(**options) if folders else jinja2.Environment(**options)  # noqa: S701
    env.filters.update(tco2=format_tco2, num=format_number, whole=format_whole,
                       pct=format_percent, md=escape_markdown, mdtext=escape_markdown_text,
                       ident=_ident)
    env.globals["t"] = _translator(lang)
    if isinstance(env, LimitedSandbox):
        env.limit_filters()
    return env


@functools.lru_cache(maxsize=32)
def _shared(lang: str, folders: tuple[str, ...]) -> jinja2.Environment:
    """The environment of one language and set of folders, built once per process."""
    return _build(lang, folders)


def environment(lang: str = "zh", template_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """A new Jinja environment for one language: user folders first, packaged templates last.

    Rendering uses an environment of its own, built once per language and set of folders;
    changing the one returned here does not change any rendering.

    Parameters
    ----------
    lang : {"zh", "en"}
        Language of the catalogue text that ``t("key")`` returns.
    template_dirs : sequence of path
        User template folders; ``<dir>/<lang>/`` and ``<dir>/`` are searched in that order,
        before the packaged ``reports/``. Given any, the environment is a sandbox with limits.

    Returns
    -------
    jinja2.Environment
        With StrictUndefined, autoescaping, the number filters and ``t`` registered.
    """
    choice("lang", lang, LANGUAGES)
    return _build(lang, _folders(template_dirs))


def _template_position(tb: TracebackType | None) -> str | None:
    where = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = f"{Path(name).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


@contextlib.contextmanager
def _template_errors(name: str, lang: str) -> Iterator[None]:
    """Turn what a template's loading or rendering raises into :class:`TemplateError`."""
    try:
        yield
    except CcerError:
        raise
    except jinja2.TemplateNotFound as exc:
        raise TemplateError("template not found", field=f"{lang}/{name}", value=exc.name,
                            expected="a template in the user folders or reports/") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}",
                            field=f"{exc.name or name}:{exc.lineno}") from exc
    except (jinja2.TemplateError, TypeError, ValueError, LookupError, AttributeError,
            ArithmeticError, RecursionError) as exc:
        where = _template_position(exc.__traceback__) or f"{lang}/{name}"
        msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise TemplateError(f"template failed: {msg}", field=where) from exc


def _render(env: jinja2.Environment, name: str, lang: str, context: dict[str, Any]) -> str:
    with _template_errors(name, lang):
        if not isinstance(env, LimitedSandbox):
            return env.get_template(name).render(context)
        template = env.preload(name)  # compiled here, so that the environment keeps them

    budget = Budget.start()  # one budget: the sandbox's checks and the process's limits

    def boxed() -> str:
        with _template_errors(name, lang):
            return render_limited(template, context, budget)

    # a user template: in a child process under the system's limits where there are any (a
    # MemoryError there, or in-process where it cannot fork, becomes run_limited's TemplateError)
    return run_limited(boxed, budget.seconds, budget.limit)


def render_document(project: Project, result: Result, methodology: Methodology, *,
                    document: str, lang: str = "zh", fmt: str = "html",
                    template_dirs: Sequence[str | Path] = (),
                    findings: Findings | None = None,
                    engagement: Engagement | None = None,
                    estimate: Estimate | None = None) -> str:
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
        User template folders searched before the packaged ones. Given any, the templates
        render in Jinja's sandbox within :data:`~ccer_calc.documents.sandbox.TIME_LIMIT_S`
        seconds and :data:`~ccer_calc.documents.sandbox.OUTPUT_LIMIT_CHARS` characters.
    findings : Findings, optional
        Verifier findings, shown by the verification report.
    engagement : Engagement, optional
        What people wrote (:func:`~ccer_calc.documents.engagement.load_engagement`); the
        sections it leaves out keep their placeholder.
    estimate : Estimate, optional
        The project's ex-ante estimate (:func:`ccer_calc.estimation.estimate`), computed when
        the project has expected values and none is given; a PDD or validation report then
        shows the estimate's computation (see :func:`build_context`).

    Returns
    -------
    str
        The rendered document.

    Raises
    ------
    TemplateError
        A template is missing, has a syntax error, reads a value the context lacks (the
        message names the variable and the template line), does what the sandbox forbids, or
        exceeds a limit.
    InputError
        An unknown document, language or format.
    """
    choice("fmt", fmt, FORMATS)
    folders = _folders(template_dirs)
    context = build_context(project, result, methodology, document=document, lang=lang,
                            findings=findings, engagement=engagement, estimate=estimate)
    return _render(_shared(lang, folders), f"{document}.{fmt}.j2", lang, context)


def render_bytes(project: Project, result: Result, methodology: Methodology, *,
                 document: str, lang: str = "zh", fmt: str = "docx",
                 template_dirs: Sequence[str | Path] = (),
                 findings: Findings | None = None,
                 engagement: Engagement | None = None,
                 estimate: Estimate | None = None) -> bytes:
    """Render one document as a DOCX or PDF file in memory.

    Parameters
    ----------
    project, result, methodology, document, lang, template_dirs, findings, engagement, estimate
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
                                         findings=findings, engagement=engagement,
                                         estimate=estimate))
    from ccer_calc.documents.word import docx_bytes  # noqa: PLC0415 - optional extra

    return docx_bytes(build_context(project, result, methodology, document=document,
                                    lang=lang, findings=findings, engagement=engagement,
                                    estimate=estimate))


def write_document(project: Project, result: Result, methodology: Methodology, *,
                   document: str, path: str | Path, lang: str = "zh", fmt: str = "html",
                   template_dirs: Sequence[str | Path] = (),
                   findings: Findings | None = None,
                   engagement: Engagement | None = None,
                   estimate: Estimate | None = None) -> Path:
    """Render a document and write it atomically; a failed render leaves no file behind.

    Parameters
    ----------
    project, result, methodology, document, lang, template_dirs, findings, engagement, estimate
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
                                               findings=findings, engagement=engagement,
                                         estimate=estimate))
    text = render_document(project, result, methodology, document=document, lang=lang,
                           fmt=fmt, template_dirs=template_dirs, findings=findings,
                           engagement=engagement, estimate=estimate)
    return write_atomic(path, text if text.endswith("\n") else text + "\n")
