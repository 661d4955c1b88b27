"""DataFrames and arrays (issue #13): Result.to_frames() and monitoring data handed over in
memory, without a file, under the CSV's rules (a column without a unit is refused by name)."""

from __future__ import annotations

import builtins
import csv
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pd = pytest.importorskip("pandas", reason="needs the pandas extra")

from ccer_calc.api import compute, load_project, project_from_dict  # noqa: E402
from ccer_calc.errors import CcerError, InputError, UnitError  # noqa: E402
from ccer_calc.io.sources import CsvBytes  # noqa: E402
from ccer_calc.units import Quantity  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
KEYS = ["baseline_emissions", "project_emissions", "leakage_emissions", "emission_reductions"]


@pytest.fixture(scope="module")
def by_csv() -> Any:
    return compute(load_project(DATA / "example.toml"))


def _frame() -> Any:
    """The example CSV as a DataFrame: dates, floats (Python's float()), text."""
    with (DATA / "example_monitoring.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cols: dict[str, Any] = {}
    for key in rows[0]:
        raw = [r[key] for r in rows]
        if key in ("start", "end"):
            cols[key] = pd.to_datetime(raw)
        elif "[" in key:
            cols[key] = [float(x) if x else np.nan for x in raw]
        else:
            cols[key] = raw
    return pd.DataFrame(cols)


def _data(example_data: dict[str, Any]) -> dict[str, Any]:
    example_data["monitoring"].pop("csv")
    return example_data


# --- Result.to_frames ---------------------------------------------------------------------

def test_frames_hold_the_json_numbers(by_csv: Any) -> None:
    frames = by_csv.to_frames()
    d = by_csv.to_dict()
    periods = frames["periods"]
    assert periods[KEYS].to_numpy().tolist() == [[p[k]["value"] for k in KEYS]
                                                 for p in d["periods"]]
    assert periods.attrs["units"] == dict.fromkeys(KEYS, "t CO2e")
    assert str(periods["start"].dtype).startswith("datetime64")
    vintages = frames["vintages"]
    assert vintages["year"].tolist() == [v["year"] for v in d["vintages"]]
    assert vintages["issuable"].tolist() == [v["issuable"]["value"] for v in d["vintages"]]
    totals = frames["totals"].iloc[0]
    assert [totals[k] for k in KEYS] == [by_csv.totals[k] for k in KEYS]
    assert totals["issuable"] == by_csv.issuable_total
    assert frames["totals"].attrs["units"]["issuable"] == "t CO2e"


def test_trail_frame_has_one_row_per_element(by_csv: Any) -> None:
    trail = by_csv.to_frames()["trail"]
    entries = by_csv.to_dict()["trail"]["entries"]
    sizes = [len(e["output"]["value"]) if isinstance(e["output"]["value"], list) else 1
             for e in entries]
    assert len(trail) == sum(sizes)
    first = entries[0]
    rows = trail[trail["key"] == first["key"]]
    assert rows["value"].tolist() == first["output"]["value"]
    assert rows["element"].tolist() == by_csv.to_dict()["trail"]["axis"]
    assert set(rows["unit"]) == {first["output"]["unit"]}


def test_to_frames_without_pandas(by_csv: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".", maxsplit=1)[0] == "pandas":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(CcerError, match=r"pip install 'ccer-calc\[pandas\]'"):
        by_csv.to_frames()


# --- monitoring from a DataFrame ----------------------------------------------------------

def test_frame_with_units_in_names_computes_like_the_csv(example_data: dict[str, Any],
                                                         by_csv: Any) -> None:
    project = project_from_dict(_data(example_data), monitoring=_frame())
    assert compute(project).to_json() == by_csv.to_json()  # fingerprint included


def test_frame_with_units_in_attrs(example_data: dict[str, Any], by_csv: Any) -> None:
    frame = _frame().rename(columns=lambda c: c.split(" [")[0])
    frame.attrs["units"] = {"export": "MWh", "import": "kWh", "export_meter_error": "%",
                            "import_meter_error": "%"}
    frame["import"] = frame["import"] * 1000.0  # in kWh now, converted back on reading
    result = compute(project_from_dict(_data(example_data), monitoring=frame))
    assert result.totals["emission_reductions"] == pytest.approx(
        by_csv.totals["emission_reductions"], rel=1e-12)


def test_frame_column_without_unit_is_named(example_data: dict[str, Any]) -> None:
    frame = _frame().rename(columns={"export [MWh]": "export"})
    with pytest.raises(UnitError, match=r"monitoring \(DataFrame\): column export: a monitored "
                                        r"column has no unit \(expected the unit in the "
                                        r"column's name \('export \[MWh\]'\)"):
        project_from_dict(_data(example_data), monitoring=frame)


def test_frame_missing_value_is_not_nan(example_data: dict[str, Any]) -> None:
    frame = _frame()
    frame.loc[2, "export [MWh]"] = np.nan
    with pytest.raises(InputError, match=r"monitoring \(DataFrame\): line 4, column export: "
                                         r"missing monitored value"):
        project_from_dict(_data(example_data), monitoring=frame)


def test_frame_timestamp_with_time_of_day(example_data: dict[str, Any]) -> None:
    frame = _frame()
    frame.loc[0, "end"] = pd.Timestamp("2024-01-31 18:00")
    with pytest.raises(InputError, match=r"line 2, column end: a date-time, not a date"):
        project_from_dict(_data(example_data), monitoring=frame)


def test_frame_and_csv_together(example_data: dict[str, Any]) -> None:
    with pytest.raises(InputError, match=r"monitoring data given in more than one place"):
        project_from_dict(example_data, base_dir=DATA, monitoring=_frame())


def test_frame_with_two_units_for_one_column(example_data: dict[str, Any]) -> None:
    frame = _frame()
    frame.attrs["units"] = {"export": "kWh"}
    with pytest.raises(UnitError, match=r"column export: two units for one column"):
        project_from_dict(_data(example_data), monitoring=frame)


# --- monitoring from numpy arrays with units ----------------------------------------------

def _arrays() -> dict[str, Any]:
    frame = _frame()
    return {
        "start": frame["start"].to_numpy().astype("datetime64[D]"),
        "end": frame["end"].to_numpy().astype("datetime64[D]"),
        "export": Quantity(frame["export [MWh]"].to_numpy(), "MWh"),
        "import [MWh]": frame["import [MWh]"].to_numpy(),
        "export_meter": frame["export_meter"].to_numpy().astype(str),
        "export_meter_error": Quantity(frame["export_meter_error [%]"].to_numpy(), "%"),
        "import_meter": np.array(frame["import_meter"].tolist()),
        "import_meter_error [%]": frame["import_meter_error [%]"].to_numpy(),
    }


def test_arrays_compute_like_the_csv(example_data: dict[str, Any], by_csv: Any) -> None:
    result = compute(project_from_dict(_data(example_data), monitoring=_arrays()))
    assert result.to_dict()["periods"] == by_csv.to_dict()["periods"]
    assert result.fingerprint == by_csv.fingerprint


def test_array_without_unit_is_named(example_data: dict[str, Any]) -> None:
    arrays = _arrays()
    arrays["import"] = arrays.pop("import [MWh]")
    with pytest.raises(UnitError, match=r"monitoring \(arrays\): column import: a monitored "
                                        r"column has no unit") as info:
        project_from_dict(_data(example_data), monitoring=arrays)
    # arrays have no attrs: the hint names the key and a pint Quantity
    assert info.value.expected == ("the unit in the column's key ('import [MWh]') or as a pint "
                                   "Quantity (Quantity(values, 'MWh'))")
    assert "attrs" not in str(info.value)


def test_arrays_of_different_lengths(example_data: dict[str, Any]) -> None:
    arrays = _arrays()
    arrays["import [MWh]"] = arrays["import [MWh]"][:-1]
    with pytest.raises(InputError, match=r"columns of different lengths"):
        project_from_dict(_data(example_data), monitoring=arrays)


def test_quantity_of_the_wrong_dimension(example_data: dict[str, Any]) -> None:
    arrays = _arrays()
    arrays["export"] = Quantity(arrays["export"].magnitude, "t")
    with pytest.raises(UnitError, match=r"line 2, column export: wrong unit"):
        project_from_dict(_data(example_data), monitoring=arrays)


def test_csv_bytes_source(example_data: dict[str, Any], by_csv: Any) -> None:
    data = (DATA / "example_monitoring.csv").read_bytes()
    result = compute(project_from_dict(_data(example_data), monitoring=CsvBytes(data)))
    assert result.to_json() == by_csv.to_json()


def test_unknown_kind_of_monitoring(example_data: dict[str, Any]) -> None:
    with pytest.raises(InputError, match=r"monitoring: monitoring data of an unknown kind "
                                         r"\(got 'list'"):
        project_from_dict(_data(example_data), monitoring=[1, 2, 3])
