"""``ccer-calc serve``: the HTTP service on uvicorn (extra ``server``).

The service's log (uvicorn's start-up lines and one access line per request) goes to stdout,
so stderr keeps the CLI's promise of at most one line, an error. ``--max-requests`` and
``--max-seconds`` make a server that stops by itself (tests, load tests, one-off batches).
"""

from __future__ import annotations

import argparse
import copy
import threading
from typing import Any, TextIO

from ccer_calc.cli.common import EXIT_OK

__all__ = ["register"]


def _uvicorn() -> Any:  # noqa: ANN401 - the optional module
    from ccer_calc.extras import require  # noqa: PLC0415 - keep start-up light

    require("fastapi", extra="server", field="serve")
    return require("uvicorn", extra="server", field="serve")


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the HTTP API until stopped (Ctrl-C) or a stated limit is reached."""
    uvicorn = _uvicorn()
    from ccer_calc.server import Limits, create_app  # noqa: PLC0415

    limits = Limits(max_body_bytes=args.max_body_bytes, compute_seconds=args.timeout,
                    queue_seconds=args.queue_timeout, max_files=args.max_files,
                    workers=args.workers, queue=args.queue)
    log = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    for handler in log["handlers"].values():
        handler["stream"] = "ext://sys.stdout"
    config = uvicorn.Config(create_app(limits), host=args.host, port=args.port,
                            limit_max_requests=args.max_requests, log_config=log,
                            log_level=args.log_level)
    server = uvicorn.Server(config)
    if args.max_seconds is not None:
        timer = threading.Timer(args.max_seconds, lambda: setattr(server, "should_exit", True))
        timer.daemon = True
        timer.start()
    out.write(f"ccer-calc serving on http://{args.host}:{args.port} ({limits})\n")
    out.flush()
    server.run()
    return EXIT_OK


def _positive(kind: type) -> Any:  # noqa: ANN401 - an argparse type
    def parse(text: str) -> Any:  # noqa: ANN401
        try:
            value = kind(text)
        except ValueError:
            msg = f"not a number: {text!r}"
            raise argparse.ArgumentTypeError(msg) from None
        if not value > 0:
            msg = f"must be above 0: {text!r}"
            raise argparse.ArgumentTypeError(msg)
        return value
    return parse


def register(sub: Any) -> None:  # noqa: ANN401 - argparse's private subparsers type
    """Add ``serve``."""
    p = sub.add_parser("serve", help="serve the HTTP API (needs pip install "
                                     "'ccer-calc[server]')")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=_positive(int), default=2,
                   help="computations running at once, in threads (default 2)")
    p.add_argument("--queue", type=int, default=32,
                   help="computations waiting beyond those running; more get 429 (default 32)")
    p.add_argument("--timeout", type=_positive(float), default=30.0,
                   help="seconds a computation may take once started; past it 422 "
                        "(default 30)")
    p.add_argument("--queue-timeout", type=_positive(float), default=30.0,
                   help="seconds a request waits for a computing thread; past it 503 with "
                        "Retry-After (default 30)")
    p.add_argument("--max-body-bytes", type=_positive(int), default=16 * 1024 * 1024,
                   help="largest request body; larger ones get 413 (default 16 MiB)")
    p.add_argument("--max-files", type=_positive(int), default=100,
                   help="most files sent with one project (JSON files and form file parts); "
                        "more get 422 (default 100)")
    p.add_argument("--max-requests", type=_positive(int), default=None,
                   help="stop after this many requests")
    p.add_argument("--max-seconds", type=_positive(float), default=None,
                   help="stop after this many seconds")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"),
                   help="uvicorn's log level (default info)")
    p.set_defaults(handler=cmd_serve)
