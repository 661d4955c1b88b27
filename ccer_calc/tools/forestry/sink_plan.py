"""The ex-ante plan of a sink project: its planting schedule and growth models.

A forest or mangrove project's PDD estimates its removals from what it plans to plant and how
the trees are expected to grow (AR-TOOL14 v04.2 section 8.2, paras. 45-48). The project file
gives both under ``[expected]``, beside its ``[inputs]``:

``[[expected.planting]]``
    The planting schedule, one row per cohort: ``year`` planted, ``stratum`` (of the strata
    file), ``species`` (of the species file) and ``area`` planted, survival included
    (para. 46). Each stratum's cohorts may not exceed its area.
``[[expected.growth]]``
    Growth models by species, and optionally by stratum (a row naming a stratum applies there;
    a row without one applies in the other strata): a Chapman-Richards curve of tree biomass
    per hectare, above and below ground, against stand age, with ``asymptote`` A [t/ha],
    ``rate`` k [1/yr], ``shape`` c and the ``source`` of the curve (para. 47: local growth data
    from past experience; para. 48: the best available data and models).

``[[expected.site_preparation_burns]]``, ``[[expected.residue_burns]]``,
``[[expected.displacements]]``
    For the A/R CDM plug-ins, the burning and the displacement of agriculture the design plans,
    with the rows of ``[inputs]`` (:mod:`.sink_events_in`), dated inside the crediting period:
    the estimate applies AR-TOOL08 and AR-TOOL15 to them.

A scenario (``[scenarios.<name>.expected]``) may give any table, which then replaces the
project's whole: a slower growth curve, a later planting.

:func:`expected_quantities` lists what the sensitivity of the estimate varies (± 10 %): the
areas of the cohorts, the asymptote of each growth curve, and the areas of planned burns and
displacements.

:func:`build_plan` checks the cross-references and returns the :class:`SinkPlan` the plug-ins'
``compute`` reads when ``ctx.ex_ante`` (:mod:`.sink_exante`); every refusal names the field as
the project file writes it (``expected.planting[2].stratum``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.errors import InputError
from ccer_calc.plugin_extras import ExpectedQuantity
from ccer_calc.tools.forestry.growth import NOT_UNCERTAINTY_CONTROLLED
from ccer_calc.tools.forestry.sink_events import SinkEvents
from ccer_calc.tools.forestry.sink_plan_in import (  # the models, light for the schema
    ASYMPTOTE,
    RATE,
    SHAPE_MAX,
    GrowthIn,
    PlantingIn,
    SinkExpectedIn,
)

if TYPE_CHECKING:
    from ccer_calc.project import ProjectData

__all__ = ["ASYMPTOTE", "RATE", "SHAPE_MAX", "GrowthIn", "PlantingIn",
           "SinkExpectedIn", "SinkPlan", "build_plan", "expected_quantities"]

Arr = np.ndarray[Any, np.dtype[Any]]

@dataclass(frozen=True)
class SinkPlan:
    """A checked planting schedule, one entry per cohort, with each cohort's growth curve.

    Parameters
    ----------
    planting, growth : tuple
        The rows as given (for the documents).
    planting_year : ndarray
        t_PLANT of each cohort.
    area : ndarray
        Area of each cohort [ha].
    asymptote, rate, shape : ndarray
        A [t/ha], k [1/yr] and c of each cohort's curve.
    curve : ndarray
        Index of each cohort's row in ``growth``.
    uncertainty_control : str
        AR-TOOL14 v04.2 para. 48.
    events : SinkEvents
        The burning and displacement the design plans, checked (``where`` = ``expected``).
    """

    planting: tuple[PlantingIn, ...]
    growth: tuple[GrowthIn, ...]
    planting_year: Arr
    area: Arr
    asymptote: Arr
    rate: Arr
    shape: Arr
    curve: Arr
    uncertainty_control: str = NOT_UNCERTAINTY_CONTROLLED
    events: SinkEvents = field(default_factory=lambda: SinkEvents(where="expected"))

    def planted_by_year(self) -> tuple[Arr, Arr]:
        """(years planted, area planted in each) in ascending order: A_PLANT,t."""
        years, where = np.unique(self.planting_year, return_inverse=True)
        return years, np.bincount(where, weights=self.area, minlength=years.size)


def expected_quantities(plan: SinkPlan, into: Callable[[SinkPlan], ProjectData]
                        ) -> tuple[ExpectedQuantity, ...]:
    """The quantities of a plan that the sensitivity varies, each with its scaling.

    The areas of every cohort together (A_c; the areas planted per year A_PLANT,t follow), the
    asymptote A of each growth curve (``G1``... in the order of ``[[expected.growth]]``), and,
    where the plan has them, the areas of the planned burns (with their harvests) and of the
    expected displacements. ``scaled(factor)`` of each is ``into`` of the plan scaled (the
    estimate's data with that plan).

    Examples
    --------
    >>> p = build_plan(SinkExpectedIn.model_validate({
    ...     "planting": [{"year": 2025, "stratum": "S1", "species": "pine", "area": "80 ha"}],
    ...     "growth": [{"species": "pine", "asymptote": "200 t/ha", "rate": "0.1 1/yr",
    ...                 "shape": 2.0, "source": "yield table of the region"}]}),
    ...     strata={"S1": 80.0}, species=["pine"], years=(2025, 2054),
    ...     sources=("strata.csv", "species.csv"))
    >>> as_is = lambda plan: plan  # the scaled plan itself, for the example
    >>> [(q.name, round(float(q.scaled(1.1).asymptote[0] * q.scaled(1.1).area[0]), 6))
    ...  for q in expected_quantities(p, as_is)]
    [('cohort_areas', 17600.0), ('asymptote_G1', 17600.0)]
    """
    def quantity(name: str, symbol: str, unit: str, en: str, zh: str, *,
                 scale: Callable[[float], SinkPlan]) -> ExpectedQuantity:
        return ExpectedQuantity(name, symbol, unit, en, zh, lambda f: into(scale(f)))

    out = [quantity("cohort_areas", "A_c", "ha", "areas of the planting cohorts", "造林批次面积",
                    scale=lambda f: replace(plan, area=plan.area * f))]
    for j, g in enumerate(plan.growth):
        where = g.stratum or "every stratum"
        where_zh = g.stratum or "各碳层"

        def curve(f: float, j: int = j) -> SinkPlan:
            return replace(plan, asymptote=np.where(plan.curve == j, plan.asymptote * f,
                                                    plan.asymptote))
        out.append(quantity(f"asymptote_G{j + 1}", f"A (G{j + 1})", "t/ha",
                            f"asymptote of growth model G{j + 1} ({g.species}, {where})",
                            f"生长模型G{j + 1}的渐近值（{g.species}，{where_zh}）", scale=curve))
    ev = plan.events
    burns = ("site_preparation_burns", "residue_burns")
    if any(ev.rows(t) for t in burns):
        out.append(quantity("planned_burn_areas", "A_SPF,i,t, A_FMF,t", "ha",
                            "areas of the planned burns (and their harvests)",
                            "计划火烧面积（及其采伐量）",
                            scale=lambda f: replace(plan, events=ev.scaled(burns, f))))
    if ev.displacements:
        out.append(quantity("displaced_areas", "A_DISP,t", "ha",
                            "areas of the expected displacements", "预计农业活动转移面积",
                            scale=lambda f: replace(plan, events=ev.scaled(("displacements",),
                                                                           f))))
    return tuple(out)


def _where(k: int, name: str) -> str:
    return f"expected.planting[{k}].{name}"


def _check_cohort(k: int, row: PlantingIn, years: tuple[int, int], *,
                  strata: Mapping[str, float], species: Sequence[str],
                  sources: tuple[str, str]) -> None:
    first, last = years
    if not first <= row.year <= last:
        raise InputError("a cohort planted outside the crediting period",
                         field=_where(k, "year"), value=row.year,
                         expected=f"a year from {first} to {last} (the crediting period)")
    if row.stratum not in strata:
        raise InputError("unknown stratum", field=_where(k, "stratum"), value=row.stratum,
                         expected=f"one of the strata of {sources[0]}: " + ", ".join(strata))
    if row.species not in species:
        raise InputError("unknown species", field=_where(k, "species"), value=row.species,
                         expected=f"one of the species of {sources[1]}: " + ", ".join(species))


def _check_areas(planting: Sequence[PlantingIn], strata: Mapping[str, float],
                 source: str) -> None:
    """The cohorts of a stratum fit in it (named at the cohort that overflows)."""
    used: dict[str, float] = {}
    seen: dict[tuple[int, str, str], int] = {}
    for k, row in enumerate(planting):
        key = (row.year, row.stratum, row.species)
        if key in seen:
            raise InputError("the same cohort is listed twice", field=f"expected.planting[{k}]",
                             value=f"{row.year}, {row.stratum}, {row.species}",
                             expected=f"one row per year, stratum and species (also at "
                                      f"expected.planting[{seen[key]}])")
        seen[key] = k
        used[row.stratum] = used.get(row.stratum, 0.0) + float(row.area.m_as("ha"))
        if used[row.stratum] > strata[row.stratum] * (1 + 1e-9):
            raise InputError(f"the cohorts of stratum {row.stratum} add up to "
                             f"{used[row.stratum]:g} ha, more than the stratum",
                             field=_where(k, "area"), value=f"{row.area.m_as('ha'):g} ha",
                             expected=f"at most {strata[row.stratum]:g} ha in all for "
                                      f"{row.stratum} ({source})")


def _curves(growth: Sequence[GrowthIn], strata: Mapping[str, float], species: Sequence[str],
            sources: tuple[str, str]) -> dict[tuple[str, str | None], int]:
    out: dict[tuple[str, str | None], int] = {}
    for j, g in enumerate(growth):
        where = f"expected.growth[{j}]"
        if g.species not in species:
            raise InputError("unknown species", field=f"{where}.species", value=g.species,
                             expected=f"one of the species of {sources[1]}: "
                                      + ", ".join(species))
        if g.stratum is not None and g.stratum not in strata:
            raise InputError("unknown stratum", field=f"{where}.stratum", value=g.stratum,
                             expected=f"one of the strata of {sources[0]}: " + ", ".join(strata)
                                      + ", or none for every stratum")
        key = (g.species, g.stratum)
        if key in out:
            raise InputError("two growth models for one species and stratum", field=where,
                             value=f"{g.species}, {g.stratum or 'every stratum'}",
                             expected=f"one row per species and stratum (also at "
                                      f"expected.growth[{out[key]}])")
        out[key] = j
    return out


def build_plan(plan: SinkExpectedIn, *, strata: Mapping[str, float], species: Sequence[str],
               years: tuple[int, int], sources: tuple[str, str]) -> SinkPlan:
    """Check the schedule against the strata, species and crediting period; pair the curves.

    Parameters
    ----------
    plan : SinkExpectedIn
        The project's ``[expected]`` tables.
    strata : mapping
        Area of each stratum [ha], by id.
    species : sequence of str
        The species of the species file.
    years : (int, int)
        First and last calendar year of the crediting period.
    sources : (str, str)
        How the strata and species files are named in messages.

    Raises
    ------
    InputError
        Naming the field: a cohort planted outside the crediting period, an unknown stratum or
        species, the same cohort twice, the cohorts of a stratum larger than it, a cohort
        without a growth model, a growth model no cohort uses, or two for one species and
        stratum.

    Examples
    --------
    >>> p = build_plan(SinkExpectedIn.model_validate({
    ...     "planting": [{"year": 2025, "stratum": "S1", "species": "pine", "area": "80 ha"}],
    ...     "growth": [{"species": "pine", "asymptote": "200 t/ha", "rate": "0.1 1/yr",
    ...                 "shape": 2.0, "source": "yield table of the region"}]}),
    ...     strata={"S1": 80.0}, species=["pine"], years=(2025, 2054),
    ...     sources=("strata.csv", "species.csv"))
    >>> p.area.tolist(), p.asymptote.tolist()
    ([80.0], [200.0])
    """
    for k, row in enumerate(plan.planting):
        _check_cohort(k, row, years, strata=strata, species=species, sources=sources)
    _check_areas(plan.planting, strata, sources[0])
    curves = _curves(plan.growth, strata, species, sources)
    chosen = []
    for k, row in enumerate(plan.planting):
        j = curves.get((row.species, row.stratum), curves.get((row.species, None)))
        if j is None:
            raise InputError("no growth model for the cohort's species and stratum",
                             field=_where(k, "species"), value=row.species,
                             expected=f"an [[expected.growth]] row with species = "
                                      f"\"{row.species}\" and stratum = \"{row.stratum}\" or "
                                      "no stratum")
        chosen.append(j)
    unused = sorted(set(range(len(plan.growth))) - set(chosen))
    if unused:
        g = plan.growth[unused[0]]
        raise InputError("a growth model that no cohort follows",
                         field=f"expected.growth[{unused[0]}]",
                         value=f"{g.species}, {g.stratum or 'every stratum'}",
                         expected="a curve for a species (and stratum) the planting schedule "
                                  "plants, or no such row")
    curve = [plan.growth[j] for j in chosen]
    return SinkPlan(
        tuple(plan.planting), tuple(plan.growth),
        planting_year=np.array([r.year for r in plan.planting], dtype=np.int64),
        area=np.array([float(r.area.m_as("ha")) for r in plan.planting]),
        asymptote=np.array([float(x.asymptote.m_as("t/ha")) for x in curve]),
        rate=np.array([float(x.rate.m_as("1/yr")) for x in curve]),
        shape=np.array([x.shape for x in curve]), curve=np.array(chosen, dtype=np.int64))
