"""AR-TOOL14 v04.2 from tree records to a conservative stock: App. 1 eq. (1)-(5) and para. 5,
eq. (12)-(17), Appendix 2 -- a small inventory worked by hand, and the bad-input errors."""

import math

import numpy as np
import pytest

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry.allometry import AllometricModel
from ccer_calc.tools.forestry.records import Inventory, Plots, Strata, Trees
from ccer_calc.tools.forestry.species import SpeciesTable
from ccer_calc.tools.forestry.student_t import two_sided_t_value
from ccer_calc.tools.forestry.tool14_discount import discount_fraction
from ccer_calc.tools.forestry.tool14_stock import plot_biomass, stock_difference, tree_stock
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

RTOL = 1e-12
NAN = float("nan")
MODELS = {
    "m1": AllometricModel("m1", "aboveground_biomass", "power", {"a": 0.1, "b": 2.0}, "cm", "kg",
                          1.0, 100.0, "test model", "illustrative"),
    "v1": AllometricModel("v1", "stem_volume", "power_height", {"a": 1e-4, "b": 2.0, "c": 1.0},
                          "cm", "m^3", 1.0, 100.0, "test model", "illustrative"),
}
SPECIES = SpeciesTable(
    names=("fix", "vol", "fn"), route=("allometric", "volume", "allometric"),
    biomass_model=("m1", "", "m1"), volume_model=("", "v1", ""),
    wood_density=np.array([NAN, 0.5, NAN]), biomass_expansion_factor=np.array([NAN, 1.2, NAN]),
    root_shoot_method=("fixed", "fixed", "ar_tool14_function"),
    root_shoot_ratio=np.array([0.25, 0.2, NAN]), carbon_fraction=np.array([0.47] * 3),
    source=("test",) * 3, status=("illustrative",) * 3)


def _inventory(diameters=(10, 20, 20, 30, 50, 10, 10), heights=(NAN, 10, NAN, NAN, NAN, NAN, NAN),
               species=(0, 1, 0, 2, 0, 2, 0)):
    strata = Strata(("S0", "S1"), Quantity(np.array([10.0, 5.0]), "ha"))
    plots = Plots(("p0", "p1", "p2", "p3"), np.array([0, 0, 1, 1]),
                  Quantity(np.full(4, 100.0), "m^2"),
                  np.array(["2024-05-01", "2024-05-03", "2024-06-01", "2024-05-20"],
                           dtype="datetime64[D]"))
    trees = Trees(np.array([0, 0, 1, 2, 2, 3, 3]), np.array(species), Quantity(
        np.array(diameters, float), "cm"), Quantity(np.array(heights, float), "m"),
        np.array([True, True, True, True, False, True, True]), np.zeros(7, np.int8),
        np.arange(2, 9), "trees.csv")
    return Inventory(strata, plots, trees, ("fix", "vol", "fn"))


def _r(b):  # AR-TOOL14 App. 1 para. 5
    return math.exp(-1.085 + 0.9256 * math.log(b)) / b


def _hand_plots(level="plot"):
    b2, b3 = (9.0, 2.0) if level == "plot" else (5.5, 5.5)
    return np.array([
        (0.010 * 1.25 + 0.4 * 0.5 * 1.2 * 1.2) / 0.01,        # fix D10 + vol D20 H10 (eq. 4, 5)
        0.040 * 1.25 / 0.01,                                   # fix D20
        0.090 * (1 + _r(b2)) / 0.01,                           # fn D30 (the dead tree left out)
        (0.010 * (1 + _r(b3)) + 0.010 * 1.25) / 0.01,          # fn D10 + fix D10
    ])


def test_plot_biomass_by_hand_with_the_root_shoot_function_per_plot():
    p = plot_biomass(_inventory(), SPECIES, MODELS)
    np.testing.assert_allclose(p.plot_biomass.quantity.m_as("t/ha"), _hand_plots(), rtol=RTOL)
    # the above-ground pass that feeds R_j: plot 2 holds 90 kg, plot 3 holds 20 kg on 0.01 ha
    np.testing.assert_allclose(p.aboveground_per_ha.quantity.m_as("t/ha")[2:], [9.0, 2.0],
                               rtol=RTOL)


def test_root_shoot_function_at_stratum_level():
    p = plot_biomass(_inventory(), SPECIES, MODELS, root_shoot_level="stratum")
    np.testing.assert_allclose(p.plot_biomass.quantity.m_as("t/ha"), _hand_plots("stratum"),
                               rtol=RTOL)


@pytest.mark.parametrize("scenario", ["project", "baseline"])
def test_stock_uncertainty_and_discount_by_hand(scenario):
    trail = Trail()
    s = tree_stock(_inventory(), SPECIES, MODELS, scenario=scenario, trail=trail, instance="t2")
    b = _hand_plots()
    means = np.array([b[:2].mean(), b[2:].mean()])
    var = np.array([b[:2].var(ddof=1), b[2:].var(ddof=1)])
    w = np.array([10.0, 5.0]) / 15.0
    mean = (w * means).sum()
    stock = 44 / 12 * 0.47 * 15.0 * mean
    u = two_sided_t_value(0.9, 4 - 2) * math.sqrt((w**2 * var / 2).sum()) / mean
    assert s.carbon_stock.quantity.m_as("t CO2") == pytest.approx(stock, rel=RTOL)
    assert s.uncertainty.quantity.m_as("") == pytest.approx(u, rel=RTOL)
    sign = -1 if scenario == "project" else 1
    assert s.conservative_stock.quantity.m_as("t CO2") == pytest.approx(
        stock + sign * discount_fraction(u) * u * stock, rel=RTOL)
    assert s.discount_share == 1.0  # two plots per stratum: U is far above 30 %
    assert str(s.date) == "2024-06-01"  # the last plot measurement (para. 31)
    keys = [e.key for e in trail.entries]
    assert keys[0] == "AR-TOOL14 App. 1 (3)[t2 above-ground]"
    assert f"AR-TOOL14 App. 2 ({scenario})[t2]" in keys
    assert len(keys) == len(set(keys))


def test_a_species_without_parameters_names_the_tree_row():
    inv = _inventory()
    inv = Inventory(inv.strata, inv.plots, inv.trees, ("fix", "vol", "unknown"))
    with pytest.raises(InputError, match=r"trees.csv: line 5: species has no parameters.*unknown"):
        tree_stock(inv, SPECIES, MODELS)


def test_a_diameter_outside_the_model_range_names_the_tree_row():
    inv = _inventory(diameters=(10, 20, 20, 130, 50, 10, 10))
    with pytest.raises(InputError, match=r"trees.csv: line 5: diameter out of range.*1 to 100 cm"):
        tree_stock(inv, SPECIES, MODELS)


def test_a_missing_height_for_a_volume_model_names_the_tree_row():
    inv = _inventory(heights=(NAN, NAN, NAN, NAN, NAN, NAN, NAN))
    with pytest.raises(InputError, match=r"trees.csv: line 3: height out of range"):
        tree_stock(inv, SPECIES, MODELS)


def test_a_dead_tree_outside_the_range_does_not_matter_for_living_biomass():
    inv = _inventory(diameters=(10, 20, 20, 30, 500, 10, 10))
    assert tree_stock(inv, SPECIES, MODELS).carbon_stock.quantity.m_as("t CO2") > 0


def test_unknown_scenario_is_refused():
    with pytest.raises(InputError, match="unknown scenario"):
        tree_stock(_inventory(), SPECIES, MODELS, scenario="other")  # type: ignore[arg-type]


def test_incomplete_species_route_is_refused():
    incomplete = SpeciesTable(**{**SPECIES.__dict__,
                                 "wood_density": np.array([NAN, NAN, NAN])})
    with pytest.raises(InputError, match="species vol lacks a parameter"):
        tree_stock(_inventory(), incomplete, MODELS)


def test_stock_difference_uses_the_undiscounted_previous_stock():
    # AR-TOOL14 eq. (1) note 2: C_TREE,t1 enters undiscounted; eq. (2); para. 18 discount
    trail = Trail()
    first = tree_stock(_inventory(), SPECIES, MODELS, trail=trail, instance="t1")
    grown = _inventory(diameters=(14, 26, 25, 36, 50, 15, 14))
    second = tree_stock(grown, SPECIES, MODELS, trail=trail, instance="t2")
    assert first.conservative_stock.quantity.m_as("t CO2") < first.carbon_stock.quantity.m_as(
        "t CO2")
    d = stock_difference(first, second, trail=trail, instance="t1-t2")
    c1, c2 = first.carbon_stock.quantity.m_as("t CO2"), second.carbon_stock.quantity.m_as("t CO2")
    u1, u2 = first.uncertainty.quantity.m_as(""), second.uncertainty.quantity.m_as("")
    assert d.change.quantity.m_as("t CO2") == pytest.approx(c2 - c1, rel=RTOL)
    u = math.sqrt((u1 * c1) ** 2 + (u2 * c2) ** 2) / abs(c2 - c1)
    assert d.uncertainty.quantity.m_as("") == pytest.approx(u, rel=RTOL)
    assert d.conservative_change.quantity.m_as("t CO2") == pytest.approx(
        (c2 - c1) - discount_fraction(u) * u * abs(c2 - c1), rel=RTOL)
    assert trail.find("AR-TOOL14 (1)")[0].inputs[1].value == pytest.approx(c1, rel=RTOL)
