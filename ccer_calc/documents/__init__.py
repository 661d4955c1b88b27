"""CCER documents as views of a Project and its Result (DESIGN decision 10).

One plain *document context* is built per rendering from the Project, the Result and the
methodology's :meth:`~ccer_calc.methodology.Methodology.describe`
(:mod:`ccer_calc.documents.context`), every text in the document's language; one Jinja template
per document and format in ``reports/`` (installed as ``ccer_calc.reports``) only places its
values (:mod:`ccer_calc.documents.render`) and takes its wording from the message catalogue
``reports/messages.toml`` (:mod:`ccer_calc.documents.messages`). Numbers are formatted by filters
(:mod:`ccer_calc.documents.filters`). What people write comes from an engagement file
(:mod:`ccer_calc.documents.engagement`). DOCX (:mod:`~ccer_calc.documents.word`) and PDF
(:mod:`~ccer_calc.documents.pdf`) sit behind the optional extras ``docx`` and ``pdf``.
"""

from ccer_calc.documents.charts import bar_chart
from ccer_calc.documents.context import DOCUMENTS, LANGUAGES, build_context
from ccer_calc.documents.engagement import Engagement, load_engagement
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
    "Engagement",
    "bar_chart",
    "build_context",
    "environment",
    "format_number",
    "format_tco2",
    "load_engagement",
    "render_bytes",
    "render_document",
    "unit_text",
    "write_document",
]
