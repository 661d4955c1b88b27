"""Rules follow the programme (issue #11, DESIGN decision 13).

CCER methodologies keep the management-measure dates (《温室气体自愿减排交易管理办法（试行）》 arts.
10 and 17); CDM methodologies follow the CDM modalities and procedures (decision 3/CMP.1, annex,
para. 49: at most 7 years renewable twice, or at most 10 years fixed) and none of the CCER dates,
so a historical CDM monitoring period is recomputed.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

import methodologies.acm0002 as acm
from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.errors import ApplicabilityError
from ccer_calc.io.projectfile import read_project_file
from ccer_calc.rules import cdm_rules, programme_rules

ACM = Path(acm.__file__).parent / "data"


def _shift_years(text: str, years: int) -> str:
    """The example's monitoring CSV moved ``years`` back (each monthly row stays one month)."""
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        for i in (0, 1):
            d = dt.date.fromisoformat(row[i])
            if (d.month, d.day) == (2, 29):  # a leap day becomes 28 February
                d = d.replace(day=28)
            row[i] = d.replace(year=d.year - years).isoformat()
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _historical_acm0002(tmp_path: Path) -> dict[str, Any]:
    """The ACM0002 example moved nine years back: construction 2012, monitoring 2015-2016."""
    (tmp_path / "m.csv").write_text(
        _shift_years((ACM / "example_monitoring.csv").read_text("utf-8"), 9), "utf-8")
    data = read_project_file(ACM / "example.toml")
    data["monitoring"]["csv"] = "m.csv"
    for key in ("construction_start", "grid_connection", "crediting_period_start",
                "crediting_period_end"):
        d = data["dates"][key]
        data["dates"][key] = d.replace(year=d.year - 9)
    for p in data["monitoring"]["periods"]:
        p["start"] = p["start"].replace(year=p["start"].year - 9)
        p["end"] = p["end"].replace(year=p["end"].year - 9)
    return data


def test_methodologies_declare_their_programme() -> None:
    assert get_methodology("ACM0002").programme == "CDM"
    assert get_methodology("CCER-01-001-V01").programme == "CCER"
    assert get_methodology("CCER-01-002-V01").programme == "CCER"


def test_acm0002_recomputes_a_2015_monitoring_period(tmp_path: Path) -> None:
    data = _historical_acm0002(tmp_path)
    assert data["monitoring"]["periods"][0]["start"] == dt.date(2015, 1, 1)
    assert data["dates"]["construction_start"] < dt.date(2012, 11, 8)
    result = compute(project_from_dict(data, base_dir=tmp_path))
    names = {c.name for c in result.checks}
    assert not any("2012_11_08" in n or "2020_09_22" in n for n in names)
    assert "cdm_crediting_period_at_most_10_years" in names
    # the same monitoring moved nine years is the same arithmetic (OM/BM given by the project)
    same = compute(project_from_dict(read_project_file(ACM / "example.toml"), base_dir=ACM))
    assert result.totals["emission_reductions"] == pytest.approx(
        same.totals["emission_reductions"], rel=1e-12)


def test_a_ccer_plug_in_still_refuses_2015(example_data: dict[str, Any],
                                           example_dir: Path) -> None:
    data = copy.deepcopy(example_data)
    data["monitoring"]["periods"][0]["start"] = dt.date(2015, 1, 1)
    data["dates"]["crediting_period_start"] = dt.date(2015, 1, 1)
    data["dates"]["construction_start"] = dt.date(2013, 3, 1)
    data["dates"]["grid_connection"] = dt.date(2014, 6, 30)
    project = project_from_dict(data, base_dir=example_dir)
    failed = {c.name for c in programme_rules(project, get_methodology("CCER-01-002-V01"))
              if not c.passed}
    assert "reductions_after_2020_09_22" in failed


@pytest.mark.parametrize(("kind", "number", "end", "failed"), [
    ("fixed", None, dt.date(2033, 12, 31), set()),
    ("fixed", None, dt.date(2034, 1, 1), {"cdm_crediting_period_at_most_10_years"}),
    ("fixed", 2, dt.date(2033, 12, 31), {"cdm_fixed_crediting_period_not_renewed"}),
    ("renewable", 1, dt.date(2030, 12, 31), set()),
    ("renewable", 3, dt.date(2030, 12, 31), set()),
    ("renewable", 1, dt.date(2031, 1, 1), {"cdm_crediting_period_at_most_7_years"}),
    ("renewable", 4, dt.date(2030, 12, 31), None),  # refused at load: 1 to 3
    ("renewable", None, dt.date(2030, 12, 31), {"cdm_renewable_crediting_period_number"}),
    (None, None, dt.date(2030, 12, 31), {"cdm_crediting_period_type_stated"}),
])
def test_cdm_crediting_periods(kind: str | None, number: int | None, end: dt.date,
                               failed: set[str] | None) -> None:
    data = read_project_file(ACM / "example.toml")
    data["dates"].update(crediting_period_end=end)
    data["dates"].pop("crediting_period_type", None)
    if kind is not None:
        data["dates"]["crediting_period_type"] = kind
    if number is not None:
        data["dates"]["crediting_period_number"] = number
    if failed is None:
        with pytest.raises(Exception, match=r"crediting_period_number"):
            project_from_dict(data, base_dir=ACM)
        return
    project = project_from_dict(data, base_dir=ACM)
    checks = cdm_rules(project, get_methodology("ACM0002"))
    assert {c.name for c in checks if not c.passed} == failed


def test_cdm_refuses_the_ccer_application_date() -> None:
    data = read_project_file(ACM / "example.toml")
    data["dates"]["application_date"] = dt.date(2025, 6, 30)
    with pytest.raises(ApplicabilityError, match=r"no_ccer_application_date failed"):
        compute(project_from_dict(data, base_dir=ACM))


def test_ccer_refuses_cdm_crediting_fields(example_data: dict[str, Any],
                                           example_dir: Path) -> None:
    example_data["dates"]["crediting_period_type"] = "renewable"
    with pytest.raises(ApplicabilityError, match=r"no_cdm_crediting_period_type failed"):
        compute(project_from_dict(example_data, base_dir=example_dir))
