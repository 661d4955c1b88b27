"""ACM0002 end to end: the bundled (made-up) example against a hand computation from its data.

Formulas: ACM0002 BE = EG_PJ × EF_CM (TOOL07 v07.0 para. 86 weights, 0.5/0.5 for hydro in the
first crediting period), PE = PE_FF + PE_HP with PE_FF via TOOL03 v03.0 eq. (4) and
PE_HP = EF_Res × TEG for 4 < PD ≤ 10 W/m²; LE = 0; ER = BE − PE.
[U] provisional (reference brief §6.1). Same algebra in another order: rtol 1e-12.
"""

import csv
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.projectfile import read_project_file

DATA = Path(__file__).resolve().parents[1] / "data"
RTOL = 1e-12
CM = 0.5 * 0.85 + 0.5 * 0.35          # project OM/BM, TOOL07 para. 86(b) weights for hydro
COEF_DIESEL = 43.0 * 0.0741            # TOOL03 v03.0 eq. (4) (option B), t CO2/t
EF_RES = 0.090                         # t CO2e/MWh; PD = 30 MW / 5 km² = 6 W/m²


def _rows():
    return list(csv.DictReader((DATA / "example_monitoring.csv").read_text("utf-8").splitlines()))


def test_totals_equal_hand_computation():
    rows = _rows()
    col = {k: np.array([float(r[k]) for r in rows]) for k in rows[0] if "[" in k}
    be = (col["export [MWh]"] - col["import [MWh]"]) * CM
    pe = col["fuel_diesel [t]"] * COEF_DIESEL + EF_RES * col["generation [MWh]"]
    first = np.array([r["start"] < "2024-07-01" for r in rows])
    r = compute(load_project(DATA / "example.toml"))
    for p, mask in zip(r.periods, (first, ~first), strict=True):
        np.testing.assert_allclose(p.values["baseline_emissions"], be[mask].sum(), rtol=RTOL)
        np.testing.assert_allclose(p.values["project_emissions"], pe[mask].sum(), rtol=RTOL)
        np.testing.assert_allclose(p.values["emission_reductions"], (be - pe)[mask].sum(),
                                   rtol=RTOL)
        assert p.values["leakage_emissions"] == 0.0


def test_wind_uses_075_025_and_no_reservoir_term(tmp_path):
    rows = list(csv.reader((DATA / "example_monitoring.csv").read_text("utf-8").splitlines()))
    keep = [i for i, h in enumerate(rows[0]) if not h.startswith("generation")]
    with (tmp_path / "wind.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([[row[i] for i in keep] for row in rows])
    data = read_project_file(DATA / "example.toml")
    data["inputs"] = {"technology": "wind", "installed_capacity": "30 MW",
                      "project_type": "greenfield", "grid_connected": True,
                      "fuels": data["inputs"]["fuels"]}
    data["monitoring"]["csv"] = "wind.csv"  # beside the project: its folder is tmp_path
    r = compute(project_from_dict(data, base_dir=tmp_path))
    d = _rows()
    net = sum(float(x["export [MWh]"]) - float(x["import [MWh]"]) for x in d)
    fuel = sum(float(x["fuel_diesel [t]"]) for x in d)
    np.testing.assert_allclose(r.totals["baseline_emissions"], net * (0.75 * 0.85 + 0.25 * 0.35),
                               rtol=RTOL)
    np.testing.assert_allclose(r.totals["project_emissions"], fuel * COEF_DIESEL, rtol=RTOL)


def test_second_crediting_period_uses_025_075_for_hydro():
    # TOOL07 v07.0 para. 86(b): other projects 0.25/0.75 in the second and third periods
    data = read_project_file(DATA / "example.toml")
    data["inputs"]["crediting_period"] = 2
    r = compute(project_from_dict(data, base_dir=DATA))
    first = compute(load_project(DATA / "example.toml"))
    scale = (0.25 * 0.85 + 0.75 * 0.35) / CM
    np.testing.assert_allclose(r.totals["baseline_emissions"],
                               first.totals["baseline_emissions"] * scale, rtol=RTOL)
    data["inputs"]["crediting_period"] = 4
    with pytest.raises(InputError, match=r"inputs.crediting_period"):
        project_from_dict(data, base_dir=DATA)


def test_missing_grid_factors_are_refused():
    data = read_project_file(DATA / "example.toml")
    del data["parameters"]
    with pytest.raises(InputError, match=r"parameters.grid_om_factor: .*has no default"):
        compute(project_from_dict(data, base_dir=DATA))


def test_trail_records_project_fuel_values():
    r = compute(load_project(DATA / "example.toml"))
    entry = r.trail.find("TOOL03 (4)")[0]
    assert [i.origin for i in entry.inputs] == ["project", "project"]
    assert entry.inputs[0].ref == "project file, inputs.fuels.diesel.ncv"


def test_ncv_in_wrong_unit_is_refused_at_load():
    data = read_project_file(DATA / "example.toml")
    data["inputs"]["fuels"]["diesel"]["ncv"] = "43.0 GJ"
    with pytest.raises(UnitError, match=r"inputs.fuels.diesel.ncv: net calorific value in a wrong"):
        project_from_dict(data, base_dir=DATA)
