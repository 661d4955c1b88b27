"""A/R benchmark: tree records through biomass, plot, stratum and uncertainty (AR-TOOL14).

Runs :func:`ccer_calc.tools.forestry.tool14_stock.tree_stock` (per-tree biomass by species
model, root-shoot ratio with the App. 1 para. 5 function, App. 1 eq. 1-5, eq. 12-17, the t
value, eq. 15 and the Appendix 2 discount, every equation recorded in a trail) on a synthetic
inventory of the illustrative species, and the same arithmetic in raw numpy as a cross-check
and a reference time. Target (issue 10): 100,000 trees in under 1 s on the 2-core CI machine.

Run: ``python benchmarks/bench_forestry.py [--trees N ...] [--repeat R]``.
With pytest-benchmark: ``pytest benchmarks/test_bench_forestry.py --benchmark-enable``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from ccer_calc.tools.forestry.allometry import packaged_models
from ccer_calc.tools.forestry.records import Inventory, Plots, Strata, Trees
from ccer_calc.tools.forestry.species import packaged_example_species
from ccer_calc.tools.forestry.student_t import two_sided_t_value
from ccer_calc.tools.forestry.tool14_discount import discount_fraction
from ccer_calc.tools.forestry.tool14_stock import tree_stock
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

Arr = np.ndarray[Any, np.dtype[Any]]
PLOT_AREA_HA = 0.06


def make_inventory(trees: int, plots: int = 2_000, strata: int = 8, seed: int = 1) -> Inventory:
    """A plausible inventory: diameters 5-35 cm, heights 4-25 m, four illustrative species."""
    rng = np.random.default_rng(seed)
    names = packaged_example_species().names
    s = Strata(tuple(f"S{i}" for i in range(strata)),
               Quantity(rng.uniform(80, 400, strata), "ha"))
    p = Plots(tuple(f"P{i}" for i in range(plots)), np.arange(plots) % strata,
              Quantity(np.full(plots, PLOT_AREA_HA), "ha"),
              np.full(plots, np.datetime64("2024-05-01")))
    t = Trees(rng.integers(0, plots, trees), rng.integers(0, len(names), trees),
              Quantity(rng.uniform(5, 35, trees), "cm"), Quantity(rng.uniform(4, 25, trees), "m"),
              rng.random(trees) > 0.02, np.zeros(trees, np.int8))
    return Inventory(s, p, t, names)


def engine(inv: Inventory) -> float:
    """The engine path, with units, checks and the trail; returns the conservative stock."""
    s = tree_stock(inv, packaged_example_species(), packaged_models(), trail=Trail())
    return float(s.conservative_stock.quantity.m_as("t CO2"))


def raw_numpy(inv: Inventory) -> float:
    """The same arithmetic on bare arrays (the four illustrative species' models)."""
    sp_table, models = packaged_example_species(), packaged_models()
    t = inv.trees.subset(inv.trees.alive)
    d, h, sp, plot = t.diameter.m_as("cm"), t.height.m_as("m"), t.species, t.plot
    n_p, m = len(inv.plots.ids), len(inv.strata.ids)
    agb, vol = np.zeros(len(sp)), np.zeros(len(sp))
    for j in range(len(sp_table)):
        k = sp == j
        wd = sp_table.wood_density[j]
        if sp_table.route[j] == "volume":
            vol[k] = 6e-5 * d[k] ** 1.9 * h[k] ** 0.95
            agb[k] = vol[k] * wd * sp_table.biomass_expansion_factor[j]
        else:
            mod = models[sp_table.biomass_model[j]]
            c = mod.coefficients
            agb[k] = (c["a"] * (wd * d[k] ** 2 * h[k]) ** c["b"] if mod.form == "power_wd_d2h"
                      else c["a"] * d[k] ** c["b"]) / 1000
    b_ag = np.bincount(plot, weights=agb, minlength=n_p) / PLOT_AREA_HA
    with np.errstate(divide="ignore", invalid="ignore"):
        r_fn = np.exp(-1.085 + 0.9256 * np.log(b_ag)) / b_ag
    r = np.where(sp_table.uses_root_shoot_function()[sp], r_fn[plot],
                 sp_table.root_shoot_ratio[sp])
    b_plot = np.bincount(plot, weights=agb * (1 + r), minlength=n_p) / PLOT_AREA_HA
    st = inv.plots.stratum
    n_i = np.bincount(st, minlength=m)
    mean_i = np.bincount(st, weights=b_plot, minlength=m) / n_i
    var_i = np.bincount(st, weights=(b_plot - mean_i[st]) ** 2, minlength=m) / (n_i - 1)
    area = inv.strata.area.m_as("ha")
    w = area / area.sum()
    b = (w * mean_i).sum()
    stock = 44 / 12 * 0.47 * area.sum() * b
    u = two_sided_t_value(0.9, n_p - m) * np.sqrt((w**2 * var_i / n_i).sum()) / b
    return float(stock - discount_fraction(u) * u * stock)


def median_seconds(fn: Callable[[Inventory], float], inv: Inventory, repeat: int) -> float:
    """Median wall time of ``repeat`` calls after one warm-up."""
    fn(inv)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(inv)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    """Time both paths for each inventory size and print the results."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trees", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    for n in args.trees:
        inv = make_inventory(n)
        e, r = engine(inv), raw_numpy(inv)
        if not np.isclose(e, r, rtol=1e-10):
            msg = f"engine {e} and raw numpy {r} disagree"
            raise SystemExit(msg)
        t_e = median_seconds(engine, inv, args.repeat)
        t_r = median_seconds(raw_numpy, inv, args.repeat)
        verdict = "" if n != 100_000 else ("  (target < 1 s: met)" if t_e < 1 else
                                           "  (target < 1 s: NOT met)")
        print(f"{n:>9,} trees, {len(inv.plots.ids):,} plots, {len(inv.strata.ids)} strata: "
              f"engine {t_e * 1e3:7.1f} ms, raw numpy {t_r * 1e3:7.1f} ms, "
              f"ratio {t_e / t_r:4.2f}x{verdict}")


if __name__ == "__main__":
    main()
