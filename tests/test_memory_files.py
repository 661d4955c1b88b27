"""Files a project names, handed over in memory (``project_from_dict(data, files=...)``): the
same numbers and fingerprint as the files on disk, the same decoding, size limit and messages,
and never a read from disk -- a name is only a key."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project, project_from_dict
from ccer_calc.errors import CcerError, InputError
from ccer_calc.io import files as files_module
from ccer_calc.io.files import MemoryFiles, ProjectFiles, read_user_text
from ccer_calc.io.projectfile import read_project_file
from ccer_calc.server.inline import inline_project

ROOT = Path(__file__).resolve().parents[1]
SINKS = [ROOT / "methodologies" / m / "data" / "example.toml"
         for m in ("ar_acm0003", "ar_am0014", "ccer_14_001_v01", "ccer_14_002_v01")]
OW = ROOT / "methodologies" / "ccer_01_002_v01" / "data"
AM0014 = ROOT / "methodologies" / "ar_am0014" / "data"
AM0014_FILES = ("strata.csv", "species.csv", "plots_2018.csv", "trees_2018.csv",
                "plots_2023.csv", "trees_2023.csv")


def _bytes(folder: Path, names: Any) -> dict[str, bytes | str]:
    return {n: (folder / n).read_bytes() for n in names}


def _error(fn: Any, *args: Any, **kwargs: Any) -> CcerError:
    with pytest.raises(CcerError) as info:
        fn(*args, **kwargs)
    return info.value


def _block_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, fail the test if anything resolves or opens a user's file."""
    def refuse(*args: Any, **kwargs: Any) -> Any:
        msg = f"read from disk: {args}"
        raise AssertionError(msg)
    monkeypatch.setattr(files_module, "resolve_user_path", refuse)
    monkeypatch.setattr(files_module, "read_user_bytes", refuse)


# --- the same result as files on disk -----------------------------------------------------

@pytest.mark.parametrize("path", SINKS, ids=lambda p: p.parts[-3])
def test_sink_project_from_memory_equals_files_on_disk(path: Path) -> None:
    want = compute(load_project(path)).to_json()
    names = inline_project(path)["files"]
    data = read_project_file(path)
    as_bytes = project_from_dict(data, files=_bytes(path.parent, names))
    assert compute(as_bytes).to_json() == want  # fingerprint included: byte for byte
    as_text = project_from_dict(data, files=names)
    assert compute(as_text).to_json() == want


@pytest.mark.parametrize(("toml", "name"), [("example.toml", "example_monitoring.csv"),
                                           ("example_excel.toml", "example_monitoring.xlsx")])
def test_monitoring_csv_and_workbook_from_memory(
        monkeypatch: pytest.MonkeyPatch, toml: str, name: str) -> None:
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl", reason="needs the excel extra")
    want = compute(load_project(OW / toml)).to_json()
    data = read_project_file(OW / toml)
    sent: dict[str, bytes | str] = {name: (OW / name).read_bytes()}
    _block_disk(monkeypatch)
    assert compute(project_from_dict(data, files=sent)).to_json() == want


def test_a_name_is_only_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    data = read_project_file(AM0014 / "example.toml")
    renamed = {"strata.csv": "../strata.csv", "species.csv": "/etc/species.csv"}
    data["inputs"] = {**data["inputs"], "strata": renamed["strata.csv"],
                      "species": renamed["species.csv"]}
    sent = {renamed.get(n, n): b for n, b in _bytes(AM0014, AM0014_FILES).items()}
    want = compute(load_project(AM0014 / "example.toml")).to_dict()
    _block_disk(monkeypatch)
    got = compute(project_from_dict(data, files=sent)).to_dict()
    assert got["totals"] == want["totals"]
    assert got["vintages"] == want["vintages"]
    sent["strata.csv"] = sent.pop("../strata.csv")
    data["inputs"]["strata"] = "sub/../strata.csv"  # a path to strata.csv, but another key
    err = _error(project_from_dict, data, files=sent)
    assert (err.field, err.value) == ("inputs.strata", "sub/../strata.csv")


# --- refusals -------------------------------------------------------------------------------

def test_a_file_not_sent_is_refused_naming_the_field_and_the_files_sent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = read_project_file(AM0014 / "example.toml")
    sent = _bytes(AM0014, [n for n in AM0014_FILES if n != "trees_2023.csv"])
    _block_disk(monkeypatch)
    err = _error(project_from_dict, data, files=sent)
    assert isinstance(err, InputError)
    assert err.field == "inputs.measurements[1].trees"
    assert err.value == "trees_2023.csv"
    assert err.expected == ("one of the files sent: plots_2018.csv, plots_2023.csv, "
                            "species.csv, strata.csv, trees_2018.csv")
    assert "no file is read from disk" in str(err)
    none = _error(project_from_dict, data, files={})
    assert (none.field, none.expected) == (
        "inputs.species", "a file sent with the project under this name (none was sent)")


def test_a_file_sent_but_not_named_is_refused() -> None:
    # a shrub inventory sent but not named in inputs would silently be left out of the stock
    data = read_project_file(AM0014 / "example.toml")
    sent = {**_bytes(AM0014, AM0014_FILES), "shrubs_2018.csv": b"stratum,cover\n"}
    err = _error(project_from_dict, data, files=sent)
    assert (err.field, err.value) == ("files", "shrubs_2018.csv")
    assert err.expected == ("only files the project names; it read plots_2018.csv, "
                            "plots_2023.csv, species.csv, strata.csv, trees_2018.csv, "
                            "trees_2023.csv")


def test_the_list_of_files_sent_is_cut_after_ten() -> None:
    sent = MemoryFiles({f"f{i:02d}.csv": b"" for i in range(12)})
    err = _error(sent.read_text, "x.csv", field="inputs.strata")
    assert err.expected == ("one of the files sent: " + ", ".join(
        f"f{i:02d}.csv" for i in range(10)) + " ...")


def test_a_workbook_sent_as_text_is_refused() -> None:
    data = read_project_file(OW / "example_excel.toml")
    err = _error(project_from_dict, data, files={"example_monitoring.xlsx": "PK..."})
    assert (err.field, err.value) == ("monitoring.excel", "example_monitoring.xlsx")
    assert "binary file was sent as text" in str(err)


@pytest.mark.parametrize("files", [{1: b"x"}, {"a.csv": 3}, {"a.csv": ["x"]}])
def test_a_malformed_mapping_is_refused(files: Any) -> None:
    err = _error(MemoryFiles, files)
    assert err.field == "files"


# --- the same decoding, size limit and messages as on disk ---------------------------------

@pytest.mark.parametrize(("data", "encoding"), [
    ("样地,面积\n".encode("gbk"), None),
    (codecs.BOM_UTF8 + "样地\n".encode(), None),
    ("样地\n".encode("utf-16"), None),
    ("样地\n".encode("utf-16-le"), None),
    ("样地\n".encode("gbk"), "gbk"),
    (b"\xff\xfe\xfa", "utf-8"),
    (b"abc", "rot13"),
    (b"abc", "no-such-codec"),
    (bytes(range(128, 256)) * 3, None),
])
def test_decoding_and_its_errors_equal_a_file_on_disk(
        tmp_path: Path, data: bytes, encoding: str | None) -> None:
    (tmp_path / "s.csv").write_bytes(data)
    sent = ProjectFiles(None, memory=MemoryFiles({"s.csv": data}))
    on_disk = ProjectFiles(tmp_path)

    def outcome(files: ProjectFiles) -> str:
        try:
            return files.read_text("s.csv", field="inputs.strata", encoding=encoding)
        except CcerError as exc:
            return f"{type(exc).__name__}: {exc}"
    assert outcome(sent) == outcome(on_disk)


def test_text_is_taken_as_given_whatever_the_declared_encoding() -> None:
    sent = MemoryFiles({"s.csv": "样地\n"})
    assert sent.read_text("s.csv", field="inputs.strata", encoding="gbk") == "样地\n"


def test_size_limit_and_message_equal_a_file_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 10)
    (tmp_path / "s.csv").write_bytes(b"x" * 11)
    on_disk = _error(read_user_text, "s.csv", base_dir=tmp_path, field="inputs.strata")
    for data in (b"x" * 11, "光" * 4):  # text counted in UTF-8: 12 bytes
        err = _error(MemoryFiles({"s.csv": data}).read_text, "s.csv", field="inputs.strata")
        assert str(err) == str(on_disk)
        assert err.expected == "at most 10 bytes"
    assert MemoryFiles({"s.csv": "光光光"}).read_text("s.csv", field="f") == "光光光"  # 9 bytes
