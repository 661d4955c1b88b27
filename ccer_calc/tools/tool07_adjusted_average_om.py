"""TOOL07 v07.0 simple adjusted OM (eq. (10)) and average OM (para. 70-71).

The simple adjusted OM weights the low-cost/must-run units k by lambda (from
:mod:`ccer_calc.tools.tool07_lambda`); the average OM is the simple OM with those units
included in every sum. Arrays run over units (or fuels) on their last axis.
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
    system_fuel_ratio,
)

__all__ = [
    "average_operating_margin_option_a",
    "average_operating_margin_option_b",
    "simple_adjusted_operating_margin",
]


@equation(
    id="TOOL07 (10)", document=DOCUMENT,
    symbol="EF_grid,OM-adj,y",
    formula="EF_grid,OM-adj,y = (1 − λ_y) × Σ_m EG_m,y × EF_EL,m,y / Σ_m EG_m,y"
            " + λ_y × Σ_k EG_k,y × EF_EL,k,y / Σ_k EG_k,y",
    source=cite("para. 56, simple adjusted OM, eq. (10)"),
    inputs={"lcmr_on_margin": "dimensionless", "generation_other": "MWh",
            "emission_factor_other": EF_UNIT, "generation_lcmr": "MWh",
            "emission_factor_lcmr": EF_UNIT},
    output=EF_UNIT,
    description="simple adjusted operating margin, weighting LCMR units by lambda",
)
def simple_adjusted_operating_margin(
    lcmr_on_margin: pint.Quantity,
    generation_other: pint.Quantity,
    emission_factor_other: pint.Quantity,
    generation_lcmr: pint.Quantity,
    emission_factor_lcmr: pint.Quantity,
) -> pint.Quantity:
    r"""Simple adjusted OM: the simple OM of units m and of LCMR units k, weighted by λ_y.

    Parameters
    ----------
    lcmr_on_margin : Quantity
        λ_y, the share of the hours of year y in which low-cost/must-run units are on the
        margin (eq. (11) or Appendix 2), shape (...) [dimensionless].
    generation_other : Quantity
        EG_m,y of each unit that is not low-cost/must-run, shape (..., units m) [MWh].
    emission_factor_other : Quantity
        EF_EL,m,y of those units [t CO2/MWh].
    generation_lcmr : Quantity
        EG_k,y of each low-cost/must-run unit (imports count as one), shape (..., units k)
        [MWh].
    emission_factor_lcmr : Quantity
        EF_EL,k,y of those units [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,OM-adj,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If λ_y is outside [0, 1], a generation is negative, or either group generates nothing.

    Notes
    -----
    .. math:: EF_{grid,OM-adj,y} = (1-\lambda_y) \frac{\sum_m EG_{m,y} EF_{EL,m,y}}
       {\sum_m EG_{m,y}} + \lambda_y \frac{\sum_k EG_{k,y} EF_{EL,k,y}}{\sum_k EG_{k,y}}
       \tag{TOOL07 (10)}

    References
    ----------
    TOOL07 v07.0, para. 56-58, equation (10).

    Examples
    --------
    λ = 0.25; coal and gas units at 0.9 and 0.4 t CO2/MWh (3000 and 1000 MWh); hydro and
    wind at zero:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = simple_adjusted_operating_margin(
    ...     lcmr_on_margin=Quantity(0.25, ""),
    ...     generation_other=Quantity(np.array([3000.0, 1000.0]), "MWh"),
    ...     emission_factor_other=Quantity(np.array([0.9, 0.4]), "t CO2/MWh"),
    ...     generation_lcmr=Quantity(np.array([5000.0, 1000.0]), "MWh"),
    ...     emission_factor_lcmr=Quantity(np.array([0.0, 0.0]), "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.58125
    """
    lam = np.asarray(lcmr_on_margin.magnitude, dtype=np.float64)
    if np.any((lam < 0) | (lam > 1)):
        raise InputError("lambda outside [0, 1]", field="lcmr_on_margin",
                         value=float(np.ravel(lam)[0]), expected="a fraction of the year's hours")
    other = generation_weighted(emission_factor_other, generation_other, "generation_other")
    lcmr = generation_weighted(emission_factor_lcmr, generation_lcmr, "generation_lcmr")
    return (1 - lcmr_on_margin) * other + lcmr_on_margin * lcmr


@equation(
    id="TOOL07 para. 70 (A)", document=DOCUMENT,
    symbol="EF_grid,OM-ave,y",
    formula="EF_grid,OM-ave,y = Σ_n EG_n,y × EF_EL,n,y / Σ_n EG_n,y (all units, LCMR included)",
    source=cite("para. 70-71, average OM through option A, eq. (3) with LCMR units included"),
    inputs=WEIGHTED_INPUTS, output=EF_UNIT,
    description="average operating margin: generation-weighted factor of all units",
)
def average_operating_margin_option_a(
    electricity_generation: pint.Quantity, unit_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""Average OM from unit data: eq. (3) over every unit serving the grid, LCMR included.

    Parameters
    ----------
    electricity_generation : Quantity
        Net electricity of every unit serving the grid, low-cost/must-run included, shape
        (..., units) [MWh].
    unit_emission_factor : Quantity
        EF_EL of each unit (zero for hydro, wind, solar, nuclear) [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,OM-ave,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,OM-ave,y} = \frac{\sum_n EG_{n,y} \, EF_{EL,n,y}}{\sum_n EG_{n,y}}
       \tag{TOOL07 para. 70 (A)}

    Para. 70 defines the average OM as the simple OM procedure "also including the
    low-cost/must-run power plants in all equations"; the tool prints no equation of its own.

    References
    ----------
    TOOL07 v07.0, para. 70-71 (with eq. (3) of para. 48).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = average_operating_margin_option_a(
    ...     electricity_generation=Quantity(np.array([3000.0, 1000.0, 6000.0]), "MWh"),
    ...     unit_emission_factor=Quantity(np.array([0.9, 0.4, 0.0]), "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.31
    """
    return generation_weighted(unit_emission_factor, electricity_generation)


@equation(
    id="TOOL07 para. 70 (B)", document=DOCUMENT,
    symbol="EF_grid,OM-ave,y",
    formula=f"EF_grid,OM-ave,y = {SYSTEM_FUEL_FORMULA} (EG_y of all sources, LCMR included)",
    source=cite("para. 70-71, average OM through option B, eq. (9) with LCMR included"),
    inputs=FUEL_INPUTS, output=EF_UNIT, alternative_units=FUEL_ALTERNATIVES,
    description="average operating margin from the system's fuel use and total generation",
)
def average_operating_margin_option_b(
    fuel_consumed: pint.Quantity,
    net_calorific_value: pint.Quantity,
    co2_emission_factor: pint.Quantity,
    electricity_generation: pint.Quantity,
) -> pint.Quantity:
    r"""Average OM from system totals: all fuel burned over all net generation.

    Parameters
    ----------
    fuel_consumed : Quantity
        FC_i,y: fuel i consumed in the whole project electricity system, shape (..., fuels)
        [t].
    net_calorific_value : Quantity
        NCV_i,y of each fuel, shape (..., fuels) [GJ/t].
    co2_emission_factor : Quantity
        EF_CO2,i,y of each fuel, shape (..., fuels) [t CO2/GJ].
    electricity_generation : Quantity
        EG_y: net electricity delivered to the grid by **all** sources, low-cost/must-run
        included, shape (...) [MWh].

    Returns
    -------
    Quantity
        EF_grid,OM-ave,y [t CO2/MWh], shape (...).

    Raises
    ------
    InputError
        If a value is negative or EG_y is zero.

    Notes
    -----
    .. math:: EF_{grid,OM-ave,y} = \frac{\sum_i FC_{i,y} \, NCV_{i,y} \, EF_{CO2,i,y}}{EG_y}
       \tag{TOOL07 para. 70 (B)}

    Para. 71: option B only where the unit data of option A are not available.

    References
    ----------
    TOOL07 v07.0, para. 70-71 (with eq. (9) of para. 54).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = average_operating_margin_option_b(
    ...     fuel_consumed=Quantity(np.array([1000.0, 200.0]), "t"),
    ...     net_calorific_value=Quantity(np.array([20.0, 40.0]), "GJ/t"),
    ...     co2_emission_factor=Quantity(np.array([0.0946, 0.0774]), "t CO2/GJ"),
    ...     electricity_generation=Quantity(7800.0, "MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.321949
    """
    return system_fuel_ratio(fuel_consumed, net_calorific_value, co2_emission_factor,
                              electricity_generation)
