"""Errors as JSON problem details (RFC 9457), carrying what the CLI's one-line error carries.

``detail`` is the CLI's message (``str(exc)``, what ``ccer-calc`` prints after
``ccer-calc: error:``); ``field``, ``value``, ``expected`` and ``methodology`` are the error's
own attributes, so a program reads them without parsing text. Status codes: 4xx for anything
the request can fix, 5xx only for a fault of the service (a broken plug-in or template, an
unexpected exception: a bug).

* 400: the body is not JSON or not a well-formed form;
* 404: an unknown path, or an unknown methodology in the path;
* 413: the body is over the size limit;
* 415: the body is neither JSON nor a multipart form;
* 422: the project, the monitoring data or an option is not acceptable (``InputError``,
  ``UnitError``, ``ApplicabilityError``, ``DataNotFound``, an unknown methodology in the body,
  a format this service does not offer), or the computation exceeded the time limit;
* 429: every computing slot and the queue are taken: retry after ``Retry-After`` seconds;
* 500: a fault of the service (``PluginError``, ``TemplateError``, any other exception).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ccer_calc.errors import (
    CcerError,
    MethodologyNotFound,
    OutputError,
    PluginError,
    TemplateError,
    shown,
)

__all__ = ["MEDIA_TYPE", "Problem", "problem", "problem_of"]

MEDIA_TYPE = "application/problem+json"
_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed",
           413: "Content too large", 415: "Unsupported media type",
           422: "Unprocessable input", 429: "Too many requests", 500: "Internal error"}


class Problem(BaseModel):
    """A problem detail (RFC 9457) with the engine's error attributes as extension members."""

    type: str = Field(description="URI naming the kind of problem, "
                                  "urn:ccer-calc:problem:<error class>")
    title: str = Field(description="short summary of the status")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="the message the CLI prints for the same error")
    field: str | None = Field(None, description="dotted path of the offending input field")
    value: Any = Field(None, description="the value received (text longer than 80 "
                                         "characters is cut)")
    expected: str | None = Field(None, description="what was expected instead")
    methodology: str | None = Field(None, description="the methodology concerned")


def problem(status: int, kind: str, detail: str, **extra: Any) -> dict[str, Any]:  # noqa: ANN401
    """A problem detail as plain data; ``extra`` members that are None are left out."""
    body = {"type": f"urn:ccer-calc:problem:{kind}", "title": _TITLES.get(status, "Error"),
            "status": status, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


def _value(value: Any) -> Any:  # noqa: ANN401 - any received value
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and len(repr(value)) <= len(shown(value)):
        return value
    return shown(value)


def _status(exc: CcerError, *, path_methodology: bool) -> int:
    if isinstance(exc, MethodologyNotFound):
        return 404 if path_methodology else 422
    if isinstance(exc, PluginError | TemplateError | OutputError):
        return 500
    return 422


def problem_of(exc: CcerError, *, path_methodology: bool = False) -> dict[str, Any]:
    """The problem detail of an engine error (see the module notes for the status).

    Examples
    --------
    >>> from ccer_calc.errors import InputError
    >>> p = problem_of(InputError("missing methodology id", field="methodology"))
    >>> p["status"], p["type"], p["detail"]
    (422, 'urn:ccer-calc:problem:InputError', 'methodology: missing methodology id')
    """
    status = _status(exc, path_methodology=path_methodology)
    return problem(status, type(exc).__name__, str(exc), field=exc.field,
                   value=_value(exc.value), expected=exc.expected,
                   methodology=exc.methodology)
