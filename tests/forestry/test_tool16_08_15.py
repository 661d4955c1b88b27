"""AR-TOOL16 v01.1.0 (SOC, eq. 1-8, Tables 1-6), AR-TOOL08 v04.0.0 (non-CO2 from burning,
eq. 1-8, section III defaults) and AR-TOOL15 v02.0 (leakage, eq. 1-3, para. 10): hand-worked
numbers from the printed formulas and read-back of the tools' tables."""

import numpy as np
import pytest

from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools.forestry.defaults import tool_default
from ccer_calc.tools.forestry.tool08_burning import (
    fire_accounted,
    harvest_residue_burning_emissions,
    harvested_biomass,
    non_co2_emissions,
    site_preparation_burning_emissions,
    site_preparation_zero,
)
from ccer_calc.tools.forestry.tool08_forest_fire import (
    fire_factors,
    forest_fire_dom_emissions,
    forest_fire_emissions,
    forest_fire_tree_emissions,
)
from ccer_calc.tools.forestry.tool15_leakage import (
    biomass_carbon_loss,
    grazing_leakage_zero,
    leakage_emissions,
    soc_loss_receiving_land,
)
from ccer_calc.tools.forestry.tool16_soc import (
    capped_soc_rate,
    initial_soc,
    soc_change,
    soc_loss,
    soc_rate_in_year,
    soc_rate_preparation_year,
    soc_rate_recovery,
)
from ccer_calc.tools.forestry.tool16_tables import (
    soc_reference,
    soc_tool_applicable,
    stock_change_factor,
)
from ccer_calc.units import Quantity

RTOL = 1e-12


@pytest.mark.parametrize(("region", "soil", "value"), [
    ("boreal", "hac", 68), ("boreal", "spodic", 117), ("cold_temperate_moist", "volcanic", 130),
    ("warm_temperate_moist", "hac", 88), ("tropical_moist", "lac", 47),
    ("tropical_wet", "sandy", 66), ("tropical_montane", "volcanic", 80)])
def test_table_3_read_back(region, soil, value):
    assert soc_reference(region, soil).quantity.m_as("t C/ha") == value


def test_table_3_na_cell_is_not_a_number():
    with pytest.raises(DataNotFound, match="NA"):
        soc_reference("tropical_dry", "spodic")


@pytest.mark.parametrize(("land", "f", "level", "temp", "moist", "value"), [
    ("cropland", "f_LU", "long_term_cultivated", "temperate_boreal", "dry", 0.80),
    ("cropland", "f_LU", "long_term_cultivated", "temperate_boreal", "moist", 0.69),
    ("cropland", "f_LU", "long_term_cultivated", "tropical", "moist", 0.48),
    ("cropland", "f_LU", "short_term_or_set_aside", "tropical_montane", "moist", 0.88),
    ("cropland", "f_MG", "full_tillage", "tropical", "wet", 1.00),
    ("cropland", "f_MG", "reduced_tillage", "tropical", "wet", 1.15),
    ("cropland", "f_IN", "low", "tropical_montane", "dry", 0.94),
    ("cropland", "f_IN", "high_without_manure", "temperate_boreal", "moist", 1.11),
    ("grassland", "f_MG", "moderately_degraded", "tropical", "dry", 0.97),
    ("grassland", "f_MG", "severely_degraded", "tropical_montane", "wet", 0.70),
    ("grassland", "f_IN", "high", "temperate_boreal", "dry", 1.11)])
def test_tables_4_to_6_read_back(land, f, level, temp, moist, value):  # noqa: PLR0917
    q = stock_change_factor(land, f, level, temperature=temp, moisture=moist).quantity
    assert q.m_as("") == value


def test_no_till_has_no_factor():
    with pytest.raises(DataNotFound, match="no-till"):
        stock_change_factor("cropland", "f_MG", "no_till", temperature="tropical", moisture="dry")


def test_tool16_applicability_tables_1_and_2():
    base = {"wetland": False, "organic_soils": False, "litter_remains": True,
            "disturbance_conforms": True}
    # Table 1: tropical dry, short-term cropland, no-till, all inputs: not applicable
    no = soc_tool_applicable(land="cropland", climate_region="tropical_dry",
                             land_use="short_term_or_set_aside", management="no_till",
                             inputs="medium", **base)
    assert not no.applies and no.not_met == ("a(iii)",)
    # long-term cultivated tropical moist cropland is not listed: applicable
    ok = soc_tool_applicable(land="cropland", climate_region="tropical_moist",
                             land_use="long_term_cultivated", management="full_tillage",
                             inputs="low", **base)
    assert ok.applies
    # Table 2: tropical wet, non-degraded grassland only with high inputs
    assert soc_tool_applicable(land="grassland", climate_region="tropical_wet", land_use="all",
                               management="non_degraded", inputs="low_medium", **base).applies
    assert not soc_tool_applicable(land="grassland", climate_region="tropical_wet",
                                   land_use="all", management="non_degraded", inputs="high",
                                   **base).applies
    wet = soc_tool_applicable(land="grassland", climate_region="tropical_wet", land_use="all",
                              management="severely_degraded", inputs="low_medium",
                              **{**base, "wetland": True, "organic_soils": True})
    assert wet.not_met == ("a(i)/(ii)",)


def test_tool16_equations_by_hand():
    soc0 = initial_soc(soc_reference=Quantity(np.array([47.0, 65.0]), "t C/ha"),
                       land_use_factor=Quantity(np.array([0.48, 1.0]), ""),
                       management_factor=Quantity(np.array([1.0, 0.97]), ""),
                       input_factor=Quantity(np.array([0.92, 1.0]), ""))           # eq. (1)
    np.testing.assert_allclose(soc0.quantity.m_as("t C/ha"), [47 * 0.48 * 0.92, 65 * 0.97],
                               rtol=RTOL)
    loss = soc_loss(initial_soc=soc0, disturbed_share=Quantity(np.array([0.3, 0.05]), ""))
    np.testing.assert_allclose(loss.quantity.m_as("t C/ha"), [0.1 * 47 * 0.48 * 0.92, 0.0],
                               rtol=RTOL)                                           # eq. (2), (3)
    prep = soc_rate_preparation_year(soc_loss=loss)                                 # eq. (5)
    rec = soc_rate_recovery(soc_reference=Quantity(np.array([47.0, 65.0]), "t C/ha"),
                            initial_soc=soc0, soc_loss=loss)                        # eq. (6)
    expected = [(47 - 0.9 * 47 * 0.48 * 0.92) / 20, (65 - 65 * 0.97) / 20]
    np.testing.assert_allclose(rec.quantity.m_as("t C/ha/yr"), expected, rtol=RTOL)
    capped = capped_soc_rate(rate=rec, cap=tool_default("AR-TOOL16", "soc_rate_cap"))  # eq. (7)
    np.testing.assert_allclose(capped.quantity.m_as("t C/ha/yr"), [0.8, expected[1]], rtol=RTOL)
    rates = soc_rate_in_year(year=Quantity(np.arange(2020, 2045), ""),
                             preparation_year=Quantity(np.array([2021, 2022]), ""),
                             preparation_rate=prep, recovery_rate=capped)          # eq. (4)
    r = rates.quantity.m_as("t C/ha/yr")
    assert r.shape == (25, 2)
    assert r[0].tolist() == [0.0, 0.0] and r[1, 0] == -loss.quantity.m_as("t C/ha")[0]
    assert r[2, 0] == 0.8 and r[21, 0] == 0.8 and r[22, 0] == 0.0   # 2022..2041, then 0
    assert r[2, 1] == 0.0 and r[3, 1] == pytest.approx(expected[1], rel=RTOL)
    d = soc_change(stratum_area=Quantity(np.array([100.0, 50.0]), "ha"), soc_rate=rates)
    np.testing.assert_allclose(d.quantity.m_as("t CO2"), 44 / 12 * (r @ [100.0, 50.0]),
                               rtol=RTOL)                                           # eq. (8)


def test_soc_loss_share_must_be_a_fraction():
    with pytest.raises(InputError, match="disturbed share"):
        soc_loss(initial_soc=Quantity(20.0, "t C/ha"), disturbed_share=Quantity(1.5, ""))


def test_tool08_equations_by_hand():
    spf = site_preparation_burning_emissions(
        burnt_area=Quantity(np.array([10.0, 4.0]), "ha"),
        carbon_fraction_tree=Quantity(0.5, "t C/t"),
        tree_biomass=Quantity(np.array([20.0, 0.0]), "t/ha"),
        carbon_fraction_shrub=Quantity(0.5, "t C/t"), shrub_biomass_ratio=Quantity(0.1, ""),
        forest_biomass=Quantity(150.0, "t/ha"),
        shrub_crown_cover=Quantity(np.array([0.4, 0.6]), ""))                      # eq. (3)
    expected_spf = 0.07 * 44 / 12 * (10 * (0.5 * 20 + 0.5 * 0.1 * 150 * 0.4)
                                     + 4 * (0.5 * 0.1 * 150 * 0.6))
    assert spf.quantity.m_as("t CO2") == pytest.approx(expected_spf, rel=RTOL)
    bh = harvested_biomass(forest_biomass=Quantity(150.0, "t/ha"),
                           biomass_expansion_factor=Quantity(1.25, ""),
                           burnt_area=Quantity(8.0, "ha"))                         # eq. (5)
    fmf = harvest_residue_burning_emissions(harvested_biomass=bh,
                                            residue_fraction=Quantity(0.10, ""),
                                            carbon_fraction=Quantity(0.5, "t C/t"))  # eq. (4)
    assert fmf.quantity.m_as("t CO2") == pytest.approx(0.07 * 44 / 12 * 960 * 0.1 * 0.5, rel=RTOL)
    tree = forest_fire_tree_emissions(burnt_area=Quantity(np.array([5.0, 2.0]), "ha"),
                                      tree_biomass=Quantity(np.array([40.0, 60.0]), "t/ha"),
                                      combustion_factor=Quantity(np.array([0.46, 0.67]), ""),
                                      ef_ch4=Quantity(6.8, "g CH4/kg"),
                                      gwp_ch4=Quantity(21, "t CO2/(t CH4)"),
                                      ef_n2o=Quantity(0.2, "g N2O/kg"),
                                      gwp_n2o=Quantity(310, "t CO2/(t N2O)"))       # eq. (7)
    printed = 0.001 * (5 * 40 * 0.46 + 2 * 60 * 0.67) * (6.8 * 21 + 0.2 * 310)
    assert tree.quantity.m_as("t CO2") == pytest.approx(printed, rel=RTOL)
    dom = forest_fire_dom_emissions(burnt_area=Quantity(np.array([5.0, 2.0]), "ha"),
                                    dead_wood_per_ha=Quantity(np.array([10.0, 4.0]), "t CO2/ha"),
                                    litter_per_ha=Quantity(np.array([6.0, 3.0]), "t CO2/ha"))
    assert dom.quantity.m_as("t CO2") == pytest.approx(0.07 * (5 * 16 + 2 * 7), rel=RTOL)  # (8)
    ff = forest_fire_emissions(tree_emissions=tree, dom_emissions=dom)             # eq. (6)
    total = non_co2_emissions(site_preparation=spf, harvest_residue=fmf, forest_fire=ff)  # (1)
    assert total.quantity.m_as("t CO2") == pytest.approx(
        expected_spf + 0.07 * 44 / 12 * 48 + printed + 0.07 * 94, rel=RTOL)


@pytest.mark.parametrize(("forest", "age", "comf", "ch4", "n2o"), [
    ("tropical", 3, 0.46, 6.8, 0.20), ("tropical", 5.9, 0.46, 6.8, 0.20),
    ("tropical", 6, 0.67, 6.8, 0.20), ("tropical", 17, 0.50, 6.8, 0.20),
    ("tropical", 40, 0.32, 6.8, 0.20), ("boreal", 12, 0.40, 4.7, 0.26),
    ("temperate", 1, 0.45, 4.7, 0.26)])
def test_tool08_section_iii_defaults_read_back(forest, age, comf, ch4, n2o):
    c, e1, e2 = fire_factors(forest, age)
    assert (c.quantity.m_as(""), e1.quantity.m_as("g CH4/kg"),
            e2.quantity.m_as("g N2O/kg")) == (comf, ch4, n2o)


def test_tool08_young_tropical_forest_has_no_default():
    with pytest.raises(DataNotFound, match="3 years or older"):
        fire_factors("tropical", 2)


def test_tool08_rules_of_para_3_and_eq_2():
    assert fire_accounted(Quantity(5.0, "ha"), Quantity(100.0, "ha")).applies
    assert not fire_accounted(Quantity(4.99, "ha"), Quantity(100.0, "ha")).applies
    assert site_preparation_zero(slash_and_burn_common=True, fire_in_last_10_years=True).applies


def test_tool08_gwp_defaults_are_the_tools_own():
    assert tool_default("AR-TOOL08", "gwp_ch4").quantity.m_as("t CO2/(t CH4)") == 21
    assert tool_default("AR-TOOL08", "gwp_n2o").quantity.m_as("t CO2/(t N2O)") == 310


def test_tool15_equations_by_hand():
    bio = biomass_carbon_loss(tree_biomass=Quantity(30.0, "t/ha"),
                              root_shoot_ratio_tree=tool_default("AR-TOOL15",
                                                                 "root_shoot_ratio_tree"),
                              shrub_biomass=Quantity(5.0, "t/ha"),
                              root_shoot_ratio_shrub=tool_default("AR-TOOL15",
                                                                  "root_shoot_ratio_shrub"),
                              carbon_fraction=tool_default("AR-TOOL15", "carbon_fraction"),
                              displaced_area=Quantity(10.0, "ha"))                 # eq. (2)
    assert bio.quantity.m_as("t C") == pytest.approx((1.1 * 30 * 1.25 + 5 * 1.4) * 0.47 * 10,
                                                     rel=RTOL)
    one = Quantity(1.0, "")
    soc = soc_loss_receiving_land(soc_reference=Quantity(65.0, "t C/ha"),
                                  land_use_before=one, management_before=one,
                                  inputs_before=one, land_use_after=Quantity(0.48, ""),
                                  management_after=one, inputs_after=Quantity(0.92, ""),
                                  displaced_area=Quantity(10.0, "ha"))              # eq. (3)
    assert soc.quantity.m_as("t C") == pytest.approx(65 * (1 - 0.48 * 0.92) * 10, rel=RTOL)
    lk = leakage_emissions(biomass_loss=bio, soc_loss=soc)                          # eq. (1)
    assert lk.quantity.m_as("t CO2") == pytest.approx(
        44 / 12 * ((1.1 * 30 * 1.25 + 5 * 1.4) * 0.47 * 10 + 65 * (1 - 0.48 * 0.92) * 10),
        rel=RTOL)


def test_tool15_grazing_zero_conditions():
    assert grazing_leakage_zero({"a": False, "e": True}).met == ("e",)
    assert not grazing_leakage_zero({"a": False}).applies
    with pytest.raises(InputError, match="letters a to e"):
        grazing_leakage_zero({"f": True})
