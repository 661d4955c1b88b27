"""Verification status of parameters and equations (issue #11): derived from the citation.

Verified = checked against the official text of the cited document, one of those kept in the
project's sources (TOOL03 v03.0, TOOL05 v03.0, TOOL06 v04.0, TOOL07 v07.0, the A/R tools and
methodologies); provisional = a CCER-14 value taken from its CDM parent; unverified otherwise.
"""

from __future__ import annotations

import io
import json

import pytest

from ccer_calc.api import get_methodology
from ccer_calc.cli import EXIT_OK, main
from ccer_calc.equation import equation
from ccer_calc.parameters import Parameter
from ccer_calc.tools.electricity_consumption import TOOL05_PARAMETERS
from ccer_calc.tools.tool07_common import TOOL07_WEIGHTS
from ccer_calc.units import Quantity
from ccer_calc.verification import derive_status


def test_derivation_from_the_citation() -> None:
    assert derive_status("TOOL07 v07.0, para. 86(a)") == "verified"
    assert derive_status("CDM TOOL03 v03.0, data table 1") == "verified"
    assert derive_status("AR-TOOL14 v04.2, para. 61 (eq. 26)") == "verified"
    # a tool named without its version, a CCER text read in a transcription, IPCC tables
    assert derive_status("CDM ACM0002, via TOOL07") == "unverified"
    assert derive_status("CCER-01-002-V01 并网海上风力发电 §7.1 Table 2") == "unverified"
    assert derive_status("IPCC GPG-LULUCF 2003 Table 3A.1.4") == "unverified"
    assert derive_status("TOOL07 v07.0, para. 86 [U]") == "unverified"
    assert derive_status("x", document="TOOL06 v04.0") == "verified"
    assert derive_status("x", document="ACM0002 [U]") == "unverified"
    assert derive_status("CCER-14-001-V01 (provisional: the parent's eq. (1))",
                         document="CCER-14-001-V01") == "provisional"


def test_parameters_carry_their_status() -> None:
    assert {p.status for p in TOOL07_WEIGHTS} == {"verified"}
    assert {p.status for p in TOOL05_PARAMETERS} == {"verified"}
    ccer = get_methodology("CCER-01-002-V01").parameters
    assert ccer["om_weight"].status == "unverified"
    prov = get_methodology("CCER-14-001-V01").parameters
    assert prov["carbon_fraction_tree"].status == "provisional"
    assert prov["forest_biomass"].status == "unverified"
    acm = get_methodology("ACM0002").parameters
    assert acm["reservoir_emission_factor"].status == "unverified"
    assert acm["om_weight_wind_solar"].to_dict()["status"] == "verified"


def test_explicit_status_is_checked() -> None:
    kw = {"name": "x", "symbol": "x", "unit": "t", "description_zh": "x",
          "description_en": "x", "source": "TOOL07 v07.0, para. 1", "kind": "fixed"}
    assert Parameter(**kw, status="unverified").status == "unverified"
    with pytest.raises(ValueError, match="status 'checked' is not one of"):
        Parameter(**kw, status="checked")
    with pytest.raises(ValueError, match="contradicts provisional=False"):
        Parameter(**kw, status="provisional")


def test_equations_carry_their_status() -> None:
    statuses = {(e.meta.document, e.meta.status)
                for e in get_methodology("AR-ACM0003").equations}
    assert all(s == "verified" for _, s in statuses)
    ccer14 = {e.meta.status for e in get_methodology("CCER-14-001-V01").equations
              if e.meta.document == "CCER-14-001-V01"}
    assert ccer14 == {"provisional"}
    acm = {e.meta.id: e.meta for e in get_methodology("ACM0002").equations}
    assert acm["TOOL07 (16)"].status == "verified"
    assert acm["TOOL03 (4)"].status == "verified"
    assert acm["BE"].status == "unverified"

    @equation(id="T (1)", document="TOOL07 v07.0", symbol="y", formula="y = x",
              source="TOOL07 v07.0, eq. (1)", inputs={"x": "t"}, output="t",
              status="unverified")
    def ident(x: Quantity) -> Quantity:
        return x

    assert ident.meta.status == "unverified"
    with pytest.raises(ValueError, match="equation T \\(2\\): status"):
        equation(id="T (2)", document="TOOL07 v07.0", symbol="y", formula="y = x",
                 source="s", inputs={"x": "t"}, output="t", status="fine")


def test_show_lists_statuses() -> None:
    out = io.StringIO()
    assert main(["show", "ACM0002"], out) == EXIT_OK
    text = out.getvalue()
    head = next(ln for ln in text.splitlines() if ln.startswith("symbol "))
    assert "status" in head.split()
    assert any(ln.strip().startswith("TOOL07 (16)") and ln.endswith("; verified)")
               for ln in text.splitlines())
    out = io.StringIO()
    assert main(["show", "ACM0002", "--json"], out) == EXIT_OK
    info = json.loads(out.getvalue())
    assert {e["status"] for e in info["equations"]} == {"verified", "unverified"}



def test_document_parameter_table_shows_the_status() -> None:
    from importlib import resources  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from ccer_calc.api import compute, load_project  # noqa: PLC0415
    from ccer_calc.documents import render_document  # noqa: PLC0415

    m = get_methodology("ACM0002")
    pkg = type(m).__module__.rpartition(".")[0]
    project = load_project(Path(str(resources.files(pkg).joinpath(m.example))))
    result = compute(project)
    en = render_document(project, result, m, document="pdd", lang="en", fmt="md")
    # TOOL07's weights were read in the official text; ACM0002's reservoir factor was not
    row = next(ln for ln in en.splitlines() if ln.startswith("| w_OM "))
    assert "(verified against the official text)" in row
    zh = render_document(project, result, m, document="pdd", lang="zh", fmt="html")
    assert "未核验" in zh
