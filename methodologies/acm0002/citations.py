"""How ACM0002's equations cite their documents (shared by :mod:`.equations` and its parts)."""

from __future__ import annotations

__all__ = ["DOC", "DOCUMENT", "TOOL07", "U"]

#: ACM0002's own equations: its official text is not at hand, so they carry the [U] tag.
DOCUMENT = "ACM0002 [U]"
DOC = "CDM ACM0002"
TOOL07 = "TOOL07 v07.0"
U = "[U: from background knowledge of ACM0002, not checked against the text]"
_EF = "t CO2/MWh"
