"""Ex-ante removals of a planting plan, for the project design document.

A sink plug-in's ``ex_ante_removals`` estimates the removals of each calendar year from a
planting schedule and growth curves (AR-TOOL14 v04.2 section 8.2): each planting cohort grows
along a Chapman-Richards curve of tree biomass per hectare (:mod:`.growth`), the stock of each
year is AR-TOOL14 eq. (12) applied to the projected biomass, and the change in a year is eq.
(11) with T = 1 year. The plug-in then applies its own equations to the yearly changes.

AR-TOOL14 para. 48: "ex-ante estimation (projection) of carbon stock in tree biomass is not
subjected to uncertainty control" -- no t value, uncertainty or Appendix 2 discount applies, and
every :class:`ExAnteRemovals` says so. Ex-ante project shrub changes may be taken as zero
(para. 13).

Growth curves are of tree biomass per hectare above and below ground (an above-ground curve
with a constant root-shoot ratio R is the same curve with its asymptote times 1 + R).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.growth import NOT_UNCERTAINTY_CONTROLLED, project_chapman_richards
from ccer_calc.tools.forestry.tool14_change import annual_tree_carbon_change
from ccer_calc.tools.forestry.tool14_sampling import tree_carbon_stock
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

__all__ = ["ExAntePlan", "ExAnteRemovals", "PlantingCohort", "ex_ante_tree_change",
           "yearly_zero"]


@dataclass(frozen=True)
class PlantingCohort:
    """Trees planted in one year on one area, with the growth curve they follow.

    Parameters
    ----------
    year : int
        Calendar year of planting (age 0 in that year).
    area : Quantity
        Area planted, survival included [ha].
    stratum : str
        The stratum of the planting plan the cohort belongs to.
    asymptote : Quantity
        Chapman-Richards A: tree biomass per hectare, above and below ground [t/ha].
    rate : Quantity
        Chapman-Richards k [1/yr].
    shape : float
        Chapman-Richards c.
    """

    year: int
    area: pint.Quantity
    stratum: str
    asymptote: pint.Quantity
    rate: pint.Quantity
    shape: float


@dataclass(frozen=True)
class ExAntePlan:
    """A planting plan and the years to estimate.

    Parameters
    ----------
    cohorts : tuple of PlantingCohort
        The plantings.
    years : tuple of int
        Consecutive calendar years, ascending (the crediting period's years).
    baseline_removals : Quantity
        Baseline net removals per year, where they are not zero [t CO2e/yr].
    """

    cohorts: tuple[PlantingCohort, ...]
    years: tuple[int, ...]
    baseline_removals: pint.Quantity = field(default_factory=lambda: Quantity(0.0,
                                                                              "t CO2e/yr"))

    def __post_init__(self) -> None:
        if not self.cohorts:
            raise InputError("an ex-ante estimate needs at least one planting", field="cohorts",
                             expected="one PlantingCohort per year and area planted")
        y = np.asarray(self.years)
        if y.size == 0 or np.any(np.diff(y) != 1):
            raise InputError("ex-ante years must be consecutive and ascending", field="years",
                             value=list(self.years), expected="e.g. 2025, 2026, 2027")


@dataclass(frozen=True)
class ExAnteRemovals:
    """Removals per calendar year of a plan [t CO2e], by the methodology's own equations.

    ``baseline``, ``actual``, ``leakage`` and ``net`` are the methodology's ΔC_BSL, ΔC_ACTUAL,
    LK and net removals of each year; ``uncertainty_control`` quotes AR-TOOL14 para. 48.
    """

    years: tuple[int, ...]
    tree_change: Value
    baseline: Value
    actual: Value
    leakage: Value
    net: Value
    uncertainty_control: str = NOT_UNCERTAINTY_CONTROLLED

    def by_year(self) -> list[dict[str, Any]]:
        """One row per year: year, baseline, actual, leakage, net [t CO2e]."""
        cols = {k: np.asarray(getattr(self, k).quantity.m_as("t CO2e"))
                for k in ("baseline", "actual", "leakage", "net")}
        return [{"year": y, **{k: float(v[i]) for k, v in cols.items()}}
                for i, y in enumerate(self.years)]

    @property
    def total(self) -> float:
        """Net removals over all the years [t CO2e]."""
        return float(np.sum(self.net.quantity.m_as("t CO2e")))


def yearly_zero(plan: ExAntePlan, symbol: str, ref: str) -> Value:
    """Zero in every year of the plan, with the rule that makes it zero."""
    return Value(symbol, Quantity(np.zeros(len(plan.years)), "t CO2e"), "fixed", ref)


def ex_ante_tree_change(plan: ExAntePlan, carbon_fraction: Value | pint.Quantity, *,
                        trail: Trail | None = None) -> Value:
    """The change in tree carbon of each year of the plan [t CO2e], not uncertainty-controlled.

    Stocks are projected for the year before the first and every year of the plan (Chapman-
    Richards per cohort, summed per stratum; instance ``ex-ante``), converted by eq. (12) and
    differenced by eq. (11) with T = 1 year.
    """
    strata = sorted({c.stratum for c in plan.cohorts})
    years = (plan.years[0] - 1, *plan.years)
    kw: dict[str, Any] = {"trail": trail, "instance": "ex-ante"}
    projection = project_chapman_richards(
        years, Quantity([c.year for c in plan.cohorts], ""),
        Quantity([float(c.area.m_as("ha")) for c in plan.cohorts], "ha"),
        Quantity([strata.index(c.stratum) for c in plan.cohorts], ""), len(strata),
        asymptote=Quantity([float(c.asymptote.m_as("t/ha")) for c in plan.cohorts], "t/ha"),
        rate=Quantity([float(c.rate.m_as("1/yr")) for c in plan.cohorts], "1/yr"),
        shape=Quantity([c.shape for c in plan.cohorts], ""), **kw)
    biomass = Value("B_TREE,t", Quantity(np.asarray(projection.stock.quantity.m_as("t"))
                                         .sum(axis=-1), "t"), "computed",
                    "AR-TOOL14 para. 46 (planting cohorts) summed over the strata")
    stock = tree_carbon_stock(carbon_fraction=carbon_fraction, tree_biomass=biomass, **kw)
    c = np.asarray(stock.quantity.m_as("t CO2"))
    return annual_tree_carbon_change(
        stock_t2=Value("C_TREE,t", Quantity(c[1:], "t CO2"), "computed",
                       "AR-TOOL14 (12) at the end of each year"),
        stock_t1=Value("C_TREE,t-1", Quantity(c[:-1], "t CO2"), "computed",
                       "AR-TOOL14 (12) at the end of the year before"),
        elapsed_time=Quantity(1.0, "yr"), **kw)
