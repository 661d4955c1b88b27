"""AR-TOOL12 v03.1, dead wood (eq. 1-11) and litter (eq. 12-17), hand-worked from the printed
formulas; default factors (section 8.1, tables 5 and 6) and reduction factors (para. 14, 24)."""

import math

import numpy as np
import pytest

from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools.forestry.tool12_deadwood import (
    dead_tree_biomass_allometric,
    dead_tree_biomass_volume,
    standing_dead_tree_carbon,
)
from ccer_calc.tools.forestry.tool12_litter import (
    annual_litter_change,
    litter_change_rate,
    litter_default_factor,
    litter_stock,
    plot_litter_carbon,
    stratum_litter,
)
from ccer_calc.tools.forestry.tool12_stocks import (
    annual_dead_wood_change,
    biomass_reduction_factor,
    dead_wood_change_rate,
    dead_wood_default_factor,
    dead_wood_stock,
    default_fractions,
    density_reduction_factor,
    stratum_dead_wood,
)
from ccer_calc.tools.forestry.tool12_stumps_lying import (
    lying_dead_wood_carbon,
    stump_carbon,
    stump_mid_height_diameter,
)
from ccer_calc.units import Quantity

RTOL = 1e-12
G = {"plot_index": Quantity(np.array([0, 0, 1]), ""),
     "species_index": Quantity(np.array([0, 1, 1]), ""),
     "plot_count": Quantity(2, ""), "species_count": Quantity(2, "")}


def test_eq1_bef_method_by_plot_and_species():
    b = dead_tree_biomass_volume(stem_volume=Quantity(np.array([0.5, 0.3, 0.2]), "m^3"),
                                 biomass_reduction=Quantity(np.array([0.975, 0.8, 0.8]), ""),
                                 wood_density=Quantity(np.array([0.4, 0.6, 0.6]), "t/m^3"),
                                 biomass_expansion_factor=Quantity(1.3, ""),
                                 root_shoot_ratio=Quantity(0.25, ""), **G)
    k = 1.3 * 1.25
    np.testing.assert_allclose(b.quantity.m_as("t"),
                               [[0.4 * k * 0.5 * 0.975, 0.6 * k * 0.3 * 0.8],
                                [0.0, 0.6 * k * 0.2 * 0.8]], rtol=RTOL)


def test_eq2_eq3_allometric_method_then_carbon():
    b = dead_tree_biomass_allometric(aboveground_biomass=Quantity(np.array([200, 100, 300]), "kg"),
                                     biomass_reduction=Quantity(np.array([0.975, 0.8, 0.975]), ""),
                                     root_shoot_ratio=Quantity(0.3, ""), **G)
    np.testing.assert_allclose(b.quantity.m_as("t"), [[0.26 * 0.975, 0.13 * 0.8],
                                                      [0.0, 0.39 * 0.975]], rtol=RTOL)
    c = standing_dead_tree_carbon(carbon_fraction=Quantity(0.5, "t C/t"), dead_tree_biomass=b)
    np.testing.assert_allclose(c.quantity.m_as("t CO2"), 44 / 12 * 0.5 * b.quantity.m_as("t"),
                               rtol=RTOL)


def test_eq4_mid_height_diameter():
    d = stump_mid_height_diameter(diameter_breast_height=Quantity(np.array([25.0, 40.0]), "cm"),
                                  stump_height=Quantity(np.array([4.0, 9.0]), "m"),
                                  breast_height=Quantity(1.3, "m"))
    expected = [0.57 * 0.25 * (4 / 2.7) ** 0.8, 0.57 * 0.40 * (9 / 7.7) ** 0.8]
    np.testing.assert_allclose(d.quantity.m_as("m"), expected, rtol=RTOL)


def test_eq4_refuses_short_stumps():
    with pytest.raises(InputError, match="stumps of 4 m or more"):
        stump_mid_height_diameter(diameter_breast_height=Quantity(0.3, "m"),
                                  stump_height=Quantity(3.9, "m"), breast_height=Quantity(1.3, "m"))


def test_eq5_stumps():
    c = stump_carbon(carbon_fraction=Quantity(0.5, "t C/t"),
                     wood_density=Quantity(np.array([0.5, 0.5, 0.7]), "t/m^3"),
                     root_shoot_ratio=Quantity(0.25, ""),
                     mid_height_diameter=Quantity(np.array([0.2, 0.3, 0.25]), "m"),
                     stump_height=Quantity(np.array([2.0, 1.0, 3.0]), "m"),
                     density_reduction=Quantity(np.array([0.8, 1.0, 0.45]), ""), **G)
    k = 44 / 12 * 0.5 * 1.25 * math.pi / 4
    np.testing.assert_allclose(c.quantity.m_as("t CO2"),
                               [[k * 0.5 * 0.04 * 2 * 0.8, k * 0.5 * 0.09 * 1 * 1.0],
                                [0.0, k * 0.7 * 0.0625 * 3 * 0.45]], rtol=RTOL)


def test_eq6_lying_dead_wood_in_the_tools_units():
    # with D_n in cm and L in m, π² ΣD² / (8L) is m³/ha (Harmon and Sexton 1996)
    c = lying_dead_wood_carbon(plot_area=Quantity(np.array([0.05, 0.05, 0.04]), "ha"),
                               carbon_fraction=Quantity(0.5, "t C/t"),
                               wood_density=Quantity(0.5, "t/m^3"),
                               transect_length=Quantity(np.array([100.0, 100.0, 120.0]), "m"),
                               piece_diameter=Quantity(np.array([15.0, 20.0, 12.0]), "cm"),
                               density_reduction=Quantity(np.array([1.0, 0.45, 0.8]), ""), **G)
    def hand(a, d, b, length):
        return a * 44 / 12 * 0.5 * 0.5 * math.pi**2 / (8 * length) * d**2 * b
    np.testing.assert_allclose(c.quantity.m_as("t CO2"),
                               [[hand(0.05, 15, 1.0, 100), hand(0.05, 20, 0.45, 100)],
                                [0.0, hand(0.04, 12, 0.8, 120)]], rtol=RTOL)


def test_eq7_eq8_expand_plots_to_strata():
    standing = Quantity(np.array([[0.5, 0.1], [0.3, 0.0], [0.2, 0.2]]), "t CO2")
    zero = Quantity(np.zeros((3, 2)), "t CO2")
    lying = Quantity(np.array([[0.1, 0.0], [0.0, 0.1], [0.3, 0.0]]), "t CO2")
    c = stratum_dead_wood(standing_trees=standing, stumps=zero, lying=lying,
                          plot_stratum=Quantity(np.array([0, 0, 1]), ""),
                          plot_area=Quantity(np.array([0.05, 0.05, 0.04]), "ha"),
                          stratum_area=Quantity(np.array([40.0, 10.0]), "ha"))
    np.testing.assert_allclose(c.quantity.m_as("t CO2"), [40 / 0.1 * 1.1, 10 / 0.04 * 0.7],
                               rtol=RTOL)
    total = dead_wood_stock(stratum_dead_wood=c)
    assert total.quantity.m_as("t CO2") == pytest.approx(440 + 175, rel=RTOL)


def test_eq9_to_eq11_default_factor_and_change():
    dw, _ = default_fractions("temperate_boreal", 0, 0)
    c = dead_wood_default_factor(tree_carbon=Quantity(5000.0, "t CO2"), default_factor=dw)
    assert c.quantity.m_as("t CO2") == pytest.approx(400.0, rel=RTOL)   # 8 %
    rate = dead_wood_change_rate(stock_t2=c, stock_t1=Quantity(150.0, "t CO2"),
                                 elapsed_time=Quantity(4.417, "yr"))
    assert rate.quantity.m_as("t CO2/yr") == pytest.approx(250 / 4.417, rel=RTOL)
    d = annual_dead_wood_change(change_rate=rate)
    assert d.quantity.m_as("t CO2") == pytest.approx(250 / 4.417, rel=RTOL)


@pytest.mark.parametrize(("biome", "elev", "rain", "dw", "li"), [
    ("tropical", 100, 999, 2, 4), ("tropical", 100, 1000, 1, 1), ("tropical", 100, 1600, 1, 1),
    ("tropical", 100, 1601, 6, 1), ("tropical", 1999, 2500, 6, 1),
    ("tropical", 2000, 500, 7, 1), ("tropical", 2500, 2500, 7, 1),
    ("temperate_boreal", 3000, 300, 8, 4)])
def test_default_fractions_read_back_tables_5_and_6(biome, elev, rain, dw, li):
    # AR-TOOL12 v03.1 section 8.1, data/parameter tables 5 (DF_DW) and 6 (DF_LI)
    d, lit = default_fractions(biome, elev, rain)
    assert (d.quantity.m_as("%"), lit.quantity.m_as("%")) == (dw, li)
    assert d.origin == "default" and "tables 5 and 6" in d.ref


def test_default_fractions_unknown_biome():
    with pytest.raises(DataNotFound, match="tropical or temperate_boreal"):
        default_fractions("boreal", 0, 0)


def test_reduction_factors_of_para_14_and_24():
    assert biomass_reduction_factor([1, 2]).quantity.m_as("").tolist() == [0.975, 0.8]
    assert density_reduction_factor(["sound", "intermediate", "rotten"]).quantity.m_as(
        "").tolist() == [1.0, 0.8, 0.45]
    with pytest.raises(InputError, match="measured as stumps"):
        biomass_reduction_factor([0])
    with pytest.raises(InputError, match="decay class"):
        density_reduction_factor(["soft"])


def test_eq12_litter_equals_the_printed_2_5_form():
    # eq. (12) as printed: 44/12 × CF_LI × 2.5 × A_p/a_p × B_wet × DWR (A in ha, a in m², B kg)
    c = plot_litter_carbon(carbon_fraction=Quantity(0.37, "t C/t"),
                           plot_area=Quantity(np.array([0.04, 0.1]), "ha"),
                           frame_area=Quantity(np.array([0.5, 0.25]), "m^2"),
                           wet_weight=Quantity(np.array([2.0, 1.2]), "kg"),
                           dry_to_wet_ratio=Quantity(np.array([0.5, 0.45]), ""))
    printed = [44 / 12 * 0.37 * 2.5 * 0.04 / 0.5 * 2.0 * 0.5,
               44 / 12 * 0.37 * 2.5 * 0.1 / 0.25 * 1.2 * 0.45]
    np.testing.assert_allclose(c.quantity.m_as("t CO2"), printed, rtol=RTOL)


def test_eq13_to_eq17_litter_stocks_and_change():
    s = stratum_litter(plot_litter=Quantity(np.array([0.27, 0.33, 0.5]), "t CO2"),
                       plot_stratum=Quantity(np.array([0, 0, 1]), ""),
                       plot_area=Quantity(np.array([0.04, 0.04, 0.1]), "ha"),
                       stratum_area=Quantity(np.array([20.0, 30.0]), "ha"))
    np.testing.assert_allclose(s.quantity.m_as("t CO2"), [20 / 0.08 * 0.6, 30 / 0.1 * 0.5],
                               rtol=RTOL)
    total = litter_stock(stratum_litter=s)
    assert total.quantity.m_as("t CO2") == pytest.approx(300.0, rel=RTOL)
    d = litter_default_factor(tree_carbon=Quantity(5000.0, "t CO2"),
                              default_factor=default_fractions("tropical", 10, 800)[1])
    assert d.quantity.m_as("t CO2") == pytest.approx(200.0, rel=RTOL)  # 4 %
    rate = litter_change_rate(stock_t2=total, stock_t1=d, elapsed_time=Quantity(5, "yr"))
    assert rate.quantity.m_as("t CO2/yr") == pytest.approx(20.0, rel=RTOL)
    assert annual_litter_change(change_rate=rate).quantity.m_as("t CO2") == pytest.approx(
        20.0, rel=RTOL)


def test_strata_without_plot_area_are_refused():
    with pytest.raises(InputError, match="no plot area"):
        stratum_litter(plot_litter=Quantity(np.array([0.2]), "t CO2"),
                       plot_stratum=Quantity(np.array([0]), ""),
                       plot_area=Quantity(np.array([0.04]), "ha"),
                       stratum_area=Quantity(np.array([20.0, 30.0]), "ha"))
