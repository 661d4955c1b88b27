"""The documents, languages and formats ccer-calc renders.

Kept apart from :mod:`ccer_calc.documents` so that the CLI can offer these choices without
importing Jinja and the templates machinery on every command.
"""

from __future__ import annotations

__all__ = ["BINARY_FORMATS", "DOCUMENTS", "FORMATS", "LANGUAGES"]

#: 项目设计文件, 减排量核算报告, 审定报告, 核查报告.
DOCUMENTS = ("pdd", "monitoring", "validation", "verification")
LANGUAGES = ("zh", "en")
#: Text formats rendered from the Jinja templates.
FORMATS = ("html", "md")
#: Binary formats behind optional extras: DOCX (python-docx) and PDF (WeasyPrint).
BINARY_FORMATS = ("docx", "pdf")
