"""The shared A/R wiring (``ccer_calc.sink_methodology``) calls each plug-in's own equations.

The base holds the chain; what it calls must be the equations the plug-in declares (its ids and
citations: AR-ACM0003 v02.0 eq. (1)-(7), AR-AM0014 v03.0 eq. (1)-(8), the CCER plug-ins'
prov. (n)), and the rule differences each plug-in states must match its document: litter in
AR-ACM0003 Table 1 only, SOC by planting year in AR-AM0014 eq. (4), tCER/lCER (AR-ACM0003
eq. 6-7, AR-AM0014 eq. 7-8) for CDM units only.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from ccer_calc.methodology import Methodology
from ccer_calc.sink_methodology import ProvisionalSinkMethodology, SinkChain, SinkMethodology
from methodologies.ar_acm0003 import METHODOLOGY as ACM
from methodologies.ar_am0014 import METHODOLOGY as AM
from methodologies.ccer_14_001_v01 import METHODOLOGY as C1
from methodologies.ccer_14_002_v01 import METHODOLOGY as C2

ALL = (ACM, AM, C1, C2)


@pytest.mark.parametrize("m", ALL, ids=lambda m: m.id)
def test_every_equation_the_chain_calls_is_declared_by_the_plugin(m: SinkMethodology) -> None:
    declared = {e.meta.id for e in m.equations}
    called = [getattr(m.chain, f.name) for f in fields(SinkChain)]
    for eq in (e for e in called if e is not None):
        assert eq.meta.id in declared
        assert eq.meta.document == m.document


@pytest.mark.parametrize("m", ALL, ids=lambda m: m.id)
def test_identity_follows_info(m: SinkMethodology) -> None:
    for name in ("id", "version", "title_zh", "title_en", "sector", "status", "document",
                 "programme", "accounts"):
        assert getattr(m, name) == getattr(m.info, name)
    assert isinstance(m, Methodology)


def test_rule_differences_are_the_documents() -> None:
    # Litter: AR-ACM0003 Table 1 has it, AR-AM0014 Table 1 does not.
    assert (ACM.accounts_litter, C1.accounts_litter) == (True, True)
    assert (AM.accounts_litter, C2.accounts_litter) == (False, False)
    # SOC: AR-AM0014 eq. (4) by planting year, with its own equations in the chain.
    for m in (AM, C2):
        assert m.soc_by_planting_year
        assert m.chain.soc_rate is not None
        assert m.chain.soil_carbon is not None
    for m in (ACM, C1):
        assert not m.soc_by_planting_year
        assert m.chain.soc_rate is None
    # tCER/lCER: the CDM equations (6)-(7) and (7)-(8); none for ordinary CCER units.
    assert (ACM.chain.temporary_cers.meta.id, ACM.chain.long_term_cers.meta.id) == ("(6)", "(7)")  # type: ignore[union-attr]
    assert (AM.chain.temporary_cers.meta.id, AM.chain.long_term_cers.meta.id) == ("(7)", "(8)")  # type: ignore[union-attr]
    for m in (C1, C2):
        assert isinstance(m, ProvisionalSinkMethodology)
        assert m.chain.temporary_cers is None
        assert m.chain.deduction is not None
        assert (m.min_crediting_years, m.max_crediting_years) == (20, 40)
    assert (C1.parent, C2.parent) == ("AR-ACM0003 v02.0", "AR-AM0014 v03.0")


def test_ar_am0014_declares_no_ar_tool16_table() -> None:
    # AR-AM0014 v03.0 para. 17, eq. (4) accrues soil carbon at its own 0.50 t C/ha/yr; AR-TOOL16
    # (and its two tables) is AR-ACM0003's way, so listing them described tables never read
    from ccer_calc.api import get_methodology  # noqa: PLC0415

    for mid in ("AR-AM0014", "CCER-14-002-V01"):
        tables = get_methodology(mid).describe()["data_tables"]
        assert not [t for t in tables if "tool16" in t], mid
    assert any("tool16" in t for t in get_methodology("AR-ACM0003").describe()["data_tables"])
