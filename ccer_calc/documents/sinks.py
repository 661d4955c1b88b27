"""The parts of a document context that only some methodologies have.

* :func:`provisional_part`: the banner and the table of provisional values and rules of a
  provisional methodology (every document shows it at the top).
* :func:`sink_part`: for a methodology that accounts removals from forest inventories, the
  strata and sample plots of each stock estimate, its sampling uncertainty and Appendix 2
  discount (AR-TOOL14 v04.2 eq. 12-17), the change between estimates (eq. 1-2) and, for a
  provisional plug-in, the change it uses after its deduction share (``prov. deduction``), the
  inventory files a project supplies, the tCER/lCER of each verification period (A/R CDM),
  the sentence that explains the signs of BE and PE, and the fires and displacements with
  GHG_E,t and LK_t (:mod:`ccer_calc.documents.sink_gases`).
* :func:`plan_part`: for a sink's ex-ante estimate, the planting schedule and the growth
  models it was projected from (AR-TOOL14 v04.2 section 8.2), the note that the projection is
  not subject to uncertainty control (para. 48), the signs, and the inventory files the
  project will measure (its monitoring plan).

Numbers are read from the trail entries of the A/R tools (by their equation id and instance:
the estimate's date, or the interval's ``first..last`` day) and from the parsed inventory;
nothing is computed again. Every text is in the document's language.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ccer_calc.documents.filters import format_percent, format_tco2
from ccer_calc.documents.localize import reference
from ccer_calc.documents.messages import message, translate
from ccer_calc.documents.sink_gases import gases_part
from ccer_calc.documents.trail_values import entries as trail_entries
from ccer_calc.documents.trail_values import input_value, scalar
from ccer_calc.tools.forestry.sink import interval_labels
from ccer_calc.tools.forestry.sink_data import SinkData
from ccer_calc.tools.forestry.sink_plan import SinkPlan
from ccer_calc.tools.forestry.tool14_discount import discount_fraction

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.result import Result
    from ccer_calc.trail import TrailEntry

__all__ = ["index_labels", "plan_part", "provisional_part", "sink_part"]


def _value_text(item: dict[str, Any], lang: str) -> str:
    if item["kind"] == "rule":
        return str(item["value_zh"] if lang == "zh" else item["value"])
    unit = item["unit"] if item["unit"] not in ("", "dimensionless") else ""
    value = "—" if item["value"] is None else f"{item['value']:g}"
    return f"{value} {unit}".strip()


def provisional_part(result: Result, lang: str) -> dict[str, Any] | None:
    """The banner and rows of a provisional methodology's values and rules; None otherwise."""
    if not result.provisional:
        return None
    rows = []
    for item in result.provisional:
        if item["kind"] == "rule":
            name = message(f"provisional_rule.{item['name']}", lang)
        else:
            name = item[f"description_{lang}"]
        origin = item.get("origin", "default")
        # the parent's value is cited only where it applies; an override is the project's
        source = (message("ref.project", lang, path=f"parameters.{item['name']}")
                  if origin == "project" else reference(item["source"], lang))
        rows.append({"name": name, "key": item["name"], "value": _value_text(item, lang),
                     "origin": message(f"origin.{origin}", lang), "source": source})
    m = result.methodology
    banner = message("sentence.provisional", lang, id=m["id"],
                     status=translate(m.get("status", ""), lang))
    return {"banner": banner, "rows": rows}


def _share(u: float | None) -> float | None:
    return None if u is None else float(discount_fraction(u))


def _estimate(data: SinkData, k: int, entries: dict[str, TrailEntry],
              lang: str) -> dict[str, Any]:
    e = data.estimates[k]
    label = e.label
    if e.inventory is None:
        return {"date": label, "method": message("sinks.zero_stock", lang), "strata": [],
                "plots": 0, "stock": 0.0, "uncertainty": None, "discount": None,
                "conservative": 0.0}
    means = entries[f"AR-TOOL14 (16)[{label}]"].output
    variances = entries[f"AR-TOOL14 (17)[{label}]"].output
    n_i = input_value(entries, f"AR-TOOL14 (15)[{label}]", "plots_per_stratum")
    area = np.asarray(data.strata.area.m_as("ha"))
    strata = [{"id": sid, "area": float(area[i]),
               "plots": int(n_i[i]) if n_i is not None else 0,
               "mean": float(means[i]), "sd": math.sqrt(float(variances[i]))}
              for i, sid in enumerate(data.strata.ids)]
    u = scalar(entries, f"AR-TOOL14 (15)[{label}]")
    return {"date": label, "method": message("sinks.inventory", lang), "strata": strata,
            "plots": len(e.inventory.plots.ids),
            "stock": scalar(entries, f"AR-TOOL14 (12)[{label}]"), "uncertainty": u,
            "discount": _share(u),
            "conservative": scalar(entries, f"AR-TOOL14 App. 2 (project)[{label}]")}


def _changes(data: SinkData, entries: dict[str, TrailEntry]) -> list[dict[str, Any]]:
    out = []
    for label in interval_labels(data):
        key = f"AR-TOOL14 (1)[{label}]"
        if key not in entries:
            continue
        t1 = input_value(entries, key, "stock_t1")
        t2 = input_value(entries, key, "stock_t2")
        u = scalar(entries, f"AR-TOOL14 (2)[{label}]")
        out.append({"interval": label,
                    "stock_t1": None if t1 is None else float(t1.reshape(-1)[0]),
                    "stock_t2": None if t2 is None else float(t2.reshape(-1)[0]),
                    "change": scalar(entries, key), "uncertainty": u,
                    "discount": _share(u if u is not None else 0.0),
                    "conservative": scalar(entries, f"AR-TOOL14 App. 2 (project)[{label}]"),
                    "used": scalar(entries, f"prov. deduction[{label}]")})
    return out


def _deduction(changes: list[dict[str, Any]], entries: dict[str, TrailEntry],
               lang: str) -> list[str]:
    """A provisional plug-in's ``prov. deduction``: the change it uses beside the tool's value."""
    out = []
    for c in changes:
        if c["used"] is None:
            continue
        key = f"prov. deduction[{c['interval']}]"
        share, target = (float(np.asarray(input_value(entries, key, name)).reshape(-1)[0])
                         for name in ("deduction_share", "precision_target"))
        out.append(message("sinks.deduction_used", lang, interval=c["interval"],
                           tool=format_tco2(c["conservative"]), used=format_tco2(c["used"]),
                           share=format_percent(share), target=format_percent(target)))
    return out


def _figures(result: Result, lang: str) -> list[dict[str, Any]]:
    return [{"name": f["name"], "symbol": f["symbol"], "equation": f["equation"],
             "description": f[f"description_{lang}"], "note": f[f"note_{lang}"],
             "rows": f["values"]} for f in result.period_figures]


def _files(described: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    return [{"field": f["field"], "columns": message("fmt.list_sep", lang).join(f["columns"]),
             "description": f[f"description_{lang}"], "frequency": translate(f["frequency"],
                                                                            lang)}
            for f in described.get("inventory", [])]


def index_labels(project: Project) -> dict[str, tuple[str, ...]]:
    """The ids that equation inputs index, by input name: a plot's stratum as the strata ids.

    Taken from the sink's parsed inventory (its strata, shared by every estimate), never from
    the text that cites it: an id may hold any character. Empty for a project without one.
    """
    data = project.data.datasets.get("sink") if project.data is not None else None
    return {"plot_stratum": data.strata.ids} if isinstance(data, SinkData) else {}


def sink_part(project: Project, result: Result, methodology: Methodology,
              lang: str) -> dict[str, Any] | None:
    """Strata, plots, uncertainty, discounts, files and credits of a sink; None otherwise."""
    data = project.data.datasets.get("sink") if project.data is not None else None
    if methodology.accounts != "removals" or not isinstance(data, SinkData):
        return None
    entries = trail_entries(result)
    changes = _changes(data, entries)
    return {"signs": message("sinks.signs", lang),
            "estimates": [_estimate(data, k, entries, lang)
                          for k in range(len(data.estimates))],
            "changes": changes, "deduction": _deduction(changes, entries, lang),
            "figures": _figures(result, lang),
            "files": _files(methodology.describe(project.inputs), lang),
            "gases": _gases(project, data.events, result, entries, lang)}


def _gases(project: Project, events: Any, result: Result,  # noqa: ANN401
           entries: dict[str, TrailEntry], lang: str) -> dict[str, Any] | None:
    """The fire and leakage part (:mod:`ccer_calc.documents.sink_gases`); None without events."""
    return gases_part(events, result, entries=entries, inputs=project.inputs, lang=lang)


#: The catalogue's name of each growth model form.
_MODELS = {"chapman_richards": "sinks.model_chapman_richards"}


def plan_part(project: Project, result: Result, methodology: Methodology,
              lang: str) -> dict[str, Any] | None:
    """The planting schedule and growth models of a sink's estimate; None otherwise.

    ``cohorts`` (``key`` ``[j]`` as the equations' columns name them, ``year``, ``stratum``,
    ``species``, ``area`` [ha], ``curve``: the key ``G1``... of its growth model),
    ``growth`` (``key``, ``species``, ``stratum``, ``model``, ``asymptote`` [t/ha], ``rate``
    [1/yr], ``shape``, ``source``), ``note``, ``signs``, ``files`` and ``gases`` (the planned
    burns and expected displacements with GHG_E,t and LK_t per year of ``result``, the
    estimate's computation; None without them).
    """
    plan = project.expected.datasets.get("plan") if project.expected is not None else None
    if methodology.accounts != "removals" or not isinstance(plan, SinkPlan):
        return None
    cohorts = [{"key": f"[{j}]", "year": r.year, "stratum": r.stratum, "species": r.species,
                "area": float(r.area.m_as("ha")), "curve": f"G{int(plan.curve[j]) + 1}"}
               for j, r in enumerate(plan.planting)]
    growth = [{"key": f"G{j + 1}", "species": g.species,
               "stratum": g.stratum or message("sinks.every_stratum", lang),
               "model": message(_MODELS[g.model], lang),
               "asymptote": float(g.asymptote.m_as("t/ha")),
               "rate": float(g.rate.m_as("1/yr")), "shape": g.shape, "source": g.source}
              for j, g in enumerate(plan.growth)]
    return {"cohorts": cohorts, "growth": growth, "note": message("sinks.plan_note", lang),
            "signs": message("sinks.signs", lang),
            "files": _files(methodology.describe(project.inputs), lang),
            "gases": _gases(project, plan.events, result, trail_entries(result), lang)}
