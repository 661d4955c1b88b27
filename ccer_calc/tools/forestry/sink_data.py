"""The parsed data of an afforestation or mangrove project: stock estimates at successive dates.

What :func:`ccer_calc.io.sinks.load_sink_data` returns inside a plug-in's ``ProjectData`` and
what the shared sink stages (:mod:`.sink`) read: the strata, one :class:`StockEstimate` per
date (an inventory of the sample plots, or a zero tree stock at the start under AR-TOOL14
para. 11), the shrub strata measured with it, and the species parameters and models applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pint

from ccer_calc.tools.forestry._common import RuleCheck
from ccer_calc.tools.forestry.allometry import AllometricModel
from ccer_calc.tools.forestry.records import Inventory, Strata
from ccer_calc.tools.forestry.sink_events import SinkEvents
from ccer_calc.tools.forestry.species import SpeciesTable

__all__ = ["ShrubStrata", "SinkData", "StockEstimate"]

Arr = np.ndarray[Any, np.dtype[Any]]


@dataclass(frozen=True)
class ShrubStrata:
    """Shrub strata at one estimate: ids, areas [ha] and crown cover (fractions)."""

    ids: tuple[str, ...]
    area: pint.Quantity
    cover: pint.Quantity
    source: str
    lines: Arr | None = None


@dataclass(frozen=True)
class StockEstimate:
    """One estimate of the stocks: its date, the plots measured and the shrub cover.

    ``inventory`` is None for a zero tree stock at the start (AR-TOOL14 para. 11);
    ``shrubs`` is None where no shrub strata were measured.
    """

    date: dt.date
    inventory: Inventory | None
    shrubs: ShrubStrata | None

    @property
    def label(self) -> str:
        """The instance label of the estimate's evaluations in the trail: its ISO date."""
        return self.date.isoformat()


@dataclass(frozen=True)
class SinkData:
    """Everything a sink plug-in computes from, as read and validated.

    Parameters
    ----------
    strata : Strata
        The strata of the tree inventories.
    estimates : tuple of StockEstimate
        In date order; the first is the start of the project (t0).
    species : SpeciesTable
        Species parameters applied.
    models : dict
        Allometric and volume models by id.
    zero_start : RuleCheck, optional
        AR-TOOL14 para. 11 when the initial tree stock is zero.
    sources : tuple of str
        The files read, as the project names them.
    tables : tuple of str
        Bundled data tables read instead of a project's file (``forestry/allometric_models.csv``
        when the project names no models), recorded in the result's fingerprint.
    events : SinkEvents
        The fires and displacements the project lists in ``[inputs]``, checked.
    """

    strata: Strata
    estimates: tuple[StockEstimate, ...]
    species: SpeciesTable
    models: dict[str, AllometricModel]
    zero_start: RuleCheck | None
    sources: tuple[str, ...]
    tables: tuple[str, ...] = ()
    events: SinkEvents = field(default_factory=SinkEvents)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Dates of the estimates, t0 first."""
        return tuple(e.date for e in self.estimates)

    @property
    def has_shrubs(self) -> bool:
        """Whether shrub strata were measured (at every estimate)."""
        return all(e.shrubs is not None for e in self.estimates)
