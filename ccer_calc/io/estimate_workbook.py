"""An ex-ante estimate as an Excel workbook (``ccer-calc estimate -o estimate.xlsx``).

Sheets ``summary`` (project, methodology, crediting period, totals, annual average,
fingerprint), ``years`` (BE, PE, LE, ER per calendar year of the crediting period, with its
days), ``scenarios`` (ER per year of each named scenario beside the project's) and
``sensitivity`` (total ER at each expected quantity -/+ the change). Built from
:meth:`Estimate.to_dict` (the JSON of ``estimate --json``), numbers unrounded, units in the
header row; written by :func:`ccer_calc.io.workbook.workbook_bytes` (no extra needed).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ccer_calc.io.result_tables import Column, Table
from ccer_calc.io.workbook import workbook_bytes
from ccer_calc.result import KEYS, UNIT

if TYPE_CHECKING:
    from ccer_calc.estimation import Estimate

__all__ = ["estimate_workbook"]


def _summary(d: dict[str, Any]) -> Table:
    rows: list[list[Any]] = [[f"project.{k}", v, None] for k, v in d["project"].items()]
    rows += [[f"methodology.{k}", v, None] for k, v in d["methodology"].items()]
    rows += [[f"crediting_period.{k}", v, None] for k, v in d["crediting_period"].items()]
    rows.append(["scenario", d["scenario"], None])
    rows += [[f"totals.{k}", d["totals"][k]["value"], UNIT] for k in KEYS]
    rows += [[f"annual_average.{k}", d["annual_average"][k]["value"], UNIT] for k in KEYS]
    rows += [["fingerprint", d["fingerprint"], None]]
    return Table("summary", "Ex-ante estimate (unrounded)",
                 (Column("item"), Column("value"), Column("unit")), rows)


def _years(d: dict[str, Any]) -> Table:
    rows = [[y["year"], dt.date.fromisoformat(y["start"]), dt.date.fromisoformat(y["end"]),
             y["days"], y["year_days"], y["crediting_years"], *(y[k]["value"] for k in KEYS)]
            for y in d["years"]]
    return Table("years", "Per calendar year of the crediting period (first and last pro rata)",
                 (Column("year"), Column("start"), Column("end"), Column("days"),
                  Column("year_days"), Column("crediting_years"),
                  *(Column(k, UNIT) for k in KEYS)), rows)


def _scenarios(d: dict[str, Any]) -> Table:
    rows = [[name, s["description"], y["year"], *(y[k]["value"] for k in KEYS)]
            for name, s in d["scenarios"].items() for y in s["years"]]
    return Table("scenarios", "Each named scenario per calendar year",
                 (Column("scenario"), Column("description"), Column("year"),
                  *(Column(k, UNIT) for k in KEYS)), rows)


def _sensitivity(d: dict[str, Any]) -> Table:
    rows = [[s["quantity"], s["symbol"], s["change"],
             *(s["emission_reductions"][k]["value"] for k in ("lower", "base", "higher"))]
            for s in d["sensitivity"]]
    return Table("sensitivity", "Total ER with each expected quantity changed in every year",
                 (Column("quantity"), Column("symbol"), Column("change"),
                  Column("er_lower", UNIT), Column("er_base", UNIT),
                  Column("er_higher", UNIT)), rows)


def estimate_workbook(est: Estimate) -> bytes:
    """The workbook of one estimate (see the module notes); equal estimates, equal bytes."""
    d = est.to_dict()
    return workbook_bytes([_summary(d), _years(d), _scenarios(d), _sensitivity(d)], {
        "title": f"{d['project']['name']}: ex-ante estimate ({d['methodology']['id']})",
        "subject": f"{d['methodology']['id']} {d['methodology']['title_en']}",
        "creator": "ccer-calc",
        "description": "Ex-ante estimate computed by ccer-calc from the project's expected "
                       "values; numbers are unrounded.",
        "fingerprint": d["fingerprint"],
    })
