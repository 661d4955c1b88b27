"""Species parameters of the tree biomass routes of AR-TOOL14 v04.2 Appendix 1.

One row per species (or species group, AR-TOOL14 para. 6(b)): the route (allometric, eq. 4, or
volume, eq. 5), the model ids of :mod:`.allometry`, the wood density D_j [t d.m./m^3], the
biomass expansion factor BEF_2,j, the root-shoot ratio R_j (a fixed number, or the function of
App. 1 para. 5 of the above-ground biomass per hectare) and a carbon fraction, each row with its
source and status. Arrays are aligned with the species index used by tree records.

The bundled ``species_example.csv`` is illustrative only (invented numbers, status
``illustrative``): no citable table of Chinese species parameters was found.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools.forestry.allometry import AllometricModel
from ccer_calc.tools.forestry.defaults import data_table
from ccer_calc.tools.forestry.tables import CsvTable

__all__ = ["ROOT_SHOOT_FUNCTION", "ROUTES", "SpeciesTable", "load_species",
           "packaged_example_species"]

Arr = np.ndarray[Any, np.dtype[Any]]

ROUTES = ("allometric", "volume")
#: ``root_shoot_method`` value selecting R_j = exp(-1.085 + 0.9256 ln b) / b (App. 1 para. 5).
ROOT_SHOOT_FUNCTION = "ar_tool14_function"
_METHODS = ("fixed", ROOT_SHOOT_FUNCTION)


@dataclass(frozen=True)
class SpeciesTable:
    """Species parameters as aligned arrays (NaN where a route does not need a value).

    Parameters
    ----------
    names : tuple of str
        Species names; the position is the species index of tree records.
    route : tuple of str
        ``allometric`` or ``volume`` per species.
    biomass_model, volume_model : tuple of str
        Model ids ('' where the route does not use one).
    wood_density : ndarray
        D_j [t/m^3].
    biomass_expansion_factor : ndarray
        BEF_2,j [dimensionless].
    root_shoot_method : tuple of str
        ``fixed`` or ``ar_tool14_function``.
    root_shoot_ratio : ndarray
        R_j where the method is ``fixed``.
    carbon_fraction : ndarray
        Carbon fraction [t C/t] where given.
    source, status : tuple of str
        Citation and status of each row.
    """

    names: tuple[str, ...]
    route: tuple[str, ...]
    biomass_model: tuple[str, ...]
    volume_model: tuple[str, ...]
    wood_density: Arr
    biomass_expansion_factor: Arr
    root_shoot_method: tuple[str, ...]
    root_shoot_ratio: Arr
    carbon_fraction: Arr
    source: tuple[str, ...]
    status: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.names)

    def index(self, name: str) -> int:
        """Position of a species, naming the species that exist when it is missing."""
        try:
            return self.names.index(name)
        except ValueError:
            raise DataNotFound("species has no parameters", field="species", value=name,
                               expected="one of " + ", ".join(self.names)) from None

    def with_overrides(self, other: SpeciesTable) -> SpeciesTable:
        """A copy in which the rows of ``other`` replace or add species by name."""
        keep = [i for i, n in enumerate(self.names) if n not in other.names]
        fields: dict[str, Any] = {}
        for f in self.__dataclass_fields__:
            mine, theirs = getattr(self, f), getattr(other, f)
            if isinstance(mine, tuple):
                fields[f] = tuple(mine[i] for i in keep) + tuple(theirs)
            else:
                fields[f] = np.concatenate([mine[keep], theirs])
        return replace(self, **fields)

    def uses_root_shoot_function(self) -> Arr:
        """Boolean per species: R_j from the function of App. 1 para. 5."""
        return np.array([m == ROOT_SHOOT_FUNCTION for m in self.root_shoot_method], dtype=bool)

    def check_complete(self, used: Iterable[int], models: Mapping[str, AllometricModel]) -> None:
        """Refuse a used species whose route lacks a parameter or names an unknown model.

        Raises
        ------
        InputError
            Naming the species and the missing parameter.
        """
        for j in sorted(set(used)):
            name = f"species {self.names[j]}"
            needed: dict[str, float] = {}
            if self.route[j] == "allometric":
                self._model(j, self.biomass_model[j], "aboveground_biomass", models)
            else:
                self._model(j, self.volume_model[j], "stem_volume", models)
                needed = {"wood_density": self.wood_density[j],
                          "biomass_expansion_factor": self.biomass_expansion_factor[j]}
            if self.root_shoot_method[j] == "fixed":
                needed["root_shoot_ratio"] = self.root_shoot_ratio[j]
            for key, v in needed.items():
                if not (np.isfinite(v) and v >= 0 and (key == "root_shoot_ratio" or v > 0)):
                    raise InputError(f"{name} lacks a parameter of its route", field=key,
                                     value=None if np.isnan(v) else float(v),
                                     expected=f"a positive {key} for route {self.route[j]}")

    def _model(self, j: int, mid: str, kind: str, models: Mapping[str, AllometricModel]) -> None:
        if mid not in models:
            raise InputError(f"species {self.names[j]} names an unknown model", field=kind,
                             value=mid or None, expected="one of " + ", ".join(sorted(models)))
        if models[mid].kind != kind:
            raise InputError(f"species {self.names[j]}: model {mid} is not a {kind} model",
                             field=kind, value=models[mid].kind, expected=kind)


def load_species(table: CsvTable) -> SpeciesTable:
    """Species parameters from a table with the columns of ``species_example.csv``.

    Raises
    ------
    InputError
        Naming the line of a duplicate species, an unknown route or root-shoot method, or a
        bad number.
    """
    table.require("species", "route", "root_shoot_method", "source", "status")
    names = table.text("species")
    for i, n in enumerate(names):
        if n in names[:i]:
            raise InputError("duplicate species", field=table.where(i, "species"), value=n,
                             expected="each species once")
    for col, allowed in (("route", ROUTES), ("root_shoot_method", _METHODS)):
        for i, v in enumerate(table.text(col)):
            if v not in allowed:
                raise InputError(f"unknown {col}", field=table.where(i, col), value=v,
                                 expected="one of " + ", ".join(allowed))

    def num(col: str, unit: str) -> Arr:
        if col not in table.cells:
            return np.full(len(table), np.nan)
        return np.asarray(table.quantity(col, unit, allow_empty=True).magnitude)

    def txt(col: str) -> tuple[str, ...]:
        return tuple(table.cells.get(col, [""] * len(table)))

    return SpeciesTable(
        tuple(names), tuple(table.cells["route"]), txt("biomass_model"), txt("volume_model"),
        num("wood_density", "t/m^3"), num("biomass_expansion_factor", "dimensionless"),
        tuple(table.cells["root_shoot_method"]), num("root_shoot_ratio", "dimensionless"),
        num("carbon_fraction", "t C/t"), tuple(table.cells["source"]),
        tuple(table.cells["status"]))


@functools.cache
def packaged_example_species() -> SpeciesTable:
    """The bundled illustrative species (status ``illustrative``; never for a real project)."""
    return load_species(data_table("species_example.csv"))
