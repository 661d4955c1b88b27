"""Wiring of CCER-01-002-V01: monitored data → metering correction → W2, W3 → W1, W4, LE → W5."""

from __future__ import annotations

from typing import ClassVar

from ccer_calc.methodology import Context, Methodology, Stages
from ccer_calc.parameters import Value
from ccer_calc.tools.grid_baseline import grid_baseline, grid_margins, refuse_negative_net_delivery
from ccer_calc.tools.grid_emission_factor import combined_margin_factor
from ccer_calc.tools.metering import increase_for_meter_error, reduce_for_meter_error
from ccer_calc.tools.net_generation import net_electricity_delivered
from ccer_calc.trail import Trail
from methodologies.ccer_01_002_v01 import equations as eq
from methodologies.ccer_01_002_v01.applicability import CHECKS
from methodologies.ccer_01_002_v01.inputs import OffshoreWindInputs
from methodologies.ccer_01_002_v01.parameters import DOC, MONITORED, PARAMETERS

__all__ = ["METHODOLOGY", "OffshoreWind", "offshore_wind_stages"]


def offshore_wind_stages(
    trail: Trail | None,
    *,
    exported: Value,
    imported: Value,
    export_error: Value,
    import_error: Value,
    om_weight: Value,
    operating_margin: Value,
    bm_weight: Value,
    build_margin: Value,
) -> Stages:
    """The methodology's stages on arrays of any shape (periods, or projects × periods)."""
    grid = grid_baseline(trail, exported=exported, imported=imported,
                         export_error=export_error, import_error=import_error,
                         om_weight=om_weight, operating_margin=operating_margin,
                         bm_weight=bm_weight, build_margin=build_margin)
    net = grid.net_electricity
    be = eq.baseline_emissions(trail=trail, net_electricity=net,
                               combined_margin=grid.combined_margin)
    pe = eq.project_emissions_zero(trail=trail, net_electricity=net)
    le = eq.leakage_emissions_neglected(trail=trail, net_electricity=net)
    er = eq.emission_reductions(trail=trail, baseline=be, project=pe)
    return Stages(be, pe, le, er, grid.as_intermediates())


class OffshoreWind(Methodology):
    """CCER-01-002-V01 并网海上风力发电."""

    id: ClassVar[str] = "CCER-01-002-V01"
    version: ClassVar[str] = "V01"
    title_zh: ClassVar[str] = "并网海上风力发电"
    title_en: ClassVar[str] = "Grid-connected offshore wind power"
    sector: ClassVar[str] = "能源产业 / energy industries"
    status: ClassVar[str] = "in force since 2023-10-24 (batch 1)"
    source: ClassVar[str] = f"{DOC} (MEE, 2023-10-24)"
    programme: ClassVar[str] = "CCER"
    max_crediting_years: ClassVar[int | None] = 10
    data_tables: ClassVar[tuple[str, ...]] = ("grid_factor_editions_mee", "grid_factors_mee")
    parameters = PARAMETERS
    input_model = OffshoreWindInputs
    monitored_columns = MONITORED
    checks = CHECKS
    equations = (eq.baseline_emissions, net_electricity_delivered, combined_margin_factor,
                 eq.project_emissions_zero, eq.leakage_emissions_neglected,
                 eq.emission_reductions, reduce_for_meter_error, increase_for_meter_error)
    example: ClassVar[str] = "data/example.toml"

    def _margins(self, ctx: Context) -> tuple[Value, Value]:
        inputs = ctx.inputs
        assert isinstance(inputs, OffshoreWindInputs)  # noqa: S101 - type narrowing only
        return grid_margins(ctx, inputs.grid)

    def compute(self, ctx: Context) -> Stages:
        """Run the stages on the project's period axis and refuse negative net delivery."""
        om, bm = self._margins(ctx)
        stages = offshore_wind_stages(
            ctx.trail,
            exported=ctx.monitored("export"), imported=ctx.monitored("import"),
            export_error=ctx.meter_error("export"), import_error=ctx.meter_error("import"),
            om_weight=ctx.param("om_weight"), operating_margin=om,
            bm_weight=ctx.param("bm_weight"), build_margin=bm)
        refuse_negative_net_delivery(ctx, stages.intermediates["net_electricity"])
        return stages


METHODOLOGY = OffshoreWind()
