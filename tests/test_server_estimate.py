"""The service's ex-ante side and its waiting rules (issue #13 audit): ``POST /estimate`` gives
the JSON of ``ccer-calc estimate --json`` byte for byte; ``POST /report`` renders the PDD and
validation report of a project with expected values from its estimate, as ``ccer-calc report``
does (one shared decision, :func:`ccer_calc.documents.exante.document_result`); the
compute-time clock starts when a job runs, and a request that waits too long for a thread is
told the server is busy (503), not that its input is too large."""

from __future__ import annotations

import io
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("httpx", reason="needs the test extra (httpx)")

from fastapi.testclient import TestClient

from ccer_calc.api import compute, load_project
from ccer_calc.cli import main
from ccer_calc.estimation import estimate
from ccer_calc.server import Limits, create_app, inline_project
from ccer_calc.server import app as server_app

ROOT = Path(__file__).resolve().parents[1]
EX_ANTE = sorted(ROOT.glob("methodologies/*/data/example*_ex_ante.toml"))
OW = ROOT / "methodologies" / "ccer_01_002_v01" / "data"


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(create_app()) as c:
        yield c


def _cli(*args: str) -> str:
    out = io.StringIO()
    assert main(list(args), out=out) == 0
    return out.getvalue()


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()


@pytest.mark.parametrize("path", EX_ANTE, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_estimate_equals_cli_json_for_every_ex_ante_example(client: Any, path: Path) -> None:
    response = client.post("/estimate", json=inline_project(path))
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    assert response.text == _cli("estimate", str(path), "--json")


def test_estimate_scenario_and_date(client: Any) -> None:
    path = OW / "example_ex_ante.toml"
    body = {"project": inline_project(path), "scenario": "P90", "as_of": "2023-11-15"}
    response = client.post("/estimate", json=body)
    assert response.status_code == 200, response.text
    assert response.text == _cli("estimate", str(path), "--json", "--scenario", "P90",
                                 "--as-of", "2023-11-15")


def test_estimate_of_a_project_without_expected_values(client: Any) -> None:
    body = _problem(client.post("/estimate", json=inline_project(OW / "example.toml")), 422)
    assert body["type"] == "urn:ccer-calc:problem:InputError"


def _cli_report(path: Path, document: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"{document}.md"
    _cli("report", str(path), "--document", document, "--lang", "en", "--format", "md",
         "-o", str(out))
    return out.read_bytes()


@pytest.mark.parametrize("document", ["pdd", "validation"])
def test_report_of_an_ex_ante_project_equals_the_cli(client: Any, tmp_path: Path,
                                                     document: str) -> None:
    path = OW / "example_ex_ante.toml"  # expected values only: no monitoring data at all
    response = client.post("/report", json={"project": inline_project(path),
                                            "document": document, "lang": "en",
                                            "format": "md"})
    assert response.status_code == 200, response.text[:300]
    assert response.content == _cli_report(path, document, tmp_path)


def _both(tmp_path: Path) -> Path:
    """The monitored example with the ex-ante example's expected values added."""
    shutil.copy(OW / "example_monitoring.csv", tmp_path / "example_monitoring.csv")
    text = (OW / "example.toml").read_text(encoding="utf-8")
    path = tmp_path / "both.toml"
    path.write_text(text + '\n[expected]\nas_of = 2023-11-15\nannual = { export = '
                           '"803701 MWh", import = "1850 MWh" }\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("document", ["pdd", "monitoring"])
def test_report_with_monitoring_and_expected_values_equals_the_cli(
        client: Any, tmp_path: Path, document: str) -> None:
    path = _both(tmp_path)
    response = client.post("/report", json={"project": inline_project(path),
                                            "document": document, "lang": "en",
                                            "format": "md"})
    assert response.status_code == 200, response.text[:300]
    assert response.content == _cli_report(path, document, tmp_path)
    project = load_project(path)
    est = estimate(project)
    fingerprint = est.result.fingerprint if document == "pdd" else compute(project).fingerprint
    assert est.result.fingerprint != compute(project).fingerprint
    assert fingerprint in response.text  # the PDD from the estimate, the report from monitoring


def test_openapi_describes_estimate(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert "EstimateRequest" in spec["components"]["schemas"]
    assert "503" in spec["paths"]["/estimate"]["post"]["responses"]


# --- waiting for a slot is not computing --------------------------------------------------

def _slow(seconds: float) -> Any:
    real = server_app.compute_job

    def job(*args: Any) -> Any:
        time.sleep(seconds)
        return real(*args)
    return job


def _send_together(c: Any, count: int, project: dict[str, Any]) -> list[Any]:
    answers: list[Any] = [None] * count

    def send(i: int) -> None:
        answers[i] = c.post("/compute", json=project)
    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
        time.sleep(0.05)  # in order
    for t in threads:
        t.join(timeout=30)
    return answers


def test_time_waiting_for_a_slot_does_not_count_as_compute_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # each job takes 0.4 s, within the 1 s limit; the third waits ~0.8 s for the one thread
    monkeypatch.setattr(server_app, "compute_job", _slow(0.4))
    project = inline_project(OW / "example.toml")
    limits = Limits(workers=1, queue=4, compute_seconds=1.0, queue_seconds=10.0)
    with TestClient(create_app(limits)) as c:
        answers = _send_together(c, 3, project)
    assert [a.status_code for a in answers] == [200, 200, 200], [a.text for a in answers]


def test_a_request_that_waits_too_long_gets_503_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_app, "compute_job", _slow(1.0))
    project = inline_project(OW / "example.toml")
    limits = Limits(workers=1, queue=4, compute_seconds=5.0, queue_seconds=0.3)
    with TestClient(create_app(limits)) as c:
        first, second = _send_together(c, 2, project)
        assert first.status_code == 200
        body = _problem(second, 503)
        assert second.headers["retry-after"] == "5"
        assert body["type"] == "urn:ccer-calc:problem:busy"
        assert "busy" in body["detail"]
        assert "nothing is wrong" in body["detail"]
        assert "expected" not in body  # the input is not blamed
        # the withdrawn job gave its slot back: the service computes again
        assert c.post("/compute", json=project).status_code == 200


def test_uploaded_workbook_has_the_server_unpacked_limit() -> None:
    pytest.importorskip("openpyxl", reason="needs the excel extra")
    import json  # noqa: PLC0415

    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    book = (OW / "example_monitoring.xlsx").read_bytes()
    with TestClient(create_app(Limits(max_unpacked_bytes=1000))) as client:
        body = _problem(client.post("/compute", data={"request": json.dumps(project)},
                                    files={"monitoring": ("m.xlsx", book)}), 422)
        assert body["expected"] == "at most 1,000 bytes unpacked"
        excel_project = json.loads(json.dumps(project))  # the workbook as a file it names
        excel_project["monitoring"]["excel"] = "m.xlsx"
        body = _problem(client.post("/compute", data={"request": json.dumps(excel_project)},
                                    files={"m.xlsx": ("m.xlsx", book)}), 422)
    assert body["field"] == "monitoring.excel"
    assert body["expected"] == "at most 1,000 bytes unpacked"
