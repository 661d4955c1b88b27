"""Emissions from electricity consumption (CDM TOOL05 route).

``PE_EC,y = Σ_j EC_PJ,j,y × EF_EF,j,y × (1 + TDL_j,y)``: electricity consumed by each source j,
times the emission factor of its supply, grossed up for transmission and distribution losses.
The grid emission factor is either the combined margin of the grid (TOOL07) or a conservative
default; the losses are measured or a default.

All three default numbers below (1.3 t CO2/MWh; TDL 20 % for project and leakage sources, 3 % for
baseline sources) are recalled from TOOL05 and were NOT found in any source available offline
(reference brief §6.4, research note other_facts.md): they are overridable parameters whose
source text says so. The equation itself is tagged [U] for the same reason.
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
    "consumption_emission_factor",
    "electricity_consumption_emissions",
]

_TOOL05 = ("CDM TOOL05 (Baseline, project and/or leakage emissions from electricity "
           "consumption and monitoring of electricity generation)")
_UNVERIFIED = ("UNVERIFIED [U]: recalled from background knowledge of TOOL05 v3.0, not found in "
               "any stored source; check TOOL05 on cdm.unfccc.int and override if it differs")

TOOL05_PARAMETERS = ParameterSet((
    Parameter(
        name="conservative_grid_emission_factor", symbol="EF_EF,j,y", unit="t CO2/MWh",
        description_zh="电网排放因子保守缺省值（项目和泄漏排放）",
        description_en="conservative default grid emission factor for project and leakage "
                       "emissions from electricity consumption",
        source=f"{_TOOL05}, default for project/leakage sources; {_UNVERIFIED}",
        kind="fixed", default=1.3, overridable=True),
    Parameter(
        name="transmission_loss_project", symbol="TDL_j,y", unit="dimensionless",
        description_zh="输配电损耗率缺省值（项目和泄漏排放源）",
        description_en="default transmission and distribution loss for project and leakage "
                       "electricity consumption sources",
        source=f"{_TOOL05}, default 20 %; {_UNVERIFIED}",
        kind="fixed", default=0.20, overridable=True),
    Parameter(
        name="transmission_loss_baseline", symbol="TDL_j,y", unit="dimensionless",
        description_zh="输配电损耗率缺省值（基准线排放源）",
        description_en="default transmission and distribution loss for baseline electricity "
                       "consumption sources",
        source=f"{_TOOL05}, default 3 %; {_UNVERIFIED}",
        kind="fixed", default=0.03, overridable=True),
))


@equation(
    id="TOOL05 eq. (1)",
    symbol="PE_EC,y",
    formula="PE_EC,y = Σ_j EC_PJ,j,y × EF_EF,j,y × (1 + TDL_j,y)",
    source=f"{_TOOL05} [U: form recalled, not checked against the text]",
    inputs={"electricity_consumed": "MWh", "emission_factor": "t CO2/MWh",
            "transmission_loss": "dimensionless"},
    output="t CO2",
    description="CO2 from the electricity consumed by the sources j",
)
def electricity_consumption_emissions(
    electricity_consumed: pint.Quantity,
    emission_factor: pint.Quantity,
    transmission_loss: pint.Quantity,
) -> pint.Quantity:
    r"""CO2 emissions from electricity consumption in year y, summed over the sources j.

    Parameters
    ----------
    electricity_consumed : Quantity
        Electricity consumed by each source j, EC_PJ,j,y [MWh]. The first axis is the source
        axis j and is summed over; further axes (periods) are kept. A scalar is one source.
    emission_factor : Quantity
        Emission factor of the electricity supplied to each source, EF_EF,j,y [t CO2/MWh]:
        the grid's combined margin or a conservative default.
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
       \tag{TOOL05 eq. (1)}

    References
    ----------
    CDM TOOL05, generic approach, equation (1). [U] Not checked against the TOOL05 text.

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
    ec = np.asarray(electricity_consumed.magnitude)
    if np.any(ec < 0):
        raise InputError("negative electricity consumption", field="electricity_consumed",
                         value=float(ec[ec < 0].flat[0]), expected="EC_PJ,j,y >= 0 MWh")
    tdl = np.asarray(transmission_loss.magnitude)
    if np.any((tdl < 0) | (tdl >= 1)):
        raise InputError("transmission and distribution loss outside [0, 1)",
                         field="transmission_loss", value=float(np.ravel(tdl)[0]),
                         expected="a fraction such as 0.2")
    per_source = electricity_consumed * emission_factor * (1 + transmission_loss)
    return per_source if np.ndim(per_source.magnitude) == 0 else per_source.sum(axis=0)


def consumption_emission_factor(
    option: Literal["combined_margin", "conservative_default"],
    *,
    combined_margin: Value | None,
    conservative_default: Value,
) -> Value:
    """The grid emission factor for consumption: the CM (TOOL07) or the conservative default.

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
                             expected="a combined margin from TOOL07, or conservative_default")
        return combined_margin
    raise InputError("unknown grid emission factor option", field="emission_factor_option",
                     value=option, expected="combined_margin or conservative_default")
