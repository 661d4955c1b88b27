"""CCER-14-002-V01 红树林营造 (mangrove creation), PROVISIONAL.

The MEE text of CCER-14-002-V01 (2023) was not available when this plug-in was written: its
accounting follows the CDM parent AR-AM0014 v03.0 and the A/R tools, its known applicability
conditions are enforced, and every value or rule the CCER text may set differently is flagged
provisional. Nothing it computes is final.

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.plugin_info import MethodologyInfo

if TYPE_CHECKING:
    from methodologies.ccer_14_002_v01.methodology import METHODOLOGY, Ccer14002

__all__ = ["INFO", "METHODOLOGY", "Ccer14002"]

INFO = MethodologyInfo(
    id="CCER-14-002-V01",
    version="V01",
    title_zh="红树林营造",
    title_en="Mangrove creation",
    sector="林业和其他碳汇类型 / forestry and other carbon sinks",
    status="provisional: built on the CDM parent AR-AM0014 v03.0 while the MEE text is "
           "unavailable",
    programme="CCER",
    document="CCER-14-002-V01",
    accounts="removals",
    provisional=("carbon_fraction_tree", "root_shoot_ratio_baseline_tree",
                 "carbon_fraction_shrub", "root_shoot_ratio_shrub", "shrub_biomass_ratio",
                 "baseline_steady_state_year", "confidence_level", "soc_accrual_rate",
                 "soc_accrual_years", "account_shrubs", "account_dead_wood", "account_soc",
                 "precision_target", "uncertainty_deduction", "account_leakage", "account_ghg_e",
                 "gwp_ch4", "gwp_n2o",
                 "pools", "precision", "baseline",
                 "non_co2_emissions", "leakage", "equation_numbers", "units_issued",
                 "crediting_period"),
    inputs="methodologies.ccer_14_002_v01.inputs:Ccer14002Inputs",
    expected="ccer_calc.tools.forestry.sink_plan_in:SinkExpectedIn",
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the methodology object or its class
    if name in ("METHODOLOGY", "Ccer14002"):
        from methodologies.ccer_14_002_v01 import methodology  # noqa: PLC0415 - first use

        return getattr(methodology, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
