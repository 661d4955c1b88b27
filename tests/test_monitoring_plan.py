"""Issue #9: every column a project monitors appears in its rendered monitoring plan.

The PDD's monitoring plan and the accounting report once listed the static columns of the
methodology while the project monitored more (the solar-thermal fuels, ACM0002's generation).
Both now read the one per-project description, ``Methodology.describe(project.inputs)``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.documents import build_context, render_document

LOADABLE = [m["id"] for m in list_methodologies() if m.get("status") != "broken"]


@pytest.mark.parametrize("mid", LOADABLE)
@pytest.mark.parametrize("document", ["pdd", "monitoring"])
@pytest.mark.parametrize(("lang", "fmt"), [("zh", "html"), ("en", "md")])
def test_every_monitored_column_is_in_the_monitoring_plan(mid: str, document: str, lang: str,
                                                          fmt: str) -> None:
    m = get_methodology(mid)
    pkg = type(m).__module__.rpartition(".")[0]
    project = load_project(Path(str(resources.files(pkg).joinpath(m.example))))
    result = compute(project)
    context = build_context(project, result, m, document=document, lang=lang)
    planned = {c["name"] for c in context["parameters"]["monitored"]}
    assert planned == set(project.table.columns)
    text = render_document(project, result, m, document=document, lang=lang, fmt=fmt)
    for c in context["parameters"]["monitored"]:
        # the description is printed only in the monitoring-plan table
        assert c[f"description_{lang}"] in text, f"{mid} {document}: {c['name']} not rendered"


def test_the_regression_cases_monitor_more_than_the_static_columns() -> None:
    csp = get_methodology("CCER-01-001-V01")
    assert {c.name for c in csp.monitored_columns} == {"export", "import"}
    acm = get_methodology("ACM0002")
    assert "generation" not in {c.name for c in acm.monitored_columns}
