"""``inline_project`` passes each meter error on as the user wrote it, so the service computes
the same result and fingerprint as ``ccer-calc compute`` on the file.

A meter error is read as a fraction (``-0.8 %`` -> ``-0.008``); rebuilding the percentage from
the fraction (``× 100``) may miss the written number by an ulp (``1.55 %`` -> ``0.0155...02``
-> ``1.5500000000000003 %``), which the service reads as another fraction and another
fingerprint. The inline body carries the cell's number with its header's unit instead, which
the service converts as the CSV and sheet readers do. Monitored values written in kWh where
the methodology declares MWh travel in MWh, the float the engine holds, read back untouched.
"""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("httpx", reason="needs the test extra (httpx)")

from fastapi.testclient import TestClient

from ccer_calc.api import load_project
from ccer_calc.cli import main
from ccer_calc.io.table import quantity_in_unit
from ccer_calc.server import create_app, inline_project

ROOT = Path(__file__).resolve().parents[1]
OW = ROOT / "methodologies" / "ccer_01_002_v01" / "data"

#: Meter errors [%]: the first ones from the task, the last two fail a naive × 100 round trip.
ERRORS = (-0.8, 0.29, 1.1, 0.57, 1.55, -2.57)
#: (start, end, export [kWh] as written, import [MWh]) of the example's first monitored rows.
ROWS = (
    ("2024-01-01", "2024-01-31", "98210400", "212.6"),
    ("2024-02-01", "2024-02-29", "91874000.3", "198.3"),
    ("2024-03-01", "2024-03-31", "88320700", "240.1"),
    ("2024-04-01", "2024-04-30", "71245900.7", "265.8"),
    ("2024-05-01", "2024-05-31", "62310200", "301.4"),
    ("2024-06-01", "2024-06-30", "58902600.1", "322.7"),
    ("2024-07-01", "2024-07-31", "66418300", "287.9"),
    ("2024-08-01", "2024-08-31", "60127500", "310.2"),
    ("2024-09-01", "2024-09-30", "79856100", "255.0"),
)
HEADER = ("start", "end", "export [kWh]", "import [MWh]", "export_meter",
          "export_meter_error [%]", "import_meter", "import_meter_error [percent]")


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(create_app()) as c:
        yield c


def _cells() -> list[list[str]]:
    """The rows' cells: the first six rows' export meters out of tolerance by ``ERRORS``."""
    out = []
    for k, (start, end, export, imp) in enumerate(ROWS):
        error = f"{ERRORS[k]}" if k < len(ERRORS) else ""
        status = "out_of_tolerance" if error else "ok"
        imp_error = "0.29" if k == 2 else ""
        out.append([start, end, export, imp, status, error, "ok", imp_error])
    return out


def _project(tmp_path: Path, source: str) -> Path:
    text = (OW / "example.toml").read_text(encoding="utf-8")
    text = text.replace('csv = "example_monitoring.csv"', source)
    mp2 = '[[monitoring.periods]]\nid = "MP2"\nstart = 2024-10-01\nend = 2025-06-30\n'
    text = text.replace(mp2, "")  # one period, covered by the nine rows
    path = tmp_path / "project.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _csv_project(tmp_path: Path) -> Path:
    lines = [",".join(HEADER)] + [",".join(r) for r in _cells()]
    (tmp_path / "m.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _project(tmp_path, 'csv = "m.csv"')


def _xlsx_project(tmp_path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl", reason="needs the excel extra")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "monitoring"
    sheet.append(HEADER)
    for r in _cells():
        sheet.append([r[0], r[1], float(r[2]), float(r[3]), r[4],
                      float(r[5]) if r[5] else None, r[6], float(r[7]) if r[7] else None])
    book.save(tmp_path / "m.xlsx")
    return _project(tmp_path, 'excel = "m.xlsx"\nsheet = "monitoring"')


def _cli_json(path: Path) -> str:
    out = io.StringIO()
    assert main(["compute", str(path), "--json"], out=out) == 0
    return out.getvalue()


def test_some_errors_fail_a_naive_percent_round_trip() -> None:
    """The data would catch a body that rebuilds the percentage from the fraction."""
    def fraction(p: float) -> float:
        return quantity_in_unit({"value": p, "unit": "%"}, "", "meter error")

    missed = [p for p in ERRORS if fraction(fraction(p) * 100.0) != fraction(p)]
    assert missed == [1.55, -2.57]
    assert fraction(1.55) * 100.0 == 1.5500000000000003


@pytest.mark.parametrize("make", [_csv_project, _xlsx_project], ids=["csv", "xlsx"])
def test_inline_body_computes_as_the_file(client: Any, tmp_path: Path, make: Any) -> None:
    path = make(tmp_path)
    body = inline_project(path)
    rows = body["monitoring"]["data"]
    assert "csv" not in body["monitoring"]
    assert "excel" not in body["monitoring"]
    # each meter error as written: the cell's number and the header's unit
    assert [r["export_meter_error"] for r in rows[:len(ERRORS)]] == [
        {"value": p, "unit": "%"} for p in ERRORS]
    assert rows[2]["import_meter_error"] == {"value": 0.29, "unit": "percent"}
    assert "export_meter_error" not in rows[len(ERRORS)]
    # kWh read as MWh: the body carries the engine's float in MWh
    project = load_project(path)
    assert rows[0]["export"] == {"value": 98210.40000000001, "unit": "MWh"}
    held = project.table.columns["export"].magnitude.tolist()
    assert [r["export"]["value"] for r in rows] == held
    response = client.post("/compute", json=json.loads(json.dumps(body)))
    assert response.status_code == 200, response.text
    expected = _cli_json(path)
    assert response.text == expected
    assert response.json()["fingerprint"] == json.loads(expected)["fingerprint"]


@pytest.mark.parametrize("make", [_csv_project, _xlsx_project], ids=["csv", "xlsx"])
def test_the_service_reads_the_fractions_the_file_gave(tmp_path: Path, make: Any) -> None:
    """The same fractions, bit for bit, through the inline reader of the service."""
    path = make(tmp_path)
    body = inline_project(path)
    inline = tmp_path / "inline.json"
    inline.write_text(json.dumps(body), encoding="utf-8")
    from_file = load_project(path).table
    from ccer_calc.api import project_from_dict  # noqa: PLC0415

    from_body = project_from_dict(json.loads(inline.read_text(encoding="utf-8"))).table
    for name in ("export", "import"):
        assert from_body.meter_error[name].tobytes() == from_file.meter_error[name].tobytes()
        assert (from_body.columns[name].magnitude.tobytes()
                == from_file.columns[name].magnitude.tobytes())


def test_inline_rows_keep_their_meter_errors_as_written(client: Any, tmp_path: Path) -> None:
    """A project whose rows are inline already: each meter error goes on as the user wrote it."""
    rows = "".join(
        f'[[monitoring.data]]\nstart = {s}\nend = {e}\nexport = "{float(x) / 1000!r} MWh"\n'
        f'import = {{value = {i}, unit = "MWh"}}\n'
        + (f'export_meter = "out_of_tolerance"\nexport_meter_error = "{ERRORS[k]} %"\n'
           if k < len(ERRORS) else "")
        for k, (s, e, x, i) in enumerate(ROWS))
    path = _project(tmp_path, "")
    path.write_text(path.read_text(encoding="utf-8") + "\n" + rows, encoding="utf-8")
    body = inline_project(path)
    data = body["monitoring"]["data"]
    assert [r["export_meter_error"] for r in data[:len(ERRORS)]] == [f"{p} %" for p in ERRORS]
    response = client.post("/compute", json=body)
    assert response.status_code == 200, response.text
    assert response.text == _cli_json(path)


def test_timed_rows_keep_their_times(client: Any, tmp_path: Path) -> None:
    """Rows of date-times (here in UTC, the project's calendar UTC+08:00) go as local times.

    Their days alone would make four rows of one day each, which overlap.
    """
    stamps = ["2023-12-31T16:00Z", "2023-12-31T22:00Z", "2024-01-01T04:00Z",
              "2024-01-01T10:00Z", "2024-01-01T16:00Z"]
    lines = ["start,end,export [kWh],import [MWh],export_meter,export_meter_error [%]"]
    lines += [f"{a},{b},50000,0.1,{'out_of_tolerance' if k == 1 else 'ok'},"
              f"{'1.55' if k == 1 else ''}" for k, (a, b) in enumerate(itertools.pairwise(stamps))]
    (tmp_path / "m.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = _project(tmp_path, 'csv = "m.csv"\nutc_offset = "+08:00"')
    path.write_text(path.read_text(encoding="utf-8").replace("end = 2024-09-30",
                                                             "end = 2024-01-01"),
                    encoding="utf-8")
    body = inline_project(path)
    data = body["monitoring"]["data"]
    assert [(r["start"], r["end"]) for r in data[:2]] == [
        ("2024-01-01T00:00:00", "2024-01-01T06:00:00"),
        ("2024-01-01T06:00:00", "2024-01-01T12:00:00")]
    assert data[1]["export_meter_error"] == {"value": 1.55, "unit": "%"}
    response = client.post("/compute", json=body)
    assert response.status_code == 200, response.text
    assert response.text == _cli_json(path)
