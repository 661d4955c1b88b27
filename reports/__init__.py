"""Packaged document templates (installed as ccer_calc.reports)."""
