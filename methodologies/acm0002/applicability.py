"""Applicability of CDM ACM0002 as implemented here (greenfield), one named check each.

[U]: the conditions are from background knowledge of ACM0002 (reference brief §6.1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.bilingual import Bilingual
from ccer_calc.methodology import Check
from methodologies.acm0002.inputs import Acm0002Inputs
from methodologies.acm0002.parameters import DOC, PARAMETERS

if TYPE_CHECKING:
    from ccer_calc.project import Project


#: Chinese names of the technologies, for the evidence of a check.
_TECH_ZH = {"wind": "风力", "solar": "太阳能", "hydro": "水力", "geothermal": "地热",
            "wave": "波浪能", "tidal": "潮汐能"}


def _inputs(project: Project) -> Acm0002Inputs:
    inputs = project.inputs
    if not isinstance(inputs, Acm0002Inputs):  # pragma: no cover - engine guarantees it
        msg = "project inputs are not ACM0002 inputs"
        raise TypeError(msg)
    return inputs


def power_density_of(inputs: Acm0002Inputs) -> float | None:
    """PD = Cap_PJ / A_PJ in W/m² for a greenfield reservoir, or None without a reservoir area."""
    if inputs.reservoir_area is None:
        return None
    area = float(inputs.reservoir_area.to("m^2").magnitude)
    return float(inputs.installed_capacity.to("W").magnitude) / area if area > 0 else None


def grid_connected(project: Project) -> tuple[bool, str]:
    """The plant supplies electricity to a grid."""
    if _inputs(project).grid_connected:
        return True, Bilingual("connected to the grid", "已并网")
    return False, Bilingual("the project declares it is not grid-connected", "项目声明未并网")


def greenfield(project: Project) -> tuple[bool, str]:
    """Only greenfield plants are implemented (EG_PJ = net export)."""
    kind = _inputs(project).project_type
    if kind == "greenfield":
        return True, Bilingual("greenfield plant: EG_PJ,y is its net supply to the grid",
                               "新建电厂：EG_PJ,y 为其向电网的净供电量")
    return False, Bilingual(f"project type {kind} needs EG_PJ,y over a historical baseline, "
                            "which this implementation does not compute; only greenfield plants "
                            "are supported",
                            f"项目类型 {kind} 需按历史基准计算 EG_PJ,y，本实现未计算；"
                            "仅支持新建电厂")


def technology_supported(project: Project) -> tuple[bool, str]:
    """Geothermal needs PE_GP (non-condensable gases), which is not implemented."""
    tech = _inputs(project).technology
    if tech == "geothermal":
        return False, Bilingual("geothermal plants need PE_GP,y from non-condensable gases, "
                                "which this implementation does not compute",
                                "地热电站需计算不凝气体产生的 PE_GP,y，本实现未计算")
    return True, Bilingual(f"{tech} plant", f"{_TECH_ZH.get(tech, tech)}电站")


def reservoir_power_density(project: Project) -> tuple[bool, str]:
    """A new reservoir needs a power density above 4 W/m²."""
    i = _inputs(project)
    if not i.reservoir:
        return True, Bilingual("no new reservoir", "无新建水库")
    pd = power_density_of(i)
    low = PARAMETERS["power_density_minimum"].default
    if pd is None:
        return False, Bilingual("hydro plant with a reservoir but no reservoir area (A_PJ > 0) "
                                "given", "有水库的水电站未给出水库面积（A_PJ > 0）")
    if low is not None and pd <= low:
        return False, Bilingual(f"power density {pd:.3g} W/m² is not above {low:g} W/m²",
                                f"功率密度 {pd:.3g} W/m² 不高于 {low:g} W/m²")
    return True, Bilingual(f"power density {pd:.3g} W/m² is above {low:g} W/m²",
                           f"功率密度 {pd:.3g} W/m² 高于 {low:g} W/m²")


CHECKS = (
    Check("grid_connected", "并网可再生能源电厂 / grid-connected renewable power plant",
          f"{DOC}, applicability", grid_connected),
    Check("greenfield", "新建电厂（未实现扩容、改造和替换） / greenfield plant (capacity "
          "additions, retrofits and replacements not implemented)",
          f"{DOC}, applicability; engine scope", greenfield),
    Check("technology_supported", "水电、风电、太阳能、波浪能或潮汐能（未实现地热 PE_GP） / "
          "hydro, wind, solar, wave or tidal (geothermal PE_GP not implemented)",
          f"{DOC}, project emissions; engine scope", technology_supported),
    Check("reservoir_power_density", "新建水库的水电站：功率密度 > 4 W/m² / hydro with a new "
          "reservoir: power density > 4 W/m²", f"{DOC}, applicability for hydro reservoirs [U]",
          reservoir_power_density),
)
