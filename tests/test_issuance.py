"""Issuance never exceeds the net reductions; a negative vintage is a visible finding.

Issue #14, item 1. A monitoring period spanning 1 January whose first year has net imports
(BE < 0) and whose second has net exports: before the fix the negative vintage was floored to 0
and the positive one issued in full, so 498 t were issuable from 249.337 t of net reductions.

The rule (docs/architecture.md, "Issuance"): each negative vintage's deficit is netted against
the positive vintages of the same result, latest vintage first; then each vintage is rounded
down to whole tonnes.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.cli import main

OM, BM = 0.8042, 0.2135
EF_CM = 0.5 * OM + 0.5 * BM  # CCER-01-002-V01 §6.3 eq. (3), weights §7.1 Tables 2-3

#: December 2024 imports more than it exports; January 2025 exports. One period spans both.
DEC = (10.0, 500.0)
JAN = (1000.0, 20.0)


def _data() -> dict[str, Any]:
    return {
        "name": "negative vintage",
        "methodology": "CCER-01-002-V01",
        "dates": {"construction_start": "2021-03-01", "crediting_period_start": "2024-01-01",
                  "crediting_period_end": "2033-12-31"},
        "parameters": {"grid_om_factor": f"{OM} t CO2/MWh", "grid_bm_factor": f"{BM} t CO2/MWh"},
        "inputs": {"grid": "南方", "installed_capacity": "300 MW", "distance_to_shore": "35 km",
                   "offshore": True, "grid_connected": True},
        "monitoring": {
            "periods": [{"id": "MP1", "start": "2024-12-01", "end": "2025-01-31"}],
            "data": [
                {"start": "2024-12-01", "end": "2024-12-31", "export": f"{DEC[0]} MWh",
                 "import": f"{DEC[1]} MWh"},
                {"start": "2025-01-01", "end": "2025-01-31", "export": f"{JAN[0]} MWh",
                 "import": f"{JAN[1]} MWh"},
            ],
        },
    }


@pytest.fixture
def negative() -> Any:
    return compute(project_from_dict(_data()))


def test_issuable_never_exceeds_the_net_reductions(negative: Any) -> None:
    # by hand, CCER-01-002-V01 eqs. (1)-(3): ER_y = (EG_export - EG_import) × EF_CM
    er_2024 = (DEC[0] - DEC[1]) * EF_CM
    er_2025 = (JAN[0] - JAN[1]) * EF_CM
    assert [v.values["emission_reductions"] for v in negative.vintages] == pytest.approx(
        [er_2024, er_2025], rel=1e-12)
    total = negative.totals["emission_reductions"]
    assert total == pytest.approx(er_2024 + er_2025, rel=1e-12)
    assert total == pytest.approx(249.3365, abs=1e-9)
    # the 2024 deficit is netted against 2025 (the latest, and here the only, positive vintage)
    assert [v.issuable for v in negative.vintages] == [0, math.floor(er_2025 + er_2024)]
    assert negative.issuable_total == 249 <= total


def test_netted_deficit_is_in_the_json(negative: Any) -> None:
    d = json.loads(negative.to_json())
    v2024, v2025 = d["vintages"]
    assert v2024["netted_deficit"] == {"value": 0.0, "unit": "t CO2e"}
    assert v2025["netted_deficit"]["value"] == pytest.approx(-(DEC[0] - DEC[1]) * EF_CM,
                                                             rel=1e-12)
    assert d["totals"]["issuable"]["value"] == 249


def test_negative_vintage_is_a_visible_warning(negative: Any) -> None:
    (w,) = negative.warnings
    assert (w.code, w.year) == ("negative_vintage", 2024)
    assert "2024" in w.message_en and "-249.337" in w.message_en
    assert "2025" in w.message_en
    assert "2024" in w.message_zh
    d = json.loads(negative.to_json())
    assert d["warnings"] == [w.to_dict()]


def test_no_warning_when_every_vintage_is_positive(example_dir: Path) -> None:
    from ccer_calc.api import load_project  # noqa: PLC0415

    r = compute(load_project(example_dir / "example.toml"))
    assert r.warnings == []
    assert json.loads(r.to_json())["warnings"] == []
    assert all(v.netted == 0.0 for v in r.vintages)


def test_cli_table_shows_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_data(), ensure_ascii=False), "utf-8")
    out = io.StringIO()
    assert main(["compute", str(path)], out=out) == 0
    text = out.getvalue()
    assert "Warnings:" in text
    assert "vintage 2024" in text
    assert "issuable 249 t CO2e" in text


@pytest.mark.parametrize("document", ["monitoring", "verification", "validation"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_documents_show_the_negative_vintage(negative: Any, document: str, lang: str) -> None:
    from ccer_calc.documents import build_context, render_document  # noqa: PLC0415

    project = project_from_dict(_data())
    m = get_methodology(project.methodology_id)
    ctx = build_context(project, negative, m, document=document, lang=lang)
    rows = [c for c in ctx["checks"] if c["name"] == "no_negative_vintage_2024"]
    assert len(rows) == 1 and not rows[0]["passed"]
    assert not ctx["checks_all_passed"]
    html = render_document(project, negative, m, document=document, lang=lang, fmt="html")
    assert negative.warnings[0].message(lang) in html


@pytest.mark.parametrize(("years", "er", "issuable"), [
    ([2023, 2024, 2025], [-3.5, 10.2, 5.0], [0, 10, 1]),     # latest first: 2025 absorbs 3.5
    ([2023, 2024, 2025], [4.0, 2.0, -5.0], [1, 0, 0]),       # then earlier: 2024, then 2023
    ([2024, 2025], [-10.0, -1.0], [0, 0]),                   # nothing to net against
    ([2024, 2025], [-10.0, 4.0], [0, 0]),                    # more deficit than reductions
    ([2024, 2025], [10.9, 0.2], [10, 0]),                    # no deficit: each rounded down
])
def test_netting_rule_by_hand(years: list[int], er: list[float], issuable: list[int]) -> None:
    from ccer_calc.result import issuable_by_vintage  # noqa: PLC0415

    assert [i for i, _ in issuable_by_vintage(er)] == issuable


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=-1e7, max_value=1e7, allow_nan=False), min_size=1,
                max_size=12))
def test_issuable_is_bounded_by_the_net_total(er: list[float]) -> None:
    from ccer_calc.result import issuable_by_vintage  # noqa: PLC0415

    out = issuable_by_vintage(er)
    issued = [i for i, _ in out]
    assert all(i >= 0 for i in issued)
    assert sum(issued) <= max(0.0, math.fsum(er)) + 1e-6
    for (i, netted), x in zip(out, er, strict=True):
        assert i <= max(0.0, x)
        assert netted >= 0.0
    if min(er) >= 0:
        assert issued == [math.floor(x) for x in er]


@pytest.mark.requires_docx
def test_docx_shows_the_negative_vintage(negative: Any) -> None:
    docx = pytest.importorskip("docx", reason="docx extra not installed")
    from ccer_calc.documents import render_bytes  # noqa: PLC0415

    project = project_from_dict(_data())
    m = get_methodology(project.methodology_id)
    data = render_bytes(project, negative, m, document="verification", lang="en", fmt="docx")
    doc = docx.Document(io.BytesIO(data))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert negative.warnings[0].message_en in cells


def _doc_checks(negative: Any) -> list[dict[str, Any]]:
    from ccer_calc.documents import build_context  # noqa: PLC0415

    project = project_from_dict(_data())
    m = get_methodology(project.methodology_id)
    ctx = build_context(project, negative, m, document="verification", lang="en")
    assert not ctx["checks_all_passed"]
    return list(ctx["checks"])


def test_cli_summary_counts_the_checks_the_documents_show(negative: Any,
                                                          tmp_path: Path) -> None:
    # issue #14 audit, item 6: the CLI said "Checks passed: 8/8" while the documents' checks
    # table had a ninth row, the negative vintage, "not met"
    rows = _doc_checks(negative)
    met = sum(r["passed"] for r in rows)
    assert (met, len(rows)) == (len(negative.checks), len(negative.checks) + 1)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_data(), ensure_ascii=False), "utf-8")
    out = io.StringIO()
    assert main(["compute", str(path)], out=out) == 0
    assert (f"Checks passed: {met}/{len(rows)} (not met: no_negative_vintage_2024)"
            in out.getvalue())
    assert negative.check_outcomes() == [(r["name"], r["passed"]) for r in rows]


def test_json_checks_count_the_negative_vintage_as_the_cli_does(negative: Any) -> None:
    # re-audit of issue 14: `compute --json` listed 8 checks, all passed, while the CLI said
    # 8/9; a registry reading "checks" must see the negative vintage too
    d = json.loads(negative.to_json())
    assert [(c["name"], c["passed"]) for c in d["checks"]] == negative.check_outcomes()
    last = d["checks"][-1]
    assert last["name"] == "no_negative_vintage_2024" and "-249.337" in last["reason"]
