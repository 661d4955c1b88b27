"""Applicability of CDM ACM0002 as implemented here (greenfield), one named check each.

[U]: the conditions are from background knowledge of ACM0002 (reference brief §6.1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccer_calc.methodology import Check
from methodologies.acm0002.inputs import Acm0002Inputs
from methodologies.acm0002.parameters import DOC, PARAMETERS

if TYPE_CHECKING:
    from ccer_calc.project import Project


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
        return True, "connected to the grid"
    return False, "the project declares it is not grid-connected"


def greenfield(project: Project) -> tuple[bool, str]:
    """Only greenfield plants are implemented (EG_PJ = net export)."""
    kind = _inputs(project).project_type
    if kind == "greenfield":
        return True, "greenfield plant: EG_PJ,y is its net supply to the grid"
    return False, (f"project type {kind} needs EG_PJ,y over a historical baseline, which this "
                   "implementation does not compute; only greenfield plants are supported")


def technology_supported(project: Project) -> tuple[bool, str]:
    """Geothermal needs PE_GP (non-condensable gases), which is not implemented."""
    tech = _inputs(project).technology
    if tech == "geothermal":
        return False, ("geothermal plants need PE_GP,y from non-condensable gases, which this "
                       "implementation does not compute")
    return True, f"{tech} plant"


def reservoir_power_density(project: Project) -> tuple[bool, str]:
    """A new reservoir needs a power density above 4 W/m²."""
    i = _inputs(project)
    if not i.reservoir:
        return True, "no new reservoir"
    pd = power_density_of(i)
    low = PARAMETERS["power_density_minimum"].default
    if pd is None:
        return False, "hydro plant with a reservoir but no reservoir area (A_PJ > 0) given"
    if low is not None and pd <= low:
        return False, f"power density {pd:.3g} W/m² is not above {low:g} W/m²"
    return True, f"power density {pd:.3g} W/m² is above {low:g} W/m²"


CHECKS = (
    Check("grid_connected", "grid-connected renewable power plant", f"{DOC}, applicability",
          grid_connected),
    Check("greenfield", "greenfield plant (capacity additions, retrofits and replacements not "
          "implemented)", f"{DOC}, applicability; engine scope", greenfield),
    Check("technology_supported", "hydro, wind, solar, wave or tidal (geothermal PE_GP not "
          "implemented)", f"{DOC}, project emissions; engine scope", technology_supported),
    Check("reservoir_power_density", "hydro with a new reservoir: power density > 4 W/m²",
          f"{DOC}, applicability for hydro reservoirs [U]", reservoir_power_density),
)
