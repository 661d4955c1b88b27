"""The service's stated limits, the body-size guard, and problem responses."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from ccer_calc.server.problems import MEDIA_TYPE, problem

__all__ = ["BodyLimit", "Limits", "ProblemError", "problem_response"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
_TOO_LARGE = 413


@dataclass(frozen=True)
class Limits:
    """What one service instance accepts.

    Parameters
    ----------
    max_body_bytes : int
        Largest request body (16 MiB): far above a monitoring table of daily rows for decades.
        A larger body is refused with 413 before it is read in full.
    compute_seconds : float
        Longest a computation may take once a worker thread has started it (30 s); past it the
        request gets 422. A thread cannot be stopped: it finishes the computation (its size
        bounded by the body limit and, for a workbook, by :mod:`ccer_calc.io.xlsx_guard`) and
        holds its slot until then, so later requests wait.
    queue_seconds : float
        Longest a request waits for a worker thread (30 s); past it it is withdrawn and gets
        503 with Retry-After (the server is busy; nothing is wrong with the request).
    workers : int
        Computations running at once (threads; 2, the cores of the machine it was built on).
    queue : int
        Computations waiting for a worker beyond those running; past it 429 with Retry-After.
    max_files : int
        Most files sent with one project (100: JSON ``files`` and form file parts together;
        an inventory of a dozen remeasurements names about forty). Past it 422 (400 for a
        form with more file parts than that, refused as it is read).
    max_unpacked_bytes : int
        Largest unpacked size of a workbook sent (64 MiB, four times the body limit: a sheet
        of a million cells unpacks to about 40 MB); each sheet and the shared strings at most
        a quarter of it (:mod:`ccer_calc.io.xlsx_guard`), checked before it is parsed. Past it
        422.
    """

    max_body_bytes: int = 16 * 1024 * 1024
    compute_seconds: float = 30.0
    queue_seconds: float = 30.0
    workers: int = 2
    queue: int = 32
    max_files: int = 100
    max_unpacked_bytes: int = 64 * 1024 * 1024


class ProblemError(Exception):
    """A problem detail to answer with (raised inside a route)."""

    def __init__(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(body.get("detail", ""))
        self.body = body
        self.headers = headers or {}


def problem_response(body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    """An ``application/problem+json`` response of a problem detail."""
    return Response(json.dumps(body, ensure_ascii=False, sort_keys=True),
                    status_code=int(body["status"]), media_type=MEDIA_TYPE, headers=headers)


class BodyLimit:
    """ASGI middleware: refuse a request body over ``limit`` bytes with 413, before the app.

    The declared ``Content-Length`` is checked first; a chunked body is counted as it arrives
    and the request refused as soon as it passes the limit. A body within the limit is handed
    to the app unchanged.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], *,
                 limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int,
                      detail: str) -> None:
        body = problem(status, "body-size" if status == _TOO_LARGE else "http", detail,
                       expected=f"a body of at most {self.limit:,} bytes")
        await problem_response(body)(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass a request on with its whole body, or refuse it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await self._refuse(scope, receive, send, 400, "unreadable Content-Length")
                return
            if int(declared) > self.limit:
                await self._refuse(scope, receive, send, 413,
                                   f"the body of {int(declared):,} bytes is over the limit")
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send, 413, "the body is over the limit")
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        await self.app(scope, _replay(b"".join(chunks), receive), send)


def _replay(data: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        return await receive()
    return again
