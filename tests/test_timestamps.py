"""Timed monitoring rows (issue 12): date-times with offsets, the project's calendar, half-open
intervals, and the bad inputs that would double count or drop time."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import InputError
from ccer_calc.instants import split_timed_at_years
from ccer_calc.io.timestamps import (
    parse_stamp,
    parse_stamp_column,
    parse_stamp_columns,
    parse_utc_offset,
)
from ccer_calc.periods import MonitoringTable, Period, assign_rows, segments_of

HEAD = "start,end,export [MWh],import [MWh]"


def _hourly_lines(example_rows: list[dict[str, str]], *, zone: str) -> list[str]:
    """The example's monthly readings spread evenly over the hours of each month.

    ``zone`` "Z": times written in UTC (local midnight is 16:00Z the day before); "+08:00":
    written in China Standard Time.
    """
    lines = [HEAD]
    for r in example_rows:
        first = np.datetime64(r["start"], "h")
        after = np.datetime64(r["end"], "D") + np.timedelta64(1, "D")
        hours = np.arange(first, after.astype("datetime64[h]"), np.timedelta64(1, "h"))
        shift = np.timedelta64(-8, "h") if zone == "Z" else np.timedelta64(0, "h")
        export = float(r["export [MWh]"]) / hours.size
        imp = float(r["import [MWh]"]) / hours.size
        for h in hours:
            a = np.datetime_as_string(h + shift, unit="m")
            b = np.datetime_as_string(h + shift + np.timedelta64(1, "h"), unit="m")
            lines.append(f"{a}{zone},{b}{zone},{export!r},{imp!r}")
    return lines


@pytest.mark.parametrize("zone", ["Z", "+08:00"])
def test_hourly_rows_in_utc_give_the_monthly_result(write_project, example_data,
                                                     example_rows, zone) -> None:
    example_data["monitoring"].pop("meters")  # no meter correction: the same readings
    plain = [HEAD] + [f"{r['start']},{r['end']},{r['export [MWh]']},{r['import [MWh]']}"
                      for r in example_rows]
    monthly = compute(load_project(write_project(example_data, csv_lines=plain)))
    hourly = load_project(write_project(example_data,
                                        csv_lines=_hourly_lines(example_rows, zone=zone)))
    assert hourly.table.timed and len(hourly.table) == (366 + 181) * 24  # 2024 + 2025 H1
    result = compute(hourly)
    # 1 January 00:00 of the project's calendar (UTC+08:00) is 16:00Z the day before: the
    # vintages are the same as with monthly rows, to float rounding of the hourly shares
    assert [v.year for v in result.vintages] == [v.year for v in monthly.vintages]
    for mine, theirs in zip(result.vintages, monthly.vintages, strict=True):
        for k, value in theirs.values.items():
            assert mine.values[k] == pytest.approx(value, rel=1e-9, abs=1e-6)
    assert result.trail.axis[0] == "2024-01-01T00:00:00+08:00..2024-01-01T01:00:00+08:00"


def test_a_row_spanning_local_new_year_is_split_by_seconds() -> None:
    # 2024-12-31T12:00Z..2025-01-01T12:00Z is 20:00 to 20:00 in UTC+08:00: 4 h in 2024, 20 h in
    # 2025 (hand count)
    t0, kind = parse_stamp("2024-12-31T12:00Z", "start", 480)
    t1, _ = parse_stamp("2025-01-01T12:00Z", "end", 480)
    assert kind == "zoned"
    seg = split_timed_at_years(np.array([t0]), np.array([t1]), np.array([0]), 480)
    assert seg.year.tolist() == [2024, 2025]
    assert seg.fraction.tolist() == pytest.approx([4 / 24, 20 / 24], rel=1e-12)
    # in UTC's own calendar the same row is half in each year
    t0u, _ = parse_stamp("2024-12-31T12:00Z", "start", 0)
    t1u, _ = parse_stamp("2025-01-01T12:00Z", "end", 0)
    seg = split_timed_at_years(np.array([t0u]), np.array([t1u]), np.array([0]), 0)
    assert seg.fraction.tolist() == pytest.approx([0.5, 0.5], rel=1e-12)


def test_rows_meeting_at_midnight_and_new_year_count_once() -> None:
    t = np.array(["2024-12-31T00:00", "2025-01-01T00:00", "2025-01-02T00:00"],
                 dtype="datetime64[s]")
    table = MonitoringTable(t[:-1].astype("datetime64[D]"), t[:-1].astype("datetime64[D]"),
                            {}, {}, {}, t_start=t[:-1], t_end=t[1:])
    idx = assign_rows(table, [Period("P", dt.date(2024, 12, 31), dt.date(2025, 1, 1))])
    seg = segments_of(table, idx)
    assert seg.year.tolist() == [2024, 2025]  # no piece of a row in the other year
    assert seg.fraction.tolist() == [1.0, 1.0]


def test_day_rows_keep_their_inclusive_representation() -> None:
    start = np.array(["2024-01-01", "2024-02-01"], dtype="datetime64[D]")
    end = np.array(["2024-01-31", "2024-02-29"], dtype="datetime64[D]")
    table = MonitoringTable(start, end, {}, {}, {})
    t0, t1 = table.interval()
    assert not table.timed
    assert t0.tolist() == [dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1)]
    assert t1.tolist() == [dt.datetime(2024, 2, 1), dt.datetime(2024, 3, 1)]
    assert table.hours().tolist() == [31 * 24.0, 29 * 24.0]


def _csv(example_data, write_project, lines: list[str]) -> Any:
    example_data["monitoring"]["periods"] = [{"id": "D", "start": "2024-01-01",
                                              "end": "2024-01-01"}]
    example_data["monitoring"].pop("meters", None)
    return load_project(write_project(example_data, csv_lines=[HEAD, *lines]))


def _quarter_hours(n: int = 96) -> list[str]:
    t = np.datetime64("2024-01-01T00:00") + np.arange(n + 1) * np.timedelta64(15, "m")
    s = [np.datetime_as_string(x, unit="m") + "+08:00" for x in t]
    return [f"{a},{b},10,0" for a, b in itertools.pairwise(s)]


def test_quarter_hours_tile_a_day(write_project, example_data) -> None:
    project = _csv(example_data, write_project, _quarter_hours())
    result = compute(project)
    assert result.trail.axis[-1] == "2024-01-01T23:45:00+08:00..2024-01-02T00:00:00+08:00"
    assert result.vintages[0].year == 2024


def test_a_gap_of_one_minute_names_the_line(write_project, example_data) -> None:
    lines = _quarter_hours()
    lines[10] = lines[10].replace("02:30+08:00,", "02:31+08:00,", 1)  # starts a minute late
    project = _csv(example_data, write_project, lines)
    with pytest.raises(InputError, match=r"^example_monitoring.csv: line 12: a gap of 60 s in "
                                         r"the monitoring data before this row"):
        compute(project)


def test_overlapping_times_name_the_line(write_project, example_data) -> None:
    lines = _quarter_hours()
    lines[5] = lines[5].replace("01:15+08:00,", "01:14+08:00,", 1)
    with pytest.raises(InputError, match=r"^example_monitoring.csv: line 7: rows overlap or "
                                         r"are out of order"):
        _csv(example_data, write_project, lines)


def test_a_time_without_offset_among_times_with_one(write_project, example_data) -> None:
    lines = _quarter_hours()
    lines[3] = lines[3].replace("00:45+08:00,", "00:45,", 1)
    with pytest.raises(InputError, match=r"^example_monitoring.csv: line 5, column start: a "
                                         r"time without UTC offset among times with one"):
        _csv(example_data, write_project, lines)


def test_dates_and_date_times_are_not_mixed(write_project, example_data) -> None:
    lines = ["2024-01-01,2024-01-01T12:00+08:00,10,0"]
    with pytest.raises(InputError, match=r"line 2, column end: dates and date-times mixed"):
        _csv(example_data, write_project, lines)


@pytest.mark.parametrize("cell", ["2024-01-01T24:00+08:00", "2024-01-01T00:00+15:00",
                                  "2024-01-01T00:00+08:60", "2024-13-01T00:00Z",
                                  "2024-01-01T00:00:00.5Z", "2024-01-01T00"])
def test_malformed_times_name_the_cell(cell: str) -> None:
    good = "2024-01-01T00:00+08:00"
    with pytest.raises(InputError, match=r"^line 3, column start: not a date"):
        parse_stamp_column([good, cell, good], lambda i: f"line {i + 2}, column start", 480)


@pytest.mark.parametrize("cell", ["2024-02-01T00:00+08:00", "2024-02-01xyz", "2024-02-01 "])
def test_a_longer_cell_among_dates_is_not_cut_to_their_width(cell: str) -> None:
    # the column-wise parse once read each cell at the first cell's width, so the date of a
    # date-time (or of any text beginning with a date) was taken silently
    dates = ["2024-01-01", cell, "2024-03-01"]
    if cell.strip() == "2024-02-01":  # a CSV cell is stripped, as the cell-by-cell parse does
        assert parse_stamp_column(dates, lambda i: "x", 480)[0][1] == np.datetime64(
            "2024-02-01T00:00:00")
        return
    with pytest.raises(InputError, match=r"^line 3, column start: (dates and date-times mixed|"
                                         r"not a date)"):
        parse_stamp_column(dates, lambda i: f"line {i + 2}, column start", 480)


@pytest.mark.parametrize(("good", "cell"), [("2024-01-01", "2024-02-011"),
                                            ("2024-01-01T00:00+08:00", "2024-01-01T00:00+08:001"),
                                            ("2024-01-01T00:00Z", "2024-01-01T00:00Z0")])
def test_a_cell_longer_than_the_first_is_not_cut_to_its_length(good: str, cell: str) -> None:
    # The fast parse holds a column as fixed-width bytes: a longer cell must not be cut to the
    # first cell's width and read as 2024-02-01 (it was, before the grid was one byte wider).
    with pytest.raises(InputError,
                       match=r"^line 3, column start: not a date \(got '" + re.escape(cell)):
        parse_stamp_column([good, cell, good], lambda i: f"line {i + 2}, column start", 480)


@pytest.mark.parametrize(("start", "end"), [
    (["2024-01-01", "2024-02-01"], ["2024-01-31", "2024-02-29"]),  # one layout: one parse
    (["2024-01-01T00:00+08:00"], ["2024-01-01T01:00:00+08:00"]),  # two layouts, one kind
    (["2024-01-01T00:00Z", "2024-01-01T01:00Z"], ["2024-01-01T01:00Z", "2024-01-01T02:00Z"]),
])
def test_start_and_end_parsed_together_as_each_alone(start: list[str], end: list[str]) -> None:
    def where(column: str) -> Any:
        return lambda i: f"line {i + 2}, column {column}"

    first, last, kind = parse_stamp_columns(start, end, where, 480)
    alone = [parse_stamp_column(cells, where(c), 480) for c, cells in (("start", start),
                                                                       ("end", end))]
    assert first.tolist() == alone[0][0].tolist() and last.tolist() == alone[1][0].tolist()
    assert kind == alone[0][1] == alone[1][1]


@pytest.mark.parametrize(("start", "end", "message"), [
    (["2024-01-01"], ["2024-01-01T12:00+08:00"], "line 2, column end: dates and date-times"),
    (["2024-02-30", "x"], ["2024-01-31", "y"], "line 2, column start: not a date"),
    (["2024-01-01", "2024-02-01"], ["2024-01-31", "2024-02-30"],
     "line 3, column end: not a date"),
])
def test_start_and_end_name_the_first_bad_cell(start: list[str], end: list[str],
                                                message: str) -> None:
    with pytest.raises(InputError, match="^" + re.escape(message)):
        parse_stamp_columns(start, end, lambda c: lambda i: f"line {i + 2}, column {c}", 480)


def test_the_fast_and_the_cell_by_cell_parse_agree() -> None:
    uniform = ["2024-01-01T00:00:00+08:00", "2024-01-01T00:00:00-05:30",
               "2024-01-01 00:00:00+00:00"]
    for cell in uniform:
        one, kind = parse_stamp(cell, "x", 480)
        many, kinds = parse_stamp_column([cell, cell], lambda i: "x", 480)
        assert many.tolist() == [one.tolist()] * 2 and kinds == kind
    mixed = ["2024-01-01T00:00+08:00", "2024-01-01T01:00:00+08:00", "2024-01-01T02:00Z"]
    got, kind = parse_stamp_column(mixed, lambda i: "x", 480)
    assert kind == "zoned"
    assert got.tolist() == [dt.datetime(2024, 1, 1, 0), dt.datetime(2024, 1, 1, 1),
                            dt.datetime(2024, 1, 1, 10)]


def test_the_project_may_declare_another_calendar(write_project, example_data,
                                                  example_rows) -> None:
    example_data["monitoring"]["utc_offset"] = "+00:00"
    example_data["monitoring"].pop("meters", None)
    lines = _hourly_lines(example_rows, zone="+08:00")
    project = load_project(write_project(example_data, csv_lines=lines))
    # in UTC, the first eight hours of 2024 in Beijing are still 2023: outside every period
    with pytest.raises(InputError, match=r"line 2: row lies outside every monitoring period"):
        compute(project)
    assert parse_utc_offset("-03:00") == -180
    with pytest.raises(InputError, match="not a UTC offset"):
        parse_utc_offset("+15:00")


def test_a_declared_calendar_changes_the_fingerprint_only_when_given(
        write_project, example_data) -> None:
    plain = compute(load_project(write_project(example_data)))
    example_data["monitoring"]["utc_offset"] = "+08:00"
    declared = compute(load_project(write_project(example_data)))
    assert plain.fingerprint != declared.fingerprint
    assert plain.totals == declared.totals


def test_inline_rows_take_toml_date_times(write_project, example_data) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"].pop("meters", None)
    example_data["monitoring"]["periods"] = [{"id": "D", "start": "2024-01-01",
                                              "end": "2024-01-01"}]
    tz = dt.timezone(dt.timedelta(hours=8))
    example_data["monitoring"]["data"] = [
        {"start": dt.datetime(2024, 1, 1, 0, tzinfo=tz).isoformat(),
         "end": dt.datetime(2024, 1, 1, 12, tzinfo=tz).isoformat(),
         "export": "100 MWh", "import": "0 MWh"},
        {"start": "2024-01-01T04:00Z", "end": "2024-01-01T16:00Z",
         "export": "50 MWh", "import": "0 MWh"}]
    result = compute(load_project(write_project(example_data)))
    be = result.periods[0].values["baseline_emissions"]
    assert be == pytest.approx(150 * (0.8042 * 0.5 + 0.2135 * 0.5), rel=1e-12)


def test_an_uploaded_csv_keeps_the_projects_calendar(write_project, example_data) -> None:
    # the service's CSV upload (CsvBytes) used to place timed rows in UTC+08:00 whatever
    # monitoring.utc_offset said: these rows, tiling the periods in the declared UTC calendar,
    # were refused, and rows tiling them in Beijing time were computed, where the CSV file
    # route does the opposite
    from ccer_calc.api import project_from_dict  # noqa: PLC0415
    from ccer_calc.io.sources import CsvBytes  # noqa: PLC0415

    example_data["monitoring"]["utc_offset"] = "+00:00"
    example_data["monitoring"].pop("meters", None)
    lines = [HEAD, "2024-01-01T00:00Z,2024-10-01T00:00Z,9000,10",
             "2024-10-01T00:00Z,2025-01-01T00:00Z,3000,5",
             "2025-01-01T00:00Z,2025-07-01T00:00Z,6000,7"]
    on_disk = compute(load_project(write_project(example_data, csv_lines=lines)))
    example_data["monitoring"].pop("csv")
    upload = CsvBytes(("\n".join(lines) + "\n").encode(), "upload.csv")
    sent = compute(project_from_dict(example_data, monitoring=upload))
    assert [v.values for v in sent.vintages] == [v.values for v in on_disk.vintages]
    assert [v.year for v in sent.vintages] == [2024, 2025]
    assert sent.fingerprint == on_disk.fingerprint
