"""Soil organic carbon of mangrove plantings by planting year: the shared arithmetic.

AR-AM0014 v03.0 eq. (4) counts the SOC of a mangrove project as a default rate per hectare
planted (0.50 t C/ha/yr, para. 17) for twenty years after the year of planting. The plug-ins
built on that text keep their own equations (ids and citations) and call these plain bodies:
the rate of each planting in each year, and the sum over plantings as CO2.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.bounds import Bounds
from ccer_calc.errors import InputError
from ccer_calc.parameters import Parameter
from ccer_calc.tools.forestry._common import CO2_PER_CARBON
from ccer_calc.units import Quantity

__all__ = ["planted_soc_change", "rate_by_planting_year", "soc_accrual_parameters"]


def rate_by_planting_year(year: pint.Quantity, planting_year: pint.Quantity,
                          rate: pint.Quantity, years: pint.Quantity) -> pint.Quantity:
    """The rate for t_PLANT <= t <= t_PLANT + N, else zero; shape (years, plantings).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> r = rate_by_planting_year(Quantity(np.array([2019, 2020, 2040, 2041]), ""),
    ...     Quantity(np.array([2020, 2021]), ""), Quantity(0.5, "t C/ha/yr"),
    ...     Quantity(20, "yr"))
    >>> r.m_as("t C/ha/yr").tolist()
    [[0.0, 0.0], [0.5, 0.0], [0.5, 0.5], [0.0, 0.5]]
    """
    t = np.asarray(year.m_as(""), dtype=np.float64)[:, None]
    p = np.atleast_1d(np.asarray(planting_year.m_as(""), dtype=np.float64))[None, :]
    n = float(np.asarray(years.m_as("yr")))
    if n < 0:
        raise InputError("the years of SOC accrual must not be negative", field="accrual_years",
                         value=n, expected=">= 0 yr")
    on = (t >= p) & (t <= p + n)
    return Quantity(np.where(on, float(np.asarray(rate.m_as("t C/ha/yr"))), 0.0), "t C/ha/yr")


def planted_soc_change(area: pint.Quantity, rate: pint.Quantity,
                       duration: pint.Quantity) -> pint.Quantity:
    """44/12 × Σ over plantings of area × rate, times the element's duration [t CO2].

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> round(float(planted_soc_change(Quantity([35.0, 25.0], "ha"),
    ...     Quantity([[0.5, 0.5]], "t C/ha/yr"), Quantity([0.5], "yr")).m_as("t CO2")[0]), 6)
    55.0
    """
    per_year = (np.asarray(rate.m_as("t C/ha/yr")) * np.asarray(area.m_as("ha"))).sum(axis=-1)
    return CO2_PER_CARBON * Quantity(per_year, "t C/yr") * duration


def soc_accrual_parameters(rate_source: str, years_source: str, *, provisional: bool = False
                           ) -> tuple[Parameter, Parameter]:
    """DSOC and N of the planting-year rule, with the defaults of AR-AM0014 v03.0 para. 17.

    0.50 t C/ha/yr for 20 years after planting, both overridable; the plug-in cites its own
    source for each (``rate_source``, ``years_source``) and flags them ``provisional`` where it
    takes them from its parent.
    """
    return (
        Parameter("soc_accrual_rate", "dSOC", "t C/ha/yr", "红树林种植后土壤有机碳年变化率",
                  "rate of change in SOC after planting", rate_source, "fixed", default=0.50,
                  overridable=True, bounds=Bounds(0.0, 10.0), provisional=provisional),
        Parameter("soc_accrual_years", "N", "yr", "种植后按该速率计算土壤有机碳的年数",
                  "years after planting with that rate", years_source, "fixed", default=20.0,
                  overridable=True, bounds=Bounds(0.0, 100.0), provisional=provisional),
    )
