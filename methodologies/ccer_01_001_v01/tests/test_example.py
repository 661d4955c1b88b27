"""End-to-end: the bundled example against a hand computation from its own data.

The example is illustrative (no published CSP monitoring report was available offline), so the
oracle is the printed formulas applied by hand to the CSV: CCER-01-001-V01 §6.3 eq. (1)-(3),
§6.4 eq. (4)-(5), §6.6 eq. (6), §7.3.4 meter correction. Same algebra in another order: rtol 1e-12.
"""

import csv
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import DataNotFound, InputError, UnitError
from ccer_calc.io.projectfile import read_project_file

DATA = Path(__file__).resolve().parents[1] / "data"
RTOL = 1e-12
MPE = {"export": 0.005, "import": 0.005, "fuel_diesel": 0.01, "fuel_natural_gas": 0.02}
# 2019 MEE edition, 西北 grid (latest edition at or before 2024 and 2025 in the bundled table)
CM = 0.5 * 0.8922 + 0.5 * 0.4407
COEF_DIESEL = 42.652 * 0.0202 * 0.98 * 44 / 12       # table defaults (unverified)
COEF_GAS = 385.2 * 0.0153 * 0.99 * 44 / 12           # measured NCV from example.toml


def _hand() -> dict[str, np.ndarray]:
    rows = list(csv.DictReader((DATA / "example_monitoring.csv").read_text("utf-8").splitlines()))

    def col(name: str, sign: int) -> np.ndarray:
        out = []
        for r in rows:
            v = float(r[next(k for k in r if k.startswith(name + " ["))])
            status = r[f"{name}_meter"]
            e = {"ok": 0.0, "uncalibrated": MPE[name],
                 "out_of_tolerance": abs(float(r[f"{name}_meter_error [%]"] or 0)) / 100}[status]
            out.append(v * (1 + sign * e))
        return np.array(out)

    net = col("export", -1) - col("import", +1)
    pe = col("fuel_diesel", +1) * COEF_DIESEL + col("fuel_natural_gas", +1) * COEF_GAS
    be = net * CM
    return {"be": be, "pe": pe, "er": be - pe,
            "year": np.array([int(r["start"][:4]) for r in rows])}


def test_totals_equal_hand_computation():
    hand = _hand()
    r = compute(load_project(DATA / "example.toml"))
    mp1, mp2 = r.periods
    for p, mask in ((mp1, hand["year"] == 2024), (mp2, hand["year"] == 2025)):
        np.testing.assert_allclose(p.values["baseline_emissions"], hand["be"][mask].sum(),
                                   rtol=RTOL)
        np.testing.assert_allclose(p.values["project_emissions"], hand["pe"][mask].sum(),
                                   rtol=RTOL)
        np.testing.assert_allclose(p.values["emission_reductions"], hand["er"][mask].sum(),
                                   rtol=RTOL)
        assert p.values["leakage_emissions"] == 0.0


def test_trail_says_which_fuel_values_were_defaults_and_which_measured():
    r = compute(load_project(DATA / "example.toml"))
    c5 = r.trail.find("(5)")
    by_fuel = {e.instance: e for e in c5}
    assert [i.origin for i in by_fuel["diesel"].inputs] == ["default", "default", "default"]
    assert [i.origin for i in by_fuel["natural_gas"].inputs] == ["project", "default", "default"]


def _data(**inputs):
    data = read_project_file(DATA / "example.toml")
    data["inputs"].update(inputs)
    return data


def test_unknown_fuel_without_override_is_refused_naming_known_fuels():
    with pytest.raises(DataNotFound, match=r"unknown fuel 'biogas'.*anthracite.*diesel"):
        project_from_dict(_data(fuels=["diesel", "natural_gas", "biogas"]), base_dir=DATA)


def test_ncv_in_wrong_unit_is_refused():
    with pytest.raises(UnitError, match=r"inputs.fuel_properties.natural_gas.ncv: wrong unit"):
        # a plausible NCV per mass (385.2 GJ/t is now refused as implausible first, #14 audit
        # item 5), but natural gas is metered in 万Nm3
        project_from_dict(_data(fuel_properties={"natural_gas": {"ncv": "48.0 GJ/t"}}),
                          base_dir=DATA)


def test_grid_year_without_bundled_edition_is_refused():
    # without the project's OM/BM, 2024 needs the 2024 edition, which is not bundled (#11)
    data = _data()
    del data["parameters"]
    p = project_from_dict(data, base_dir=DATA)
    with pytest.raises(DataNotFound, match=r"selected for year 2024 is 2024 .* not bundled"):
        compute(p)


def test_fuel_key_must_be_a_column_name():
    with pytest.raises(InputError, match=r"inputs.fuels: .*must be lower-case"):
        project_from_dict(_data(fuels=["Natural Gas"]), base_dir=DATA)


def test_properties_for_an_unlisted_fuel_are_refused():
    with pytest.raises(InputError,
                       match=r"inputs.fuel_properties: .*not in fuels: \['natural_gas'\]"):
        project_from_dict(_data(fuels=["diesel"]), base_dir=DATA)


def test_no_fuel_gives_zero_project_emissions(tmp_path):
    rows = list(csv.reader((DATA / "example_monitoring.csv").read_text("utf-8").splitlines()))
    keep = [i for i, h in enumerate(rows[0]) if not h.startswith("fuel_")]
    with (tmp_path / "no_fuel.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([[r[i] for i in keep] for r in rows])
    data = _data(fuels=[], fuel_properties={})
    data["monitoring"]["csv"] = "no_fuel.csv"  # beside the project: its folder is tmp_path
    data["monitoring"]["meters"] = {k: v for k, v in data["monitoring"]["meters"].items()
                                    if not k.startswith("fuel_")}
    r = compute(project_from_dict(data, base_dir=tmp_path))
    assert r.totals["project_emissions"] == 0.0
    np.testing.assert_allclose(r.totals["emission_reductions"], _hand()["be"].sum(), rtol=RTOL)
