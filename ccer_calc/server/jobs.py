"""What the service computes, as functions of plain request data (run in worker threads).

Each job validates its request with the library's own models and functions, never reads a file
from disk, renders no user template, and returns the response's media type and bytes. The files
a project names (``monitoring.csv``, ``monitoring.excel``, a plug-in's inventories) come only
from the request, by the names the project gives them: the JSON body's ``files`` (text) and the
form's file parts (bytes), handed to the library as
:class:`~ccer_calc.io.files.MemoryFiles`; a name not sent is refused, as is a file sent but not
named by the project. Errors are the library's :class:`~ccer_calc.errors.CcerError` subclasses,
turned into problem details by the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ccer_calc.api import compute, get_methodology, project_from_dict
from ccer_calc.document_kinds import BINARY_FORMATS, DOCUMENTS, LANGUAGES
from ccer_calc.errors import InputError
from ccer_calc.io.files import MemoryFiles
from ccer_calc.io.projectfile import validation_error
from ccer_calc.io.sources import MonitoringSource
from ccer_calc.server.limits import Limits

__all__ = ["MEDIA", "Attached", "ComputeRequest", "EstimateRequest", "Output", "ReportRequest",
           "VerifyRequest", "compute_job", "estimate_job", "report_job", "verify_job"]

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


@dataclass(frozen=True)
class Attached:
    """What a multipart form carries beside its JSON part: monitoring rows and project files."""

    monitoring: MonitoringSource | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)
    #: Largest unpacked size of a workbook among them (:attr:`Limits.max_unpacked_bytes`).
    max_unpacked_bytes: int = Limits.max_unpacked_bytes


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    project: dict[str, Any] = Field(description="the project, shaped like a project file "
                                                "(JSON Schema: GET /methodologies/{id}/schema)")
    files: dict[str, str] = Field(
        default_factory=dict,
        description="the text of each file the project names (inventories, a monitoring CSV), "
                    "by the name it gives (strata.csv); a name is only a key, never a path on "
                    "the server. Every file named must be sent and every file sent must be "
                    "named. Binary files (.xlsx) go as file parts of a multipart form")
    as_of: dt.date | None = Field(None, description="verification date: factors published "
                                                    "after it are not used")


class ComputeRequest(_Request):
    """``POST /compute`` with the files a project names (a bare project needs none)."""


class EstimateRequest(_Request):
    """``POST /estimate``: the ex-ante estimate of a project with expected values."""

    scenario: str | None = Field(None, description="estimate this named scenario of the "
                                                   "project instead (as estimate --scenario)")


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


def _project(data: Any, attached: Attached, sent: Mapping[str, str]) -> Any:  # noqa: ANN401
    """The project, its files only those of the request (nothing is read from disk)."""
    if not isinstance(data, dict):
        raise InputError("the project is not a JSON object", field="project",
                         expected="a JSON object shaped like a project file")
    twice = sorted(set(sent) & set(attached.files))
    if twice:
        raise InputError("a file is sent twice: in the JSON's files and as a part of the form",
                         field="files", value=twice[0], expected="each file once")
    files = MemoryFiles({**sent, **attached.files},
                        max_unpacked_bytes=attached.max_unpacked_bytes)
    return project_from_dict(data, monitoring=attached.monitoring, files=files)


def _compute_request(body: Any, as_of: dt.date | None  # noqa: ANN401
                     ) -> tuple[Any, dict[str, str], dt.date | None]:
    """The project, its files and the as-of date: from a bare project or a ComputeRequest."""
    if not (isinstance(body, dict) and "project" in body):  # a project has no key "project"
        return body, {}, as_of
    req: ComputeRequest = _parse(ComputeRequest, body)
    if as_of is not None and req.as_of is not None:
        raise InputError("the verification date is given twice", field="as_of",
                         value=req.as_of.isoformat(),
                         expected="as_of in the query or in the body, not both")
    return req.project, req.files, req.as_of or as_of


def compute_job(body: Any, attached: Attached, as_of: dt.date | None) -> Output:  # noqa: ANN401
    """The result JSON, byte for byte what ``ccer-calc compute --json`` prints."""
    data, sent, when = _compute_request(body, as_of)
    result = compute(_project(data, attached, sent), as_of=when)
    return Output("application/json", (result.to_json() + "\n").encode("utf-8"))


def estimate_job(body: Any, attached: Attached) -> Output:  # noqa: ANN401
    """The estimate JSON, byte for byte what ``ccer-calc estimate --json`` prints.

    The body is a bare project or ``{"project", "files", "as_of", "scenario"}``; ``as_of`` is
    the date of the estimate (the project's ``expected.as_of`` when not given).
    """
    from ccer_calc.estimation import estimate  # noqa: PLC0415 - a higher layer than api

    if isinstance(body, dict) and "project" not in body:  # a bare project
        body = {"project": body}
    req: EstimateRequest = _parse(EstimateRequest, body)
    est = estimate(_project(req.project, attached, req.files), as_of=req.as_of,
                   scenario=req.scenario)
    return Output("application/json", (est.to_json() + "\n").encode("utf-8"))


def verify_job(body: Any, attached: Attached) -> Output:  # noqa: ANN401
    """The findings JSON, as ``ccer-calc verify --json`` prints it."""
    from ccer_calc.verify import verify  # noqa: PLC0415 - a higher layer than api

    req: VerifyRequest = _parse(VerifyRequest, body)
    project = _project(req.project, attached, req.files)
    result = compute(project, as_of=req.as_of)
    findings = verify(project, result, req.claimed, materiality=req.materiality)
    return Output("application/json", (findings.to_json() + "\n").encode("utf-8"))


def report_job(body: Any, attached: Attached, formats: tuple[str, ...]) -> Output:  # noqa: ANN401
    """One document in the requested language and format, from the packaged templates only."""
    from ccer_calc.documents import (  # noqa: PLC0415 - a higher layer than api
        render_bytes,
        render_document,
    )
    from ccer_calc.documents.engagement import parse_engagement  # noqa: PLC0415
    from ccer_calc.documents.exante import document_result  # noqa: PLC0415
    from ccer_calc.verify import verify  # noqa: PLC0415

    req: ReportRequest = _parse(ReportRequest, body)
    if req.format not in formats:
        raise InputError("this service does not render that format", field="format",
                         value=req.format, expected="one of " + ", ".join(formats))
    project = _project(req.project, attached, req.files)
    methodology = get_methodology(project.methodology_id)
    findings, est = None, None
    if req.claimed is None:  # a PDD of a project with expected values: from its estimate
        result, est = document_result(project, req.document, as_of=req.as_of)
    else:  # as ccer-calc report --claimed: the monitored result, verified
        result = compute(project, as_of=req.as_of)
        findings = verify(project, result, req.claimed, materiality=req.materiality)
    engagement = None if req.engagement is None else parse_engagement(req.engagement,
                                                                      "engagement")
    kw: dict[str, Any] = {"document": req.document, "lang": req.lang, "fmt": req.format,
                          "findings": findings, "engagement": engagement, "estimate": est}
    if req.format in BINARY_FORMATS:
        data = render_bytes(project, result, methodology, **kw)
    else:
        data = render_document(project, result, methodology, **kw).encode("utf-8")
    return Output(MEDIA[req.format], data, f"{req.document}.{req.lang}.{req.format}")
