"""How ACM0002's equations cite their documents (shared by :mod:`.equations` and its parts)."""

from __future__ import annotations

from ccer_calc.tools.tool07_common import DOCUMENT as TOOL07
from methodologies.acm0002 import INFO

__all__ = ["DOC", "DOCUMENT", "EMISSION_FACTOR_UNIT", "TOOL07", "U"]

#: ACM0002's own equations: its official text is not at hand, so they carry the [U] tag.
DOCUMENT = INFO.document
DOC = "CDM ACM0002"
U = "[U: from background knowledge of ACM0002, not checked against the text]"
#: Unit of the grid's emission factors in ACM0002's equations.
EMISSION_FACTOR_UNIT = "t CO2/MWh"
