"""JSON Schema of a methodology's project file.

Built from a loaded methodology or, without pint or numpy, from the light ``INFO`` of a plug-in
that names its models there (:class:`~ccer_calc.plugin_info.MethodologyInfo`); both give the
same schema, which the registry ensures by checking ``INFO`` against the loaded methodology.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field, create_model

from ccer_calc.expected import ExpectedIn
from ccer_calc.plugin_info import MethodologyInfo
from ccer_calc.project_spec import ProjectSpec
from ccer_calc.registry import Registry, default_registry

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology

__all__ = ["methodology_schema", "per_project_columns", "project_schema"]


def per_project_columns(methodology: Methodology | MethodologyInfo) -> str | None:
    """How a methodology's monitored columns depend on the project, or None if they do not.

    ``columns_per_project`` of the methodology or of its ``INFO``, which ``show`` prints too.
    """
    return methodology.columns_per_project


def _columns(methodology: Methodology | MethodologyInfo) -> str:
    listed = (methodology.monitored if isinstance(methodology, MethodologyInfo)
              else methodology.monitored_columns)
    return ", ".join(f"{c.name} [{c.unit}]" for c in listed)


def methodology_schema(methodology_id: str,
                       registry: Registry | None = None) -> dict[str, Any]:
    """The JSON Schema of a project file for one registered methodology, loading it if need be.

    From the plug-in's light ``INFO`` where it describes the schema, else from the methodology
    loaded in full (an out-of-tree plug-in whose ``INFO`` predates the schema fields).
    """
    registry = registry if registry is not None else default_registry()
    light = registry.light_info(methodology_id)
    if light is not None and light.describes_schema:
        return project_schema(light)
    return project_schema(registry.get(methodology_id))


def project_schema(methodology: Methodology | MethodologyInfo) -> dict[str, Any]:
    """The JSON Schema of a project file for this methodology, inputs included.

    ``methodology`` is a loaded methodology or an ``INFO`` that describes the schema
    (:attr:`~ccer_calc.plugin_info.MethodologyInfo.describes_schema`). The description lists
    the static monitored columns, how further columns depend on the project
    (:func:`per_project_columns`), the optional ``expected`` values and ``scenarios`` of the
    estimate, and the optional typed ``ex_ante`` figures.
    """
    name = methodology.id.replace("-", "_")
    own: dict[str, Any] = {}
    if methodology.expected_model is not None:  # the plug-in's own tables in [expected]
        fields = methodology.expected_model.model_fields
        own["expected"] = (create_model(  # type: ignore[call-overload]
            f"Expected_{name}", __base__=ExpectedIn,
            **{k: (f.annotation, f) for k, f in fields.items()}) | None,
            Field(None, description=ProjectSpec.model_fields["expected"].description))
    model = create_model(  # the outer shape, with the plug-in's own inputs model
        f"Project_{name}",
        __base__=ProjectSpec,
        inputs=(methodology.input_model, ...),
        **own,
    )
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    # [expected] keeps a plug-in's own tables as extra keys; the loader refuses any other key
    closed = ["ExpectedIn", f"Expected_{name}"]
    if methodology.expected_model is None:
        closed.append("ScenarioExpectedIn")
    for key in closed:
        if key in defs:
            defs[key]["additionalProperties"] = False
    schema["title"] = f"{methodology.id} {methodology.title_zh} project file"
    cols = _columns(methodology)
    dynamic = per_project_columns(methodology)
    schema["description"] = (f"Project file of {methodology.id} ({methodology.title_en}). "
                             f"Monitored columns: {cols}"
                             + (f"; per project: {dynamic}." if dynamic else ".")
                             + " Optional expected: the expected value of each monitored "
                               "column (a constant annual value, or one per year of the "
                               "crediting period) for `ccer-calc estimate`, with optional "
                               "named scenarios; monitoring is then optional. Optional "
                               "ex_ante: the PDD's estimate per calendar year typed as figures "
                               "(not together with expected).")
    if methodology.expected_model is not None:
        first = (methodology.expected_model.__doc__ or "").strip().splitlines()[0]
        schema["description"] += (" Tables of its own in expected: "
                                  + ", ".join(methodology.expected_model.model_fields)
                                  + f" ({first.rstrip('.')}).")
    return schema
