"""TOOL07 v07.0 simple operating margin: options A (eq. (3)), A1 (4), A2 (5), B (9), ex ante.

Arrays run over units (or fuels, or years) on their **last** axis, which each equation sums;
leading axes (years, grids) are kept. Fuel quantities may be in t with NCV in GJ/t, or in
万Nm3 with NCV in GJ/万Nm3. Whether the simple OM may be used at all (para. 40, the
low-cost/must-run share) is decided in :mod:`ccer_calc.tools.tool07_lcmr_share`; the simple
adjusted and the average OM are in :mod:`ccer_calc.tools.tool07_adjusted_average_om`.

Reproducing a published MEE factor needs the provincial fuel and generation statistics behind
it, which are not available offline, so the tests use numbers worked by hand.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.tool07_common import (
    DOCUMENT,
    EF_UNIT,
    FUEL_ALTERNATIVES,
    FUEL_INPUTS,
    SYSTEM_FUEL_FORMULA,
    WEIGHTED_INPUTS,
    cite,
    generation_weighted,
    nonnegative,
    system_fuel_ratio,
)

__all__ = [
    "generation_weighted_operating_margin",
    "simple_operating_margin_option_a",
    "simple_operating_margin_option_b",
    "unit_emission_factor_option_a1",
    "unit_emission_factor_option_a2",
]


@equation(
    id="TOOL07 (4)", document=DOCUMENT,
    symbol="EF_EL,m,y",
    formula="EF_EL,m,y = Σ_i FC_i,m,y × NCV_i,y × EF_CO2,i,y / EG_m,y",
    source=cite("para. 49(a), option A1, eq. (4)"),
    inputs=FUEL_INPUTS, output=EF_UNIT, alternative_units=FUEL_ALTERNATIVES,
    description="CO2 emission factor of each power unit from its fuel use (option A1)",
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
        NCV_i,y of each fuel, shape (..., 1, fuels) or (fuels,) [GJ/t].
    co2_emission_factor : Quantity
        EF_CO2,i,y of each fuel, same shape as the NCV [t CO2/GJ].
    electricity_generation : Quantity
        Net electricity each unit delivered to the grid, EG_m,y, shape (..., units) [MWh].

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
       \tag{TOOL07 (4)}

    References
    ----------
    TOOL07 v07.0, para. 49(a), option A1, equation (4).

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
    eg = nonnegative(electricity_generation, "electricity_generation")
    if np.any(eg == 0):
        raise InputError("a unit generated nothing; its emission factor is undefined",
                         field="electricity_generation", value=0.0,
                         expected="leave units without generation out of the set")
    return system_fuel_ratio(fuel_consumed, net_calorific_value, co2_emission_factor,
                              electricity_generation)


@equation(
    id="TOOL07 (5)", document=DOCUMENT,
    symbol="EF_EL,m,y",
    formula="EF_EL,m,y = EF_CO2,m,i,y × 3.6 / η_m,y",
    source=cite("para. 49(b)-50, option A2, eq. (5)"),
    inputs={"co2_emission_factor": "t CO2/GJ", "efficiency": "dimensionless"},
    output=EF_UNIT,
    description="CO2 emission factor of each power unit from its fuel and efficiency (A2)",
)
def unit_emission_factor_option_a2(
    co2_emission_factor: pint.Quantity, efficiency: pint.Quantity
) -> pint.Quantity:
    r"""CO2 emission factor of power unit m from its fuel type and efficiency (option A2).

    Parameters
    ----------
    co2_emission_factor : Quantity
        EF_CO2,m,i,y of the fuel the unit burns; with several fuels, the one with the lowest
        factor (para. 50) [t CO2/GJ].
    efficiency : Quantity
        Average net energy conversion efficiency of the unit, η_m,y [dimensionless].

    Returns
    -------
    Quantity
        EF_EL,m,y [t CO2/MWh].

    Raises
    ------
    InputError
        If an efficiency is not in (0, 1].

    Notes
    -----
    .. math:: EF_{EL,m,y} = \frac{EF_{CO2,m,i,y} \times 3.6}{\eta_{m,y}}  \tag{TOOL07 (5)}

    3.6 GJ/MWh is the energy in one MWh; here it is the conversion of GJ to MWh, done by the
    unit registry. Option A3 (para. 50(a): only generation known) sets EF_EL,m,y = 0.

    References
    ----------
    TOOL07 v07.0, para. 49(b), option A2, equation (5); para. 50.

    Examples
    --------
    Coal at 0.0946 t CO2/GJ in a unit of 38 % net efficiency:

    >>> from ccer_calc.units import Quantity
    >>> ef = unit_emission_factor_option_a2(
    ...     co2_emission_factor=Quantity(0.0946, "t CO2/GJ"), efficiency=Quantity(0.38, ""))
    >>> round(float(ef.quantity.magnitude), 6)
    0.896211
    """
    eta = np.asarray(efficiency.magnitude, dtype=np.float64)
    bad = eta[(eta <= 0) | (eta > 1)]
    if bad.size:
        raise InputError("net conversion efficiency outside (0, 1]", field="efficiency",
                         value=float(bad.flat[0]), expected="a ratio such as 0.38")
    return co2_emission_factor / efficiency


@equation(
    id="TOOL07 (3)", document=DOCUMENT,
    symbol="EF_grid,OMsimple,y",
    formula="EF_grid,OMsimple,y = Σ_m EG_m,y × EF_EL,m,y / Σ_m EG_m,y",
    source=cite("para. 48, simple OM option A, eq. (3)"),
    inputs=WEIGHTED_INPUTS, output=EF_UNIT,
    description="simple operating margin: generation-weighted factor of non-LCMR units",
)
def simple_operating_margin_option_a(
    electricity_generation: pint.Quantity, unit_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""Simple OM from unit data (option A): generation-weighted factor of the units m.

    Parameters
    ----------
    electricity_generation : Quantity
        Net electricity of each unit m that is not low-cost/must-run, EG_m,y, shape
        (..., units) [MWh].
    unit_emission_factor : Quantity
        EF_EL,m,y of each unit (eq. (4), (5) or 0 under option A3) [t CO2/MWh].

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
       \tag{TOOL07 (3)}

    References
    ----------
    TOOL07 v07.0, para. 46-48, option A, equation (3).

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
    return generation_weighted(unit_emission_factor, electricity_generation)


@equation(
    id="TOOL07 (9)", document=DOCUMENT,
    symbol="EF_grid,OMsimple,y",
    formula=f"EF_grid,OMsimple,y = {SYSTEM_FUEL_FORMULA}",
    source=cite("para. 54, simple OM option B, eq. (9)"),
    inputs=FUEL_INPUTS, output=EF_UNIT, alternative_units=FUEL_ALTERNATIVES,
    description="simple operating margin from the system's fuel use and non-LCMR generation",
)
def simple_operating_margin_option_b(
    fuel_consumed: pint.Quantity,
    net_calorific_value: pint.Quantity,
    co2_emission_factor: pint.Quantity,
    electricity_generation: pint.Quantity,
) -> pint.Quantity:
    r"""Simple OM from system totals (option B): all fuel burned over non-LCMR generation.

    Parameters
    ----------
    fuel_consumed : Quantity
        FC_i,y: fuel i consumed in the whole project electricity system, by every plant
        including any flagged low-cost/must-run, shape (..., fuels) [t].
    net_calorific_value : Quantity
        NCV_i,y of each fuel, shape (..., fuels) [GJ/t].
    co2_emission_factor : Quantity
        EF_CO2,i,y of each fuel, shape (..., fuels); zero for biofuels [t CO2/GJ].
    electricity_generation : Quantity
        EG_y: net electricity delivered to the grid by all sources except the low-cost/must-run
        ones, shape (...) [MWh].

    Returns
    -------
    Quantity
        EF_grid,OMsimple,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If a value is negative or EG_y is zero.

    Notes
    -----
    .. math:: EF_{grid,OMsimple,y} = \frac{\sum_i FC_{i,y} \, NCV_{i,y} \, EF_{CO2,i,y}}{EG_y}
       \tag{TOOL07 (9)}

    The numerator is the fuel of the **whole system** (para. 54: "total fuel consumption of
    the project electricity system"; i = all fuel types burned in the system); only the
    denominator leaves the low-cost/must-run sources out. Option B may be used only if unit
    data for option A are not available, only nuclear and renewables are low-cost/must-run
    and their supply is known, and off-grid plants are not included (para. 47(b)).

    References
    ----------
    TOOL07 v07.0, para. 47(b), 54-55, equation (9).

    Examples
    --------
    Coal 1000 t and oil 200 t burned in the system; 2800 MWh from non-LCMR plants:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = simple_operating_margin_option_b(
    ...     fuel_consumed=Quantity(np.array([1000.0, 200.0]), "t"),
    ...     net_calorific_value=Quantity(np.array([20.0, 40.0]), "GJ/t"),
    ...     co2_emission_factor=Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ"),
    ...     electricity_generation=Quantity(2800.0, "MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.896857
    """
    return system_fuel_ratio(fuel_consumed, net_calorific_value, co2_emission_factor,
                              electricity_generation)


@equation(
    id="TOOL07 para. 42(a)", document=DOCUMENT,
    symbol="EF_grid,OM,y",
    formula="EF_grid,OM = Σ_y EF_grid,OM,y × EG_y / Σ_y EG_y (three most recent years)",
    source=cite("para. 42(a), ex-ante data vintage: 3-year generation-weighted average"),
    inputs={"operating_margin": EF_UNIT, "electricity_generation": "MWh"},
    output=EF_UNIT,
    description="generation-weighted average of the operating margins of three years",
)
def generation_weighted_operating_margin(
    operating_margin: pint.Quantity, electricity_generation: pint.Quantity
) -> pint.Quantity:
    r"""Ex-ante OM: the generation-weighted average over three data years (last axis).

    Parameters
    ----------
    operating_margin : Quantity
        OM of each of the three most recent data years, EF_grid,OM,y, shape (..., 3)
        [t CO2/MWh].
    electricity_generation : Quantity
        Generation behind each year's OM, EG_y, shape (..., 3) [MWh].

    Returns
    -------
    Quantity
        The averaged EF_grid,OM [t CO2/MWh].

    Raises
    ------
    InputError
        If the year axis is not three long, or a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,OM} = \frac{\sum_y EF_{grid,OM,y} \, EG_y}{\sum_y EG_y}
       \tag{TOOL07 para. 42(a)}

    The tool prints no formula; para. 42(a) asks for "a 3-year generation-weighted average"
    for grid power plants (simple, simple adjusted and average OM, ex-ante vintage).

    References
    ----------
    TOOL07 v07.0, para. 42(a).

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
    years = np.shape(operating_margin.magnitude)[-1:] or (1,)
    if years != (3,):
        raise InputError("the ex-ante OM averages exactly three years", field="operating_margin",
                         value=years[0], expected="3 data years on the last axis (para. 42(a))")
    return generation_weighted(operating_margin, electricity_generation)
