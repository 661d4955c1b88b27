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
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ccer_calc.datatables import use_table
from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Value
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "EDITIONS_FILE",
    "VALUES_FILE",
    "Edition",
    "GridFactorRow",
    "GridFactorSelection",
    "edition_register",
    "grid_factor_table",
    "grid_factors_for_years",
    "select_grid_factors",
]

EDITIONS_FILE = "grid_factor_editions_mee.csv"
VALUES_FILE = "grid_factors_mee.csv"
_EF_UNIT = "t CO2/MWh"
_OVERRIDE = ("parameters grid_om_factor and grid_bm_factor (both) with the values of the edition "
             "the verification uses")


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


def _unknown(year: int, edition: int, why: str) -> DataNotFound:
    return DataNotFound(
        f"cannot choose the MEE OM/BM edition for year {year}: {why}",
        field="parameters.grid_om_factor", value=edition,
        expected=f"{_OVERRIDE} (see `ccer-calc data --table grid_factor_editions_mee`)")


def _edition_for(year: int, as_of: dt.date | None) -> tuple[Edition, str]:
    register = edition_register()
    first, last = min(register), max(register)
    for e in range(year, first - 1, -1):
        ed = register.get(e)
        if ed is None or ed.exists == "unknown":
            why = (f"the engine does not know whether an edition for {e} was published"
                   + (f" (the register ends with the edition for {last})"
                      if e > last else f" ({ed.source if ed else ''})"))
            raise _unknown(year, e, why)
        if ed.exists == "no":
            continue
        if as_of is not None and ed.published is None:
            raise _unknown(year, e, f"the publication date of the {e} edition is not known, so "
                           f"whether it was out by the verification date {as_of} cannot be "
                           "decided")
        if as_of is not None and ed.published is not None and ed.published > as_of:
            continue
        if e == year:
            return ed, f"edition {e} (published for year y)"
        when = f" by {as_of}" if as_of is not None else ""
        return ed, (f"edition {e} (the edition for year {year} had not been published{when}; "
                    f"latest earlier edition)")
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
    if grid not in ed.grids:
        raise DataNotFound(
            f"the {ed.edition} edition of the MEE table, selected for year {year}, has no grid "
            f"{grid}", field="inputs.grid", value=grid,
            expected=f"one of {' '.join(ed.grids)}, or {_OVERRIDE}")
    rows = [r for r in grid_factor_table() if r.edition == ed.edition and r.grid == grid]
    if not ed.bundled or not rows:
        raise DataNotFound(
            f"the MEE OM/BM edition selected for year {year} is {ed.edition} ({rule}), and its "
            f"values are not bundled with this engine ({ed.source})",
            field="parameters.grid_om_factor", value=ed.edition,
            expected=f"{_OVERRIDE}; an older edition is never used in its place")
    return GridFactorSelection(year, rows[0], rule)


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
