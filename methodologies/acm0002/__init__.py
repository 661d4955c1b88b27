"""CDM ACM0002 grid-connected electricity generation from renewable sources (greenfield)."""

from methodologies.acm0002.methodology import METHODOLOGY, Acm0002

__all__ = ["METHODOLOGY", "Acm0002"]
