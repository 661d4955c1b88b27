"""Wiring of CCER-01-002-V01: monitored data → §7.3.4 → (2), (3) → (1), §6.4, §6.5 → (4)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from ccer_calc.methodology import Context, Stages
from ccer_calc.parameters import Value
from ccer_calc.tools.grid_baseline import GridPowerMethodology, grid_margins
from ccer_calc.tools.metering import meter_error
from ccer_calc.trail import Trail
from methodologies.ccer_01_002_v01 import INFO
from methodologies.ccer_01_002_v01 import equations as eq
from methodologies.ccer_01_002_v01.applicability import CHECKS
from methodologies.ccer_01_002_v01.inputs import OffshoreWindInputs
from methodologies.ccer_01_002_v01.parameters import DOC, MONITORED, PARAMETERS

__all__ = ["METHODOLOGY", "OffshoreWind", "OffshoreWindStages", "offshore_wind_stages"]


@dataclass(frozen=True)
class OffshoreWindStages:
    """The four reported quantities, and the net electricity the period check needs."""

    stages: Stages
    net_electricity: Value


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
) -> OffshoreWindStages:
    """The methodology's stages on arrays of any shape (periods, or projects × periods)."""
    exp = eq.export_corrected_for_meter_error(trail=trail, measured=exported, error=export_error)
    imp = eq.import_corrected_for_meter_error(trail=trail, measured=imported, error=import_error)
    net = eq.net_electricity_delivered(trail=trail, electricity_exported=exp,
                                       electricity_imported=imp)
    cm = eq.combined_margin_factor(trail=trail, om_weight=om_weight,
                                   operating_margin=operating_margin, bm_weight=bm_weight,
                                   build_margin=build_margin)
    be = eq.baseline_emissions(trail=trail, net_electricity=net, combined_margin=cm)
    pe = eq.project_emissions_zero(trail=trail, net_electricity=net)
    le = eq.leakage_emissions_neglected(trail=trail, net_electricity=net)
    er = eq.emission_reductions(trail=trail, baseline=be, project=pe)
    return OffshoreWindStages(Stages(be, pe, le, er), net)


class OffshoreWind(GridPowerMethodology):
    """CCER-01-002-V01 并网海上风力发电."""

    info = INFO
    source: ClassVar[str] = f"{DOC} (MEE, 2023-10-24)"
    max_crediting_years: ClassVar[int | None] = 10
    data_tables: ClassVar[tuple[str, ...]] = ("grid_factor_editions_mee", "grid_factors_mee")
    parameters = PARAMETERS
    input_model = OffshoreWindInputs
    monitored_columns = MONITORED
    checks = CHECKS
    equations = (eq.baseline_emissions, eq.net_electricity_delivered, eq.combined_margin_factor,
                 eq.project_emissions_zero, eq.leakage_emissions_neglected,
                 eq.emission_reductions, eq.export_corrected_for_meter_error,
                 eq.import_corrected_for_meter_error)
    example: ClassVar[str] = "data/example.toml"

    def stage_key(self, ctx: Context) -> Hashable:
        """The same eight equations for every project: stackable with any other."""
        del ctx  # the sequence of equations does not depend on the project
        return ()

    def gather(self, ctx: Context) -> dict[str, Value]:
        """Margins, monitored export and import with their meter errors, and the weights."""
        inputs = ctx.inputs
        assert isinstance(inputs, OffshoreWindInputs)  # noqa: S101 - type narrowing only
        om, bm = grid_margins(ctx, inputs.grid)
        return {"exported": ctx.monitored("export"), "imported": ctx.monitored("import"),
                "export_error": meter_error(ctx, "export", f"{DOC} §7.3.4"),
                "import_error": meter_error(ctx, "import", f"{DOC} §7.3.4"),
                "om_weight": ctx.param("om_weight"), "operating_margin": om,
                "bm_weight": ctx.param("bm_weight"), "build_margin": bm}

    def stages(self, trail: Trail | None, key: Hashable,
               values: Mapping[str, Value]) -> dict[str, Value]:
        """:func:`offshore_wind_stages`: BE, PE, LE, ER and the net electricity delivered."""
        del key  # one sequence of equations
        out = offshore_wind_stages(trail, **values)
        s = out.stages
        return {"baseline_emissions": s.baseline_emissions,
                "project_emissions": s.project_emissions,
                "leakage_emissions": s.leakage_emissions,
                "emission_reductions": s.emission_reductions,
                "net_electricity": out.net_electricity}


METHODOLOGY = OffshoreWind()
