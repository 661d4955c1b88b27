"""The HTTP service: FastAPI routes over the library, with stated limits.

``POST /compute``, ``/estimate``, ``/verify`` and ``/report`` take a JSON body, or a multipart
form whose part ``request`` holds that same JSON and whose part ``monitoring`` is an uploaded
CSV or XLSX file (part ``sheet`` names the workbook's sheet). ``/compute`` and ``/estimate``
take a bare project, or ``{"project": {...}, "files": {name: text}, "as_of": ...}``;
``/verify`` and ``/report`` take ``files`` beside ``project`` too. In a form, every other
*file* part is a file the project names, the part's name being the name the project gives it
(``strata.csv``; the part's file name is not used). Nothing is read from the server's disk
(see :mod:`ccer_calc.server.jobs`).
Each computation runs in a worker thread, so the service keeps answering while it runs;
:class:`Limits` bounds the body size, the number of files, the time a request waits for a
computing thread, the time its computation may take once started, and how many computations
run or wait at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from ccer_calc.api import engine_version, get_methodology, list_methodologies
from ccer_calc.errors import CcerError, InputError
from ccer_calc.io.files import decode_text
from ccer_calc.io.projectfile import parse_plain_text
from ccer_calc.io.sources import CsvBytes, XlsxBytes
from ccer_calc.server.jobs import (
    Attached,
    Output,
    compute_job,
    estimate_job,
    report_job,
    verify_job,
)
from ccer_calc.server.limits import BodyLimit, Limits, ProblemError, problem_response
from ccer_calc.server.openapi import describe_api, install_openapi
from ccer_calc.server.problems import problem, problem_of

__all__ = ["create_app"]

_LOG = logging.getLogger("ccer_calc.server")
_PARTS = {"request", "monitoring", "sheet"}
_TEXT_PARTS = ("request", "sheet")
_EXPECTED_PARTS = ("text parts request (the JSON body) and sheet; file parts monitoring (CSV "
                   "or XLSX) and one for each file the project names, named as the project "
                   "names it")


class _Slots:
    """Computing slots: a pool of worker threads and a count of jobs running or queued.

    A job holds its slot from admission until its thread is done, so the count is honest even
    for a job past its time (a thread cannot be stopped): while it runs on, later jobs wait,
    and one that waits longer than :attr:`Limits.queue_seconds` for a thread is withdrawn with
    503. The compute-time clock starts when the job's thread picks it up, never while it waits.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.pool = ThreadPoolExecutor(max_workers=limits.workers,
                                       thread_name_prefix="ccer-calc-job")
        self.lock = threading.Lock()
        self.pending = 0

    def _release(self, _: object) -> None:
        with self.lock:
            self.pending -= 1

    def _admit(self) -> None:
        with self.lock:
            if self.pending >= self.limits.workers + self.limits.queue:
                raise ProblemError(problem(429, "busy", "every computing slot is taken; "
                                           "retry shortly"), {"Retry-After": "1"})
            self.pending += 1

    async def run(self, fn: Callable[..., Output], *args: Any) -> Output:  # noqa: ANN401
        self._admit()
        loop = asyncio.get_running_loop()
        started: asyncio.Future[None] = loop.create_future()

        def job() -> Output:
            loop.call_soon_threadsafe(_settle, started)
            return fn(*args)

        future = self.pool.submit(job)
        future.add_done_callback(self._release)
        try:
            await asyncio.wait_for(started, self.limits.queue_seconds)
        except TimeoutError:
            if future.cancel():  # still waiting for a thread: withdrawn, its slot freed
                raise ProblemError(_busy(self.limits.queue_seconds),
                                   {"Retry-After": "5"}) from None
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future),
                                          self.limits.compute_seconds)
        except TimeoutError:
            raise ProblemError(problem(
                422, "compute-time-limit", f"the computation took longer than the limit of "
                f"{self.limits.compute_seconds:g} s", expected="a smaller project or monitoring "
                "table")) from None


def _settle(started: asyncio.Future[None]) -> None:
    if not started.done():  # a request that gave up waiting has cancelled it
        started.set_result(None)


def _busy(seconds: float) -> dict[str, Any]:
    return problem(503, "busy", f"the server is busy: no computing slot came free within "
                                f"{seconds:g} s; the request was not computed (nothing is wrong "
                                f"with it); retry later")


def _json(raw: bytes, field: str) -> Any:  # noqa: ANN401 - plain request data
    try:
        return parse_plain_text(decode_text(raw, field=field), "json", field)
    except InputError as exc:
        raise ProblemError(problem_of(exc) | {"status": 400, "title": "Bad request"}) from None


def _upload_name(name: str | None) -> str:
    base = re.sub(r"[^\w.\- ]", "_", (name or "").rsplit("/", 1)[-1])[:80]
    return f"upload {base}" if base else "upload"


async def _form(request: Request, limits: Limits) -> tuple[Any, Attached]:
    try:
        form = await request.form(max_files=limits.max_files + 1, max_fields=len(_TEXT_PARTS),
                                  max_part_size=limits.max_body_bytes)
    except HTTPException as exc:  # a malformed form or too many parts
        raise ProblemError(problem(400, "form", f"unreadable form: {exc.detail}")) from None
    try:
        return await _parts(form, limits.max_unpacked_bytes)
    finally:
        await form.close()  # uploads are spooled: free them now


def _check_parts(items: list[tuple[str, Any]]) -> None:
    """Each part once; ``request`` and ``sheet`` text, every other part a file."""
    seen: set[str] = set()
    for name, value in items:
        if name in seen:
            raise ProblemError(problem_of(InputError(
                "a part appears twice in the form", field=name, expected="each part once")))
        seen.add(name)
        if isinstance(value, str) != (name in _TEXT_PARTS):
            kind = "text" if isinstance(value, str) else "a file"
            raise ProblemError(problem_of(InputError(
                f"this part of the form may not be {kind}", field=name,
                expected=_EXPECTED_PARTS)))


async def _parts(form: Any, unpacked: int) -> tuple[Any, Attached]:  # noqa: ANN401 - a form
    items = list(form.multi_items())
    _check_parts(items)
    text = form.get("request")
    if not isinstance(text, str):
        raise ProblemError(problem_of(InputError(
            "the form has no request part", field="request",
            expected="a part 'request' holding the JSON body")))
    body = _json(text.encode("utf-8"), "request")
    files = {name: await value.read() for name, value in items if name not in _PARTS}
    upload = form.get("monitoring")
    sheet = form.get("sheet")
    if upload is None:
        return body, Attached(None, files, max_unpacked_bytes=unpacked)
    data = await upload.read()
    name = _upload_name(upload.filename)
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(".xlsx"):
        return body, Attached(XlsxBytes(data, name, sheet if isinstance(sheet, str) else None,
                                        max_unpacked_bytes=unpacked), files,
                              max_unpacked_bytes=unpacked)
    return body, Attached(CsvBytes(data, name), files, max_unpacked_bytes=unpacked)


def _count_files(body: Any, attached: Attached, limits: Limits) -> None:  # noqa: ANN401
    """Refuse more files than :attr:`Limits.max_files` (the JSON's and the form's together)."""
    sent = body.get("files") if isinstance(body, dict) and "project" in body else None
    count = len(attached.files) + (len(sent) if isinstance(sent, dict) else 0)
    if count > limits.max_files:
        raise ProblemError(problem(422, "file-count", f"{count} files sent with the project, "
                                   f"over the limit of {limits.max_files}", field="files",
                                   value=count, expected=f"at most {limits.max_files} files"))


async def _read(request: Request, limits: Limits) -> tuple[Any, Attached]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        body = _json(await request.body(), "request")
        attached = Attached(max_unpacked_bytes=limits.max_unpacked_bytes)
    elif kind == "multipart/form-data":
        body, attached = await _form(request, limits)
    else:
        raise ProblemError(problem(415, "media-type", f"cannot read a body of type "
                                                      f"{kind or 'none'}",
                                   expected="application/json or multipart/form-data"))
    _count_files(body, attached, limits)
    return body, attached


def _respond(output: Output) -> Response:
    headers = {} if output.filename is None else {
        "Content-Disposition": f'attachment; filename="{output.filename}"'}
    return Response(output.body, media_type=output.media_type, headers=headers)


async def _guarded(action: Callable[[], Awaitable[Response]]) -> Response:
    """Run a route: engine errors become problems, anything else a logged 500."""
    try:
        return await action()
    except ProblemError as exc:
        return problem_response(exc.body, exc.headers)
    except CcerError as exc:
        return problem_response(problem_of(exc))
    except Exception:
        _LOG.exception("internal error")
        return problem_response(problem(500, "internal", "internal error: the service "
                                                         "failed; this is a bug"))


def _formats() -> tuple[str, ...]:
    """Report formats this service offers: html and md always; docx and pdf with their extras."""
    formats = ["html", "md"]
    for fmt, module in (("docx", "docx"), ("pdf", "weasyprint")):
        with contextlib.suppress(ImportError, OSError):
            __import__(module)
            formats.append(fmt)
    return tuple(formats)


def _methodology_routes(app: FastAPI) -> None:
    @app.get("/methodologies", summary="installed methodologies")
    def methodologies() -> list[dict[str, Any]]:
        return list_methodologies(load=False)

    @app.get("/methodologies/{methodology_id}", summary="parameters, monitored data, checks "
                                                        "and equations of one methodology")
    def methodology(methodology_id: str) -> Response:
        try:
            info = get_methodology(methodology_id).describe()
        except CcerError as exc:
            return problem_response(problem_of(exc, path_methodology=True))
        return Response(json.dumps(info, ensure_ascii=False, sort_keys=True),
                        media_type="application/json")

    @app.get("/methodologies/{methodology_id}/schema",
             summary="JSON Schema of a project for one methodology")
    def schema(methodology_id: str) -> Response:
        from ccer_calc.schema import methodology_schema  # noqa: PLC0415

        try:  # from the plug-in's light INFO where it describes the schema, as the CLI does
            body = methodology_schema(methodology_id)
        except CcerError as exc:
            return problem_response(problem_of(exc, path_methodology=True))
        return Response(json.dumps(body, ensure_ascii=False, sort_keys=True),
                        media_type="application/json")


def _job_routes(app: FastAPI, limits: Limits, slots: _Slots, formats: tuple[str, ...]) -> None:
    doc = describe_api(formats)

    @app.post("/compute", summary="compute a project: the JSON of ccer-calc compute --json",
              openapi_extra=doc["compute"])
    async def compute_route(request: Request, as_of: dt.date | None = None) -> Response:
        async def act() -> Response:
            body, upload = await _read(request, limits)
            return _respond(await slots.run(compute_job, body, upload, as_of))
        return await _guarded(act)

    @app.post("/estimate", summary="the ex-ante estimate: the JSON of ccer-calc estimate --json",
              openapi_extra=doc["estimate"])
    async def estimate_route(request: Request) -> Response:
        async def act() -> Response:
            body, upload = await _read(request, limits)
            return _respond(await slots.run(estimate_job, body, upload))
        return await _guarded(act)

    @app.post("/verify", summary="compare claimed figures with a recomputation",
              openapi_extra=doc["verify"])
    async def verify_route(request: Request) -> Response:
        async def act() -> Response:
            body, upload = await _read(request, limits)
            return _respond(await slots.run(verify_job, body, upload))
        return await _guarded(act)

    @app.post("/report", summary="render a document (packaged templates only)",
              openapi_extra=doc["report"])
    async def report_route(request: Request) -> Response:
        async def act() -> Response:
            body, upload = await _read(request, limits)
            return _respond(await slots.run(report_job, body, upload, formats))
        return await _guarded(act)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_problem(request: Request, exc: HTTPException) -> Response:
        del request
        return problem_response(problem(exc.status_code, "http", str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def query_problem(request: Request, exc: RequestValidationError) -> Response:
        del request
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"][1:]) or None
        return problem_response(problem(422, "InputError", f"{field}: {err['msg']}",
                                        field=field, value=str(err.get("input"))))


def create_app(limits: Limits | None = None) -> FastAPI:
    """The service as an ASGI application.

    Parameters
    ----------
    limits : Limits, optional
        Body size, compute time, worker threads and queue; :class:`Limits` defaults.

    Returns
    -------
    FastAPI
        Serve it with uvicorn (``ccer-calc serve``) or call it with a test client.
    """
    limits = limits if limits is not None else Limits()
    slots = _Slots(limits)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        slots.pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(title="ccer-calc", version=engine_version(), lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Emission reductions under China's CCER methodologies, "
                              "equation by equation. Limits: "
                              + json.dumps(dataclasses.asdict(limits)))
    formats = _formats()
    _methodology_routes(app)
    _job_routes(app, limits, slots, formats)
    _handlers(app)
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes)
    install_openapi(app)
    app.state.limits = limits
    return app
