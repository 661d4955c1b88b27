"""A meter's maximum permissible error is read in percent only (issue 14, item 8).

Every dimensionless unit converts to a fraction, so ``{value = 0.5, unit = ""}`` would be read
as 50 % and the meter-error correction of CCER-01-002-V01 §7.3.4 rescaled; only ``%`` and
``percent`` are accepted, as for the ``<column>_meter_error`` columns.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import InputError
from ccer_calc.units import Quantity

FOLDER = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"


def _project(mpe: Any) -> dict[str, Any]:
    d = tomllib.loads((FOLDER / "example.toml").read_text("utf-8"))
    d["monitoring"]["meters"]["export"]["max_permissible_error"] = mpe
    return d


@pytest.mark.parametrize("mpe", ["0.5 %", "0.5 percent", {"value": 0.5, "unit": "%"},
                                 Quantity(0.5, "%")])
def test_percent_is_read(mpe: Any) -> None:
    base = compute(project_from_dict(_project("0.5 %"), base_dir=FOLDER))
    same = compute(project_from_dict(_project(mpe), base_dir=FOLDER))
    assert same.totals["emission_reductions"] == base.totals["emission_reductions"]


@pytest.mark.parametrize("mpe", [{"value": 0.5, "unit": ""}, "0.005 dimensionless",
                                 "5 permille", "5000 ppm", Quantity(0.005, "")])
def test_other_dimensionless_units_are_refused(mpe: Any) -> None:
    with pytest.raises(InputError) as err:
        project_from_dict(_project(mpe), base_dir=FOLDER)
    assert "max_permissible_error" in (err.value.field or "")
    assert "must be stated in %" in str(err.value)
