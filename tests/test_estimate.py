"""The ex-ante estimate (issue #15): expected values through the methodology's own equations.

Hand-worked numbers follow CCER-01-002-V01 (并网海上风力发电): §6.3 eq. (2) EG_PJ,y =
EG_export,y − EG_import,y; eq. (3) EF_grid,CM,y = EF_grid,OM,y × w_OM + EF_grid,BM,y × w_BM
(w = 0.5, §7.1 Tables 2-3); eq. (1) BE_y = EG_PJ,y × EF_grid,CM,y; §6.4 PE_y = 0; §6.5 LE_y = 0;
§6.6 eq. (4) ER_y = BE_y − PE_y. The grid factors of an estimate are the latest edition available
(§7.2 Tables 6-7).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.estimation import estimate

EX_ANTE_TOML = (Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01"
                / "data" / "example_ex_ante.toml")
EXPORT, IMPORT = 803701.0, 1850.0
OM, BM = 0.8042, 0.2135
#: One whole year of the example: eq. (2), (3), (1) and (4) by hand.
ONE_YEAR = (EXPORT - IMPORT) * (OM * 0.5 + BM * 0.5)


@pytest.fixture
def data() -> dict[str, Any]:
    """The offshore-wind ex-ante example as plain data, without its scenarios."""
    d = tomllib.loads(EX_ANTE_TOML.read_text("utf-8"))
    del d["scenarios"]
    return d


@pytest.fixture
def load(write_project: Callable[..., Path]) -> Callable[[dict[str, Any]], Any]:
    """Write plain project data and load it."""
    def run(d: dict[str, Any]) -> Any:
        return load_project(write_project(d))
    return run


def _er(est: Any) -> list[float]:
    return [y.values["emission_reductions"] for y in est.years]


def test_hand_worked_year() -> None:
    # 801,851 MWh × 0.50885 t CO2/MWh
    assert ONE_YEAR == pytest.approx(408_021.88135, rel=1e-12)


def test_ten_whole_years_are_equal_and_sum_to_ten_years(load: Any, data: dict[str, Any]) -> None:
    est = estimate(load(data))
    assert [y.year for y in est.years] == list(range(2024, 2034))
    assert [y.days for y in est.years] == [366, 365, 365, 365, 366, 365, 365, 365, 366, 365]
    for er in _er(est):
        assert er == pytest.approx(ONE_YEAR, rel=1e-12)
    assert est.totals["emission_reductions"] == pytest.approx(10 * ONE_YEAR, rel=1e-12)
    assert est.crediting_years == 10.0
    assert est.annual_average["emission_reductions"] == pytest.approx(ONE_YEAR, rel=1e-12)
    for y in est.years:  # BE = ER, PE = LE = 0 (§6.4, §6.5)
        assert y.values["baseline_emissions"] == y.values["emission_reductions"]
        assert y.values["project_emissions"] == y.values["leakage_emissions"] == 0.0


def test_mid_year_start_pro_rates_first_and_last_years(load: Any, data: dict[str, Any]) -> None:
    # A constant annual value is a value per crediting year (1 July to 30 June here), each
    # calendar year receiving overlap days ÷ days of the crediting year from each: the 3rd and
    # 7th crediting years hold a 29 February (366 days). Further cases, with every year worked
    # out: tests/test_estimate_crediting_years.py.
    data["dates"].update(construction_start="2022-03-01", grid_connection="2025-06-30",
                         crediting_period_start="2025-07-01", crediting_period_end="2035-06-30")
    est = estimate(load(data))
    er = _er(est)
    assert [y.year for y in est.years] == list(range(2025, 2036))
    assert (est.years[0].days, est.years[-1].days) == (184, 181)
    assert er[0] == pytest.approx(ONE_YEAR * 184 / 365, rel=1e-12)
    assert er[-1] == pytest.approx(ONE_YEAR * 181 / 365, rel=1e-12)
    dip, bump = 181 / 365 + 184 / 366, 182 / 366 + 184 / 365  # 2027 and 2031; 2028 and 2032
    shares = [1, dip, bump, 1, 1, dip, bump, 1, 1]
    assert er[1:-1] == pytest.approx([ONE_YEAR * s for s in shares], rel=1e-12)
    assert est.totals["emission_reductions"] == pytest.approx(10 * ONE_YEAR, rel=1e-12)
    assert est.crediting_years == pytest.approx(10.0, rel=1e-12)
    assert est.annual_average["emission_reductions"] == pytest.approx(ONE_YEAR, rel=1e-12)


def test_per_year_rows_are_the_value_of_the_year_part(load: Any, data: dict[str, Any]) -> None:
    data["dates"].update(crediting_period_start="2024-07-01", crediting_period_end="2026-06-30")
    data["expected"] = {"annual": {"import": "1850 MWh"}, "years": [
        {"year": 2024, "export": "400000 MWh"}, {"year": 2025, "export": "800000 MWh"},
        {"year": 2026, "export": "390000 MWh"}]}
    est = estimate(load(data))
    cm = OM * 0.5 + BM * 0.5
    # the annual import per crediting year (2024-07-01..2025-06-30 and on, 365 days each)
    imports = [IMPORT * 184 / 365, IMPORT, IMPORT * 181 / 365]
    for er, export, imp in zip(_er(est), (400000.0, 800000.0, 390000.0), imports, strict=True):
        assert er == pytest.approx((export - imp) * cm, rel=1e-12)


def test_trail_marks_the_values_as_expected(load: Any, data: dict[str, Any]) -> None:
    est = estimate(load(data))
    first = est.result.trail.entries[0]  # §7.3.4 on the exported electricity
    assert [(i.symbol, i.origin) for i in first.inputs] == [("EG_export,y", "expected"),
                                                            ("e_export", "expected")]
    assert first.inputs[0].ref == "expected values, column export"
    origins = {i.origin for e in est.result.trail.entries for i in e.inputs}
    assert "monitored" not in origins
    assert est.result.trail.axis[0] == "2024-01-01..2024-12-31"
    assert [e.equation for e in est.result.trail.entries][-1] == "(4)"
    d = json.loads(est.to_json())
    assert d["computation"] == "estimate"
    assert set(d) >= {"years", "totals", "annual_average", "fingerprint", "trail",
                      "scenarios", "sensitivity", "crediting_period"}
    first = d["years"][0]
    assert set(first) == {"year", "start", "end", "days", "year_days", "crediting_years",
                          "baseline_emissions", "project_emissions", "leakage_emissions",
                          "emission_reductions"}
    assert first["emission_reductions"] == {"value": _er(est)[0], "unit": "t CO2e"}
    assert d["totals"]["emission_reductions"]["value"] == est.totals["emission_reductions"]
    assert d["annual_average"]["emission_reductions"]["unit"] == "t CO2e"


def test_estimate_is_deterministic_and_fingerprinted(load: Any, data: dict[str, Any]) -> None:
    a, b = estimate(load(data)), estimate(load(copy.deepcopy(data)))
    assert a.to_json() == b.to_json()
    data["expected"]["annual"]["export"] = "803702 MWh"
    assert estimate(load(data)).fingerprint != a.fingerprint


def test_a_project_may_carry_monitoring_and_expected_values(
        write_project: Callable[..., Path], example_data: dict[str, Any],
        data: dict[str, Any]) -> None:
    both = {**example_data, "expected": data["expected"]}
    project = load_project(write_project(both))
    monitored = compute(project)
    assert monitored.totals["emission_reductions"] == pytest.approx(
        compute(load_project(write_project(example_data))).totals["emission_reductions"],
        rel=1e-15)
    est = estimate(project)
    # the estimate ignores the instalment's application date (no five-year look-back ex ante)
    assert "five_year_lookback" not in {c.name for c in est.result.checks}
    assert est.totals["emission_reductions"] == pytest.approx(10 * ONE_YEAR, rel=1e-12)


# --- grid factors: the latest edition available ----------------------------------------------

def test_without_override_the_latest_edition_rule_stops(load: Any, data: dict[str, Any]) -> None:
    del data["parameters"]
    with pytest.raises(DataNotFound, match=r"ex-ante estimate is 2024 .* not bundled"):
        estimate(load(data))


def test_latest_bundled_edition_applies_to_every_year(
        load: Any, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from ccer_calc.tools import mee_grid_factors as mee  # noqa: PLC0415

    register = dict(mee.edition_register())
    register[2024] = mee.Edition(2024, "no", None, (), "", False, "test: none")
    monkeypatch.setattr(mee, "edition_register", lambda: register)
    del data["parameters"]
    with pytest.raises(DataNotFound, match=r"edition for 2023 was published"):
        estimate(load(data))  # 2020-2023 are unknown: the 2019 edition may not stand in
    for year in (2020, 2021, 2022, 2023):
        register[year] = mee.Edition(year, "no", None, (), "", False, "test: none")
    est = estimate(load(data))
    om = next(i for e in est.result.trail.entries for i in e.inputs if i.symbol == "EF_grid,OM,y")
    assert om.value.tolist() == [0.8042] * 10  # the 2019 edition's 南方 OM, in every year
    assert om.ref.startswith("MEE edition 2019 (latest available in the engine's register)")
    assert _er(est)[0] == pytest.approx(ONE_YEAR, rel=1e-12)
    assert est.result.data_tables  # the register and the values enter the fingerprint


# --- scenarios and sensitivity ----------------------------------------------------------------

def test_scenarios_side_by_side(load: Any) -> None:
    project = load_project(EX_ANTE_TOML)
    est = estimate(project)
    assert sorted(est.scenarios) == ["P90", "late_start"]
    p90 = est.scenarios["P90"]
    assert "P90 yield" in (p90.description or "")
    cm = OM * 0.5 + BM * 0.5
    assert _er(p90) == pytest.approx([(712480.0 - IMPORT) * cm] * 10, rel=1e-12)
    late = est.scenarios["late_start"]
    assert (late.years[0].year, late.years[-1].year) == (2024, 2034)
    assert _er(late)[0] == pytest.approx(ONE_YEAR * 184 / 365, rel=1e-12)
    # ten crediting years: ten years' ER (4,079,656.825 t before crediting years, #15)
    assert late.totals["emission_reductions"] == pytest.approx(10 * ONE_YEAR, rel=1e-12)
    d = est.to_dict()
    assert d["scenarios"]["P90"]["fingerprint"] != d["fingerprint"]
    assert d["scenarios"]["P90"]["totals"]["emission_reductions"]["value"] == pytest.approx(
        10 * (712480.0 - IMPORT) * cm, rel=1e-12)
    alone = estimate(project, scenario="P90")
    assert alone.scenario == "P90"
    assert alone.fingerprint == p90.fingerprint
    assert alone.scenarios == {}
    assert _er(alone) == _er(p90)


def test_sensitivity_is_recomputed_through_the_equations(load: Any,
                                                         data: dict[str, Any]) -> None:
    est = estimate(load(data))
    cm = OM * 0.5 + BM * 0.5
    rows = {s.quantity: s for s in est.sensitivity}
    assert sorted(rows) == ["export", "import"]
    assert rows["export"].base == pytest.approx(10 * ONE_YEAR, rel=1e-12)
    assert rows["export"].lower == pytest.approx(10 * (0.9 * EXPORT - IMPORT) * cm, rel=1e-12)
    assert rows["export"].higher == pytest.approx(10 * (1.1 * EXPORT - IMPORT) * cm, rel=1e-12)
    assert rows["import"].lower == pytest.approx(10 * (EXPORT - 0.9 * IMPORT) * cm, rel=1e-12)
    assert rows["import"].higher == pytest.approx(10 * (EXPORT - 1.1 * IMPORT) * cm, rel=1e-12)
    assert est.to_dict()["sensitivity"][0]["change"] == 0.1


def test_an_unknown_scenario_is_refused(load: Any, data: dict[str, Any]) -> None:
    with pytest.raises(InputError, match="no such scenario") as e:
        estimate(load(data), scenario="P99")
    assert e.value.field == "scenario"


# --- bad input, each naming its field ----------------------------------------------------------

def _years(*rows: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"year": y, "export": v} for y, v in rows]


@pytest.mark.parametrize(("expected", "field", "message"), [
    ({"annual": {"export": "2700000 MWh", "import": "0 MWh"}}, "expected.annual.export (2024: 366 "
     "days, 1 × annual)", "more energy than the installed capacity"),
    ({"annual": {"export": "10 MWh", "import": "0 MWh", "wind": "1 MWh"}},
     "expected.annual.wind", "unknown expected quantity"),
    ({"annual": {"export": "10 MWh"}}, "expected.annual.import", "missing expected quantity"),
    ({"annual": {"export": "10 MWh", "import": "-1 MWh"}},
     "expected.annual.import (2024: 366 days, 1 × annual)", "out of range"),
    ({"annual": {"export": "10 t", "import": "0 MWh"}}, "expected.annual.export",
     "wrong unit"),
    ({"annual": {"export": "10 MWh", "import": "0 MWh"}, "years": _years((2034, "5 MWh"))},
     "expected.years[0].year", "year outside the crediting period"),
    ({"annual": {"export": "10 MWh", "import": "0 MWh"}, "years": _years((2024, "5 MWh"))},
     "expected.years[0].export", "both as a constant annual value and per year"),
    ({"annual": {"import": "0 MWh"}, "years": _years((2024, "5 MWh"), (2024, "6 MWh"))},
     "expected.years[1].year", "two rows for one year"),
    ({"annual": {"import": "0 MWh"}, "years": _years((2024, "5 MWh"), (2025, "6 MWh"))},
     "expected.years", "no expected export for 2026"),
    ({"annual": {"import": "0 MWh"}, "years": [{"export": "5 MWh"}]},
     "expected.years[0].year", "needs its calendar year"),
    ({"annual": {"import": "0 MWh"}, "years": [{"year": True, "export": "5 MWh"}]},
     "expected.years[0].year", "needs its calendar year"),
    ({"annual": {"import": "0 MWh"},
      "years": [{"year": y, "export": "2700000 MWh" if y == 2027 else "5 MWh"}
                for y in range(2024, 2034)]},
     "expected.years[3].export", "more energy than the installed capacity"),
    ({"annual": {"export": 5, "import": "0 MWh"}}, "expected.annual.export", "no unit"),
    ({"annual": {"export": "5 MWh", "import": "0 MWh"}, "extra": 1}, "expected.extra",
     r"unknown key in \[expected\].*expected as_of, annual, years \(CCER-01-002-V01\)"),
])
def test_bad_expected_values_are_refused(load: Any, data: dict[str, Any],
                                         expected: dict[str, Any], field: str,
                                         message: str) -> None:
    data["expected"] = expected
    with pytest.raises((InputError, TypeError), match=message) as e:
        load(data)
    assert e.value.field == field  # type: ignore[attr-defined]


def test_capacity_limit_is_capacity_times_hours_of_the_year(load: Any,
                                                            data: dict[str, Any]) -> None:
    # a constant annual value holds in every year: the limit is that of a 365-day year
    most = 300 * 24 * 365  # MWh at 300 MW
    data["expected"]["annual"]["export"] = f"{most} MWh"
    load(data)  # exactly the capacity: accepted
    data["expected"]["annual"]["export"] = f"{most * 1.0001} MWh"
    with pytest.raises(InputError, match=re.escape(f"at most {most:g} MWh")) as e:
        load(data)
    assert e.value.field == "expected.annual.export (2025: 365 days, 1 × annual)"


@pytest.mark.parametrize(("scenario", "field", "message"), [
    ({"parameters": {"grid_xx_factor": "0.5 t CO2/MWh"}}, "scenarios.S.parameters.grid_xx_factor",
     "unknown parameter"),
    ({"parameters": {"om_weight": "75 %"}}, "scenarios.S.parameters.om_weight",
     "may not be overridden"),
    ({"expected": {"annual": {"wind": "1 MWh"}}}, "scenarios.S.expected.annual.wind",
     "unknown expected quantity"),
    ({"dates": {"crediting_start": "2025-01-01"}}, "scenarios.S.dates.crediting_start",
     "not permitted"),
    ({"generation": "P90"}, "scenarios.S.generation", "not permitted"),
    ({"expected": {"planting": []}}, "scenarios.S.expected.planting",
     r"unknown key in \[expected\]"),
    ({"dates": {"grid_connection": "2024-02-01"}}, "scenarios.S.dates.grid_connection",
     "after crediting starts"),
    ({"dates": {"crediting_period_start": "2023-01-01"}}, "dates.grid_connection",
     "in scenario S: grid connection is dated after crediting starts"),
])
def test_bad_scenarios_are_refused(load: Any, data: dict[str, Any], scenario: dict[str, Any],
                                   field: str, message: str) -> None:
    data["scenarios"] = {"S": scenario}
    with pytest.raises(InputError, match=message) as e:
        load(data)
    assert e.value.field == field


def test_scenario_outside_the_crediting_period_rules_fails_the_estimate(
        load: Any, data: dict[str, Any]) -> None:
    from ccer_calc.errors import ApplicabilityError  # noqa: PLC0415

    data["scenarios"] = {"long": {"dates": {"crediting_period_end": "2034-12-31"}}}
    project = load(data)
    with pytest.raises(ApplicabilityError, match="in scenario long: crediting_period_at_most_10"):
        estimate(project)


def test_typed_ex_ante_and_expected_values_are_refused_together(load: Any,
                                                                data: dict[str, Any]) -> None:
    data["ex_ante"] = [{"year": 2024, "emission_reductions": "1 t CO2e"}]
    with pytest.raises(InputError, match="given twice") as e:
        load(data)
    assert e.value.field == "expected"


def test_a_project_needs_monitoring_data_or_expected_values(load: Any,
                                                            data: dict[str, Any]) -> None:
    del data["expected"]
    with pytest.raises(InputError, match="neither monitoring data nor expected") as e:
        load(data)
    assert e.value.field == "monitoring"


def test_compute_needs_monitoring_data_and_estimate_expected_values(
        load: Any, data: dict[str, Any], write_project: Callable[..., Path],
        example_data: dict[str, Any]) -> None:
    with pytest.raises(InputError, match="no monitoring data, which compute needs") as e:
        compute(load(data))
    assert "ccer-calc estimate" in str(e.value)
    with pytest.raises(InputError, match="no expected values, which estimate needs"):
        estimate(load_project(write_project(example_data)))


def test_scenarios_need_expected_values(write_project: Callable[..., Path],
                                        example_data: dict[str, Any]) -> None:
    example_data["scenarios"] = {"P90": {"parameters": {"grid_om_factor": "0.9 t CO2/MWh"}}}
    with pytest.raises(InputError, match="project gives no expected values") as e:
        load_project(write_project(example_data))
    assert e.value.field == "scenarios"


def test_grid_connection_after_the_crediting_period_starts(load: Any,
                                                           data: dict[str, Any]) -> None:
    data["dates"]["grid_connection"] = "2024-03-01"
    with pytest.raises(InputError, match="after crediting starts") as e:
        load(data)
    assert e.value.field == "dates.grid_connection"


def test_a_crediting_period_ending_before_it_starts(load: Any, data: dict[str, Any]) -> None:
    data["dates"]["crediting_period_end"] = "2023-12-31"
    with pytest.raises(InputError, match="ends before it starts") as e:
        load(data)
    assert e.value.field == "dates.crediting_period_end"


# --- solar thermal: fuel for anti-freeze heating, per-year export ------------------------------

def test_solar_thermal_year_by_hand() -> None:
    """CCER-01-001-V01 §6.3 eqs. (1)-(3), §6.4 eqs. (4)-(5), §6.6 eq. (6) for 2024.

    Diesel from the bundled defaults (GB/T 32151.34-2024 表C.1: NCV 42.652 GJ/t, CC 20.2 t C/TJ,
    OF 98 %); natural gas with the project's NCV 385.2 GJ/万Nm3 and the table's CC 15.3 t C/TJ,
    OF 99 %.
    """
    path = EX_ANTE_TOML.parents[2] / "ccer_01_001_v01" / "data" / "example_ex_ante.toml"
    est = estimate(load_project(path))
    first = est.years[0]
    be = (318000.0 - 8100.0) * (0.5 * 0.8922 + 0.5 * 0.4407)
    pe = (14.0 * 42.652 * 20.2e-3 * 0.98 + 20.5 * 385.2 * 15.3e-3 * 0.99) * 44 / 12
    assert first.values["baseline_emissions"] == pytest.approx(be, rel=1e-12)
    assert first.values["project_emissions"] == pytest.approx(pe, rel=1e-12)
    assert first.values["emission_reductions"] == pytest.approx(be - pe, rel=1e-12)
    # export is given per year: 2033's row is its own value; the fuels are constant
    last = est.years[-1]
    assert last.values["baseline_emissions"] == pytest.approx(
        (334000.0 - 8100.0) * (0.5 * 0.8922 + 0.5 * 0.4407), rel=1e-12)
    assert last.values["project_emissions"] == pytest.approx(pe, rel=1e-12)
    # the low_dni scenario replaces the per-year export by a constant
    low = est.scenarios["low_dni"].years
    assert {round(y.values["baseline_emissions"], 6) for y in low} == {
        round((300000.0 - 8100.0) * (0.5 * 0.8922 + 0.5 * 0.4407), 6)}


def test_an_intensive_quantity_holds_as_given() -> None:
    from ccer_calc.expected import ExpectedIn  # noqa: PLC0415
    from ccer_calc.io.expected import expected_table  # noqa: PLC0415
    from ccer_calc.methodology import MonitoredColumn  # noqa: PLC0415
    from ccer_calc.periods import calendar_years  # noqa: PLC0415

    columns = (MonitoredColumn("gas", "Q", "t", "", "", "", "", kind="extensive"),
               MonitoredColumn("share", "w", "dimensionless", "", "", "", "",
                               kind="intensive"))
    years = calendar_years(dt.date(2025, 7, 1), dt.date(2026, 12, 31))
    table = expected_table(ExpectedIn.model_validate(
        {"annual": {"gas": "365 t", "share": "50 %"}}), columns, years, inputs=None)
    assert table.columns["gas"].magnitude.tolist() == pytest.approx([184.0, 365.0], rel=1e-12)
    assert table.columns["share"].magnitude.tolist() == [0.5, 0.5]


def test_a_sensitivity_case_the_methodology_refuses_says_so(load: Any,
                                                             data: dict[str, Any]) -> None:
    # import 95 % of export: 10 % less export falls below import, which the plug-in refuses
    # rather than crediting a negative net delivery (§6.3 eq. (2))
    data["expected"]["annual"] = {"export": "1000 MWh", "import": "950 MWh"}
    with pytest.raises(InputError, match=r"sensitivity with export 10% lower: electricity "
                                         r"imported exceeds") as e:
        estimate(load(data))
    assert e.value.field == "expected values, year 2024"
