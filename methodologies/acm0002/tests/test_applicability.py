"""ACM0002 (greenfield subset) applicability: each check passing and failing, reason matched.

[U] provisional: conditions from background knowledge of ACM0002 (reference brief §6.1).
"""

import csv
from pathlib import Path

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError, InputError
from ccer_calc.io.projectfile import read_project_file
from methodologies.acm0002.applicability import (
    greenfield,
    grid_connected,
    reservoir_power_density,
    technology_supported,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def _project(**inputs):
    data = read_project_file(DATA / "example.toml")
    data["inputs"].update(inputs)
    return project_from_dict(data, base_dir=DATA)


def _without_reservoir(tmp_path, **inputs):
    """The example without its reservoir: the total-generation column is not monitored then."""
    rows = list(csv.reader((DATA / "example_monitoring.csv").read_text("utf-8").splitlines()))
    keep = [i for i, h in enumerate(rows[0]) if not h.startswith("generation")]
    with (tmp_path / "no_reservoir.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([[row[i] for i in keep] for row in rows])
    data = read_project_file(DATA / "example.toml")
    data["inputs"].update(reservoir=False, reservoir_area=None, **inputs)
    data["monitoring"]["csv"] = "no_reservoir.csv"  # beside the project: its folder is tmp_path
    return project_from_dict(data, base_dir=tmp_path)


def test_grid_connected():
    assert grid_connected(_project()) == (True, "connected to the grid")
    assert grid_connected(_project(grid_connected=False)) == (
        False, "the project declares it is not grid-connected")


def test_greenfield():
    ok, reason = greenfield(_project())
    assert ok
    assert reason.startswith("greenfield plant")
    ok, reason = greenfield(_project(project_type="retrofit"))
    assert not ok
    assert reason.startswith("project type retrofit needs EG_PJ,y over a historical baseline")


def test_technology_supported(tmp_path):
    assert technology_supported(_project()) == (True, "hydro plant")
    ok, reason = technology_supported(_without_reservoir(tmp_path, technology="geothermal"))
    assert not ok
    assert "PE_GP,y" in reason


def test_reservoir_power_density_passes_above_4():
    ok, reason = reservoir_power_density(_project())
    assert ok
    assert reason == "power density 6 W/m² is above 4 W/m²"


def test_reservoir_power_density_fails_at_or_below_4():
    ok, reason = reservoir_power_density(_project(reservoir_area="7.5 km^2"))  # 4 W/m²
    assert not ok
    assert reason == "power density 4 W/m² is not above 4 W/m²"


def test_reservoir_without_area_fails():
    ok, reason = reservoir_power_density(_project(reservoir_area=None))
    assert not ok
    assert reason.startswith("hydro plant with a reservoir but no reservoir area")


def test_no_reservoir_passes(tmp_path):
    ok, reason = reservoir_power_density(_without_reservoir(tmp_path))
    assert (ok, reason) == (True, "no new reservoir")


def test_compute_refuses_low_power_density():
    with pytest.raises(ApplicabilityError, match=r"reservoir_power_density failed: power density"):
        compute(_project(reservoir_area="10 km^2"))


def test_reservoir_for_a_wind_farm_is_refused_at_load():
    with pytest.raises(InputError, match=r"inputs.reservoir: .*only meaningful for a hydro"):
        _project(technology="wind")
