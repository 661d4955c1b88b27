"""Compact results (issue 12): each trail array once, --trail full|summary|none, and verify on
claims in the older full form and in the compact form."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.cli import main
from ccer_calc.errors import InputError
from ccer_calc.trail import decode_values
from ccer_calc.verify import verify

ROOT = Path(__file__).resolve().parents[1] / "methodologies"
EXAMPLES = sorted(ROOT.glob("*/data/example.toml"))


def _old_full_form(result) -> dict:
    """A claim as versions before issue 12 wrote it: every input and output value in full."""
    claim = json.loads(result.to_json(trail="none"))
    claim["trail"] = {"axis": list(result.trail.axis),
                      "entries": [e.to_dict() for e in result.trail.entries]}
    return claim


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.parent.name)
def test_compact_trail_decodes_to_every_value(path: Path) -> None:
    result = compute(load_project(path))
    compact = json.loads(result.to_json())["trail"]
    values = decode_values(compact)
    for e in result.trail.entries:
        assert np.array_equal(np.asarray(values[e.key], dtype=float), e.output)
        for i in e.inputs:
            assert np.array_equal(np.asarray(values[f"{e.key}/{i.name}"], dtype=float),
                                  np.broadcast_to(i.value, np.shape(i.value)))
    full = json.dumps(_old_full_form(result)["trail"])
    assert len(json.dumps(compact)) < len(full)


def test_an_input_computed_by_an_earlier_equation_refers_to_it() -> None:
    path = ROOT / "ccer_01_002_v01" / "data" / "example.toml"
    result = compute(load_project(path))
    compact = json.loads(result.to_json())["trail"]
    outputs = {e["key"] for e in compact["entries"]}
    refs = [i["same_as"] for e in compact["entries"] for i in e["inputs"] if "same_as" in i]
    assert refs, "the offshore-wind chain passes outputs on as inputs"
    assert any(r in outputs for r in refs)
    # nothing that refers is also written out
    for e in compact["entries"]:
        for i in e["inputs"]:
            assert len({"value", "same_as", "fill"} & set(i)) == 1


def test_summary_and_none() -> None:
    path = ROOT / "ccer_01_002_v01" / "data" / "example.toml"
    result = compute(load_project(path))
    summary = json.loads(result.to_json(trail="summary"))["trail"]
    for e in summary["entries"]:
        assert isinstance(e["output"]["value"], list | float)
        assert all(set(i) == {"name", "symbol", "origin", "ref", "unit"} for i in e["inputs"])
    assert json.loads(result.to_json(trail="none"))["trail"] is None


@pytest.mark.parametrize("form", ["old full", "compact", "summary"])
def test_verify_reads_every_form_and_finds_a_planted_error(form: str) -> None:
    path = ROOT / "ccer_01_002_v01" / "data" / "example.toml"
    project = load_project(path)
    result = compute(project)
    claim = (_old_full_form(result) if form == "old full" else
             json.loads(result.to_json(trail="full" if form == "compact" else "summary")))
    clean = verify(project, result, claim)
    assert clean.findings == [] and clean.not_compared == []
    assert clean.elements_compared == sum(e.output.size for e in result.trail.entries)
    entry = claim["trail"]["entries"][2]
    entry["output"]["value"][5] *= 1.002  # one month of one intermediate, 0.2 % high
    findings = verify(project, result, claim)
    assert [f.scope for f in findings.findings] == ["equation"]
    assert findings.findings[0].key == f"{entry['key']} [{result.trail.axis[5]}]"
    assert [a.differing for a in findings.arrays if a.key == entry["key"]] == [1]


def test_claimed_element_that_is_not_a_number_is_named() -> None:
    path = ROOT / "ccer_01_002_v01" / "data" / "example.toml"
    project = load_project(path)
    result = compute(project)
    claim = json.loads(result.to_json())
    claim["trail"]["entries"][1]["output"]["value"][3] = "12"
    key = claim["trail"]["entries"][1]["key"]
    with pytest.raises(InputError, match=rf"trail.entries.{key}.output\[3\]: claimed value is "
                                        r"not a finite number"):
        verify(project, result, claim)


def test_cli_writes_files_compact_and_stdout_indented(tmp_path: Path) -> None:
    path = str(ROOT / "ccer_01_002_v01" / "data" / "example.toml")
    out = io.StringIO()
    assert main(["compute", path, "--json"], out=out) == 0
    assert out.getvalue().startswith("{\n  ")
    target = tmp_path / "r.json"
    assert main(["compute", path, "--json", "-o", str(target)], out=io.StringIO()) == 0
    text = target.read_text("utf-8")
    assert text.count("\n") == 1 and json.loads(text) == json.loads(out.getvalue())
    assert main(["compute", path, "--json", "--trail", "none", "--indent", "0"],
                out=(small := io.StringIO())) == 0
    assert json.loads(small.getvalue())["trail"] is None
    assert small.getvalue().count("\n") == 1


def test_a_claimed_element_beyond_float_range_is_a_finding_without_warning() -> None:
    path = ROOT / "ccer_01_002_v01" / "data" / "example.toml"
    project = load_project(path)
    result = compute(project)
    claim = json.loads(result.to_json())
    entry = next(e for e in claim["trail"]["entries"]
                 if isinstance(e["output"]["value"], list) and 0 < e["output"]["value"][0] < 1)
    entry["output"]["value"][0] = 1.7e308  # its share of a value below 1 is beyond float
    findings = verify(project, result, claim)  # pytest turns a numpy warning into an error
    assert [f.kind for f in findings.findings] == ["CAR"]
