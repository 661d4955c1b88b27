"""Scaling benchmark: 10,000 projects × 120 monthly periods through the unit-checked path.

Runs the offshore-wind stages (metering correction, W2, W3, W1, W4, LE, W5: eight recorded
equations) on arrays of shape (projects, periods) and the same arithmetic in raw numpy, and
prints the ratio of the medians. Target (issue 2): within 2x.

Run: ``python benchmarks/bench_scaling.py [--projects N] [--periods M] [--repeat R]``.
With pytest-benchmark: ``pytest benchmarks --benchmark-enable``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from ccer_calc.parameters import Value
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity
from methodologies.ccer_01_002_v01.methodology import offshore_wind_stages

Arr = np.ndarray[Any, np.dtype[np.float64]]


def make_inputs(projects: int, periods: int, seed: int = 1) -> dict[str, Arr]:
    """Random but plausible monthly data for many projects."""
    rng = np.random.default_rng(seed)
    shape = (projects, periods)
    return {
        "export": rng.uniform(20_000, 120_000, shape),
        "import": rng.uniform(50, 400, shape),
        "e_exp": np.where(rng.random(shape) < 0.02, 0.005, 0.0),
        "e_imp": np.where(rng.random(shape) < 0.02, 0.005, 0.0),
        "om": np.broadcast_to(rng.uniform(0.78, 1.09, (projects, 1)), shape),
        "bm": np.broadcast_to(rng.uniform(0.21, 0.49, (projects, 1)), shape),
    }


def unit_checked(d: dict[str, Arr]) -> Arr:
    """The engine path: Values with provenance, @equation conversion, checks and trail."""
    trail = Trail()
    stages = offshore_wind_stages(
        trail,
        exported=Value("EG_export,y", Quantity(d["export"], "MWh"), "monitored"),
        imported=Value("EG_import,y", Quantity(d["import"], "MWh"), "monitored"),
        export_error=Value("e", Quantity(d["e_exp"], ""), "monitored"),
        import_error=Value("e", Quantity(d["e_imp"], ""), "monitored"),
        om_weight=Value("w_OM", Quantity(0.5, ""), "fixed"),
        operating_margin=Value("EF_OM", Quantity(d["om"], "t CO2/MWh"), "published"),
        bm_weight=Value("w_BM", Quantity(0.5, ""), "fixed"),
        build_margin=Value("EF_BM", Quantity(d["bm"], "t CO2/MWh"), "published"),
    )
    out: Arr = stages.emission_reductions.quantity.magnitude
    return out


def raw_numpy(d: dict[str, Arr]) -> Arr:
    """The same arithmetic with bare arrays (and the same finiteness checks)."""
    exp_adj = d["export"] * (1 - d["e_exp"])
    imp_adj = d["import"] * (1 + d["e_imp"])
    net = exp_adj - imp_adj
    cm = 0.5 * d["om"] + 0.5 * d["bm"]
    be = net * cm
    pe = net * 0.0
    le = net * 0.0
    er = be - pe
    for a in (exp_adj, imp_adj, net, cm, be, pe, le, er):
        if not np.all(np.isfinite(a)):
            raise ValueError
    return er


def median_seconds(fn: Callable[[dict[str, Arr]], Arr], d: dict[str, Arr], repeat: int) -> float:
    """Median wall time of ``repeat`` calls after one warm-up."""
    fn(d)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(d)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    """Run both paths and print timings and the ratio."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--periods", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    d = make_inputs(args.projects, args.periods)
    np.testing.assert_allclose(unit_checked(d), raw_numpy(d), rtol=1e-12)
    t_units = median_seconds(unit_checked, d, args.repeat)
    t_raw = median_seconds(raw_numpy, d, args.repeat)
    n = args.projects * args.periods
    print(f"{args.projects} projects x {args.periods} periods = {n:,} elements")
    print(f"unit-checked path: {t_units * 1e3:8.1f} ms (median of {args.repeat})")
    print(f"raw numpy:         {t_raw * 1e3:8.1f} ms")
    print(f"ratio:             {t_units / t_raw:8.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
