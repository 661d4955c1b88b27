"""MEE regional grid OM/BM: the register of editions, the bundled values, and the choice of year y.

The CCER energy methodologies (CCER-01-001-V01 and CCER-01-002-V01, Tables 6-7 and the
verification Table 8) take the operating margin (电量边际) and build margin (容量边际) that MEE
publishes *for year y* for the project's regional grid; if that edition had not been published
when the verification report is uploaded, the most recent edition before y is used.

That rule is applied over the **register of editions that exist**
(``data/grid_factor_editions_mee.csv``), not over the editions whose values happen to be bundled
(``data/grid_factors_mee.csv``). So the engine never lets an older edition stand in for one that
exists but is missing here: the selected edition's values are either bundled, or the computation
stops with an error naming the edition and the override parameters. A year whose edition the
register cannot confirm or rule out (``exists = unknown``) stops the selection too, because
passing over it could be exactly such a silent fallback.

An ex-ante estimate (the PDD's) follows the second rule of the same tables: the latest edition
available when the estimate is made (:func:`select_latest_grid_factors`), applied to every
year of the crediting period, over the same register and with the same refusals.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.parameters import Value
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "EDITIONS_FILE",
    "VALUES_FILE",
    "Edition",
    "GridFactorRow",
    "GridFactorSelection",
    "edition_register",
    "first_edition_listing",
    "grid_factor_table",
    "grid_factors_for_years",
    "latest_grid_factors",
    "refuse_grid_before_it_existed",
    "select_grid_factors",
    "select_latest_grid_factors",
]

EDITIONS_FILE = "grid_factor_editions_mee.csv"
VALUES_FILE = "grid_factors_mee.csv"
_EF_UNIT = "t CO2/MWh"
_OVERRIDE = ("parameters grid_om_factor and grid_bm_factor (both) with the values of the edition "
             "the verification uses")
_OVERRIDE_EX_ANTE = ("parameters grid_om_factor and grid_bm_factor (both) with the values of the "
                     "latest edition available when the estimate is made")


@dataclass(frozen=True)
class Edition:
    """One edition of the MEE table as the register knows it."""

    edition: int
    exists: str
    published: dt.date | None
    grids: tuple[str, ...]
    method: str
    bundled: bool
    source: str


@dataclass(frozen=True)
class GridFactorRow:
    """One bundled OM/BM pair for a grid and an edition."""

    edition: int
    grid: str
    om: float
    bm: float
    published: dt.date | None
    status: str
    source: str


@dataclass(frozen=True)
class GridFactorSelection:
    """The bundled row chosen for one year y, and the sentence saying which rule chose it."""

    year: int
    row: GridFactorRow
    rule: str


def _data_lines(name: str) -> list[str]:
    text = resources.files("ccer_calc.tools.data").joinpath(name).read_text("utf-8")
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.cache
def edition_register() -> dict[int, Edition]:
    """Every edition the engine knows of, by year, read once (the rows are immutable)."""
    out = {}
    for r in csv.DictReader(_data_lines(EDITIONS_FILE)):
        out[int(r["edition"])] = Edition(
            int(r["edition"]), r["exists"], _date(r["published"]), tuple(r["grids"].split()),
            r["method"], r["values"] == "bundled", r["source"])
    return out


@functools.cache
def grid_factor_table() -> tuple[GridFactorRow, ...]:
    """The bundled OM/BM values, read once."""
    return tuple(
        GridFactorRow(int(r["edition"]), r["grid"], float(r["om"]), float(r["bm"]),
                      _date(r["published"]), r["status"], r["source"])
        for r in csv.DictReader(_data_lines(VALUES_FILE)))


def first_edition_listing(grid: str) -> int | None:
    """The first edition of the register whose grids include ``grid`` (None: none lists it).

    Examples
    --------
    >>> first_edition_listing("西南"), first_edition_listing("华北") <= 2019
    (2024, True)
    """
    listing = [e for e, ed in edition_register().items() if grid in ed.grids]
    return min(listing) if listing else None


def refuse_grid_before_it_existed(grid: str, years: Iterable[int]) -> None:
    """Refuse a year before the first edition that lists the project's grid (西南 before 2024).

    Checked whether or not the project gives its own OM/BM: a project cannot be on a regional
    grid that MEE's tables did not have in year y.

    Raises
    ------
    InputError
        Naming ``inputs.grid``, the grid, the first such year and the first edition listing it.
    """
    first = first_edition_listing(grid)
    early = sorted({int(y) for y in years if first is not None and int(y) < first})
    if early:
        raise InputError(
            f"the regional grid {grid} appears in MEE's tables from the {first} edition on, "
            f"so no project was on it in {early[0]}",
            field="inputs.grid", value=grid,
            expected=f"the regional grid the MEE table of {early[0]} lists for the project's "
                     "province")


def _unknown(purpose: str, edition: int, why: str, override: str = _OVERRIDE) -> DataNotFound:
    return DataNotFound(
        f"cannot choose the MEE OM/BM edition {purpose}: {why}",
        field="parameters.grid_om_factor", value=edition,
        expected=f"{override} (see `ccer-calc data --table grid_factor_editions_mee`)")


def _edition_for(year: int, as_of: dt.date | None) -> tuple[Edition, str]:
    register = edition_register()
    first, last = min(register), max(register)
    for e in range(year, first - 1, -1):
        ed = register.get(e)
        if ed is None or ed.exists == "unknown":
            why = (f"the engine does not know whether an edition for {e} was published"
                   + (f" (the register ends with the edition for {last})"
                      if e > last else f" ({ed.source if ed else ''})"))
            raise _unknown(f"for year {year}", e, why)
        if ed.exists == "no":
            continue
        if as_of is not None and ed.published is None:
            raise _unknown(f"for year {year}", e, f"the publication date of the {e} edition is "
                           "not known, so "
                           f"whether it was out by the verification date {as_of} cannot be "
                           "decided" + ("" if ed.bundled else
                                        f" (the {e} edition exists; its values are not "
                                        "bundled)"))
        if as_of is not None and ed.published is not None and ed.published > as_of:
            continue
        if e == year:
            return ed, f"edition {e} (published for year y)"
        when = f" by {as_of}" if as_of is not None else ""
        return ed, (f"edition {e} (the edition for year {year} had not been published{when}, "
                    f"so the latest earlier edition)")
    raise DataNotFound(f"no MEE OM/BM edition at or before year {year} is in the register",
                       field="parameters.grid_om_factor", value=year,
                       expected=f"a year from {first} on, or {_OVERRIDE}")


def select_grid_factors(grid: str, year: int, *, as_of: dt.date | None = None
                        ) -> GridFactorSelection:
    """Choose the OM/BM of a grid for year y by the methodologies' rule.

    Parameters
    ----------
    grid : str
        Regional grid (华北, 东北, 华东, 华中, 西北, 南方, or 西南 from the 2024 edition on).
    year : int
        Calendar year y of the reductions.
    as_of : datetime.date, optional
        Date the verification report is uploaded: editions published later do not count.

    Returns
    -------
    GridFactorSelection
        The bundled row and the rule that chose its edition.

    Raises
    ------
    DataNotFound
        If the edition the rule selects is not bundled, the register cannot tell whether an
        edition it would pass over exists, or the grid is not part of the selected edition
        (西南 before 2024). Each message names the edition and the override parameters.

    Examples
    --------
    >>> s = select_grid_factors("南方", 2019)
    >>> s.row.om, s.row.bm, s.rule
    (0.8042, 0.2135, 'edition 2019 (published for year y)')
    """
    use_table(EDITIONS_FILE)  # the result records the sha256 of both tables
    use_table(VALUES_FILE)
    ed, rule = _edition_for(year, as_of)
    return GridFactorSelection(year, _bundled_row(ed, grid, f"for year {year}", rule), rule)


def _bundled_row(ed: Edition, grid: str, purpose: str, rule: str,
                 override: str = _OVERRIDE) -> GridFactorRow:
    """The bundled values of the selected edition for a grid, or the error saying why not."""
    if ed.grids and grid not in ed.grids:  # blank: the edition's grids are not known
        raise DataNotFound(
            f"the {ed.edition} edition of the MEE table, selected {purpose}, has no grid "
            f"{grid}", field="inputs.grid", value=grid,
            expected=f"one of {' '.join(ed.grids)}, or {override}")
    rows = [r for r in grid_factor_table() if r.edition == ed.edition and r.grid == grid]
    if not ed.bundled or not rows:
        raise DataNotFound(
            f"the MEE OM/BM edition selected {purpose} is {ed.edition} ({rule}), and its "
            f"values are not bundled with this engine ({ed.source})",
            field="parameters.grid_om_factor", value=ed.edition,
            expected=f"{override}; an older edition is never used in its place")
    return rows[0]


def _latest_edition(as_of: dt.date | None) -> tuple[Edition, str]:
    """The newest edition that exists and was published by ``as_of``, walking the register down.

    With ``as_of``, a year after the register's last edition and up to ``as_of``'s year may
    have an edition the engine does not know of, so it stops the selection like an ``unknown``
    row (an edition titled for a year is not published before that year begins).
    """
    register = edition_register()
    first, last = min(register), max(register)
    purpose = "for the ex-ante estimate"
    if as_of is not None and as_of.year > last:
        raise _unknown(purpose, last + 1,
                       f"the engine does not know whether an edition for {last + 1} was "
                       f"published by {as_of} (the register ends with the edition for {last})",
                       _OVERRIDE_EX_ANTE)
    for e in range(last, first - 1, -1):
        ed = register.get(e)
        if ed is None or ed.exists == "unknown":
            why = (f"the engine does not know whether an edition for {e} was published "
                   f"({ed.source if ed else 'not in the register'}), so the latest available "
                   "edition cannot be decided")
            raise _unknown(purpose, e, why, _OVERRIDE_EX_ANTE)
        if ed.exists == "no":
            continue
        if as_of is not None and ed.published is None:
            raise _unknown(purpose, e, f"the publication date of the {e} edition is not known, "
                           f"so whether it was available on {as_of} cannot be decided",
                           _OVERRIDE_EX_ANTE)
        if as_of is not None and ed.published is not None and ed.published > as_of:
            continue
        when = f"on {as_of}" if as_of is not None else "in the engine's register"
        return ed, f"edition {e} (latest available {when})"
    raise DataNotFound(f"no MEE OM/BM edition in the register was published by {as_of}",
                       field="parameters.grid_om_factor", value=str(as_of),
                       expected=f"a later date, or {_OVERRIDE_EX_ANTE}")


def select_latest_grid_factors(grid: str, *, as_of: dt.date | None = None
                               ) -> GridFactorSelection:
    """Choose the OM/BM of a grid for an ex-ante estimate: the latest edition available.

    CCER-01-002-V01 and CCER-01-001-V01 (Tables 6-7) fix the margins of the PDD's ex-ante
    estimate at the latest edition available when the PDD is written, for every year of the
    crediting period. The rule runs over the register of editions that exist, like
    :func:`select_grid_factors`: an edition that exists but is not bundled stops the estimate
    (an older edition never stands in), and so does a year whose edition is unknown.

    Parameters
    ----------
    grid : str
        Regional grid.
    as_of : datetime.date, optional
        Date of the estimate: editions published later are not available. Without it, the
        latest edition the register lists as existing.

    Returns
    -------
    GridFactorSelection
        The bundled row (``year`` is the edition) and the rule that chose it.

    Raises
    ------
    DataNotFound
        If the latest edition is not bundled, has no such grid, or cannot be decided (an
        ``unknown`` edition above it, an unknown publication date with ``as_of``); each
        message names the edition and the override parameters.

    Examples
    --------
    The 2024 edition exists but its values are not bundled, so the estimate stops:

    >>> select_latest_grid_factors("南方")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ccer_calc.errors.DataNotFound: parameters.grid_om_factor: the MEE OM/BM edition selected ...
    """
    use_table(EDITIONS_FILE)
    use_table(VALUES_FILE)
    ed, rule = _latest_edition(as_of)
    row = _bundled_row(ed, grid, "for the ex-ante estimate", rule, _OVERRIDE_EX_ANTE)
    return GridFactorSelection(ed.edition, row, rule)


def grid_factors_for_years(
    grid: str, years: np.ndarray, *, as_of: dt.date | None = None
) -> tuple[Value, Value]:
    """OM and BM as Values along a period axis, given the calendar year of each element."""
    om = np.empty(years.shape, dtype=np.float64)
    bm = np.empty(years.shape, dtype=np.float64)
    refs = []
    for y in sorted(set(years.tolist())):
        s = select_grid_factors(grid, int(y), as_of=as_of)
        mask = years == y
        om[mask] = s.row.om
        bm[mask] = s.row.bm
        refs.append(f"{y}: MEE {s.rule}, {grid}, {s.row.status}")
    ref = "; ".join(refs)
    unit = parse_unit(_EF_UNIT)
    return (Value("EF_grid,OM,y", Quantity(om, unit), "published", ref),
            Value("EF_grid,BM,y", Quantity(bm, unit), "published", ref))


def latest_grid_factors(
    grid: str, shape: tuple[int, ...], *, as_of: dt.date | None = None
) -> tuple[Value, Value]:
    """OM and BM of the latest available edition, the same on every element of the axis."""
    s = select_latest_grid_factors(grid, as_of=as_of)
    ref = f"MEE {s.rule}, {grid}, {s.row.status}"
    unit = parse_unit(_EF_UNIT)
    return (Value("EF_grid,OM,y", Quantity(np.full(shape, s.row.om), unit), "published", ref),
            Value("EF_grid,BM,y", Quantity(np.full(shape, s.row.bm), unit), "published", ref))
