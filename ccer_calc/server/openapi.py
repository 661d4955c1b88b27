"""The OpenAPI description of the service, from the library's own pydantic models.

The request bodies are :class:`~ccer_calc.project.ProjectSpec` (the shape of every project
file; a methodology's own ``inputs`` are in ``GET /methodologies/{id}/schema``) or
:class:`~ccer_calc.server.jobs.ComputeRequest` (a project and the files it names),
:class:`~ccer_calc.server.jobs.EstimateRequest`, :class:`~ccer_calc.server.jobs.VerifyRequest`
and :class:`~ccer_calc.server.jobs.ReportRequest`;
errors are :class:`~ccer_calc.server.problems.Problem`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi.openapi.utils import get_openapi

from ccer_calc.project import ProjectSpec
from ccer_calc.server.jobs import (
    MEDIA,
    ComputeRequest,
    EstimateRequest,
    ReportRequest,
    VerifyRequest,
)
from ccer_calc.server.problems import MEDIA_TYPE, Problem

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["describe_api", "install_openapi"]

_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(model=name)}


def _body(*models: str) -> dict[str, Any]:
    names = " or ".join(models)
    form = {"type": "object", "required": ["request"], "properties": {
        "request": {"type": "string", "description": f"the JSON body ({names}) as text"},
        "monitoring": {"type": "string", "format": "binary",
                       "description": "the monitoring data as a CSV or XLSX file (header "
                                      "cells with units); the project then gives no "
                                      "monitoring.data"},
        "sheet": {"type": "string", "description": "the workbook's sheet (first by default)"}},
        "additionalProperties": {"type": "string", "format": "binary", "description": (
            "a file the project names (an inventory, monitoring.csv or monitoring.excel), as a "
            "file part whose name is the name the project gives it (strata.csv); the name is "
            "only a key, never a path on the server. Every file named must be sent and every "
            "file sent must be named")}}
    schema = _ref(models[0]) if len(models) == 1 else {"oneOf": [_ref(m) for m in models]}
    return {"required": True, "content": {"application/json": {"schema": schema},
                                          "multipart/form-data": {"schema": form}}}


def _errors() -> dict[str, Any]:
    content = {MEDIA_TYPE: {"schema": _ref("Problem")}}
    return {str(code): {"description": text, "content": content} for code, text in (
        (400, "malformed JSON or form"), (413, "body over the size limit"),
        (415, "neither JSON nor a form"),
        (422, "unacceptable input (field, value, expected), or over the compute-time limit"),
        (429, "every computing slot taken; retry after Retry-After seconds"),
        (503, "busy: the request waited too long for a computing slot; retry after "
              "Retry-After seconds"),
        (500, "a fault of the service (a bug)"))}


def describe_api(formats: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The ``openapi_extra`` of each POST route: its bodies and responses."""
    json_out = {"description": "", "content": {"application/json": {"schema": {
        "type": "object"}}}}
    docs = {MEDIA[f].split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
            for f in formats}
    return {
        "compute": {"requestBody": _body("ProjectSpec", "ComputeRequest"), "responses": {
            "200": {**json_out, "description": "the result, byte for byte the JSON of "
                                               "ccer-calc compute --json"}, **_errors()}},
        "estimate": {"requestBody": _body("ProjectSpec", "EstimateRequest"), "responses": {
            "200": {**json_out, "description": "the ex-ante estimate, byte for byte the JSON "
                                               "of ccer-calc estimate --json"}, **_errors()}},
        "verify": {"requestBody": _body("VerifyRequest"), "responses": {
            "200": {**json_out, "description": "the findings, as ccer-calc verify --json"},
            **_errors()}},
        "report": {"requestBody": _body("ReportRequest"), "responses": {
            "200": {"description": "the document", "content": docs}, **_errors()}},
    }


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` include the library's models as components."""
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ProjectSpec, ComputeRequest, EstimateRequest, VerifyRequest,
                      ReportRequest, Problem):
            one = model.model_json_schema(ref_template=_REF)
            components.update(one.pop("$defs", {}))
            components[model.__name__] = one
        for name in ("ComputeRequest", "EstimateRequest", "VerifyRequest", "ReportRequest"):
            components[name]["properties"]["project"] = _ref("ProjectSpec")
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
