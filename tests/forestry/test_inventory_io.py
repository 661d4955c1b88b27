"""Inventory CSV files (strata, plots, trees) and every refusal of issue 10, naming the row."""

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from ccer_calc.errors import InputError, UnitError
from ccer_calc.io.inventory import (
    read_inventory,
    read_models,
    read_remeasured_plots,
    read_species,
    read_strata,
)
from ccer_calc.tools.forestry.allometry import packaged_models
from ccer_calc.tools.forestry.species import packaged_example_species
from ccer_calc.tools.forestry.tool14_stock import tree_stock
from ccer_calc.units import Quantity

STRATA = "stratum,area [ha]\nA,12.5\nB,7.5\n"
PLOTS = ("plot,stratum,area [m^2],date\n"
         "p1,A,400,2024-04-02\np2,A,400,2024-04-03\np3,B,400,2024-04-05\np4,B,400,2024-04-09\n")
TREES = ("plot,species,diameter [cm],height [m],status,dead_class\n"
         "p1,example_broadleaf,12.5,,alive,\n"
         "p1,example_conifer,18.0,14.2,alive,\n"
         "p2,example_broadleaf,22.0,,alive,\n"
         "p3,example_mangrove,8.0,,alive,\n"
         "p3,example_mangrove,6.5,,dead,leaves_twigs\n"
         "p4,example_mangrove,11.0,,alive,\n")


def _write(tmp_path: Path, strata=STRATA, plots=PLOTS, trees=TREES):
    paths = []
    for name, text in (("strata.csv", strata), ("plots.csv", plots), ("trees.csv", trees)):
        p = tmp_path / name
        p.write_text(text, "utf-8")
        paths.append(p)
    return paths


def _read(tmp_path, **kw):
    texts = {k: kw.pop(k) for k in ("strata", "plots", "trees") if k in kw}
    return read_inventory(*_write(tmp_path, **texts), **kw)


def test_reads_columns_with_their_units(tmp_path):
    inv = _read(tmp_path, species=packaged_example_species(), models=packaged_models())
    assert inv.strata.ids == ("A", "B")
    np.testing.assert_allclose(inv.plots.area.m_as("ha"), [0.04] * 4)
    assert inv.plots.stratum.tolist() == [0, 0, 1, 1]
    assert inv.trees.alive.tolist() == [True, True, True, True, False, True]
    assert inv.trees.dead_class.tolist() == [0, 0, 0, 0, 1, 0]
    assert np.isnan(inv.trees.height.m_as("m")[0])
    assert inv.trees.lines.tolist() == [2, 3, 4, 5, 6, 7]
    assert inv.date == dt.date(2024, 4, 9)
    stock = tree_stock(inv, packaged_example_species(), packaged_models())
    assert stock.carbon_stock.quantity.m_as("t CO2") > 0


def test_diameter_in_mm_is_converted_once_per_column(tmp_path):
    trees = TREES.replace("diameter [cm]", "diameter [mm]").replace(",12.5,", ",125,")
    trees = trees.replace(",18.0,", ",180,").replace(",22.0,", ",220,").replace(",8.0,", ",80,")
    trees = trees.replace(",6.5,", ",65,").replace(",11.0,", ",110,")
    inv = _read(tmp_path, trees=trees)
    np.testing.assert_allclose(inv.trees.diameter.m_as("cm"), [12.5, 18, 22, 8, 6.5, 11])


def test_plot_in_no_stratum(tmp_path):
    with pytest.raises(InputError, match=r"plots.csv: line 4, column stratum: plot in no stratum"):
        _read(tmp_path, plots=PLOTS.replace("p3,B", "p3,C"))


def test_stratum_with_fewer_than_two_plots(tmp_path):
    plots = PLOTS.replace("p4,B,400,2024-04-09\n", "")
    with pytest.raises(InputError, match=r"strata.csv: line 3: stratum has fewer than two"):
        _read(tmp_path, plots=plots, trees=TREES.replace("p4,", "p3,"))


@pytest.mark.parametrize(("where", "old", "new", "pattern"), [
    ("trees", "p2,example_broadleaf,22.0", "p2,example_broadleaf,-22.0",
     r"trees.csv: line 4: diameter must be positive"),
    ("trees", "p2,example_broadleaf,22.0", "p2,example_broadleaf,0",
     r"trees.csv: line 4: diameter must be positive"),
    ("trees", "18.0,14.2", "18.0,0", r"trees.csv: line 3: height must be positive"),
    ("plots", "p2,A,400", "p2,A,0", r"plots.csv: line 3: plot area must be positive"),
    ("strata", "B,7.5", "B,-7.5", r"strata.csv: line 3: stratum area must be positive"),
])
def test_negative_or_zero_values(tmp_path, where, old, new, pattern):
    texts = {"strata": STRATA, "plots": PLOTS, "trees": TREES}
    texts[where] = texts[where].replace(old, new)
    with pytest.raises(InputError, match=pattern):
        _read(tmp_path, **texts)


def test_plot_areas_summing_past_the_stratum(tmp_path):
    with pytest.raises(InputError, match=r"strata.csv: line 3: plot areas sum past the stratum"):
        _read(tmp_path, strata=STRATA.replace("B,7.5", "B,0.07"))


def test_strata_not_matching_the_project_area(tmp_path):
    _read(tmp_path, project_area=Quantity(20.0, "ha"))
    with pytest.raises(InputError, match=r"strata areas do not add up to the project area.*20 ha"):
        _read(tmp_path, project_area=Quantity(21.0, "ha"))


def test_species_without_parameters(tmp_path):
    trees = TREES.replace("p4,example_mangrove", "p4,Pinus massoniana")
    with pytest.raises(InputError, match=r"trees.csv: line 7: species has no parameters.*Pinus"):
        _read(tmp_path, trees=trees, species=packaged_example_species())


def test_diameter_outside_the_model_range(tmp_path):
    trees = TREES.replace("p2,example_broadleaf,22.0", "p2,example_broadleaf,61.0")
    with pytest.raises(InputError, match=r"trees.csv: line 4: diameter outside the valid range.*"
                                         r"2 to 60 cm \(model example_power_agb"):
        _read(tmp_path, trees=trees, species=packaged_example_species(), models=packaged_models())


def test_measurement_after_the_period(tmp_path):
    with pytest.raises(InputError, match=r"plots.csv: line 5: measurement date after the end"):
        _read(tmp_path, period_end=dt.date(2024, 4, 8))


def test_remeasured_plots_out_of_order(tmp_path):
    strata = read_strata(_write(tmp_path)[0])
    first = tmp_path / "plots.csv"
    second = tmp_path / "plots2.csv"
    second.write_text(PLOTS.replace("2024-04-03", "2029-04-03").replace("2024-04-02", "2029-04-02")
                      .replace("2024-04-05", "2029-04-05").replace("2024-04-09", "2023-04-09"))
    with pytest.raises(InputError, match=r"plots2.csv: line 5: measurement dates out of order"):
        read_remeasured_plots(first, second, strata)
    second.write_text(PLOTS.replace("2024", "2029"))
    _, _, order = read_remeasured_plots(first, second, strata)
    assert order.tolist() == [0, 1, 2, 3]


def test_tree_in_an_unknown_plot_and_bad_status(tmp_path):
    with pytest.raises(InputError, match=r"trees.csv: line 7, column plot: tree in an unknown"):
        _read(tmp_path, trees=TREES.replace("p4,example_mangrove", "p9,example_mangrove"))
    with pytest.raises(InputError, match=r"trees.csv: line 2, column status: unknown tree status"):
        _read(tmp_path, trees=TREES.replace("12.5,,alive", "12.5,,living"))
    with pytest.raises(InputError, match=r"trees.csv: line 3, column dead_class"):
        _read(tmp_path, trees=TREES.replace("14.2,alive,", "14.2,alive,leaves_twigs"))


def test_unreadable_cells_name_their_line(tmp_path):
    with pytest.raises(InputError, match=r"trees.csv: line 5, column diameter: not a number"):
        _read(tmp_path, trees=TREES.replace(",8.0,", ",8x,"))
    with pytest.raises(InputError, match=r"plots.csv: line 3, column date: not a date"):
        _read(tmp_path, plots=PLOTS.replace("2024-04-03", "2024-13-03"))
    with pytest.raises(UnitError, match=r"wrong unit in CSV header"):
        _read(tmp_path, trees=TREES.replace("diameter [cm]", "diameter [kg]"))
    with pytest.raises(InputError, match=r"trees.csv: line 3: wrong number of cells"):
        _read(tmp_path, trees=TREES.replace("14.2,alive,", "14.2,alive"))
    with pytest.raises(InputError, match=r"duplicate plot id"):
        _read(tmp_path, plots=PLOTS.replace("p2,A", "p1,A"))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_strata(tmp_path / "nope.csv")


def test_user_species_and_models_files(tmp_path):
    sp = tmp_path / "species.csv"
    sp.write_text("species,route,biomass_model,root_shoot_method,root_shoot_ratio,source,status\n"
                  "my_oak,allometric,oak_model,fixed,0.3,my source,project\n", "utf-8")
    mo = tmp_path / "models.csv"
    mo.write_text("model,kind,form,a,b,x_unit,output_unit,x_min,x_max,source,status\n"
                  "oak_model,aboveground_biomass,power,0.12,2.3,cm,kg,5,80,my paper,project\n")
    species, models = read_species(sp), read_models(mo)
    species.check_complete([0], models)
    assert models["oak_model"].evaluate(Quantity(np.array([10.0]), "cm")).m_as("kg")[0] == \
        pytest.approx(0.12 * 10**2.3, rel=1e-12)
    sp.write_text("species,route,root_shoot_method,source,status\n"
                  "my_oak,allometric,guess,s,p\n", "utf-8")
    with pytest.raises(InputError, match=r"species.csv: line 2, column root_shoot_method"):
        read_species(sp)


def test_comments_blank_lines_and_quotes_keep_the_line_numbers(tmp_path):
    trees = ("# field sheet 12\nplot,species,diameter [cm],height [m],status\n\n"
             'p1,"example_broadleaf",12.5,,alive\n'
             "p1 , example_conifer , 18.0 , 14.2 , alive\n"
             "p2,example_broadleaf,22.0,,alive\n# a remark\n"
             "p3,example_mangrove,8.0,,alive\np4,example_mangrove,-1,,alive\n")
    with pytest.raises(InputError, match=r"trees.csv: line 9: diameter must be positive"):
        _read(tmp_path, trees=trees)
    inv = _read(tmp_path, trees=trees.replace(",-1,", ",11,"))
    assert inv.trees.lines.tolist() == [4, 5, 6, 8, 9]
    assert inv.species_names == ("example_broadleaf", "example_conifer", "example_mangrove")
    np.testing.assert_allclose(inv.trees.height.m_as("m")[1], 14.2)


def test_quoted_cells_with_commas_are_one_cell(tmp_path):
    sp = tmp_path / "species.csv"
    sp.write_text("species,route,biomass_model,root_shoot_method,root_shoot_ratio,source,status\n"
                  'oak,allometric,m,fixed,0.3,"Smith, J. (2020), table 3",project\n', "utf-8")
    assert read_species(sp).source == ("Smith, J. (2020), table 3",)
    sp.write_text("species,route,biomass_model,root_shoot_method,root_shoot_ratio,source,status\n"
                  'oak,allometric,m,fixed,0.3,"Smith, J.",project,extra\n', "utf-8")
    with pytest.raises(InputError, match=r"species.csv: line 2: wrong number of cells"):
        read_species(sp)


def test_empty_csv_and_missing_column(tmp_path):
    with pytest.raises(InputError, match="CSV is empty"):
        _read(tmp_path, strata="# nothing\n\n")
    with pytest.raises(InputError, match=r"CSV lacks a column.*status"):
        _read(tmp_path, trees=TREES.replace(",status,", ",state,"))
