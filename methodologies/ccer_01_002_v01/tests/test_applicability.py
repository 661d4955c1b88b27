"""CCER-01-002-V01 applicability (§2, §4.1): each check passing and failing, message matched."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError
from ccer_calc.project import Project
from methodologies.ccer_01_002_v01.applicability import far_or_deep, grid_connected, offshore

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLE = tomllib.loads((DATA / "example.toml").read_text("utf-8"))


def project(**inputs: Any) -> Project:
    """The example with its ``inputs`` table changed (``None`` removes a key)."""
    data = copy.deepcopy(EXAMPLE)
    for key, value in inputs.items():
        if value is None:
            data["inputs"].pop(key, None)
        else:
            data["inputs"][key] = value
    return project_from_dict(data, base_dir=DATA)


@pytest.mark.parametrize(("distance", "depth", "passed"), [
    ("35 km", "28 m", True),    # the example: far enough
    ("30 km", "30 m", False),   # §2 says more than 30 km or deeper than 30 m: 30 is not enough
    ("30.001 km", "10 m", True),
    ("29 km", "30.001 m", True),
    ("30000 m", None, False),   # exactly 30 km written in metres
    (None, "31 m", True),       # distance not given, depth qualifies
    (None, "30 m", False),
    ("30 km", None, False),
    (None, None, False),
])
def test_far_or_deep(distance: str | None, depth: str | None, passed: bool) -> None:
    ok, reason = far_or_deep(project(distance_to_shore=distance, water_depth=depth))
    assert ok is passed
    assert reason.endswith("needs more than 30 km or more than 30 m")
    if distance is None:
        assert "distance to shore not given" in reason
    if depth is None:
        assert "water depth not given" in reason


def test_far_or_deep_reason_shows_the_values() -> None:
    _, reason = far_or_deep(project(distance_to_shore="12 km", water_depth="8 m"))
    assert reason == ("distance to shore 12 km, water depth 8 m; needs more than 30 km or more "
                      "than 30 m")


def test_offshore_and_grid_connected_pass_on_the_example() -> None:
    p = project()
    assert offshore(p) == (True, "seaward of the mean spring high-tide line")
    assert grid_connected(p) == (True, "connected to the 南方 regional grid")


def test_not_offshore_fails() -> None:
    ok, reason = offshore(project(offshore=False))
    assert ok is False
    assert reason == ("the project declares it is not seaward of the mean spring high-tide "
                      "line")


def test_not_grid_connected_fails() -> None:
    ok, reason = grid_connected(project(grid_connected=False))
    assert ok is False
    assert reason == "the project declares it is not grid-connected"


def test_compute_lists_the_failed_check() -> None:
    with pytest.raises(ApplicabilityError, match=r"\[CCER-01-002-V01\] offshore_far_or_deep "
                                                 r"failed: distance to shore 30 km, water depth "
                                                 r"30 m; needs more than 30 km or more than "
                                                 r"30 m \(CCER-01-002-V01 .*§2\)$"):
        compute(project(distance_to_shore="30 km", water_depth="30 m"))


def test_compute_lists_every_failed_check() -> None:
    with pytest.raises(ApplicabilityError) as info:
        compute(project(offshore=False, grid_connected=False))
    text = str(info.value)
    assert "offshore_location failed" in text
    assert "grid_connected failed" in text
    assert "offshore_far_or_deep" not in text  # it passed


def test_compute_records_passed_checks() -> None:
    result = compute(project())
    names = {c.name: c.passed for c in result.checks}
    assert names["offshore_far_or_deep"] is True
    assert names["offshore_location"] is True
    assert names["grid_connected"] is True
