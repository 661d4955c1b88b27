"""Forest inventory files: strata, sample plots and trees as CSV with unit headers.

Three files, one row each per stratum, plot and tree (header cells ``name [unit]`` as in the
monitoring CSV; any unit of the right dimension is converted, column by column):

* strata: ``stratum``, ``area [ha]``;
* plots: ``plot``, ``stratum``, ``area [ha]`` (or ``[m^2]``), ``date`` (ISO date of the
  measurement);
* trees: ``plot``, ``species``, ``diameter [cm]``, optionally ``height [m]`` (empty where not
  measured), ``status`` (``alive`` or ``dead``), optionally ``dead_class`` (``leaves_twigs``
  or ``small_branches``, AR-TOOL12 para. 14).

Species parameters and allometric models use the columns of the bundled
``species_example.csv`` and ``allometric_models.csv``. Every refusal names the file and the
1-based CSV line: a plot in no stratum, a stratum with fewer than two plots, a negative or zero
area, diameter or height, plot areas summing past their stratum, strata not adding up to the
project area, a tree in an unknown plot, a species without parameters, a diameter outside its
model's range, a measurement after the period or re-measured plots out of date order.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.io.files import ProjectFiles, read_user_text
from ccer_calc.tools.forestry.allometry import AllometricModel, load_models
from ccer_calc.tools.forestry.records import (
    DEAD_CLASSES,
    Inventory,
    Plots,
    Strata,
    Trees,
    check_remeasurement,
    validate_inventory,
)
from ccer_calc.tools.forestry.sink_data import ShrubStrata
from ccer_calc.tools.forestry.species import SpeciesTable, load_species
from ccer_calc.tools.forestry.tables import CsvTable, parse_csv_table
from ccer_calc.units import Quantity

__all__ = ["read_inventory", "read_models", "read_plots", "read_remeasured_plots",
           "read_shrubs", "read_species", "read_strata", "read_trees"]

Arr = np.ndarray[Any, np.dtype[Any]]
_STATUS = ("alive", "dead")
_SHOWN = 10  # ids listed in an error message


def _read_text(path: str | Path, files: ProjectFiles | None, field: str | None,
               encoding: str | None) -> str:
    """The one place where this module reads a file: through the engine's file policy.

    With ``files`` (what :meth:`~ccer_calc.methodology.Methodology.load_data` is handed) the
    path is taken as the project wrote it, relative to the project file and inside its folder
    unless the caller allows others; without, it is a path the caller trusts. Either way the
    size limit and the encoding rules of :mod:`ccer_calc.io.files` apply.
    """
    where = field or str(path)
    if files is not None:
        return files.read_text(str(path), field=where, encoding=encoding)
    return read_user_text(path, encoding=encoding, field=where)


def _table(path: str | Path, files: ProjectFiles | None = None, field: str | None = None,
           encoding: str | None = None) -> CsvTable:
    source = str(path) if files is not None else Path(path).name
    return parse_csv_table(_read_text(path, files, field, encoding), source)


def _index(table: CsvTable, column: str, ids: tuple[str, ...], problem: str) -> Arr:
    """Positions of a column's ids in ``ids``; the first unknown one is named by its line."""
    cells = table.text(column)
    pos = {x: i for i, x in enumerate(ids)}
    out = np.fromiter(map(pos.get, cells, itertools.repeat(-1)), dtype=np.intp,
                      count=len(cells))
    missing = np.flatnonzero(out < 0)
    if missing.size:
        i = int(missing[0])
        shown = ", ".join(ids[:_SHOWN]) + (" ..." if len(ids) > _SHOWN else "")
        raise InputError(problem, field=table.where(i, column), value=str(cells[i]),
                         expected=f"one of {shown}")
    return out


def _unique_ids(table: CsvTable, column: str) -> tuple[str, ...]:
    ids = table.text(column)
    seen: set[str] = set()
    for i, x in enumerate(ids):
        if x in seen:
            raise InputError(f"duplicate {column} id", field=table.where(i, column), value=x,
                             expected=f"each {column} once")
        seen.add(x)
    return tuple(ids)


def read_strata(path: str | Path, *, files: ProjectFiles | None = None,
                field: str | None = None, encoding: str | None = None) -> Strata:
    """Strata from ``stratum, area [ha]``."""
    t = _table(path, files, field, encoding)
    return Strata(_unique_ids(t, "stratum"), t.quantity("area", "ha"), t.lines, t.source)


def read_plots(path: str | Path, strata: Strata, *, files: ProjectFiles | None = None,
               field: str | None = None, encoding: str | None = None) -> Plots:
    """Plots from ``plot, stratum, area [ha], date``; a plot in no stratum is refused."""
    t = _table(path, files, field, encoding)
    stratum = _index(t, "stratum", strata.ids, "plot in no stratum")
    return Plots(_unique_ids(t, "plot"), stratum, t.quantity("area", "ha"), t.dates("date"),
                 t.lines, t.source)


def read_trees(path: str | Path, plots: Plots, *, files: ProjectFiles | None = None,
               field: str | None = None, encoding: str | None = None
               ) -> tuple[Trees, tuple[str, ...]]:
    """Trees and the names of their species (sorted), from the tree CSV."""
    t = _table(path, files, field, encoding)
    plot = _index(t, "plot", plots.ids, "tree in an unknown plot")
    names = tuple(sorted(set(t.text("species"))))
    species = _index(t, "species", names, "unknown species")
    diameter = t.quantity("diameter", "cm")
    height = (t.quantity("height", "m", allow_empty=True) if "height" in t.cells
              else Quantity(np.full(len(t), np.nan), "m"))
    status = t.text("status")
    alive = np.array([s == "alive" for s in status], dtype=bool)
    for i, s in enumerate(status):
        if s not in _STATUS:
            raise InputError("unknown tree status", field=t.where(i, "status"), value=s,
                             expected="alive or dead")
    dead_class = np.zeros(len(t), dtype=np.int8)
    if "dead_class" in t.cells:
        for i, c in enumerate(t.cells["dead_class"]):
            if c not in DEAD_CLASSES or (c and alive[i]):
                raise InputError("unknown dead-tree class", field=t.where(i, "dead_class"),
                                 value=c, expected="leaves_twigs or small_branches, for dead "
                                                   "trees only (AR-TOOL12 para. 14)")
            dead_class[i] = DEAD_CLASSES[c]
    return Trees(plot, species, diameter, height, alive, dead_class, t.lines, t.source), names


def _check_species(inventory: Inventory, species: SpeciesTable,
                   models: dict[str, AllometricModel] | None) -> None:
    trees = inventory.trees
    for k, name in enumerate(inventory.species_names):
        rows = np.flatnonzero(trees.species == k)
        if name not in species.names:
            raise InputError("species has no parameters and no override",
                             field=trees.where(int(rows[0])), value=name,
                             expected="a row for it in the species parameters")
        if models is None:
            continue
        j = species.index(name)
        living = rows[trees.alive[rows]]
        if living.size == 0:
            continue
        species.check_complete([j], models)
        mid = species.volume_model[j] if species.route[j] == "volume" else \
            species.biomass_model[j]
        model = models[mid]
        x = np.asarray(trees.diameter[living].m_as(model.x_unit))
        bad = np.flatnonzero((x < model.x_min) | (x > model.x_max))
        if bad.size:
            i = int(living[bad[0]])
            raise InputError("diameter outside the valid range of the species' model",
                             field=trees.where(i), value=f"{x[bad[0]]:g} {model.x_unit}",
                             expected=f"{model.x_min:g} to {model.x_max:g} {model.x_unit} "
                                      f"(model {model.id}, species {name})")


def read_inventory(
    strata: str | Path | Strata, plots: str | Path, trees: str | Path, *,
    species: SpeciesTable | None = None, models: dict[str, AllometricModel] | None = None,
    project_area: pint.Quantity | None = None, area_tolerance: float = 1e-6,
    period_end: dt.date | None = None, files: ProjectFiles | None = None,
    fields: tuple[str, str, str] | None = None, encoding: str | None = None,
) -> Inventory:
    """Read and validate one measurement of the sample plots.

    ``strata`` may be a file or strata already read (several measurements share them). With
    ``species`` every tree species must have parameters; with ``models`` too, each living
    tree's diameter must lie in its species' model range. ``project_area`` checks the strata
    total; ``period_end`` refuses measurements after it. ``files`` reads the paths as a
    project names them (the engine's file policy), ``fields`` names the three project fields
    for messages about a file as a whole.

    Raises
    ------
    InputError, UnitError
        Naming the file, line and column of anything unreadable or breaking a rule.
    """
    f_strata, f_plots, f_trees = fields if fields is not None else (None, None, None)
    s = strata if isinstance(strata, Strata) else read_strata(
        strata, files=files, field=f_strata, encoding=encoding)
    p = read_plots(plots, s, files=files, field=f_plots, encoding=encoding)
    t, names = read_trees(trees, p, files=files, field=f_trees, encoding=encoding)
    inventory = validate_inventory(Inventory(s, p, t, names), project_area=project_area,
                                   area_tolerance=area_tolerance, period_end=period_end)
    if species is not None:
        _check_species(inventory, species, models)
    return inventory


def read_remeasured_plots(first: str | Path, second: str | Path, strata: Strata, *,
                          files: ProjectFiles | None = None) -> tuple[Plots, Plots, Arr]:
    """Plots of two occasions; each plot of the second must follow its first measurement.

    Returns the two plot sets and, for each plot of the second, its position in the first.
    """
    p1, p2 = read_plots(first, strata, files=files), read_plots(second, strata, files=files)
    return p1, p2, check_remeasurement(p1, p2)


def read_shrubs(path: str | Path, project_area: pint.Quantity, *,
                files: ProjectFiles | None = None, field: str | None = None,
                encoding: str | None = None, area_tolerance: float = 1e-6) -> ShrubStrata:
    """Shrub strata from ``stratum, area [ha], crown_cover [%]`` (AR-TOOL14 paras. 60-61).

    The shrub strata divide the whole project area by shrub crown cover; areas below 5 % cover
    form one stratum of zero shrub biomass.

    Raises
    ------
    InputError, UnitError
        Naming the file and line of a duplicate stratum, a non-positive area, a crown cover
        outside 0-100 %, or strata not adding up to the project area.
    """
    t = _table(path, files, field, encoding)
    ids = _unique_ids(t, "stratum")
    area = t.quantity("area", "ha")
    cover = t.quantity("crown_cover", "")
    a, c = np.asarray(area.m_as("ha")), np.asarray(cover.m_as(""))
    bad = np.flatnonzero(~(a > 0))
    if bad.size:
        i = int(bad[0])
        raise InputError("shrub stratum area must be positive", field=t.where(i, "area"),
                         value=float(a[i]), expected="area > 0 ha")
    bad = np.flatnonzero((c < 0) | (c > 1))
    if bad.size:
        i = int(bad[0])
        raise InputError("shrub crown cover outside 0-100 %", field=t.where(i, "crown_cover"),
                         value=f"{c[i] * 100:g} %", expected="0 % to 100 %")
    total, target = float(a.sum()), float(project_area.m_as("ha"))
    if abs(total - target) > area_tolerance * target:
        raise InputError("shrub strata do not add up to the project area", field=t.source,
                         value=f"{total:g} ha", expected=f"{target:g} ha (the shrub strata "
                         "divide the whole project area, AR-TOOL14 para. 60)")
    return ShrubStrata(ids, area, cover, t.source, t.lines)


def read_species(path: str | Path, *, files: ProjectFiles | None = None,
                 field: str | None = None, encoding: str | None = None) -> SpeciesTable:
    """Species parameters from a CSV with the columns of ``species_example.csv``."""
    return load_species(_table(path, files, field, encoding))


def read_models(path: str | Path, *, files: ProjectFiles | None = None,
                field: str | None = None, encoding: str | None = None
                ) -> dict[str, AllometricModel]:
    """Allometric and volume models from a CSV with the columns of ``allometric_models.csv``."""
    return load_models(_table(path, files, field, encoding))
