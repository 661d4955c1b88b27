"""A Result as plain tables: the one layout of the Excel workbook and of the DataFrames.

Every table is built from :meth:`Result.to_dict` (the JSON registries read), so the workbook,
the frames and ``compute --json`` show the same numbers, unrounded. A column names its unit
apart from its name (:class:`Column`): the workbook writes ``baseline_emissions [t CO2e]`` in
its header row, a DataFrame keeps the plain name and puts the unit in ``attrs["units"]``.

Tables: ``summary`` (one item a row: project, methodology, totals, issuable, fingerprint,
versions, data tables), ``periods``, ``vintages``, ``parameters`` (value applied, unit, origin,
source), ``checks``, ``warnings``, ``trail`` (one row per equation evaluation and element of the
period axis) and ``trail_inputs`` (one row per input and element).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccer_calc.result import KEYS, UNIT
from ccer_calc.trail import decode_values

if TYPE_CHECKING:
    from ccer_calc.result import Result

__all__ = ["Column", "Table", "result_tables"]


@dataclass(frozen=True)
class Column:
    """A column's name and, for a quantity of one unit, that unit."""

    name: str
    unit: str | None = None

    @property
    def header(self) -> str:
        """``name [unit]``, as a CSV or sheet header cell."""
        return self.name if self.unit is None else f"{self.name} [{self.unit}]"


@dataclass(frozen=True)
class Table:
    """One table of a result: its name, a one-line title, its columns and rows of cells."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[list[Any]]


def _q(name: str) -> Column:
    return Column(name, UNIT)


def _summary(d: dict[str, Any]) -> Table:
    rows: list[list[Any]] = [[f"project.{k}", v, None] for k, v in d["project"].items()]
    rows += [[f"methodology.{k}", v, None] for k, v in d["methodology"].items()]
    rows += [[f"totals.{k}", d["totals"][k]["value"], UNIT] for k in KEYS]
    rows.append(["totals.issuable", d["totals"]["issuable"]["value"], UNIT])
    rows += [["fingerprint", d["fingerprint"], None], ["as_of", d["as_of"], None]]
    rows += [[f"versions.{k}", v, None] for k, v in d["versions"].items()]
    rows += [[f"data_tables.{k}", v, None] for k, v in d["data_tables"].items()]
    return Table("summary", "Result summary: totals are unrounded sums; issuable is the sum "
                 "of the vintages, each rounded down to whole tonnes",
                 (Column("item"), Column("value"), Column("unit")), rows)


def _periods(d: dict[str, Any]) -> Table:
    rows = [[p["id"], dt.date.fromisoformat(p["start"]), dt.date.fromisoformat(p["end"]),
             *(p[k]["value"] for k in KEYS)] for p in d["periods"]]
    return Table("periods", "Monitoring periods (unrounded)",
                 (Column("id"), Column("start"), Column("end"), *map(_q, KEYS)), rows)


def _vintages(d: dict[str, Any]) -> Table:
    rows = [[v["year"], *(v[k]["value"] for k in KEYS), v["netted_deficit"]["value"],
             v["issuable"]["value"], v["rule"]] for v in d["vintages"]]
    return Table("vintages", "Vintages (calendar years): issuable = whole tonnes, rounded "
                 "down, after netting negative vintages",
                 (Column("year"), *map(_q, KEYS), _q("netted_deficit"), _q("issuable"),
                  Column("split_rule")), rows)


def _parameters(d: dict[str, Any]) -> Table:
    rows = [[p["name"], p["symbol"], p["value"], p["unit"], p["origin"], p["source"]]
            for p in d["parameters"]]
    return Table("parameters", "Fixed and published parameters applied, with their sources",
                 (Column("name"), Column("symbol"), Column("value"), Column("unit"),
                  Column("origin"), Column("source")), rows)


def _checks(d: dict[str, Any]) -> Table:
    rows = [[c["name"], c["passed"], c["reason"], c["source"]] for c in d["checks"]]
    return Table("checks", "Applicability conditions and programme rules",
                 (Column("name"), Column("passed"), Column("reason"), Column("source")), rows)


def _warnings(d: dict[str, Any]) -> Table:
    rows = [[w["code"], w["year"], w["message_en"], w["message_zh"]] for w in d["warnings"]]
    return Table("warnings", "Findings about the result",
                 (Column("code"), Column("year"), Column("message_en"),
                  Column("message_zh")), rows)


def _elements(value: Any, axis: list[str]) -> list[tuple[str, float]]:  # noqa: ANN401
    """(label, number) per element: the period-axis label, or the index; '' for a scalar."""
    if not isinstance(value, list):
        return [("", value)]
    flat: list[Any] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        else:
            flat.append(item)
    labels = axis if len(flat) == len(axis) else [str(i) for i in range(len(flat))]
    return list(zip(labels, flat, strict=True))


def _trail(d: dict[str, Any]) -> tuple[Table, Table]:
    axis = d["trail"]["axis"]
    values = decode_values(d["trail"])  # the compact trail refers to arrays written once
    out: list[list[Any]] = []
    inputs: list[list[Any]] = []
    for e in d["trail"]["entries"]:
        head = [e["key"], e["equation"], e["document"], e["symbol"]]
        out += [[*head, e["formula"], e["source"], label, x, e["output"]["unit"]]
                for label, x in _elements(values[e["key"]], axis)]
        for i in e["inputs"]:
            inputs += [[e["key"], i["name"], i["symbol"], i["origin"], i["ref"], label, x,
                        i["unit"]]
                       for label, x in _elements(values[f"{e['key']}/{i['name']}"], axis)]
    trail = Table("trail", "Every equation evaluated, one row per element of the period axis",
                  (Column("key"), Column("equation"), Column("document"), Column("symbol"),
                   Column("formula"), Column("source"), Column("element"), Column("value"),
                   Column("unit")), out)
    given = Table("trail_inputs", "The inputs of every equation evaluated, with their origin",
                  (Column("key"), Column("input"), Column("symbol"), Column("origin"),
                   Column("ref"), Column("element"), Column("value"), Column("unit")), inputs)
    return trail, given


def result_tables(result: Result) -> list[Table]:
    """The tables of one result, in the order a reader meets them.

    Examples
    --------
    >>> from ccer_calc.api import compute, load_project
    >>> from pathlib import Path
    >>> import methodologies.ccer_01_002_v01 as pkg
    >>> folder = Path(pkg.__file__).parent / "data"
    >>> tables = result_tables(compute(load_project(folder / "example.toml")))
    >>> [t.name for t in tables][:3], tables[1].columns[3].header
    (['summary', 'periods', 'vintages'], 'baseline_emissions [t CO2e]')
    """
    d = result.to_dict()
    return [_summary(d), _periods(d), _vintages(d), _parameters(d), _checks(d), _warnings(d),
            *_trail(d)]
