"""JSON Schema of a methodology's project file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import create_model

from ccer_calc.project import ProjectSpec

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology

__all__ = ["project_schema"]


def project_schema(methodology: Methodology) -> dict[str, Any]:
    """The JSON Schema of a project file for this methodology, inputs included."""
    model = create_model(  # the outer shape, with the plug-in's own inputs model
        f"Project_{methodology.id.replace('-', '_')}",
        __base__=ProjectSpec,
        inputs=(methodology.input_model, ...),
    )
    schema = model.model_json_schema()
    schema["title"] = f"{methodology.id} {methodology.title_zh} project file"
    cols = ", ".join(f"{c.name} [{c.unit}]" for c in methodology.monitored_columns)
    schema["description"] = (f"Project file of {methodology.id} ({methodology.title_en}). "
                             f"Monitored columns: {cols}.")
    return schema
