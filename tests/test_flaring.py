"""TOOL06 v04.0 project emissions from flaring, checked by hand.

Every number is worked from the equation or paragraph of CDM TOOL06 v04.0 cited in the test
(official text in the project's sources): para. 18 (open flare 50 %), para. 21-23 (enclosed,
default 90 %, low height -10 points), para. 24-25 and 38 (measured), eq. (1) (biannual, -5
points), eq. (2)-(14) (per minute), eq. (15) (PE_flare,y), Table 1 (constants). Pure algebra:
rtol 1e-12.
"""

import datetime as dt

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.flaring import (
    FlareSpecification,
    enclosed_flare_efficiency_default,
    enclosed_flare_efficiency_measured,
    flaring_project_emissions,
    open_flare_efficiency,
    to_minutes,
)
from ccer_calc.tools.flaring_measured import (
    check_biannual_measurements,
    flare_efficiency_biannual,
    flare_efficiency_per_minute,
)
from ccer_calc.tools.flaring_per_minute import measured_flare_efficiency_per_minute
from ccer_calc.tools.flaring_residual_gas import (
    REFERENCE_PRESSURE,
    REFERENCE_TEMPERATURE,
    UNIVERSAL_GAS_CONSTANT,
    residual_gas_density,
    residual_gas_fractions,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
GWP = Quantity(25.0, "t CO2e / (t CH4)")  # the value a methodology would pass
FLOW = Quantity(np.array([10.0, 10.0, 20.0, 0.0]), "kg CH4")  # four minutes


def _q(values):
    return Quantity(np.asarray(values, dtype=float), "")


def _pe(eta):
    return flaring_project_emissions(methane_gwp=GWP, residual_methane=FLOW,
                                     flare_efficiency=eta).quantity.m_as("t CO2e")


def test_open_flare_fifty_percent_while_the_flame_burns():
    # para. 18 and eq. (15): unburned 5 + 10 + 10 + 0 = 25 kg CH4 → 0.025 t × 25 = 0.625
    eta = open_flare_efficiency(flame_detected=_q([1, 0, 1, 1]))
    np.testing.assert_allclose(_pe(eta), 25 * (5 + 10 + 10) / 1000, rtol=RTOL)


def test_enclosed_flare_default_and_low_height():
    # para. 21-22: 90 % in minutes with flame and within specification, else 0;
    # para. 23: a low height flare 80 %. Minutes: ok, no flame, out of spec, ok.
    flame, spec = _q([1, 0, 1, 1]), _q([1, 1, 0, 1])
    normal = enclosed_flare_efficiency_default(flame_detected=flame, within_specification=spec,
                                               low_height_flare=_q(0))
    low = enclosed_flare_efficiency_default(flame_detected=flame, within_specification=spec,
                                            low_height_flare=_q(1))
    np.testing.assert_allclose(normal.quantity.m_as(""), [0.9, 0, 0, 0.9], rtol=RTOL)
    # unburned (normal): 1 + 10 + 20 + 0 = 31 kg; (low): 2 + 10 + 20 + 0 = 32 kg
    np.testing.assert_allclose(_pe(normal), 25 * 31 / 1000, rtol=RTOL)
    np.testing.assert_allclose(_pe(low), 25 * 32 / 1000, rtol=RTOL)


def test_flags_must_be_zero_or_one():
    with pytest.raises(InputError, match=r"flame_detected: a flag must be 0 or 1"):
        open_flare_efficiency(flame_detected=_q([1, 0.5]))


def test_specification_check_per_minute():
    spec = FlareSpecification(Quantity(500, "degC"), Quantity(1000, "degC"),
                              Quantity(50, "kg/h"), Quantity(500, "kg/h"))
    ok = spec.within(Quantity(np.array([600.0, 1100.0, 700.0]), "degC"),
                     Quantity(np.array([0.1, 0.1, 0.6]), "t/h"))  # 100, 100, 600 kg/h
    assert ok.tolist() == [1.0, 0.0, 0.0]
    with pytest.raises(InputError, match=r"flow: flow in another dimension"):
        spec.within(Quantity(600.0, "degC"), Quantity(100.0, "Nm3/h"))


def test_biannual_measurement_option_b1():
    # eq. (1): 1 - (0.5/100 + 1.5/150) / 2 - 0.05 = 1 - 0.0075 - 0.05 = 0.9425
    eta_y = flare_efficiency_biannual(exhaust_methane=Quantity(np.array([0.5, 1.5]), "kg CH4"),
                                      residual_methane=Quantity(np.array([100.0, 150.0]),
                                                                "kg CH4"))
    np.testing.assert_allclose(eta_y.quantity.m_as(""), 0.9425, rtol=RTOL)
    # para. 24 + 38: low height flare 0.8425 in minutes with flame and within specification
    eta = enclosed_flare_efficiency_measured(measured_efficiency=eta_y, flame_detected=_q([1, 1]),
                                             within_specification=_q([1, 0]),
                                             low_height_flare=_q(1))
    np.testing.assert_allclose(eta.quantity.m_as(""), [0.8425, 0.0], rtol=RTOL)
    with pytest.raises(InputError, match=r"at least two measurements"):
        flare_efficiency_biannual(exhaust_methane=Quantity(np.array([0.5]), "kg CH4"),
                                  residual_methane=Quantity(np.array([100.0]), "kg CH4"))


def test_measured_efficiency_below_the_low_height_deduction_is_refused():
    with pytest.raises(InputError, match=r"measured_efficiency: .*after the low-height"):
        enclosed_flare_efficiency_measured(measured_efficiency=_q(0.05), flame_detected=_q(1),
                                           within_specification=_q(1), low_height_flare=_q(1))


def test_biannual_timing_rules():
    # para. 27: two periods of at least an hour, six months apart; footnote 3 for short periods
    year = {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)}
    s = np.array(["2024-01-15T10:00", "2024-07-15T10:00"], dtype="datetime64[m]")
    hour = np.timedelta64(60, "m")
    assert check_biannual_measurements(s, s + hour, **year).endswith("six months apart")
    with pytest.raises(InputError, match=r"ends\[1\]: a measurement lasted less than one hour"):
        check_biannual_measurements(s, s + np.array([60, 59], dtype="timedelta64[m]"), **year)
    close = np.array(["2024-01-15T10:00", "2024-07-14T10:00"], dtype="datetime64[m]")
    with pytest.raises(InputError, match=r"less than six months apart"):
        check_biannual_measurements(close, close + hour, **year)
    half = {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 8, 31)}
    late = np.array(["2024-01-02T10:00", "2024-08-03T10:00"], dtype="datetime64[m]")
    with pytest.raises(InputError, match=r"more than six months between measurements"):
        check_biannual_measurements(late, late + hour, **half)


def test_per_minute_efficiency_and_a_minute_without_gas():
    # eq. (2): 1 - 0.02/4 = 0.995; no gas → 0, which leaves eq. (15) unchanged
    eta = flare_efficiency_per_minute(exhaust_methane=Quantity(np.array([0.02, 0.0]), "kg CH4"),
                                      residual_methane=Quantity(np.array([4.0, 0.0]), "kg CH4"))
    np.testing.assert_allclose(eta.quantity.m_as(""), [0.995, 0.0], rtol=RTOL)
    with pytest.raises(InputError, match=r"exhaust methane negative or above"):
        flare_efficiency_per_minute(exhaust_methane=Quantity(5.0, "kg CH4"),
                                    residual_methane=Quantity(4.0, "kg CH4"))


def test_density_of_methane_matches_table_1_with_the_corrected_gas_constant():
    # eq. (6) with Table 1's P_ref, T_ref and R_u read as 8314.472 Pa m3/(kmol K): 0.716 kg/m3
    # (Table 1, rho_CH4,n); the printed 0.008314472 Pa m3/(kmol K) would give 7.2e5 kg/m3
    rho = residual_gas_density(reference_pressure=REFERENCE_PRESSURE,
                               gas_constant=UNIVERSAL_GAS_CONSTANT,
                               molecular_mass=Quantity(16.04, "kg/kmol"),
                               reference_temperature=REFERENCE_TEMPERATURE)
    np.testing.assert_allclose(rho.quantity.m_as("kg/Nm3"), 101325 * 16.04 / (8314.472 * 273.15),
                               rtol=RTOL)
    assert round(float(rho.quantity.m_as("kg/Nm3")), 3) == 0.716


def test_option_b2_chain_by_hand_for_biogas():
    # Biogas 60 % CH4, 35 % CO2, 5 % N2 (remainder); 6 % O2 in the dry exhaust; 2 Nm3 a minute;
    # 12 mg/Nm3 CH4 in the exhaust. Each step from TOOL06 v04.0 eq. (7), (14), (13), (12),
    # (11), (10), (9), (8), (6), (5), (4), (3), (2), with Table 1 constants.
    mm = 0.6 * 16.04 + 0.35 * 44.01 + 0.05 * 28.02                     # (7)
    mf_c = (0.6 + 0.35) * 12.00 / mm                                    # (14), C
    mf_h = 0.6 * 4 * 1.01 / mm                                          # (14), H
    mf_o = 0.35 * 2 * 16.00 / mm                                        # (14), O
    mf_n = 0.05 * 2 * 14.01 / mm                                        # (14), N
    f_o2 = mf_c / 12.00 + mf_h / (4 * 1.01) - mf_o / (2 * 16.00)       # (13)
    air = (1 - 0.21) / 0.21
    n_o2 = 0.06 / (1 - 0.06 / 0.21) * (mf_c / 12.00 + mf_n / (2 * 14.01) + air * f_o2)  # (12)
    q_eg = (mf_c / 12.00 * 22.4 + n_o2 * 22.4                          # (11), (9)
            + 22.4 * (mf_n / (2 * 14.01) + air * (f_o2 + n_o2)))       # (10), (8)
    rho = 101325 * mm / (8314.472 * 273.15)                             # (6)
    v_eg = q_eg * rho * 2.0                                             # (5), (4)
    f_eg = v_eg * 12e-6                                                 # (3), kg
    f_rg = 0.6 * 2.0 * 0.716                                            # Step 1 (TOOL08)
    trail = Trail()
    eta = measured_flare_efficiency_per_minute(
        residual_methane=Quantity(f_rg, "kg CH4"),
        volume_fractions=residual_gas_fractions(CH4=Quantity(60, "%"), CO2=Quantity(35, "%")),
        exhaust_oxygen_fraction=Quantity(6, "%"),
        exhaust_methane_concentration=Quantity(12.0, "mg CH4/Nm3"),
        residual_gas_volume=Quantity(2.0, "Nm3"), trail=trail)
    np.testing.assert_allclose(eta.quantity.m_as(""), 1 - f_eg / f_rg, rtol=RTOL)   # (2)
    assert f_o2 == pytest.approx(1.2 / mm, rel=RTOL)  # 2 O2 per CH4: 1.2 kmol per kmol of gas
    ids = [e.equation for e in trail.entries]
    assert ids[:5] == ["TOOL06 (7)"] + ["TOOL06 (14)"] * 4
    assert ids[-3:] == ["TOOL06 (4)", "TOOL06 (3)", "TOOL06 (2)"]
    assert {e.document for e in trail.entries} == {"TOOL06 v04.0"}


def test_option_b2_needs_volume_or_mass_and_fractions_that_add_up():
    kw = {"residual_methane": Quantity(1.0, "kg CH4"),
          "volume_fractions": residual_gas_fractions(CH4=Quantity(0.5, "")),
          "exhaust_oxygen_fraction": Quantity(0.06, ""),
          "exhaust_methane_concentration": Quantity(1.0, "mg CH4/Nm3")}
    with pytest.raises(InputError, match=r"either the residual gas volume or its mass"):
        measured_flare_efficiency_per_minute(**kw)
    with pytest.raises(InputError, match=r"not adding up to 100 %"):
        residual_gas_fractions(CH4=Quantity(70, "%"), CO2=Quantity(40, "%"))
    with pytest.raises(InputError, match=r"unknown or doubly given"):
        residual_gas_fractions(CH4=Quantity(0.5, ""), N2=Quantity(0.5, ""))


def test_emissions_per_period_and_minutes_from_seconds():
    # eq. (15) over two periods × two minutes; readings every 20 s summed to minutes
    per_20s = Quantity(np.array([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.0] * 6]), "kg CH4")
    flow = to_minutes(per_20s, 3, "sum")
    assert flow.magnitude.tolist() == [[6.0, 15.0], [0.0, 0.0]]
    pe = flaring_project_emissions(methane_gwp=GWP, residual_methane=flow,
                                   flare_efficiency=_q([[0.9, 0.5], [0.9, 0.9]]))
    np.testing.assert_allclose(pe.quantity.m_as("t CO2e"), [25 * (0.6 + 7.5) / 1000, 0.0],
                               rtol=RTOL)
    with pytest.raises(InputError, match=r"readings do not fill whole minutes"):
        to_minutes(per_20s, 4, "sum")
    with pytest.raises(InputError, match=r"flare_efficiency: flare efficiency outside"):
        flaring_project_emissions(methane_gwp=GWP, residual_methane=flow,
                                  flare_efficiency=_q([[1.2, 0.5], [0.9, 0.9]]))
