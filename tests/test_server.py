"""The HTTP service through FastAPI's test client (issue #13): the same JSON as the CLI, errors
as problem details with the CLI's field/value/expected, no file access from request data,
stated limits, and a service that keeps answering while a computation runs or fails."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("httpx", reason="needs the test extra (httpx)")

from fastapi.testclient import TestClient

from ccer_calc.api import (
    compute,
    get_methodology,
    list_methodologies,
    load_project,
    project_from_dict,
)
from ccer_calc.cli import main
from ccer_calc.errors import CcerError
from ccer_calc.io.files import ProjectFiles
from ccer_calc.schema import project_schema
from ccer_calc.server import Limits, create_app, inline_project
from ccer_calc.server import app as server_app
from ccer_calc.verify import verify

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in ROOT.glob("methodologies/*/data/example*.toml")
                  if "engagement" not in p.name and "ex_ante" not in p.name)
OW = ROOT / "methodologies" / "ccer_01_002_v01" / "data"


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(create_app()) as c:
        yield c


def _cli(*args: str) -> str:
    out = io.StringIO()
    assert main(list(args), out=out) == 0
    return out.getvalue()


def _cli_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(args, out=io.StringIO()) == 2
    return capsys.readouterr().err.strip().removeprefix("ccer-calc: error: ")


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert "Traceback" not in response.text
    return body


# --- what the service answers -------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_compute_equals_cli_json_for_every_example(client: Any, path: Path) -> None:
    response = client.post("/compute", json=inline_project(path))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.text == _cli("compute", str(path), "--json")


def test_compute_with_a_csv_upload(client: Any) -> None:
    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    files = {"monitoring": ("example_monitoring.csv",
                            (OW / "example_monitoring.csv").read_bytes(), "text/csv")}
    response = client.post("/compute", data={"request": json.dumps(project)}, files=files)
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(OW / "example.toml"), "--json")


def test_compute_with_an_xlsx_upload(client: Any) -> None:
    pytest.importorskip("openpyxl", reason="needs the excel extra")
    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    files = {"monitoring": ("m.xlsx", (OW / "example_monitoring.xlsx").read_bytes(),
                            "application/octet-stream")}
    response = client.post("/compute", data={"request": json.dumps(project),
                                             "sheet": "monitoring"}, files=files)
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(OW / "example.toml"), "--json")


def test_xlsx_upload_with_a_missing_sheet(client: Any) -> None:
    pytest.importorskip("openpyxl", reason="needs the excel extra")
    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    files = {"monitoring": ("m.xlsx", (OW / "example_monitoring.xlsx").read_bytes())}
    body = _problem(client.post("/compute", data={"request": json.dumps(project),
                                                  "sheet": "June"}, files=files), 422)
    assert body["field"] == "monitoring.sheet"
    assert body["value"] == "June"
    assert body["expected"] == "one of the sheets of upload m.xlsx: monitoring"


def test_compute_as_of_is_recorded(client: Any) -> None:
    response = client.post("/compute?as_of=2025-09-30", json=inline_project(OW / "example.toml"))
    assert response.json()["as_of"] == "2025-09-30"
    assert response.text == _cli("compute", str(OW / "example.toml"), "--json",
                                 "--as-of", "2025-09-30")


def test_methodologies(client: Any) -> None:
    ids = [m["id"] for m in client.get("/methodologies").json()]
    assert ids == sorted(m["id"] for m in list_methodologies())
    assert {"ACM0002", "CCER-01-001-V01", "CCER-01-002-V01", "AR-ACM0003"} <= set(ids)
    one = client.get("/methodologies/CCER-01-002-V01").json()
    assert one == json.loads(_cli("show", "CCER-01-002-V01", "--json"))
    schema = client.get("/methodologies/CCER-01-002-V01/schema").json()
    assert schema == json.loads(json.dumps(project_schema(get_methodology("CCER-01-002-V01"))))


def test_verify(client: Any) -> None:
    project = inline_project(OW / "example.toml")
    claimed = client.post("/compute", json=project).json()
    claimed["totals"]["emission_reductions"]["value"] *= 1.05  # overstated by 5 %
    response = client.post("/verify", json={"project": project, "claimed": claimed})
    assert response.status_code == 200, response.text
    local = load_project(OW / "example.toml")
    want = verify(local, compute(local), claimed)
    assert response.json() == json.loads(want.to_json())
    assert response.json()["material"] is True


@pytest.mark.parametrize(("fmt", "lang", "start"), [
    ("html", "zh", b"<!DOCTYPE html>"), ("md", "en", b"# "), ("docx", "zh", b"PK")])
def test_report(client: Any, fmt: str, lang: str, start: bytes) -> None:
    if fmt == "docx":
        pytest.importorskip("docx", reason="needs the docx extra")
    body = {"project": inline_project(OW / "example.toml"), "document": "monitoring",
            "lang": lang, "format": fmt}
    response = client.post("/report", json=body)
    assert response.status_code == 200, response.text[:300]
    assert response.content.lstrip().startswith(start)
    assert f'filename="monitoring.{lang}.{fmt}"' in response.headers["content-disposition"]


def test_openapi_uses_the_library_models(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"ProjectSpec", "VerifyRequest", "ReportRequest", "Problem", "MonitoringIn"} <= \
        set(schemas)
    body = spec["paths"]["/compute"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"oneOf": [
        {"$ref": "#/components/schemas/ProjectSpec"},
        {"$ref": "#/components/schemas/ComputeRequest"}]}
    form = body["multipart/form-data"]["schema"]
    assert "monitoring" in form["properties"]
    assert form["additionalProperties"]["format"] == "binary"  # the files the project names
    for name in ("ComputeRequest", "VerifyRequest", "ReportRequest"):
        assert schemas[name]["properties"]["project"]["$ref"].endswith("/ProjectSpec")
        assert schemas[name]["properties"]["files"]["additionalProperties"] == \
            {"type": "string"}
    assert "excel" in schemas["MonitoringIn"]["properties"]


# --- errors: problem details with the CLI's message ---------------------------------------

def test_missing_methodology(client: Any) -> None:
    project = inline_project(OW / "example.toml")
    del project["methodology"]
    body = _problem(client.post("/compute", json=project), 422)
    assert body["field"] == "methodology"
    assert body["type"] == "urn:ccer-calc:problem:InputError"
    with pytest.raises(CcerError) as info:
        project_from_dict(project)
    assert body["detail"] == str(info.value)


def test_bad_value_carries_the_cli_message(client: Any, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    project = inline_project(OW / "example.toml")
    project["monitoring"]["data"][3]["export"] = "12 t"
    body = _problem(client.post("/compute", json=project), 422)
    (tmp_path / "p.json").write_text(json.dumps(project), "utf-8")
    assert body["detail"] == _cli_error(["compute", str(tmp_path / "p.json")], capsys)
    assert body["field"] == "monitoring.data[3].export"
    assert body["value"] == "t"
    assert body["expected"] == "a unit convertible to MWh"
    assert body["type"] == "urn:ccer-calc:problem:UnitError"


@pytest.mark.parametrize(("key", "path"), [
    ("csv", "/etc/passwd"), ("csv", "example_monitoring.csv"), ("excel", "../data.xlsx")])
def test_no_file_access_from_request_data(client: Any, key: str, path: str) -> None:
    project = inline_project(OW / "example.toml")
    project["monitoring"].pop("data")
    project["monitoring"][key] = path
    body = _problem(client.post("/compute", json=project), 422)
    assert body["field"] == f"monitoring.{key}"
    assert body["value"] == path
    assert "not among those sent with the project; no file is read from disk" in body["detail"]
    assert body["expected"] == "a file sent with the project under this name (none was sent)"


def test_plugin_data_files_are_refused_too() -> None:
    files = ProjectFiles(OW, read_files=False)
    with pytest.raises(CcerError, match=r"inputs.inventory: a project sent to this service may "
                                        r"not name a file \(got 'trees.csv'"):
        files.read_text("trees.csv", field="inputs.inventory")


def test_user_templates_are_not_accepted(client: Any) -> None:
    body = {"project": inline_project(OW / "example.toml"), "document": "pdd",
            "templates": ["my_templates"]}
    problem = _problem(client.post("/report", json=body), 422)
    assert problem["field"] == "templates"


def test_unknown_format(client: Any) -> None:
    body = {"project": inline_project(OW / "example.toml"), "document": "pdd", "format": "odt"}
    assert _problem(client.post("/report", json=body), 422)["field"] == "format"


def test_malformed_json_wrong_media_type_unknown_path(client: Any) -> None:
    body = _problem(client.post("/compute", content=b"{\"name\": ",
                                headers={"content-type": "application/json"}), 400)
    assert "malformed JSON" in body["detail"]
    _problem(client.post("/compute", content=b"name=x",
                         headers={"content-type": "text/plain"}), 415)
    _problem(client.get("/nowhere"), 404)
    _problem(client.get("/methodologies/NOPE"), 404)
    _problem(client.post("/compute?as_of=yesterday", json={}), 422)


def test_duplicate_keys_are_refused(client: Any) -> None:
    body = _problem(client.post("/compute", content=b'{"name": "a", "name": "b"}',
                                headers={"content-type": "application/json"}), 400)
    assert body["value"] == "name"


# --- limits -------------------------------------------------------------------------------

def test_body_over_the_limit() -> None:
    with TestClient(create_app(Limits(max_body_bytes=2000))) as small:
        project = inline_project(OW / "example.toml")
        body = _problem(small.post("/compute", json=project), 413)
        assert body["expected"] == "a body of at most 2,000 bytes"

        def chunks() -> Any:
            for _ in range(10):
                yield b" " * 500
        _problem(small.post("/compute", content=chunks(),
                            headers={"content-type": "application/json"}), 413)
        assert small.get("/methodologies").status_code == 200  # still serving


def _slow(seconds: float) -> Any:
    real = server_app.compute_job

    def job(*args: Any) -> Any:
        time.sleep(seconds)
        return real(*args)
    return job


def test_compute_time_limit_and_still_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_app, "compute_job", _slow(1.0))
    with TestClient(create_app(Limits(compute_seconds=0.2))) as c:
        started = time.monotonic()
        body = _problem(c.post("/compute", json=inline_project(OW / "example.toml")), 422)
        assert time.monotonic() - started < 0.9  # answered at the limit, not at the end
        assert body["type"] == "urn:ccer-calc:problem:compute-time-limit"
        assert "0.2 s" in body["detail"]
        assert c.get("/methodologies").status_code == 200


def test_busy_service_answers_429(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_app, "compute_job", _slow(1.0))
    project = inline_project(OW / "example.toml")
    with TestClient(create_app(Limits(workers=1, queue=0))) as c:
        first: list[Any] = []
        worker = threading.Thread(target=lambda: first.append(c.post("/compute", json=project)))
        worker.start()
        time.sleep(0.3)
        response = c.post("/compute", json=project)
        worker.join(timeout=10)
        _problem(response, 429)
        assert response.headers["retry-after"] == "1"
        assert first[0].status_code == 200


def test_a_bug_is_a_500_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("boom")
    monkeypatch.setattr(server_app, "compute_job", broken)
    with TestClient(create_app()) as c:
        body = _problem(c.post("/compute", json=inline_project(OW / "example.toml")), 500)
        assert "boom" not in body["detail"]
        assert c.get("/methodologies").status_code == 200
    assert "internal error" in caplog.text


def test_serve_without_the_extra(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    import builtins  # noqa: PLC0415

    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".", maxsplit=1)[0] == "uvicorn":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    assert main(["serve", "--port", "1"], out=io.StringIO()) == 2
    assert "pip install 'ccer-calc[server]'" in capsys.readouterr().err
