"""Bad input to a sink plug-in: every refusal of issue 10 names the file and the CSV line.

The AR-ACM0003 example is copied to a temporary folder and one file or field is broken per
test; loading (or computing) must stop with an InputError naming where the problem is.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import InputError

EXAMPLE = Path(__file__).resolve().parents[1] / "methodologies" / "ar_acm0003" / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dest = tmp_path / "p"
    shutil.copytree(EXAMPLE, dest)
    return dest


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def _line(path: Path, prefix: str) -> int:
    """1-based line of the first line starting with ``prefix``."""
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if ln.startswith(prefix))


def _load(folder: Path) -> object:
    return load_project(folder / "example.toml")


def test_plot_in_no_stratum(folder: Path) -> None:
    _edit(folder / "plots_2018.csv", "S2-P03,S2,", "S2-P03,S9,")
    n = _line(folder / "plots_2018.csv", "S2-P03")
    with pytest.raises(InputError, match=rf"plots_2018.csv: line {n}, column stratum: plot in "
                                         r"no stratum.*S9"):
        _load(folder)


def test_stratum_with_fewer_than_two_plots(folder: Path) -> None:
    text = (folder / "plots_2018.csv").read_text("utf-8")
    keep = [ln for ln in text.splitlines() if not re.match(r"S3-P0[2-8],", ln)]
    (folder / "plots_2018.csv").write_text("\n".join(keep) + "\n", "utf-8")
    trees = (folder / "trees_2018.csv").read_text("utf-8").splitlines()
    (folder / "trees_2018.csv").write_text(
        "\n".join(ln for ln in trees if not re.match(r"S3-P0[2-8],", ln)) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"strata.csv: line 5: stratum has fewer than two "
                                         r"sample plots.*1"):
        _load(folder)


@pytest.mark.parametrize(("file", "old", "new", "pattern"), [
    ("trees_2018.csv", "S1-P01,example_conifer,", "S1-P01,example_conifer,-",
     r"trees_2018.csv: line 3: diameter must be positive"),
    ("plots_2023.csv", "S1-P02,S1,400,", "S1-P02,S1,0,",
     r"plots_2023.csv: line 4: plot area must be positive"),
    ("strata.csv", "S2,100", "S2,0", r"strata.csv: line 4: stratum area must be positive"),
])
def test_negative_or_zero_sizes(folder: Path, file: str, old: str, new: str,
                                pattern: str) -> None:
    _edit(folder / file, old, new)
    with pytest.raises(InputError, match=pattern):
        _load(folder)


def test_zero_height_names_its_line(folder: Path) -> None:
    lines = (folder / "trees_2023.csv").read_text("utf-8").splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("S1-P01,"))
    cells = lines[k].split(",")
    cells[3] = "0"
    lines[k] = ",".join(cells)
    (folder / "trees_2023.csv").write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError, match=rf"trees_2023.csv: line {k + 1}: height must be "
                                         r"positive"):
        _load(folder)


def test_plot_areas_past_their_stratum(folder: Path) -> None:
    _edit(folder / "strata.csv", "S1,80", "S1,0.3")
    _edit(folder / "strata.csv", "S2,100", "S2,179.7")
    with pytest.raises(InputError, match=r"strata.csv: line 3: plot areas sum past the stratum "
                                         r"area.*0.32 ha of plots"):
        _load(folder)


def test_strata_not_adding_up_to_the_project_area(folder: Path) -> None:
    _edit(folder / "example.toml", 'project_area = "250 ha"', 'project_area = "260 ha"')
    with pytest.raises(InputError, match=r"strata.csv: strata areas do not add up to the "
                                         r"project area.*250 ha.*260 ha"):
        _load(folder)


def test_unknown_species(folder: Path) -> None:
    _edit(folder / "trees_2023.csv", "S2-P01,example_broadleaf,", "S2-P01,Pinus massoniana,")
    n = _line(folder / "trees_2023.csv", "S2-P01,Pinus")
    with pytest.raises(InputError, match=rf"trees_2023.csv: line {n}: species has no "
                                         r"parameters.*Pinus massoniana"):
        _load(folder)


def test_diameter_outside_the_model_range(folder: Path) -> None:
    _edit(folder / "trees_2023.csv", "S2-P01,example_broadleaf,", "S2-P01,example_broadleaf,9")
    n = _line(folder / "trees_2023.csv", "S2-P01,")
    with pytest.raises(InputError, match=rf"trees_2023.csv: line {n}: diameter outside the "
                                         r"valid range.*example_power_agb"):
        _load(folder)


def test_measurements_out_of_order(folder: Path) -> None:
    text = (folder / "plots_2023.csv").read_text("utf-8").replace("2023-10-", "2018-10-")
    (folder / "plots_2023.csv").write_text(text.replace("2018-10-31", "2018-10-30"), "utf-8")
    with pytest.raises(InputError, match=r"plots_2023.csv: line \d+: measurement dates out of "
                                         r"order.*2018-10-30.*after the previous estimate "
                                         r"2018-10-31"):
        _load(folder)


def test_a_remeasured_plot_measured_before_its_previous_measurement(folder: Path) -> None:
    _edit(folder / "plots_2023.csv", "S1-P01,S1,400,2023-10-27", "S1-P01,S1,400,2018-10-01")
    with pytest.raises(InputError, match=r"plots_2023.csv: line 3: measurement dates out of "
                                         r"order.*2018-10-01.*previous measurement 2018-10-27"):
        _load(folder)


def test_measurement_after_the_last_period(folder: Path) -> None:
    _edit(folder / "example.toml", "end = 2023-10-31", "end = 2023-10-30")
    n = _line(folder / "plots_2023.csv", "S1-P01")
    with pytest.raises(InputError, match=r"plots_2023.csv: line \d+: measurement date after "
                                         r"the end of the period"):
        _load(folder)
    assert n == 3


def test_periods_must_end_on_an_estimate(folder: Path) -> None:
    _edit(folder / "example.toml", "end = 2018-10-31", "end = 2018-12-31")
    _edit(folder / "example.toml", "start = 2018-11-01", "start = 2019-01-01")
    with pytest.raises(InputError, match=r"monitoring.periods\[0\]: a monitoring period must "
                                         r"end on the date of a stock estimate.*2018-10-31"):
        _load(folder)


def test_shrubs_at_some_estimates_only(folder: Path) -> None:
    _edit(folder / "example.toml", 'shrubs = "shrubs_2018.csv"\n', "")
    with pytest.raises(InputError, match=r"inputs.measurements\[0\].shrubs: shrub strata are "
                                         r"measured at some estimates and not at others"):
        _load(folder)


def test_shrub_strata_not_adding_up(folder: Path) -> None:
    _edit(folder / "shrubs_2023.csv", "H0,190", "H0,180")
    with pytest.raises(InputError, match=r"shrubs_2023.csv: shrub strata do not add up to the "
                                         r"project area"):
        _load(folder)


def test_zero_initial_stock_needs_the_para_11_conditions(folder: Path) -> None:
    _edit(folder / "example.toml", "pre_project_trees_not_damaged = true",
          "pre_project_trees_not_damaged = false")
    with pytest.raises(InputError, match=r"inputs.initial: the initial tree stock is zero only "
                                         r"under AR-TOOL14 v04.2 para. 11.*condition\(s\) b"):
        _load(folder)


def test_files_outside_the_project_folder_are_refused(folder: Path) -> None:
    shutil.copy(folder / "strata.csv", folder.parent / "strata.csv")
    _edit(folder / "example.toml", 'strata = "strata.csv"', 'strata = "../strata.csv"')
    with pytest.raises(InputError, match=r"inputs.strata: the file lies outside the project's "
                                         r"folder"):
        _load(folder)


def test_a_forest_fire_stated_without_its_rows_is_refused_not_counted_as_zero(
        folder: Path) -> None:
    _edit(folder / "example.toml", "forest_fire = false", "forest_fire = true")
    with pytest.raises(InputError, match=r"inputs.forest_fire: forest_fire is stated but no "
                                         r"event is listed.*\[\[inputs.forest_fires\]\] rows"):
        _load(folder)


def test_the_inventory_files_are_in_the_fingerprint(folder: Path) -> None:
    before = compute(_load(folder))
    _edit(folder / "trees_2023.csv", "S1-P01,example_conifer,1", "S1-P01,example_conifer,2")
    after = compute(_load(folder))
    assert before.fingerprint != after.fingerprint
    assert before.totals["emission_reductions"] != after.totals["emission_reductions"]


def test_the_example_names_only_files_it_bundles() -> None:
    project = tomllib.loads((EXAMPLE / "example.toml").read_text("utf-8"))
    names = [project["inputs"][k] for k in ("strata", "species")]
    names += [m[k] for m in project["inputs"]["measurements"] for k in ("plots", "trees",
                                                                         "shrubs")]
    assert all((EXAMPLE / n).is_file() for n in names)
