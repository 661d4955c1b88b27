"""CCER-01-002-V01 并网海上风力发电 (grid-connected offshore wind power)."""

from methodologies.ccer_01_002_v01.methodology import METHODOLOGY, OffshoreWind

__all__ = ["METHODOLOGY", "OffshoreWind"]
