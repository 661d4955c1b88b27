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


SINKS = sorted((Path(__file__).resolve().parents[1] / "methodologies").glob("*/data/example.toml"))
SINK_LIMIT = 400_000  # --max-body-bytes of the sink server: every sink request fits


def _form(request: dict[str, Any], files: dict[str, bytes]) -> tuple[bytes, str]:
    """A multipart body: the JSON part ``request`` and one file part per project file."""
    boundary = "ccer-calc-test-boundary"
    chunks = [f'--{boundary}\r\nContent-Disposition: form-data; name="request"\r\n\r\n'
              .encode() + json.dumps(request).encode("utf-8") + b"\r\n"]
    for name, data in files.items():
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                      f'filename="upload"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                      + data + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def test_sink_projects_with_their_files_over_http() -> None:
    sinks = [(p, inline_project(p)) for p in SINKS if p.parts[-3].startswith(("ar_", "ccer_14"))]
    assert len(sinks) == 4
    first_path, first = sinks[0]
    bad: list[tuple[dict[str, Any], int, str]] = []
    missing = json.loads(json.dumps(first))
    missing["files"].pop("strata.csv")
    bad.append((missing, 422, "strata.csv"))
    unused = json.loads(json.dumps(first))
    unused["files"]["unused.csv"] = "a,b\n"
    bad.append((unused, 422, "unused.csv"))
    dots = json.loads(json.dumps(first))
    dots["project"]["inputs"]["strata"] = "../data/strata.csv"  # a real path: only a key here
    bad.append((dots, 422, "../data/strata.csv"))
    with bench.serve(len(sinks) + 1 + len(bad) + 2, 120, "--max-body-bytes",
                     str(SINK_LIMIT)) as (port, child):
        for path, body in sinks:
            status, _, data = bench.request(port, "POST", "/compute",
                                            json.dumps(body).encode("utf-8"))
            assert status == 200, data[:300]
            assert data == bench.cli_json(path), path
        files = {n: (first_path.parent / n).read_bytes() for n in first["files"]}
        form, kind = _form(first["project"], files)
        status, _, data = bench.request(port, "POST", "/compute", form, kind)
        assert (status, data) == (200, bench.cli_json(first_path))
        for body, code, value in bad:
            status, headers, data = bench.request(port, "POST", "/compute",
                                                  json.dumps(body).encode("utf-8"))
            problem = json.loads(data)
            assert (status, headers["content-type"]) == (code, "application/problem+json")
            assert problem["value"] == value
        huge, kind = _form(first["project"], {**files, "strata.csv": b"x" * SINK_LIMIT})
        status, _, data = bench.request(port, "POST", "/compute", huge, kind)
        assert status == 413
        status, _, data = bench.request(port, "POST", "/compute",
                                        json.dumps(first).encode("utf-8"))
        assert (status, data) == (200, bench.cli_json(first_path))  # still serving
        assert child.wait(timeout=30) == 0
