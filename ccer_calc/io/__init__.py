"""Readers for project files (TOML, JSON) and monitoring tables (CSV)."""
