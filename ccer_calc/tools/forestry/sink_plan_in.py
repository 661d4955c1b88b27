"""The ex-ante plan of a sink project as the project file writes it: pydantic models only.

``[[expected.planting]]`` and ``[[expected.growth]]`` (with the planned burns and displacements
of :mod:`.sink_events_in`) are validated by :class:`SinkExpectedIn`, the ``expected_model`` of
the sink plug-ins; :mod:`.sink_plan`, which re-exports these names, documents the tables and
builds the plan from them. This module imports neither pint nor numpy, so the JSON Schema of a
sink's project file (``ccer-calc schema``) is built without either.
"""

from typing import Literal

from pydantic import Field, StrictFloat, StrictInt

from ccer_calc.bounds import POSITIVE, Bounds
from ccer_calc.fields import Line, StrictModel, quantity_field
from ccer_calc.tools.forestry.sink_events_in import (
    DisplacementIn,
    ResidueBurnIn,
    SitePreparationBurnIn,
)

__all__ = ["ASYMPTOTE", "RATE", "SHAPE_MAX", "GrowthIn", "PlantingIn", "SinkExpectedIn"]


#: Range of the asymptote A: positive, and below any forest stand measured (coast redwood
#: stands hold about 3,500 t/ha), which catches a curve typed in kg/ha.
ASYMPTOTE = Bounds(0.0, 5000.0, min_inclusive=False,
                   reason="tree biomass per hectare: positive, at most 5,000 t/ha, above any "
                          "stand measured")
#: Range of the rate k: positive; at k = 2/yr the curve is within e^-2 of its base in a year.
RATE = Bounds(0.0, 2.0, min_inclusive=False,
              reason="a growth rate of trees: positive, at most 2 per year")
#: Largest shape c accepted (a bound on typing errors: fitted curves of trees lie well below).
SHAPE_MAX = 20.0


#: The module these models are documented and imported from, kept as their ``__module__``:
#: JSON Schema names a model by module and name where two models share a name (the mangrove
#: plug-ins' own ``PlantingIn``), and published schemas keep their ``$defs`` keys. The module
#: does not postpone annotations, so pydantic never resolves a name in that module.
_HOME = "ccer_calc.tools.forestry.sink_plan"


class PlantingIn(StrictModel):
    """One planting cohort: trees of one species planted in one year on one area."""

    __module__ = _HOME

    year: StrictInt = Field(ge=1900, le=2200, description="种植年份 / year of planting t_PLANT "
                                                          "(inside the crediting period)")
    stratum: Line = Field(min_length=1, description="碳层 / stratum (of the strata file)")
    species: Line = Field(min_length=1, description="树种 / species (of the species file)")
    area: quantity_field("ha", bounds=POSITIVE) = Field(  # type: ignore[valid-type]
        description="种植面积（计成活率） / area planted, survival included")


class GrowthIn(StrictModel):
    """The growth model of a species, in every stratum or in one."""

    __module__ = _HOME

    species: Line = Field(min_length=1, description="树种 / species")
    stratum: Line | None = Field(None, min_length=1, description="碳层 / the stratum it applies "
                                                                 "in (all others if omitted)")
    model: Literal["chapman_richards"] = Field(
        "chapman_richards", description="生长模型 / growth model: chapman_richards")
    asymptote: quantity_field("t/ha", bounds=ASYMPTOTE) = Field(  # type: ignore[valid-type]
        description="渐近值A（地上和地下林木生物量） / asymptote A: tree biomass above and "
                    "below ground per hectare at maturity")
    rate: quantity_field("1/yr", bounds=RATE) = Field(  # type: ignore[valid-type]
        description="速率参数k / rate k")
    shape: StrictFloat = Field(gt=0.0, le=SHAPE_MAX, description="形状参数c / shape c")
    source: Line = Field(min_length=1, description="来源 / source of the curve (AR-TOOL14 "
                                                   "para. 47-48)")


class SinkExpectedIn(StrictModel):
    """造林计划和生长模型 / a sink's ex-ante plan: planting schedule and growth models."""

    __module__ = _HOME

    planting: list[PlantingIn] = Field(
        min_length=1, description="造林计划 / planting schedule: one row per cohort (year, "
                                  "stratum, species, area)")
    growth: list[GrowthIn] = Field(
        min_length=1, description="生长模型 / growth models by species (and stratum): "
                                  "Chapman-Richards curves of tree biomass per hectare")
    site_preparation_burns: list[SitePreparationBurnIn] = Field(
        default_factory=list, description="计划的整地火烧 / planned fire in site preparation "
                                          "(AR-TOOL08 eq. 2-3; A/R CDM plug-ins)")
    residue_burns: list[ResidueBurnIn] = Field(
        default_factory=list, description="计划的采伐剩余物火烧 / planned fire to clear harvest "
                                          "residue (AR-TOOL08 eq. 4-5)")
    displacements: list[DisplacementIn] = Field(
        default_factory=list, description="预计的农业活动转移 / expected displacement of "
                                          "agricultural activities (AR-TOOL15 eq. 1-3)")
