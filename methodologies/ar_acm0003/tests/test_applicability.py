"""AR-ACM0003 v02.0 para. 3 conditions and the A/R CDM crediting periods, passing and failing."""

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


def _run(**changes: Any) -> Any:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        *head, last = path.split("__")
        target = data
        for key in head:
            target = target[key]
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return compute(project_from_dict(data, base_dir=DATA))


def test_the_example_meets_every_condition() -> None:
    r = _run()
    names = {c.name for c in r.checks if c.passed}
    assert {"not_wetland", "organic_soil_disturbance_at_most_10_percent",
            "restricted_land_disturbance_at_most_10_percent",
            "cdm_crediting_period_at_most_30_years"} <= names


def test_wetland_fails_para_3a() -> None:
    with pytest.raises(ApplicabilityError, match=r"not_wetland failed.*wetland category.*"
                                                 r"AR-ACM0003 v02.0 para. 3\(a\)"):
        _run(inputs__wetland=True)


@pytest.mark.parametrize(("field", "name"), [
    ("organic_soil_disturbance", "organic_soil_disturbance_at_most_10_percent"),
    ("restricted_land_disturbance", "restricted_land_disturbance_at_most_10_percent")])
def test_soil_disturbance_above_ten_percent_fails_para_3b(field: str, name: str) -> None:
    assert _run(**{f"inputs__{field}": "10 %"}).checks  # 10 % is allowed ("not more than")
    with pytest.raises(ApplicabilityError, match=rf"{name} failed: soil disturbance 10.5 %"):
        _run(**{f"inputs__{field}": "10.5 %"})


def test_ar_cdm_crediting_periods_are_20_or_30_years() -> None:
    # decision 5/CMP.1 annex para. 23: 30 years fixed; 20 years renewable, at most 3 times
    with pytest.raises(ApplicabilityError, match=r"cdm_crediting_period_at_most_30_years failed"):
        _run(dates__crediting_period_end="2045-01-01")
    renewable = _run(dates__crediting_period_type="renewable", dates__crediting_period_number=1,
                     dates__crediting_period_end="2034-12-31")
    assert "cdm_crediting_period_at_most_20_years" in {c.name for c in renewable.checks}
    with pytest.raises(ApplicabilityError, match=r"at_most_20_years failed"):
        _run(dates__crediting_period_type="renewable", dates__crediting_period_number=1)


def test_the_period_check_of_the_engine_still_applies() -> None:
    with pytest.raises(ApplicabilityError, match=r"periods_within_crediting_period failed"):
        _run(dates__crediting_period_start="2016-01-01")
