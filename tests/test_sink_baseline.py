"""The baseline by proportionate crown cover and an initial inventory, through AR-ACM0003.

AR-TOOL14 v04.2 eq. (10): ΔC_TREE_BSL,i = 44/12 × CF_TREE × Δb_FOREST × (1 + R_TREE) ×
CC_TREE_BSL,i × A_i per year, eq. (9) the sum over strata, zero after the steady-state year
(para. 25), applicable only where the mean pre-project crown cover is below 20 % of the forest
threshold (para. 24). AR-TOOL12 v03.1 eq. (9)/(15) apply the default factors to it. Numbers
worked by hand; same algebra: rel 1e-12.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "methodologies" / "ar_acm0003" / "data"
BASE = tomllib.loads((DATA / "example.toml").read_text("utf-8"))
CROWN = {"method": "crown_cover", "forest_crown_cover_threshold": "30 %",
         "shrub_cover_below_5_percent": True,
         "strata": [{"id": "B1", "area": "150 ha", "crown_cover": "4 %"},
                    {"id": "B2", "area": "100 ha", "crown_cover": "7 %"}]}


def _run(baseline: dict[str, Any], **parameters: str) -> Any:
    data = copy.deepcopy(BASE)
    data["inputs"]["baseline"] = baseline
    data["parameters"].update(parameters)
    return compute(project_from_dict(data, base_dir=DATA))


def test_crown_cover_baseline_by_hand() -> None:
    zero = _run(BASE["inputs"]["baseline"])
    crown = _run(CROWN, forest_biomass_increment="3 t/ha/yr")
    # per year: 44/12 × 0.47 × 3 × 1.25 × (0.04 × 150 + 0.07 × 100) = 84.0125 t CO2e, and the
    # dead-wood and litter default factors (1 % each, tropical, 1,500 mm) add 2 %
    annual = 44 / 12 * 0.47 * 3 * 1.25 * (0.04 * 150 + 0.07 * 100) * 1.02
    for v in crown.vintages:  # the periods run from 2015-01-01 to 2023-10-31
        first = max(dt.date(v.year, 1, 1), dt.date(2015, 1, 1))
        last = min(dt.date(v.year, 12, 31), dt.date(2023, 10, 31))
        share = ((last - first).days + 1) / (366 if calendar.isleap(v.year) else 365)
        assert -v.values["baseline_emissions"] == pytest.approx(annual * share, rel=1e-12)
    for a, b in zip(crown.vintages, zero.vintages, strict=True):
        assert a.values["emission_reductions"] == pytest.approx(
            b.values["emission_reductions"] + a.values["baseline_emissions"], rel=1e-12)


def test_crown_cover_is_refused_above_a_fifth_of_the_threshold() -> None:
    dense = copy.deepcopy(CROWN)
    dense["strata"][1]["crown_cover"] = "12 %"  # mean 7.2 % is not below 6 %
    with pytest.raises(InputError, match=r"inputs.baseline: the proportionate crown cover "
                                         r"method does not apply.*0.072"):
        _run(dense, forest_biomass_increment="3 t/ha/yr")


def test_crown_cover_needs_the_forest_increment() -> None:
    with pytest.raises(InputError, match=r"parameters.forest_biomass_increment: parameter "
                                         r"Δb_FOREST has no default"):
        _run(CROWN)


def test_zero_baseline_needs_an_indicator() -> None:
    with pytest.raises(InputError, match=r"inputs.baseline.*para. 12 indicator"):
        _run({"method": "zero", "indicators": []})


def test_an_initial_inventory_replaces_the_zero_stock() -> None:
    data = copy.deepcopy(BASE)
    data["inputs"]["initial"] = {"plots": "plots_2018.csv", "trees": "trees_2018.csv",
                                 "shrubs": "shrubs_2018.csv"}
    data["inputs"]["measurements"] = data["inputs"]["measurements"][1:]
    data["monitoring"]["periods"] = data["monitoring"]["periods"][1:]
    data["dates"]["crediting_period_start"] = "2018-11-01"
    data["inputs"]["soc"]["strata"][0]["preparation_year"] = 2018
    r = compute(project_from_dict(data, base_dir=DATA))
    full = compute(project_from_dict(BASE, base_dir=DATA))
    interval = "2018-11-01..2023-10-31"
    key = f"AR-TOOL14 (1)[{interval}]"
    (alone,) = [e for e in r.trail.entries if e.key == key]
    (within,) = [e for e in full.trail.entries if e.key == key]
    assert float(alone.output) == pytest.approx(float(within.output), rel=1e-12)
    c1, c2 = (next(float(e.output) for e in r.trail.entries
                   if e.key == f"AR-TOOL14 (12)[{d}]") for d in ("2018-10-31", "2023-10-31"))
    u1, u2 = (next(float(e.output) for e in r.trail.entries
                   if e.key == f"AR-TOOL14 (15)[{d}]") for d in ("2018-10-31", "2023-10-31"))
    (u,) = [float(e.output) for e in r.trail.entries if e.key == f"AR-TOOL14 (2)[{interval}]"]
    # AR-TOOL14 v04.2 eq. (2): both stocks measured
    assert u == pytest.approx(math.hypot(u1 * c1, u2 * c2) / (c2 - c1), rel=1e-12)


def test_soc_strata_larger_than_the_project_are_refused() -> None:
    data = copy.deepcopy(BASE)
    data["inputs"]["soc"]["strata"][0]["area"] = "251 ha"
    with pytest.raises(InputError, match=r"SOC strata add up to 251 ha, more than the project"):
        project_from_dict(data, base_dir=DATA)
