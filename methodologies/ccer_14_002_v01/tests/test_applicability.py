"""The known conditions of CCER-14-002-V01 (§2 a-b, secondary source), passing and failing."""

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


def _run(**inputs: Any) -> Any:
    data = copy.deepcopy(BASE)
    data["inputs"].update(inputs)
    return compute(project_from_dict(data, base_dir=DATA))


def test_tidal_flats_and_abandoned_ponds_pass() -> None:
    assert _run().checks
    assert _run(site_type="abandoned_aquaculture_pond").checks
    with pytest.raises(ApplicabilityError, match=r"tidal_flat_or_abandoned_pond failed: site: "
                                                 r"other land"):
        _run(site_type="other")


@pytest.mark.parametrize(("change", "name"), [
    ({"artificial_planting": False}, "artificial_planting"),
    ({"tenure_documented": False}, "tenure_documented"),
])
def test_each_declared_condition_fails(change: dict[str, Any], name: str) -> None:
    with pytest.raises(ApplicabilityError, match=rf"{name} failed"):
        _run(**change)


def test_crediting_period_rule_is_provisional() -> None:
    r = _run()
    names = {c.name for c in r.checks}
    assert {"crediting_period_at_least_20_years", "crediting_period_at_most_40_years"} <= names
    rules = {p["name"]: p for p in r.provisional}
    assert "crediting_period" in rules and "provisional" in rules["crediting_period"]["source"]
