"""Applicability of CCER-01-001-V01 (§2, §4.2): each check passing and failing, reason matched."""

from pathlib import Path

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError
from ccer_calc.io.projectfile import read_project_file
from methodologies.ccer_01_001_v01.applicability import csp_export_metered, grid_connected

DATA = Path(__file__).resolve().parents[1] / "data"


def _project(**inputs):
    data = read_project_file(DATA / "example.toml")
    data["inputs"].update(inputs)
    return project_from_dict(data, base_dir=DATA)


def test_grid_connected_passes():
    ok, reason = grid_connected(_project())
    assert ok
    assert reason == "connected to the 西北 regional grid"


def test_grid_connected_fails():
    ok, reason = grid_connected(_project(grid_connected=False))
    assert not ok
    assert reason == "the project declares it is not grid-connected"


def test_standalone_csp_passes():
    ok, reason = csp_export_metered(_project())
    assert ok
    assert reason == "stand-alone grid-connected solar thermal plant"


def test_csp_plus_with_separate_metering_passes():
    ok, reason = csp_export_metered(_project(csp_plus=True, csp_export_metered_separately=True))
    assert ok
    assert "metered separately" in reason


def test_csp_plus_without_separate_metering_fails():
    ok, reason = csp_export_metered(_project(csp_plus=True, csp_export_metered_separately=False))
    assert not ok
    assert reason.startswith("CSP part of a 光热+ project whose grid export is not metered")


def test_compute_refuses_a_failing_project_naming_the_check():
    p = _project(csp_plus=True, csp_export_metered_separately=False)
    with pytest.raises(ApplicabilityError,
                       match=r"csp_export_metered_separately failed: CSP part of a 光热\+"):
        compute(p)


def test_compute_refuses_an_off_grid_project():
    with pytest.raises(ApplicabilityError, match=r"grid_connected failed: .*not grid-connected"):
        compute(_project(grid_connected=False))
