"""One template set, one catalogue: zh and en documents have the same tables and numbers, a zh
document is Chinese throughout, and every key the templates use is in the catalogue with the
same placeholders in both languages."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.bilingual import Bilingual, in_language
from ccer_calc.documents import DOCUMENTS, build_context, render_document
from ccer_calc.documents.messages import catalogue, message, placeholders, translate
from ccer_calc.errors import TemplateError
from ccer_calc.verify import verify

REPORTS = Path(str(resources.files("ccer_calc.reports")))
ROOT = Path(__file__).resolve().parents[1]
IDS = [m["id"] for m in list_methodologies()]
CJK = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"[-+−]?\d[\d,]*(?:\.\d+)?")


def _loaded(mid: str) -> tuple[Any, Any, Any]:
    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    project = load_project(Path(str(resources.files(pkg).joinpath(m.example))))
    return project, compute(project), m


@pytest.fixture(scope="module", params=IDS)
def example(request: pytest.FixtureRequest) -> tuple[Any, Any, Any, Any]:
    """Each bundled example with findings against a claim that overstates period 1 by 5 %."""
    project, result, m = _loaded(request.param)
    claimed = json.loads(result.to_json())
    claimed["periods"][0]["emission_reductions"]["value"] *= 1.05
    claimed["fingerprint"] = "sha256:" + "0" * 64
    return project, result, m, verify(project, result, claimed)


# --- the catalogue ---------------------------------------------------------------------------

def test_every_entry_has_zh_and_en_with_the_same_placeholders() -> None:
    assert len(catalogue()) > 200
    for key, entry in catalogue().items():
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert placeholders(entry["zh"]) == placeholders(entry["en"]), key


def test_templates_are_one_set_without_wording_of_their_own() -> None:
    assert not (REPORTS / "zh").exists()
    assert not (REPORTS / "en").exists()
    names = sorted(p.name for p in REPORTS.glob("*.j2"))
    for document in DOCUMENTS:
        assert f"{document}.html.j2" in names
        assert f"{document}.md.j2" in names
    for path in REPORTS.glob("*.j2"):
        text = path.read_text("utf-8")
        assert not CJK.search(text), f"{path.name} holds Chinese wording; use the catalogue"


def test_every_key_the_templates_use_is_in_the_catalogue() -> None:
    used = set()
    for path in REPORTS.glob("*.j2"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text("utf-8")))
    assert used, "no t() calls found"
    missing = sorted(k for k in used if k not in catalogue() and k != "key")
    assert missing == []


def test_no_fixed_wording_is_left_unused() -> None:
    # entries looked up by a computed key (origin.<origin>, rule.<name> ...) are exempt
    # and so are the sinks' wording of a key (sink.<key>, read by messages.variant)
    dynamic = ("origin.", "kind.", "scope.", "quantity.", "rule.", "finding.", "value.", "ref.",
               "engagement_label.", "engagement_todo.", "input_name.", "provisional_rule.",
               "sink.", "verification_status.", "version.", "note.")
    sources = "".join(p.read_text("utf-8") for p in
                      [*REPORTS.glob("*.j2"), *(ROOT / "ccer_calc" / "documents").glob("*.py")])
    unused = [k for k in catalogue() if not k.startswith(dynamic)
              and f'"{k}"' not in sources and f"'{k}'" not in sources]
    assert unused == []


def test_message_names_a_missing_key_or_value() -> None:
    with pytest.raises(TemplateError, match="no such message.*'label.nothing'"):
        message("label.nothing", "zh")
    with pytest.raises(TemplateError, match="needs a value"):
        message("fmt.range", "en", start="2024-01-01")
    assert translate("not in the catalogue", "zh") == "not in the catalogue"


def test_bilingual_text_keeps_its_english_value_and_pickles() -> None:
    import pickle  # noqa: PLC0415 - only here

    r = Bilingual("connected to the grid", "已并网")
    assert r == "connected to the grid"
    assert json.dumps(r) == '"connected to the grid"'
    back = pickle.loads(pickle.dumps(r))  # noqa: S301 - our own bytes
    assert (back, back.zh, type(back)) == (r, "已并网", Bilingual)
    assert in_language(r, "en") == "connected to the grid"


# --- zh and en documents are the same document -----------------------------------------------

class _Tables(HTMLParser):
    """Tables as lists of rows; a row is a list of (cell class, cell text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, str]]]] = []
        self.headings = 0
        self._cell: list[str] | None = None
        self._cls = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell, self._cls = [], dict(attrs).get("class") or ""
        elif tag in ("h2", "h3", "h4"):
            self.headings += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((self._cls, " ".join("".join(self._cell).split())))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _structure(html: str) -> tuple[int, list[list[list[Any]]]]:
    p = _Tables()
    p.feed(html)
    shape = [[[NUMBER.findall(text) if "num" in cls.split() else None for cls, text in row]
              for row in table] for table in p.tables]
    return p.headings, shape


def _md_structure(md: str) -> list[list[str]]:
    rows = []
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            rows.append([c if re.fullmatch(r"[-+]?[\d,]+(?:\.\d+)?( %)?", c) else "·"
                         for c in cells])
    return rows


@pytest.mark.parametrize("document", DOCUMENTS)
def test_zh_and_en_have_the_same_tables_and_numbers(example: tuple[Any, ...],
                                                    document: str) -> None:
    project, result, m, findings = example
    kw: dict[str, Any] = {"findings": findings if document == "verification" else None}
    zh = render_document(project, result, m, document=document, lang="zh", **kw)
    en = render_document(project, result, m, document=document, lang="en", **kw)
    zh_headings, zh_tables = _structure(zh)
    en_headings, en_tables = _structure(en)
    assert zh_headings == en_headings
    assert len(zh_tables) == len(en_tables) > 5
    assert zh_tables == en_tables  # same rows, same cells, same numbers in every number cell
    md_zh = render_document(project, result, m, document=document, lang="zh", fmt="md", **kw)
    md_en = render_document(project, result, m, document=document, lang="en", fmt="md", **kw)
    assert _md_structure(md_zh) == _md_structure(md_en)
    assert md_zh.count("\n#") == md_en.count("\n#")


# --- a zh document is Chinese throughout -----------------------------------------------------

def _texts(ctx: dict[str, Any]) -> list[tuple[str, str]]:
    """Every text of the engine or a plug-in that a document shows in its language."""
    m = ctx["methodology"]
    out = [("title", m["title"]), ("sector", m["sector"]), ("status", m["status"])]
    for i in ctx["project"]["inputs"]:
        out.append(("input", i["label"]))
        if i["number"] is None and i["text"] != "—":
            out.append(("input value", i["text"]))
    for c in ctx["checks"]:
        out += [("check", c["title"]), ("evidence", c["reason"]), ("outcome", c["outcome"])]
    for p in ctx["parameters"]["fixed"]:
        out += [("parameter", p["description"]), ("kind", p["kind_label"])]
        out += [("frequency", p["frequency"])] if p["frequency"] else []
    for c in ctx["parameters"]["monitored"]:
        out += [("column", c["description"]), ("frequency", c["frequency"])]
    for e in ctx["equations"]:
        out.append(("equation", e["description"]))
        for i in e["scalars"] + [c for c in e["columns"] if not c["is_output"]]:
            out += [("equation input", i["label"]), ("origin", i["origin_label"])]
    out += [("vintage rule", v["rule"]) for v in ctx["vintages"]]
    if ctx["verification"]:
        for f in ctx["verification"]["findings"]:
            out += [("finding", f["description"]), ("finding kind", f["kind_label"])]
        out += [("scope", c["where"]) for c in ctx["verification"]["headline"]]
    out += [("placeholder", s["missing"]) for s in ctx["engagement"].values() if s["missing"]]
    return out


@pytest.mark.parametrize("document", DOCUMENTS)
def test_zh_context_is_chinese_throughout(example: tuple[Any, ...], document: str) -> None:
    project, result, m, findings = example
    ctx = build_context(project, result, m, document=document, lang="zh", findings=findings)
    english = [(kind, text) for kind, text in _texts(ctx) if not CJK.search(text)]
    assert english == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_zh_html_shows_no_python_values_or_names(example: tuple[Any, ...],
                                                 document: str) -> None:
    project, result, m, findings = example
    html = render_document(project, result, m, document=document, lang="zh",
                           findings=findings)
    visible = re.sub(r'<code class="key">.*?</code>', "", html)  # ids, shown as such
    visible = re.sub(r"<[^>]+>", " ", visible)
    for word in ("True", "False", "None", "dimensionless", "emission_reductions",
                 "installed_capacity", "computed", "monitored"):
        # a dotted path in the project file (项目文件 inputs.installed_capacity) is an id
        assert not re.search(rf"(?<![.\w]){word}\b", visible), word
    md = render_document(project, result, m, document=document, lang="zh", fmt="md",
                         findings=findings)
    for word in ("True", "False", "None", "dimensionless", "emission_reductions"):
        assert not re.search(rf"\b{word}\b", md), word


def test_en_context_speaks_english(example: tuple[Any, ...]) -> None:
    project, result, m, findings = example
    ctx = build_context(project, result, m, document="verification", lang="en",
                        findings=findings)
    chinese = [(k, t) for k, t in _texts(ctx)
               if CJK.search(t) and k not in ("input value", "evidence", "check")]
    # grid names (南方) and fuel keys are data; the words around them are English
    assert all(CJK.sub("", t).strip() for _, t in chinese), chinese


# --- the monitoring plan lists what the project monitors --------------------------------------

@pytest.mark.parametrize(("mid", "columns"), [
    ("CCER-01-001-V01", {"export", "import", "fuel_diesel", "fuel_natural_gas"}),
    ("ACM0002", {"export", "import", "generation", "fuel_diesel"}),
    ("CCER-01-002-V01", {"export", "import"}),
])
@pytest.mark.parametrize("document", ["pdd", "monitoring"])
def test_monitoring_plan_lists_every_monitored_column(mid: str, columns: set[str],
                                                      document: str) -> None:
    project, result, m = _loaded(mid)
    html = render_document(project, result, m, document=document)
    assert set(re.findall(r'data-column="([^"]+)"', html)) == columns
    md = render_document(project, result, m, document=document, lang="en", fmt="md")
    for name in columns:
        column = m.column(name, project.inputs)
        assert f"| {column.symbol} |" in md


# --- the ex-ante variants: a PDD and a validation report without monitoring data ------------

def _ex_ante_loaded(mid: str) -> tuple[Any, Any, Any]:
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    path = Path(str(resources.files(pkg).joinpath("data/example_ex_ante.toml")))
    project = load_project(path)
    assert project.spec.monitoring is None
    est = estimate(project)
    return project, est, m


@pytest.fixture(scope="module", params=IDS)
def ex_ante_example(request: pytest.FixtureRequest) -> tuple[Any, Any, Any]:
    """Each bundled ex-ante example with its estimate."""
    return _ex_ante_loaded(request.param)


@pytest.mark.parametrize("document", ["pdd", "validation"])
def test_ex_ante_zh_and_en_have_the_same_tables_and_numbers(
        ex_ante_example: tuple[Any, ...], document: str) -> None:
    project, est, m = ex_ante_example
    kw: dict[str, Any] = {"document": document, "estimate": est}
    zh = render_document(project, est.result, m, lang="zh", **kw)
    en = render_document(project, est.result, m, lang="en", **kw)
    zh_headings, zh_tables = _structure(zh)
    en_headings, en_tables = _structure(en)
    assert zh_headings == en_headings
    assert len(zh_tables) == len(en_tables) > 5
    assert zh_tables == en_tables
    md_zh = render_document(project, est.result, m, lang="zh", fmt="md", **kw)
    md_en = render_document(project, est.result, m, lang="en", fmt="md", **kw)
    assert _md_structure(md_zh) == _md_structure(md_en)
    assert md_zh.count("\n#") == md_en.count("\n#")


def _estimate_texts(ctx: dict[str, Any]) -> list[tuple[str, str]]:
    e = ctx["estimate"]
    out = [("sensitivity quantity", s["label"]) for s in e["sensitivity"]]
    if e["scenarios"]:
        out += [("scenario", c["description"]) for c in e["scenarios"]["columns"]
                if c["description"]]
    return out


@pytest.mark.parametrize("document", ["pdd", "validation"])
def test_ex_ante_zh_context_is_chinese_throughout(ex_ante_example: tuple[Any, ...],
                                                  document: str) -> None:
    project, est, m = ex_ante_example
    ctx = build_context(project, est.result, m, document=document, lang="zh", estimate=est)
    english = [(kind, text) for kind, text in _texts(ctx) + _estimate_texts(ctx)
               if not CJK.search(text)]
    assert english == []
    assert {e["origin_label"] for eq in ctx["equations"] for e in eq["scalars"] + eq["columns"]
            if e.get("origin") == "expected"} == {"预计值"}


@pytest.mark.parametrize("document", ["pdd", "validation"])
def test_ex_ante_zh_html_shows_no_python_values_or_names(ex_ante_example: tuple[Any, ...],
                                                         document: str) -> None:
    project, est, m = ex_ante_example
    html = render_document(project, est.result, m, document=document, lang="zh", estimate=est)
    visible = re.sub(r'<code class="key">.*?</code>', "", html)
    visible = re.sub(r"<[^>]+>", " ", visible)
    for word in ("True", "False", "None", "dimensionless", "emission_reductions",
                 "installed_capacity", "computed", "monitored", "expected"):
        assert not re.search(rf"(?<![.\w]){word}\b", visible), word
