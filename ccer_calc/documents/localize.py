"""Text of the engine and the plug-ins in the document's language.

A zh document is Chinese throughout: project inputs are named by their descriptions, not their
Python names; yes/no and enum values come from the catalogue; equation inputs are named by the
parameter, monitored column or equation they come from; the verifier's findings are worded from
their numbers. Where a plug-in's text has no Chinese wording the English text is shown (a test
keeps the bundled plug-ins complete).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ccer_calc.bilingual import in_language, split_bilingual
from ccer_calc.documents.filters import format_number, format_tco2, unit_text
from ccer_calc.documents.messages import catalogue, message, translate, translations
from ccer_calc.documents.notes import notes

if TYPE_CHECKING:
    from ccer_calc.trail import Trail

_CJK = re.compile(r"[\u4e00-\u9fff]")

__all__ = ["InputNames", "bilingual_field", "finding_text", "project_inputs", "reference",
           "unit_label", "where", "yes_no"]


def bilingual_field(text: str, lang: str) -> str:
    """A ``"中文 / English"`` text (or English text the catalogue knows) in ``lang``."""
    zh, en = split_bilingual(text)
    if zh == en:
        return translate(in_language(text, lang), lang)
    return zh if lang == "zh" else en


def unit_label(unit: str, lang: str) -> str:
    """A unit as people read it (``t CO2e/MWh``); 无量纲 for "dimensionless" in Chinese."""
    text = unit_text(unit)
    return message("value.dimensionless", lang) if text == "dimensionless" else text


def yes_no(value: bool, lang: str) -> str:
    """是/否, yes/no."""
    return message("value.yes" if value else "value.no", lang)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FILE = re.compile(r"^[^\n]+\.(?:csv|tsv|txt|json|toml|xlsx)$", re.IGNORECASE)


def _text_leaf(value: str, lang: str) -> str:
    """A text input as shown: a file the project names, a date, or translated text."""
    if _FILE.match(value):
        return message("fmt.file", lang, path=value)
    if _DATE.match(value):
        y, m, d = value.split("-")
        return message("fmt.date", lang, y=y, m=m, d=d)
    return translate(value, lang)


def _leaf(value: Any, lang: str) -> tuple[float | None, str, str | None]:  # noqa: ANN401
    """(number, text, unit) of one input value as shown."""
    if isinstance(value, dict) and set(value) == {"value", "unit"}:
        return float(value["value"]), format_number(value["value"]), str(value["unit"])
    if isinstance(value, bool):
        return None, yes_no(value, lang), None
    if isinstance(value, int | float):
        return float(value), format_number(value), None
    if value is None or value in ({}, []):
        return None, "—", None
    if isinstance(value, list):
        sep = message("fmt.list_sep", lang)
        return None, sep.join(_text_leaf(str(v), lang) for v in value), None
    return None, _text_leaf(str(value), lang), None


def _label(model: type[BaseModel] | None, name: str, lang: str) -> str:
    """A project input's name: its ``"中文 / English"`` description, else a translation."""
    info = model.model_fields.get(name) if model is not None else None
    desc = (info.description or "") if info is not None else ""
    zh, en = split_bilingual(desc)
    if zh != en:
        return zh if lang == "zh" else en
    chinese = bool(_CJK.search(desc))
    if lang == "zh":
        return (translations().get(desc) or _input_name(name, lang)
                or (desc if chinese else None) or desc or name)
    if desc and not chinese:
        return desc
    return _input_name(name, lang) or name


def _input_name(name: str, lang: str) -> str | None:
    entry = catalogue().get(f"input_name.{name}")
    return entry[lang] if entry else None


def _nested_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The pydantic model of a field's values (``dict[str, FuelIn]`` → FuelIn), if any."""
    info = model.model_fields.get(name) if model is not None else None
    if info is None:
        return None
    stack: list[Any] = [info.annotation]
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        stack.extend(getattr(t, "__args__", ()))
    return None


def project_inputs(inputs: BaseModel, lang: str) -> list[dict[str, Any]]:
    """The project's inputs as rows ``key``, ``name``, ``label``, ``value``, ``text``, ``unit``.

    Nested inputs (one table per fuel) become one row per leaf, keyed by their dotted path in
    the project file (``fuels.diesel.ncv``) and labelled by the field descriptions on the path.
    """
    rows: list[dict[str, Any]] = []

    def walk(model: type[BaseModel] | None, data: Mapping[str, Any], path: str,
             labels: tuple[str, ...]) -> None:
        for name, value in data.items():
            key, label = f"{path}{name}", (*labels, _label(model, name, lang))
            child = _nested_model(model, name)
            if child is not None and isinstance(value, list) and value and all(
                    isinstance(v, dict) for v in value):  # a list of nested models
                for k, inner in enumerate(value):
                    walk(child, inner, f"{key}[{k}].",
                         (*label, message("fmt.ordinal", lang, n=k + 1)))
                continue
            if child is not None and isinstance(value, dict) and value and \
                    set(value) != {"value", "unit"}:
                entries = value if set(value) <= set(child.model_fields) else None
                if entries is not None:  # one nested model
                    walk(child, value, f"{key}.", label)
                else:  # a mapping of nested models, by key
                    for sub, inner in value.items():
                        walk(child, inner, f"{key}.{sub}.", (*label, translate(str(sub), lang)))
                continue
            number, text, unit = _leaf(value, lang)
            unit = unit_label(unit, lang) if unit else unit
            rows.append({"key": key, "name": key, "label": " · ".join(label),
                         "value": number if number is not None else text, "number": number,
                         "text": text, "unit": unit})

    walk(type(inputs), inputs.model_dump(mode="json"), "", ())
    return rows


class InputNames:
    """Names of equation inputs in one language, from what the project and methodology declare.

    Looked up in this order: the parameter of that name; the only parameter with that symbol;
    the monitored column with that symbol; the equation whose output has that symbol; the
    project input of that name; the catalogue's ``[input_name]`` table; else the name itself.
    """

    def __init__(self, lang: str, *, parameters: Iterable[Mapping[str, Any]],
                 columns: Iterable[Mapping[str, Any]], trail: Trail,
                 inputs: BaseModel) -> None:
        key = f"description_{lang}"
        params = list(parameters)
        self._lang, self._inputs = lang, type(inputs)
        self._by_name = {p["name"]: p[key] for p in params}
        symbols: dict[str, list[str]] = {}
        for p in params:
            symbols.setdefault(p["symbol"], []).append(p[key])
        self._by_symbol = {s: d[0] for s, d in symbols.items() if len(set(d)) == 1}
        for c in columns:
            self._by_symbol.setdefault(c["symbol"], c[key])
        for e in trail.entries:
            self._by_symbol.setdefault(e.symbol, translate(e.description, lang))

    def __call__(self, name: str, symbol: str) -> str:
        """The label of one input."""
        if name in self._by_name:
            return str(self._by_name[name])
        if symbol in self._by_symbol:
            return str(self._by_symbol[symbol])
        if name in self._inputs.model_fields:
            return _label(self._inputs, name, self._lang)
        return _input_name(name, self._lang) or name


def where(scope: str, key: str, lang: str, period: str | None = None) -> str:
    """Where a comparison or finding applies: ``核算期 MP1``, ``Vintage 2024``, ``合计``."""
    name = message(f"scope.{scope}", lang) if f"scope.{scope}" in catalogue() else scope
    text = name if scope in ("total", "fingerprint") else f"{name} {key}"
    if period and period != key:
        text += message("fmt.in_period", lang, period=period)
    return text


def quantity(name: str, lang: str) -> str:
    """Name of a compared quantity (基准线排放 BE, Issuable, ...)."""
    key = f"quantity.{name}"
    return message(key, lang) if key in catalogue() else name


def finding_text(f: Mapping[str, Any], lang: str) -> str:
    """A verifier finding in ``lang``, worded from its numbers where it has them.

    A finding without numbers (a period claimed but not computed, another fingerprint) keeps
    the verifier's own text in English, and in Chinese when the catalogue has its pattern.
    """
    if f.get("claimed") is not None and f.get("recomputed") is not None:
        return message("finding.numbers", lang, quantity=quantity(f["quantity"], lang),
                       claimed=format_tco2(f["claimed"]),
                       recomputed=format_tco2(f["recomputed"]),
                       difference=f"{float(f['difference']) + 0.0:+,.3f}")
    text = str(f["description"])
    for key, pattern in _PATTERNS.items():
        found = pattern.search(text)
        if found:
            return message(f"finding.{key}", lang, **found.groupdict())
    return text


#: Where an input came from, as the engine words it (ccer_calc.methodology, parameters, tools):
#: reworded in Chinese by the catalogue's ``ref.<key>`` entry; other references (citations of
#: documents and data tables) are shown as written.
_REFERENCES = {
    "monitored": re.compile(r"^monitoring data, column (?P<column>\S+)$"),
    "expected": re.compile(r"^expected values, column (?P<column>\S+)$"),
    "plan_by_year": re.compile(r"^planting schedule, column (?P<column>\S+), summed per "
                               r"planting year$"),
    "plan": re.compile(r"^planting schedule, column (?P<column>\S+)$"),
    "growth": re.compile(r"^growth models, column (?P<column>\S+)$"),
    "meter": re.compile(r"^meter calibration status of column (?P<column>\S+) "
                        r"\((?P<clause>.+)\)$"),
    "meter_ex_ante": re.compile(r"^no meter correction expected ex ante \((?P<clause>.+)\)$"),
    "project": re.compile(r"^project file, (?P<path>\S+)$"),
    # the strata cited by their ids, reworded only (the documents take the ids from the data)
    "stratum_index": re.compile(r"^(?P<path>.+?), column stratum, as indices of the strata "
                                r"\((?P<ids>.*)\)$"),
    "stratum_count": re.compile(r"^(?P<path>.+?), number of strata \((?P<ids>.*)\)$"),
    # the provisional sinks' values and rules, taken from the CDM parent
    "provisional_parent": re.compile(r"^provisional: value of the CDM parent (?P<parent>.+?) "
                                     r"\(the MEE text of (?P<doc>\S+) was not available\)"
                                     r"(?P<rest>.*)$"),
    "provisional_unknown": re.compile(r"^provisional: the crediting period of (?P<doc>\S+) is "
                                      r"not known$"),
    "rule_known_for": re.compile(r"^the rule known for (?P<doc>\S+) is applied$"),
    # the sink tools' origins (ccer_calc.tools.forestry): a citation, then what it establishes
    "cited": re.compile(r"^(?P<cite>AR-TOOL\d+ v[\d.]+(?: paras?\. [^:]+)?): (?P<text>.+)$"),
    "conditions_met": re.compile(r"^baseline tree stock accounted as zero: "
                                 r"conditions (?P<items>[a-z, ]+) all met$"),
    "indicators": re.compile(r"^baseline changes in trees and shrubs accounted as zero: "
                             r"indicator\(s\) (?P<items>[a-z, ]+)$"),
    "trees_in_plots": re.compile(r"^(?P<eq>AR-TOOL14 App\. 1 \S+): trees of (?P<trees>\S+) "
                                 r"in the plots of (?P<plots>\S+)$"),
    "each_land": re.compile(r"^(?P<eq>AR-TOOL15 \(\d+\)) of each receiving land: "
                            r"(?P<land>.+)$"),
    "each_interval": re.compile(r"^(?P<eq>AR-TOOL14 .+) of each interval$"),
    "estimate_earlier": re.compile(r"^(?P<symbol>\S+) at the earlier estimate enclosing each "
                                   r"element$"),
    "estimate_later": re.compile(r"^(?P<symbol>\S+) at the later estimate enclosing each "
                                 r"element$"),
    "years_of": re.compile(r"^elements of the period axis in the years of (?P<period>\S+)$"),
    "years_to_end_of": re.compile(r"^elements of the period axis in years 1 to the end of "
                                  r"(?P<period>\S+)$"),
    "student_t": re.compile(r"^two-sided Student t, (?P<confidence>\d+) % confidence, "
                            r"(?P<df>df = .+)$"),
    "area_on": re.compile(r"^(?P<path>\S+) area on (?P<date>[\d-]+), on the element of the "
                          r"period axis holding it$"),
    "area_rows": re.compile(r"^(?P<path>\S+) area, one column per row \((?P<rows>[^)]+)\), "
                            r"on the element of the period axis holding its date$"),
    "mee_latest": re.compile(r"^(?P<year>\d{4}): MEE edition (?P<edition>\d{4}) \(the edition "
                             r"for year \d{4} had not been published, so the latest earlier "
                             r"edition\), (?P<grid>[^,]+), (?P<status>\w+)$"),
    "mee_latest_by": re.compile(r"^(?P<year>\d{4}): MEE edition (?P<edition>\d{4}) \(the "
                                r"edition for year \d{4} had not been published by "
                                r"(?P<date>[\d-]+), so the latest earlier edition\), "
                                r"(?P<grid>[^,]+), (?P<status>\w+)$"),
    "mee_same": re.compile(r"^(?P<year>\d{4}): MEE edition \d{4} \(published for year y\), "
                           r"(?P<grid>[^,]+), (?P<status>\w+)$"),
    "mee_ex_ante": re.compile(r"^MEE edition (?P<edition>\d{4}) \(latest available in the "
                              r"engine's register\), (?P<grid>[^,]+), (?P<status>\w+)$"),
    "mee_ex_ante_on": re.compile(r"^MEE edition (?P<edition>\d{4}) \(latest available on "
                                 r"(?P<date>[\d-]+)\), (?P<grid>[^,]+), (?P<status>\w+)$"),
}


@functools.lru_cache(maxsize=4096)  # pure text to text; a document repeats its sources
def reference(ref: str, lang: str) -> str:
    """Where an equation input came from, in ``lang`` (each ``; ``-separated part).

    A part the patterns do not match is looked up in the catalogue's ``[text]`` table, else
    shown as written (a citation of a document or data table) with the engine's notes in it
    reworded (:func:`ccer_calc.documents.notes.notes`).

    Examples
    --------
    >>> reference("monitoring data, column export", "zh")
    '监测数据 export 列'
    >>> reference("CCER-01-002-V01 §7.1 Table 2", "zh")
    'CCER-01-002-V01 §7.1 Table 2'
    """
    if lang == "en":
        return ref
    return message("fmt.list_sep", lang).join(_reword(part, lang) for part in ref.split("; "))


def _reword(part: str, lang: str) -> str:
    """One part of a reference in ``lang``: a pattern's wording, the catalogue's, or as is."""
    for key, pattern in _REFERENCES.items():
        found = pattern.match(part)
        if found:
            values = found.groupdict()
            if "status" in values:
                values["status"] = translate(values["status"], lang)
            if "text" in values:  # what a cited paragraph establishes, itself reworded
                values["text"] = _reword(values["text"], lang)
            if "rest" in values:  # the citation after a provisional value, with its notes
                values["rest"] = notes(values["rest"], lang)
            return message(f"ref.{key}", lang, **values)
    translated = translate(part, lang)
    return translated if translated != part else notes(part, lang)


#: The verifier's wording of findings without numbers (ccer_calc.verify), reworded by the
#: catalogue's ``finding.<key>`` entry with the named groups as its placeholders.
_PATTERNS = {
    "not_claimed": re.compile(r": recomputed but not claimed$"),
    "not_recomputed_period": re.compile(
        r": claimed but not in the project's monitoring periods$"),
    "not_recomputed": re.compile(r": claimed but not recomputed$"),
    "dates": re.compile(r": claimed dates (?P<claimed>\S+), "
                        r"project file says (?P<recomputed>\S+)$"),
    "fingerprint": re.compile(r"^claimed figures carry fingerprint (?P<claimed>\S+), the "
                              r"recomputation (?P<recomputed>\S+): inputs or versions differ$"),
}
