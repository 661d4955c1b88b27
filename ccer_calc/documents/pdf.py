"""PDF rendering of the HTML documents through WeasyPrint (optional extra ``ccer-calc[pdf]``).

WeasyPrint lays out the same self-contained HTML the templates produce, with its print styles
(A4 pages, repeated table headers). It needs the Pango text libraries of the operating system
besides the pip package; when either is missing the error says which.
"""

from __future__ import annotations

from ccer_calc.documents.word import missing_extra

__all__ = ["pdf_bytes"]

_SYSTEM = ("the Pango libraries of the operating system, e.g. "
           "apt-get install libpango-1.0-0 libpangoft2-1.0-0")


def pdf_bytes(html: str) -> bytes:
    """Lay out one HTML document as PDF.

    Parameters
    ----------
    html : str
        A rendered HTML document (self-contained: styles inline, no external resources).

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    CcerError
        If WeasyPrint is not installed, or cannot load its system libraries.
    """
    try:
        import weasyprint  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        raise missing_extra("pdf", "weasyprint", exc) from None
    except OSError as exc:  # the pip package is there, the shared libraries are not
        error = missing_extra("pdf", "weasyprint", exc)
        error.expected = f"{error.expected}, and {_SYSTEM}"
        raise error from None
    data: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return data
