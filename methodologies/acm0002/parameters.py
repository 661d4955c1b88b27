"""Parameters and monitored data of CDM ACM0002 (greenfield), with their sources.

ACM0002's text was not readable offline: every ACM0002 value here is tagged [U] (from
background knowledge of ACM0002, reference brief §6.1) and, where a project might hold an
official value, overridable. The combined-margin weights are TOOL07 v07.0's defaults
(para. 86), and the fuel columns TOOL03 v03.0's FC_i,j,y (data / parameter table 1), both read
in the tools' texts.
"""

from __future__ import annotations

from dataclasses import replace

from ccer_calc.bounds import FRACTION, GRID_EMISSION_FACTOR, NONNEGATIVE
from ccer_calc.methodology import MonitoredColumn
from ccer_calc.parameters import Parameter, ParameterSet
from ccer_calc.tools.tool07_common import TOOL07_WEIGHTS

DOC = "CDM ACM0002 (Grid-connected electricity generation from renewable sources)"
U = "[U] from background knowledge of ACM0002, not checked against the text"

PARAMETERS = ParameterSet((
    # TOOL07's weights are overridable here: each is a fraction (a weight above 1 raises ER)
    *(replace(w, bounds=FRACTION) for w in TOOL07_WEIGHTS),
    Parameter(
        name="grid_om_factor", symbol="EF_grid,OM,y", unit="t CO2/MWh",
        description_zh="电网电量边际排放因子（项目提供）",
        description_en="operating-margin emission factor of the project electricity system, "
                       "given by the project (TOOL07; no Chinese table applies)",
        source=f"{DOC}, via TOOL07; the project states it (e.g. a CDM standardized baseline)",
        kind="published", frequency="ex-ante fixed or yearly, per TOOL07", overridable=True,
        bounds=GRID_EMISSION_FACTOR),
    Parameter(
        name="grid_bm_factor", symbol="EF_grid,BM,y", unit="t CO2/MWh",
        description_zh="电网容量边际排放因子（项目提供）",
        description_en="build-margin emission factor of the project electricity system, given "
                       "by the project (TOOL07)",
        source=f"{DOC}, via TOOL07; the project states it (e.g. a CDM standardized baseline)",
        kind="published", frequency="ex-ante fixed or yearly, per TOOL07", overridable=True,
        bounds=GRID_EMISSION_FACTOR),
    Parameter(
        name="reservoir_emission_factor", symbol="EF_Res", unit="kg CO2e/MWh",
        description_zh="水库排放因子", description_en="default emission factor for emissions "
                                                  "from reservoirs of hydro power plants",
        source=f"{DOC}, project emissions of hydro power plants with reservoirs; {U}",
        kind="fixed", default=90.0, overridable=True, bounds=NONNEGATIVE),
    Parameter(
        name="power_density_no_emissions", symbol="PD_limit,high", unit="W/m^2",
        description_zh="功率密度上限（高于此值水库排放为零）",
        description_en="power density above which reservoir emissions are zero",
        source=f"{DOC}, hydro reservoirs; {U}", kind="fixed", default=10.0, overridable=False,
        bounds=NONNEGATIVE),
    Parameter(
        name="power_density_minimum", symbol="PD_limit,low", unit="W/m^2",
        description_zh="功率密度下限（不高于此值方法学不适用）",
        description_en="power density at or below which the methodology does not apply",
        source=f"{DOC}, applicability for hydro reservoirs; {U}", kind="fixed", default=4.0,
        overridable=False, bounds=NONNEGATIVE),
))

MONITORED = (
    MonitoredColumn(
        name="export", symbol="EG_export,y", unit="MWh",
        description_zh="项目向电网输送的电量",
        description_en="electricity the project plant delivers to the grid",
        source=f"{DOC}, EG_facility,y; {U}", frequency="continuous, recorded at least monthly",
        bounds=NONNEGATIVE, at_most_capacity_of="installed_capacity"),
    MonitoredColumn(
        name="import", symbol="EG_import,y", unit="MWh",
        description_zh="项目从电网下网的电量",
        description_en="electricity the project plant draws from the grid",
        source=f"{DOC}, EG_facility,y (net); {U}", frequency="continuous, recorded at least "
                                                        "monthly", bounds=NONNEGATIVE),
)

GENERATION = MonitoredColumn(
    name="generation", symbol="TEG_y", unit="MWh",
    description_zh="水电站总发电量", description_en="total electricity produced by the hydro "
                                                   "plant with a reservoir (for PE_HP)",
    source=f"{DOC}, PE_HP,y; {U}", frequency="continuous, recorded at least monthly",
    bounds=NONNEGATIVE, at_most_capacity_of="installed_capacity")


def fuel_column(fuel: str, unit: str) -> MonitoredColumn:
    """The monitored column of one fossil fuel burned by the project plant."""
    return MonitoredColumn(
        name=f"fuel_{fuel}", symbol=f"FC_{fuel},y", unit=unit,
        description_zh=f"项目消耗的化石燃料 {fuel}",
        description_en=f"fossil fuel {fuel} burned by the project plant (PE_FF,y via TOOL03)",
        source="TOOL03 v03.0, section 6.2, data / parameter table 1 (FC_i,j,y, measured "
               "on site, continuously), the quantity of eq. (1)",
        frequency="continuous, recorded at least monthly", bounds=NONNEGATIVE)
