"""Shared calculation tools (CDM/CCER tools) that methodologies reuse."""
