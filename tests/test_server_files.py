"""The files a project names, sent with it to the service: in the JSON's ``files`` (text) or
as file parts of a form named by the project's names. The same JSON as ``ccer-calc compute
--json``; a missing, unused, oversized or duplicated file, or too many files, are problem
details (4xx) naming the field; nothing is read from the server's disk; the service keeps
answering."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("httpx", reason="needs the test extra (httpx)")

from fastapi.testclient import TestClient

from ccer_calc.api import compute, load_project
from ccer_calc.cli import main
from ccer_calc.io import files as files_module
from ccer_calc.io.projectfile import read_project_file
from ccer_calc.server import Limits, create_app, inline_project
from ccer_calc.verify import verify

ROOT = Path(__file__).resolve().parents[1]
ACM = ROOT / "methodologies" / "ar_acm0003" / "data" / "example.toml"
AM0014 = ROOT / "methodologies" / "ar_am0014" / "data" / "example.toml"
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
    body = response.json()
    assert body["status"] == status
    return body


def _parts(path: Path, names: Any) -> dict[str, Any]:
    """File parts named by the project's names (the file name of each part is not used)."""
    return {n: ("upload.csv", (path.parent / n).read_bytes(), "text/csv") for n in names}


# --- the same JSON as the CLI --------------------------------------------------------------

def test_sink_project_as_json_with_its_files(client: Any) -> None:
    body = inline_project(ACM)
    assert set(body) == {"project", "files"}
    assert body["project"] == json.loads(json.dumps(read_project_file(ACM), default=str))
    response = client.post("/compute", json=body)
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(ACM), "--json")


def test_sink_project_as_a_form_with_file_parts(client: Any) -> None:
    body = inline_project(ACM)
    response = client.post("/compute", data={"request": json.dumps(body["project"])},
                           files=_parts(ACM, body["files"]))
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(ACM), "--json")


def test_files_split_between_the_json_and_the_form(client: Any) -> None:
    body = inline_project(ACM)
    names = sorted(body["files"])
    request = {"project": body["project"], "files": {n: body["files"][n] for n in names[:4]}}
    response = client.post("/compute", data={"request": json.dumps(request)},
                           files=_parts(ACM, names[4:]))
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(ACM), "--json")


def test_a_project_file_unchanged_with_its_monitoring_csv(client: Any) -> None:
    project = json.loads(json.dumps(read_project_file(OW / "example.toml"), default=str))
    assert project["monitoring"]["csv"] == "example_monitoring.csv"
    text = (OW / "example_monitoring.csv").read_text("utf-8")
    response = client.post("/compute", json={"project": project,
                                             "files": {"example_monitoring.csv": text}})
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(OW / "example.toml"), "--json")


def test_as_of_in_the_body(client: Any) -> None:
    body = {**inline_project(AM0014), "as_of": "2024-06-30"}
    response = client.post("/compute", json=body)
    assert response.status_code == 200, response.text
    assert response.text == _cli("compute", str(AM0014), "--json", "--as-of", "2024-06-30")
    twice = _problem(client.post("/compute?as_of=2024-06-30", json=body), 422)
    assert (twice["field"], twice["value"]) == ("as_of", "2024-06-30")


def test_verify_and_report_take_files_too(client: Any) -> None:
    body = inline_project(AM0014)
    claimed = client.post("/compute", json=body).json()
    claimed["totals"]["emission_reductions"]["value"] *= 1.05
    response = client.post("/verify", json={**body, "claimed": claimed})
    assert response.status_code == 200, response.text
    local = load_project(AM0014)
    assert response.json() == json.loads(verify(local, compute(local), claimed).to_json())
    report = client.post("/report", json={**body, "document": "monitoring", "format": "md",
                                          "lang": "en"})
    assert report.status_code == 200, report.text[:300]
    assert report.text.startswith("# ")


# --- bad input: problem details, and the service keeps serving ----------------------------

def test_a_missing_file(client: Any) -> None:
    body = inline_project(AM0014)
    del body["files"]["trees_2023.csv"]
    problem = _problem(client.post("/compute", json=body), 422)
    assert problem["field"] == "inputs.measurements[1].trees"
    assert problem["value"] == "trees_2023.csv"
    assert problem["expected"] == ("one of the files sent: plots_2018.csv, plots_2023.csv, "
                                   "species.csv, strata.csv, trees_2018.csv")
    assert client.get("/methodologies").status_code == 200


def test_an_unused_file_is_refused(client: Any) -> None:
    body = inline_project(AM0014)
    body["files"]["shrubs_2018.csv"] = "stratum,cover\n"
    problem = _problem(client.post("/compute", json=body), 422)
    assert (problem["field"], problem["value"]) == ("files", "shrubs_2018.csv")
    assert problem["detail"].startswith("files: a file sent with the project is not named by it")
    parts = {"strata.csv ": ("strata.csv", b"typo", "text/csv")}  # a part name with a typo
    form = client.post("/compute", data={"request": json.dumps(inline_project(AM0014))},
                       files=parts)
    assert _problem(form, 422)["value"] == "strata.csv "


def test_a_name_with_dots_is_only_a_key(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    body = inline_project(AM0014)
    body["project"]["inputs"]["strata"] = "../../ar_am0014/data/strata.csv"  # exists on disk
    problem = _problem(client.post("/compute", json=body), 422)
    assert problem["value"] == "../../ar_am0014/data/strata.csv"
    assert "no file is read from disk" in problem["detail"]
    body["files"]["../../ar_am0014/data/strata.csv"] = body["files"].pop("strata.csv")
    want = json.loads(_cli("compute", str(AM0014), "--json"))

    def refuse(*args: Any, **kwargs: Any) -> Any:
        msg = "read from disk"
        raise AssertionError(msg)
    monkeypatch.setattr(files_module, "read_user_bytes", refuse)
    response = client.post("/compute", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["totals"] == want["totals"]


def test_the_same_file_in_the_json_and_the_form(client: Any) -> None:
    body = inline_project(AM0014)
    form = client.post("/compute", data={"request": json.dumps(body)},
                       files=_parts(AM0014, ["strata.csv"]))
    assert (_problem(form, 422)["field"], form.json()["value"]) == ("files", "strata.csv")


def test_an_oversized_file(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    body = inline_project(AM0014)
    size = len(body["files"]["trees_2018.csv"].encode("utf-8"))
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", size - 1)
    problem = _problem(client.post("/compute", json=body), 422)
    assert problem["field"] == "inputs.measurements[0].trees"
    assert problem["expected"] == f"at most {size - 1:,} bytes"
    monkeypatch.undo()
    assert client.post("/compute", json=body).status_code == 200


def test_a_body_over_the_limit() -> None:
    body = inline_project(AM0014)
    raw = json.dumps(body).encode("utf-8")
    with TestClient(create_app(Limits(max_body_bytes=len(raw) - 1))) as small:
        _problem(small.post("/compute", content=raw,
                            headers={"content-type": "application/json"}), 413)
        big = small.post("/compute", data={"request": json.dumps(body["project"])},
                         files={"trees_2018.csv": ("x", b"x" * len(raw), "text/csv")})
        assert _problem(big, 413)["expected"] == f"a body of at most {len(raw) - 1:,} bytes"
        del body["files"]["trees_2023.csv"]  # a smaller request: answered
        assert _problem(small.post("/compute", json=body), 422)["value"] == "trees_2023.csv"


def test_too_many_files() -> None:
    body = inline_project(AM0014)
    parts = _parts(AM0014, body["files"])
    with TestClient(create_app(Limits(max_files=6))) as few:
        more = {**body, "files": {**body["files"], "extra.csv": ""}}
        problem = _problem(few.post("/compute", json=more), 422)
        assert (problem["field"], problem["value"]) == ("files", 7)
        assert problem["expected"] == "at most 6 files"
        split = {**body, "files": {"extra.csv": ""}}  # the JSON's and the form's together
        form = few.post("/compute", data={"request": json.dumps(split)}, files=parts)
        assert _problem(form, 422)["value"] == 7
        form = few.post("/compute", data={"request": json.dumps(body["project"])},
                        files={**parts, "extra.csv": ("x", b"", "text/csv"),
                               "more.csv": ("x", b"", "text/csv")})
        assert "Too many files" in _problem(form, 400)["detail"]  # refused as it is read
        assert few.post("/compute", data={"request": json.dumps(body["project"])},
                        files=parts).status_code == 200  # still serving


def test_a_file_sent_as_a_text_part_or_twice(client: Any) -> None:
    body = inline_project(AM0014)
    text = client.post("/compute", data={"request": json.dumps(body["project"]),
                                         "strata.csv": body["files"]["strata.csv"]},
                       files=_parts(AM0014, ["species.csv"]))
    problem = _problem(text, 422)
    assert (problem["field"], problem["detail"]) == (
        "strata.csv", "strata.csv: this part of the form may not be text (expected text parts "
        "request (the JSON body) and sheet; file parts monitoring (CSV or XLSX) and one for "
        "each file the project names, named as the project names it)")
    twice = [("strata.csv", ("a", b"x", "text/csv")), ("strata.csv", ("b", b"y", "text/csv"))]
    problem = _problem(client.post("/compute", data={"request": json.dumps(body)},
                                   files=twice), 422)
    assert problem["detail"] == "strata.csv: a part appears twice in the form (expected each " \
                                "part once)"


@pytest.mark.parametrize("files", [{"strata.csv": 3}, ["strata.csv"], {"strata.csv": None}])
def test_malformed_files_in_the_json(client: Any, files: Any) -> None:
    body = {**inline_project(AM0014), "files": files}
    problem = _problem(client.post("/compute", json=body), 422)
    assert problem["field"].startswith("files")
