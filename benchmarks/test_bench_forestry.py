"""pytest-benchmark entry points for the A/R benchmark (run with --benchmark-enable)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("bench_forestry",
                                               Path(__file__).with_name("bench_forestry.py"))
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def inventory():
    return bench.make_inventory(100_000)


def test_engine_100k_trees(benchmark, inventory):
    stock = benchmark(bench.engine, inventory)
    assert stock == pytest.approx(bench.raw_numpy(inventory), rel=1e-10)


def test_raw_numpy_100k_trees(benchmark, inventory):
    assert benchmark(bench.raw_numpy, inventory) > 0
