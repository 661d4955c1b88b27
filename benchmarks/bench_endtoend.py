"""Every row of issue 12's table, end to end, with the plain Python/numpy baseline beside it.

Each case builds its own data in a temporary folder (the offshore-wind example, with its
monitoring rows replaced by 10 years of daily rows, 87,600 hourly rows with UTC offsets, or
copied 1,000 times), times the engine and a plain script doing the same arithmetic without
units, checks or trail, and prints best-of-N wall times, the ratio to the baseline and the
issue's target. The ``frames`` case compares reading 20,000 rows handed over in memory (numpy
arrays, a DataFrame) with reading the CSV text of them; there the CSV is the baseline. The
machine's load changes the figures: run it on an idle machine for numbers to compare with the
targets. Not a test.

    python benchmarks/bench_endtoend.py [--runs 5] [--only NAME]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "methodologies" / "ccer_01_002_v01" / "data" / "example.toml"
HEAD = "start,end,export [MWh],import [MWh]"
OM, BM = 0.8042, 0.2135  # the example's overrides, t CO2/MWh


def _cli() -> list[str]:
    exe = shutil.which("ccer-calc", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "ccer_calc"]


def _best(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _project(folder: Path, lines: list[str], periods: list[dict[str, str]]) -> Path:
    """The example project with other monitoring rows and periods, written to ``folder``."""
    data = tomllib.loads(EXAMPLE.read_text("utf-8"))
    data["monitoring"].pop("meters")
    data["dates"].pop("application_date")  # the five-year look-back would refuse 10 years
    data["monitoring"]["periods"] = periods
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "example_monitoring.csv").write_text("\n".join(lines) + "\n", "utf-8")
    path = folder / "project.json"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
    return path


def daily_project(folder: Path) -> Path:
    """2024-2033 in daily rows (3,653), one monitoring period per year."""
    rng = np.random.default_rng(12)
    days = np.arange(np.datetime64("2024-01-01"), np.datetime64("2034-01-01"))
    exp, imp = rng.uniform(500, 2000, days.size), rng.uniform(0, 20, days.size)
    lines = [HEAD] + [f"{d},{d},{e:.3f},{i:.3f}" for d, e, i in zip(days, exp, imp, strict=True)]
    periods = [{"id": f"Y{y}", "start": f"{y}-01-01", "end": f"{y}-12-31"}
               for y in range(2024, 2034)]
    return _project(folder, lines, periods)


def hourly_project(folder: Path) -> Path:
    """87,600 hourly rows with UTC offsets (+08:00) from 2024-01-01, one period per year."""
    rng = np.random.default_rng(12)
    t = np.datetime64("2024-01-01T00:00") + np.arange(87_601) * np.timedelta64(1, "h")
    s = np.datetime_as_string(t, unit="m")
    exp, imp = rng.uniform(20, 250, 87_600), rng.uniform(0, 2, 87_600)
    lines = [HEAD] + [f"{a}+08:00,{b}+08:00,{e:.3f},{i:.3f}"
                      for a, b, e, i in zip(s[:-1], s[1:], exp, imp, strict=True)]
    last = str(t[-1].astype("datetime64[D]") - np.timedelta64(1, "D"))
    periods = [{"id": f"Y{y}", "start": f"{y}-01-01",
                "end": f"{y}-12-31" if y < 2033 else last} for y in range(2024, 2034)]
    return _project(folder, lines, periods)


def plain_rows(path: Path) -> dict[int, float]:
    """The baseline: read the CSV, net export times the combined margin, summed per year."""
    with (path.parent / "example_monitoring.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    cols = list(zip(*rows, strict=True))
    year = np.array([int(c[:4]) for c in cols[0]])
    er = (np.array(cols[2], dtype=float) - np.array(cols[3], dtype=float)) * (0.5 * OM + 0.5 * BM)
    first = int(year.min())
    sums = np.bincount(year - first, weights=er)
    return {first + k: float(v) for k, v in enumerate(sums)}


PLAIN_EXAMPLE = (
    "import csv\n"
    f"rows = list(csv.reader(open({str(EXAMPLE.parent / 'example_monitoring.csv')!r})))[1:]\n"
    f"print(sum((float(r[2]) - float(r[3])) * {0.5 * OM + 0.5 * BM} for r in rows))\n")


#: What every computing command imports before any of the engine's own code runs: numpy, pint
#: and the unit registry, set up as the command line does (:func:`prepare_engine`: dask hidden,
#: no OpenBLAS pool, the parsed-definitions cache), and pydantic with its schema modules. No
#: engine can start faster than this on a machine.
DEPENDENCY_FLOOR = (
    "from ccer_calc.cli.common import prepare_engine\n"
    "prepare_engine()\n"
    "import pydantic, pydantic.fields, pydantic_core.core_schema\n")


def _compile_bytecode() -> None:
    """Write the engine's bytecode, as a wheel install does.

    An editable install compiles each module on first import and caches it, unless the
    environment forbids writing bytecode (``PYTHONDONTWRITEBYTECODE``, set on some CI and
    sandbox machines); then every start-up would also pay ~0.1 s of compiling the engine's
    sources, which no installed user pays.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ccer_calc"),
                    str(ROOT / "methodologies")], check=True, capture_output=True)


def case_startup(runs: int, _tmp: Path) -> list[tuple[str, float, float | None, str]]:
    _compile_bytecode()
    cli = _cli()
    help_s = _best(lambda: subprocess.run([*cli, "--help"], check=True, capture_output=True),
                   runs)
    compute_s = _best(lambda: subprocess.run([*cli, "compute", str(EXAMPLE)], check=True,
                                             capture_output=True), runs)
    plain_s = _best(lambda: subprocess.run([sys.executable, "-c", PLAIN_EXAMPLE], check=True,
                                           capture_output=True), runs)
    floor_s = _best(lambda: subprocess.run([sys.executable, "-c", DEPENDENCY_FLOOR],
                                           check=True, capture_output=True), runs)
    return [("compute bundled example, wall", compute_s, plain_s, "< 0.25 s"),
            ("  of which importing numpy, pint, pydantic (floor)", floor_s, None, "-"),
            ("ccer-calc --help", help_s, None, "< 0.1 s")]


def case_daily(runs: int, tmp: Path) -> list[tuple[str, float, float | None, str]]:
    from ccer_calc.api import compute, load_project  # noqa: PLC0415

    path = daily_project(tmp / "daily")
    engine = _best(lambda: compute(load_project(path)), runs)
    plain = _best(lambda: plain_rows(path), runs)
    result = compute(load_project(path))
    check = plain_rows(path)
    for v in result.vintages:  # the same reductions as the plain arithmetic
        assert abs(v.values["emission_reductions"] - check[v.year]) <= 1e-6 * abs(check[v.year])
    return [("3,653 daily rows, load + compute", engine, plain, "< 0.3 s")]


#: One run in a fresh process: its time, and its peak resident memory.
_HOURLY = """
import json, resource, sys, time
from ccer_calc.cli.common import prepare_engine
prepare_engine()
from ccer_calc.api import compute, load_project
t = time.perf_counter()
text = compute(load_project(sys.argv[1])).to_json(indent=None)
seconds = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mib": rss, "json_mb": len(text.encode()) / 1e6}))
"""


def case_hourly(runs: int, tmp: Path) -> list[tuple[str, float, float | None, str]]:
    from ccer_calc.api import compute, load_project  # noqa: PLC0415
    from ccer_calc.verify import verify  # noqa: PLC0415

    path = hourly_project(tmp / "hourly")
    got = {"seconds": 1e9, "rss_mib": 0.0, "json_mb": 0.0}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _HOURLY, str(path)], check=True,
                             capture_output=True, text=True)
        one = json.loads(out.stdout)
        got = {"seconds": min(got["seconds"], one["seconds"]),
               "rss_mib": max(got["rss_mib"], one["rss_mib"]), "json_mb": one["json_mb"]}
    plain = _best(lambda: plain_rows(path), runs)
    project = load_project(path)
    result = compute(project)
    claim = json.loads(result.to_json(indent=None))
    verify_s = _best(lambda: verify(project, result, claim), runs)
    return [(f"87,600 rows, load + compute + JSON ({got['json_mb']:.1f} MB, peak "
             f"{got['rss_mib']:.0f} MiB)", got["seconds"], plain, "< 2 s, < 150 MiB"),
            ("verify on 87,600 rows (the comparison)", verify_s, None, "< 0.3 s")]


def case_batch(runs: int, tmp: Path) -> list[tuple[str, float, float | None, str]]:
    from ccer_calc.batch import compute_many  # noqa: PLC0415

    folder = tmp / "many"
    folder.mkdir()
    shutil.copy(EXAMPLE.parent / "example_monitoring.csv", folder)
    sources = []
    for k in range(1000):
        target = folder / f"p{k:04d}.toml"
        shutil.copy(EXAMPLE, target)
        sources.append(str(target))

    def plain() -> None:
        factor = 0.5 * OM + 0.5 * BM
        for _ in sources:
            with (folder / "example_monitoring.csv").open(encoding="utf-8") as fh:
                rows = list(csv.reader(fh))[1:]
            sum((float(r[2]) - float(r[3])) * factor for r in rows)

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    repeat = max(1, runs // 2)
    engine = _best(lambda: compute_many(sources, json_trail="full"), repeat)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / repeat
    # the workers' CPU time does not depend on what else the machine runs: divided by the
    # cores it is the wall time on an idle machine, pool start-up aside
    return [(f"1,000 small projects, compute_many on {os.cpu_count()} cores "
             f"({cpu:.1f} s CPU)", engine, _best(plain, runs), "< 1.5 s")]


def case_documents(runs: int, _tmp: Path) -> list[tuple[str, float, float | None, str]]:
    from ccer_calc.api import compute, get_methodology, load_project  # noqa: PLC0415
    from ccer_calc.documents import render_document  # noqa: PLC0415

    project = load_project(EXAMPLE)
    result = compute(project)
    m = get_methodology(project.methodology_id)
    render_document(project, result, m, document="monitoring", lang="zh", fmt="html")
    once = _best(lambda: render_document(project, result, m, document="monitoring", lang="zh",
                                         fmt="html"), max(runs, 5))
    return [("render one document (after the first)", once, None, "< 15 ms")]


def frames_columns(rows: int) -> tuple[str, dict[str, Any]]:
    """``rows`` daily rows with meter columns: as CSV text, and as the arrays of the same data.

    Every 50th row has its meter out of tolerance with its basic error; the rest are blank, as
    in the bundled example.
    """
    rng = np.random.default_rng(12)
    days = np.datetime64("1970-01-01") + np.arange(rows)
    exp, imp = np.round(rng.uniform(500, 2000, rows), 3), np.round(rng.uniform(0, 20, rows), 3)
    checked = np.arange(rows) % 50 == 0
    status = np.where(checked, "out_of_tolerance", "ok")
    error = np.where(checked, -0.4, np.nan)
    text = "\n".join(["start,end,export [MWh],import [MWh],export_meter,export_meter_error [%]"]
                     + [f"{d},{d},{e!r},{i!r},{s},{'' if np.isnan(r) else repr(r)}"
                        for d, e, i, s, r in zip(days, exp.tolist(), imp.tolist(), status,
                                                         error.tolist(), strict=True)])
    arrays = {"start": days, "end": days, "export [MWh]": exp, "import [MWh]": imp,
              "export_meter": status, "export_meter_error [%]": error}
    return text + "\n", arrays


def case_frames(runs: int, _tmp: Path) -> list[tuple[str, float, float | None, str]]:
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.io.csv_monitoring import csv_table  # noqa: PLC0415
    from ccer_calc.io.sources import ArrayColumns, FrameColumns  # noqa: PLC0415

    columns = get_methodology("CCER-01-002-V01").monitored_columns
    text, arrays = frames_columns(20_000)
    csv_s = _best(lambda: csv_table(text, columns, origin="m.csv"), runs)
    out = [("20,000 daily rows with meters: CSV text to table", csv_s, None, "-"),
           ("  the same as numpy arrays (ArrayColumns)",
            _best(lambda: ArrayColumns(arrays).table(columns), runs), csv_s, "<= CSV")]
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        return out
    frame = pd.DataFrame(arrays)
    out.append(("  the same as a pandas DataFrame (FrameColumns)",
                _best(lambda: FrameColumns(frame).table(columns), runs), csv_s, "<= CSV"))
    return out


CASES = {"startup": case_startup, "daily": case_daily, "hourly": case_hourly,
         "batch": case_batch, "documents": case_documents,
         "frames": case_frames}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case; the best is shown")
    parser.add_argument("--only", choices=sorted(CASES), action="append",
                        help="run only this case (repeatable)")
    args = parser.parse_args()
    print(f"{'path':<62} {'engine s':>9} {'plain s':>8} {'ratio':>6}  target")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            for label, engine, plain, target in CASES[name](args.runs, Path(tmp)):
                ratio = f"{engine / plain:6.1f}" if plain else "     -"
                shown = f"{plain:8.3f}" if plain else "       -"
                print(f"{label:<62} {engine:9.3f} {shown} {ratio}  {target}", flush=True)


if __name__ == "__main__":
    main()
