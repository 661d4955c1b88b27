"""The known conditions of CCER-14-001-V01 (§2, secondary sources), passing and failing."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError

DATA = Path(__file__).resolve().parent.parent / "data"
BASE = tomllib.loads((DATA / "example.toml").read_text("utf-8"))


def _run(dates: dict[str, Any] | None = None, **inputs: Any) -> Any:
    data = copy.deepcopy(BASE)
    data["inputs"].update(inputs)
    data["dates"].update(dates or {})
    return compute(project_from_dict(data, base_dir=DATA))


def test_the_example_meets_every_condition() -> None:
    names = {c.name for c in _run().checks if c.passed}
    assert {"not_economic_forest", "non_forest_at_least_3_years", "land_tenure_documented",
            "parcel_at_least_400_m2", "not_wetland", "shrub_removal_at_most_20_percent",
            "no_repeated_soil_disturbance", "no_burning", "no_displaced_agriculture",
            "crediting_period_at_least_20_years", "crediting_period_at_most_40_years",
            "construction_after_2012_11_08", "reductions_after_2020_09_22"} <= names


def test_non_forest_for_three_years_before_the_start() -> None:
    # start 2020-11-15: non-forest since 2017-11-15 passes, since 2017-11-16 fails
    assert _run(non_forest_since="2017-11-15").checks
    with pytest.raises(ApplicabilityError, match=r"non_forest_at_least_3_years failed: "
                                                 r"non-forest since 2017-11-16"):
        _run(non_forest_since="2017-11-16")


def test_parcel_400_m2_or_667_m2_before_2020() -> None:
    assert _run(smallest_parcel_area="400 m^2").checks
    with pytest.raises(ApplicabilityError, match=r"parcel_at_least_400_m2 failed: smallest "
                                                 r"parcel 399 m²"):
        _run(smallest_parcel_area="399 m^2")
    with pytest.raises(ApplicabilityError, match=r"at least 667 m² for a project started in "
                                                 r"or before 2019"):
        _run(smallest_parcel_area="500 m^2", non_forest_since="2010-01-01",
             dates={"construction_start": "2019-12-31"})


def test_shrub_removal_at_most_twenty_percent() -> None:
    assert _run(shrub_removal_area="40 ha").checks  # 40 / 200 = 20 %
    with pytest.raises(ApplicabilityError, match=r"shrub_removal_at_most_20_percent failed: "
                                                 r"shrubs removed on 20.05 %"):
        _run(shrub_removal_area="40.1 ha")


@pytest.mark.parametrize(("change", "name"), [
    ({"wetland": True}, "not_wetland"),
    ({"forest_type": "economic"}, "not_economic_forest"),
    ({"land_tenure_documented": False}, "land_tenure_documented"),
    ({"repeated_soil_disturbance": True}, "no_repeated_soil_disturbance"),
    ({"burning": True}, "no_burning"),
    ({"displaces_agriculture": True}, "no_displaced_agriculture"),
])
def test_each_declared_condition_fails(change: dict[str, Any], name: str) -> None:
    with pytest.raises(ApplicabilityError, match=rf"{name} failed"):
        _run(**change)


def test_crediting_period_of_twenty_to_forty_years() -> None:
    with pytest.raises(ApplicabilityError, match=r"crediting_period_at_least_20_years failed: "
                                                 r"crediting period ends 2039-12-30"):
        _run(dates={"crediting_period_end": "2039-12-30"})
    assert _run(dates={"crediting_period_end": "2040-12-31"}).checks  # exactly 20 years
    with pytest.raises(ApplicabilityError, match=r"crediting_period_at_most_40_years failed"):
        _run(dates={"crediting_period_end": "2061-01-01"})
