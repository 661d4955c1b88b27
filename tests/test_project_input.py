"""Bad input through load_project (and compute, for the date and applicability rules).

Every case starts from a copy of the offshore-wind example and changes one thing; each must
raise the right CcerError subclass with a message naming the field, the value received and
what was expected.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import (
    ApplicabilityError,
    CcerError,
    InputError,
    MethodologyNotFound,
    UnitError,
)

WriteProject = Callable[..., Path]


def _csv_with(lines: list[str], line: int, old: str, new: str) -> list[str]:
    out = list(lines)
    assert old in out[line]
    out[line] = out[line].replace(old, new, 1)
    return out


def test_example_loads_from_toml_and_json(
    tmp_path: Path, example_dir: Path, write_project: WriteProject
) -> None:
    shutil.copy(example_dir / "example.toml", tmp_path / "example.toml")
    shutil.copy(example_dir / "example_monitoring.csv", tmp_path / "example_monitoring.csv")
    from_toml = load_project(tmp_path / "example.toml")
    from_json = load_project(write_project())
    assert from_toml.methodology_id == "CCER-01-002-V01"
    assert from_toml.canonical() == from_json.canonical()
    assert len(from_toml.table) == 18


# --- parameters --------------------------------------------------------------------------

def test_parameter_without_unit(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8", "grid_bm_factor": "0.2 t CO2/MWh"}
    with pytest.raises(InputError, match=r"parameters.grid_om_factor: '0.8' has no unit.*"
                                         r"\(got '0.8'\)"):
        load_project(write_project(example_data))


def test_parameter_bare_number(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["parameters"] = {"grid_om_factor": 0.8, "grid_bm_factor": "0.2 t CO2/MWh"}
    with pytest.raises(InputError, match=r"parameters.grid_om_factor: the number 0.8 has no "
                                         "unit"):
        load_project(write_project(example_data))


def test_parameter_of_wrong_dimension(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    example_data["parameters"] = {"grid_om_factor": "0.8 kWh", "grid_bm_factor": "0.2 t CO2/MWh"}
    with pytest.raises(UnitError, match=r"parameters.grid_om_factor: wrong unit \(got 'kWh'; "
                                        r"expected a unit convertible to t CO2/MWh\)") as info:
        load_project(write_project(example_data))
    assert info.value.methodology == "CCER-01-002-V01"


def test_unknown_parameter_override(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    example_data["parameters"] = {"grid_cm_factor": "0.5 t CO2/MWh"}
    with pytest.raises(InputError, match=r"parameters.grid_cm_factor: unknown parameter "
                                         r"\(got 'grid_cm_factor'; expected one of bm_weight, "
                                         r"grid_bm_factor, grid_om_factor, om_weight\)"):
        load_project(write_project(example_data))


def test_fixed_parameter_may_not_be_overridden(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    # CCER-01-002-V01 §7.1 Table 2 fixes w_OM at 0.5
    example_data["parameters"] = {"om_weight": "0.75 dimensionless"}
    with pytest.raises(InputError, match=r"parameters.om_weight: parameter w_OM is fixed by "
                                         r"the methodology .*Table 2.* may not be overridden"):
        load_project(write_project(example_data))


@pytest.mark.parametrize(("given", "missing"), [("grid_om_factor", "grid_bm_factor"),
                                                ("grid_bm_factor", "grid_om_factor")])
def test_only_one_grid_factor_overridden(
    write_project: WriteProject, example_data: dict[str, Any], given: str, missing: str
) -> None:
    example_data["parameters"] = {given: "0.8 t CO2/MWh"}
    project = load_project(write_project(example_data))
    with pytest.raises(InputError, match=rf"parameters.{missing}: override both grid factors "
                                         r"or neither \(expected grid_om_factor and "
                                         r"grid_bm_factor together\)"):
        compute(project)


# --- monitored data ------------------------------------------------------------------------

def test_negative_export(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = _csv_with(example_csv_lines, 1, "98210.4", "-98210.4")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 2, column export: "
                                         r"value out of range \(got '-98210.4 MWh'; expected a "
                                         r"value >= 0 MWh\)"):
        load_project(write_project(csv_lines=lines))


def test_import_larger_than_export_over_a_period(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    # one month's import far above the whole period's export: net delivery of MP1 < 0
    lines = _csv_with(example_csv_lines, 1, ",212.6,", ",9000000,")
    project = load_project(write_project(csv_lines=lines))
    with pytest.raises(InputError, match=r"monitoring period MP1: electricity imported exceeds "
                                         r"electricity exported over the period \(got "
                                         r"'-[0-9.]+ MWh net'; expected net delivery"):
        compute(project)


def test_import_larger_than_export_in_one_month_only_is_accepted(
    write_project: WriteProject, example_csv_lines: list[str], example_rows: list[dict[str, str]]
) -> None:
    # the check is per period: one calm month with net import does not fail the period
    lines = _csv_with(example_csv_lines, 1, ",212.6,", ",100000,")
    assert float(example_rows[0]["export [MWh]"]) < 100000
    result = compute(load_project(write_project(csv_lines=lines)))
    assert result.periods[0].values["emission_reductions"] > 0


def test_periods_overlapping(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["periods"][1]["start"] = "2024-09-30"
    with pytest.raises(InputError, match=r"monitoring.periods\[1\]: periods overlap or are out "
                                         r"of order \(got '2024-09-30..2025-06-30'; expected a "
                                         r"start after 2024-09-30 \(end of period 'MP1'\)\)"):
        load_project(write_project(example_data))


def test_periods_out_of_order(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["periods"].reverse()
    with pytest.raises(InputError, match=r"monitoring.periods\[1\]: periods overlap or are out "
                                         r"of order \(got '2024-01-01..2024-09-30'; expected a "
                                         r"start after 2025-06-30 \(end of period 'MP2'\)\)"):
        load_project(write_project(example_data))


def test_missing_month_in_csv(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = [ln for ln in example_csv_lines if not ln.startswith("2024-05-01")]
    project = load_project(write_project(csv_lines=lines))
    with pytest.raises(InputError, match=r"monitoring.periods\[0\]: monitoring data do not "
                                         r"cover the whole period \(got 'MP1: 2024-01-01.."
                                         r"2024-09-30'.*no missing month"):
        compute(project)


# --- dates and management-measure rules (checked at compute) --------------------------------

def test_construction_before_cutoff(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    example_data["dates"]["construction_start"] = "2012-11-07"
    project = load_project(write_project(example_data))
    with pytest.raises(ApplicabilityError, match=r"construction_after_2012_11_08 failed: "
                                                 r"construction started 2012-11-07; must be "
                                                 r"after 2012-11-08 \(.*art. 10\)"):
        compute(project)


def test_reductions_before_cutoff(
    write_project: WriteProject, example_data: dict[str, Any], example_csv_lines: list[str]
) -> None:
    d = example_data["dates"]
    d["crediting_period_start"], d["crediting_period_end"] = "2020-09-01", "2030-08-31"
    del d["application_date"]
    d["construction_start"], d["grid_connection"] = "2019-03-01", "2020-06-30"
    example_data["monitoring"]["periods"][0]["start"] = "2020-09-22"
    lines = _csv_with(example_csv_lines, 1, "2024-01-01,", "2020-09-22,")
    project = load_project(write_project(example_data, csv_lines=lines))
    with pytest.raises(ApplicabilityError, match=r"reductions_after_2020_09_22 failed: first "
                                                 r"monitored day 2020-09-22; reductions must be "
                                                 r"generated after 2020-09-22") as info:
        compute(project)
    assert "construction_after" not in str(info.value)  # only the failed rule is listed


def test_crediting_period_longer_than_ten_years(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    # CCER-01-002-V01 §5.2: at most 10 years; 2024-01-01 + 10 years - 1 day = 2033-12-31
    example_data["dates"]["crediting_period_end"] = "2034-01-01"
    project = load_project(write_project(example_data))
    with pytest.raises(ApplicabilityError, match=r"crediting_period_at_most_10_years failed: "
                                                 r"crediting period ends 2034-01-01; at most 10 "
                                                 r"years allows 2033-12-31"):
        compute(project)


def test_five_year_look_back(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["dates"]["application_date"] = "2029-10-01"
    project = load_project(write_project(example_data))
    with pytest.raises(ApplicabilityError, match=r"five_year_lookback failed: instalment "
                                                 r"applied for on 2029-10-01 may cover "
                                                 r"2024-10-01..2029-10-01; monitoring covers "
                                                 r"2024-01-01..2025-06-30"):
        compute(project)


# --- methodology and file formats -----------------------------------------------------------

def test_unknown_methodology(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["methodology"] = "CCER-99-999-V01"
    with pytest.raises(MethodologyNotFound, match=r"methodology: unknown methodology \(got "
                                                  r"'CCER-99-999-V01'; expected one of .*"
                                                  r"CCER-01-002-V01"):
        load_project(write_project(example_data))


def test_missing_methodology(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    del example_data["methodology"]
    with pytest.raises(InputError, match="methodology: missing methodology id"):
        load_project(write_project(example_data))


def test_malformed_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('name = "x"\nmethodology = \n', "utf-8")
    with pytest.raises(InputError, match=r"bad.toml: malformed TOML: .*line 2"):
        load_project(path)


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "methodology": }', "utf-8")
    with pytest.raises(InputError, match=r"bad.json: malformed JSON: Expecting value at line 2 "
                                         "column 17"):
        load_project(path)


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_text("name: x\n", "utf-8")
    with pytest.raises(InputError, match=r"project: unsupported project file type \(got "
                                         r"'project.yaml'; expected a .toml or .json file\)"):
        load_project(path)


def test_missing_project_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="project: file not found"):
        load_project(tmp_path / "nowhere.toml")


def test_csv_bad_number(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = _csv_with(example_csv_lines, 3, "88320.7", "88x320")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 4, column export: not a "
                                         r"number \(got '88x320'; expected a decimal number"):
        load_project(write_project(csv_lines=lines))


def test_csv_missing_column(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = [",".join(c for i, c in enumerate(ln.split(",")) if i != 3)
             for ln in example_csv_lines]
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 1: the monitoring data "
                                         r"lack a column \(got 'import'; expected a column "
                                         r"'import \[MWh\]'\)"):
        load_project(write_project(csv_lines=lines))


def test_csv_header_without_unit(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    lines = _csv_with(example_csv_lines, 0, "export [MWh]", "export")
    with pytest.raises(UnitError, match=r"example_monitoring.csv: line 1, column export: "
                                        r"column has no unit \(expected a header "
                                        r"'export \[MWh\]'\)"):
        load_project(write_project(csv_lines=lines))


def test_csv_header_of_wrong_dimension(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    lines = _csv_with(example_csv_lines, 0, "export [MWh]", "export [t]")
    with pytest.raises(UnitError, match=r"example_monitoring.csv: line 2, column export: "
                                        r"wrong unit \(got 't'; expected a unit convertible "
                                        r"to MWh\)"):
        load_project(write_project(csv_lines=lines))


def test_csv_wrong_number_of_cells(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    lines = _csv_with(example_csv_lines, 2, "91874.0", "91874.0,7")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 3: wrong number of "
                                         r"cells \(got 9; expected 8 cells\)"):
        load_project(write_project(csv_lines=lines))


def test_csv_missing_value(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = _csv_with(example_csv_lines, 2, "91874.0", "")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 3, column export: "
                                         r"missing monitored value \(expected a number in MWh\)"):
        load_project(write_project(csv_lines=lines))


def test_unknown_meter_status(write_project: WriteProject, example_csv_lines: list[str]) -> None:
    lines = _csv_with(example_csv_lines, 2, ",ok,,ok,", ",broken,,ok,")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 3, column "
                                         r"export_meter: unknown meter status \(got 'broken'; "
                                         r"expected one of ok, out_of_tolerance, "
                                         r"uncalibrated\)"):
        load_project(write_project(csv_lines=lines))


def test_out_of_tolerance_without_error_value(
    write_project: WriteProject, example_csv_lines: list[str]
) -> None:
    # line 9 of the CSV is the 8th data row (August 2024), export meter out of tolerance
    lines = _csv_with(example_csv_lines, 8, "out_of_tolerance,-0.8,", "out_of_tolerance,,")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 9, column "
                                         r"export_meter_error: meter found out of tolerance but "
                                         r"its basic error is missing \(expected the actual "
                                         r"basic error"):
        load_project(write_project(csv_lines=lines))


def test_uncalibrated_without_max_permissible_error(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    del example_data["monitoring"]["meters"]["import"]
    project = load_project(write_project(example_data))
    with pytest.raises(InputError, match=r"monitoring.meters.import.max_permissible_error: a "
                                         r"meter is uncalibrated but the maximum permissible "
                                         r"error of its accuracy class is not given"):
        compute(project)


def test_meter_for_unknown_column(
    write_project: WriteProject, example_data: dict[str, Any]
) -> None:
    example_data["monitoring"]["meters"]["fuel"] = {"max_permissible_error": "1 %"}
    with pytest.raises(InputError, match=r"monitoring.meters.fuel: meter given for an unknown "
                                         r"column \(expected one of export, import\)"):
        load_project(write_project(example_data))


# --- methodology inputs ---------------------------------------------------------------------

def test_unknown_grid(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["inputs"]["grid"] = "火星"
    with pytest.raises(InputError, match=r"inputs.grid: Input should be .*'南方'.* \(got "
                                         r"'火星'\)"):
        load_project(write_project(example_data))


def test_negative_distance(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["inputs"]["distance_to_shore"] = "-3 km"
    with pytest.raises(InputError, match=r"inputs.distance_to_shore: value -3 km is negative "
                                         r"\(expected a value >= 0 km\) \(got '-3 km'\)"):
        load_project(write_project(example_data))


def test_extra_top_level_key(write_project: WriteProject, example_data: dict[str, Any]) -> None:
    example_data["colour"] = "blue"
    with pytest.raises(InputError, match=r"colour: Extra inputs are not permitted \(got "
                                         r"'blue'\)"):
        load_project(write_project(example_data))


def test_every_error_is_a_ccer_error(write_project: WriteProject,
                                     example_data: dict[str, Any]) -> None:
    example_data["dates"]["construction_start"] = "not a date"
    with pytest.raises(CcerError, match=r"dates.construction_start: .*\(got 'not a date'\)"):
        load_project(write_project(example_data))
