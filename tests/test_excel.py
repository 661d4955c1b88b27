"""Excel in and out (issue #13): monitoring data from an .xlsx sheet under the CSV's rules and
the file policy, and results as a workbook whose numbers equal the JSON's exactly.

The bundled example workbook (CCER-01-002-V01, ``example_monitoring.xlsx``) holds the cells of
``example_monitoring.csv``; the round trip xlsx in → compute → xlsx out gives the numbers of the
CSV route, float for float.
"""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="needs the excel extra")

from ccer_calc.api import compute, load_project  # noqa: E402
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main  # noqa: E402
from ccer_calc.errors import CcerError, InputError, UnitError  # noqa: E402
from ccer_calc.io import excel  # noqa: E402
from ccer_calc.io.workbook import result_workbook  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
HEADER = ["start", "end", "export [MWh]", "import [MWh]", "export_meter",
          "export_meter_error [%]", "import_meter", "import_meter_error [%]"]


def _csv_rows() -> list[list[str]]:
    with (DATA / "example_monitoring.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _typed(header: list[str], row: list[str]) -> list[Any]:
    """The CSV row as Excel cells: dates, numbers, text, empty."""
    out: list[Any] = []
    for h, c in zip(header, row, strict=True):
        if h in ("start", "end"):
            out.append(dt.date.fromisoformat(c))
        elif "[" in h:
            out.append(float(c) if c else None)
        else:
            out.append(c or None)
    return out


def _book(path: Path, rows: list[list[Any]], *, title: str = "monitoring",
          edit: Any = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if edit is not None:
        edit(wb, ws)
    wb.save(path)
    return path


def _example_cells() -> list[list[Any]]:
    rows = _csv_rows()
    return [rows[0], *(_typed(rows[0], r) for r in rows[1:])]


@pytest.fixture
def project(tmp_path: Path) -> Any:
    """Write a project naming ``book.xlsx`` (sheet ``monitoring``) beside it; return a writer."""
    text = (DATA / "example_excel.toml").read_text("utf-8")
    text = text.replace('excel = "example_monitoring.xlsx"', 'excel = "book.xlsx"')

    def write(rows: list[list[Any]], *, sheet: str | None = "monitoring", edit: Any = None,
              title: str = "monitoring") -> Path:
        _book(tmp_path / "book.xlsx", rows, title=title, edit=edit)
        body = text if sheet == "monitoring" else text.replace(
            'sheet = "monitoring"', "" if sheet is None else f'sheet = "{sheet}"')
        (tmp_path / "p.toml").write_text(body, "utf-8")
        return tmp_path / "p.toml"
    return write


# --- the bundled example ------------------------------------------------------------------

def test_bundled_workbook_holds_the_csv_cells() -> None:
    wb = openpyxl.load_workbook(DATA / "example_monitoring.xlsx")
    ws = wb["monitoring"]
    got = [[c.value for c in row] for row in ws.iter_rows()]
    want = _example_cells()
    assert got[0] == want[0]
    for g, w in zip(got[1:], want[1:], strict=True):
        assert [x.date() if isinstance(x, dt.datetime) else x for x in g] == w


def test_bundled_workbook_computes_like_the_csv() -> None:
    by_excel = compute(load_project(DATA / "example_excel.toml"))
    by_csv = compute(load_project(DATA / "example.toml"))
    assert by_excel.to_json() == by_csv.to_json()  # fingerprint included
    # ER total = sum of the monthly net deliveries x CM (CCER-01-002-V01 eq. (1)-(3))
    assert by_excel.totals["emission_reductions"] == pytest.approx(740645.1078218501, rel=1e-12)


def test_round_trip_xlsx_in_compute_xlsx_out(tmp_path: Path) -> None:
    """xlsx in → compute → xlsx out: every number equals the CSV route's JSON exactly."""
    shutil.copy(DATA / "example_monitoring.xlsx", tmp_path)
    shutil.copy(DATA / "example_excel.toml", tmp_path)
    out = tmp_path / "result.xlsx"
    assert main(["compute", str(tmp_path / "example_excel.toml"), "-o", str(out)]) == EXIT_OK
    want = compute(load_project(DATA / "example.toml")).to_dict()
    wb = openpyxl.load_workbook(out)
    periods = [[c.value for c in r] for r in wb["periods"].iter_rows(min_row=2)]
    keys = ["baseline_emissions", "project_emissions", "leakage_emissions",
            "emission_reductions"]
    assert [p[3:] for p in periods] == [[p[k]["value"] for k in keys] for p in want["periods"]]
    assert [p[1].date().isoformat() for p in periods] == [p["start"] for p in want["periods"]]
    vintages = [[c.value for c in r] for r in wb["vintages"].iter_rows(min_row=2)]
    assert [v[1:5] + v[6:7] for v in vintages] == [
        [v[k]["value"] for k in keys] + [v["issuable"]["value"]] for v in want["vintages"]]
    trail = [r for r in wb["trail"].iter_rows(min_row=2, values_only=True)]
    flat = [x for e in want["trail"]["entries"]
            for x in (e["output"]["value"] if isinstance(e["output"]["value"], list)
                      else [e["output"]["value"]])]
    assert [r[7] for r in trail] == flat  # float for float, not to 16 digits
    assert wb.properties.identifier == want["fingerprint"]
    assert wb.custom_doc_props["ccer_calc_fingerprint"].value == want["fingerprint"]


# --- what the workbook says ---------------------------------------------------------------

def test_workbook_sheets_headers_and_types() -> None:
    result = compute(load_project(DATA / "example.toml"))
    wb = openpyxl.load_workbook(io.BytesIO(result_workbook(result)))
    assert wb.sheetnames == ["summary", "periods", "vintages", "parameters", "checks",
                             "warnings", "trail", "trail_inputs"]
    head = [c.value for c in wb["periods"][1]]
    assert head == ["id", "start", "end", "baseline_emissions [t CO2e]",
                    "project_emissions [t CO2e]", "leakage_emissions [t CO2e]",
                    "emission_reductions [t CO2e]"]
    row = wb["periods"][2]
    assert row[1].is_date and row[3].data_type == "n"
    params = {r[0]: r for r in wb["parameters"].iter_rows(min_row=2, values_only=True)}
    assert params["om_weight"][2] == 0.5 and params["om_weight"][3] == "dimensionless"
    assert "Table" in params["om_weight"][5] or "§" in params["om_weight"][5]  # its source
    summary = {r[0]: r[1] for r in wb["summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["fingerprint"] == result.fingerprint
    assert summary["totals.issuable"] == result.issuable_total
    assert all(r[1] is True for r in wb["checks"].iter_rows(min_row=2, values_only=True))


def test_workbook_bytes_are_deterministic_and_text_is_never_a_formula(
        example_data: dict[str, Any], tmp_path: Path, write_project: Any) -> None:
    example_data["name"] = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    result = compute(load_project(write_project(example_data)))
    data = result_workbook(result)
    assert data == result_workbook(result)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cell = next(r for r in wb["summary"].iter_rows(min_row=2) if r[0].value == "project.name")
    assert cell[1].data_type == "s"
    assert cell[1].value.startswith("=HYPERLINK")


def test_cli_refuses_json_with_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compute", str(DATA / "example.toml"), "--json", "-o", str(tmp_path / "r.xlsx")])
    assert code == EXIT_ERROR
    assert "--json and an .xlsx output exclude each other" in capsys.readouterr().err
    assert not (tmp_path / "r.xlsx").exists()


# --- reading: what is accepted ------------------------------------------------------------

def test_iso_text_dates_read_like_the_csv(project: Any) -> None:
    cells = _example_cells()
    for row in cells[1:]:  # dates as ISO text, numbers as number cells
        row[0], row[1] = row[0].isoformat(), row[1].isoformat()
    got = compute(load_project(project(cells)))
    want = compute(load_project(DATA / "example.toml"))
    assert got.to_dict()["periods"] == want.to_dict()["periods"]


@pytest.mark.parametrize("text", ["91874.0", "\uff19\uff11\uff18\uff17\uff14", " 98210.4 "])
def test_text_in_a_number_column_is_refused(project: Any, text: str) -> None:
    """The README says numbers are number cells: text that looks like a number (typed with an
    apostrophe, pasted, or in full-width digits, U+FF10..U+FF19) is refused by sheet, row and
    column, never read as a number."""
    cells = _example_cells()
    cells[2][2] = text
    with pytest.raises(InputError, match=r"book.xlsx, sheet monitoring: line 3, column export: "
                                         r"text in a number column \(got '.*'; expected a "
                                         r"number cell in MWh"):
        load_project(project(cells))


def test_first_sheet_when_none_is_named(project: Any) -> None:
    got = compute(load_project(project(_example_cells(), sheet=None, title="any name")))
    assert got.totals == compute(load_project(DATA / "example.toml")).totals


def test_formula_cell_counts_with_its_computed_value(project: Any, tmp_path: Path) -> None:
    """A formula Excel computed (cached value in the file) counts as that value."""
    cells = _example_cells()
    cells[1][2] = "=98000+210.4"
    path = project(cells)
    book = tmp_path / "book.xlsx"
    _cache_formula_value(book, "C2", "98210.4")
    got = compute(load_project(path))
    assert got.totals == compute(load_project(DATA / "example.toml")).totals


def _cache_formula_value(path: Path, ref: str, value: str) -> None:
    """Write the value Excel would have stored beside the formula in cell ``ref``."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = members[name].decode()
    xml, n = re.subn(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>|(<c r="{ref}"[^>]*><f>[^<]*</f>)'
                     r"<v></v>", lambda m: (m.group(1) or m.group(2)) + f"<v>{value}</v>", xml)
    if n == 0:
        xml = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)', rf"\1<v>{value}</v>", xml)
    members[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)


# --- reading: what is refused -------------------------------------------------------------

def test_missing_sheet_lists_the_sheets(project: Any) -> None:
    with pytest.raises(InputError, match=r"monitoring.sheet: the workbook has no such sheet "
                                         r"\(got 'May'; expected one of the sheets of "
                                         r"book.xlsx: monitoring\)"):
        load_project(project(_example_cells(), sheet="May"))


def test_merged_header_cells(project: Any) -> None:
    def merge(wb: Any, ws: Any) -> None:
        ws.merge_cells("C1:D1")
    with pytest.raises(InputError, match=r"book.xlsx, sheet monitoring: merged cells in the "
                                         r"header \(got 'C1:D1'"):
        load_project(project(_example_cells(), edit=merge))


def test_formula_in_the_header(project: Any) -> None:
    cells = _example_cells()
    cells[0][2] = '="export [MWh]"'
    with pytest.raises(InputError, match=r"cell C1: a formula in the header"):
        load_project(project(cells))


def test_number_in_the_header(project: Any) -> None:
    cells = _example_cells()
    cells[0][2] = 2024
    with pytest.raises(InputError, match=r"cell C1: a header cell is not text \(got '2024'"):
        load_project(project(cells))


def test_excel_date_in_a_text_column(project: Any) -> None:
    cells = _example_cells()
    cells[3][4] = dt.datetime(2024, 3, 1)
    with pytest.raises(InputError, match=r"book.xlsx, sheet monitoring: line 4, column "
                                         r"export_meter: a date in a text column"):
        load_project(project(cells))


def test_excel_date_in_a_number_column(project: Any) -> None:
    cells = _example_cells()
    cells[2][2] = dt.datetime(2024, 3, 1)
    with pytest.raises(InputError, match=r"line 3, column export: a date in a number column"):
        load_project(project(cells))


def test_date_time_that_is_not_a_whole_day(project: Any) -> None:
    cells = _example_cells()
    cells[1][1] = dt.datetime(2024, 1, 31, 12, 0)
    with pytest.raises(InputError, match=r"line 2, column end: a date-time, not a date"):
        load_project(project(cells))


def test_plain_number_in_a_date_column(project: Any) -> None:
    cells = _example_cells()
    cells[1][0] = 45292  # the serial of 2024-01-01, but not formatted as a date
    with pytest.raises(InputError, match=r"line 2, column start: not a date"):
        load_project(project(cells))


def test_header_without_unit(project: Any) -> None:
    cells = _example_cells()
    cells[0][2] = "export"
    with pytest.raises(UnitError, match=r"sheet monitoring: line 1, column export: column has no "
                                        r"unit"):
        load_project(project(cells))


def test_formula_never_computed(project: Any) -> None:
    cells = _example_cells()
    cells[1][2] = "=98000+210.4"
    with pytest.raises(InputError, match=r"line 2, cell C2: a formula Excel has not computed"):
        load_project(project(cells))


def test_excel_error_value(project: Any) -> None:
    cells = _example_cells()
    cells[1][2] = "#DIV/0!"
    with pytest.raises(InputError, match=r"cell C2: an Excel error value"):
        load_project(project(cells))


def test_filled_cell_right_of_the_header(project: Any) -> None:
    cells = _example_cells()
    cells[2] = [*cells[2], "note"]
    with pytest.raises(InputError, match=r"cell I3: a filled cell right of the header"):
        load_project(project(cells))


def test_missing_value_names_row_and_column(project: Any) -> None:
    cells = _example_cells()
    cells[5][3] = None
    with pytest.raises(InputError, match=r"line 6, column import: missing monitored value"):
        load_project(project(cells))


def test_not_a_workbook(project: Any, tmp_path: Path) -> None:
    path = project(_example_cells())
    (tmp_path / "book.xlsx").write_text("start,end\n", "utf-8")
    with pytest.raises(InputError, match=r"monitoring.excel: not an .xlsx workbook"):
        load_project(path)


def test_unpacked_size_is_limited(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match=r"unpacks to more than the limit"):
        load_project(project(_example_cells()))


def test_file_policy_applies(example_data: dict[str, Any], tmp_path: Path,
                             write_project: Any) -> None:
    example_data["monitoring"].pop("csv")
    example_data["monitoring"]["excel"] = "/etc/passwd"
    with pytest.raises(InputError, match=r"monitoring.excel: the file lies outside"):
        load_project(write_project(example_data))


def test_excel_and_csv_together(example_data: dict[str, Any], write_project: Any) -> None:
    example_data["monitoring"]["excel"] = "book.xlsx"
    with pytest.raises(InputError, match=r"monitoring data given in more than one place \(got "
                                         r"'monitoring.csv and monitoring.excel'"):
        load_project(write_project(example_data))


def test_sheet_without_workbook(example_data: dict[str, Any], write_project: Any) -> None:
    example_data["monitoring"]["sheet"] = "monitoring"
    with pytest.raises(InputError, match=r"monitoring.sheet: a sheet is named without a "
                                         r"workbook"):
        load_project(write_project(example_data))


def test_missing_extra_is_a_clear_error(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project(_example_cells())
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".", maxsplit=1)[0] == "openpyxl":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(CcerError, match=r"pip install 'ccer-calc\[excel\]'"):
        load_project(path)


def test_result_json_is_unchanged_by_the_route(project: Any) -> None:
    """The project file's monitoring location is not part of the result or the fingerprint."""
    got = json.loads(compute(load_project(project(_example_cells()))).to_json())
    want = json.loads(compute(load_project(DATA / "example.toml")).to_json())
    assert got == want


# --- reading: bounded (read-only, rows capped, unpacked size checked first) ----------------

def test_unpacked_size_is_checked_before_openpyxl_parses(
        project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("openpyxl was asked to parse a workbook over the limit")
    monkeypatch.setattr(excel, "_load", never)
    monkeypatch.setattr(excel, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match=r"at most 1,000 bytes unpacked"):
        load_project(project(_example_cells()))


def test_rows_are_capped_while_reading(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    cells = _example_cells()
    cells[4:4] = [[None] * len(HEADER)] * 3  # empty rows count towards the cap too
    monkeypatch.setattr(excel, "MAX_ROWS", 5)
    with pytest.raises(InputError, match=r"sheet monitoring: more than 5 rows in the sheet"):
        load_project(project(cells))


def test_the_sheet_is_read_in_read_only_mode(project: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[tuple[bool, bool]] = []
    real = openpyxl.load_workbook

    def spy(*args: Any, **kwargs: Any) -> Any:
        modes.append((kwargs.get("read_only", False), kwargs.get("data_only", False)))
        return real(*args, **kwargs)
    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    cells = _example_cells()
    cells[1][2] = "=98000+210.4"
    path = project(cells)
    _cache_formula_value(path.parent / "book.xlsx", "C2", "98210.4")
    got = compute(load_project(path))
    assert got.totals == compute(load_project(DATA / "example.toml")).totals
    assert modes == [(True, False), (True, True)]  # the second pass only for the formula


def test_merged_data_cells_found_in_read_only_mode(project: Any) -> None:
    def merge(wb: Any, ws: Any) -> None:
        ws.merge_cells("E5:E7")
    with pytest.raises(InputError, match=r"sheet monitoring: merged cells in the data \(got "
                                         r"'E5:E7'"):
        load_project(project(_example_cells(), edit=merge))


# --- writing: no sheet longer than Excel opens ---------------------------------------------

def test_a_table_longer_than_a_sheet_is_split_over_numbered_sheets(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel opens at most 1,048,576 rows a sheet; the limit is lowered here so that a small
    result overflows it (an hourly ten-year project writes 1.2 million trail_inputs rows)."""
    from ccer_calc.io import workbook  # noqa: PLC0415
    from ccer_calc.io.result_tables import result_tables  # noqa: PLC0415

    result = compute(load_project(DATA / "example.toml"))
    full = {t.name: t for t in result_tables(result)}
    monkeypatch.setattr(workbook, "MAX_SHEET_ROWS", 101)
    book = openpyxl.load_workbook(io.BytesIO(result_workbook(result)))
    count = -(-len(full["trail_inputs"].rows) // 100)
    assert count > 2
    names = ["trail_inputs", *(f"trail_inputs_{k}" for k in range(2, count + 1))]
    assert [n for n in book.sheetnames if n.startswith("trail_inputs")] == names
    rows: list[tuple[Any, ...]] = []
    for name in names:
        sheet = list(book[name].iter_rows(values_only=True))
        assert len(sheet) <= 101
        assert list(sheet[0]) == [c.header for c in full["trail_inputs"].columns]
        rows += sheet[1:]
    assert [list(r) for r in rows] == full["trail_inputs"].rows  # every row, in order
    summary = {r[0]: r[1] for r in book["summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["sheets.trail_inputs"].startswith(
        f"{len(full['trail_inputs'].rows):,} rows, split over the sheets trail_inputs, "
        "trail_inputs_2")
    assert "vintages" in book.sheetnames and "vintages_2" not in book.sheetnames


def test_estimate_writes_a_real_workbook(tmp_path: Path) -> None:
    """``estimate -o x.xlsx`` wrote a text table into a file named .xlsx; now a workbook whose
    numbers equal ``estimate --json`` exactly."""
    path = DATA / "example_ex_ante.toml"
    out = io.StringIO()
    assert main(["estimate", str(path), "--json"], out=out) == EXIT_OK
    want = json.loads(out.getvalue())
    target = tmp_path / "estimate.xlsx"
    assert main(["estimate", str(path), "-o", str(target)], out=io.StringIO()) == EXIT_OK
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["summary", "years", "scenarios", "sensitivity"]
    years = list(book["years"].iter_rows(values_only=True))
    assert years[0][:2] == ("year", "start")
    assert years[0][-1] == "emission_reductions [t CO2e]"
    assert [r[0] for r in years[1:]] == [y["year"] for y in want["years"]]
    assert [r[-1] for r in years[1:]] == [y["emission_reductions"]["value"]
                                          for y in want["years"]]
    summary = {r[0]: r[1] for r in book["summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["totals.emission_reductions"] == want["totals"]["emission_reductions"]["value"]
    assert summary["fingerprint"] == want["fingerprint"]
    scenarios = list(book["scenarios"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in scenarios} == set(want["scenarios"])
    sens = list(book["sensitivity"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in sens] == [s["quantity"] for s in want["sensitivity"]]
    assert main(["estimate", str(path), "--json", "-o", str(tmp_path / "x.xlsx")],
                out=io.StringIO()) == EXIT_ERROR
