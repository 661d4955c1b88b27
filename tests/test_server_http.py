"""The HTTP service for real: ``ccer-calc serve`` in a child process on 127.0.0.1, called over
HTTP, bounded in requests (it stops by itself after exactly the requests this test sends) and
in time (``--max-seconds``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("uvicorn", reason="needs the server extra")

_spec = importlib.util.spec_from_file_location(
    "bench_server", Path(__file__).resolve().parents[1] / "benchmarks" / "bench_server.py")
assert _spec is not None and _spec.loader is not None
bench: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

from ccer_calc.server import inline_project  # noqa: E402

LOAD = 40  # concurrent POST /compute, 8 at a time
SINGLE = 4  # the other requests below
LIMIT = 100_000  # --max-body-bytes of this server


def test_real_server_over_http() -> None:
    body = json.dumps(inline_project(bench.EXAMPLE)).encode("utf-8")
    expected = bench.cli_json(bench.EXAMPLE)
    with bench.serve(LOAD + SINGLE, 120, "--max-body-bytes", str(LIMIT),
                     "--workers", "2") as (port, child):
        status, _, data = bench.request(port, "GET", "/methodologies")
        assert status == 200
        assert "CCER-01-002-V01" in [m["id"] for m in json.loads(data)]

        status, headers, data = bench.request(port, "POST", "/compute", body)
        assert status == 200
        assert data == expected  # byte for byte what the CLI prints

        bad = json.loads(body)
        bad["monitoring"].pop("data")
        bad["monitoring"]["csv"] = "/etc/passwd"
        status, headers, data = bench.request(port, "POST", "/compute",
                                              json.dumps(bad).encode("utf-8"))
        problem = json.loads(data)
        assert (status, headers["content-type"]) == (422, "application/problem+json")
        assert (problem["field"], problem["value"]) == ("monitoring.csv", "/etc/passwd")

        status, headers, data = bench.request(port, "POST", "/compute", b" " * (LIMIT + 1))
        assert status == 413
        assert json.loads(data)["expected"] == f"a body of at most {LIMIT:,} bytes"

        stats = bench.load(port, body, expected, LOAD, 8)
        assert stats["errors"] == 0
        assert child.wait(timeout=30) == 0  # stopped by itself after its last request
