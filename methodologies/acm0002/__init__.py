"""CDM ACM0002 grid-connected electricity generation from renewable sources (greenfield).

``INFO`` is light; ``METHODOLOGY`` (the entry-point target) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.plugin_info import ColumnInfo, MethodologyInfo, lazy_attributes

if TYPE_CHECKING:
    from methodologies.acm0002.methodology import METHODOLOGY, Acm0002

__all__ = ["INFO", "METHODOLOGY", "Acm0002"]

INFO = MethodologyInfo(
    id="ACM0002", version="greenfield subset [U]",
    title_zh="可再生能源并网发电（CDM ACM0002，新建电厂）",
    title_en="Grid-connected electricity generation from renewable sources (greenfield)",
    sector="energy industries (renewable sources)",
    status="CDM methodology; equations from background knowledge [U]", programme="CDM",
    document="ACM0002 [U]",
    inputs="methodologies.acm0002.inputs:Acm0002Inputs",
    monitored=(ColumnInfo("export", "MWh"), ColumnInfo("import", "MWh")),
    columns_per_project="Export and import; total generation for a reservoir; one column per fuel",
)


__getattr__ = lazy_attributes(__name__, "methodology", ("METHODOLOGY", "Acm0002"))
