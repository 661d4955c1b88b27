"""CPU time per project of the batch worker, in this process (issue 12).

Runs :func:`ccer_calc.batch._compute_chunk` (load, compute with stacked stages, JSON line with
the full trail) over 1,000 projects in chunks of 64, as ``compute_many`` does on each core, and
prints the CPU time per project (``time.process_time``: what the other processes on a shared
machine do not change much). Two sets: 1,000 copies of the CCER-01-002-V01 example, and 1,000
projects with different OM/BM overrides, so that equal inputs are not what makes it fast.
Not a test.

    python benchmarks/bench_batch_worker.py [--runs 2]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from ccer_calc.batch import _compute_chunk

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "methodologies" / "ccer_01_002_v01" / "data" / "example.toml"
PROJECTS, CHUNK = 1000, 64


def projects(folder: Path, varied: bool) -> list[str]:
    """The example 1,000 times, with its own OM/BM overrides for each project if ``varied``."""
    folder.mkdir()
    shutil.copy(EXAMPLE.parent / "example_monitoring.csv", folder)
    text = EXAMPLE.read_text("utf-8")
    out = []
    for k in range(PROJECTS):
        own = text
        if varied:
            own = own.replace('"0.8042 t CO2/MWh"', f'"{0.7 + k * 1e-4:.4f} t CO2/MWh"').replace(
                '"0.2135 t CO2/MWh"', f'"{0.2 + k * 7e-5:.5f} t CO2/MWh"')
        path = folder / f"p{k:04d}.toml"
        path.write_text(own, "utf-8")
        out.append(str(path))
    return out


def cpu_per_project(sources: list[str], runs: int) -> float:
    """Best CPU seconds per project over ``runs`` passes of the worker's chunks."""
    _compute_chunk(sources[:CHUNK], None, "full", False)  # warm: imports, caches of tables
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        items = [item for i in range(0, len(sources), CHUNK)
                 for item in _compute_chunk(sources[i:i + CHUNK], None, "full", False)]
        best = min(best, time.process_time() - t)
        if not all(item.ok for item in items):
            msg = "a benchmark project failed"
            raise RuntimeError(msg)
    return best / len(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="passes; the best is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, varied) in enumerate((("identical copies", False),
                                            ("different OM/BM", True))):
            ms = cpu_per_project(projects(Path(tmp) / f"set{k}", varied), args.runs) * 1e3
            print(f"{name:>18}: {ms:.2f} ms CPU per project (target about 2.8)")


if __name__ == "__main__":
    main()
