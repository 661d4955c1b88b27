"""Conservative correction of metered data (CCER-01-002-V01 §7.3.4).

Calibrated but out of tolerance: export × (1 − |basic error|), import × (1 + |basic error|).
Not calibrated: export × (1 − MPE), import × (1 + MPE). The correction can only lower ER.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import InputError, UnitError
from ccer_calc.tools.metering import increased_by_error, meter_error_fraction
from ccer_calc.units import Quantity
from methodologies.ccer_01_002_v01.equations import (
    export_corrected_for_meter_error,
    import_corrected_for_meter_error,
)

DATA = Path(__file__).resolve().parent.parent / "data"
HEADER = ("start,end,export [MWh],import [MWh],export_meter,export_meter_error [%],"
          "import_meter,import_meter_error [%]")


def test_fraction_per_status() -> None:
    # §7.3.4: |basic error| when out of tolerance (sign ignored), the MPE when uncalibrated
    got = meter_error_fraction(np.array(["ok", "out_of_tolerance", "out_of_tolerance",
                                         "uncalibrated"]),
                               np.array([np.nan, -0.008, 0.012, np.nan]), 0.005, field="export")
    assert got.tolist() == pytest.approx([0.0, 0.008, 0.012, 0.005], rel=1e-12)


def test_ok_rows_ignore_a_given_error() -> None:
    got = meter_error_fraction(np.array(["ok"]), np.array([0.3]), None, field="export")
    assert got.tolist() == [0.0]


def test_out_of_tolerance_without_error() -> None:
    with pytest.raises(InputError, match=r"export_meter_error \(row 2\): meter found out of "
                                         r"tolerance but its basic error is missing"):
        meter_error_fraction(np.array(["ok", "out_of_tolerance"]), np.array([np.nan, np.nan]),
                             0.005, field="export")


def test_uncalibrated_without_mpe() -> None:
    with pytest.raises(InputError, match=r"monitoring.meters.import.max_permissible_error: a "
                                         "meter is uncalibrated"):
        meter_error_fraction(np.array(["uncalibrated"]), np.array([np.nan]), None,
                             field="import")


def test_export_is_reduced_and_import_increased() -> None:
    # §7.3.4 Table: export × (1 − e), import × (1 + e)
    e = Quantity(np.array([0.0, 0.008, 0.005]), "")
    exported = export_corrected_for_meter_error(
        measured=Quantity(np.array([100.0, 200.0, 300.0]), "MWh"), error=e)
    imported = import_corrected_for_meter_error(
        measured=Quantity(np.array([10.0, 20.0, 30.0]), "MWh"), error=e)
    assert exported.quantity.magnitude.tolist() == pytest.approx(
        [100.0, 200.0 * (1 - 0.008), 300.0 * (1 - 0.005)], rel=1e-12)
    assert imported.quantity.magnitude.tolist() == pytest.approx(
        [10.0, 20.0 * (1 + 0.008), 30.0 * (1 + 0.005)], rel=1e-12)


def test_shared_correction_body_keeps_any_unit() -> None:
    v = increased_by_error(Quantity(2.0, "万Nm3"), Quantity(0.5, "percent"))
    assert float(v.m_as("万Nm3")) == pytest.approx(2.0 * 1.005, rel=1e-12)
    assert f"{v.units:~}" == "万Nm3"


def test_import_correction_refuses_a_non_energy_quantity() -> None:
    with pytest.raises(UnitError, match=r"§7.3.4 import .*wrong dimension"):
        import_corrected_for_meter_error(measured=Quantity(2.0, "万Nm3"), error=Quantity(0.0, ""))


def _project(tmp_path: Path, rows: list[list[str]], meters: dict[str, str]) -> Any:
    """The example with three monitored months (Aug-Oct 2024) in two periods."""
    data = tomllib.loads((DATA / "example.toml").read_text("utf-8"))
    data["monitoring"]["periods"] = [
        {"id": "MP1", "start": "2024-08-01", "end": "2024-08-31"},
        {"id": "MP2", "start": "2024-09-01", "end": "2024-10-31"}]
    data["monitoring"]["meters"] = {k: {"max_permissible_error": v} for k, v in meters.items()}
    text = "\n".join([HEADER, *(",".join(r) for r in rows)]) + "\n"
    (tmp_path / "example_monitoring.csv").write_text(text, "utf-8")
    (tmp_path / "p.json").write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
    return load_project(tmp_path / "p.json")


ROWS = [
    ["2024-08-01", "2024-08-31", "60000", "300", "out_of_tolerance", "-1.2", "ok", ""],
    ["2024-09-01", "2024-09-30", "70000", "250", "uncalibrated", "", "out_of_tolerance", "0.7"],
    ["2024-10-01", "2024-10-31", "80000", "200", "ok", "", "uncalibrated", ""],
]


def test_corrections_applied_end_to_end(tmp_path: Path) -> None:
    # §7.3.4 through compute: e per row from the CSV statuses, MPE 0.5 % from the project file
    result = compute(_project(tmp_path, ROWS, {"export": "0.5 %", "import": "0.5 %"}))
    e_export = [0.012, 0.005, 0.0]
    e_import = [0.0, 0.007, 0.005]
    exports = [60000.0, 70000.0, 80000.0]
    imports = [300.0, 250.0, 200.0]
    m1, m2 = result.trail.find("§7.3.4 export")[0], result.trail.find("§7.3.4 import")[0]
    assert m1.inputs[1].value.tolist() == pytest.approx(e_export, rel=1e-12)
    assert m2.inputs[1].value.tolist() == pytest.approx(e_import, rel=1e-12)
    adj_x = [x * (1 - e) for x, e in zip(exports, e_export, strict=True)]
    adj_i = [i * (1 + e) for i, e in zip(imports, e_import, strict=True)]
    assert m1.output.tolist() == pytest.approx(adj_x, rel=1e-12)
    assert m2.output.tolist() == pytest.approx(adj_i, rel=1e-12)
    ef_cm = 0.5 * 0.8042 + 0.5 * 0.2135  # 2019 South-grid edition, the latest before 2024
    er = sum((x - i) * ef_cm for x, i in zip(adj_x, adj_i, strict=True))
    assert result.totals["emission_reductions"] == pytest.approx(er, rel=1e-12)
    uncorrected = sum((x - i) * ef_cm for x, i in zip(exports, imports, strict=True))
    assert result.totals["emission_reductions"] < uncorrected  # conservative


def test_mpe_of_another_class(tmp_path: Path) -> None:
    # a class-0.2 meter: MPE 0.2 %, applied only where the meter was not calibrated
    result = compute(_project(tmp_path, ROWS, {"export": "0.2 %", "import": "0.2 %"}))
    m1, m2 = result.trail.find("§7.3.4 export")[0], result.trail.find("§7.3.4 import")[0]
    assert m1.inputs[1].value.tolist() == pytest.approx([0.012, 0.002, 0.0], rel=1e-12)
    assert m2.inputs[1].value.tolist() == pytest.approx([0.0, 0.007, 0.002], rel=1e-12)


def test_example_csv_has_both_cases() -> None:
    rows = list(csv.DictReader(io.StringIO((DATA / "example_monitoring.csv").read_text("utf-8"))))
    assert {r["export_meter"] for r in rows} >= {"ok", "out_of_tolerance"}
    assert "uncalibrated" in {r["import_meter"] for r in rows}
