"""What the service computes, as functions of plain request data (run in worker threads).

Each job validates its request with the library's own models and functions, never reads a file
(``read_files=False``: a project naming ``monitoring.csv``, ``monitoring.excel`` or a plug-in
data file is refused), renders no user template, and returns the response's media type and
bytes. Errors are the library's :class:`~ccer_calc.errors.CcerError` subclasses, turned into
problem details by the app.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.document_kinds import BINARY_FORMATS, DOCUMENTS, LANGUAGES
from ccer_calc.errors import InputError
from ccer_calc.io.projectfile import validation_error
from ccer_calc.io.sources import MonitoringSource

__all__ = ["MEDIA", "Output", "ReportRequest", "VerifyRequest", "compute_job", "report_job",
           "verify_job"]

#: Media type of each report format.
MEDIA = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf"}


@dataclass(frozen=True)
class Output:
    """A job's response: media type, body, and a file name for documents."""

    media_type: str
    body: bytes
    filename: str | None = None


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    project: dict[str, Any] = Field(description="the project, shaped like a project file "
                                                "(JSON Schema: GET /methodologies/{id}/schema)")
    as_of: dt.date | None = Field(None, description="verification date: factors published "
                                                    "after it are not used")


class VerifyRequest(_Request):
    """``POST /verify``: a project and the figures claimed for it."""

    claimed: dict[str, Any] = Field(description="the claimed figures, shaped like the "
                                                "response of POST /compute")
    materiality: float = Field(0.01, gt=0, lt=1, description="threshold as a fraction")


class ReportRequest(_Request):
    """``POST /report``: a project and the document to render (no user templates)."""

    document: Literal[DOCUMENTS] = Field(  # type: ignore[valid-type]
        description="pdd, monitoring, validation or verification")
    lang: Literal[LANGUAGES] = "zh"  # type: ignore[valid-type]
    format: Literal["html", "md", "docx", "pdf"] = "html"
    claimed: dict[str, Any] | None = Field(None, description="claimed figures: the "
                                                             "verification report lists the "
                                                             "findings")
    materiality: float = Field(0.01, gt=0, lt=1)
    engagement: dict[str, Any] | None = Field(None, description="what people write, as the "
                                                                "engagement file's tables")


def _parse(model: type[BaseModel], body: Any) -> Any:  # noqa: ANN401 - plain request data
    if not isinstance(body, dict):
        raise InputError("the request body is not a JSON object", field="request",
                         expected="a JSON object")
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise validation_error(exc) from None


def _project(data: Any, monitoring: MonitoringSource | None) -> Any:  # noqa: ANN401
    if not isinstance(data, dict):
        raise InputError("the project is not a JSON object", field="project",
                         expected="a JSON object shaped like a project file")
    return project_from_dict(data, monitoring=monitoring, read_files=False)


def compute_job(body: Any, monitoring: MonitoringSource | None,  # noqa: ANN401
                as_of: dt.date | None) -> Output:
    """The result JSON, byte for byte what ``ccer-calc compute --json`` prints."""
    result = compute(_project(body, monitoring), as_of=as_of)
    return Output("application/json", (result.to_json() + "\n").encode("utf-8"))


def verify_job(body: Any, monitoring: MonitoringSource | None) -> Output:  # noqa: ANN401
    """The findings JSON, as ``ccer-calc verify --json`` prints it."""
    from ccer_calc.verify import verify  # noqa: PLC0415 - a higher layer than api

    req: VerifyRequest = _parse(VerifyRequest, body)
    project = _project(req.project, monitoring)
    result = compute(project, as_of=req.as_of)
    findings = verify(project, result, req.claimed, materiality=req.materiality)
    return Output("application/json", (findings.to_json() + "\n").encode("utf-8"))


def report_job(body: Any, monitoring: MonitoringSource | None,  # noqa: ANN401
               formats: tuple[str, ...]) -> Output:
    """One document in the requested language and format, from the packaged templates only."""
    from ccer_calc.documents import (  # noqa: PLC0415 - a higher layer than api
        render_bytes,
        render_document,
    )
    from ccer_calc.documents.engagement import parse_engagement  # noqa: PLC0415
    from ccer_calc.verify import verify  # noqa: PLC0415

    req: ReportRequest = _parse(ReportRequest, body)
    if req.format not in formats:
        raise InputError("this service does not render that format", field="format",
                         value=req.format, expected="one of " + ", ".join(formats))
    project = _project(req.project, monitoring)
    result = compute(project, as_of=req.as_of)
    methodology = get_methodology(project.methodology_id)
    findings = None if req.claimed is None else verify(project, result, req.claimed,
                                                       materiality=req.materiality)
    engagement = None if req.engagement is None else parse_engagement(req.engagement,
                                                                      "engagement")
    kw: dict[str, Any] = {"document": req.document, "lang": req.lang, "fmt": req.format,
                          "findings": findings, "engagement": engagement}
    if req.format in BINARY_FORMATS:
        data = render_bytes(project, result, methodology, **kw)
    else:
        data = render_document(project, result, methodology, **kw).encode("utf-8")
    return Output(MEDIA[req.format], data, f"{req.document}.{req.lang}.{req.format}")
