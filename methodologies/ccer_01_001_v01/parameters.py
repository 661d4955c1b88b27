"""Parameters and monitored data of CCER-01-001-V01, with their sources in the methodology text."""

from __future__ import annotations

from ccer_calc.methodology import MonitoredColumn
from ccer_calc.parameters import Parameter, ParameterSet

DOC = "CCER-01-001-V01 并网光热发电"

PARAMETERS = ParameterSet((
    Parameter(
        name="om_weight", symbol="w_OM", unit="dimensionless",
        description_zh="电量边际排放因子的权重", description_en="weight of the operating margin",
        source=f"{DOC} §7.1 Table 2", kind="fixed", default=0.5, overridable=False),
    Parameter(
        name="bm_weight", symbol="w_BM", unit="dimensionless",
        description_zh="容量边际排放因子的权重", description_en="weight of the build margin",
        source=f"{DOC} §7.1 Table 3", kind="fixed", default=0.5, overridable=False),
    Parameter(
        name="grid_om_factor", symbol="EF_grid,OM,y", unit="t CO2/MWh",
        description_zh="项目所在区域电网第y年的电量边际排放因子",
        description_en="operating-margin emission factor of the regional grid in year y",
        source=f"{DOC} §7.1: MEE 减排项目中国区域电网基准线排放因子 for year y, else the latest "
               "earlier edition",
        kind="published", frequency="yearly, as MEE publishes", overridable=True),
    Parameter(
        name="grid_bm_factor", symbol="EF_grid,BM,y", unit="t CO2/MWh",
        description_zh="项目所在区域电网第y年的容量边际排放因子",
        description_en="build-margin emission factor of the regional grid in year y",
        source=f"{DOC} §7.1: MEE 减排项目中国区域电网基准线排放因子 for year y, else the latest "
               "earlier edition",
        kind="published", frequency="yearly, as MEE publishes", overridable=True),
))

MONITORED = (
    MonitoredColumn(
        name="export", symbol="EG_export,y", unit="MWh",
        description_zh="项目第y年向区域电网输送的电量",
        description_en="electricity delivered by the CSP plant to the regional grid in year y",
        source=f"{DOC} §7.2", frequency="continuous, recorded at least monthly"),
    MonitoredColumn(
        name="import", symbol="EG_import,y", unit="MWh",
        description_zh="项目第y年从区域电网下网的电量",
        description_en="electricity the CSP plant draws from the regional grid in year y",
        source=f"{DOC} §7.2", frequency="continuous, recorded at least monthly"),
)


def fuel_column(fuel: str, unit: str) -> MonitoredColumn:
    """The monitored column of one fossil fuel burned for anti-freeze heating (防凝)."""
    return MonitoredColumn(
        name=f"fuel_{fuel}", symbol=f"FC_{fuel},y", unit=unit,
        description_zh=f"项目第y年防凝等消耗的化石燃料 {fuel} 的量",
        description_en=f"fossil fuel {fuel} burned by the project (anti-freeze heating) in "
                       "year y",
        source=f"{DOC} §7.2 Table 11 (flow meters at the CSP energy metering point; gas meters "
               "class 2.0 or better per GB 17167; cross-checked with purchase invoices)",
        frequency="continuous, recorded at least monthly")
