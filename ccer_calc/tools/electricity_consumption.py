"""Emissions from electricity consumption: CDM TOOL05 v03.0, generic approach (eq. (1)-(3)).

``PE_EC,y = Σ_j EC_PJ,j,y × EF_EF,j,y × (1 + TDL_j,y)``: electricity consumed by each source j,
times the emission factor of its supply, grossed up for transmission and distribution losses;
BE_EC,y (eq. (2), baseline sources k) and LE_EC,y (eq. (3), leakage sources l) have the same
form. TOOL05 v03.0 is the CDM tool "Baseline, project and/or leakage emissions from electricity
consumption and monitoring of electricity generation" (EB 96, Annex 4, in force 22 September
2017; public at https://cdm.unfccc.int/Reference/tools/index.html); every equation, option and
default below was read in that text and cites its paragraph or data table.

For grid electricity (scenario A) the emission factor is the grid's combined margin (option A1,
para. 19, by TOOL07) or a conservative default (option A2, para. 20): 1.3 t CO2/MWh for project
and leakage sources; for baseline sources 0.4 t CO2/MWh where hydro is below 50 % of grid
generation, else 0.25. The losses are the host country's most recent annual average or the
defaults of data table 3: 20 % for project and leakage sources, 3 % for baseline sources (with
the swaps the table describes), and 0 for off-grid captive supply (scenario B, case C.II).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Parameter, ParameterSet, Value

__all__ = [
    "TOOL05_PARAMETERS",
    "baseline_electricity_consumption_emissions",
    "consumption_emission_factor",
    "electricity_consumption_emissions",
    "leakage_electricity_consumption_emissions",
]

_TOOL05 = "TOOL05 v03.0"
_SWAP = ("the tool swaps the 20 % and 3 % defaults where the project and leakage consumption "
         "is smaller (or larger) than the baseline consumption")

TOOL05_PARAMETERS = ParameterSet((
    Parameter(
        name="conservative_grid_emission_factor", symbol="EF_EF,j,y", unit="t CO2/MWh",
        description_zh="电网排放因子保守缺省值（项目和泄漏排放）",
        description_en="conservative default grid emission factor for project and leakage "
                       "emissions from electricity consumption",
        source=f"{_TOOL05}, para. 20(a), option A2 (scenario A: project and leakage sources, "
               "or baseline sources consuming less than them); the same value for captive "
               "plants, para. 28(a), option B2",
        kind="fixed", default=1.3, overridable=True),
    Parameter(
        name="conservative_grid_emission_factor_baseline", symbol="EF_EF,k,y",
        unit="t CO2/MWh",
        description_zh="电网排放因子保守缺省值（基准线排放，水电占比低于50%的电网）",
        description_en="conservative default grid emission factor for baseline sources, grids "
                       "where hydro supplies less than 50 % of generation",
        source=f"{_TOOL05}, para. 20(b), option A2 (hydro < 50 % of total grid generation in "
               "the five most recent years or by long-term averages)",
        kind="fixed", default=0.4, overridable=True),
    Parameter(
        name="conservative_grid_emission_factor_baseline_hydro", symbol="EF_EF,k,y",
        unit="t CO2/MWh",
        description_zh="电网排放因子保守缺省值（基准线排放，其他电网）",
        description_en="conservative default grid emission factor for baseline sources, other "
                       "grids (hydro 50 % or more)",
        source=f"{_TOOL05}, para. 20(b), option A2 (other electricity grids)",
        kind="fixed", default=0.25, overridable=True),
    Parameter(
        name="transmission_loss_project", symbol="TDL_j,y", unit="dimensionless",
        description_zh="输配电损耗率缺省值（项目和泄漏排放源）",
        description_en="default transmission and distribution loss for project and leakage "
                       "electricity consumption sources",
        source=f"{_TOOL05}, data table 3 (TDL), option 2: 20 %; {_SWAP}",
        kind="fixed", default=0.20, overridable=True),
    Parameter(
        name="transmission_loss_baseline", symbol="TDL_k,y", unit="dimensionless",
        description_zh="输配电损耗率缺省值（基准线排放源）",
        description_en="default transmission and distribution loss for baseline electricity "
                       "consumption sources",
        source=f"{_TOOL05}, data table 3 (TDL), option 3: 3 %; {_SWAP}",
        kind="fixed", default=0.03, overridable=True),
))

_INPUTS = {"electricity_consumed": "MWh", "emission_factor": "t CO2/MWh",
           "transmission_loss": "dimensionless"}


def _consumption_emissions(consumed: pint.Quantity, factor: pint.Quantity,
                           loss: pint.Quantity) -> pint.Quantity:
    """Σ over the first axis of EC × EF × (1 + TDL), refusing negative use and bad losses."""
    ec = np.asarray(consumed.magnitude)
    if np.any(ec < 0):
        raise InputError("negative electricity consumption", field="electricity_consumed",
                         value=float(ec[ec < 0].flat[0]), expected="EC >= 0 MWh")
    tdl = np.asarray(loss.magnitude)
    if np.any((tdl < 0) | (tdl >= 1)):
        raise InputError("transmission and distribution loss outside [0, 1)",
                         field="transmission_loss", value=float(np.ravel(tdl)[0]),
                         expected="a fraction such as 0.2")
    per_source = consumed * factor * (1 + loss)
    return per_source if np.ndim(per_source.magnitude) == 0 else per_source.sum(axis=0)


@equation(
    id="TOOL05 (1)", document=_TOOL05,
    symbol="PE_EC,y",
    formula="PE_EC,y = Σ_j EC_PJ,j,y × EF_EF,j,y × (1 + TDL_j,y)",
    source=f"{_TOOL05}, para. 16, generic approach, eq. (1)",
    inputs=_INPUTS, output="t CO2",
    description="project CO2 from the electricity consumed by the sources j",
)
def electricity_consumption_emissions(
    electricity_consumed: pint.Quantity,
    emission_factor: pint.Quantity,
    transmission_loss: pint.Quantity,
) -> pint.Quantity:
    r"""Project CO2 emissions from electricity consumption in year y, summed over sources j.

    Parameters
    ----------
    electricity_consumed : Quantity
        Electricity consumed by each project source j, EC_PJ,j,y [MWh]. The first axis is the
        source axis j and is summed over; further axes (periods) are kept. A scalar is one
        source.
    emission_factor : Quantity
        Emission factor of the electricity supplied to each source, EF_EF,j,y [t CO2/MWh]:
        the grid's combined margin (option A1) or a conservative default (option A2).
    transmission_loss : Quantity
        Average technical transmission and distribution losses, TDL_j,y [dimensionless].

    Returns
    -------
    Quantity
        PE_EC,y [t CO2].

    Raises
    ------
    InputError
        If a consumption is negative or a loss is outside [0, 1).

    Notes
    -----
    .. math:: PE_{EC,y} = \sum_j EC_{PJ,j,y} \times EF_{EF,j,y} \times (1 + TDL_{j,y})
       \tag{TOOL05 (1)}

    References
    ----------
    TOOL05 v03.0, para. 16, equation (1); para. 19-20 (EF), data table 3 (TDL).

    Examples
    --------
    Two sources over one period: 100 MWh at 1.3 t CO2/MWh with 20 % losses, 50 MWh at 0.6
    with 3 %:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> pe = electricity_consumption_emissions(
    ...     electricity_consumed=Quantity(np.array([100.0, 50.0]), "MWh"),
    ...     emission_factor=Quantity(np.array([1.3, 0.6]), "t CO2/MWh"),
    ...     transmission_loss=Quantity(np.array([0.20, 0.03]), ""))
    >>> round(float(pe.quantity.magnitude), 6)
    186.9
    """
    return _consumption_emissions(electricity_consumed, emission_factor, transmission_loss)


@equation(
    id="TOOL05 (2)", document=_TOOL05,
    symbol="BE_EC,y",
    formula="BE_EC,y = Σ_k EC_BL,k,y × EF_EF,k,y × (1 + TDL_k,y)",
    source=f"{_TOOL05}, para. 16, generic approach, eq. (2)",
    inputs=_INPUTS, output="t CO2",
    description="baseline CO2 from the electricity the baseline consumers k would use",
)
def baseline_electricity_consumption_emissions(
    electricity_consumed: pint.Quantity,
    emission_factor: pint.Quantity,
    transmission_loss: pint.Quantity,
) -> pint.Quantity:
    r"""Baseline CO2 emissions from electricity consumption in year y, summed over consumers k.

    Parameters
    ----------
    electricity_consumed : Quantity
        Electricity the baseline consumer k would consume, EC_BL,k,y, sources on the first
        axis [MWh].
    emission_factor : Quantity
        EF_EF,k,y [t CO2/MWh]: the combined margin, or 0.4 or 0.25 t CO2/MWh (option A2).
    transmission_loss : Quantity
        TDL_k,y [dimensionless]: the national average or 3 % (data table 3).

    Returns
    -------
    Quantity
        BE_EC,y [t CO2].

    Raises
    ------
    InputError
        If a consumption is negative or a loss is outside [0, 1).

    Notes
    -----
    .. math:: BE_{EC,y} = \sum_k EC_{BL,k,y} \times EF_{EF,k,y} \times (1 + TDL_{k,y})
       \tag{TOOL05 (2)}

    References
    ----------
    TOOL05 v03.0, para. 16, equation (2); para. 20(b), data table 3.

    Examples
    --------
    1000 MWh at the baseline default 0.4 t CO2/MWh with 3 % losses:

    >>> from ccer_calc.units import Quantity
    >>> be = baseline_electricity_consumption_emissions(
    ...     electricity_consumed=Quantity(1000.0, "MWh"),
    ...     emission_factor=Quantity(0.4, "t CO2/MWh"), transmission_loss=Quantity(3, "%"))
    >>> round(float(be.quantity.magnitude), 6)
    412.0
    """
    return _consumption_emissions(electricity_consumed, emission_factor, transmission_loss)


@equation(
    id="TOOL05 (3)", document=_TOOL05,
    symbol="LE_EC,y",
    formula="LE_EC,y = Σ_l EC_LE,l,y × EF_EF,l,y × (1 + TDL_l,y)",
    source=f"{_TOOL05}, para. 16, generic approach, eq. (3)",
    inputs=_INPUTS, output="t CO2",
    description="leakage CO2 from the net increase in electricity use of the sources l",
)
def leakage_electricity_consumption_emissions(
    electricity_consumed: pint.Quantity,
    emission_factor: pint.Quantity,
    transmission_loss: pint.Quantity,
) -> pint.Quantity:
    r"""Leakage CO2 emissions from electricity consumption in year y, summed over sources l.

    Parameters
    ----------
    electricity_consumed : Quantity
        Net increase in consumption of leakage source l, EC_LE,l,y (zero where consumption
        fell, footnote 1), sources on the first axis [MWh].
    emission_factor : Quantity
        EF_EF,l,y [t CO2/MWh].
    transmission_loss : Quantity
        TDL_l,y [dimensionless].

    Returns
    -------
    Quantity
        LE_EC,y [t CO2].

    Raises
    ------
    InputError
        If a consumption is negative or a loss is outside [0, 1).

    Notes
    -----
    .. math:: LE_{EC,y} = \sum_l EC_{LE,l,y} \times EF_{EF,l,y} \times (1 + TDL_{l,y})
       \tag{TOOL05 (3)}

    References
    ----------
    TOOL05 v03.0, para. 16, equation (3) and footnote 1.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> le = leakage_electricity_consumption_emissions(
    ...     electricity_consumed=Quantity(10.0, "MWh"),
    ...     emission_factor=Quantity(1.3, "t CO2/MWh"), transmission_loss=Quantity(0.2, ""))
    >>> round(float(le.quantity.magnitude), 6)
    15.6
    """
    return _consumption_emissions(electricity_consumed, emission_factor, transmission_loss)


def consumption_emission_factor(
    option: Literal["combined_margin", "conservative_default"],
    *,
    combined_margin: Value | None,
    conservative_default: Value,
) -> Value:
    """The grid emission factor for consumption: option A1 (the CM) or A2 (a default).

    TOOL05 v03.0 para. 19 (option A1: EF_EL = EF_grid,CM,y by TOOL07) and para. 20 (option A2:
    the conservative defaults of :data:`TOOL05_PARAMETERS`).

    Raises
    ------
    InputError
        If the combined margin is chosen but not given, or the option is unknown.
    """
    if option == "conservative_default":
        return conservative_default
    if option == "combined_margin":
        if combined_margin is None:
            raise InputError("the combined-margin option needs the grid's combined margin",
                             field="emission_factor_option", value=option,
                             expected="a combined margin from TOOL07 (TOOL05 v03.0 para. 19), or "
                                      "conservative_default")
        return combined_margin
    raise InputError("unknown grid emission factor option", field="emission_factor_option",
                     value=option, expected="combined_margin or conservative_default")
