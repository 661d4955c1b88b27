"""Electricity consumption tool: CDM TOOL05 v03.0, generic approach, eq. (1)-(3).

Hand-worked numbers from PE_EC = Σ_j EC × EF × (1 + TDL) (TOOL05 v03.0 para. 16, eq. (1); eq. (2)
and (3) for baseline and leakage). The defaults were read in the official text: 1.3 t CO2/MWh
(para. 20(a)), 0.4 and 0.25 t CO2/MWh (para. 20(b)), TDL 20 % and 3 % (data table 3).
"""

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.electricity_consumption import (
    TOOL05_PARAMETERS,
    baseline_electricity_consumption_emissions,
    consumption_emission_factor,
    electricity_consumption_emissions,
    leakage_electricity_consumption_emissions,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12


def test_sum_over_sources_by_hand():
    # 100 × 1.3 × 1.2 + 50 × 0.6 × 1.03 = 156 + 30.9 = 186.9 t CO2
    pe = electricity_consumption_emissions(
        electricity_consumed=Quantity(np.array([100.0, 50.0]), "MWh"),
        emission_factor=Quantity(np.array([1.3, 0.6]), "t CO2/MWh"),
        transmission_loss=Quantity(np.array([0.2, 0.03]), ""))
    np.testing.assert_allclose(pe.quantity.m_as("t CO2"), 186.9, rtol=RTOL)


def test_sources_by_periods_keeps_the_period_axis():
    # two sources × three periods; one EF for all; losses per source broadcast over periods
    ec = Quantity(np.array([[10.0, 20.0, 0.0], [1000.0, 0.0, 500.0]]), "kWh")
    pe = electricity_consumption_emissions(
        electricity_consumed=ec, emission_factor=Quantity(1.3, "t CO2/MWh"),
        transmission_loss=Quantity(np.array([[0.2], [0.2]]), ""))
    expected = np.array([10.0 + 1000.0, 20.0, 500.0]) / 1000 * 1.3 * 1.2
    np.testing.assert_allclose(pe.quantity.m_as("t CO2"), expected, rtol=RTOL)


def test_scalar_is_one_source():
    pe = electricity_consumption_emissions(electricity_consumed=Quantity(2.0, "MWh"),
                                           emission_factor=Quantity(0.5, "t CO2/MWh"),
                                           transmission_loss=Quantity(3, "%"))
    np.testing.assert_allclose(pe.quantity.m_as("t CO2"), 2.0 * 0.5 * 1.03, rtol=RTOL)


def test_negative_consumption_raises():
    with pytest.raises(InputError, match=r"electricity_consumed: negative electricity"):
        electricity_consumption_emissions(
            electricity_consumed=Quantity(np.array([5.0, -1.0]), "MWh"),
            emission_factor=Quantity(1.3, "t CO2/MWh"), transmission_loss=Quantity(0.2, ""))


def test_loss_of_100_percent_raises():
    with pytest.raises(InputError, match=r"transmission_loss: .*outside \[0, 1\)"):
        electricity_consumption_emissions(electricity_consumed=Quantity(5.0, "MWh"),
                                          emission_factor=Quantity(1.3, "t CO2/MWh"),
                                          transmission_loss=Quantity(100, "%"))


@pytest.mark.parametrize(("name", "default", "where"), [
    ("conservative_grid_emission_factor", 1.3, "para. 20(a)"),
    ("conservative_grid_emission_factor_baseline", 0.4, "para. 20(b)"),
    ("conservative_grid_emission_factor_baseline_hydro", 0.25, "para. 20(b)"),
    ("transmission_loss_project", 0.20, "data table 3 (TDL), option 2: 20 %"),
    ("transmission_loss_baseline", 0.03, "data table 3 (TDL), option 3: 3 %"),
])
def test_defaults_are_the_tool05_v03_values_and_cite_them(name, default, where):
    p = TOOL05_PARAMETERS[name]
    assert p.default == default
    assert p.overridable
    assert p.source.startswith(f"TOOL05 v03.0, {where}")
    assert "[U]" not in p.source
    assert "UNVERIFIED" not in p.source


def test_baseline_and_leakage_equations_by_hand():
    # eq. (2): 1000 MWh × 0.4 × 1.03 = 412; eq. (3): 10 MWh × 1.3 × 1.2 = 15.6
    trail = Trail()
    be = baseline_electricity_consumption_emissions(
        trail=trail, electricity_consumed=Quantity(1000.0, "MWh"),
        emission_factor=Quantity(0.4, "t CO2/MWh"), transmission_loss=Quantity(3, "%"))
    le = leakage_electricity_consumption_emissions(
        trail=trail, electricity_consumed=Quantity(10.0, "MWh"),
        emission_factor=Quantity(1.3, "t CO2/MWh"), transmission_loss=Quantity(0.2, ""))
    np.testing.assert_allclose(be.quantity.m_as("t CO2"), 412.0, rtol=RTOL)
    np.testing.assert_allclose(le.quantity.m_as("t CO2"), 15.6, rtol=RTOL)
    assert [(e.equation, e.document) for e in trail.entries] == [
        ("TOOL05 (2)", "TOOL05 v03.0"), ("TOOL05 (3)", "TOOL05 v03.0")]


def test_override_replaces_the_default_with_origin_project():
    v = TOOL05_PARAMETERS.value("conservative_grid_emission_factor",
                                {"conservative_grid_emission_factor": Quantity(1.1, "t CO2/MWh")})
    assert v.origin == "project"
    assert TOOL05_PARAMETERS.value("transmission_loss_project", {}).origin == "default"


def test_emission_factor_option():
    cm = Value("EF_grid,CM,y", Quantity(0.6, "t CO2/MWh"), "computed", "(3)")
    default = TOOL05_PARAMETERS.value("conservative_grid_emission_factor", {})
    assert consumption_emission_factor("combined_margin", combined_margin=cm,
                                       conservative_default=default) is cm
    assert consumption_emission_factor("conservative_default", combined_margin=None,
                                       conservative_default=default) is default
    with pytest.raises(InputError, match=r"combined-margin option needs"):
        consumption_emission_factor("combined_margin", combined_margin=None,
                                    conservative_default=default)
