"""Monitoring rows handed over in memory (issue 12): arrays and DataFrames are read column by
column with the CSV reader's rules, so the same rows give the same MonitoringTable and the same
errors as the CSV text of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, get_methodology, load_project, project_from_dict
from ccer_calc.errors import CcerError, InputError
from ccer_calc.io.csv_monitoring import csv_table
from ccer_calc.io.sources import ArrayColumns, FrameColumns
from ccer_calc.periods import MonitoringTable
from ccer_calc.units import Quantity

COLUMNS = get_methodology("CCER-01-002-V01").monitored_columns

#: Four monthly rows: import in kWh (converted on reading), meter status and error columns
#: with empty cells, one meter out of tolerance with its error, one uncalibrated.
ROWS: dict[str, list[Any]] = {
    "start": ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"],
    "end": ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"],
    "export [MWh]": [98210.4, 91874.0, 88320.7, 71245.9],
    "import [kWh]": [212600.0, 198300.0, 0.0, 265800.5],
    "export_meter": ["ok", "out_of_tolerance", None, "ok"],
    "export_meter_error [%]": [None, -0.4, None, 0.25],
    "import_meter": [None, "uncalibrated", "ok", None],
}


def _rows(**changes: Any) -> dict[str, list[Any]]:
    """ROWS with some columns replaced (a list), added, or dropped (None)."""
    rows = {k: list(v) for k, v in ROWS.items()}
    for key, value in changes.items():
        if value is None:
            rows.pop(key)
        else:
            rows[key] = value
    return rows


def _text(rows: dict[str, list[Any]]) -> str:
    def cell(v: Any) -> str:
        return "" if v is None else repr(v) if isinstance(v, float) else str(v)

    lines = [",".join(rows)] + [",".join(cell(v) for v in r) for r in zip(*rows.values(),
                                                                          strict=True)]
    return "\n".join(lines) + "\n"


def _array(key: str, values: list[Any]) -> np.ndarray:
    """A column as a program would hold it: dates as datetime64 where they are dates, numbers
    as float64 with NaN for an empty cell, text with "" for one."""
    if key in ("start", "end"):
        try:
            return np.array(values, dtype="datetime64[D]")
        except ValueError:
            return np.array(values)
    if "[" in key:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    return np.array(["" if v is None else v for v in values])


def _arrays(rows: dict[str, list[Any]]) -> dict[str, Any]:
    return {k: _array(k, v) for k, v in rows.items()}


def _same(a: MonitoringTable, b: MonitoringTable) -> None:
    """Equal tables, value for value and bit for bit; only the origin may differ."""
    for name in ("start", "end", "lines", "t_start", "t_end"):
        x, y = getattr(a, name), getattr(b, name)
        assert (x is None) == (y is None), name
        if x is not None:
            assert x.dtype == y.dtype and x.tolist() == y.tolist(), name
    assert a.columns.keys() == b.columns.keys()
    for name, q in a.columns.items():
        assert q.units == b.columns[name].units
        assert q.magnitude.dtype == b.columns[name].magnitude.dtype == np.float64
        assert q.magnitude.tobytes() == b.columns[name].magnitude.tobytes(), name
    assert a.meter_status.keys() == b.meter_status.keys()
    for name, s in a.meter_status.items():
        assert s.dtype == b.meter_status[name].dtype and s.tolist() == b.meter_status[
            name].tolist(), name
    for name, e in a.meter_error.items():
        assert e.tobytes() == b.meter_error[name].tobytes(), name
    assert a.utc_offset == b.utc_offset
    assert a.digest() == b.digest()


@pytest.fixture(scope="module")
def pd() -> Any:
    return pytest.importorskip("pandas", reason="needs the pandas extra")


def _by_csv(rows: dict[str, list[Any]]) -> MonitoringTable:
    return csv_table(_text(rows), COLUMNS, origin="m.csv")


# --- the same table ---------------------------------------------------------------------

def test_the_rows_read_as_the_csv_reads_them() -> None:
    table = _by_csv(ROWS)
    assert table.columns["import"].magnitude.tolist() == [212.6, 198.3, 0.0, 265.8005]
    assert table.meter_status["export"].tolist() == ["ok", "out_of_tolerance", "ok", "ok"]
    assert table.meter_status["import"].tolist() == ["ok", "uncalibrated", "ok", "ok"]
    assert np.isnan(table.meter_error["export"][[0, 2]]).all()
    assert table.meter_error["export"][[1, 3]].tolist() == pytest.approx([-0.004, 0.0025],
                                                                         rel=1e-15)
    assert table.lines.tolist() == [2, 3, 4, 5]


@pytest.mark.parametrize("dates", [
    np.array,                                                     # ISO text
    lambda v: np.array(v, dtype="datetime64[D]"),
    lambda v: np.array(v, dtype="datetime64[ns]"),
    lambda v: np.array([dt.date.fromisoformat(x) for x in v], dtype=object),
    lambda v: np.array([dt.datetime.fromisoformat(x) for x in v], dtype=object),
    lambda v: np.array([dt.date.fromisoformat(x) for x in v[:2]] + v[2:], dtype=object),
], ids=["text", "datetime64[D]", "datetime64[ns]", "dates", "datetimes", "dates and text"])
def test_arrays_give_the_csv_table(dates: Callable[[list[str]], np.ndarray]) -> None:
    arrays = _arrays(ROWS)
    arrays["start"], arrays["end"] = dates(ROWS["start"]), dates(ROWS["end"])
    _same(ArrayColumns(arrays).table(COLUMNS), _by_csv(ROWS))


def test_quantities_ints_and_object_columns_give_the_csv_table() -> None:
    arrays = _arrays(ROWS)
    arrays["import"] = Quantity(arrays.pop("import [kWh]"), "kWh")
    arrays["export_meter"] = np.array(ROWS["export_meter"], dtype=object)  # None: empty
    arrays["export_meter_error [%]"] = np.array(ROWS["export_meter_error [%]"], dtype=object)
    arrays["import_meter"] = np.array([np.nan, "uncalibrated", "ok", np.nan], dtype=object)
    _same(ArrayColumns(arrays).table(COLUMNS), _by_csv(ROWS))
    whole = _rows(**{"export [MWh]": [98210.0, 91874.0, 88320.0, 71245.0]})
    arrays = _arrays(whole)
    arrays["export [MWh]"] = arrays["export [MWh]"].astype(np.int64)
    _same(ArrayColumns(arrays).table(COLUMNS), _by_csv(whole))


def test_text_numbers_in_arrays_are_read_as_csv_cells() -> None:
    arrays = _arrays(ROWS)
    arrays["export [MWh]"] = np.array([" 98210.4", "91874.0", "88320.7 ", "7.12459e4"])
    arrays["export_meter"] = np.array([" ok", "out_of_tolerance ", "  ", "ok"])
    _same(ArrayColumns(arrays).table(COLUMNS), _by_csv(ROWS))


@pytest.mark.parametrize("dates", ["datetime64", "text", "Timestamps", "dates",
                                   "tz-aware"])
def test_a_frame_gives_the_csv_table(pd: Any, dates: str) -> None:
    frame = pd.DataFrame(_arrays(ROWS))
    for key in ("start", "end"):
        if dates == "text":
            frame[key] = ROWS[key]
        elif dates == "Timestamps":
            frame[key] = pd.Series([pd.Timestamp(x) for x in ROWS[key]], dtype=object)
        elif dates == "dates":
            frame[key] = [dt.date.fromisoformat(x) for x in ROWS[key]]
        elif dates == "tz-aware":  # their wall-clock day, as before
            frame[key] = pd.to_datetime(ROWS[key]).tz_localize("Asia/Shanghai")
    _same(FrameColumns(frame).table(COLUMNS), _by_csv(ROWS))


def test_a_frame_with_units_in_attrs_and_nullable_columns(pd: Any) -> None:
    frame = pd.DataFrame(_arrays(ROWS)).rename(columns=lambda c: c.split(" [")[0])
    frame.attrs["units"] = {"export": "MWh", "import": "kWh", "export_meter_error": "%"}
    frame["export_meter"] = pd.array(ROWS["export_meter"], dtype="string")  # pd.NA: empty
    frame["export_meter_error"] = pd.array([None, -0.4, None, 0.25], dtype="Float64")
    _same(FrameColumns(frame).table(COLUMNS), _by_csv(ROWS))


def test_no_rows() -> None:
    empty = {k: [] for k in ROWS}
    arrays = {k: np.array([], dtype="datetime64[D]" if k in ("start", "end") else
                          np.float64 if "[" in k else np.str_) for k in ROWS}
    _same(ArrayColumns(arrays).table(COLUMNS), _by_csv(empty))
    pd = pytest.importorskip("pandas", reason="needs the pandas extra")
    _same(FrameColumns(pd.DataFrame(arrays)).table(COLUMNS), _by_csv(empty))


# --- the same errors --------------------------------------------------------------------

def _swap(values: list[Any]) -> list[Any]:
    return [values[0], values[2], values[1], values[3]]


ERRORS = {
    "negative": (_rows(**{"export [MWh]": [1.0, 2.0, -5.0, 3.0]}),
                 "line 4, column export: value out of range (got '-5 MWh'"),
    "missing value": (_rows(**{"export [MWh]": [1.0, None, 2.0, 3.0]}),
                      "line 3, column export: missing monitored value"),
    "not finite": (_rows(**{"export [MWh]": [1.0, float("inf"), 2.0, 3.0]}),
                   "line 3, column export: not a finite number (got 'inf'"),
    "bad date": (_rows(start=["2024-01-01", "2024-02-30", "2024-03-01", "2024-04-01"]),
                 "line 3, column start: not a date (got '2024-02-30'"),
    "date before value": (_rows(start=["2024-01-01", "2024-02-01", "2024-03-01", "x"],
                                **{"export [MWh]": [None, 2.0, 2.0, 3.0]}),
                          "line 5, column start: not a date (got 'x'"),
    "out of order": (_rows(start=_swap(ROWS["start"]), end=_swap(ROWS["end"])),
                     "line 4: rows overlap or are out of order"),
    "end before start": (_rows(end=["2023-12-31", *ROWS["end"][1:]]),
                         "line 2: row ends before it starts"),
    "unknown column": (_rows(comment=["a", "b", "c", "d"]),
                       "line 2, column comment: unknown column"),
    "wrong unit": (_rows(**{"export [MWh]": None, "export [t]": [1.0, 2.0, 3.0, 4.0]}),
                   "line 2, column export: wrong unit (got 't'"),
    "missing column": (_rows(**{"import [kWh]": None}),
                       "line 1: the monitoring data lack a column (got 'import'"),
    "missing date": (_rows(end=None), "line 2, column end: missing date"),
    "meter error missing": (_rows(export_meter=["out_of_tolerance", None, None, None],
                                  **{"export_meter_error [%]": [None] * 4}),
                            "line 2, column export_meter_error: meter found out of tolerance "
                            "but its basic error is missing"),
    "meter error too large": (_rows(**{"export_meter_error [%]": [None, 150.0, None, None]}),
                              "line 3, column export_meter_error: value out of range"),
    "meter error not in %": (_rows(**{"export_meter_error [%]": None,
                                      "export_meter_error []": [None, 0.1, None, None]}),
                             "line 1, column export_meter_error: a meter error must be stated "
                             "in %"),
    "unknown status": (_rows(import_meter=[None, "broken", None, None]),
                       "line 3, column import_meter: unknown meter status (got 'broken'"),
}


def _message(read: Callable[[], Any], origin: str) -> str:
    with pytest.raises(CcerError) as info:
        read()
    return str(info.value).replace(origin, "<data>")


@pytest.mark.parametrize("case", ERRORS)
def test_arrays_and_frames_fail_as_the_csv_fails(case: str) -> None:
    rows, expected = ERRORS[case]
    by_csv = _message(lambda: _by_csv(rows), "m.csv")
    assert by_csv.startswith(f"<data>: {expected}")
    arrays = _arrays(rows)
    assert _message(lambda: ArrayColumns(arrays).table(COLUMNS), "monitoring (arrays)") == by_csv
    pd = pytest.importorskip("pandas", reason="needs the pandas extra")
    frame = pd.DataFrame(arrays)
    assert _message(lambda: FrameColumns(frame).table(COLUMNS),
                    "monitoring (DataFrame)") == by_csv


# --- what only arrays and frames can hold -----------------------------------------------

@pytest.mark.parametrize(("column", "values", "message"), [
    ("export [MWh]", np.array([True, False, True, True]),
     r"line 2, column export: a truth value in a number column \(got 'True'"),
    ("export [MWh]", np.array([1.0, True, 2.0, 3.0], dtype=object),
     r"line 3, column export: a truth value in a number column"),
    ("export [MWh]", np.array(ROWS["start"], dtype="datetime64[D]"),
     r"line 2, column export: a date in a number column \(got '2024-01-01'"),
    ("export [MWh]", np.array([1.0, None, 2.0, 3.0], dtype=object),
     r"line 3, column export: missing monitored value"),
    ("export_meter", np.array([True, False, True, True]),
     r"line 2, column export_meter: a truth value in a text column"),
    ("export_meter", np.array(["ok", 1.0, "ok", "ok"], dtype=object),
     r"line 3, column export_meter: a float in a text column"),
    ("end", np.array(["2024-01-31T18:00", *ROWS["end"][1:]], dtype="datetime64[s]"),
     r"line 2, column end: a date-time, not a date \(got '2024-01-31T18:00:00'"),
    ("end", np.array(["2024-01-31", "NaT", "2024-03-31", "2024-04-30"], dtype="datetime64[D]"),
     r"line 3, column end: not a date"),
    ("start", np.array([20240101, 20240201, 20240301, 20240401]),
     r"line 2, column start: not a date"),
    ("start", np.array(["2024-01-01", "2024-02-01T00:00+08:00", "2024-03-01", "2024-04-01"]),
     r"line 3, column start: dates and date-times mixed in one table"),
    ("export [MWh]", np.ones((4, 2)),
     r"column export: not one column of values \(got 'an array of shape \(4, 2\)'"),
])
def test_typed_cells_are_refused_by_name(column: str, values: np.ndarray, message: str) -> None:
    arrays = _arrays(ROWS)
    arrays[column] = values
    with pytest.raises(InputError, match=rf"^monitoring \(arrays\): {message}"):
        ArrayColumns(arrays).table(COLUMNS)


def test_frame_missing_date_and_unreadable_name(pd: Any) -> None:
    frame = pd.DataFrame(_arrays(ROWS))
    frame.loc[1, "start"] = pd.NaT  # once a ValueError from deep inside pandas
    with pytest.raises(InputError, match=r"^monitoring \(DataFrame\): line 3, column start: not "
                                         r"a date"):
        FrameColumns(frame).table(COLUMNS)
    frame = pd.DataFrame(_arrays(ROWS)).rename(columns={"export [MWh]": "export [MWh"})
    with pytest.raises(InputError, match=r"line 1, cell 3: unreadable header cell \(got "
                                         r"'export \[MWh'"):
        FrameColumns(frame).table(COLUMNS)


# --- through the project: the project's calendar ----------------------------------------

def test_timed_text_in_arrays_keeps_the_projects_calendar(write_project: Any,
                                                          example_data: dict[str, Any]) -> None:
    # the frame and array routes used to place timed rows in UTC+08:00 whatever
    # monitoring.utc_offset said, as the CSV upload once did
    example_data["monitoring"]["utc_offset"] = "+00:00"
    example_data["monitoring"].pop("meters", None)
    starts = ["2024-01-01T00:00Z", "2024-10-01T00:00Z", "2025-01-01T00:00Z"]
    ends = ["2024-10-01T00:00Z", "2025-01-01T00:00Z", "2025-07-01T00:00Z"]
    export, imp = [9000.0, 3000.0, 6000.0], [10.0, 5.0, 7.0]
    lines = ["start,end,export [MWh],import [MWh]"] + [
        f"{a},{b},{e},{i}" for a, b, e, i in zip(starts, ends, export, imp, strict=True)]
    on_disk = compute(load_project(write_project(example_data, csv_lines=lines)))
    example_data["monitoring"].pop("csv")
    arrays = {"start": np.array(starts), "end": np.array(ends),
              "export [MWh]": np.array(export), "import [MWh]": np.array(imp)}
    sent = compute(project_from_dict(example_data, monitoring=arrays))
    assert [v.year for v in sent.vintages] == [2024, 2025]
    assert sent.to_json() == on_disk.to_json()  # fingerprint included
