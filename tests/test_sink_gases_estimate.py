"""The estimate of a sink's PDD with planned burning and expected displacement, its
sensitivity to the plan's quantities, and the documents that show GHG_E and LK.

Numbers by hand: AR-TOOL08 v04.0.0 eq. (3) and AR-TOOL15 v02.0 eq. (1)-(3) as in
tests/test_sink_gases.py (the planned burn: 24.255 t CO2e; displacement D2: 1,134.1 t CO2e, both
in 2015); the sensitivity recomputes the same equations with one quantity 10 % lower and
higher: every equation here is linear in the areas, and Chapman-Richards B(a) = A (1 −
e^(−k a))^c (AR-TOOL14 v04.2 para. 47) is linear in its asymptote A.
"""

from __future__ import annotations

import copy
import importlib
import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project, project_from_dict
from ccer_calc.documents import build_context, render_bytes, render_document
from ccer_calc.estimation import SENSITIVITY, estimate

ACM = Path(__file__).resolve().parents[1] / "methodologies" / "ar_acm0003" / "data"
SPF = 0.07 * 44 / 12 * (40 * 0.5 * 0.10 * 120 * 0.30 + 15 * 0.5 * 0.10 * 120 * 0.25)
LK = 44 / 12 * ((1.1 * 2 * 1.25 + 5 * 1.4) * 0.47 * 40 + 63 * (1 - 0.95) * 40)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _data(name: str) -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads((ACM / name).read_text("utf-8")))


@pytest.fixture(scope="module")
def estimates() -> tuple[Any, Any]:
    plain = estimate(load_project(ACM / "example_ex_ante.toml"))
    planned = estimate(load_project(ACM / "example_burn_leakage_ex_ante.toml"))
    return plain, planned


def test_the_plan_shows_ghg_e_and_lk_in_their_year(estimates: tuple[Any, Any]) -> None:
    plain, planned = estimates
    # AR-ACM0003 v02.0 eq. (2): PE = GHG_E − ΔC_P; eq. (4): LE = LK_AGRIC; 2015 only
    first, *rest = zip(plain.years, planned.years, strict=True)
    assert first[1].values["project_emissions"] == pytest.approx(
        first[0].values["project_emissions"] + SPF, rel=1e-12)
    assert first[1].values["leakage_emissions"] == pytest.approx(LK, rel=1e-9)
    assert first[1].values["emission_reductions"] == pytest.approx(
        first[0].values["emission_reductions"] - SPF - LK, rel=1e-9)
    for a, b in rest:
        assert a.values == b.values
    assert planned.totals["emission_reductions"] == pytest.approx(
        plain.totals["emission_reductions"] - SPF - LK, rel=1e-12)


def test_the_sensitivity_recomputes_the_plan(estimates: tuple[Any, Any]) -> None:
    plain, planned = estimates
    rows = {s.quantity: s for s in planned.sensitivity}
    assert list(rows) == ["cohort_areas", "asymptote_G1", "asymptote_G2", "asymptote_G3",
                          "planned_burn_areas", "displaced_areas"]
    base = planned.totals["emission_reductions"]
    # linear in the burnt areas (49.5 and 60.5 ha stay above 5 % of 250 ha) and the displaced
    burn, moved = rows["planned_burn_areas"], rows["displaced_areas"]
    assert (burn.lower, burn.higher) == (pytest.approx(base + SENSITIVITY * SPF, rel=1e-12),
                                         pytest.approx(base - SENSITIVITY * SPF, rel=1e-12))
    assert (moved.lower, moved.higher) == (pytest.approx(base + SENSITIVITY * LK, rel=1e-12),
                                           pytest.approx(base - SENSITIVITY * LK, rel=1e-12))
    # the plan's other quantities do not touch GHG_E or LK: same differences as without them
    for s in plain.sensitivity:
        assert rows[s.quantity].lower - base == pytest.approx(s.lower - s.base, rel=1e-9)
        assert rows[s.quantity].higher - base == pytest.approx(s.higher - s.base, rel=1e-9)
    assert burn.description_zh and moved.description_en == "areas of the expected displacements"


def test_one_cohort_scales_with_its_area_and_asymptote() -> None:
    # no optional pool, one cohort, nothing else: ER is A_c × A × f(t); ± 10 % either way
    d = _data("example_ex_ante.toml")
    d["inputs"]["pools"] = []
    d["inputs"].pop("soc")
    d["inputs"].pop("climate")
    d["expected"]["planting"] = d["expected"]["planting"][:1]
    d["expected"]["growth"] = d["expected"]["growth"][:1]
    d.pop("scenarios")
    est = estimate(project_from_dict(d, base_dir=ACM))
    base = est.totals["emission_reductions"]
    for s in est.sensitivity:
        assert (s.lower, s.higher) == (pytest.approx(0.9 * base, rel=1e-12),
                                       pytest.approx(1.1 * base, rel=1e-12))


def test_a_scenario_may_replan_the_burn() -> None:
    d = _data("example_burn_leakage_ex_ante.toml")
    burns = copy.deepcopy(d["expected"]["site_preparation_burns"])
    for b in burns:
        b.update(slash_and_burn_common=True, fire_in_last_10_years=True)  # eq. (2): zero
    d["scenarios"] = {"no_emission": {"description": "eq. (2)",
                                      "expected": {"site_preparation_burns": burns}}}
    est = estimate(project_from_dict(d, base_dir=ACM))
    assert est.scenarios["no_emission"].totals["emission_reductions"] == pytest.approx(
        est.totals["emission_reductions"] + SPF, rel=1e-12)


# --- documents -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def monitored() -> tuple[Any, Any, Any]:
    project = load_project(ACM / "example_burn_leakage.toml")
    return project, compute(project), get_methodology("AR-ACM0003")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_monitoring_report_shows_the_events_and_their_numbers(
        monitored: tuple[Any, Any, Any], lang: str) -> None:
    project, result, m = monitored
    html = render_document(project, result, m, document="monitoring", lang=lang)
    assert 'data-burn="SP-2015/S2"' in html and 'data-burn="SP-2015/S3"' in html
    assert 'data-displacement="D1"' in html and 'data-displacement="D2"' in html
    row = re.search(r'<tr data-gases="2015-01-01..2015-12-31">(.*?)</tr>', html).group(1)
    assert "24.255" in row and "1,134.100" in row
    heading = "火烧的非CO2排放与农业活动转移的泄漏" if lang == "zh" else \
        "Non-CO2 emissions of burning and leakage of displaced agriculture"
    assert heading in html
    md = render_document(project, result, m, document="monitoring", lang=lang, fmt="md")
    assert "| 2015-01-01..2015-12-31 | 24.255 | 0.000 | 0.000 | 24.255 | 1,134.100 |" in md


def test_the_gases_part_speaks_chinese(monitored: tuple[Any, Any, Any]) -> None:
    project, result, m = monitored
    ctx = build_context(project, result, m, document="monitoring", lang="zh")
    g = ctx["sink"]["gases"]
    texts = [g["note"], *(r["treatment"] for r in g["site_preparation"]),
             *(r[k] for r in g["displacements"] for k in ("activity", "treatment", "soc"))]
    assert all(CJK.search(t) for t in texts), texts
    labels = [i["label"] for e in ctx["equations"]
              for i in e["scalars"] + [c for c in e["columns"] if not c["is_output"]]]
    labels += [e["description"] for e in ctx["equations"]]
    assert [x for x in labels if not CJK.search(x)] == []
    checks = {c["name"]: c for c in ctx["checks"]}
    assert CJK.search(checks["fire_area_threshold"]["reason"])
    assert CJK.search(checks["grazing_displacement_zero"]["title"])


def test_the_examples_without_events_show_no_gases_part() -> None:
    project = load_project(ACM / "example.toml")
    ctx = build_context(project, compute(project), get_methodology("AR-ACM0003"),
                        document="monitoring", lang="en")
    assert ctx["sink"]["gases"] is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdd_shows_the_planned_burn_and_displacement(lang: str) -> None:
    project = load_project(ACM / "example_burn_leakage_ex_ante.toml")
    m = get_methodology("AR-ACM0003")
    md = render_document(project, _design_result(project), m, document="pdd", lang=lang,
                         fmt="md")
    assert "| SP-2015 | 2015-02-10 | S2 | 40 | 0 | 30.000 % |" in md
    assert "| 2015-01-01..2015-12-31 | 24.255 | 0.000 | 0.000 | 24.255 | 1,134.100 |" in md
    label = "计划火烧面积（及其采伐量）" if lang == "zh" else \
        "areas of the planned burns (and their harvests)"
    assert label in md  # the sensitivity names the plan's quantities in the document's language


def _design_result(project: Any) -> Any:
    """A design-stage document renders from the estimate (a PDD without monitoring)."""
    return estimate(project).result


@pytest.mark.skipif(importlib.util.find_spec("docx") is None, reason="docx extra not installed")
def test_the_docx_holds_the_gases_table(monitored: tuple[Any, Any, Any]) -> None:
    import docx  # noqa: PLC0415 - optional extra

    project, result, m = monitored
    data = render_bytes(project, result, m, document="monitoring", lang="en", fmt="docx")
    tables = [[[c.text for c in row.cells] for row in t.rows]
              for t in docx.Document(io.BytesIO(data)).tables]
    gases = next(t for t in tables if t[0][0] == "Element")
    assert gases[1] == ["2015-01-01..2015-12-31", "24.255", "0.000", "0.000", "24.255",
                        "1,134.100"]
    burns = next(t for t in tables if t[0][:2] == ["Id", "Date"] and "Stratum" in t[0])
    assert burns[1][:4] == ["SP-2015", "2015-02-10", "S2", "40"]


@pytest.mark.parametrize("document", ["pdd", "monitoring", "validation", "verification"])
def test_zh_and_en_documents_have_the_same_numbers(monitored: tuple[Any, Any, Any],
                                                   document: str) -> None:
    project, result, m = monitored
    cell = re.compile(r'<td class="num">([-+−]?[\d,]+(?:\.\d+)?(?: %)?)</td>')
    zh = render_document(project, result, m, document=document, lang="zh")
    en = render_document(project, result, m, document=document, lang="en")
    assert cell.findall(zh) == cell.findall(en)
    assert "1,134.100" in cell.findall(zh)
    assert zh.count("<tr data-") == en.count("<tr data-")


@pytest.mark.parametrize("equation", ["non_co2_emissions", "leakage_over_receiving_lands",
                                      "soc_loss_receiving_land"])
def test_a_result_without_the_evaluation_an_event_requires_is_refused(
        monitored: tuple[Any, Any, Any], equation: str) -> None:
    # the documents find GHG_E (AR-TOOL08 eq. 1), LK (AR-TOOL15 para. 12) and ΔSOC_LUC (eq. 3)
    # by the equation's id: a result lacking one the listed events require is not shown as 0
    from ccer_calc.documents.sink_gases import gases_part  # noqa: PLC0415
    from ccer_calc.documents.trail_values import entries  # noqa: PLC0415
    from ccer_calc.errors import InputError  # noqa: PLC0415

    project, result, _ = monitored
    module = ("ccer_calc.tools.forestry.tool08_burning" if equation == "non_co2_emissions"
              else "ccer_calc.tools.forestry.tool15_leakage")
    eq_id = getattr(importlib.import_module(module), equation).meta.id
    found = entries(result)
    kw: dict[str, Any] = {"inputs": project.inputs, "lang": "en"}
    events = project.data.datasets["sink"].events
    assert gases_part(events, result, entries=found, **kw) is not None
    missing = [k for k in found if k == eq_id or k.startswith(f"{eq_id}[")]
    assert missing
    kept = {k: e for k, e in found.items() if k not in missing}
    with pytest.raises(InputError) as caught:
        gases_part(events, result, entries=kept, **kw)
    assert caught.value.field == "result" and caught.value.value in missing
