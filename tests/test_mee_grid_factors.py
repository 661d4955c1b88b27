"""Choice of the MEE OM/BM edition for year y over the register of editions (issue #11).

Rule (CCER-01-002-V01 and CCER-01-001-V01, Tables 6-7 and verification Table 8): the edition
published for year y; if it had not been published when the verification report is uploaded,
the latest edition before y. The rule runs over the editions that exist, so an existing but
unbundled edition stops the computation instead of an older one standing in for it.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, project_from_dict
from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools import mee_grid_factors as mee
from ccer_calc.tools.mee_grid_factors import (
    Edition,
    GridFactorRow,
    edition_register,
    grid_factor_table,
    grid_factors_for_years,
    latest_grid_factors,
    select_grid_factors,
    select_latest_grid_factors,
)

SIX = ("华北", "东北", "华东", "华中", "西北", "南方")


def test_register_lists_the_2024_edition_with_seven_grids_not_bundled() -> None:
    e = edition_register()[2024]
    assert e.exists == "yes"
    assert e.grids == (*SIX, "西南")
    assert not e.bundled
    assert "345wk.com/doc/25114" in e.source


def test_bundled_2019_values_read_back() -> None:
    rows = {r.grid: (r.om, r.bm) for r in grid_factor_table() if r.edition == 2019}
    assert rows == {"华北": (0.9419, 0.4819), "东北": (1.0826, 0.2399),
                    "华东": (0.7921, 0.3870), "华中": (0.8587, 0.2854),
                    "西北": (0.8922, 0.4407), "南方": (0.8042, 0.2135)}
    assert {r.status for r in grid_factor_table()} == {"unverified"}


def test_year_with_its_own_bundled_edition() -> None:
    s = select_grid_factors("华北", 2019)
    assert (s.row.edition, s.row.om, s.row.bm) == (2019, 0.9419, 0.4819)
    assert s.rule == "edition 2019 (published for year y)"


@pytest.mark.parametrize("grid", [*SIX, "西南"])
def test_2024_stops_on_every_grid_instead_of_falling_back_to_2019(grid: str) -> None:
    with pytest.raises(DataNotFound, match=r"selected for year 2024 is 2024 .* not bundled") as e:
        select_grid_factors(grid, 2024)
    assert "grid_om_factor and grid_bm_factor" in str(e.value)
    assert "never used in its place" in str(e.value)


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023])
def test_years_whose_edition_is_unknown_stop(year: int) -> None:
    with pytest.raises(DataNotFound, match=rf"does not know whether an edition for {year}"):
        select_grid_factors("南方", year)


def test_year_after_the_register_stops() -> None:
    with pytest.raises(DataNotFound, match=r"edition for 2026 .* register ends with the edition "
                                           r"for 2024"):
        select_grid_factors("南方", 2026)


def test_west_south_grid_before_it_existed() -> None:
    with pytest.raises(DataNotFound, match=r"2019 edition .* has no grid 西南"):
        select_grid_factors("西南", 2019)


def test_year_before_the_register() -> None:
    # the register starts with the 2006 edition (MEE's page of the 2006-2016 editions)
    assert min(edition_register()) == 2006
    with pytest.raises(DataNotFound, match=r"no MEE OM/BM edition at or before year 2005"):
        select_grid_factors("南方", 2005)


@pytest.mark.parametrize("year", range(2006, 2019))
def test_years_2006_to_2018_name_their_unbundled_edition_never_2019(year: int) -> None:
    # each of these editions exists but its values are not bundled: the error names it and
    # both override parameters; no other edition stands in
    ed = edition_register()[year]
    assert (ed.exists, ed.bundled) == ("yes", False)
    with pytest.raises(DataNotFound, match=rf"selected for year {year} is {year} .* not "
                                           r"bundled") as e:
        select_grid_factors("华北", year)
    assert "grid_om_factor and grid_bm_factor" in str(e.value)
    assert "never used in its place" in str(e.value)


def test_register_dates_and_sources_of_the_early_editions() -> None:
    reg = edition_register()
    assert reg[2017].published == dt.date(2018, 12, 20)
    assert all(reg[y].published is None for y in range(2006, 2017))
    assert "t20181220_685481" in reg[2010].source
    assert "max.book118.com/html/2017/0603/111373963" in reg[2012].source
    assert reg[2012].grids == SIX


def test_early_edition_with_a_verification_date_still_stops() -> None:
    # the 2010 edition's publication date is not known: the rule cannot decide whether it was
    # out by the date, and says that the edition exists without bundled values
    with pytest.raises(DataNotFound, match=r"publication date of the 2010 edition is not known"
                                           r".*exists; its values are not bundled") as e:
        select_grid_factors("华北", 2010, as_of=dt.date(2012, 6, 1))
    assert "grid_om_factor and grid_bm_factor" in str(e.value)


# A register where the rule's branches can all be exercised: 2019 bundled, no 2020 edition,
# 2021 published 2022-03-01 and bundled, 2022 exists but is not bundled, 2023 none published,
# 2024 with an unknown publication date.
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    def ed(year: int, exists: str, published: str | None, bundled: bool) -> Edition:
        return Edition(year, exists, dt.date.fromisoformat(published) if published else None,
                       SIX, "", bundled, f"test {year}")

    register = {2019: ed(2019, "yes", "2020-12-29", True), 2020: ed(2020, "no", None, False),
                2021: ed(2021, "yes", "2022-03-01", True), 2022: ed(2022, "yes", None, False),
                2023: ed(2023, "no", None, False), 2024: ed(2024, "yes", None, True)}
    rows = (GridFactorRow(2019, "南方", 0.8, 0.2, None, "test", "t"),
            GridFactorRow(2021, "南方", 0.7, 0.3, None, "test", "t"),
            GridFactorRow(2024, "南方", 0.6, 0.4, None, "test", "t"))
    monkeypatch.setattr(mee, "edition_register", lambda: register)
    monkeypatch.setattr(mee, "grid_factor_table", lambda: rows)


def test_no_edition_for_y_takes_the_latest_earlier(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    s = select_grid_factors("南方", 2020)
    assert (s.row.edition, s.row.om) == (2019, 0.8)
    assert s.rule.startswith("edition 2019 (the edition for year 2020 had not been published")


def test_edition_published_after_as_of_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    assert select_grid_factors("南方", 2021).row.edition == 2021
    s = select_grid_factors("南方", 2021, as_of=dt.date(2022, 2, 28))
    assert s.row.edition == 2019
    assert "had not been published by 2022-02-28" in s.rule
    assert select_grid_factors("南方", 2021, as_of=dt.date(2022, 3, 1)).row.edition == 2021


def test_existing_unbundled_edition_never_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    # 2023: none published; 2022 exists but is not bundled: the 2021 values must not stand in
    with pytest.raises(DataNotFound, match=r"selected for year 2023 is 2022 .* not bundled"):
        select_grid_factors("南方", 2023)


def test_unknown_publication_date_with_as_of_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    assert select_grid_factors("南方", 2024).row.edition == 2024
    with pytest.raises(DataNotFound, match=r"publication date of the 2024 edition is not known"):
        select_grid_factors("南方", 2024, as_of=dt.date(2025, 6, 1))


def test_factors_along_a_period_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    om, bm = grid_factors_for_years("南方", np.array([2020, 2021, 2021, 2024]))
    assert om.quantity.magnitude.tolist() == [0.8, 0.7, 0.7, 0.6]
    assert bm.quantity.magnitude.tolist() == [0.2, 0.3, 0.3, 0.4]
    assert om.origin == "published"
    assert "2020: MEE edition 2019" in om.ref
    assert "2021: MEE edition 2021 (published for year y)" in om.ref


# --- the ex-ante rule: the latest edition available (CCER-01-002-V01 Tables 6-7) --------------

def test_ex_ante_latest_edition_is_2024_and_stops_because_not_bundled() -> None:
    with pytest.raises(DataNotFound, match=r"selected for the ex-ante estimate is 2024 .* not "
                                           r"bundled") as e:
        select_latest_grid_factors("南方")
    assert "latest edition available when the estimate is made" in str(e.value)
    assert "never used in its place" in str(e.value)


def test_ex_ante_after_the_register_stops() -> None:
    with pytest.raises(DataNotFound, match=r"edition for 2025 was published by 2026-01-01"):
        select_latest_grid_factors("南方", as_of=dt.date(2026, 1, 1))


def test_ex_ante_unknown_publication_date_with_as_of_stops() -> None:
    with pytest.raises(DataNotFound, match=r"publication date of the 2024 edition is not known"):
        select_latest_grid_factors("南方", as_of=dt.date(2024, 12, 1))


def test_ex_ante_takes_the_latest_bundled_edition(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    s = select_latest_grid_factors("南方")
    assert (s.year, s.row.om, s.row.bm) == (2024, 0.6, 0.4)
    assert s.rule == "edition 2024 (latest available in the engine's register)"


def test_ex_ante_passes_over_editions_published_later(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    # the fake 2024 edition has no publication date: with a date the rule cannot decide
    with pytest.raises(DataNotFound, match=r"publication date of the 2024 edition"):
        select_latest_grid_factors("南方", as_of=dt.date(2024, 6, 1))
    register = dict(mee.edition_register())
    register[2024] = Edition(2024, "no", None, SIX, "", False, "test 2024")
    monkeypatch.setattr(mee, "edition_register", lambda: register)
    with pytest.raises(DataNotFound, match=r"publication date of the 2022 edition"):
        select_latest_grid_factors("南方", as_of=dt.date(2024, 6, 1))
    # 2023: none; 2022 exists, out by then, not bundled: stops (2021 never stands in)
    register[2022] = Edition(2022, "yes", dt.date(2023, 1, 1), SIX, "", False, "test 2022")
    with pytest.raises(DataNotFound, match=r"ex-ante estimate is 2022 .* not bundled"):
        select_latest_grid_factors("南方", as_of=dt.date(2024, 6, 1))
    register[2022] = Edition(2022, "yes", dt.date(2024, 7, 1), SIX, "", False, "test 2022")
    s = select_latest_grid_factors("南方", as_of=dt.date(2024, 6, 1))
    assert (s.row.edition, s.rule) == (2021, "edition 2021 (latest available on 2024-06-01)")


def test_ex_ante_unknown_edition_above_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    register = dict(mee.edition_register())
    register[2024] = Edition(2024, "unknown", None, (), "", False, "no trace")
    monkeypatch.setattr(mee, "edition_register", lambda: register)
    with pytest.raises(DataNotFound, match=r"edition for 2024 was published \(no trace\)"):
        select_latest_grid_factors("南方")


def test_ex_ante_factors_are_one_edition_along_the_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch)
    om, bm = latest_grid_factors("南方", (3,))
    assert om.quantity.magnitude.tolist() == [0.6, 0.6, 0.6]
    assert bm.quantity.magnitude.tolist() == [0.4, 0.4, 0.4]
    assert om.origin == "published"
    assert om.ref == "MEE edition 2024 (latest available in the engine's register), 南方, test"


# Issue 11 bad input, re-audit: "a project on the 西南 grid before 西南 existed as a grid" was
# accepted when the project gave its own OM/BM pair (the check ran only on the bundled table).
def test_west_south_grid_before_2024_is_refused_with_the_projects_own_factors() -> None:
    folder = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
    d = tomllib.loads((folder / "example.toml").read_text("utf-8"))
    d["inputs"]["grid"] = "西南"
    assert compute(project_from_dict(d, base_dir=folder)).totals  # 2024-2025: 西南 exists
    d["dates"].update(grid_connection=dt.date(2022, 6, 30),
                      crediting_period_start=dt.date(2023, 1, 1),
                      crediting_period_end=dt.date(2032, 12, 31))
    del d["monitoring"]["csv"]
    d["monitoring"]["periods"] = [{"id": "MP0", "start": dt.date(2023, 12, 1),
                                   "end": dt.date(2024, 1, 31)}]
    d["monitoring"]["data"] = [
        {"start": dt.date(2023, 12, 1), "end": dt.date(2023, 12, 31), "export": "90000 MWh",
         "import": "200 MWh"},
        {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 1, 31), "export": "98000 MWh",
         "import": "210 MWh"}]
    with pytest.raises(InputError, match=r"西南 appears in MEE's tables from the 2024 edition "
                                         r"on, so no project was on it in 2023") as err:
        compute(project_from_dict(d, base_dir=folder))
    assert err.value.field == "inputs.grid"


def test_grid_existence_by_year() -> None:
    assert mee.first_edition_listing("西南") == 2024
    mee.refuse_grid_before_it_existed("西南", [2024, 2025])  # from 2024 on: accepted
    mee.refuse_grid_before_it_existed("华北", [2016, 2030])  # listed by every known edition
    with pytest.raises(InputError, match="no project was on it in 2023"):
        mee.refuse_grid_before_it_existed("西南", [2025, 2023, 2024])


# Review finding: without the project's own pair the grid's existence was not checked, so 西南 in
# 2023 got DataNotFound asking for both factors, which were then refused for the same year.
def test_west_south_grid_before_2024_is_refused_without_own_factors() -> None:
    folder = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data"
    d = tomllib.loads((folder / "example.toml").read_text("utf-8"))
    d["inputs"]["grid"] = "西南"
    del d["parameters"]["grid_om_factor"], d["parameters"]["grid_bm_factor"]
    d["dates"].update(grid_connection=dt.date(2022, 6, 30),
                      crediting_period_start=dt.date(2023, 1, 1),
                      crediting_period_end=dt.date(2032, 12, 31))
    del d["monitoring"]["csv"]
    d["monitoring"]["periods"] = [{"id": "MP0", "start": dt.date(2023, 12, 1),
                                   "end": dt.date(2023, 12, 31)}]
    d["monitoring"]["data"] = [
        {"start": dt.date(2023, 12, 1), "end": dt.date(2023, 12, 31), "export": "90000 MWh",
         "import": "200 MWh"}]
    with pytest.raises(InputError, match=r"西南 appears in MEE's tables from the 2024 edition "
                                         r"on, so no project was on it in 2023") as err:
        compute(project_from_dict(d, base_dir=folder))
    assert err.value.field == "inputs.grid"
