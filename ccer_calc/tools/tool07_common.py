"""CDM TOOL07 v07.0: what the OM and BM modules share (weights, citations, checks).

TOOL07 is the CDM "Tool to calculate the emission factor for an electricity system", version
07.0 (EB 100, Annex 4, in force 31 August 2018). Every fact in the TOOL07 modules was read in
that text (``/work/shared/sources/TOOL07_v07.0.pdf`` in the project's workplace; public at
https://cdm.unfccc.int/Reference/tools/index.html) and cites its paragraph and equation.

The modules:

* :mod:`ccer_calc.tools.tool07_simple_om`: simple OM (options A, A1, A2, B) and the
  three-year ex-ante average;
* :mod:`ccer_calc.tools.tool07_adjusted_average_om`: simple adjusted OM and average OM;
* :mod:`ccer_calc.tools.tool07_lcmr_share`: the low-cost/must-run tests of the simple OM;
* :mod:`ccer_calc.tools.tool07_lambda`: lambda of the simple adjusted OM (hourly load
  procedure and default table);
* :mod:`ccer_calc.tools.tool07_build_margin`: the BM sample group and the BM;
* this module: the combined-margin default weights (para. 86) and shared array checks.

The combined margin itself, eq. (16), is declared by each methodology that uses it, in its own
``equations.py`` (ACM0002: ``EF_CM``); the shared arithmetic is
:func:`ccer_calc.tools.grid_power.combined_margin`.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.errors import InputError
from ccer_calc.parameters import Parameter, ParameterSet

__all__ = [
    "DOCUMENT",
    "EF_UNIT",
    "FUEL_ALTERNATIVES",
    "FUEL_INPUTS",
    "SYSTEM_FUEL_FORMULA",
    "TOOL07_WEIGHTS",
    "WEIGHTED_INPUTS",
    "cite",
    "generation_weighted",
    "nonnegative",
    "positive_total",
    "sum_last_axis",
    "system_fuel_ratio",
    "tool07_weight_names",
]

#: The defining document of every TOOL07 equation, as the trail cites it.
DOCUMENT = "TOOL07 v07.0"
EF_UNIT = "t CO2/MWh"
#: Inputs (and units) of the equations that divide the CO2 of burned fuel by generation.
FUEL_INPUTS = {"fuel_consumed": "t", "net_calorific_value": "GJ/t",
               "co2_emission_factor": "t CO2/GJ", "electricity_generation": "MWh"}
FUEL_ALTERNATIVES = {"fuel_consumed": ("万Nm3",), "net_calorific_value": ("GJ/万Nm3",)}
SYSTEM_FUEL_FORMULA = "Σ_i FC_i,y × NCV_i,y × EF_CO2,i,y / EG_y"
#: Inputs of the generation-weighted averages of unit emission factors.
WEIGHTED_INPUTS = {"electricity_generation": "MWh", "unit_emission_factor": EF_UNIT}


def cite(where: str) -> str:
    """The human citation of a place in TOOL07 v07.0, e.g. ``cite("para. 54, eq. (9)")``."""
    return f"{DOCUMENT}, {where}"


def _weight(name: str, margin: str, value: float, case: tuple[str, str], para: str
            ) -> Parameter:
    om = margin == "OM"
    return Parameter(
        name=name, symbol=f"w_{margin}", unit="dimensionless",
        description_zh=f"{'电量' if om else '容量'}边际排放因子权重（{case[1]}）",
        description_en=f"weight of the {'operating' if om else 'build'} margin ({case[0]})",
        source=cite(f"para. {para}, default weights of eq. (16) (verified against the text; "
                    "the methodology that refers to TOOL07 may specify others)"),
        kind="fixed", default=value, overridable=True)


_WIND_SOLAR = ("wind and solar, all crediting periods", "风电和光伏，所有计入期")
_FIRST = ("other projects, first crediting period", "其他项目，第一计入期")
_LATER = ("other projects, second and third crediting periods", "其他项目，第二和第三计入期")

#: TOOL07 default weights of the combined margin, eq. (16), para. 86: wind and solar 0.75/0.25
#: in every crediting period; all other projects 0.5/0.5 in the first crediting period and
#: 0.25/0.75 in the second and third.
TOOL07_WEIGHTS = ParameterSet((
    _weight("om_weight_wind_solar", "OM", 0.75, _WIND_SOLAR, "86(a)"),
    _weight("bm_weight_wind_solar", "BM", 0.25, _WIND_SOLAR, "86(a)"),
    _weight("om_weight_other", "OM", 0.5, _FIRST, "86(b)"),
    _weight("bm_weight_other", "BM", 0.5, _FIRST, "86(b)"),
    _weight("om_weight_other_later", "OM", 0.25, _LATER, "86(b)"),
    _weight("bm_weight_other_later", "BM", 0.75, _LATER, "86(b)"),
))


def tool07_weight_names(technology: str, crediting_period: int = 1) -> tuple[str, str]:
    """Names in :data:`TOOL07_WEIGHTS` of the OM and BM weights (TOOL07 v07.0 para. 86).

    Parameters
    ----------
    technology : str
        The project's technology; ``wind`` and ``solar`` take 0.75/0.25 in every period.
    crediting_period : int
        1, 2 or 3: other technologies take 0.5/0.5 in the first, 0.25/0.75 in the others.

    Raises
    ------
    InputError
        If the crediting period is not 1, 2 or 3.

    Examples
    --------
    >>> tool07_weight_names("hydro", crediting_period=2)
    ('om_weight_other_later', 'bm_weight_other_later')
    """
    if crediting_period not in (1, 2, 3):
        raise InputError("a CDM crediting period is the first, second or third",
                         field="crediting_period", value=crediting_period, expected="1, 2 or 3")
    if technology in ("wind", "solar"):
        return "om_weight_wind_solar", "bm_weight_wind_solar"
    if crediting_period == 1:
        return "om_weight_other", "bm_weight_other"
    return "om_weight_other_later", "bm_weight_other_later"


def nonnegative(q: pint.Quantity, name: str) -> np.ndarray:
    """The magnitudes of ``q``, refusing a negative one (naming the field and the value)."""
    mag = np.asarray(q.magnitude, dtype=np.float64)
    if np.any(mag < 0):
        raise InputError("negative value", field=name, value=float(mag[mag < 0].flat[0]),
                         expected=f"{name} >= 0 (net generation and fuel use are never "
                                  "negative)")
    return mag


def positive_total(total: pint.Quantity, name: str, what: str = "total generation") -> None:
    """Refuse a total that is zero (a ratio over it would be undefined)."""
    if np.any(np.asarray(total.magnitude) <= 0):
        raise InputError(f"{what} is zero", field=name,
                         expected="at least one plant or unit with generation > 0")


def sum_last_axis(q: pint.Quantity) -> pint.Quantity:
    """Sum over the last axis (plants, units, fuels or years); a scalar is one element."""
    return q if np.ndim(q.magnitude) == 0 else q.sum(axis=-1)


def generation_weighted(factor: pint.Quantity, generation: pint.Quantity,
                        name: str = "electricity_generation") -> pint.Quantity:
    """Σ EG × EF / Σ EG over the last axis, refusing negative or all-zero generation."""
    nonnegative(generation, name)
    total = sum_last_axis(generation)
    positive_total(total, name)
    return sum_last_axis(factor * generation) / total


def system_fuel_ratio(fuel: pint.Quantity, ncv: pint.Quantity, ef: pint.Quantity,
                      generation: pint.Quantity) -> pint.Quantity:
    """Σ_i FC_i × NCV_i × EF_CO2,i over the fuel axis, divided by the generation."""
    nonnegative(fuel, "fuel_consumed")
    nonnegative(generation, "electricity_generation")
    positive_total(generation, "electricity_generation")
    return sum_last_axis(fuel * ncv * ef) / generation
