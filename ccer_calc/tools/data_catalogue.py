"""Every bundled data table and value in one place, for a verifier to audit.

The tables are declared in ``data/catalogue.toml``: for each, the file, the key columns, the
value columns with their unit, and the edition, status and source columns (or, where a whole
table shares one edition or status, that value). :func:`data_rows` turns them into one flat
record per bundled value; :func:`table_digest` gives the sha256 of a table's file, which is what
a result's fingerprint records for the tables it used. The defaults that the CDM tools' code
holds as constants (TOOL05, TOOL06, the TOOL07 lambda table) are listed with them
(:mod:`ccer_calc.tools.tool_constants`).

Every row's ``status`` is a verification status (:data:`ccer_calc.verification.STATUSES`):
``verified`` (read in the official text), ``provisional`` or ``unverified``. A table that grades
its rows more finely (``secondary``: independent transcriptions agree; ``illustrative``) keeps
that grade in the row's details.
"""

from __future__ import annotations

import csv
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ccer_calc import datatables
from ccer_calc.errors import DataNotFound
from ccer_calc.verification import STATUSES

__all__ = ["DataRow", "TableSpec", "catalogue", "data_rows", "table_digest"]

_PACKAGE = "ccer_calc.tools.data"


@dataclass(frozen=True)
class TableSpec:
    """How one bundled table is read: its file and which columns mean what."""

    name: str
    file: str
    title: str
    key: tuple[str, ...]
    values: tuple[dict[str, str], ...]
    quantity_column: str | None
    edition: str | None
    status: str | None
    source: str
    details: tuple[str, ...]
    edition_value: str = ""
    status_value: str = ""


@dataclass(frozen=True)
class DataRow:
    """One bundled value (or, for a table without values, one row) with its provenance."""

    table: str
    key: str
    quantity: str
    value: float | None
    unit: str
    edition: str
    status: str
    source: str
    details: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"table": self.table, "key": self.key, "quantity": self.quantity,
                "value": self.value, "unit": self.unit, "edition": self.edition,
                "status": self.status, "source": self.source, "details": self.details}


@functools.cache
def catalogue() -> tuple[TableSpec, ...]:
    """The declared tables, read once."""
    raw = tomllib.loads(resources.files(_PACKAGE).joinpath("catalogue.toml").read_text("utf-8"))
    return tuple(TableSpec(t["name"], t["file"], t["title"], tuple(t["key"]),
                           tuple(t.get("values", ())), t.get("quantity_column"),
                           t.get("edition"), t.get("status"), t["source"],
                           tuple(t.get("details", ())), t.get("edition_value", ""),
                           t.get("status_value", ""))
                 for t in raw["table"])


def _spec(name: str) -> TableSpec:
    for t in catalogue():
        if t.name == name:
            return t
    raise DataNotFound("unknown data table", field="--table", value=name,
                       expected="one of " + ", ".join(table_names()))


def table_names() -> tuple[str, ...]:
    """Names of the bundled tables and of the tools' constant tables, in listing order."""
    from ccer_calc.tools.tool_constants import CONSTANT_TABLES  # noqa: PLC0415

    return tuple(t.name for t in catalogue()) + tuple(CONSTANT_TABLES)


@functools.cache
def _bytes(file: str) -> bytes:
    folder = resources.files(_PACKAGE)
    for part in file.split("/"):
        folder = folder.joinpath(part)
    return folder.read_bytes()


def table_digest(name: str) -> str:
    """``sha256:<hex>`` of a bundled table's file, as a result's ``data_tables`` records it.

    Examples
    --------
    >>> table_digest("gwp") == datatables.table_digest("gwp.csv")
    True
    """
    return datatables.table_digest(_spec(name).file)


def _records(spec: TableSpec) -> list[DataRow]:
    lines = [ln for ln in _bytes(spec.file).decode("utf-8").splitlines()
             if ln and not ln.startswith("#")]
    out = []
    for r in csv.DictReader(lines):
        key = " ".join(r[k] for k in spec.key)
        edition = r[spec.edition] if spec.edition else spec.edition_value
        graded = r[spec.status] if spec.status else spec.status_value
        status = graded if graded in STATUSES else "unverified"
        details = "; ".join([*([f"graded: {graded}"] if graded != status else []),
                             *(f"{d}: {r[d]}" for d in spec.details if r[d])])
        common = {"table": spec.name, "key": key, "edition": edition,
                  "status": status, "source": r[spec.source], "details": details}
        if not spec.values:
            out.append(DataRow(quantity="", value=None, unit="", **common))
        for v in spec.values:
            if not r[v["column"]].strip():
                continue  # the table gives no value here (e.g. no SOC_REF for that soil)
            unit = v.get("unit") or r[v["unit_column"]]
            quantity = v.get("quantity") or r[str(spec.quantity_column)]
            out.append(DataRow(quantity=quantity, value=float(r[v["column"]]), unit=unit,
                               **common))
    return out


def data_rows(table: str | None = None) -> list[DataRow]:
    """Every bundled value of every table (or of one), in file order.

    Raises
    ------
    DataNotFound
        If ``table`` names no declared table.
    """
    from ccer_calc.tools.tool_constants import CONSTANT_TABLES, constant_rows  # noqa: PLC0415

    if table in CONSTANT_TABLES:
        return constant_rows(table)
    specs = (_spec(table),) if table else catalogue()
    return [row for spec in specs for row in _records(spec)] + (
        [] if table else constant_rows())
