"""CCER-01-002-V01 equations (1)-(4), §6.4, §6.5 and §7.3.4 against hand-worked numbers.

Pure algebra: compared at rel 1e-12. The scalar case is the worked check of the reference
brief (§3.3 of docs methodologies.md): export 1 250 000 MWh, import 2 500 MWh, South-grid 2019
OM 0.8042 and BM 0.2135 t CO2/MWh.
"""

from __future__ import annotations

import numpy as np
import pytest

from ccer_calc.parameters import Value
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity, parse_unit
from methodologies.ccer_01_002_v01 import METHODOLOGY
from methodologies.ccer_01_002_v01 import equations as eq
from methodologies.ccer_01_002_v01.equations import (
    combined_margin_factor,
    net_electricity_delivered,
)
from methodologies.ccer_01_002_v01.methodology import OffshoreWindStages, offshore_wind_stages

EXPORT, IMPORT = 1_250_000.0, 2_500.0
OM, BM = 0.8042, 0.2135
W_OM = W_BM = 0.5  # CCER-01-002-V01 §7.1 Tables 2 and 3


def q(x: float | list[float], unit: str) -> Quantity:
    return Quantity(np.asarray(x, dtype=np.float64), unit)


def test_weights_are_the_methodologys_half_and_half() -> None:
    # CCER-01-002-V01 §7.1 Tables 2-3: 0.5/0.5, not TOOL07's 0.75/0.25 for wind
    p = METHODOLOGY.parameters
    assert (p["om_weight"].default, p["bm_weight"].default) == (W_OM, W_BM)
    assert (p["om_weight"].overridable, p["bm_weight"].overridable) == (False, False)


def test_eq2_net_electricity_scalar() -> None:
    # CCER-01-002-V01 §6.3 eq. (2): EG_PJ = EG_export - EG_import
    v = net_electricity_delivered(electricity_exported=q(EXPORT, "MWh"),
                                  electricity_imported=q(IMPORT, "MWh"))
    assert float(v.quantity.magnitude) == pytest.approx(EXPORT - IMPORT, rel=1e-12)
    assert float(v.quantity.magnitude) == pytest.approx(1_247_500.0, rel=1e-12)  # §3.3
    assert v.quantity.units == parse_unit("MWh")


def test_eq3_combined_margin_scalar() -> None:
    # CCER-01-002-V01 §6.3 eq. (3): EF_CM = w_OM × OM + w_BM × BM
    v = combined_margin_factor(om_weight=q(W_OM, ""), operating_margin=q(OM, "t CO2/MWh"),
                               bm_weight=q(W_BM, ""), build_margin=q(BM, "t CO2/MWh"))
    assert float(v.quantity.magnitude) == pytest.approx(W_OM * OM + W_BM * BM, rel=1e-12)
    assert float(v.quantity.magnitude) == pytest.approx(0.50885, rel=1e-12)  # §3.3


def test_eq1_baseline_emissions_scalar() -> None:
    # CCER-01-002-V01 §6.3 eq. (1): BE = EG_PJ × EF_CM
    v = eq.baseline_emissions(net_electricity=q(1_247_500.0, "MWh"),
                              combined_margin=q(0.50885, "t CO2/MWh"))
    assert float(v.quantity.magnitude) == pytest.approx(1_247_500.0 * 0.50885, rel=1e-12)
    assert float(v.quantity.magnitude) == pytest.approx(634_790.375, rel=1e-12)  # §3.3
    assert v.quantity.units == parse_unit("t CO2e")


def test_eq1_accepts_kwh_and_kg_per_kwh() -> None:
    # CCER-01-002-V01 §6.3 eq. (1) with inputs in other units of the same dimension
    v = eq.baseline_emissions(net_electricity=q(1_247_500_000.0, "kWh"),
                              combined_margin=q(0.50885, "kg CO2/kWh"))
    assert float(v.quantity.magnitude) == pytest.approx(1_247_500.0 * 0.50885, rel=1e-12)


def test_s64_project_emissions_are_zero_on_the_period_axis() -> None:
    # CCER-01-002-V01 §6.4: PE = 0
    v = eq.project_emissions_zero(net_electricity=q([10.0, 20.0, 30.0], "MWh"))
    assert v.quantity.magnitude.tolist() == [0.0, 0.0, 0.0]
    assert v.quantity.units == parse_unit("t CO2e")


def test_leakage_is_zero() -> None:
    # CCER-01-002-V01 §6.5: leakage neglected
    v = eq.leakage_emissions_neglected(net_electricity=q([10.0, 20.0], "MWh"))
    assert v.quantity.magnitude.tolist() == [0.0, 0.0]


def test_eq4_emission_reductions() -> None:
    # CCER-01-002-V01 §6.6 eq. (4): ER = BE - PE
    v = eq.emission_reductions(baseline=q(634_790.375, "t CO2e"), project=q(12.5, "t CO2e"))
    assert float(v.quantity.magnitude) == pytest.approx(634_790.375 - 12.5, rel=1e-12)


def _stages(export: list[float], imp: list[float], om: list[float], bm: list[float],
            trail: Trail | None = None) -> OffshoreWindStages:
    n = len(export)

    def val(sym: str, x: list[float], unit: str) -> Value:
        return Value(sym, q(x, unit), "argument")

    return offshore_wind_stages(
        trail,
        exported=val("EG_export,y", export, "MWh"), imported=val("EG_import,y", imp, "MWh"),
        export_error=val("e", [0.0] * n, ""), import_error=val("e", [0.0] * n, ""),
        om_weight=val("w_OM", [W_OM] * n, ""), operating_margin=val("OM", om, "t CO2/MWh"),
        bm_weight=val("w_BM", [W_BM] * n, ""), build_margin=val("BM", bm, "t CO2/MWh"))


def test_one_period_through_all_stages() -> None:
    # CCER-01-002-V01 §6.3 eqs. (1)-(3), §6.4, §6.6 eq. (4) chained on a one-element axis
    trail = Trail(axis=["y"])
    out = _stages([EXPORT], [IMPORT], [OM], [BM], trail)
    s = out.stages
    be = (EXPORT - IMPORT) * (W_OM * OM + W_BM * BM)
    assert s.baseline_emissions.quantity.magnitude.tolist() == pytest.approx([be], rel=1e-12)
    assert s.project_emissions.quantity.magnitude.tolist() == [0.0]
    assert s.leakage_emissions.quantity.magnitude.tolist() == [0.0]
    assert s.emission_reductions.quantity.magnitude.tolist() == pytest.approx([be], rel=1e-12)
    assert out.net_electricity.quantity.magnitude.tolist() == pytest.approx(
        [EXPORT - IMPORT], rel=1e-12)
    assert [e.equation for e in trail.entries] == ["§7.3.4 export", "§7.3.4 import", "(2)",
                                                   "(3)", "(1)", "§6.4", "§6.5", "(4)"]
    assert {e.document for e in trail.entries} == {"CCER-01-002-V01"}
    eq1 = trail.find("(1)")[0]
    assert [i.name for i in eq1.inputs] == ["net_electricity", "combined_margin"]
    assert [i.ref for i in eq1.inputs] == ["(2)", "(3)"]  # provenance: computed by (2) and (3)


def test_many_periods_elementwise() -> None:
    # CCER-01-002-V01 §6.3 eqs. (1)-(3) on twelve periods with different factors per year
    export = [98_210.4, 91_874.0, 88_320.7, 71_245.9, 62_310.2, 58_902.6,
              66_418.3, 60_127.5, 79_856.1, 94_512.8, 101_236.9, 104_871.2]
    imp = [212.6, 198.3, 240.1, 265.8, 301.4, 322.7, 287.9, 310.2, 255.0, 221.4, 205.7, 199.8]
    om = [0.8042] * 6 + [0.7921] * 6
    bm = [0.2135] * 6 + [0.3870] * 6
    s = _stages(export, imp, om, bm).stages
    expected = [(x - i) * (W_OM * o + W_BM * b) for x, i, o, b in zip(export, imp, om, bm,
                                                                       strict=True)]
    got = s.emission_reductions.quantity.magnitude.tolist()
    assert got == pytest.approx(expected, rel=1e-12)
    assert s.baseline_emissions.quantity.magnitude.tolist() == pytest.approx(expected, rel=1e-12)
