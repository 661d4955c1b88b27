"""compute_many: many projects on any executor, errors collected per project (issue #12)."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.batch import compute_many
from ccer_calc.errors import CcerError

EXAMPLES = [str(resources.files(f"methodologies.{p}").joinpath("data/example.toml"))
            for p in ("ccer_01_002_v01", "ccer_01_001_v01", "acm0002")]


def test_results_equal_compute_and_keep_the_order(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nmethodology = "NOPE"\n', "utf-8")
    sources = [EXAMPLES[0], str(bad), EXAMPLES[1], str(tmp_path / "missing.toml"), EXAMPLES[2]]
    with ThreadPoolExecutor(2) as pool:
        items = compute_many(sources, executor=pool)
    assert [i.source for i in items] == sources
    assert [i.ok for i in items] == [True, False, True, False, True]
    for item, path in zip([items[0], items[2], items[4]], EXAMPLES, strict=True):
        assert item.result is not None
        assert item.result.to_json() == compute(load_project(path)).to_json()
    assert isinstance(items[1].error, CcerError)
    assert "unknown methodology" in str(items[1].error)
    line = json.loads(json.dumps(items[1].to_dict()))
    assert (line["ok"], line["error"]["type"]) == (False, "MethodologyNotFound")


def test_default_process_pool() -> None:
    items = compute_many(EXAMPLES[:2])
    assert [i.ok for i in items] == [True, True]
    assert items[0].result is not None
    assert items[0].result.fingerprint == compute(load_project(EXAMPLES[0])).fingerprint


def test_explicit_process_pool_sends_errors_back_pickled(tmp_path: Path) -> None:
    with ProcessPoolExecutor(2) as pool:
        items = compute_many([str(tmp_path / "nope.toml"), EXAMPLES[0]], executor=pool)
    assert isinstance(items[0].error, CcerError)
    assert items[0].error.field == "project"
    assert items[1].ok


def test_dask_distributed_executor_works_unchanged() -> None:
    distributed = pytest.importorskip("distributed", reason="needs the dask extra")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        items = compute_many(EXAMPLES, executor=client.get_executor())
    assert [i.ok for i in items] == [True, True, True]
    assert items[2].result is not None
    assert items[2].result.to_json() == compute(load_project(EXAMPLES[2])).to_json()
