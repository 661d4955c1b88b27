"""The AR-TOOL14 v04.2 pipeline from tree records to a conservative tree carbon stock.

1. Above-ground biomass of every living tree from its species' model (allometric f_j, or
   stem volume × D_j × BEF_2,j), evaluated model by model on whole arrays.
2. Root-shoot ratio per tree: the species' fixed R_j, or the function of App. 1 para. 5 of
   the above-ground biomass per hectare of the tree's plot (default) or of its stratum mean.
   That biomass per hectare is App. 1 eq. (3), (2), (1) applied to above-ground biomass
   (trail instance ``above-ground``).
3. Tree biomass (App. 1 eq. 4 or 5), summed by species and plot (eq. 3), by plot (eq. 2) and
   divided by the plot area (eq. 1).
4. Stratified random sampling, eq. (16), (17), (14), (13), (12), and the uncertainty (15)
   with t_VAL at 90 % and n - M degrees of freedom.
5. Appendix 2: the conservative stock for the project or the baseline side.

Every step is a recorded equation when a trail is given; ``instance`` labels one stock
estimate among several in a trail (``"t1"``, ``"t2"``...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry.allometry import AllometricModel
from ccer_calc.tools.forestry.defaults import tool_default
from ccer_calc.tools.forestry.records import Inventory
from ccer_calc.tools.forestry.species import SpeciesTable
from ccer_calc.tools.forestry.tool14_biomass import (
    plot_biomass_per_hectare,
    plot_tree_biomass,
    root_shoot_ratio_function,
    species_plot_biomass,
    tree_biomass_allometric,
    tree_biomass_volume,
)
from ccer_calc.tools.forestry.tool14_change import (
    carbon_stock_change,
    change_uncertainty_two_stocks,
)
from ccer_calc.tools.forestry.tool14_discount import (
    conservative_baseline_value,
    conservative_project_value,
    discount_fraction,
)
from ccer_calc.tools.forestry.tool14_sampling import (
    mean_biomass_per_hectare,
    plots_per_stratum,
    sampling_t_value,
    stock_uncertainty,
    stratum_biomass_variance,
    stratum_mean_biomass,
    total_tree_biomass,
    tree_carbon_stock,
)
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

__all__ = ["PlotBiomass", "StockChange", "TreeStock", "plot_biomass", "stock_difference",
           "tree_stock"]

Arr = np.ndarray[Any, np.dtype[Any]]
Scenario = Literal["project", "baseline"]


@dataclass(frozen=True)
class PlotBiomass:
    """Plot biomass values and the per-tree intermediates behind them."""

    plot_biomass: Value
    aboveground_per_ha: Value
    tree_biomass: Value
    root_shoot_ratio: Value


@dataclass(frozen=True)
class TreeStock:
    """A tree carbon stock by stratified random sampling, with its uncertainty and discount."""

    date: dt.date
    plots: PlotBiomass
    stratum_mean: Value
    stratum_variance: Value
    plots_per_stratum: Value
    mean_biomass: Value
    tree_biomass: Value
    carbon_stock: Value
    t_value: Value
    uncertainty: Value
    discount_share: float
    conservative_stock: Value
    scenario: Scenario


def _label(instance: str, step: str = "") -> str:
    return " ".join(x for x in (instance, step) if x)


def _species_map(inventory: Inventory, species: SpeciesTable) -> Arr:
    """Position in ``species`` of each inventory species; a missing one names its tree row."""
    out = np.empty(len(inventory.species_names), dtype=np.intp)
    for k, name in enumerate(inventory.species_names):
        if name not in species.names:
            used = np.flatnonzero(inventory.trees.species == k)
            where = inventory.trees.where(int(used[0])) if used.size else "species"
            raise InputError("species has no parameters and no override", field=where,
                             value=name, expected="a row for it in the species parameters")
        out[k] = species.names.index(name)
    return out


def _aboveground(
    inventory: Inventory, species: SpeciesTable, models: dict[str, AllometricModel], sp: Arr,
) -> tuple[Arr, Arr]:
    """Above-ground biomass [t] and stem volume [m^3] (0 on the allometric route) per tree."""
    trees = inventory.trees
    agb, vol = np.zeros(len(trees)), np.zeros(len(trees))
    for j in np.unique(sp):
        mask = sp == j
        volume = species.route[j] == "volume"
        mid = species.volume_model[j] if volume else species.biomass_model[j]
        lines = None if trees.lines is None else trees.lines[mask]
        out = models[mid].evaluate(
            trees.diameter[mask], trees.height[mask],
            Quantity(species.wood_density[j], "t/m^3"), lines=lines, source=trees.source)
        if volume:
            vol[mask] = out.m_as("m^3")
            agb[mask] = vol[mask] * species.wood_density[j] * species.biomass_expansion_factor[j]
        else:
            agb[mask] = out.m_as("t")
    return agb, vol


def _root_shoot(
    inventory: Inventory, species: SpeciesTable, sp: Arr, agb: Arr, *,
    level: Literal["plot", "stratum"], trail: Trail | None, instance: str,
) -> tuple[Arr, Value]:
    trees, plots = inventory.trees, inventory.plots
    n_p, n_j = len(plots.ids), len(species)
    agb_v = Value("f_j / V×D×BEF", Quantity(agb, "t"), "computed",
                  "above-ground biomass per tree from its species' model")
    kw: dict[str, Any] = {"trail": trail, "instance": _label(instance, "above-ground")}
    by_sp = species_plot_biomass(tree_biomass=agb_v, plot_index=Quantity(trees.plot, ""),
                                 species_index=Quantity(sp, ""), plot_count=Quantity(n_p, ""),
                                 species_count=Quantity(n_j, ""), **kw)
    per_ha = plot_biomass_per_hectare(plot_tree_biomass=plot_tree_biomass(
        species_plot_biomass=by_sp, **kw), plot_area=Value(
            "A_PLOT,i", plots.area, "monitored", plots.source), **kw)
    ratio = np.asarray(species.root_shoot_ratio, dtype=np.float64)[sp]
    uses_fn = species.uses_root_shoot_function()[sp]
    if uses_fn.any():
        b = np.asarray(per_ha.quantity.m_as("t/ha"))
        if level == "stratum":
            m = len(inventory.strata.ids)
            b = (np.bincount(plots.stratum, weights=b, minlength=m)
                 / np.bincount(plots.stratum, minlength=m))[plots.stratum]
        needed = np.unique(trees.plot[uses_fn])
        r_plot = np.zeros(n_p)
        r_plot[needed] = root_shoot_ratio_function(
            aboveground_biomass_per_ha=Value(f"b ({level})", Quantity(b[needed], "t/ha"),
                                             "computed", f"above-ground biomass per ha, {level}"),
            trail=trail, instance=instance).quantity.m_as("")
        ratio = np.where(uses_fn, r_plot[trees.plot], ratio)
    return ratio, per_ha


def plot_biomass(
    inventory: Inventory, species: SpeciesTable, models: dict[str, AllometricModel], *,
    trail: Trail | None = None, instance: str = "",
    root_shoot_level: Literal["plot", "stratum"] = "plot",
) -> PlotBiomass:
    """Plot biomass values b_TREE,p,i [t/ha] of the living trees (AR-TOOL14 App. 1).

    Raises
    ------
    InputError
        Naming the tree row of a species without parameters, a diameter outside its model's
        range, a missing height the model needs, or a species whose route lacks a parameter.
    """
    alive = inventory.trees.alive
    living = Inventory(inventory.strata, inventory.plots, inventory.trees.subset(alive),
                       inventory.species_names)
    trees = living.trees
    sp = _species_map(living, species)[trees.species]
    species.check_complete(np.unique(sp).tolist(), models)
    agb, vol = _aboveground(living, species, models, sp)
    ratio, per_ha = _root_shoot(living, species, sp, agb, level=root_shoot_level, trail=trail,
                                instance=instance)
    total = np.zeros(len(trees))
    kw: dict[str, Any] = {"trail": trail, "instance": instance}
    volume = np.array([species.route[j] == "volume" for j in range(len(species))],
                      dtype=bool)[sp]
    r_val = Value("R_j", Quantity(ratio, ""), "computed", "root-shoot ratio per tree")
    if (~volume).any():
        total[~volume] = tree_biomass_allometric(
            aboveground_biomass=Value("f_j(x)", Quantity(agb[~volume], "t"), "computed",
                                      "allometric model of each tree's species"),
            root_shoot_ratio=Value("R_j", Quantity(ratio[~volume], ""), "computed", ""),
            **kw).quantity.m_as("t")
    if volume.any():
        total[volume] = tree_biomass_volume(
            stem_volume=Value("V_TREE,j(x)", Quantity(vol[volume], "m^3"), "computed",
                              "volume model of each tree's species"),
            wood_density=Value("D_j", Quantity(species.wood_density[sp[volume]], "t/m^3"),
                               "project", "species parameters"),
            biomass_expansion_factor=Value(
                "BEF_2,j", Quantity(species.biomass_expansion_factor[sp[volume]], ""),
                "project", "species parameters"),
            root_shoot_ratio=Value("R_j", Quantity(ratio[volume], ""), "computed", ""),
            **kw).quantity.m_as("t")
    b_tree = Value("B_TREE,l,j,p,i", Quantity(total, "t"), "computed",
                   "AR-TOOL14 App. 1 (4) and (5)")
    n_p = len(living.plots.ids)
    by_sp = species_plot_biomass(tree_biomass=b_tree, plot_index=Quantity(trees.plot, ""),
                                 species_index=Quantity(sp, ""), plot_count=Quantity(n_p, ""),
                                 species_count=Quantity(len(species), ""), **kw)
    per_plot = plot_biomass_per_hectare(
        plot_tree_biomass=plot_tree_biomass(species_plot_biomass=by_sp, **kw),
        plot_area=Value("A_PLOT,i", living.plots.area, "monitored", living.plots.source), **kw)
    return PlotBiomass(per_plot, per_ha, b_tree, r_val)


def tree_stock(
    inventory: Inventory, species: SpeciesTable, models: dict[str, AllometricModel], *,
    scenario: Scenario = "project", carbon_fraction: Value | pint.Quantity | None = None,
    confidence: float | Value = 0.90, trail: Trail | None = None, instance: str = "",
    root_shoot_level: Literal["plot", "stratum"] = "plot", record_plots: bool = True,
) -> TreeStock:
    """Tree carbon stock C_TREE by stratified random sampling, with u_C and Appendix 2.

    ``carbon_fraction`` defaults to AR-TOOL14's CF_TREE = 0.47. The stock is dated by the last
    plot measurement (para. 31). Ex-post only: ex-ante projections use :mod:`.growth`.
    ``record_plots=False`` keeps the per-tree and per-plot steps of Appendix 1 out of the
    trail (a methodology's trail then starts at the stratum means, eq. 16-17, whose inputs
    are the plot values); ``confidence`` may be a parameter's Value (a fraction).

    Examples
    --------
    See ``tests/forestry/test_tool14_stock.py`` and ``benchmarks/bench_forestry.py``.
    """
    if scenario not in ("project", "baseline"):
        raise InputError("unknown scenario", field="scenario", value=scenario,
                         expected="project or baseline")
    plots = plot_biomass(inventory, species, models,
                         trail=trail if record_plots else None, instance=instance,
                         root_shoot_level=root_shoot_level)
    kw: dict[str, Any] = {"trail": trail, "instance": instance}
    m = len(inventory.strata.ids)
    per_plot = plots.plot_biomass
    if not record_plots:  # the plot values enter the trail as inputs, citing their source
        per_plot = Value(per_plot.symbol, per_plot.quantity, "computed",
                         f"AR-TOOL14 App. 1 (1)-(5): trees of {inventory.trees.source} "
                         f"in the plots of {inventory.plots.source}")
    ids = ", ".join(inventory.strata.ids)  # the trail cites the data, not a bare argument
    strat: dict[str, Any] = {"plot_biomass": per_plot,
             "plot_stratum": Value("plot_stratum", Quantity(inventory.plots.stratum, ""),
                                   "monitored", f"{inventory.plots.source}, column stratum, "
                                   f"as indices of the strata ({ids})"),
             "stratum_count": Value("stratum_count", Quantity(m, ""), "monitored",
                                    f"{inventory.strata.source}, number of strata ({ids})")}
    mean_i = stratum_mean_biomass(**strat, **kw)
    var_i = stratum_biomass_variance(**strat, **kw)
    n_i = plots_per_stratum(Quantity(inventory.plots.stratum, ""), m)
    area = Value("A_i", inventory.strata.area, "monitored", inventory.strata.source)
    b = mean_biomass_per_hectare(stratum_area=area, stratum_mean=mean_i, **kw)
    big_b = total_tree_biomass(stratum_area=area, mean_biomass=b, **kw)
    cf = carbon_fraction if carbon_fraction is not None else tool_default(
        "AR-TOOL14", "carbon_fraction_tree")
    c = tree_carbon_stock(carbon_fraction=cf, tree_biomass=big_b, **kw)
    level = (float(confidence.quantity.m_as("")) if isinstance(confidence, Value)
             else confidence)
    t = sampling_t_value(len(inventory.plots.ids), m, level)
    u = stock_uncertainty(t_value=t, stratum_area=area, stratum_variance=var_i,
                          plots_per_stratum=n_i, mean_biomass=b, **kw)
    conservative = (conservative_project_value if scenario == "project"
                    else conservative_baseline_value)
    c_cons = conservative(estimate=c, uncertainty=u, **kw)
    return TreeStock(inventory.date, plots, mean_i, var_i, n_i, b, big_b, c, t, u,
                     float(discount_fraction(float(u.quantity.m_as("")))), c_cons, scenario)


@dataclass(frozen=True)
class StockChange:
    """ΔC_TREE between two stock estimates (eq. 1), its uncertainty (eq. 2) and discount."""

    change: Value
    uncertainty: Value
    discount_share: float
    conservative_change: Value


def stock_difference(
    previous: TreeStock, current: TreeStock, *, trail: Trail | None = None, instance: str = "",
) -> StockChange:
    """Change by difference of two independent stock estimates, AR-TOOL14 section 6.1.

    The previous stock enters undiscounted, even when it was discounted at the previous
    verification (note 2 to eq. 1): ``previous.carbon_stock``, never its conservative value.
    The change is discounted by Appendix 2 on the side of ``current.scenario`` (para. 18).
    """
    kw: dict[str, Any] = {"trail": trail, "instance": instance}
    change = carbon_stock_change(stock_t2=current.carbon_stock, stock_t1=previous.carbon_stock,
                                 **kw)
    u = change_uncertainty_two_stocks(stock_t1=previous.carbon_stock,
                                      uncertainty_t1=previous.uncertainty,
                                      stock_t2=current.carbon_stock,
                                      uncertainty_t2=current.uncertainty, **kw)
    conservative = (conservative_project_value if current.scenario == "project"
                    else conservative_baseline_value)
    return StockChange(change, u, float(discount_fraction(float(u.quantity.m_as("")))),
                       conservative(estimate=change, uncertainty=u, **kw))
