"""Fuzz the ex-ante estimate (issue #15): every bundled ex-ante example's plain data, with one
value anywhere (expected values, scenarios, dates, parameters, inputs) replaced by a hostile
one or deleted, passed to ``project_from_dict`` and ``estimate`` as an embedding registry would.

Asserted for every case: nothing but :class:`~ccer_calc.errors.CcerError` is raised (warnings
are errors under pytest); an estimate has finite numbers, JSON without NaN, years that tile the
crediting period, and an annual average equal to the total over the years; when the only change
scales an expected quantity down, the reductions do not rise for a methodology whose ER grows
with export (checked on export). ``CCER_FUZZ_EXAMPLES`` sets the count (a tenth of it here).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from ccer_calc.api import get_methodology, list_methodologies, project_from_dict
from ccer_calc.errors import CcerError
from ccer_calc.estimation import estimate

CASES = max(1, int(os.environ.get("CCER_FUZZ_EXAMPLES", "2000")) // 10)
SEED = int(os.environ.get("CCER_FUZZ_SEED", "15"))


def _examples() -> list[tuple[str, dict[str, Any], Path]]:
    """(id, plain data, folder) of each ex-ante example; the folder holds the files it names."""
    out = []
    for item in list_methodologies():
        m = get_methodology(item["id"])
        pkg = type(m).__module__.rpartition(".")[0]
        path = Path(str(resources.files(pkg).joinpath("data/example_ex_ante.toml")))
        if path.is_file():
            out.append((m.id, tomllib.loads(path.read_text("utf-8")), path.parent))
    return out


EXAMPLES = _examples()
#: The examples whose estimate grows with expected export (the energy plug-ins).
EXPORTING = [e for e in EXAMPLES if "export" in json.dumps(e[1].get("expected"), default=str)]

HOSTILE = st.sampled_from([
    "-1 MWh", "0 MWh", "1e308 MWh", "1e400 MWh", "nan MWh", "inf MWh", "5", "5 t", "5 kg",
    "100 %", "1 MW", "2024-01-01", "1e9 MWh", True, False, 0, -1, 2024, 2100, 1900, 10**400,
    "", "x", "\u0007", None, [], {}, {"year": 2024}, [{"year": 2024, "export": "1 MWh"}],
    {"export": "1 MWh"}, {"value": 1, "unit": "MWh"}, {"value": True, "unit": "MWh"},
    dt.date(2030, 1, 1), dt.date(2019, 1, 1), dt.date(2024, 2, 29), "2034-12-31",
])
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | HOSTILE,
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=10), children, max_size=3), max_leaves=8)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    items = node.items() if isinstance(node, dict) else (
        enumerate(node) if isinstance(node, list) else ())
    for key, value in items:
        out += _paths(value, (*prefix, key))
    return out


def _check(est: Any) -> None:
    text = est.to_json()
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    for y in est.years:
        assert all(math.isfinite(v) for v in y.values.values())
        assert 0 < y.days <= y.year_days
    start, end = (dt.date.fromisoformat(x) for x in est.crediting_period)
    assert sum(y.days for y in est.years) == (end - start).days + 1
    total = est.totals["emission_reductions"]
    assert est.annual_average["emission_reductions"] * est.crediting_years == pytest.approx(
        total, rel=1e-9, abs=1e-6)
    for s in est.scenarios.values():
        assert all(math.isfinite(v) for y in s.years for v in y.values.values())


@seed(SEED)
@settings(max_examples=CASES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(example=st.sampled_from(EXAMPLES), data=st.data())
def test_estimate_on_mutated_data_raises_only_ccer_errors(
        example: tuple[str, dict[str, Any], Path], data: Any) -> None:
    _, original, folder = example
    project = copy.deepcopy(original)
    path = data.draw(st.sampled_from(_paths(project)))
    parent = project
    for key in path[:-1]:
        parent = parent[key]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(PLAIN)
    try:
        est = estimate(project_from_dict(project, base_dir=folder))
    except CcerError:
        return
    _check(est)


@seed(SEED)
@settings(max_examples=max(1, CASES // 4), deadline=None, database=None)
@given(example=st.sampled_from(EXPORTING), factor=st.floats(0.0, 1.0))
def test_less_export_never_raises_the_reductions(example: tuple[str, dict[str, Any], Path],
                                                 factor: float) -> None:
    _, original, _ = example
    base = estimate(project_from_dict(copy.deepcopy(original)))
    project = copy.deepcopy(original)
    expected = project["expected"]
    if "export" in expected.get("annual", {}):
        value, unit = expected["annual"]["export"].split(" ", 1)
        expected["annual"]["export"] = f"{float(value) * factor!r} {unit}"
    else:
        for row in expected["years"]:
            value, unit = row["export"].split(" ", 1)
            row["export"] = f"{float(value) * factor!r} {unit}"
    try:
        lower = estimate(project_from_dict(project))
    except CcerError as exc:  # less export than import in a year is refused, never credited
        assert "imported exceeds electricity exported" in str(exc)
        return
    assert lower.totals["emission_reductions"] <= base.totals["emission_reductions"] + 1e-6
