"""Load test of the HTTP service on 127.0.0.1: a real ``ccer-calc serve`` under concurrent load.

Starts the service in a child process on a free loopback port, bounded by ``--max-requests``
and ``--max-seconds`` so it stops by itself, sends ``N`` ``POST /compute`` requests (the
offshore-wind example, monitoring rows inline) from ``C`` client threads, checks that every
answer is 200 and byte-identical to ``ccer-calc compute --json``, and prints requests per
second and latency percentiles. Only loopback is ever addressed.

    python benchmarks/bench_server.py [N] [C]      # default 300 requests, 8 at a time
"""

from __future__ import annotations

import http.client
import io
import json
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ccer_calc.cli import main
from ccer_calc.server import inline_project

HOST = "127.0.0.1"
EXAMPLE = Path(__file__).resolve().parents[1] / "methodologies" / "ccer_01_002_v01" / "data" \
    / "example.toml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(max_requests: int, max_seconds: float, *extra: str):
    """A ``ccer-calc serve`` child on a free loopback port; yields the port.

    The server stops by itself after ``max_requests`` requests or ``max_seconds``; on leaving,
    the child is waited for, and ended only if it has not stopped (it is ours).
    """
    port = free_port()
    cmd = [sys.executable, "-m", "ccer_calc", "serve", "--host", HOST, "--port", str(port),
           "--max-requests", str(max_requests), "--max-seconds", str(max_seconds),
           "--log-level", "warning", *extra]
    with subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as child:
        try:
            wait_ready(port, child, timeout=30.0)
            yield port, child
        finally:
            try:
                child.wait(timeout=max_seconds + 10)
            except subprocess.TimeoutExpired:
                child.terminate()
                child.wait(timeout=10)


def wait_ready(port: int, child: subprocess.Popen, timeout: float) -> None:
    """Wait until the port accepts connections (no HTTP request, so none is counted)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(f"server exited: {child.stderr.read().decode()[-500:]}")
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("server did not start in time")


def request(port: int, method: str, path: str, body: bytes | None = None,
            content_type: str = "application/json") -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        headers = {"Content-Type": content_type} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def cli_json(path: Path) -> bytes:
    out = io.StringIO()
    assert main(["compute", str(path), "--json"], out=out) == 0
    return out.getvalue().encode("utf-8")


def load(port: int, body: bytes, expected: bytes, n: int, concurrency: int) -> dict[str, float]:
    """Send ``n`` POST /compute from ``concurrency`` threads; count errors, time each."""
    def one(_: int) -> tuple[bool, float]:
        started = time.perf_counter()
        status, _headers, data = request(port, "POST", "/compute", body)
        return status == 200 and data == expected, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(one, range(n)))
    wall = time.perf_counter() - started
    times = sorted(t for _, t in outcomes)
    return {"requests": n, "concurrency": concurrency, "errors": sum(not ok for ok, _ in outcomes),
            "seconds": wall, "rps": n / wall, "p50_ms": 1000 * times[len(times) // 2],
            "p95_ms": 1000 * times[int(len(times) * 0.95) - 1], "max_ms": 1000 * times[-1]}


def run(n: int = 300, concurrency: int = 8) -> dict[str, float]:
    body = json.dumps(inline_project(EXAMPLE)).encode("utf-8")
    expected = cli_json(EXAMPLE)
    with serve(max_requests=n + 1, max_seconds=300) as (port, _child):
        request(port, "GET", "/methodologies")  # first request: loads the plug-in
        stats = load(port, body, expected, n, concurrency)
    return stats


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    stats = run(*args)
    print(json.dumps(stats, indent=2))
    if stats["errors"]:
        sys.exit(1)
