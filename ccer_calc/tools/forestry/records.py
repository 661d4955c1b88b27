"""Forest inventory records as aligned arrays: strata, sample plots and trees, validated.

The arrays are what the A/R tool equations consume: one row per stratum, plot or tree, with
0-based integer references from trees to plots, plots to strata and trees to species. Each
record set may carry the 1-based CSV line of each row and the file name, so that every error
names the row it concerns. :func:`validate_inventory` enforces the rules of issue 10 for bad
input; :func:`check_remeasurement` those of two successive measurements of the same plots.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError

__all__ = [
    "DEAD_CLASSES",
    "Inventory",
    "Plots",
    "Strata",
    "Trees",
    "check_remeasurement",
    "validate_inventory",
]

Arr = np.ndarray[Any, np.dtype[Any]]

#: Dead-tree classes of AR-TOOL12 v03.1 para. 14 (code in ``Trees.dead_class``): 0 = alive or
#: not classed, 1 = lost leaves and twigs only (factor 0.975), 2 = also lost branches below
#: 10 cm (factor 0.80). Other dead trees are measured as stumps (paras. 23-27).
DEAD_CLASSES = {"": 0, "leaves_twigs": 1, "small_branches": 2}


def _where(source: str, lines: Arr | None, i: int) -> str:
    return f"{source}: line {int(lines[i])}" if lines is not None else f"{source}[{i}]"


@dataclass(frozen=True)
class Strata:
    """Strata: ids and areas [ha]."""

    ids: tuple[str, ...]
    area: pint.Quantity
    lines: Arr | None = None
    source: str = "strata"

    def where(self, i: int) -> str:
        """Row label for messages."""
        return _where(self.source, self.lines, i)


@dataclass(frozen=True)
class Plots:
    """Sample plots: ids, 0-based stratum, area [ha] and measurement date."""

    ids: tuple[str, ...]
    stratum: Arr
    area: pint.Quantity
    date: Arr
    lines: Arr | None = None
    source: str = "plots"

    def where(self, i: int) -> str:
        """Row label for messages."""
        return _where(self.source, self.lines, i)


@dataclass(frozen=True)
class Trees:
    """Trees: 0-based plot and species, diameter, height (NaN if not measured), alive flag."""

    plot: Arr
    species: Arr
    diameter: pint.Quantity
    height: pint.Quantity
    alive: Arr
    dead_class: Arr
    lines: Arr | None = None
    source: str = "trees"

    def __len__(self) -> int:
        return len(self.plot)

    def where(self, i: int) -> str:
        """Row label for messages."""
        return _where(self.source, self.lines, i)

    def subset(self, mask: Arr) -> Trees:
        """The trees where ``mask`` is true (e.g. the living ones), keeping their lines."""
        return Trees(self.plot[mask], self.species[mask], self.diameter[mask],
                     self.height[mask], self.alive[mask], self.dead_class[mask],
                     None if self.lines is None else self.lines[mask], self.source)


@dataclass(frozen=True)
class Inventory:
    """One measurement of the sample plots of a set of strata, with species names."""

    strata: Strata
    plots: Plots
    trees: Trees
    species_names: tuple[str, ...]

    @property
    def date(self) -> dt.date:
        """Date of the estimate: the date of the last plot measurement (AR-TOOL14 para. 31)."""
        last: dt.date = self.plots.date.max().astype("datetime64[D]").astype(object)
        return last


def _fail(problem: str, where: str, value: object, expected: str) -> InputError:
    return InputError(problem, field=where, value=value, expected=expected)


def _positive(q: pint.Quantity, unit: str, what: str, where: Any,  # noqa: ANN401
              *, allow_nan: bool = False) -> None:
    mag = np.asarray(q.m_as(unit), dtype=np.float64)
    bad = ~(mag > 0) & ~(np.isnan(mag) & allow_nan)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _fail(f"{what} must be positive", where(i), float(mag[i]), f"{what} > 0 {unit}")


def _unique(ids: tuple[str, ...], what: str, where: Any) -> None:  # noqa: ANN401
    seen: set[str] = set()
    for i, x in enumerate(ids):
        if x in seen:
            raise _fail(f"duplicate {what} id", where(i), x, f"each {what} once")
        seen.add(x)


def _check_strata_and_plots(strata: Strata, plots: Plots, period_end: dt.date | None) -> None:
    _unique(strata.ids, "stratum", strata.where)
    _unique(plots.ids, "plot", plots.where)
    _positive(strata.area, "ha", "stratum area", strata.where)
    _positive(plots.area, "ha", "plot area", plots.where)
    m = len(strata.ids)
    n_i = np.bincount(plots.stratum, minlength=m)
    few = np.flatnonzero(n_i < 2)  # noqa: PLR2004 - a variance needs two plots
    if few.size:
        i = int(few[0])
        raise _fail("stratum has fewer than two sample plots", strata.where(i), int(n_i[i]),
                    "at least 2 plots per stratum (AR-TOOL14 eq. 17 needs a variance)")
    plot_sum = np.bincount(plots.stratum, weights=plots.area.m_as("ha"), minlength=m)
    over = np.flatnonzero(plot_sum > strata.area.m_as("ha") * (1 + 1e-12))
    if over.size:
        i = int(over[0])
        raise _fail("plot areas sum past the stratum area", strata.where(i),
                    f"{plot_sum[i]:g} ha of plots", f"at most {strata.area.m_as('ha')[i]:g} ha")
    if period_end is not None:
        late = np.flatnonzero(plots.date > np.datetime64(period_end, "D"))
        if late.size:
            i = int(late[0])
            raise _fail("measurement date after the end of the period", plots.where(i),
                        str(plots.date[i]), f"a date on or before {period_end.isoformat()}")


def _check_trees(trees: Trees, plot_count: int, species_count: int) -> None:
    for arr, size, what in ((trees.plot, plot_count, "plot"),
                            (trees.species, species_count, "species")):
        bad = np.flatnonzero((arr < 0) | (arr >= size))
        if bad.size:
            i = int(bad[0])
            raise _fail(f"tree refers to an unknown {what}", trees.where(i), int(arr[i]),
                        f"0 <= {what} index < {size}")
    _positive(trees.diameter, "cm", "diameter", trees.where)
    _positive(trees.height, "m", "height", trees.where, allow_nan=True)


def validate_inventory(
    inventory: Inventory, *, project_area: pint.Quantity | None = None,
    area_tolerance: float = 1e-6, period_end: dt.date | None = None,
) -> Inventory:
    """Refuse an inventory that breaks a rule; return it unchanged otherwise.

    Rules: unique ids; positive stratum, plot areas, diameters and measured heights; at least
    two plots per stratum; plot areas not summing past their stratum; trees referring to
    existing plots and species; no measurement after ``period_end``; the strata areas adding
    up to ``project_area`` within the relative ``area_tolerance``.

    Raises
    ------
    InputError
        Naming the row (file and 1-based line where known), the value and what was expected.
    """
    strata, plots = inventory.strata, inventory.plots
    _check_strata_and_plots(strata, plots, period_end)
    _check_trees(inventory.trees, len(plots.ids), len(inventory.species_names))
    if project_area is not None:
        total, target = float(strata.area.m_as("ha").sum()), float(project_area.m_as("ha"))
        if abs(total - target) > area_tolerance * target:
            raise _fail("strata areas do not add up to the project area", strata.source,
                        f"{total:g} ha", f"{target:g} ha (relative tolerance {area_tolerance:g})")
    return inventory


def check_remeasurement(first: Plots, second: Plots) -> Arr:
    """Match the plots of a second measurement to the first; dates must increase.

    Returns
    -------
    ndarray of int
        For each plot of ``second``, its position in ``first``.

    Raises
    ------
    InputError
        For a plot of ``second`` not measured in ``first``, one in another stratum, or
        measured on or before its first date.
    """
    pos = {p: i for i, p in enumerate(first.ids)}
    order = np.empty(len(second.ids), dtype=np.intp)
    for k, p in enumerate(second.ids):
        if p not in pos:
            raise _fail("plot was not measured on the first occasion", second.where(k), p,
                        "the same plots on both occasions (AR-TOOL14 para. 19)")
        order[k] = pos[p]
    moved = np.flatnonzero(first.stratum[order] != second.stratum)
    if moved.size:
        k = int(moved[0])
        raise _fail("plot changed stratum between the two measurements", second.where(k),
                    second.ids[k], "the same stratum on both occasions")
    early = np.flatnonzero(second.date <= first.date[order])
    if early.size:
        k = int(early[0])
        raise _fail("measurement dates out of order", second.where(k), str(second.date[k]),
                    f"a date after the first measurement {first.date[order[k]]}")
    return order
