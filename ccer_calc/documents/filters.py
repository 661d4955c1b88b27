"""Number and text filters of the document templates, and unit spelling for people.

Templates format numbers only through these (registered as ``tco2``, ``num``, ``whole``,
``pct``, ``md``, ``mdtext`` and ``ident``), so the DOCX writer and the Jinja templates print the
same text.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

__all__ = [
    "breakable_id",
    "escape_markdown",
    "escape_markdown_text",
    "format_number",
    "format_percent",
    "format_tco2",
    "format_whole",
    "unit_text",
]


def format_tco2(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format tonnes: thousands separators and three decimals.

    Parameters
    ----------
    value : float
        A number of t CO2e.

    Returns
    -------
    str
        The formatted number.

    Examples
    --------
    >>> format_tco2(343163.697518)
    '343,163.698'
    >>> format_tco2(-0.0)
    '0.000'
    """
    x = float(value)
    return f"{x + 0.0:,.3f}"


def format_number(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format any magnitude with separators and up to six decimals, trailing zeros dropped.

    Parameters
    ----------
    value : float
        A number.

    Returns
    -------
    str
        The formatted number; scientific notation outside 1e-4 .. 1e12.

    Examples
    --------
    >>> format_number(98210.4)
    '98,210.4'
    >>> format_number(0.5)
    '0.5'
    >>> format_number(3)
    '3'
    """
    if isinstance(value, str):  # an id a value stands for (a stratum), shown as such
        return value
    x = float(value) + 0.0
    if x != 0 and not 1e-4 <= abs(x) < 1e12:  # noqa: PLR2004 - display range
        return f"{x:.6g}"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def format_whole(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format whole tonnes with separators (``740,644``)."""
    return f"{int(value):,d}"


def format_percent(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Format a fraction as a percentage with three decimals (``0.0123`` → ``1.230 %``)."""
    return f"{float(value) * 100:.3f} %"


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_markdown_text(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    """Make text safe in Markdown: HTML escaped, so a Markdown viewer shows it as text.

    Examples
    --------
    >>> escape_markdown_text("<script>x</script> & Co")
    '&lt;script&gt;x&lt;/script&gt; &amp; Co'
    """
    return str(value).translate(_HTML)


def escape_markdown(value: Any) -> str:  # noqa: ANN401 - whatever the template hands over
    r"""Make text safe inside a Markdown table cell (HTML and pipes escaped, lines joined).

    Examples
    --------
    >>> print(escape_markdown("a | <b>" + chr(10) + "c"))
    a \| &lt;b&gt; c
    """
    return re.sub(r"\s*\n\s*", " ", escape_markdown_text(value)).replace("|", "\\|")


def breakable_id(value: Any) -> Markup:  # noqa: ANN401 - whatever the template hands over
    """An identifier for HTML that may wrap after ``_`` or ``.``, never inside a word.

    Examples
    --------
    >>> str(breakable_id("fuels.diesel.ncv_<x>"))
    'fuels.<wbr>diesel.<wbr>ncv_<wbr>&lt;x&gt;'
    """
    parts = re.split(r"(?<=[_.])", str(value))
    return Markup("<wbr>").join(escape(p) for p in parts)


def unit_text(unit: str) -> str:
    """Write a unit as people read it: the mass unit first (``CO2e * t`` → ``t CO2e``).

    Examples
    --------
    >>> unit_text("CO2e * t / MWh")
    't CO2e/MWh'
    >>> unit_text("MWh")
    'MWh'
    >>> unit_text("km ** 2")
    'km^2'
    """
    num, sep, den = unit.replace(" ** ", "^").partition(" / ")
    parts = num.split(" * ")
    parts.sort(key=lambda u: u != "t")
    return " ".join(parts) + (f"/{den}" if sep else "")
