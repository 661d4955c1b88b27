"""AR-TOOL16 v01.1.0 Tables 1-6: SOC reference stocks, stock change factors, applicability.

Table 3 gives reference SOC stocks, Tables 4-6 the stock change factors, and Tables 1-2 the
baseline practices under which the tool does not apply (para. 3).

The tables are data files in ``ccer_calc/tools/data/forestry`` with their source; look-ups
return :class:`~ccer_calc.parameters.Value` objects with origin ``default`` and the table row
as ``ref``, or raise naming what the tables do contain.
"""

from __future__ import annotations

import numpy as np

from ccer_calc.errors import DataNotFound
from ccer_calc.parameters import Value
from ccer_calc.tools.forestry._common import TOOL16, RuleCheck
from ccer_calc.tools.forestry.defaults import data_table
from ccer_calc.units import Quantity

__all__ = ["soc_reference", "soc_tool_applicable", "stock_change_factor"]

_SOILS = ("hac", "lac", "sandy", "spodic", "volcanic")


def soc_reference(climate_region: str, soil: str) -> Value:
    """SOC_REF [t C/ha] of AR-TOOL16 Table 3 (mineral soils, 0-30 cm).

    Examples
    --------
    >>> float(soc_reference("warm_temperate_moist", "lac").quantity.m_as("t C/ha"))
    63.0
    """
    t = data_table("ar_tool16_soc_reference.csv")
    if soil not in _SOILS:
        raise DataNotFound("unknown soil type", field="soil", value=soil,
                           expected="one of " + ", ".join(_SOILS))
    regions = t.text("climate_region")
    if climate_region not in regions:
        raise DataNotFound("unknown climate region", field="climate_region",
                           value=climate_region, expected="one of " + ", ".join(regions))
    i = regions.index(climate_region)
    q = t.quantity(soil, "t C/ha", allow_empty=True)[i]
    if not np.isfinite(q.magnitude):
        raise DataNotFound("AR-TOOL16 Table 3 gives no reference stock (NA)", field="soil",
                           value=f"{climate_region}, {soil}", expected="another soil type")
    return Value("SOC_REF,i", q, "default", f"{t.cells['source'][i]}, {climate_region}, {soil}")


def stock_change_factor(
    land: str, factor: str, level: str, *, temperature: str, moisture: str
) -> Value:
    """f_LU, f_MG or f_IN of AR-TOOL16 Tables 4-6.

    ``temperature`` is temperate_boreal, tropical or tropical_montane; ``moisture`` dry, moist
    or wet (ignored for tropical montane, whose rows are "n/a").

    Examples
    --------
    >>> float(stock_change_factor("cropland", "f_LU", "long_term_cultivated",
    ...                           temperature="tropical", moisture="wet").quantity)
    0.48
    """
    t = data_table("ar_tool16_stock_change_factors.csv")
    values = t.quantity("value", "dimensionless").magnitude
    for i in range(len(t)):
        c = {k: t.cells[k][i] for k in ("land", "factor", "level", "temperature", "moisture")}
        if (c["land"], c["factor"], c["level"]) != (land, factor, level):
            continue
        if c["temperature"] not in ("all", temperature):
            continue
        if c["moisture"] in ("all", "na", moisture) or (
                c["moisture"] == "moist_wet" and moisture in ("moist", "wet")):
            return Value(factor, Quantity(values[i], ""), "default",
                         f"{t.cells['source'][i]}, {land} {factor} {level}, "
                         f"{c['temperature']}/{c['moisture']}")
    raise DataNotFound("AR-TOOL16 Tables 4-6 give no factor", field=factor,
                       value=f"{land}, {level}, {temperature}, {moisture}",
                       expected="a combination printed in the tool (no-till and 'high with "
                                "manure' have none)")


def soc_tool_applicable(
    *, wetland: bool, organic_soils: bool, land: str, climate_region: str, land_use: str,
    management: str, inputs: str, litter_remains: bool, disturbance_conforms: bool,
) -> RuleCheck:
    """AR-TOOL16 para. 3: whether the tool applies to a stratum, and which condition fails.

    (a)(i)-(ii) are printed joined by "or": land not in the wetland category *or* without
    organic soils; read literally here. (a)(iii): the baseline practice is not one of Tables
    1-2. (b)(i) litter remains on site; (b)(ii) disturbance follows soil conservation, is limited
    to site preparation and is not repeated within 20 years.

    Examples
    --------
    >>> soc_tool_applicable(wetland=False, organic_soils=False, land="cropland",
    ...     climate_region="tropical_dry", land_use="short_term_or_set_aside",
    ...     management="no_till", inputs="low", litter_remains=True,
    ...     disturbance_conforms=True).not_met
    ('a(iii)',)
    """
    t = data_table("ar_tool16_not_applicable.csv")
    listed = any(
        t.cells["land"][i] == land and t.cells["climate_region"][i] == climate_region
        and t.cells["land_use"][i] in ("all", land_use)
        and t.cells["management"][i] == management and t.cells["inputs"][i] in ("all", inputs)
        for i in range(len(t)))
    facts = {"a(i)/(ii)": (not wetland) or (not organic_soils), "a(iii)": not listed,
             "b(i)": litter_remains, "b(ii)": disturbance_conforms}
    met = tuple(k for k, v in facts.items() if v)
    not_met = tuple(k for k, v in facts.items() if not v)
    reason = ("AR-TOOL16 applies: all conditions of para. 3 met" if not not_met else
              f"AR-TOOL16 does not apply: condition(s) {', '.join(not_met)} of para. 3 not met")
    return RuleCheck(not not_met, f"{TOOL16} para. 3, Tables 1-2", met, not_met, reason)
