"""The engagement file: what people write arrives in the documents, in their language; a
placeholder stays only for what the file leaves out; bad files are refused naming the field."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.documents import DOCUMENTS, load_engagement, render_document
from ccer_calc.documents.engagement import SECTIONS, Engagement, parse_engagement
from ccer_calc.errors import InputError

TODO = re.compile(r'<p class="todo">(.*?)</p>')


@pytest.fixture(scope="module")
def ow() -> tuple[Any, Any, Any]:
    import methodologies.ccer_01_002_v01 as pkg  # noqa: PLC0415 - the bundled example

    project = load_project(Path(pkg.__file__).parent / "data" / "example.toml")
    return project, compute(project), get_methodology(project.methodology_id)


@pytest.fixture(scope="module")
def example_engagement(ow: tuple[Any, Any, Any]) -> Engagement:
    project = ow[0]
    return load_engagement(project.source.parent / "example_engagement.toml")


def test_every_section_field_is_a_field_of_the_file() -> None:
    for document, sections in SECTIONS.items():
        assert document in DOCUMENTS
        for names in sections.values():
            assert set(names) <= set(Engagement.model_fields)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_example_fills_every_section_of_the_verification_report(
        ow: tuple[Any, Any, Any], example_engagement: Engagement, lang: str) -> None:
    project, result, m = ow
    html = unescape(render_document(project, result, m, document="verification", lang=lang,
                                    engagement=example_engagement))
    assert TODO.findall(html) == []
    for name in ("team", "site_visit", "interviews", "owner_statement", "verifier_statement"):
        text = getattr(example_engagement, name)
        for paragraph in text.paragraphs(lang):
            assert paragraph in html
    other = "en" if lang == "zh" else "zh"
    assert example_engagement.team is not None
    assert example_engagement.team.paragraphs(other)[0] not in html
    assert 'data-field="date"' in html and "2025-07-30" in html
    md = render_document(project, result, m, document="verification", lang=lang, fmt="md",
                         engagement=example_engagement)
    assert "> " + ("待项目业主" if lang == "zh" else "To be completed") not in md
    assert example_engagement.document_review is not None
    for paragraph in example_engagement.document_review.paragraphs(lang):
        assert paragraph in md  # two paragraphs, each its own


def test_without_a_file_every_section_keeps_its_placeholder(ow: tuple[Any, Any, Any]) -> None:
    project, result, m = ow
    html = render_document(project, result, m, document="validation")
    todo = TODO.findall(html)
    assert len(todo) == len(SECTIONS["validation"])
    assert any("审定组、审定计划、文件评审、现场访问、访谈、技术评审" in t for t in todo)


def test_a_placeholder_names_only_what_the_file_leaves_out(ow: tuple[Any, Any, Any]) -> None:
    project, result, m = ow
    engagement = parse_engagement({"team": {"zh": "组长：张三", "en": "Leader: Zhang San"},
                                   "site_visit": {"zh": "访问了升压站。"}})
    zh = render_document(project, result, m, document="validation", engagement=engagement)
    procedure = zh.split("2 审定程序与方法")[1].split("<h2>")[0]
    assert "<strong>审定组</strong>：组长：张三" in procedure
    assert "<strong>现场访问</strong>：访问了升压站。" in procedure
    assert TODO.findall(procedure) == [
        "待项目业主/审核机构补充：审定计划、文件评审、访谈、技术评审"]
    en = render_document(project, result, m, document="validation", lang="en",
                         engagement=engagement)
    procedure = en.split("2 Validation procedure")[1].split("<h2>")[0]
    assert "Leader: Zhang San" in procedure
    assert TODO.findall(procedure) == ["To be completed by the project owner or the V&amp;V "
                                       "body: plan, document review, site visit, interviews, "
                                       "technical review"]


def test_engagement_text_is_escaped(ow: tuple[Any, Any, Any]) -> None:
    project, result, m = ow
    engagement = parse_engagement({"public_comments": {"zh": "<script>x</script> | 无"}})
    html = render_document(project, result, m, document="validation", engagement=engagement)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt; | 无" in html
    md = render_document(project, result, m, document="validation", fmt="md",
                         engagement=engagement)
    assert "<script>" not in md and "&lt;script&gt;x&lt;/script&gt; | 无" in md


@pytest.mark.parametrize(("text", "field", "problem"), [
    ('[teem]\nzh = "x"\n', "teem", "unknown field"),
    ('team = "x"\n', "team", "valid dictionary"),
    ('[team]\nzh = 5\n', "team.zh", "valid string"),
    ("[team]\n", "team", "give a zh or an en text"),
    ('[team]\nzh = "  "\nen = ""\n', "team", "give a zh or an en text"),
    ('[team]\nfr = "x"\n', "team.fr", "unknown field"),
    ('date = "soon"\n', "date", "valid date"),
])
def test_bad_fields_are_refused_naming_them(tmp_path: Path, text: str, field: str,
                                            problem: str) -> None:
    path = tmp_path / "e.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=problem) as info:
        load_engagement(path)
    assert info.value.field == field
    assert "e.toml" in str(info.value)


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_engagement(tmp_path / "none.toml")
    with pytest.raises(InputError, match="not found or not a regular file"):
        load_engagement(tmp_path)
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('[team]\nzh = "张三"\n'.encode("gbk"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_engagement(gbk)
    bad = tmp_path / "bad.toml"
    bad.write_text("[team\n", "utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_engagement(bad)
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + '[team]\nzh = "张三"\n'.encode())
    assert load_engagement(bom).team is not None


def test_cli_report_takes_an_engagement_file(ow: tuple[Any, Any, Any], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    project = ow[0]
    out = tmp_path / "v.md"
    code = main(["report", str(project.source), "--document", "verification", "--format",
                 "md", "--engagement", str(project.source.parent / "example_engagement.toml"),
                 "-o", str(out)], out=io.StringIO())
    assert code == EXIT_OK
    assert "**核查组**：组长：张三" in out.read_text("utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[team]\nde = "x"\n', "utf-8")
    code = main(["report", str(project.source), "--document", "pdd", "--engagement", str(bad),
                 "-o", str(tmp_path / "p.html")], out=io.StringIO())
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert "team.de" in err and "unknown field" in err
    assert not (tmp_path / "p.html").exists()


def test_docx_carries_the_written_sections(ow: tuple[Any, Any, Any],
                                           example_engagement: Engagement) -> None:
    docx = pytest.importorskip("docx", reason="docx extra not installed: "
                                              "pip install 'ccer-calc[docx]'")
    from ccer_calc.documents import render_bytes  # noqa: PLC0415

    project, result, m = ow
    for lang, todo in (("zh", "待项目业主"), ("en", "To be completed")):
        data = render_bytes(project, result, m, document="verification", lang=lang,
                            fmt="docx", engagement=example_engagement)
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert example_engagement.site_visit is not None
        assert example_engagement.site_visit.paragraphs(lang)[0] in text
        assert todo not in text
        bare = render_bytes(project, result, m, document="verification", lang=lang,
                            fmt="docx")
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(bare)).paragraphs)
        assert text.count(todo) == len(SECTIONS["verification"]) - 1  # no ex-ante: no table
