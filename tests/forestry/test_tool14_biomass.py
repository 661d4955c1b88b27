"""AR-TOOL14 v04.2 Appendix 1: tree, species-plot and plot biomass, eq. (1)-(8), R_j (para. 5).

Hand-worked numbers follow the printed formulas of Appendix 1 (para. 4, 5, 9, 10).
"""

import math

import numpy as np
import pytest

from ccer_calc.errors import InputError, UnitError
from ccer_calc.tools.forestry.tool14_biomass import (
    coppice_root_shoot_ratio,
    plot_biomass_per_hectare,
    plot_tree_biomass,
    root_shoot_ratio_function,
    species_plot_biomass,
    tree_biomass_allometric,
    tree_biomass_volume,
)
from ccer_calc.tools.forestry.tool14_variable_plots import (
    plot_biomass_variable_area,
    species_biomass_per_hectare_allometric,
    species_biomass_per_hectare_volume,
)
from ccer_calc.units import Quantity

RTOL = 1e-12


def test_eq4_allometric_kg_output_is_converted_to_tonnes():
    # App. 1 eq. (4): f_j × (1 + R_j); an allometric result in kg enters as kg
    b = tree_biomass_allometric(aboveground_biomass=Quantity(np.array([150.0, 80.0]), "kg"),
                                root_shoot_ratio=Quantity(np.array([0.25, 0.3]), ""))
    np.testing.assert_allclose(b.quantity.m_as("t"), [0.15 * 1.25, 0.08 * 1.3], rtol=RTOL)


def test_eq5_volume_route():
    # App. 1 eq. (5): V × D × BEF × (1 + R) = 0.35 × 0.45 × 1.15 × 1.2
    b = tree_biomass_volume(stem_volume=Quantity(350, "dm^3"),
                            wood_density=Quantity(0.45, "g/cm^3"),
                            biomass_expansion_factor=Quantity(1.15, ""),
                            root_shoot_ratio=Quantity(0.2, ""))
    assert b.quantity.m_as("t") == pytest.approx(0.35 * 0.45 * 1.15 * 1.2, rel=RTOL)


def test_eq3_eq2_eq1_sum_by_species_and_plot_then_per_hectare():
    trees = Quantity(np.array([0.1, 0.2, 0.3, 0.05, 0.4]), "t")
    plot = Quantity(np.array([0, 0, 1, 2, 0]), "")
    sp = Quantity(np.array([0, 1, 1, 0, 0]), "")
    by_sp = species_plot_biomass(tree_biomass=trees, plot_index=plot, species_index=sp,
                                 plot_count=Quantity(4, ""), species_count=Quantity(2, ""))
    np.testing.assert_allclose(by_sp.quantity.m_as("t"),
                               [[0.5, 0.2], [0.0, 0.3], [0.05, 0.0], [0.0, 0.0]], rtol=RTOL)
    per_plot = plot_tree_biomass(species_plot_biomass=by_sp)
    np.testing.assert_allclose(per_plot.quantity.m_as("t"), [0.7, 0.3, 0.05, 0.0], rtol=RTOL)
    per_ha = plot_biomass_per_hectare(plot_tree_biomass=per_plot,
                                      plot_area=Quantity(np.array([400, 400, 500, 400]), "m^2"))
    np.testing.assert_allclose(per_ha.quantity.m_as("t/ha"), [17.5, 7.5, 1.0, 0.0], rtol=RTOL)


def test_eq1_refuses_a_zero_plot_area():
    with pytest.raises(InputError, match="plot area must be positive"):
        plot_biomass_per_hectare(plot_tree_biomass=Quantity(np.array([1.0]), "t"),
                                 plot_area=Quantity(np.array([0.0]), "ha"))


def test_eq3_refuses_a_fractional_index():
    with pytest.raises(InputError, match="not a whole number"):
        species_plot_biomass(tree_biomass=Quantity(np.array([0.1]), "t"),
                             plot_index=Quantity(np.array([0.5]), ""),
                             species_index=Quantity(np.array([0]), ""),
                             plot_count=Quantity(1, ""), species_count=Quantity(1, ""))


@pytest.mark.parametrize("b", [1.0, 25.0, 100.0, 350.0])
def test_root_shoot_function_of_para_5(b):
    # R_j = e^(−1.085 + 0.9256 ln b) / b
    r = root_shoot_ratio_function(aboveground_biomass_per_ha=Quantity(b, "t/ha"))
    assert r.quantity.m_as("") == pytest.approx(math.exp(-1.085 + 0.9256 * math.log(b)) / b,
                                                rel=RTOL)


def test_root_shoot_function_refuses_zero_biomass():
    with pytest.raises(InputError, match="positive above-ground biomass"):
        root_shoot_ratio_function(aboveground_biomass_per_ha=Quantity(np.array([5.0, 0.0]),
                                                                      "t/ha"))


def test_coppice_factor_is_at_least_one():
    # para. 5 note: R × max(v_HARVEST / v_TREE, 1)
    r = coppice_root_shoot_ratio(root_shoot_ratio=Quantity(np.array([0.3, 0.3]), ""),
                                 harvested_volume_per_ha=Quantity(np.array([50.0, 150.0]),
                                                                  "m^3/ha"),
                                 standing_volume_per_ha=Quantity(np.array([100.0, 100.0]),
                                                                 "m^3/ha"))
    np.testing.assert_allclose(r.quantity.m_as(""), [0.3, 0.45], rtol=RTOL)


def test_variable_area_plots_eq7_eq8_eq6():
    # App. 1 eq. (7): f_j(BA) × (1 + R); eq. (8): v_j(BA) × D × BEF × (1 + R); eq. (6): Σ_j
    a = species_biomass_per_hectare_allometric(
        aboveground_biomass_per_ha=Quantity(np.array([60.0, 0.0]), "t/ha"),
        root_shoot_ratio=Quantity(0.25, ""))
    v = species_biomass_per_hectare_volume(
        stem_volume_per_ha=Quantity(np.array([0.0, 80.0]), "m^3/ha"),
        wood_density=Quantity(0.5, "t/m^3"), biomass_expansion_factor=Quantity(1.3, ""),
        root_shoot_ratio=Quantity(0.2, ""))
    both = Quantity(np.stack([a.quantity.m_as("t/ha"), v.quantity.m_as("t/ha")], axis=-1),
                    "t/ha")
    total = plot_biomass_variable_area(species_biomass_per_ha=both)
    np.testing.assert_allclose(total.quantity.m_as("t/ha"), [75.0, 80 * 0.5 * 1.3 * 1.2],
                               rtol=RTOL)


def test_wrong_dimension_is_a_unit_error():
    with pytest.raises(UnitError, match="wrong dimension"):
        tree_biomass_volume(stem_volume=Quantity(1.0, "m^2"), wood_density=Quantity(0.5, "t/m^3"),
                            biomass_expansion_factor=Quantity(1.15, ""),
                            root_shoot_ratio=Quantity(0.2, ""))
