"""CCER documents as views of a Project and its Result (DESIGN decision 10).

One plain *document context* is built per rendering from the Project, the Result and the
methodology's :meth:`~ccer_calc.methodology.Methodology.describe`
(:mod:`ccer_calc.documents.context`); Jinja templates in ``reports/<lang>/`` (installed as
``ccer_calc.reports``) only place its values (:mod:`ccer_calc.documents.render`). Numbers are
formatted by filters (:mod:`ccer_calc.documents.filters`). DOCX (:mod:`~ccer_calc.documents.word`)
and PDF (:mod:`~ccer_calc.documents.pdf`) sit behind the optional extras ``docx`` and ``pdf``.
"""

from ccer_calc.documents.context import DOCUMENTS, LANGUAGES, bar_chart, build_context
from ccer_calc.documents.filters import format_number, format_tco2, unit_text
from ccer_calc.documents.render import (
    BINARY_FORMATS,
    FORMATS,
    environment,
    render_bytes,
    render_document,
    write_document,
)

__all__ = [
    "BINARY_FORMATS",
    "DOCUMENTS",
    "FORMATS",
    "LANGUAGES",
    "bar_chart",
    "build_context",
    "environment",
    "format_number",
    "format_tco2",
    "render_bytes",
    "render_document",
    "unit_text",
    "write_document",
]
