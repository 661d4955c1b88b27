"""Small helpers shared by the A/R tool modules: grouped sums over index arrays, citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.tools.fuel_combustion import CO2_PER_CARBON
from ccer_calc.units import Quantity

__all__ = [
    "CO2_PER_CARBON",
    "PLOT_SPECIES",
    "TOOL08",
    "TOOL12",
    "TOOL14",
    "TOOL15",
    "TOOL16",
    "RuleCheck",
    "area_weights",
    "by_plot_species",
    "count",
    "expand_to_strata",
    "group_count",
    "group_index",
    "group_sum",
    "per_year",
    "stratum_means",
    "stratum_variances",
    "sum_last",
]

Arr = np.ndarray[Any, np.dtype[Any]]

#: Document strings (the defining documents with their versions) used by ``@equation``.
TOOL14 = "AR-TOOL14 v04.2"
TOOL12 = "AR-TOOL12 v03.1"
TOOL16 = "AR-TOOL16 v01.1.0"
TOOL08 = "AR-TOOL08 v04.0.0"
TOOL15 = "AR-TOOL15 v02.0"


@dataclass(frozen=True)
class RuleCheck:
    """Whether a rule of a tool applies (a zero condition, a method's applicability), and why.

    Parameters
    ----------
    applies : bool
        True when the rule applies (e.g. the quantity may be accounted as zero).
    rule : str
        The document and paragraph of the rule, e.g. ``"AR-TOOL14 v04.2 para. 11"``.
    met : tuple of str
        The sub-conditions that hold (by their letters in the document).
    not_met : tuple of str
        The sub-conditions that do not hold.
    reason : str
        One sentence saying which condition was used.
    """

    applies: bool
    rule: str
    met: tuple[str, ...]
    not_met: tuple[str, ...]
    reason: str


def group_index(q: pint.Quantity, name: str, size: int) -> Arr:
    """Integer group labels of a dimensionless index quantity, checked against ``size``."""
    idx = np.asarray(q.magnitude)
    if idx.size and (not np.issubdtype(idx.dtype, np.integer)
                     and not np.all(np.equal(np.mod(idx, 1), 0))):
        raise InputError("index is not a whole number", field=name,
                         expected="0-based integer positions")
    idx = idx.astype(np.intp, copy=False)
    if idx.size and (idx.min() < 0 or idx.max() >= size):
        bad = int(idx[(idx < 0) | (idx >= size)][0])
        raise InputError("index outside the groups", field=name, value=bad,
                         expected=f"0 <= index < {size}")
    return idx


def count(q: pint.Quantity, name: str) -> int:
    """A dimensionless count quantity as a positive int."""
    n = float(np.asarray(q.magnitude))
    if n < 1 or n != int(n):
        raise InputError("count must be a positive whole number", field=name, value=n,
                         expected="an integer >= 1")
    return int(n)


def group_sum(values: pint.Quantity, idx: Arr, size: int) -> pint.Quantity:
    """Sum ``values`` by group label with one ``np.bincount`` (empty groups give 0)."""
    mag = np.asarray(values.magnitude, dtype=np.float64)
    return Quantity(np.bincount(idx, weights=np.broadcast_to(mag, idx.shape), minlength=size),
                    values.units)


def group_count(idx: Arr, size: int) -> Arr:
    """Number of members of each group."""
    return np.bincount(idx, minlength=size)


def stratum_means(values: pint.Quantity, idx: Arr, size: int) -> pint.Quantity:
    """Mean of the plot values of each stratum (sum over plots divided by their number)."""
    n = group_count(idx, size)
    if np.any(n == 0):
        raise InputError("a stratum has no plots", field="stratum",
                         value=int(np.flatnonzero(n == 0)[0]), expected="at least 2 plots")
    return group_sum(values, idx, size) / n


def stratum_variances(values: pint.Quantity, idx: Arr, size: int) -> pint.Quantity:
    """Sample variance of the plot values of each stratum, n_i >= 2.

    Algebraically identical to [n Σx² − (Σx)²] / [n (n − 1)], computed in the centred form
    Σ(x − x̄)² / (n − 1), which does not lose digits to cancellation.
    """
    n = group_count(idx, size)
    if np.any(n < 2):  # noqa: PLR2004 - a sample variance needs two values
        i = int(np.flatnonzero(n < 2)[0])  # noqa: PLR2004
        raise InputError("a stratum has fewer than two plots; its variance is undefined",
                         field="stratum", value=i, expected="at least 2 plots per stratum")
    mag = np.asarray(values.magnitude, dtype=np.float64)
    mean = np.bincount(idx, weights=mag, minlength=size) / n
    dev = mag - mean[idx]
    return Quantity(np.bincount(idx, weights=dev * dev, minlength=size) / (n - 1),
                    values.units ** 2)


def sum_last(q: pint.Quantity) -> pint.Quantity:
    """Sum over the last axis (strata, species); a scalar is returned as it is."""
    mag = np.asarray(q.magnitude, dtype=np.float64)
    return Quantity(mag.sum(axis=-1) if mag.ndim else mag, q.units)


def area_weights(area: pint.Quantity) -> pint.Quantity:
    """w_i = A_i / A with A = Σ_i A_i over the last axis (a scalar area has weight 1)."""
    mag = np.atleast_1d(np.asarray(area.magnitude, dtype=np.float64))
    total = mag.sum(axis=-1, keepdims=True)
    if np.any(total <= 0):
        raise InputError("stratum areas must add up to a positive area", field="stratum_area",
                         expected="A = Σ A_i > 0 ha")
    return Quantity(mag / total, "")


def per_year(change: pint.Quantity, elapsed_time: pint.Quantity) -> pint.Quantity:
    """A change between two estimates divided by the time between them (T > 0)."""
    if np.any(np.asarray(elapsed_time.magnitude) <= 0):
        raise InputError("elapsed time must be positive", field="elapsed_time",
                         expected="T = t2 - t1 > 0 yr")
    return change / elapsed_time


def expand_to_strata(per_plot: pint.Quantity, plot_stratum: pint.Quantity,
                     plot_area: pint.Quantity, stratum_area: pint.Quantity) -> pint.Quantity:
    """Σ_p X_p of each stratum times A_i / A_PLOT,i, A_PLOT,i being its total plot area."""
    m = len(np.atleast_1d(stratum_area.magnitude))
    idx = group_index(plot_stratum, "plot_stratum", m)
    total = group_sum(per_plot, idx, m)
    sampled = group_sum(plot_area, idx, m)
    if np.any(np.asarray(sampled.magnitude) <= 0):
        raise InputError("a stratum has no plot area", field="plot_area",
                         expected="sample plots in every stratum")
    return stratum_area / sampled * total


#: Declared inputs of the sums by (plot, species) of App. 1 eq. (3) and AR-TOOL12 eq. (1)-(6).
PLOT_SPECIES = {"plot_index": "dimensionless", "species_index": "dimensionless",
                "plot_count": "dimensionless", "species_count": "dimensionless"}


def by_plot_species(
    per_item: pint.Quantity, plot_index: pint.Quantity, species_index: pint.Quantity,
    plot_count: pint.Quantity, species_count: pint.Quantity,
) -> pint.Quantity:
    """Sum of per-tree (or per-piece) values by plot and species, shape (plots, species)."""
    n_p, n_j = count(plot_count, "plot_count"), count(species_count, "species_count")
    cell = (group_index(plot_index, "plot_index", n_p) * n_j
            + group_index(species_index, "species_index", n_j))
    mag = np.broadcast_to(np.asarray(per_item.magnitude, dtype=np.float64), cell.shape)
    sums = np.bincount(cell, weights=mag, minlength=n_p * n_j)
    return Quantity(sums.reshape(n_p, n_j), per_item.units)
