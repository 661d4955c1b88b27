"""Grid emission factor from plant data (CDM TOOL07): simple OM options A and B, BM, weights.

The CCER energy methodologies take the OM and BM that MEE publishes (see
:mod:`ccer_calc.tools.grid_emission_factor`); this module computes them from plant or unit data
for methodologies and projects that have no published factor (CDM ACM0002 outside China, or a
cross-check of a published one). The combined margin itself is
:func:`ccer_calc.tools.grid_emission_factor.combined_margin_factor` (W3) with the weights of
:data:`TOOL07_WEIGHTS`; it is not repeated here.

Every equation is vectorised with numpy over plants (or units) and fuels: the last axis of a
fuel array is the fuel axis i, the axis before it the plant/unit axis; leading axes (years) are
kept. Reproducing a published MEE factor needs the plant data behind it, which is not available
offline, so no test here claims to reproduce one; the tests use numbers worked by hand.

TOOL07's text was not readable when the reference brief was compiled: the equations below are
from background knowledge of the tool (tagged [U], brief §6.2) and the weights are confirmed only
indirectly by arithmetic on a CDM standardized baseline (research note other_facts.md).
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Parameter, ParameterSet

__all__ = [
    "TOOL07_WEIGHTS",
    "build_margin_emission_factor",
    "build_margin_sample_group",
    "generation_weighted_operating_margin",
    "simple_om_applicable",
    "simple_operating_margin_option_a",
    "simple_operating_margin_option_b",
    "tool07_weight_names",
    "unit_emission_factor_option_a1",
]

_TOOL07 = "CDM TOOL07 (Tool to calculate the emission factor for an electricity system)"
_U = "[U: written from background knowledge of TOOL07, not checked against the text]"
_EF = "t CO2/MWh"
#: Share of generation from low-cost/must-run sources below which the simple OM may be used.
LCMR_LIMIT = 0.5


def _weight(name: str, symbol: str, value: float, case: str) -> Parameter:
    return Parameter(
        name=name, symbol=symbol, unit="dimensionless",
        description_zh=f"{'电量' if symbol == 'w_OM' else '容量'}边际排放因子权重（{case}）",
        description_en=f"weight of the {'operating' if symbol == 'w_OM' else 'build'} margin "
                       f"({case})",
        source=f"{_TOOL07}, combined margin weights, {case}; [U] confirmed only indirectly by "
               "arithmetic on CDM standardized baseline ASB0038 (research note other_facts.md)",
        kind="fixed", default=value, overridable=True)


#: TOOL07 default weights: wind and solar 0.75/0.25 in every crediting period; other projects
#: 0.5/0.5 in the first crediting period (0.25/0.75 in later ones, not tabulated here).
TOOL07_WEIGHTS = ParameterSet((
    _weight("om_weight_wind_solar", "w_OM", 0.75, "wind and solar, all crediting periods"),
    _weight("bm_weight_wind_solar", "w_BM", 0.25, "wind and solar, all crediting periods"),
    _weight("om_weight_other", "w_OM", 0.5, "other projects, first crediting period"),
    _weight("bm_weight_other", "w_BM", 0.5, "other projects, first crediting period"),
))


def tool07_weight_names(technology: str) -> tuple[str, str]:
    """Names in :data:`TOOL07_WEIGHTS` of the OM and BM weights for a technology."""
    if technology in ("wind", "solar"):
        return "om_weight_wind_solar", "bm_weight_wind_solar"
    return "om_weight_other", "bm_weight_other"


def _nonnegative(q: pint.Quantity, name: str) -> np.ndarray:
    mag = np.asarray(q.magnitude, dtype=np.float64)
    if np.any(mag < 0):
        raise InputError("negative value", field=name, value=float(mag[mag < 0].flat[0]),
                         expected=f"{name} >= 0 (net generation and fuel use are never "
                                  "negative)")
    return mag


def _positive_total(total: pint.Quantity, name: str) -> None:
    if np.any(np.asarray(total.magnitude) <= 0):
        raise InputError("total generation is zero", field=name,
                         expected="at least one plant with generation > 0")


def _generation_weighted(factor: pint.Quantity, generation: pint.Quantity) -> pint.Quantity:
    """Σ EG × EF / Σ EG over the last axis, refusing negative or all-zero generation."""
    _nonnegative(generation, "electricity_generation")
    total = generation.sum(axis=-1)
    _positive_total(total, "electricity_generation")
    return (factor * generation).sum(axis=-1) / total


@equation(
    id="TOOL07 OM-B",
    symbol="EF_grid,OMsimple,y",
    formula="EF_grid,OMsimple,y = Σ_i FC_i,y × NCV_i,y × EF_CO2,i,y / EG_y (non-LCMR plants)",
    source=f"{_TOOL07}, simple OM, option B {_U}",
    inputs={"fuel_consumed": "t", "net_calorific_value": "GJ/t",
            "co2_emission_factor": "t CO2/GJ", "electricity_generation": "MWh",
            "low_cost_must_run": "dimensionless"},
    output=_EF,
    alternative_units={"fuel_consumed": ("万Nm3",), "net_calorific_value": ("GJ/万Nm3",)},
    description="simple operating margin from system fuel use and generation",
)
def simple_operating_margin_option_b(
    fuel_consumed: pint.Quantity,
    net_calorific_value: pint.Quantity,
    co2_emission_factor: pint.Quantity,
    electricity_generation: pint.Quantity,
    low_cost_must_run: pint.Quantity,
) -> pint.Quantity:
    r"""Simple operating margin from fuel use and net generation of the system's plants.

    Parameters
    ----------
    fuel_consumed : Quantity
        Fuel i burned by each plant k, FC_k,i,y, shape (..., plants, fuels) [t]; all in 万Nm3
        with NCV per 万Nm3 for an all-gas array.
    net_calorific_value : Quantity
        NCV_i,y of each fuel, shape (..., fuels) [GJ/t].
    co2_emission_factor : Quantity
        EF_CO2,i,y of each fuel, shape (..., fuels) [t CO2/GJ].
    electricity_generation : Quantity
        Net electricity each plant supplies to the grid, EG_k,y, shape (..., plants) [MWh].
    low_cost_must_run : Quantity
        1 for a low-cost/must-run plant (hydro, geothermal, wind, low-cost biomass, nuclear,
        solar), else 0, shape (..., plants) [dimensionless]; such plants are left out.

    Returns
    -------
    Quantity
        EF_grid,OMsimple,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If a generation or fuel value is negative, or the non-LCMR plants generate nothing.

    Notes
    -----
    .. math:: EF_{grid,OMsimple,y} = \frac{\sum_i FC_{i,y} \, NCV_{i,y} \, EF_{CO2,i,y}}{EG_y}
       \tag{TOOL07 OM-B}

    with FC_i,y and EG_y summed over the plants that are not low-cost/must-run.

    References
    ----------
    CDM TOOL07, simple OM, option B (system data). [U] Not checked against the TOOL07 text.
    MEE computes the Chinese regional OM this way for six grids (reference brief §6.2, [S]).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = simple_operating_margin_option_b(
    ...     fuel_consumed=Quantity(np.array([[1000.0, 0.0], [0.0, 200.0], [0.0, 0.0]]), "t"),
    ...     net_calorific_value=Quantity(np.array([20.0, 40.0]), "GJ/t"),
    ...     co2_emission_factor=Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ"),
    ...     electricity_generation=Quantity(np.array([2000.0, 800.0, 5000.0]), "MWh"),
    ...     low_cost_must_run=Quantity(np.array([0.0, 0.0, 1.0]), ""))
    >>> round(float(ef.quantity.magnitude), 6)
    0.896857
    """
    _nonnegative(fuel_consumed, "fuel_consumed")
    _nonnegative(electricity_generation, "electricity_generation")
    keep = 1 - low_cost_must_run
    heat_co2 = (fuel_consumed * (net_calorific_value * co2_emission_factor)[..., None, :])
    emissions = (heat_co2.sum(axis=-1) * keep).sum(axis=-1)
    generation = (electricity_generation * keep).sum(axis=-1)
    _positive_total(generation, "electricity_generation")
    return emissions / generation


@equation(
    id="TOOL07 OM-A1",
    symbol="EF_EL,m,y",
    formula="EF_EL,m,y = Σ_i FC_i,m,y × NCV_i,y × EF_CO2,i,y / EG_m,y",
    source=f"{_TOOL07}, simple OM, option A1 {_U}",
    inputs={"fuel_consumed": "t", "net_calorific_value": "GJ/t",
            "co2_emission_factor": "t CO2/GJ", "electricity_generation": "MWh"},
    output=_EF,
    alternative_units={"fuel_consumed": ("万Nm3",), "net_calorific_value": ("GJ/万Nm3",)},
    description="CO2 emission factor of each power unit from its fuel use",
)
def unit_emission_factor_option_a1(
    fuel_consumed: pint.Quantity,
    net_calorific_value: pint.Quantity,
    co2_emission_factor: pint.Quantity,
    electricity_generation: pint.Quantity,
) -> pint.Quantity:
    r"""CO2 emission factor of each power unit m from its fuel consumption (option A1).

    Parameters
    ----------
    fuel_consumed : Quantity
        Fuel i burned by unit m, FC_i,m,y, shape (..., units, fuels) [t].
    net_calorific_value : Quantity
        NCV_i,y of each fuel, shape (..., fuels) [GJ/t].
    co2_emission_factor : Quantity
        EF_CO2,i,y of each fuel, shape (..., fuels) [t CO2/GJ].
    electricity_generation : Quantity
        Net electricity generated by each unit, EG_m,y, shape (..., units) [MWh].

    Returns
    -------
    Quantity
        EF_EL,m,y [t CO2/MWh], shape (..., units).

    Raises
    ------
    InputError
        If a value is negative or a unit generated nothing.

    Notes
    -----
    .. math:: EF_{EL,m,y} = \frac{\sum_i FC_{i,m,y} \, NCV_{i,y} \, EF_{CO2,i,y}}{EG_{m,y}}
       \tag{TOOL07 OM-A1}

    References
    ----------
    CDM TOOL07, simple OM, option A1 (unit data, fuel consumption). [U]

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = unit_emission_factor_option_a1(
    ...     fuel_consumed=Quantity(np.array([[1000.0, 0.0], [0.0, 200.0]]), "t"),
    ...     net_calorific_value=Quantity(np.array([20.0, 40.0]), "GJ/t"),
    ...     co2_emission_factor=Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ"),
    ...     electricity_generation=Quantity(np.array([2000.0, 800.0]), "MWh"))
    >>> [round(float(x), 6) for x in ef.quantity.magnitude]
    [0.946, 0.774]
    """
    _nonnegative(fuel_consumed, "fuel_consumed")
    eg = _nonnegative(electricity_generation, "electricity_generation")
    if np.any(eg == 0):
        raise InputError("a unit generated nothing; its emission factor is undefined",
                         field="electricity_generation", value=0.0,
                         expected="leave units without generation out of the set")
    heat_co2 = fuel_consumed * (net_calorific_value * co2_emission_factor)[..., None, :]
    return heat_co2.sum(axis=-1) / electricity_generation


@equation(
    id="TOOL07 OM-A",
    symbol="EF_grid,OMsimple,y",
    formula="EF_grid,OMsimple,y = Σ_m EG_m,y × EF_EL,m,y / Σ_m EG_m,y",
    source=f"{_TOOL07}, simple OM, option A {_U}",
    inputs={"electricity_generation": "MWh", "unit_emission_factor": _EF},
    output=_EF,
    description="simple operating margin as the generation-weighted unit emission factor",
)
def simple_operating_margin_option_a(
    electricity_generation: pint.Quantity, unit_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""Simple operating margin from unit data (option A): generation-weighted unit factors.

    Parameters
    ----------
    electricity_generation : Quantity
        Net electricity of each non-low-cost/must-run unit m, EG_m,y, shape (..., units) [MWh].
    unit_emission_factor : Quantity
        EF_EL,m,y of each unit, shape (..., units) [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,OMsimple,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,OMsimple,y} = \frac{\sum_m EG_{m,y} \, EF_{EL,m,y}}{\sum_m EG_{m,y}}
       \tag{TOOL07 OM-A}

    References
    ----------
    CDM TOOL07, simple OM, option A (unit data). [U]

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = simple_operating_margin_option_a(
    ...     electricity_generation=Quantity(np.array([2000.0, 800.0]), "MWh"),
    ...     unit_emission_factor=Quantity(np.array([0.946, 0.774]), "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.896857
    """
    return _generation_weighted(unit_emission_factor, electricity_generation)


@equation(
    id="TOOL07 OM-3y",
    symbol="EF_grid,OM,y",
    formula="EF_grid,OM = Σ_y EF_grid,OM,y × EG_y / Σ_y EG_y (3 most recent years)",
    source=f"{_TOOL07}, ex-ante vintage: generation-weighted average of 3 years {_U}",
    inputs={"operating_margin": _EF, "electricity_generation": "MWh"},
    output=_EF,
    description="generation-weighted average of the operating margins of three years",
)
def generation_weighted_operating_margin(
    operating_margin: pint.Quantity, electricity_generation: pint.Quantity
) -> pint.Quantity:
    r"""Ex-ante OM: the generation-weighted average over the data years (last axis).

    Parameters
    ----------
    operating_margin : Quantity
        OM of each data year, EF_grid,OM,y, shape (..., years) [t CO2/MWh].
    electricity_generation : Quantity
        Generation behind each year's OM, EG_y, shape (..., years) [MWh].

    Returns
    -------
    Quantity
        The averaged EF_grid,OM [t CO2/MWh].

    Raises
    ------
    InputError
        If a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,OM} = \frac{\sum_y EF_{grid,OM,y} \, EG_y}{\sum_y EG_y}
       \tag{TOOL07 OM-3y}

    References
    ----------
    CDM TOOL07, simple OM, ex-ante option (three most recent years). [U]

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = generation_weighted_operating_margin(
    ...     operating_margin=Quantity(np.array([0.9, 0.85, 0.8]), "t CO2/MWh"),
    ...     electricity_generation=Quantity(np.array([100.0, 120.0, 150.0]), "TWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.843243
    """
    return _generation_weighted(operating_margin, electricity_generation)


@equation(
    id="TOOL07 BM",
    symbol="EF_grid,BM,y",
    formula="EF_grid,BM,y = Σ_m EG_m,y × EF_EL,m,y / Σ_m EG_m,y (sample group m)",
    source=f"{_TOOL07}, build margin {_U}",
    inputs={"electricity_generation": "MWh", "unit_emission_factor": _EF},
    output=_EF,
    description="build margin: generation-weighted emission factor of the sample group",
)
def build_margin_emission_factor(
    electricity_generation: pint.Quantity, unit_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""Build margin: the generation-weighted emission factor of the sample group of units.

    Parameters
    ----------
    electricity_generation : Quantity
        Net electricity of each unit m of the sample group, EG_m,y, shape (..., units) [MWh].
    unit_emission_factor : Quantity
        EF_EL,m,y of each unit, shape (..., units) [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,BM,y [t CO2/MWh].

    Raises
    ------
    InputError
        If a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,BM,y} = \frac{\sum_m EG_{m,y} \, EF_{EL,m,y}}{\sum_m EG_{m,y}}
       \tag{TOOL07 BM}

    The sample group comes from :func:`build_margin_sample_group`.

    References
    ----------
    CDM TOOL07, build margin. [U]

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = build_margin_emission_factor(
    ...     electricity_generation=Quantity(np.array([300.0, 100.0]), "GWh"),
    ...     unit_emission_factor=Quantity(np.array([0.8, 0.0]), "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.6
    """
    return _generation_weighted(unit_emission_factor, electricity_generation)


def build_margin_sample_group(
    commissioned: np.ndarray, generation: np.ndarray
) -> tuple[np.ndarray, str]:
    """Choose the BM sample group: the larger (in generation) of two sets of recent units.

    SET_5-units is the five units built most recently; SET_>=20% is the most recently built
    units that together supply at least 20 % of the system's generation. TOOL07 takes the set
    with the larger generation (its further rules on CDM units and units older than 10 years
    are not applied here).

    Parameters
    ----------
    commissioned : ndarray of datetime64[D]
        Commissioning date of each unit.
    generation : ndarray of float
        Annual net generation of each unit, MWh.

    Returns
    -------
    tuple of (ndarray of bool, str)
        Mask of the units in the sample group and the rule that chose it.

    Raises
    ------
    InputError
        If a generation is negative or the arrays differ in length.

    Examples
    --------
    >>> import numpy as np
    >>> years = np.array([1995, 2000, 2005, 2010, 2016, 2018, 2020, 2022])
    >>> when = np.array([f"{y}-01-01" for y in years], dtype="datetime64[D]")
    >>> gen = np.array([400.0, 300.0, 100.0, 70.0, 20.0, 30.0, 40.0, 20.0])
    >>> mask, rule = build_margin_sample_group(when, gen)
    >>> mask.astype(int).tolist()
    [0, 0, 1, 1, 1, 1, 1, 1]
    >>> rule
    'SET_>=20%: the 6 most recent units supplying >= 20 % of generation'

    """
    gen = np.asarray(generation, dtype=np.float64)
    when = np.asarray(commissioned, dtype="datetime64[D]")
    if gen.shape != when.shape:
        raise InputError("commissioning dates and generation differ in length",
                         field="generation", value=gen.shape, expected=f"shape {when.shape}")
    if np.any(gen < 0):
        raise InputError("negative value", field="generation", value=float(gen[gen < 0][0]),
                         expected="generation >= 0")
    order = np.argsort(when)[::-1]  # most recent first
    five = np.zeros(gen.shape, dtype=bool)
    five[order[:5]] = True
    reached = np.cumsum(gen[order]) >= 0.2 * gen.sum()
    n20 = int(np.argmax(reached)) + 1 if reached.any() else gen.size
    twenty = np.zeros(gen.shape, dtype=bool)
    twenty[order[:n20]] = True
    if gen[twenty].sum() > gen[five].sum():
        return twenty, f"SET_>=20%: the {n20} most recent units supplying >= 20 % of generation"
    return five, "SET_5-units: the five most recently built units"


def simple_om_applicable(
    low_cost_must_run_generation: np.ndarray, total_generation: np.ndarray
) -> tuple[bool, str]:
    """Whether the simple OM may be used: LCMR supply below 50 % (average of the years given).

    Parameters
    ----------
    low_cost_must_run_generation, total_generation : ndarray of float
        Generation of low-cost/must-run sources and of the whole system per year (TOOL07: the
        five most recent years), MWh.

    Returns
    -------
    tuple of (bool, str)
        Whether it applies and the share found.

    Examples
    --------
    >>> import numpy as np
    >>> simple_om_applicable(np.array([30.0, 35.0]), np.array([100.0, 100.0]))
    (True, 'low-cost/must-run share 32.5 % of generation; the simple OM needs < 50 %')
    """
    lcmr = np.asarray(low_cost_must_run_generation, dtype=np.float64)
    total = np.asarray(total_generation, dtype=np.float64)
    if np.any(lcmr < 0) or np.any(total <= 0):
        raise InputError("generation must be >= 0 and the system total > 0",
                         field="total_generation", expected="non-negative generation")
    share = float(lcmr.sum() / total.sum())
    return share < LCMR_LIMIT, (f"low-cost/must-run share {share * 100:.1f} % of generation; "
                                f"the simple OM needs < {LCMR_LIMIT * 100:.0f} %")

