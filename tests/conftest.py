"""Shared fixtures of the engine tests: the offshore-wind example, copied and edited per test.

With ``--import-mode=importlib`` test modules cannot import from here, so helpers are fixtures
that return functions.
"""

from __future__ import annotations

import copy
import csv
import json
import tomllib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import methodologies.ccer_01_002_v01 as offshore_wind

EXAMPLE_DIR = Path(offshore_wind.__file__).parent / "data"
EXAMPLE_TOML = EXAMPLE_DIR / "example.toml"
EXAMPLE_CSV = EXAMPLE_DIR / "example_monitoring.csv"


@pytest.fixture
def example_dir() -> Path:
    """Folder of the bundled offshore-wind example (read only)."""
    return EXAMPLE_DIR


@pytest.fixture
def example_data() -> dict[str, Any]:
    """The example project file as plain data (a fresh copy per test)."""
    return copy.deepcopy(tomllib.loads(EXAMPLE_TOML.read_text("utf-8")))


@pytest.fixture
def example_rows() -> list[dict[str, str]]:
    """The example monitoring CSV as a list of dicts keyed by header cell."""
    with EXAMPLE_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def example_csv_lines() -> list[str]:
    """The example monitoring CSV as text lines (header first)."""
    return EXAMPLE_CSV.read_text("utf-8").splitlines()


@pytest.fixture
def write_project(tmp_path: Path) -> Callable[..., Path]:
    """Write a project (JSON by default) and its CSV into tmp_path; return the project path.

    ``data`` defaults to the example project; ``csv_lines`` to the example CSV.
    """

    def write(
        data: dict[str, Any] | None = None,
        *,
        csv_lines: list[str] | None = None,
        name: str = "project.json",
    ) -> Path:
        if data is None:
            data = tomllib.loads(EXAMPLE_TOML.read_text("utf-8"))
        lines = csv_lines if csv_lines is not None else EXAMPLE_CSV.read_text(
            "utf-8").splitlines()
        (tmp_path / "example_monitoring.csv").write_text("\n".join(lines) + "\n", "utf-8")
        path = tmp_path / name
        path.write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
        return path

    return write


class _Rows(HTMLParser):
    """Cell texts of every <tr> carrying the attribute ``attr``, keyed by its value."""

    def __init__(self, attr: str) -> None:
        super().__init__()
        self.attr, self.rows, self._row, self._cell = attr, {}, None, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr":
            self._row = a.get(self.attr)
            if self._row is not None:
                self.rows[self._row] = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None and self._row is not None:
            self.rows[self._row].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _rows(html: str, attr: str) -> dict[str, list[str]]:
    p = _Rows(attr)
    p.feed(html)
    return p.rows


@pytest.fixture
def html_rows() -> Callable[[str, str], dict[str, list[str]]]:
    """``html_rows(html, "data-x")``: the cell texts of each <tr data-x="key">, by key."""
    return _rows
