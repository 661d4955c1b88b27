"""AR-AM0014 v03.0 para. 3 conditions, passing and failing."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import ApplicabilityError, InputError

DATA = Path(__file__).resolve().parent.parent / "data"
BASE = tomllib.loads((DATA / "example.toml").read_text("utf-8"))


def _run(**inputs: Any) -> Any:
    data = copy.deepcopy(BASE)
    data["inputs"].update(inputs)
    return compute(project_from_dict(data, base_dir=DATA))


def test_the_example_meets_every_condition() -> None:
    assert all(c.passed for c in _run().checks)


def test_degraded_mangrove_habitat_para_3a() -> None:
    with pytest.raises(ApplicabilityError, match=r"degraded_mangrove_habitat failed"):
        _run(degraded_mangrove_habitat=False)


def test_more_than_ninety_percent_mangroves_para_3b() -> None:
    with pytest.raises(ApplicabilityError, match=r"mangrove_species_planted failed: 90 % "
                                                 r"planted with mangrove species"):
        _run(mangrove_planted_share="90 %")
    # more than 10 % of other species: allowed only without altering the hydrology
    assert _run(mangrove_planted_share="95 %", non_mangrove_planted_share="15 %").checks
    with pytest.raises(ApplicabilityError, match=r"mangrove_species_planted failed.*15 % with "
                                                 r"other species, hydrology altered"):
        _run(mangrove_planted_share="95 %", non_mangrove_planted_share="15 %",
             hydrology_altered=True)


def test_soil_disturbance_para_3c() -> None:
    with pytest.raises(ApplicabilityError, match=r"soil_disturbance_at_most_10_percent failed"):
        _run(soil_disturbance="11 %")


def test_litter_is_not_a_pool_of_this_methodology() -> None:
    with pytest.raises(InputError, match=r"inputs.*does not account litter \(Table 1\)"):
        _run(pools=["litter"])
