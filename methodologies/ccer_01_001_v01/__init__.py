"""CCER-01-001-V01 并网光热发电 (grid-connected solar thermal power)."""

from methodologies.ccer_01_001_v01.methodology import METHODOLOGY, SolarThermal

__all__ = ["METHODOLOGY", "SolarThermal"]
