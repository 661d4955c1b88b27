"""Inputs whose meaning used to change silently are refused with a clear error.

Issue #14, item 8: a repeated CSV column (the last one won), ``{value = true}`` read as 1, an
empty ``_meter_error`` column with a wrong unit, applicability flags that defaulted to true,
numbers read as dates (seconds since 1970), and construction or grid connection dated after
monitoring had started.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import load_project
from ccer_calc.errors import InputError, UnitError

WriteProject = Callable[..., Path]
ACM = Path(__file__).parents[1] / "methodologies" / "acm0002" / "data"
CSP = Path(__file__).parents[1] / "methodologies" / "ccer_01_001_v01" / "data"


def test_repeated_csv_column_is_refused(write_project: WriteProject,
                                        example_csv_lines: list[str]) -> None:
    lines = [line + "," + line.split(",")[2] for line in example_csv_lines]
    assert lines[0].endswith(",export [MWh]")
    with pytest.raises(InputError, match=r"example_monitoring.csv: line 1: a column "
                                         r"appears twice \(cells 3 and 9\).*got 'export'"):
        load_project(write_project(csv_lines=lines))


def test_a_long_repeated_column_name_is_echoed_capped(write_project: WriteProject,
                                                      example_csv_lines: list[str]) -> None:
    # issue 14 item 10: a received value is echoed at most 80 characters long
    name = "x" * 500
    lines = [line + ",1,1" for line in example_csv_lines]
    lines[0] = lines[0].rsplit(",", 2)[0] + f",{name} [MWh],{name} [MWh]"
    with pytest.raises(InputError) as err:
        load_project(write_project(csv_lines=lines))
    assert "appears twice" in str(err.value)
    assert name not in str(err.value) and len(str(err.value)) < 300


@pytest.mark.parametrize("where", ["parameter", "inline", "input"])
def test_truth_value_is_not_a_number(write_project: WriteProject, example_data: dict[str, Any],
                                     where: str) -> None:
    if where == "parameter":
        example_data["parameters"] = {"grid_om_factor": {"value": True, "unit": "t CO2/MWh"},
                                      "grid_bm_factor": "0.2 t CO2/MWh"}
    elif where == "input":
        example_data["inputs"]["installed_capacity"] = {"value": True, "unit": "MW"}
    else:
        example_data["monitoring"].pop("csv")
        example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                                  "end": "2024-01-31"}]
        example_data["monitoring"]["data"] = [{"start": "2024-01-01", "end": "2024-01-31",
                                               "export": {"value": True, "unit": "MWh"},
                                               "import": "0 MWh"}]
    with pytest.raises(InputError, match="is a truth value, not a number"):
        load_project(write_project(example_data))


def test_truth_value_is_not_a_year(write_project: WriteProject,
                                   example_data: dict[str, Any]) -> None:
    example_data["ex_ante"] = [{"year": 2024.0, "emission_reductions": "1 t CO2e"}]
    with pytest.raises(InputError, match=r"ex_ante\[0\].year"):
        load_project(write_project(example_data))


@pytest.mark.parametrize("unit", ["MWh", "t", "kWh/h", "nonsense"])
def test_empty_meter_error_column_with_a_wrong_unit(write_project: WriteProject,
                                                    example_csv_lines: list[str],
                                                    unit: str) -> None:
    lines = list(example_csv_lines)
    lines = [line.replace("import_meter_error [%]", f"import_meter_error [{unit}]")
             for line in lines]
    assert all(line.split(",")[7] == "" for line in lines[1:])  # the column is empty
    with pytest.raises(UnitError, match=r"line 1, column import_meter_error: a meter error "
                                        r"must be stated in %"):
        load_project(write_project(csv_lines=lines))


def test_meter_error_without_a_unit_is_an_input_error(write_project: WriteProject,
                                                      example_data: dict[str, Any]) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                              "end": "2024-01-31"}]
    example_data["monitoring"]["data"] = [{"start": "2024-01-01", "end": "2024-01-31",
                                           "export": "100 MWh", "import": "0 MWh",
                                           "export_meter": "out_of_tolerance",
                                           "export_meter_error": 0.8}]
    with pytest.raises(InputError, match=r"monitoring.data\[0\].export_meter_error: the number "
                                         r"0.8 has no unit"):
        load_project(write_project(example_data))


def test_meter_error_header_without_a_unit(write_project: WriteProject,
                                           example_csv_lines: list[str]) -> None:
    lines = [line.replace("export_meter_error [%]", "export_meter_error")
             for line in example_csv_lines]
    with pytest.raises(UnitError, match=r"a meter error must be stated in % \(got '\(no unit\)'"):
        load_project(write_project(csv_lines=lines))


@pytest.mark.parametrize(("folder", "flag"), [
    (None, "offshore"), (None, "grid_connected"),
    (CSP, "grid_connected"), (CSP, "csp_plus"),
    (ACM, "grid_connected"), (ACM, "project_type"),
])
def test_applicability_flags_must_be_stated(write_project: WriteProject, tmp_path: Path,
                                            folder: Path | None, flag: str) -> None:
    import tomllib  # noqa: PLC0415

    if folder is None:
        path = write_project()
        data = tomllib.loads(Path(__file__).parents[1].joinpath(
            "methodologies/ccer_01_002_v01/data/example.toml").read_text("utf-8"))
    else:
        data = tomllib.loads((folder / "example.toml").read_text("utf-8"))
        (tmp_path / "example_monitoring.csv").write_bytes(
            (folder / "example_monitoring.csv").read_bytes())
    assert flag in data["inputs"]  # the bundled example states it
    del data["inputs"][flag]
    path = write_project(data, csv_lines=None if folder is None else
                         (folder / "example_monitoring.csv").read_text("utf-8").splitlines())
    with pytest.raises(InputError, match=f"inputs.{flag}: Field required"):
        load_project(path)


def test_csp_plus_must_state_its_metering(tmp_path: Path) -> None:
    for name in ("example.toml", "example_monitoring.csv"):
        (tmp_path / name).write_bytes((CSP / name).read_bytes())
    path = tmp_path / "example.toml"
    path.write_text(path.read_text("utf-8").replace("csp_plus = false", "csp_plus = true"),
                    "utf-8")
    with pytest.raises(InputError, match="inputs.csp_export_metered_separately: a 光热\\+ "
                                         "project must state"):
        load_project(path)


def test_hydro_must_state_its_reservoir(tmp_path: Path) -> None:
    for name in ("example.toml", "example_monitoring.csv"):
        (tmp_path / name).write_bytes((ACM / name).read_bytes())
    path = tmp_path / "example.toml"
    text = path.read_text("utf-8")
    assert "reservoir = true\n" in text
    path.write_text(text.replace("reservoir = true\n", ""), "utf-8")
    with pytest.raises(InputError, match="inputs.reservoir: a hydro plant must state"):
        load_project(path)


@pytest.mark.parametrize("raw", [20240101, 1704067200, "20240101", "2024-01-01T00:00:00", True])
def test_numbers_are_not_dates(write_project: WriteProject, example_data: dict[str, Any],
                               raw: Any) -> None:
    example_data["monitoring"]["periods"][0]["start"] = raw
    with pytest.raises(InputError, match=r"monitoring.periods\[0\].start: .*is not a date"):
        load_project(write_project(example_data))


def test_numbers_are_not_dates_in_key_dates(write_project: WriteProject,
                                            example_data: dict[str, Any]) -> None:
    example_data["dates"]["construction_start"] = 1614556800  # 2021-03-01 in seconds
    with pytest.raises(InputError, match="dates.construction_start: the number 1614556800 is "
                                         "not a date"):
        load_project(write_project(example_data))


def test_numbers_are_not_dates_in_inline_rows(write_project: WriteProject,
                                              example_data: dict[str, Any]) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                              "end": "2024-01-31"}]
    example_data["monitoring"]["data"] = [{"start": 20240101, "end": "2024-01-31",
                                           "export": "100 MWh", "import": "0 MWh"}]
    with pytest.raises(InputError, match=r"monitoring.data\[0\].start: not a date"):
        load_project(write_project(example_data))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("construction_start", "2024-01-02", "construction start is dated after monitoring starts"),
    ("grid_connection", "2024-02-01", "grid connection is dated after monitoring starts"),
    ("grid_connection", "2021-02-28", "grid connection is dated before construction starts"),
])
def test_key_dates_after_monitoring_are_refused(write_project: WriteProject,
                                                example_data: dict[str, Any], field: str,
                                                value: str, message: str) -> None:
    example_data["dates"][field] = value
    with pytest.raises(InputError, match=message) as info:
        load_project(write_project(example_data))
    assert info.value.field == f"dates.{field}"


@pytest.mark.parametrize("name", ["two\nlines", "tab\there"])
def test_names_are_one_line(write_project: WriteProject, example_data: dict[str, Any],
                            name: str) -> None:
    example_data["name"] = name
    with pytest.raises(InputError, match="name: a name is one line of text"):
        load_project(write_project(example_data))


@pytest.mark.parametrize("text", ["bell\x07", "nul\x00", "esc\x1b[31m", "lone \ud800"])
def test_control_characters_are_refused_anywhere(write_project: WriteProject,
                                                 example_data: dict[str, Any],
                                                 text: str) -> None:
    example_data["owner"] = text
    import json  # noqa: PLC0415

    path = write_project()  # the CSV beside it
    path.write_text(json.dumps(example_data, default=str), "utf-8")  # ASCII escapes survive
    with pytest.raises(InputError, match="owner: control character"):
        load_project(path)


def test_repeated_json_key_is_refused(write_project: WriteProject) -> None:
    path = write_project()
    text = path.read_text("utf-8")
    assert text.startswith('{"name": ')
    path.write_text('{"name": "first", ' + text[1:], "utf-8")  # JSON would keep the second
    with pytest.raises(InputError, match="a key appears twice in one object .*got 'name'"):
        load_project(path)


# --- issue #14 audit, item 3: a meter error in any dimensionless unit but % ----------------
# With ``export_meter_error []`` the example's -0.8 read as -80 % and ER fell from 740,645 to
# 716,413 t with exit 0. Only % (or percent) is a meter error's unit now, on every route.

OTHER_DIMENSIONLESS = ["", "1", "ppm", "permille", "dimensionless"]


@pytest.mark.parametrize("unit", OTHER_DIMENSIONLESS)
def test_meter_error_column_in_another_dimensionless_unit(write_project: WriteProject,
                                                          example_csv_lines: list[str],
                                                          unit: str) -> None:
    lines = [line.replace("export_meter_error [%]", f"export_meter_error [{unit}]")
             for line in example_csv_lines]
    with pytest.raises(UnitError, match=r"line 1, column export_meter_error: a meter error "
                                        rf"must be stated in % \(got '{unit}'; expected '%' "
                                        r"\(or 'percent'\)"):
        load_project(write_project(csv_lines=lines))


def test_meter_error_column_in_percent_spelled_out(write_project: WriteProject,
                                                   example_csv_lines: list[str]) -> None:
    from ccer_calc.api import compute  # noqa: PLC0415

    lines = [line.replace("export_meter_error [%]", "export_meter_error [percent]")
             for line in example_csv_lines]
    same = compute(load_project(write_project(csv_lines=example_csv_lines)))
    spelled = compute(load_project(write_project(csv_lines=lines)))
    assert spelled.totals == same.totals


@pytest.mark.parametrize("cell", ["-0.8 ppm", "-0.008 1", {"value": -0.8, "unit": "permille"},
                                  {"value": -0.008, "unit": "dimensionless"}])
def test_inline_meter_error_in_another_dimensionless_unit(write_project: WriteProject,
                                                          example_data: dict[str, Any],
                                                          cell: Any) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                              "end": "2024-01-31"}]
    example_data["monitoring"]["data"] = [{"start": "2024-01-01", "end": "2024-01-31",
                                           "export": "100 MWh", "import": "0 MWh",
                                           "export_meter": "out_of_tolerance",
                                           "export_meter_error": cell}]
    with pytest.raises(UnitError, match=r"monitoring.data\[0\].export_meter_error: a meter "
                                        r"error must be stated in %"):
        load_project(write_project(example_data))


@pytest.mark.parametrize("unit", ["", "ppm"])
def test_excel_meter_error_column_in_another_dimensionless_unit(unit: str) -> None:
    from ccer_calc.api import get_methodology  # noqa: PLC0415
    from ccer_calc.io.table import table_from_cells  # noqa: PLC0415 - the Excel route's cells

    columns = get_methodology("CCER-01-002-V01").monitored_columns
    header = ["start", "end", "export [MWh]", "import [MWh]", "export_meter",
              f"export_meter_error [{unit}]"]
    rows = [(2, ["2024-01-01", "2024-01-31", 100.0, 0.0, "out_of_tolerance", -0.8])]
    with pytest.raises(UnitError, match=r"data.xlsx, sheet 'S': line 1, column "
                                        r"export_meter_error: a meter error must be stated in %"):
        table_from_cells(header, rows, columns, origin="data.xlsx, sheet 'S'")


def test_array_meter_error_as_a_plain_fraction_is_refused(example_data: dict[str, Any]) -> None:
    from ccer_calc.api import project_from_dict  # noqa: PLC0415
    from ccer_calc.units import Quantity  # noqa: PLC0415

    arrays = {"start": np.array(["2024-01-01"], dtype="datetime64[D]"),
              "end": np.array(["2024-01-31"], dtype="datetime64[D]"),
              "export": Quantity(np.array([100.0]), "MWh"),
              "import": Quantity(np.array([0.0]), "MWh"),
              "export_meter": np.array(["out_of_tolerance"]),
              "export_meter_error": Quantity(np.array([-0.008]), "dimensionless")}
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["periods"] = [{"id": "P", "start": "2024-01-01",
                                              "end": "2024-01-31"}]
    with pytest.raises(UnitError, match=r"column export_meter_error: a meter error must be "
                                        r"stated in %"):
        project_from_dict(example_data, monitoring=arrays)
