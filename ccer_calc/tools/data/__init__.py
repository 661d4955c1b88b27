"""Versioned factor tables, each with a source header."""
