"""Start-up and end-to-end wall time of the command line (issue #9 and #12 targets).

Runs each command several times in a fresh process and prints the best and median wall time:
``ccer-calc --help`` and ``ccer-calc methodologies`` (target < 0.15 s on the CI machine),
``ccer-calc schema`` of the offshore-wind methodology (no target: light since #9, it builds
pydantic models only), and ``ccer-calc compute`` of the bundled offshore-wind example. Not a
test: numbers depend on the machine and its load.

    python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "methodologies" / "ccer_01_002_v01" / "data" / "example.toml"


def _cli() -> list[str]:
    exe = shutil.which("ccer-calc", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "ccer_calc"]


def _time(argv: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    cli = _cli()
    cases = [("ccer-calc --help", [*cli, "--help"], 0.15),
             ("ccer-calc methodologies", [*cli, "methodologies"], 0.15),
             ("ccer-calc schema", [*cli, "schema", "CCER-01-002-V01"], None),
             ("ccer-calc compute example", [*cli, "compute", str(EXAMPLE)], 0.25)]
    print(f"{'command':<28} {'best s':>8} {'median s':>9}  target")
    for name, argv, target in cases:
        best, median = _time(argv, runs)
        if target is None:
            print(f"{name:<28} {best:8.3f} {median:9.3f}  -")
            continue
        flag = "ok" if best < target else "over"
        print(f"{name:<28} {best:8.3f} {median:9.3f}  < {target} s ({flag})")


if __name__ == "__main__":
    main()
