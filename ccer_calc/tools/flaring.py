"""Project emissions from flaring: CDM TOOL06 v04.0, flare efficiency and eq. (15).

TOOL06 v04.0 ("Project emissions from flaring", EB 113, Annex 10, in force 11 March 2022;
public at https://cdm.unfccc.int/Reference/tools/index.html) computes the methane a flare
fails to destroy, minute by minute (para. 11):

* Step 1: the methane flowing to the flare in each minute m, F_CH4,RG,m [kg], by TOOL08;
* Step 2: the flare efficiency of each minute, η_flare,m: 50 % for an open flare when the flame
  is detected (para. 18); for an enclosed flare either the default 90 % (option A, para. 21) or
  a measured value (option B, para. 24), each only in minutes in which the flame is detected
  and temperature and flow are within the manufacturer's specification, and 10 percentage
  points lower for a low height flare (para. 23, 38); otherwise 0;
* Step 3: PE_flare,y = GWP_CH4 × Σ_m F_CH4,RG,m × (1 − η_flare,m) × 10⁻³ (eq. (15)).

Arrays run over minutes on their **last** axis; leading axes (periods) are kept. Data must be
linked in time and reported in intervals of one minute or less (para. 41); readings taken more
often are reduced to minutes with :func:`to_minutes`. The measured efficiency (option B) is in
:mod:`ccer_calc.tools.flaring_measured` (eq. (1), (2)) and
:mod:`ccer_calc.tools.flaring_per_minute` (eq. (3)-(14)). GWP_CH4 is the calling
methodology's parameter: TOOL06 v04.0 itself prints 21 in Table 1 and 25 in data table 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError

__all__ = [
    "DOCUMENT",
    "FlareSpecification",
    "enclosed_flare_efficiency_default",
    "enclosed_flare_efficiency_measured",
    "flaring_project_emissions",
    "open_flare_efficiency",
    "to_minutes",
]

DOCUMENT = "TOOL06 v04.0"
#: Flare efficiencies by default (para. 18, 21) and the low-height deduction (para. 23, 38).
OPEN_FLARE_EFFICIENCY = 0.5
ENCLOSED_FLARE_EFFICIENCY = 0.9
LOW_HEIGHT_DEDUCTION = 0.1
_FLAGS = {"flame_detected": "dimensionless", "within_specification": "dimensionless",
          "low_height_flare": "dimensionless"}


def _flag(q: pint.Quantity, name: str) -> np.ndarray:
    """A 0/1 flag array, refusing anything else."""
    v = np.asarray(q.m_as(""), dtype=np.float64)
    if not np.all((v == 0) | (v == 1)):
        raise InputError("a flag must be 0 or 1", field=name,
                         value=float(v[(v != 0) & (v != 1)].flat[0]),
                         expected="1 (yes) or 0 (no) for each minute")
    return v


@dataclass(frozen=True)
class FlareSpecification:
    """SPEC_flare: the manufacturer's operating ranges of an enclosed flare (data table 2).

    Attributes
    ----------
    min_temperature, max_temperature : Quantity
        Operating temperature range of the exhaust gas (°C or K).
    min_flow, max_flow : Quantity
        Inlet flow range of the residual gas (kg/h, Nm3/h, or a heat flux), in one dimension.
    """

    min_temperature: pint.Quantity
    max_temperature: pint.Quantity
    min_flow: pint.Quantity
    max_flow: pint.Quantity

    def within(self, temperature: pint.Quantity, flow: pint.Quantity) -> np.ndarray:
        """1.0 in each minute whose T_EG,m and F_RG,m are inside the ranges, else 0.0.

        Raises
        ------
        InputError
            If the flow has another dimension than the specification's.

        Examples
        --------
        >>> import numpy as np
        >>> from ccer_calc.units import Quantity
        >>> spec = FlareSpecification(Quantity(800, "degC"), Quantity(1200, "degC"),
        ...                           Quantity(100, "Nm3/h"), Quantity(1000, "Nm3/h"))
        >>> spec.within(Quantity(np.array([900.0, 750.0, 1000.0]), "degC"),
        ...             Quantity(np.array([500.0, 500.0, 1500.0]), "Nm3/h")).tolist()
        [1.0, 0.0, 0.0]
        """
        if flow.dimensionality != self.min_flow.dimensionality:
            raise InputError("flow in another dimension than the flare specification",
                             field="flow", value=f"{flow.units:~}",
                             expected=f"a unit convertible to {self.min_flow.units:~}")
        t = np.asarray(temperature.m_as("K"))
        f = np.asarray(flow.m_as(self.min_flow.units))
        ok = ((t >= self.min_temperature.m_as("K")) & (t <= self.max_temperature.m_as("K"))
              & (f >= self.min_flow.m_as(self.min_flow.units))
              & (f <= self.max_flow.m_as(self.min_flow.units)))
        return ok.astype(np.float64)


def to_minutes(samples: pint.Quantity, per_minute: int,
               how: Literal["sum", "mean"]) -> pint.Quantity:
    """Reduce readings taken ``per_minute`` times a minute to one value per minute.

    Masses and volumes of a minute are summed (``sum``); concentrations, fractions and
    temperatures are averaged (``mean``), as the monitoring tables of TOOL06 v04.0 ask ("values
    to be averaged on a minute basis", para. 41).

    Raises
    ------
    InputError
        If the readings do not fill whole minutes.

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> to_minutes(Quantity(np.arange(6.0), "kg"), 3, "sum").magnitude.tolist()
    [3.0, 12.0]
    """
    mag = np.asarray(samples.magnitude, dtype=np.float64)
    n = mag.shape[-1] if mag.ndim else 1
    if per_minute < 1 or n % per_minute:
        raise InputError("readings do not fill whole minutes", field="samples", value=n,
                         expected=f"a multiple of {per_minute} readings on the last axis")
    shaped = mag.reshape((*mag.shape[:-1], n // per_minute, per_minute))
    out = shaped.sum(axis=-1) if how == "sum" else shaped.mean(axis=-1)
    return type(samples)(out, samples.units)


@equation(
    id="TOOL06 para. 18", document=DOCUMENT,
    symbol="η_flare,m",
    formula="η_flare,m = 50 % if Flame_m, else 0 % (open flare)",
    source=f"{DOCUMENT}, para. 17-18, open flare",
    inputs={"flame_detected": "dimensionless"},
    output="dimensionless",
    description="flare efficiency of an open flare in each minute",
)
def open_flare_efficiency(flame_detected: pint.Quantity) -> pint.Quantity:
    r"""Efficiency of an open flare in minute m: the default 50 % while the flame is detected.

    Parameters
    ----------
    flame_detected : Quantity
        Flame_m: 1 if the flame detector saw a flame in minute m, else 0 [dimensionless].

    Returns
    -------
    Quantity
        η_flare,m [dimensionless].

    Raises
    ------
    InputError
        If a flag is neither 0 nor 1.

    Notes
    -----
    .. math:: \eta_{flare,m} = 0.5 \, Flame_m  \tag{TOOL06 para. 18}

    An open flare always takes the default (para. 17).

    References
    ----------
    TOOL06 v04.0, para. 17-18; data table 10 (Flame_m).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> eta = open_flare_efficiency(flame_detected=Quantity(np.array([1.0, 0.0, 1.0]), ""))
    >>> eta.quantity.magnitude.tolist()
    [0.5, 0.0, 0.5]
    """
    return _flag(flame_detected, "flame_detected") * OPEN_FLARE_EFFICIENCY * flame_detected.units


@equation(
    id="TOOL06 para. 21", document=DOCUMENT,
    symbol="η_flare,m",
    formula="η_flare,m = (90 % − 10 % if low height) if Flame_m and T_EG,m, F_RG,m within "
            "SPEC_flare, else 0 %",
    source=f"{DOCUMENT}, para. 19-23, enclosed flare, option A (default value)",
    inputs=_FLAGS,
    output="dimensionless",
    description="flare efficiency of an enclosed flare in each minute, default value",
)
def enclosed_flare_efficiency_default(
    flame_detected: pint.Quantity,
    within_specification: pint.Quantity,
    low_height_flare: pint.Quantity,
) -> pint.Quantity:
    r"""Efficiency of an enclosed flare in minute m by default (option A).

    Parameters
    ----------
    flame_detected : Quantity
        Flame_m: 1 if a flame was detected in minute m [dimensionless].
    within_specification : Quantity
        1 if T_EG,m and F_RG,m were within SPEC_flare in minute m
        (:meth:`FlareSpecification.within`) [dimensionless].
    low_height_flare : Quantity
        1 for a low height flare (enclosure 2 to 10 diameters high), else 0 [dimensionless].

    Returns
    -------
    Quantity
        η_flare,m [dimensionless].

    Raises
    ------
    InputError
        If a flag is neither 0 nor 1.

    Notes
    -----
    .. math:: \eta_{flare,m} = (0.9 - 0.1\,LH) \times Flame_m \times SPEC_m
       \tag{TOOL06 para. 21}

    References
    ----------
    TOOL06 v04.0, para. 19-23 and footnote 2 (80 % for a low height flare).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> eta = enclosed_flare_efficiency_default(
    ...     flame_detected=Quantity(np.array([1.0, 1.0, 0.0]), ""),
    ...     within_specification=Quantity(np.array([1.0, 0.0, 1.0]), ""),
    ...     low_height_flare=Quantity(1.0, ""))
    >>> [round(x, 6) for x in eta.quantity.magnitude.tolist()]
    [0.8, 0.0, 0.0]
    """
    on = _flag(flame_detected, "flame_detected") * _flag(within_specification,
                                                         "within_specification")
    low = _flag(low_height_flare, "low_height_flare")
    return (ENCLOSED_FLARE_EFFICIENCY - LOW_HEIGHT_DEDUCTION * low) * on * flame_detected.units


@equation(
    id="TOOL06 para. 24", document=DOCUMENT,
    symbol="η_flare,m",
    formula="η_flare,m = η_flare,calc,m (− 10 % if low height) if Flame_m and T_EG,m, F_RG,m "
            "within SPEC_flare, else 0 %",
    source=f"{DOCUMENT}, para. 24-25 and 38, enclosed flare, option B (measured)",
    inputs={"measured_efficiency": "dimensionless", **_FLAGS},
    output="dimensionless",
    description="flare efficiency of an enclosed flare in each minute, measured value",
)
def enclosed_flare_efficiency_measured(
    measured_efficiency: pint.Quantity,
    flame_detected: pint.Quantity,
    within_specification: pint.Quantity,
    low_height_flare: pint.Quantity,
) -> pint.Quantity:
    r"""Efficiency of an enclosed flare in minute m from measurement (option B).

    Parameters
    ----------
    measured_efficiency : Quantity
        η_flare,calc: the year's value of eq. (1) (option B.1) or each minute's of eq. (2)
        (option B.2) [dimensionless].
    flame_detected : Quantity
        Flame_m: 1 if a flame was detected in minute m [dimensionless].
    within_specification : Quantity
        1 if T_EG,m and F_RG,m were within SPEC_flare in minute m [dimensionless].
    low_height_flare : Quantity
        1 for a low height flare, else 0 [dimensionless].

    Returns
    -------
    Quantity
        η_flare,m [dimensionless].

    Raises
    ------
    InputError
        If a flag is neither 0 nor 1, or a measured efficiency (after the low-height
        deduction) is outside [0, 1].

    Notes
    -----
    .. math:: \eta_{flare,m} = (\eta_{flare,calc,m} - 0.1\,LH) \times Flame_m \times SPEC_m
       \tag{TOOL06 para. 24}

    Where data for option B are missing, TOOL06 allows option A as a backup (para. 20).

    References
    ----------
    TOOL06 v04.0, para. 24-26 and 38.

    Examples
    --------
    A low height flare measured at 99 % counts 89 % (para. 38):

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> eta = enclosed_flare_efficiency_measured(
    ...     measured_efficiency=Quantity(0.99, ""),
    ...     flame_detected=Quantity(np.array([1.0, 0.0]), ""),
    ...     within_specification=Quantity(np.array([1.0, 1.0]), ""),
    ...     low_height_flare=Quantity(1.0, ""))
    >>> [round(x, 6) for x in eta.quantity.magnitude.tolist()]
    [0.89, 0.0]
    """
    on = _flag(flame_detected, "flame_detected") * _flag(within_specification,
                                                         "within_specification")
    eta = (np.asarray(measured_efficiency.m_as(""), dtype=np.float64)
           - LOW_HEIGHT_DEDUCTION * _flag(low_height_flare, "low_height_flare"))
    bad = eta[(eta < 0) | (eta > 1)]
    if bad.size:
        raise InputError("measured flare efficiency outside [0, 1] after the low-height "
                         "deduction", field="measured_efficiency", value=float(bad.flat[0]),
                         expected="an efficiency such as 0.99")
    return eta * on * measured_efficiency.units


@equation(
    id="TOOL06 (15)", document=DOCUMENT,
    symbol="PE_flare,y",
    formula="PE_flare,y = GWP_CH4 × Σ_m F_CH4,RG,m × (1 − η_flare,m) × 10^-3",
    source=f"{DOCUMENT}, para. 39, eq. (15)",
    inputs={"methane_gwp": "t CO2e / (t CH4)", "residual_methane": "kg CH4",
            "flare_efficiency": "dimensionless"},
    output="t CO2e",
    description="project emissions from methane that the flare does not destroy",
)
def flaring_project_emissions(
    methane_gwp: pint.Quantity,
    residual_methane: pint.Quantity,
    flare_efficiency: pint.Quantity,
) -> pint.Quantity:
    r"""Project emissions from flaring: the unburned methane of every minute, in CO2e.

    Parameters
    ----------
    methane_gwp : Quantity
        GWP_CH4, the calling methodology's value [t CO2e / (t CH4)].
    residual_methane : Quantity
        F_CH4,RG,m, methane fed to the flare in each minute m (dry basis), shape
        (..., minutes) [kg CH4].
    flare_efficiency : Quantity
        η_flare,m of each minute, same shape [dimensionless].

    Returns
    -------
    Quantity
        PE_flare,y [t CO2e], shape (...).

    Raises
    ------
    InputError
        If a methane flow is negative or an efficiency is outside [0, 1].

    Notes
    -----
    .. math:: PE_{flare,y} = GWP_{CH4} \sum_{m=1}^{525600} F_{CH4,RG,m}
       (1 - \eta_{flare,m}) \times 10^{-3}  \tag{TOOL06 (15)}

    The 10⁻³ turns kg into t; here the unit registry does it. The sum runs over the minutes
    given (525 600 in a full year).

    References
    ----------
    TOOL06 v04.0, para. 39, equation (15).

    Examples
    --------
    Three minutes of 10 kg CH4, efficiency 90 %, 90 % and 0 %, GWP 25:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> pe = flaring_project_emissions(
    ...     methane_gwp=Quantity(25, "t CO2e / (t CH4)"),
    ...     residual_methane=Quantity(np.full(3, 10.0), "kg CH4"),
    ...     flare_efficiency=Quantity(np.array([0.9, 0.9, 0.0]), ""))
    >>> round(float(pe.quantity.magnitude), 6)
    0.3
    """
    flow = np.asarray(residual_methane.magnitude)
    if np.any(flow < 0):
        raise InputError("negative methane flow", field="residual_methane",
                         value=float(flow[flow < 0].flat[0]), expected="F_CH4,RG,m >= 0 kg")
    eta = np.asarray(flare_efficiency.m_as(""))
    if np.any((eta < 0) | (eta > 1)):
        raise InputError("flare efficiency outside [0, 1]", field="flare_efficiency",
                         value=float(eta[(eta < 0) | (eta > 1)].flat[0]),
                         expected="η_flare,m in [0, 1]")
    unburned = residual_methane * (1 - flare_efficiency)
    total = unburned if np.ndim(unburned.magnitude) == 0 else unburned.sum(axis=-1)
    return methane_gwp * total
