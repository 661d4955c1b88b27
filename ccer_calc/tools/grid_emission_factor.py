"""Grid emission factor: the combined margin, and the MEE regional OM/BM table.

The CCER energy methodologies take the operating margin (OM, 电量边际) and build margin
(BM, 容量边际) that the Ministry of Ecology and Environment publishes for the project's regional
grid, and combine them with the methodology's own weights (0.5/0.5 in CCER-01-001-V01 and
CCER-01-002-V01, not the 0.75/0.25 of CDM TOOL07 for wind and solar).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pint

from ccer_calc.datatables import use_table
from ccer_calc.equation import equation
from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Value
from ccer_calc.units import Quantity, parse_unit

__all__ = [
    "GridFactorRow",
    "combined_margin_factor",
    "grid_factor_table",
    "grid_factors_for_years",
    "lookup_grid_factors",
]

_EF_UNIT = "t CO2/MWh"


@equation(
    id="W3",
    symbol="EF_grid,CM,y",
    formula="EF_grid,CM,y = w_OM × EF_grid,OM,y + w_BM × EF_grid,BM,y",
    source="CCER-01-002-V01 §6.3 eq. (3); CCER-01-001-V01 §6.3 eq. (3)",
    inputs={
        "om_weight": "dimensionless",
        "operating_margin": _EF_UNIT,
        "bm_weight": "dimensionless",
        "build_margin": _EF_UNIT,
    },
    output=_EF_UNIT,
    description="combined-margin emission factor of the regional grid",
)
def combined_margin_factor(
    om_weight: pint.Quantity,
    operating_margin: pint.Quantity,
    bm_weight: pint.Quantity,
    build_margin: pint.Quantity,
) -> pint.Quantity:
    r"""Combined-margin CO2 emission factor of the regional grid in year y.

    Parameters
    ----------
    om_weight : Quantity
        Weight of the operating margin, w_OM [dimensionless].
    operating_margin : Quantity
        Operating-margin factor EF_grid,OM,y [t CO2/MWh].
    bm_weight : Quantity
        Weight of the build margin, w_BM [dimensionless].
    build_margin : Quantity
        Build-margin factor EF_grid,BM,y [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,CM,y [t CO2/MWh].

    Notes
    -----
    .. math:: EF_{grid,CM,y} = w_{OM} EF_{grid,OM,y} + w_{BM} EF_{grid,BM,y}  \tag{W3}

    The weights are the calling methodology's: the CCER energy methodologies fix both at 0.5.

    References
    ----------
    CCER-01-002-V01 并网海上风力发电, §6.3, equation (3), Tables 2-3.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> ef = combined_margin_factor(
    ...     om_weight=Quantity(0.5, ""), operating_margin=Quantity(0.8042, "t CO2/MWh"),
    ...     bm_weight=Quantity(0.5, ""), build_margin=Quantity(0.2135, "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 5)
    0.50885
    """
    return om_weight * operating_margin + bm_weight * build_margin


@dataclass(frozen=True)
class GridFactorRow:
    """One published OM/BM pair for a grid and an edition year."""

    edition: int
    grid: str
    om: float
    bm: float
    published: dt.date | None
    status: str
    source: str


@functools.cache
def grid_factor_table() -> tuple[GridFactorRow, ...]:
    """The bundled MEE regional OM/BM table, read once (the rows are immutable)."""
    text = resources.files("ccer_calc.tools.data").joinpath("grid_factors_mee.csv")
    lines = [ln for ln in text.read_text("utf-8").splitlines() if not ln.startswith("#")]
    rows = []
    for r in csv.DictReader(lines):
        published = dt.date.fromisoformat(r["published"]) if r["published"] else None
        rows.append(GridFactorRow(int(r["edition"]), r["grid"], float(r["om"]), float(r["bm"]),
                                  published, r["status"], r["source"]))
    return tuple(rows)


def lookup_grid_factors(
    grid: str, year: int, *, as_of: dt.date | None = None
) -> tuple[GridFactorRow, str]:
    """Find the OM/BM for a grid and year y, with the methodology's fallback rule.

    The factors published for year y are used; if that edition does not exist (or was not yet
    published on ``as_of``, the date the verification report is uploaded), the most recent
    edition before y is used (CCER-01-002-V01 Tables 6-7 and 8).

    Parameters
    ----------
    grid : str
        Regional grid name as in the table (华北, 东北, 华东, 华中, 西北, 南方, 西南).
    year : int
        The calendar year y of the reductions.
    as_of : datetime.date, optional
        Only editions published on or before this date count.

    Returns
    -------
    tuple of (GridFactorRow, str)
        The row used and a sentence saying which rule chose it.

    Raises
    ------
    DataNotFound
        If the grid is unknown or no edition at or before ``year`` exists.
    """
    use_table("grid_factors_mee.csv")  # the result records the table's sha256
    rows = [r for r in grid_factor_table() if r.grid == grid]
    if not rows:
        grids = sorted({r.grid for r in grid_factor_table()})
        raise DataNotFound("unknown regional grid", field="inputs.grid", value=grid,
                           expected="one of " + ", ".join(grids))
    usable = [r for r in rows if r.edition <= year
              and (as_of is None or r.published is None or r.published <= as_of)]
    if not usable:
        years = ", ".join(f"{r.edition} (published {r.published or 'date unknown'})"
                          for r in sorted(rows, key=lambda r: r.edition))
        if as_of is not None and any(r.edition <= year for r in rows):
            raise DataNotFound(
                f"no MEE OM/BM edition for grid {grid} at or before year {year} had been "
                f"published by {as_of}", field="--as-of", value=str(as_of),
                expected=f"a later verification date (editions: {years}), or override "
                         "parameters grid_om_factor and grid_bm_factor")
        raise DataNotFound(
            f"no MEE OM/BM edition for grid {grid} at or before year {year}",
            field="inputs.grid", value=year,
            expected=f"a year with a published edition (available: {years}), or override "
                     "parameters grid_om_factor and grid_bm_factor")
    best = max(usable, key=lambda r: r.edition)
    if best.edition == year:
        rule = f"edition {year} (published for year y)"
    else:
        rule = f"edition {best.edition} (latest available at or before year {year})"
    return best, rule


def grid_factors_for_years(
    grid: str, years: np.ndarray, *, as_of: dt.date | None = None
) -> tuple[Value, Value]:
    """OM and BM as Values along a period axis given the calendar year of each element."""
    om = np.empty(years.shape, dtype=np.float64)
    bm = np.empty(years.shape, dtype=np.float64)
    refs = []
    for y in np.unique(years):
        row, rule = lookup_grid_factors(grid, int(y), as_of=as_of)
        mask = years == y
        om[mask] = row.om
        bm[mask] = row.bm
        refs.append(f"{int(y)}: MEE {rule}, {grid}, {row.status}")
    ref = "; ".join(refs)
    unit = parse_unit(_EF_UNIT)
    return (Value("EF_grid,OM,y", Quantity(om, unit), "published", ref),
            Value("EF_grid,BM,y", Quantity(bm, unit), "published", ref))
