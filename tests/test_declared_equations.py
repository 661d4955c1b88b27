"""The engine refuses a trail entry whose equation the methodology does not declare.

What a plug-in lists in ``equations`` is what its description, schema and documents show; an
equation evaluated without being listed would reach the trail unannounced. AR-AM0014 v03.0
evaluated AR-TOOL08 v04.0.0 eq. (3), (6) and AR-TOOL15 v02.0 eq. (1), (2), para. 12 without
declaring them until the engine checked (``compute_on_axis``).
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, compute_on_axis, load_project, project_from_dict
from ccer_calc.errors import PluginError
from ccer_calc.registry import default_registry
from methodologies.ar_am0014.methodology import ArAm0014

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
AM = ROOT / "ar_am0014" / "data"
#: Every bundled project example (example_engagement.toml is an engagement letter, no project).
EXAMPLES = sorted(p for p in ROOT.glob("*/data/example*.toml") if "engagement" not in p.name)


def _burn_and_displace() -> dict[str, Any]:
    """The mangrove example with a site-preparation burn and displaced grazing."""
    d = copy.deepcopy(tomllib.loads((AM / "example.toml").read_text("utf-8")))
    d["inputs"].update(burning=True, displaces_agriculture=True, forest_minimum_area="0.1 ha")
    d["inputs"]["site_preparation_burns"] = [{
        "id": "B", "date": "2014-03-01", "stratum": "M1", "area": "6 ha",
        "tree_biomass": "0 t/ha", "shrub_crown_cover": "50 %",
        "slash_and_burn_common": False, "fire_in_last_10_years": True}]
    d["inputs"]["displacements"] = [{
        "id": "G", "date": "2014-02-01", "area": "5 ha", "activity": "grazing",
        "drains_wetland_or_peatland": False, "receiving_land_identified": True,
        "tree_biomass": "8 t/ha", "shrub_biomass": "1 t/ha"}]
    d.setdefault("parameters", {})["forest_biomass"] = "150 t/ha"
    return d


def test_ar_am0014_declares_the_burning_and_leakage_equations_it_evaluates() -> None:
    result = compute(project_from_dict(_burn_and_displace(), base_dir=AM))
    evaluated = {e.equation for e in result.trail.entries}
    declared = {e.meta.id for e in ArAm0014.equations}
    for eq_id in ("AR-TOOL08 (3)", "AR-TOOL08 (6)", "AR-TOOL15 (1)", "AR-TOOL15 (2)",
                  "AR-TOOL15 para. 12"):
        assert eq_id in evaluated
        assert eq_id in declared
    assert evaluated <= declared


def test_an_undeclared_equation_is_refused_naming_it_and_the_methodology() -> None:
    class Undeclared(ArAm0014):
        """AR-AM0014 with eq. (5) (leakage) left out of its declared equations."""

        equations = tuple(e for e in ArAm0014.equations if e.meta.id != "(5)")

    project = load_project(AM / "example.toml")
    reg = default_registry()
    with pytest.raises(PluginError) as err:
        compute_on_axis(project, project, Undeclared(), reg, as_of=None)
    assert err.value.methodology == "AR-AM0014"
    assert "'(5)'" in str(err.value)
    assert "does not declare" in str(err.value)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_bundled_example_evaluates_only_declared_equations(path: Path) -> None:
    # compute where the example has monitoring data, else estimate: both run compute_on_axis,
    # which raises PluginError on an undeclared equation
    from ccer_calc.estimation import estimate  # noqa: PLC0415 - only this test needs it

    project = load_project(path)
    result = (compute(project) if project.spec.monitoring is not None
              else estimate(project).result)
    m = default_registry().get(project.methodology_id)
    assert {e.equation for e in result.trail.entries} <= {e.meta.id for e in m.equations}
