"""The fire and leakage part of a sink's DOCX: the tables of :func:`.sink_gases.gases_part`.

Kept apart from :mod:`ccer_calc.documents.word`, which calls :func:`add_gases` with its own
table writer and catalogue, after the inventory (monitoring documents) or the planting plan
(design documents).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ccer_calc.documents.filters import format_number, format_percent, format_tco2

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["add_gases"]

Table = Callable[["Document", Sequence[str], Sequence[Sequence[str]]], None]


def _n(v: Any) -> str:  # noqa: ANN401 - a number, a text or None
    if v is None:
        return "—"
    return v if isinstance(v, str) else format_number(v)


def add_gases(doc: Document, g: dict[str, Any] | None, t: Callable[..., str],
              table: Table) -> None:
    """The events with their inputs and treatment, and GHG_E,t and LK_t per element."""
    if g is None:
        return
    doc.add_paragraph().add_run(t("sinks.gases_heading")).bold = True
    doc.add_paragraph(g["note"])
    common = (t("sinks.event"), t("sinks.event_date"))
    if g["site_preparation"]:
        doc.add_paragraph(t("sinks.site_preparation_burns"))
        table(doc, (*common, t("sinks.stratum"), t("sinks.area"), t("sinks.tree_biomass"),
                    t("sinks.shrub_cover"), t("sinks.treatment"), t("label.data_source")),
              [(r["id"], r["date"], r["stratum"], _n(r["area"]), _n(r["tree_biomass"]),
                format_percent(r["shrub_cover"]), r["treatment"], r["source"])
               for r in g["site_preparation"]])
    if g["residue"]:
        doc.add_paragraph(t("sinks.residue_burns"))
        table(doc, (*common, t("sinks.stratum"), t("sinks.area"), t("sinks.harvest"),
                    t("sinks.forest_zone"), t("sinks.treatment"), t("label.data_source")),
              [(r["id"], r["date"], r["stratum"], _n(r["area"]), _n(r["harvest"]), r["zone"],
                r["treatment"], r["source"]) for r in g["residue"]])
    if g["forest_fires"]:
        doc.add_paragraph(t("sinks.forest_fires"))
        table(doc, (*common, t("sinks.stratum"), t("sinks.area"), t("sinks.trees_burnt"),
                    t("sinks.tree_biomass_tl"), t("sinks.factors"), t("sinks.dead_wood"),
                    t("sinks.litter"), t("sinks.treatment")),
              [(r["id"], r["date"], r["stratum"], _n(r["area"]), r["trees_burnt"],
                _n(r["tree_biomass"]), r["factors"], _n(r["dead_wood"]), _n(r["litter"]),
                r["treatment"]) for r in g["forest_fires"]])
    if g["displacements"]:
        doc.add_paragraph(t("sinks.displacements"))
        table(doc, (*common, t("sinks.area"), t("sinks.activity"), t("sinks.conditions"),
                    t("sinks.tree_biomass"), t("sinks.shrub_biomass"), t("sinks.treatment"),
                    t("sinks.soc_change"), t("label.data_source")),
              [(r["id"], r["date"], _n(r["area"]), r["activity"], r["conditions"],
                _n(r["tree_biomass"]), _n(r["shrub_biomass"]), r["treatment"], r["soc"],
                r["source"]) for r in g["displacements"]])
    doc.add_paragraph(t("sinks.gases_by_element"))
    table(doc, (t("sinks.element"), t("sinks.ghg_spf"), t("sinks.ghg_fmf"), t("sinks.ghg_ff"),
                t("sinks.ghg_e"), t("sinks.lk")),
          [(e["element"], *(format_tco2(e[k]) for k in ("spf", "fmf", "ff", "ghg_e", "lk")))
           for e in g["elements"]])
    doc.add_paragraph(t("sinks.gases_zero_elements"))
