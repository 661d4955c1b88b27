"""compute_many: many projects on any executor, errors collected per project (issue #12)."""

from __future__ import annotations

import io
import json
import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.batch import BatchItem, _chunks, compute_many
from ccer_calc.cli import main
from ccer_calc.cli.batch import _Progress
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


def test_batch_cli_manifest_with_a_missing_file(tmp_path: Path, capsys) -> None:
    manifest = tmp_path / "projects.txt"
    manifest.write_text(f"# two examples and a file that is not there\n{EXAMPLES[0]}\n\n"
                        f"missing.toml\n{EXAMPLES[1]}\n", "utf-8")
    out = tmp_path / "r.jsonl"
    code = main(["batch", str(manifest), "-o", str(out), "--trail", "none"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (f"ccer-calc: error: 1 of 3 projects failed (listed above and in "
                            f"{out})\n")
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["ok"] for line in lines] == [True, False, True]
    assert lines[1]["source"] == str(tmp_path / "missing.toml")
    assert lines[1]["error"]["type"] == "InputError"
    assert lines[0]["result"]["trail"] is None
    expected = compute(load_project(EXAMPLES[0]))
    assert lines[0]["result"]["fingerprint"] == expected.fingerprint
    assert "3 projects in" in captured.out and "1 failed" in captured.out
    assert "missing.toml: InputError: project: file not found" in captured.out


def test_batch_cli_folder_all_computed(tmp_path: Path, capsys) -> None:
    src = Path(EXAMPLES[0]).parent
    for k in range(3):
        folder = tmp_path / "projects" / f"p{k}"
        folder.mkdir(parents=True)
        shutil.copy(src / "example.toml", folder / "project.toml")
        shutil.copy(src / "example_monitoring.csv", folder)
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(tmp_path / "projects"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 3 and all(json.loads(x)["ok"] for x in lines)
    assert "CCER-01-002-V01" in captured.out


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = _Progress(2, stream)
        bar(BatchItem("a", None, None))
        bar(BatchItem("b", None, ValueError("x")))
    assert pipe.getvalue() == ""
    assert tty.getvalue().endswith("2/2 projects, 1 failed\n")


def test_chunks_keep_the_order_and_report_each_item() -> None:
    seen = []
    with ThreadPoolExecutor(2) as pool:
        items = compute_many([EXAMPLES[0], "nope.toml", EXAMPLES[1]], executor=pool,
                             chunksize=1, on_item=seen.append, json_trail="summary")
    assert [i.source for i in items] == [EXAMPLES[0], "nope.toml", EXAMPLES[1]]
    assert sorted(i.source for i in seen) == sorted(i.source for i in items)
    assert items[0].result is None and json.loads(items[0].line)["ok"] is True
    assert items[0].summary["methodology"] == "CCER-01-002-V01"
    assert json.loads(items[1].line)["error"]["type"] == "InputError"


def test_chunksize_must_be_positive(capsys) -> None:
    with pytest.raises(CcerError, match="chunksize: chunk size out of range"):
        compute_many(EXAMPLES[:1], chunksize=0)
    with pytest.raises(SystemExit):
        main(["batch", ".", "-o", "x.jsonl", "--chunksize", "-3"])
    assert "--chunksize: not a whole number of at least 1" in capsys.readouterr().err


def test_batch_summary_marks_a_provisional_methodology(tmp_path: Path, capsys) -> None:
    """CCER-14-001-V01 is provisional: its ER and issuable carry † and a footnote says why."""
    sink = resources.files("methodologies.ccer_14_001_v01").joinpath("data/example.toml")
    manifest = tmp_path / "projects.txt"
    manifest.write_text(f"{EXAMPLES[0]}\n{sink}\n", "utf-8")
    assert main(["batch", str(manifest), "-o", str(tmp_path / "r.jsonl")]) == 0
    lines = capsys.readouterr().out.splitlines()
    (wind,) = [ln for ln in lines if ln.startswith("CCER-01-002-V01")]
    (forest,) = [ln for ln in lines if ln.startswith("CCER-14-001-V01")]
    assert "†" not in wind
    assert forest.count("†") == 2  # ER and issuable
    assert forest.endswith("†") and len(wind) == len(forest) - 2  # digits stay aligned
    assert "† provisional methodology: values and rules taken from its parent text; these " \
           "numbers are not final" in lines
    er = compute(load_project(str(sink))).totals["emission_reductions"]
    assert f"{er:,.3f} †" in forest


def test_default_chunks_shrink_toward_the_end_and_keep_every_project_in_order() -> None:
    names = [f"p{k}.toml" for k in range(1000)]
    sizes = [len(c) for c in _chunks(names, 64, workers=2)]
    assert [p for c in _chunks(names, 64, workers=2) for p in c] == names
    assert sizes[0] == 64 and max(sizes) == 64
    assert sizes == sorted(sizes, reverse=True)  # large first, so the workers end together
    assert sizes[-1] == 1
    assert [len(c) for c in _chunks(names, 64)] == [64] * 15 + [40]  # a given size is kept
