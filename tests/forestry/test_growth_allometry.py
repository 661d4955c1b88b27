"""Ex-ante growth (AR-TOOL14 v04.2 section 8.2), the allometric model catalogue (App. 1 eq. 4,
5, 7, 8) and the species parameters and defaults shipped as data."""

import math

import numpy as np
import pytest

from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools.forestry.allometry import AllometricModel, model, packaged_models
from ccer_calc.tools.forestry.defaults import tool_default, tool_defaults
from ccer_calc.tools.forestry.growth import (
    NOT_UNCERTAINTY_CONTROLLED,
    chapman_richards,
    cohort_stock,
    yield_table_value,
)
from ccer_calc.tools.forestry.species import packaged_example_species
from ccer_calc.units import Quantity

RTOL = 1e-12


def test_chapman_richards_by_hand():
    y = chapman_richards(age=Quantity(np.array([-1.0, 0.0, 5.0, 30.0]), "yr"),
                         asymptote=Quantity(180.0, "t/ha"), growth_rate=Quantity(0.08, "1/yr"),
                         shape=Quantity(1.7, ""))
    expected = [0.0, 0.0, 180 * (1 - math.exp(-0.4)) ** 1.7, 180 * (1 - math.exp(-2.4)) ** 1.7]
    np.testing.assert_allclose(y.quantity.m_as("t/ha"), expected, rtol=RTOL)


def test_chapman_richards_in_volume():
    y = chapman_richards(age=Quantity(10, "yr"), asymptote=Quantity(400.0, "m^3/ha"),
                         growth_rate=Quantity(0.1, "1/yr"), shape=Quantity(3.0, ""))
    assert y.quantity.m_as("m^3/ha") == pytest.approx(400 * (1 - math.exp(-1)) ** 3, rel=RTOL)


def test_chapman_richards_refuses_a_negative_rate():
    with pytest.raises(InputError, match="must be positive"):
        chapman_richards(age=Quantity(10, "yr"), asymptote=Quantity(400.0, "t/ha"),
                         growth_rate=Quantity(-0.1, "1/yr"), shape=Quantity(3.0, ""))


def test_yield_table_interpolates_and_never_extrapolates():
    args = {"table_age": Quantity(np.array([0.0, 5, 10, 20]), "yr"),
            "table_value": Quantity(np.array([0.0, 12, 45, 110]), "t/ha")}
    y = yield_table_value(age=Quantity(np.array([2.5, 15.0]), "yr"), **args)
    np.testing.assert_allclose(y.quantity.m_as("t/ha"), [6.0, 77.5], rtol=RTOL)
    with pytest.raises(InputError, match="no extrapolation"):
        yield_table_value(age=Quantity(21.0, "yr"), **args)
    with pytest.raises(InputError, match="strictly"):
        yield_table_value(age=Quantity(1.0, "yr"), table_age=Quantity(np.array([0, 5, 5]), "yr"),
                          table_value=Quantity(np.array([0.0, 1, 2]), "t/ha"))


def test_cohorts_and_the_para_48_note():
    # AR-TOOL14 v04.2 para. 46: B_TREE,t = Σ_c A_c × y_c; 20 × 10 + 30 × 5 + 40 × 2 = 430 t
    b = cohort_stock(biomass_per_ha=Quantity(np.array([[10.0, 5.0, 2.0], [12.0, 0.0, 3.0]]),
                                             "t/ha"),
                     cohort_area=Quantity(np.array([20.0, 30.0, 40.0]), "ha"))
    np.testing.assert_allclose(b.quantity.m_as("t"), [430.0, 360.0], rtol=RTOL)
    with pytest.raises(InputError, match="one area per planting cohort"):
        cohort_stock(biomass_per_ha=Quantity(np.array([[10.0, 5.0]]), "t/ha"),
                     cohort_area=Quantity(np.array([20.0]), "ha"))
    assert "para. 48" in NOT_UNCERTAINTY_CONTROLLED
    assert "not subject to uncertainty control" in NOT_UNCERTAINTY_CONTROLLED


def test_chapman_richards_is_declared_as_the_tool_admits_it():
    # the function is Richards (1959) / Chapman (1961); AR-TOOL14 v04.2 para. 47 admits yield
    # curves for the projection of para. 45, so the trail cites the tool's paragraph
    meta = chapman_richards.meta
    assert (meta.id, meta.document) == ("AR-TOOL14 para. 47 (Chapman-Richards)",
                                        "AR-TOOL14 v04.2")
    assert "Richards, F.J. (1959)" in meta.source and "Chapman, D.G. (1961)" in meta.source
    assert "para. 47" in meta.source and "para. 48" in meta.source


@pytest.mark.parametrize(("form", "coef", "x", "h", "wd", "expected"), [
    ("power", {"a": 0.1, "b": 2.4}, 20.0, 1.0, 1.0, 0.1 * 20**2.4),
    ("power_height", {"a": 6e-5, "b": 1.9, "c": 0.95}, 20.0, 15.0, 1.0, 6e-5 * 20**1.9 * 15**0.95),
    ("power_d2h", {"a": 0.05, "b": 0.9}, 20.0, 15.0, 1.0, 0.05 * (400 * 15) ** 0.9),
    ("power_wd_d2h", {"a": 0.0673, "b": 0.976}, 20.0, 15.0, 0.6,
     0.0673 * (0.6 * 400 * 15) ** 0.976),
    ("loglog", {"a": -2.0, "b": 2.5, "c": 1.02}, 20.0, 1.0, 1.0,
     1.02 * math.exp(-2.0 + 2.5 * math.log(20))),
    ("loglog_d2h", {"a": -2.5, "b": 0.95}, 20.0, 15.0, 1.0, math.exp(-2.5 + 0.95 * math.log(6000))),
    ("polynomial", {"a": 1.0, "b": 0.5, "c": 0.2, "d": 0.01}, 20.0, 1.0, 1.0,
     1 + 10 + 80 + 80),
])
def test_every_form_by_hand_in_the_models_units(form, coef, x, h, wd, expected):  # noqa: PLR0917
    m = AllometricModel("t", "aboveground_biomass", form, coef, "cm", "kg", 1.0, 100.0, "test",
                        "illustrative")
    out = m.evaluate(Quantity(np.array([x * 10]), "mm"), Quantity(np.array([h]), "m"),
                     Quantity(wd * 1000, "kg/m^3"))
    assert out.m_as("kg")[0] == pytest.approx(expected, rel=RTOL)


def test_log10_base():
    m = AllometricModel("t", "aboveground_biomass", "loglog", {"a": -1.0, "b": 2.0}, "cm", "kg",
                        1.0, 100.0, "test", "illustrative", log_base=10.0)
    assert m.evaluate(Quantity(np.array([10.0]), "cm")).m_as("kg")[0] == pytest.approx(10.0,
                                                                                       rel=RTOL)


def test_model_definition_errors():
    with pytest.raises(InputError, match="unknown model form"):
        AllometricModel("x", "aboveground_biomass", "exp", {"a": 1.0}, "cm", "kg", 1, 2, "", "")
    with pytest.raises(InputError, match="missing coefficients"):
        AllometricModel("x", "aboveground_biomass", "power", {"a": 1.0}, "cm", "kg", 1, 2, "", "")
    with pytest.raises(InputError, match="does not fit the model kind"):
        AllometricModel("x", "stem_volume", "power", {"a": 1.0, "b": 2.0}, "cm", "kg", 1, 2, "", "")
    with pytest.raises(DataNotFound, match="unknown allometric model"):
        model(packaged_models(), "nope")


def test_negative_result_names_the_row():
    m = AllometricModel("poly", "aboveground_biomass", "polynomial", {"a": -5.0, "b": 1.0}, "cm",
                        "kg", 1.0, 100.0, "test", "illustrative")
    with pytest.raises(InputError, match=r"trees.csv: line 3: result of model poly"):
        m.evaluate(Quantity(np.array([10.0, 2.0]), "cm"), lines=np.array([2, 3]),
                   source="trees.csv")


def test_packaged_models_and_species_carry_their_status():
    models = packaged_models()
    assert models["chave2014_eq4"].status == "secondary"
    assert "Chave" in models["chave2014_eq4"].source
    assert math.isinf(models["chave2014_eq4"].x_max)
    assert all(m.status == "illustrative" for k, m in models.items() if k.startswith("example"))
    sp = packaged_example_species()
    assert set(sp.status) == {"illustrative"}
    sp.check_complete(range(len(sp)), models)


def test_chave_2014_eq4_through_the_catalogue():
    # Chave et al. 2014 eq. 4: AGB [kg] = 0.0673 × (WD D² H)^0.976, WD in g/cm³, D cm, H m
    m = packaged_models()["chave2014_eq4"]
    out = m.evaluate(Quantity(np.array([25.0]), "cm"), Quantity(np.array([18.0]), "m"),
                     Quantity(0.55, "t/m^3"))
    assert out.m_as("kg")[0] == pytest.approx(0.0673 * (0.55 * 625 * 18) ** 0.976, rel=RTOL)


def test_species_overrides_replace_and_add_rows():
    sp = packaged_example_species()
    mine = sp.with_overrides(sp)
    assert mine.names == sp.names
    other = type(sp)(**{**sp.__dict__, "names": ("example_conifer", "new_a", "new_b", "new_c")})
    merged = sp.with_overrides(other)
    assert merged.names == ("example_broadleaf", "example_tropical", "example_mangrove",
                            "example_conifer", "new_a", "new_b", "new_c")
    with pytest.raises(DataNotFound, match="species has no parameters"):
        sp.index("Cunninghamia lanceolata")


@pytest.mark.parametrize(("tool", "name", "value", "unit"), [
    ("AR-TOOL14", "carbon_fraction_tree", 0.47, "t C/t"),
    ("AR-TOOL14", "root_shoot_ratio_baseline_tree", 0.25, ""),
    ("AR-TOOL14", "root_shoot_ratio_shrub", 0.40, ""),
    ("AR-TOOL14", "shrub_biomass_ratio", 0.10, ""),
    ("AR-TOOL14", "biomass_expansion_factor_ex_post", 1.15, ""),
    ("AR-TOOL14", "baseline_steady_state_year", 20, "yr"),
    ("AR-TOOL12", "carbon_fraction_tree", 0.5, "t C/t"),
    ("AR-TOOL12", "carbon_fraction_litter", 0.37, "t C/t"),
    ("AR-TOOL16", "soc_rate_cap", 0.8, "t C/ha/yr"),
    ("AR-TOOL08", "biomass_expansion_factor_harvest", 1.25, ""),
    ("AR-TOOL08", "harvest_residue_fraction_tropical", 0.25, ""),
    ("AR-TOOL15", "carbon_fraction", 0.47, "t C/t")])
def test_published_defaults_read_back(tool, name, value, unit):
    v = tool_default(tool, name)
    assert v.quantity.m_as(unit) == pytest.approx(value, rel=RTOL)
    assert v.origin == "default" and v.ref.startswith(tool)


def test_every_default_is_verified_and_cites_its_tool():
    for d in tool_defaults():
        assert d.status == "verified"
        assert d.source.startswith(d.tool)


def test_unknown_default_lists_the_names():
    with pytest.raises(DataNotFound, match="carbon_fraction_tree"):
        tool_default("AR-TOOL14", "nope")
