"""AR-TOOL16 v01.1.0: change in soil organic carbon (SOC) due to an A/R project, eq. (1)-(8).

Per stratum of land meeting the tool's applicability conditions: the initial SOC is the
reference stock times land-use, management and input factors (eq. 1, Tables 3-6); where the
project disturbs more than 10 % of the stratum, 10 % of it is lost in the preparation year
(eq. 2, 3, 5); then SOC rises linearly to the reference stock over 20 years (eq. 6), at most
0.8 t C/ha/yr (eq. 7); before preparation the rate is zero (eq. 4). The project change in a
year is 44/12 times the area-weighted rates (eq. 8).

Look-ups in Tables 1-6 are in :mod:`.tool16_tables`. After the 20 years of eq. (6) the tool
gives no rate; its assumption 4(c) (steady state after
20 years) is read as a rate of zero, and the code says so.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import CO2_PER_CARBON, TOOL16, sum_last
from ccer_calc.units import Quantity

__all__ = [
    "capped_soc_rate",
    "initial_soc",
    "soc_change",
    "soc_loss",
    "soc_rate_in_year",
    "soc_rate_preparation_year",
    "soc_rate_recovery",
]

_RECOVERY_YEARS = 20


@equation(
    id="AR-TOOL16 (1)", document=TOOL16, symbol="SOC_INITIAL,i",
    formula="SOC_INITIAL,i = SOC_REF,i × f_LU,i × f_MG,i × f_IN,i",
    source=f"{TOOL16}, para. 7, eq. (1)",
    inputs={"soc_reference": "t C/ha", "land_use_factor": "dimensionless",
            "management_factor": "dimensionless", "input_factor": "dimensionless"},
    output="t C/ha", description="SOC stock at the start of the project in each stratum",
)
def initial_soc(
    soc_reference: pint.Quantity, land_use_factor: pint.Quantity,
    management_factor: pint.Quantity, input_factor: pint.Quantity,
) -> pint.Quantity:
    r"""Initial SOC from the reference stock and the baseline stock change factors.

    Parameters
    ----------
    soc_reference : Quantity
        SOC_REF,i (Table 3) [t C/ha].
    land_use_factor : Quantity
        f_LU,i (Tables 4, 6) [dimensionless].
    management_factor : Quantity
        f_MG,i (Tables 4, 6) [dimensionless].
    input_factor : Quantity
        f_IN,i (Tables 5, 6) [dimensionless].

    Returns
    -------
    Quantity
        SOC_INITIAL,i [t C/ha].

    Notes
    -----
    .. math:: SOC_{INITIAL,i} = SOC_{REF,i} f_{LU,i} f_{MG,i} f_{IN,i}  \tag{AR-TOOL16 (1)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 7, equation (1); Tables 3-6.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> s = initial_soc(soc_reference=Quantity(47, "t C/ha"),
    ...     land_use_factor=Quantity(0.48, ""), management_factor=Quantity(1.0, ""),
    ...     input_factor=Quantity(0.92, ""))
    >>> round(float(s.quantity.magnitude), 6)
    20.7552
    """
    return soc_reference * land_use_factor * management_factor * input_factor


@equation(
    id="AR-TOOL16 (2)", document=TOOL16, symbol="SOC_LOSS,i",
    formula="SOC_LOSS,i = SOC_INITIAL,i × 0.1 if disturbed area > 10 % of A_i, else 0 (eq. 3)",
    source=f"{TOOL16}, para. 9, eq. (2) and (3)",
    inputs={"initial_soc": "t C/ha", "disturbed_share": "dimensionless"}, output="t C/ha",
    description="SOC lost to soil disturbance attributable to the project",
)
def soc_loss(initial_soc: pint.Quantity, disturbed_share: pint.Quantity) -> pint.Quantity:
    r"""SOC loss: a tenth of the initial stock where disturbance exceeds 10 % of the stratum.

    Parameters
    ----------
    initial_soc : Quantity
        SOC_INITIAL,i [t C/ha].
    disturbed_share : Quantity
        Area disturbed by the project over and above the baseline, as a share of the stratum
        area [dimensionless].

    Returns
    -------
    Quantity
        SOC_LOSS,i [t C/ha]: eq. (2) where the share exceeds 10 %, eq. (3) (zero) otherwise.

    Notes
    -----
    .. math:: SOC_{LOSS,i} = \begin{cases} 0.1 \times SOC_{INITIAL,i} & \text{(2), share} > 10\%
       \\ 0 & \text{(3), otherwise} \end{cases}  \tag{AR-TOOL16 (2)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 9, equations (2) and (3).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> s = soc_loss(initial_soc=Quantity(np.array([20.0, 20.0]), "t C/ha"),
    ...              disturbed_share=Quantity(np.array([0.10, 0.25]), ""))
    >>> s.quantity.magnitude.round(6).tolist()
    [0.0, 2.0]
    """
    share = np.asarray(disturbed_share.m_as(""))
    if np.any((share < 0) | (share > 1)):
        raise InputError("disturbed share is a fraction of the stratum", field="disturbed_share",
                         expected="0 <= share <= 1")
    return initial_soc * np.where(share > 0.1, 0.1, 0.0)  # noqa: PLR2004 - the tool's 10 %


@equation(
    id="AR-TOOL16 (5)", document=TOOL16, symbol="dSOC_t,i",
    formula="dSOC_t,i = −SOC_LOSS,i / 1 year for t = t_PREP,i",
    source=f"{TOOL16}, para. 10, eq. (5)",
    inputs={"soc_loss": "t C/ha"}, output="t C/ha/yr",
    description="Rate of change of SOC in the year of site preparation",
)
def soc_rate_preparation_year(soc_loss: pint.Quantity) -> pint.Quantity:
    r"""SOC change rate in the preparation year: the loss, in one year.

    Parameters
    ----------
    soc_loss : Quantity
        SOC_LOSS,i [t C/ha].

    Returns
    -------
    Quantity
        dSOC_t,i for t = t_PREP,i [t C/ha/yr].

    Notes
    -----
    .. math:: dSOC_{t,i} = -\frac{SOC_{LOSS,i}}{1\,\text{year}}  \tag{AR-TOOL16 (5)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 10, equation (5).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = soc_rate_preparation_year(soc_loss=Quantity(2.0, "t C/ha"))
    >>> round(float(r.quantity.magnitude), 6)
    -2.0
    """
    return -soc_loss / Quantity(1.0, "yr")


@equation(
    id="AR-TOOL16 (6)", document=TOOL16, symbol="dSOC_t,i",
    formula="dSOC_t,i = [SOC_REF,i − (SOC_INITIAL,i − SOC_LOSS,i)] / 20 years "
            "for t_PREP,i < t ≤ t_PREP,i + 20",
    source=f"{TOOL16}, para. 10, eq. (6)",
    inputs={"soc_reference": "t C/ha", "initial_soc": "t C/ha", "soc_loss": "t C/ha"},
    output="t C/ha/yr", description="Rate of SOC recovery towards the reference stock",
)
def soc_rate_recovery(
    soc_reference: pint.Quantity, initial_soc: pint.Quantity, soc_loss: pint.Quantity
) -> pint.Quantity:
    r"""Linear SOC recovery over 20 years towards the native reference stock.

    Parameters
    ----------
    soc_reference : Quantity
        SOC_REF,i [t C/ha].
    initial_soc : Quantity
        SOC_INITIAL,i [t C/ha].
    soc_loss : Quantity
        SOC_LOSS,i [t C/ha].

    Returns
    -------
    Quantity
        dSOC_t,i for the 20 years after preparation, before the cap of eq. (7) [t C/ha/yr].

    Notes
    -----
    .. math:: dSOC_{t,i} = \frac{SOC_{REF,i} - (SOC_{INITIAL,i} - SOC_{LOSS,i})}
       {20\,\text{years}}  \tag{AR-TOOL16 (6)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 10, equation (6).

    Examples
    --------
    (47 − (20.7552 − 2.07552)) / 20 = 1.416016 t C/ha/yr:

    >>> from ccer_calc.units import Quantity
    >>> r = soc_rate_recovery(soc_reference=Quantity(47, "t C/ha"),
    ...     initial_soc=Quantity(20.7552, "t C/ha"), soc_loss=Quantity(2.07552, "t C/ha"))
    >>> round(float(r.quantity.magnitude), 6)
    1.416016
    """
    return (soc_reference - (initial_soc - soc_loss)) / Quantity(_RECOVERY_YEARS, "yr")


@equation(
    id="AR-TOOL16 (7)", document=TOOL16, symbol="dSOC_t,i",
    formula="if dSOC_t,i > 0.8 t C/ha/yr then dSOC_t,i = 0.8 t C/ha/yr",
    source=f"{TOOL16}, para. 11, eq. (7)",
    inputs={"rate": "t C/ha/yr", "cap": "t C/ha/yr"}, output="t C/ha/yr",
    description="SOC accumulation rate capped at 0.8 t C/ha/yr",
)
def capped_soc_rate(rate: pint.Quantity, cap: pint.Quantity) -> pint.Quantity:
    r"""The recovery rate, at most the cap.

    Parameters
    ----------
    rate : Quantity
        dSOC_t,i from eq. (6) [t C/ha/yr].
    cap : Quantity
        0.8 t C/ha/yr (para. 11) [t C/ha/yr].

    Returns
    -------
    Quantity
        min(dSOC_t,i, cap) [t C/ha/yr].

    Notes
    -----
    .. math:: dSOC_{t,i} = \min(dSOC_{t,i}, 0.8)  \tag{AR-TOOL16 (7)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 11, equation (7).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> r = capped_soc_rate(rate=Quantity(1.416016, "t C/ha/yr"),
    ...                     cap=Quantity(0.8, "t C/ha/yr"))
    >>> round(float(r.quantity.magnitude), 6)
    0.8
    """
    return Quantity(np.minimum(rate.m_as("t C/ha/yr"), cap.m_as("t C/ha/yr")), "t C/ha/yr")


@equation(
    id="AR-TOOL16 (4)", document=TOOL16, symbol="dSOC_t,i",
    formula="dSOC_t,i = 0 for t < t_PREP,i ; eq. (5) for t = t_PREP,i ; eq. (6)-(7) for "
            "t_PREP,i < t ≤ t_PREP,i + 20 ; 0 afterwards",
    source=f"{TOOL16}, para. 10, eq. (4)-(6); assumption 4(c) after 20 years",
    inputs={"year": "dimensionless", "preparation_year": "dimensionless",
            "preparation_rate": "t C/ha/yr", "recovery_rate": "t C/ha/yr"},
    output="t C/ha/yr", description="Rate of change of SOC by year and stratum",
)
def soc_rate_in_year(
    year: pint.Quantity, preparation_year: pint.Quantity, preparation_rate: pint.Quantity,
    recovery_rate: pint.Quantity,
) -> pint.Quantity:
    r"""SOC change rate of each stratum in each year (years × strata).

    Parameters
    ----------
    year : Quantity
        Calendar years t, one per row of the result [dimensionless].
    preparation_year : Quantity
        t_PREP,i, year of the first soil disturbance of each stratum [dimensionless].
    preparation_rate : Quantity
        Eq. (5) rate of each stratum [t C/ha/yr].
    recovery_rate : Quantity
        Eq. (6) rate capped by eq. (7), of each stratum [t C/ha/yr].

    Returns
    -------
    Quantity
        dSOC_t,i, shape (years, strata) [t C/ha/yr].

    Notes
    -----
    .. math:: dSOC_{t,i} = \begin{cases} 0 & t < t_{PREP,i} \;\text{(4)} \\
       \text{eq. (5)} & t = t_{PREP,i} \\ \text{eq. (6)-(7)} & t_{PREP,i} < t \le
       t_{PREP,i} + 20 \\ 0 & t > t_{PREP,i} + 20 \end{cases}  \tag{AR-TOOL16 (4)}

    The last case is not printed in the tool; it follows from its assumption 4(c) that SOC
    reaches the steady state 20 years after planting.

    References
    ----------
    AR-TOOL16 v01.1.0, paras. 4(c) and 10, equations (4)-(6).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> r = soc_rate_in_year(year=Quantity(np.array([2019, 2020, 2021, 2040, 2041]), ""),
    ...     preparation_year=Quantity(np.array([2020]), ""),
    ...     preparation_rate=Quantity(np.array([-2.0]), "t C/ha/yr"),
    ...     recovery_rate=Quantity(np.array([0.8]), "t C/ha/yr"))
    >>> r.quantity.magnitude[:, 0].tolist()
    [0.0, -2.0, 0.8, 0.8, 0.0]
    """
    t = np.asarray(year.m_as(""))[:, None]
    prep = np.asarray(preparation_year.m_as(""))[None, :]
    prep_rate = np.asarray(preparation_rate.m_as("t C/ha/yr"))[None, :]
    rec = np.asarray(recovery_rate.m_as("t C/ha/yr"))[None, :]
    out = np.where(t == prep, prep_rate,
                   np.where((t > prep) & (t <= prep + _RECOVERY_YEARS), rec, 0.0))
    return Quantity(np.broadcast_to(out, (t.shape[0], max(prep.shape[1], rec.shape[1]))),
                    "t C/ha/yr")


@equation(
    id="AR-TOOL16 (8)", document=TOOL16, symbol="ΔSOC_AL,t",
    formula="ΔSOC_AL,t = 44/12 × Σ_i A_i × dSOC_t,i × 1 year",
    source=f"{TOOL16}, para. 12, eq. (8)",
    inputs={"stratum_area": "ha", "soc_rate": "t C/ha/yr"}, output="t CO2",
    description="Change in SOC stock of the land meeting the tool's conditions, in year t",
)
def soc_change(stratum_area: pint.Quantity, soc_rate: pint.Quantity) -> pint.Quantity:
    r"""Change in SOC in year t over the strata (last axis), as CO2.

    Parameters
    ----------
    stratum_area : Quantity
        A_i [ha].
    soc_rate : Quantity
        dSOC_t,i, strata along the last axis (years first if given) [t C/ha/yr].

    Returns
    -------
    Quantity
        ΔSOC_AL,t [t CO2].

    Notes
    -----
    .. math:: \Delta SOC_{AL,t} = \frac{44}{12} \sum_i A_i \, dSOC_{t,i} \times 1\,\text{year}
       \tag{AR-TOOL16 (8)}

    References
    ----------
    AR-TOOL16 v01.1.0, para. 12, equation (8).

    Examples
    --------
    44/12 × (100 × 0.8 + 50 × (−2.0)) = −73.333333 t CO2:

    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> d = soc_change(stratum_area=Quantity(np.array([100., 50.]), "ha"),
    ...                soc_rate=Quantity(np.array([0.8, -2.0]), "t C/ha/yr"))
    >>> round(float(d.quantity.magnitude), 6)
    -73.333333
    """
    return CO2_PER_CARBON * sum_last(stratum_area * soc_rate) * Quantity(1.0, "yr")
