"""Monitoring CSV read column by column (issue 12): the same rows, values and messages as the
row-by-row reader, whichever way the file is written."""

from __future__ import annotations

import numpy as np
import pytest

import ccer_calc.io.csv_monitoring as reader
from ccer_calc.api import get_methodology, load_project
from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.csv_monitoring import csv_table

HEAD = "start,end,export [MWh],import [kWh]"
COLUMNS = get_methodology("CCER-01-002-V01").monitored_columns


def _table(lines: list[str]):
    return csv_table("\n".join(lines) + "\n", COLUMNS, origin="m.csv")


@pytest.mark.parametrize("quoted", [False, True])
def test_blank_lines_are_skipped_and_lines_counted(quoted: bool) -> None:
    q = '"' if quoted else ""
    lines = [HEAD, f"2024-01-01,2024-01-31,{q}100.5{q},2000", "", " , , , ",
             "2024-02-01,2024-02-29,90,0"]
    t = _table(lines)
    assert t.lines.tolist() == [2, 5]
    assert t.columns["export"].magnitude.tolist() == [100.5, 90.0]
    assert t.columns["import"].magnitude.tolist() == [2.0, 0.0]  # kWh -> MWh at once
    assert str(t.columns["import"].units) == "megawatt_hour"


@pytest.mark.parametrize("quoted", [False, True])
def test_a_bad_cell_after_blank_lines_names_its_line(quoted: bool) -> None:
    q = '"' if quoted else ""
    lines = [HEAD, "2024-01-01,2024-01-31,1,0", "", "", f"2024-02-01,2024-02-29,{q}9x{q},0"]
    with pytest.raises(InputError, match=r"^m.csv: line 5, column export: not a number "
                                         r"\(got '9x'"):
        _table(lines)
    lines[4] = "2024-02-01,2024-02-29,9"
    with pytest.raises(InputError, match=r"^m.csv: line 5: wrong number of cells \(got 3; "
                                         r"expected 4 cells\)"):
        _table(lines)


def test_a_quoted_line_break_counts_as_a_line() -> None:
    lines = [HEAD, '2024-01-01,2024-01-31,"1",0', '2024-02-01,2024-02-29,"5\n",0',
             "2024-03-01,2024-03-31,-1,0"]
    with pytest.raises(InputError, match=r"^m.csv: line 5, column export: value out of range"):
        _table(lines)


def test_the_first_bad_row_is_reported_not_the_last() -> None:
    days = np.arange(np.datetime64("2024-01-01"), np.datetime64("2024-12-31"))
    lines = [HEAD] + [f"{d},{d},{k},0" for k, d in enumerate(days)]
    lines[100] = lines[100].replace(",99,", ",-99,")
    lines[200] = lines[200].replace(",199,", ",-199,")
    with pytest.raises(InputError, match=r"^m.csv: line 101, column export: value out of range "
                                         r"\(got '-99 MWh'"):
        _table(lines)


def test_a_bad_date_is_found_before_any_value_is_read() -> None:
    lines = [HEAD, "2024-01-01,2024-01-31,not a number,0", "2024-02-01,2024-02-30,1,0"]
    with pytest.raises(InputError, match=r"^m.csv: line 3, column end: not a date"):
        _table(lines)


def test_a_header_unit_of_the_wrong_dimension_names_the_first_row() -> None:
    with pytest.raises(UnitError, match=r"^m.csv: line 2, column import: wrong unit \(got "
                                        r"'t'; expected a unit convertible to MWh\)"):
        _table(["start,end,export [MWh],import [t]", "2024-01-01,2024-01-31,1,0"])


def test_the_example_loads_as_before(example_dir) -> None:
    project = load_project(example_dir / "example.toml")
    t = project.table
    assert len(t) == 18 and not t.timed
    assert t.start[0] == np.datetime64("2024-01-01") and t.end[-1] == np.datetime64("2025-06-30")
    assert t.meter_status["export"].tolist().count("out_of_tolerance") == 1
    assert np.isnan(t.meter_error["import"]).all()
    assert t.meter_error["export"][np.flatnonzero(t.meter_status["export"] ==
                                                 "out_of_tolerance")[0]] == pytest.approx(-0.008)


PLAIN = [HEAD, "2024-01-01,2024-01-31, 100.5 ,2000", "2024-02-01,2024-02-29,90,\t0"]


@pytest.mark.parametrize(("text", "plain"), [
    ("\n".join(PLAIN) + "\n", True),
    ("\r\n".join(PLAIN) + "\r\n\n\n", True),  # CRLF, trailing empty lines
    ("\n".join(PLAIN), True),  # no final line break
    ("\n".join([*PLAIN[:2], "", PLAIN[2]]), False),  # a blank line
    ("\n".join([*PLAIN[:2], ",,,", PLAIN[2]]), False),  # a row of empty cells
    ("\n".join([*PLAIN[:2], PLAIN[2] + ",x"]), False),  # a row of another width
    ("\r".join(PLAIN), False),  # old Mac line breaks
    ("\n".join([PLAIN[0], PLAIN[1].replace("100.5", '"100.5"'), PLAIN[2]]), False),
    ("\n".join([PLAIN[0], PLAIN[1] + "\x0c", PLAIN[2]]), False),  # a form feed splits lines
])
def test_plain_files_are_split_at_once_with_the_same_cells(text: str, plain: bool) -> None:
    fast = reader._plain_file(text, COLUMNS, "m.csv")
    assert (fast is not None) is plain
    body = text.replace("\r\n", "\n").rstrip("\n").partition("\n")[2]
    if "\r" not in body and '"' not in body and "\x0c" not in body:  # rows the two checks see
        few, many = reader._plain_rows_few(body, 4), reader._plain_rows_many(body, 4)
        assert few == many and (few is not None) is plain
    if fast is not None:
        slow = reader._any_file(text, COLUMNS, "m.csv")
        assert {k: list(v) for k, v in fast.cells.items()} == \
            {k: list(v) for k, v in slow.cells.items()}
        assert fast.lines.tolist() == slow.lines.tolist()


METERED = "start,end,export [MWh],import [MWh],export_meter,export_meter_error [%]"


@pytest.mark.parametrize(("cells", "message"), [
    (["", "x", "0.2"], r"line 3, column export_meter_error: not a number \(got 'x'"),
    (["", " nan ", "0.2"], r"line 3, column export_meter_error: not a finite number "
                           r"\(got 'nan'"),
    (["0.1", "", "inf"], r"line 4, column export_meter_error: not a finite number "
                         r"\(got 'inf'"),
    (["", "150", "-120"], r"line 3, column export_meter_error: value out of range "
                          r"\(got '1.5'"),
    (["1e308", "", ""], r"line 2, column export_meter_error: value out of range "
                        r"\(got '1e\+306'"),
])
def test_a_bad_meter_error_among_blanks_names_its_line(cells: list[str], message: str) -> None:
    # Only the given cells of a meter-error column are parsed; a bad one is named by its line.
    rows = [f"2024-0{k + 1}-01,2024-0{k + 1}-28,1,0,ok,{cell}" for k, cell in enumerate(cells)]
    with pytest.raises(InputError, match="^m.csv: " + message):
        _table([METERED, *rows])


def test_meter_errors_are_fractions_with_nan_where_blank() -> None:
    rows = [f"2024-0{k + 1}-01,2024-0{k + 1}-28,1,0,{status},{cell}" for k, (status, cell)
            in enumerate([("ok", ""), ("out_of_tolerance", " -0.8 "), ("ok", ""),
                          ("ok", "0.25")])]
    errors = _table([METERED, *rows]).meter_error["export"]
    assert np.isnan(errors[[0, 2]]).all()
    assert errors[[1, 3]].tolist() == [-0.8 * 0.01, 0.25 * 0.01]
