"""pytest-benchmark entry points for the scaling benchmark (run with --benchmark-enable)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location("bench_scaling",
                                               Path(__file__).with_name("bench_scaling.py"))
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def data():
    return bench.make_inputs(10_000, 120)


def test_unit_checked(benchmark, data):
    er = benchmark(bench.unit_checked, data)
    np.testing.assert_allclose(er, bench.raw_numpy(data), rtol=1e-12)


def test_raw_numpy(benchmark, data):
    er = benchmark(bench.raw_numpy, data)
    assert er.shape == (10_000, 120)
