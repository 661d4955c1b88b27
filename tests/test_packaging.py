"""Names that are data: the explicit package list, entry points and ``__all__`` exports."""

from __future__ import annotations

import importlib
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import ccer_calc

ROOT = Path(ccer_calc.__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PACKAGES = set(PYPROJECT["tool"]["setuptools"]["packages"])
PACKAGE_DIR = PYPROJECT["tool"]["setuptools"].get("package-dir", {})
ENTRY_POINTS = PYPROJECT["project"]["entry-points"]["ccer_calc.methodologies"]


def _package_name(folder: Path) -> str:
    rel = folder.relative_to(ROOT).parts
    if rel[0] == "reports":  # shipped as ccer_calc.reports through package-dir
        return ".".join(("ccer_calc", *rel))
    return ".".join(rel)


def _folders_with_init() -> list[Path]:
    out = []
    for top in ("ccer_calc", "methodologies", "reports"):
        out += sorted(p.parent for p in (ROOT / top).rglob("__init__.py")
                      if "__pycache__" not in p.parts)
    return out


def test_source_tree_is_where_we_think() -> None:
    assert (ROOT / "pyproject.toml").is_file()
    assert (ROOT / "ccer_calc" / "__init__.py").is_file()


def test_reports_is_mapped_to_ccer_calc_reports() -> None:
    assert PACKAGE_DIR.get("ccer_calc.reports") == "reports"


@pytest.mark.parametrize("folder", _folders_with_init(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_package_folder_is_listed(folder: Path) -> None:
    assert _package_name(folder) in PACKAGES


def test_every_listed_package_exists() -> None:
    names = {_package_name(f) for f in _folders_with_init()}
    assert sorted(PACKAGES - names) == []


def test_no_tests_folder_is_a_package() -> None:
    # pytest runs with --import-mode=importlib; a tests/__init__.py would make the folder a
    # package that setuptools must then either list or leave out inconsistently
    inits = [p for top in ("tests", "ccer_calc", "methodologies", "reports", "benchmarks")
             for p in (ROOT / top).rglob("tests/__init__.py")]
    inits += [ROOT / "tests" / "__init__.py"] if (ROOT / "tests" / "__init__.py").exists() else []
    assert inits == []


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_entry_point_modules_are_packaged(name: str) -> None:
    module, _, attr = ENTRY_POINTS[name].partition(":")
    assert module in PACKAGES
    assert attr == "METHODOLOGY"


def test_installed_entry_points_match_pyproject() -> None:
    installed = {ep.name: ep.value for ep in metadata.entry_points(group="ccer_calc.methodologies")
                 if ep.dist is not None and ep.dist.name == "ccer-calc"}
    assert installed == ENTRY_POINTS


def test_console_script_target_exists() -> None:
    module, _, attr = PYPROJECT["project"]["scripts"]["ccer-calc"].partition(":")
    assert callable(getattr(importlib.import_module(module), attr))


def _engine_modules() -> list[str]:
    mods = []
    for path in sorted((ROOT / "ccer_calc").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        mods.append(".".join(parts))
    return mods


@pytest.mark.parametrize("module", _engine_modules())
def test_all_exports_exist(module: str) -> None:
    mod = importlib.import_module(module)
    for name in getattr(mod, "__all__", []):
        assert hasattr(mod, name), f"{module}.__all__ lists {name!r}, which is not defined"


def test_package_data_patterns_cover_bundled_files() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["*"]
    for suffix in ("*.csv", "*.toml", "*.txt"):
        assert suffix in patterns
    assert (ROOT / "ccer_calc" / "units" / "definitions.txt").is_file()
    assert (ROOT / "ccer_calc" / "tools" / "data" / "grid_factors_mee.csv").is_file()
