"""A zh document is Chinese throughout: no run of three English words the engine wrote (#9).

Every bundled project file's documents are rendered in zh (HTML; all four kinds from
monitoring data, the PDD and validation report ex ante). In the visible text, no run of three
or more consecutive English words may remain unless it is text shown as written, listed here
explicitly:

* citations of documents and data tables, in the language they are published in: the leading
  citation of every equation, parameter, monitored column, check and provisional value's
  ``source`` and of an input's reference (``CITED``: document code, version,
  section/paragraph/equation/table numbers) and the official English titles, publishers and
  literature they name (``TITLES``), but not the engine's notes after them (a sign convention,
  a day apportionment, why a value is provisional): those are worded in the document's
  language;
* equation formulas and symbols, and keys, paths and units written with ``_`` or ``/``;
* what the project file and its data files say (names, descriptions, notes);
* the methodology's official English title, and the English title line of each document's
  cover (``COVER``).

A run of English the engine or a plug-in words itself (an origin "as the project states", a
traceability key, the provisional values' prefix) fails. The runs counted are of words of two
letters or more, so single-letter symbols and list items (``a, b, c``) are not words.
"""

from __future__ import annotations

import csv
import html
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.documents import DOCUMENTS, render_document
from ccer_calc.documents.messages import catalogue, message
from ccer_calc.estimation import estimate

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
FILES = sorted(p for p in ROOT.glob("*/data/*.toml")
               if "methodology" in tomllib.loads(p.read_text("utf-8")))
WORD = r"[A-Za-z][A-Za-z'\u2019-]+"
RUN = re.compile(rf"{WORD}(?:[ ,/]+{WORD}){{2,}}")
#: The engine's wording of a provisional value's source; the citation after it is as written.
PROVISIONAL = re.compile(r"^provisional: value of the CDM parent .+? \(the MEE text of \S+ was "
                         r"not available\)[,;]? ?")
#: An input's reference that is a citation (a document, a data table), not engine wording.
#: A key or path shown as such (``grassland all/non_degraded/low_medium``, ``t C/ha/yr``).
IDENTIFIER = re.compile(r"\S*[_/]\S*")
#: The English title line a zh document's cover shows under the Chinese title, on purpose.
COVER = tuple(message(f"{d}.kind", "en") for d in DOCUMENTS)
CITATION = re.compile(r"^(?:CDM |AR-|TOOL|CCER-|IPCC|GB|[\w-]+\.csv)")
#: The leading citation of a source: a document code, then its version and the numbers of its
#: sections, paragraphs, equations, tables and rows (and the Chinese short title of a CCER text).
CITED = re.compile(
    r"^(?:(?:CDM |IPCC )?(?:AR-)?(?:ACM|AM|TOOL)\d+|CCER-\d{2}-\d{3}-V\d{2}|IPCC [\w-]+ \d{4}"
    r"|[\w-]+\.csv)"
    r"(?:[\s\d.,;:()\-\u2013§\u4e00-\u9fff]|\b(?:v\d[\d.]*|section|sections|paras?|eq|"
    r"Tables?|tables|Appendix|App|items?|row|and|[ivx]+|III|secondary)\b|\S*[_/]\S*)*")
#: Official English titles and published literature that citations name, as written.
TITLES = ("Grid-connected electricity generation from renewable sources",
          "CDM modalities and procedures", "UNFCCC CDM Executive Board, EB",
          "A flexible growth function for empirical use, Journal of Experimental Botany",
          "Statistical problems in dynamics of exploited fisheries populations, Proc",
          "th Berkeley Symposium on Mathematical Statistics and Probability, vol")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _project_texts(path: Path) -> list[str]:
    texts = _strings(tomllib.loads(path.read_text("utf-8")))
    for data in path.parent.glob("*.csv"):
        with data.open(encoding="utf-8") as f:
            texts += [cell for row in csv.reader(f) for cell in row]
    return texts


def _cited(source: str) -> list[str]:
    """The citation at the head of each ``; ``-separated part of a source, not the notes."""
    return list(dict.fromkeys(found.group(0) for part in (source, *source.split("; "))
                              if (found := CITED.match(part))))


def _as_written(path: Path, result: Any, m: Any) -> list[str]:
    info = m.describe(load_project(path).inputs)
    texts = [m.title_en, *_cited(m.source), *_project_texts(path), *COVER, *TITLES]
    texts += [c for p in info["parameters"] for c in _cited(PROVISIONAL.sub("", p["source"]))]
    texts += [c for s in (*info["monitored"], *info["checks"]) for c in _cited(s["source"])]
    texts += [c for check in result.checks for c in _cited(check.source)]
    texts += [c for p in result.provisional for c in _cited(PROVISIONAL.sub("", p["source"]))]
    for e in result.trail.entries:
        texts += [*_cited(e.source), e.formula, e.symbol]
        for i in e.inputs:
            texts.append(i.symbol)
            texts += _cited(i.ref)
    return [" ".join(IDENTIFIER.sub(" ", t).split()) for t in texts]


def _visible(doc: str) -> list[str]:
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", doc, flags=re.DOTALL)
    body = re.sub(r'<code class="key">.*?</code>', "\n", body)  # ids, shown as such
    body = re.sub(r"<wbr\s*/?>", "", body)
    body = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    body = IDENTIFIER.sub(" ", body)
    return [" ".join(line.split()) for line in body.splitlines() if line.strip()]


def _documents(path: Path) -> tuple[Any, Any, list[str]]:
    project = load_project(path)
    m = get_methodology(project.methodology_id)
    if project.spec.monitoring is None:
        est = estimate(project)
        docs = [render_document(project, est.result, m, document=d, lang="zh", estimate=est)
                for d in ("pdd", "validation")]
        return est.result, m, docs
    result = compute(project)
    docs = [render_document(project, result, m, document=d, lang="zh")
            for d in ("pdd", "validation", "monitoring", "verification")]
    return result, m, docs


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_zh_documents_have_no_english_the_engine_wrote(path: Path) -> None:
    result, m, docs = _documents(path)
    allowed = _as_written(path, result, m)
    english = sorted({run.group(0) + "  ← " + line[:120]
                      for doc in docs for line in _visible(doc) for run in RUN.finditer(line)
                      if not any(run.group(0) in text for text in allowed)})
    assert english == []


def test_only_the_citation_of_a_source_is_shown_as_written() -> None:
    source = ("AR-TOOL12 v03.1, section 6.3, paras. 36-37, eq. (10)-(11), over the d_t days of "
              "year t among the D days between the estimates, on the assumption of linear change")
    assert _cited(source) == ["AR-TOOL12 v03.1, section 6.3, paras. 36-37, eq. (10)-(11), "]
    assert _cited("CCER-14-001-V01 (provisional: the CDM parent's eq. (1); the MEE text is "
                  "unavailable)") == ["CCER-14-001-V01 ("]
    assert _cited("the bans known for CCER-14-001-V01 of the same batch") == []


def test_the_check_catches_an_english_origin() -> None:
    lines = _visible("<td>事前确定：no forest fire, as the project states</td>")
    assert [r.group(0) for ln in lines for r in RUN.finditer(ln)] == [
        "no forest fire, as the project states"]


def test_traceability_names_each_version_in_the_documents_language() -> None:
    result, m, docs = _documents(ROOT / "ccer_01_002_v01" / "data" / "example.toml")
    project = load_project(ROOT / "ccer_01_002_v01" / "data" / "example.toml")
    keys = ["engine", "methodology", "methodology_version", "plugin"]
    assert set(keys) <= set(result.versions)  # the rest are library names (numpy, pint ...)
    for doc in docs:
        assert not any(f"<th>{k}</th>" in doc for k in keys)
        for k in keys:
            assert f"<th>{message(f'version.{k}', 'zh')}</th>" in doc
    md = render_document(project, result, m, document="pdd", lang="zh", fmt="md")
    assert f"| {message('version.methodology_version', 'zh')} | V01 |" in md
    assert not re.search(r"^\| (engine|methodology|methodology_version|plugin) \|", md,
                         flags=re.MULTILINE)


def test_provisional_values_source_column_is_worded_in_chinese() -> None:
    path = ROOT / "ccer_14_001_v01" / "data" / "example.toml"
    result, _, docs = _documents(path)
    html_doc = docs[0]
    table = html_doc.split('<div class="provisional"', 1)[1].split("</table>", 1)[0]
    sources = re.findall(r"<tr><td>.*?</td><td>.*?</td><td>.*?</td><td>(.*?)</td></tr>", table)
    values = [p for p in result.provisional if PROVISIONAL.match(p["source"])]
    assert len(sources) >= len(values) > 0
    worded = [s for s in sources if s.startswith("暂行：取 CDM 母方法学 AR-ACM0003 v02.0 的值（"
                                                  "CCER-14-001-V01 的生态环境部文本无法获得）")]
    assert len(worded) == len(values)
    assert not any("value of the CDM parent" in s for s in sources)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plot_strata_are_cited_and_shown_by_their_ids(lang: str) -> None:
    path = ROOT / "ar_acm0003" / "data" / "example.toml"
    project = load_project(path)
    result = compute(project)
    md = render_document(project, result, get_methodology(project.methodology_id),
                         document="verification", lang=lang, fmt="md")
    assert message("origin.argument", lang) + message("fmt.label_value", lang, label="",
                                                      value="").strip() not in md
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and "| plot_stratum |" in ln]
    sep = message("fmt.list_sep", lang)
    assert rows and all(ln.rstrip(" |").endswith(sep.join(["S1", "S2", "S3"])) for ln in rows)
    assert all("strata.csv" not in ln and "plots_" in ln for ln in rows)


def test_every_note_pattern_has_its_wording_and_every_wording_its_pattern() -> None:
    from ccer_calc.documents.notes import _NOTES  # noqa: PLC0415

    assert sorted(f"note.{k}" for k, _ in _NOTES) == sorted(
        k for k in catalogue() if k.startswith("note."))


def test_a_stratum_id_with_a_comma_is_shown_whole(tmp_path: Path) -> None:
    # the ids come from the parsed strata, not from the text citing them: an id holding ", "
    # (the separator of that text) is still one stratum, shown whole at its own index
    source = ROOT / "ar_acm0003" / "data"
    for f in source.iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "strata.csv":
            text = text.replace("\nS2,", '\n"North, upper",')
        elif f.name.startswith("plots_"):
            text = text.replace(",S2,", ',"North, upper",')
        (tmp_path / f.name).write_text(text, encoding="utf-8")
    project = load_project(tmp_path / "example.toml")
    md = render_document(project, compute(project), get_methodology(project.methodology_id),
                         document="verification", lang="en", fmt="md")
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and "| plot_stratum |" in ln]
    shown = message("fmt.list_sep", "en").join(["S1", "North, upper", "S3"])
    assert rows and all(ln.rstrip(" |").endswith(f"| {shown}") for ln in rows)


@pytest.mark.parametrize("lands", [["L1"], ["L1", "L2"], ["north field", "L2", "L3"]])
def test_the_leakage_of_each_receiving_land_is_worded_for_any_number_of_lands(
        lands: list[str]) -> None:
    # AR-TOOL15 (1) per receiving land, as tools/forestry/sink_leakage.py cites it: the lands
    # joined by ", ", so two or more (or one named with a space) are still one reference
    from ccer_calc.documents.localize import reference  # noqa: PLC0415

    ref = "AR-TOOL15 (1) of each receiving land: " + ", ".join(lands)
    assert reference(ref, "zh") == message("ref.each_land", "zh", eq="AR-TOOL15 (1)",
                                           land=", ".join(lands))
    assert "each receiving land" not in reference(ref, "zh")
