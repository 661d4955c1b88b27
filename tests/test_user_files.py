"""Files a project names and files a user gives: where they may be, how big, which encoding.

Issue #14, items 4 and 5: a project may name only regular files inside its own folder (unless
the caller allows others), files are read in UTF-8, UTF-16 (BOM or declared) or GB18030/GBK
(declared, or detected after UTF-8 fails), and stated limits are checked before reading all.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import CcerError, InputError
from ccer_calc.io import files as files_module
from ccer_calc.io import userpaths

WriteProject = Callable[..., Path]


def _toml(data: dict[str, Any]) -> str:
    """A minimal TOML writer for the example's shape (tables, arrays of tables, strings)."""
    lines: list[str] = []

    def value(v: Any) -> str:
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + "}"
        return str(v).lower() if isinstance(v, bool) else str(v)

    def table(prefix: str, d: dict[str, Any]) -> None:
        plain = {k: v for k, v in d.items() if not isinstance(v, dict)
                 and not (isinstance(v, list) and v and isinstance(v[0], dict))}
        if prefix:
            lines.append(f"[{prefix}]")
        lines.extend(f"{k} = {value(v)}" for k, v in plain.items())
        for k, v in d.items():
            if isinstance(v, dict):
                table(f"{prefix}.{k}" if prefix else k, v)
            elif isinstance(v, list) and v and isinstance(v[0], dict):
                for item in v:
                    lines.append(f"[[{prefix}.{k}]]" if prefix else f"[[{k}]]")
                    lines.extend(f"{a} = {value(b)}" for a, b in item.items())

    table("", data)
    return "\n".join(lines) + "\n"


@pytest.fixture
def project_toml(example_dir: Path) -> str:
    return (example_dir / "example.toml").read_text("utf-8")


def test_toml_writer_round_trips(example_data: dict[str, Any]) -> None:
    assert tomllib.loads(_toml(example_data)) == example_data


# --- item 5: which files a project may name -------------------------------------------------


@pytest.mark.parametrize("target", ["/etc/passwd", "../outside.csv", "/dev/zero"])
def test_project_names_only_files_in_its_folder(write_project: WriteProject,
                                               example_data: dict[str, Any], tmp_path: Path,
                                               target: str) -> None:
    (tmp_path.parent / "outside.csv").write_text("start,end\n", "utf-8")
    example_data["monitoring"]["csv"] = target
    with pytest.raises(InputError, match="outside the project's folder") as info:
        load_project(write_project(example_data))
    assert info.value.field == "monitoring.csv"
    assert "root:" not in str(info.value)  # nothing of the file is echoed


def test_symlink_out_of_the_folder_is_refused(write_project: WriteProject,
                                             example_data: dict[str, Any],
                                             example_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "link.csv").symlink_to(example_dir / "example_monitoring.csv")
    example_data["monitoring"]["csv"] = "link.csv"
    with pytest.raises(InputError, match="outside the project's folder"):
        load_project(write_project(example_data))
    # the trusted caller may allow it, and then gets the same numbers
    allowed = compute(load_project(write_project(example_data), allow_outside=True))
    assert allowed.totals == compute(load_project(example_dir / "example.toml")).totals


def test_subfolder_is_inside(write_project: WriteProject, example_data: dict[str, Any],
                             example_csv_lines: list[str], tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "m.csv").write_text("\n".join(example_csv_lines) + "\n", "utf-8")
    example_data["monitoring"]["csv"] = "data/m.csv"
    assert load_project(write_project(example_data)).table.start.size == 18


@pytest.mark.parametrize(("real", "folder"), [
    ("/p/data/m.csv", "/p/data"), ("/p/data", "/p/data"), ("/p/data2/m.csv", "/p/data"),
    ("/p/m.csv", "/p/data"), ("/m.csv", "/"), ("/p", "/p/data"), ("/p/data/sub/m.csv", "/p"),
])
def test_the_folder_rule_compares_as_path_does(real: str, folder: str) -> None:
    # The reader compares the two real paths as strings; Path.is_relative_to is the rule.
    assert userpaths._within(real, folder) is Path(real).is_relative_to(folder)


@pytest.mark.parametrize("path", [
    "m.csv", "./m.csv", "sub//m.csv", "sub/./m.csv", "sub/m.csv", "link.csv", "sublink/m.csv",
    "out.csv", "missing.csv", "missing/m.csv", "sub/../m.csv", "m.csv/x", "", ".", "sub/",
])
def test_a_path_below_the_folder_resolves_as_realpath_does(tmp_path: Path, path: str) -> None:
    # The reader resolves only the parts below the (real) project folder when it can; it must
    # give what os.path.realpath gives for the whole path.
    folder = tmp_path / "project"
    (folder / "sub").mkdir(parents=True)
    for name in ("m.csv", "sub/m.csv"):
        (folder / name).write_text("x", "utf-8")
    (tmp_path / "elsewhere.csv").write_text("x", "utf-8")
    (folder / "link.csv").symlink_to(folder / "m.csv")
    (folder / "sublink").symlink_to(folder / "sub")
    (folder / "out.csv").symlink_to(tmp_path / "elsewhere.csv")
    real_folder = os.path.realpath(folder)
    whole = os.path.realpath(os.path.join(folder, path))
    assert (userpaths._realpath_below(real_folder, path) or whole) == whole


def test_a_path_through_a_missing_folder_resolves_as_before(
        write_project: WriteProject, example_data: dict[str, Any], tmp_path: Path) -> None:
    # os.path.realpath reads "missing/../x" by its text where a part does not exist; the
    # reader keeps that reading (the folder rule and the file are those of realpath).
    example_data["monitoring"]["csv"] = "missing/../example_monitoring.csv"
    path = write_project(example_data)
    assert load_project(path).table.start.size == 18
    assert files_module.resolve_user_path("missing/../example_monitoring.csv",
                                          base_dir=tmp_path, allow_outside=False,
                                          field="x") == tmp_path / "example_monitoring.csv"


def test_fifo_is_refused_even_when_outside_files_are_allowed(
        write_project: WriteProject, example_data: dict[str, Any], tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    example_data["monitoring"]["csv"] = "pipe.csv"
    with pytest.raises(InputError, match="not a regular file"):
        load_project(write_project(example_data), allow_outside=True)


def test_dev_zero_is_refused_when_allowed_too(write_project: WriteProject,
                                             example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["csv"] = "/dev/zero"
    with pytest.raises(InputError, match="not a regular file"):
        load_project(write_project(example_data), allow_outside=True)


def test_size_limit_is_checked_before_reading(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ccer_calc.io import files  # noqa: PLC0415 - new in issue #14
    from ccer_calc.io.files import read_user_text  # noqa: PLC0415

    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.truncate(2048)  # sparse: nothing to read, only its size counts
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1024)
    with pytest.raises(InputError, match="larger than the limit") as info:
        read_user_text(path, base_dir=tmp_path, allow_outside=False)
    assert "1,024 bytes" in str(info.value)


def test_row_limit(write_project: WriteProject, example_csv_lines: list[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    from ccer_calc.io import files  # noqa: PLC0415 - new in issue #14

    monkeypatch.setattr(files, "MAX_ROWS", 5)
    with pytest.raises(InputError, match="more than 5 rows"):
        load_project(write_project(csv_lines=example_csv_lines))


def test_stated_limits() -> None:
    from ccer_calc.io.files import MAX_FILE_BYTES, MAX_ROWS  # noqa: PLC0415

    assert (MAX_FILE_BYTES, MAX_ROWS) == (256 * 1024 * 1024, 5_000_000)


def test_error_echoes_at_most_the_offending_cell(write_project: WriteProject,
                                                 example_csv_lines: list[str]) -> None:
    lines = list(example_csv_lines)
    cells = lines[3].split(",")
    cells[2] = "x" * 5000
    lines[3] = ",".join(cells)
    with pytest.raises(InputError) as info:
        load_project(write_project(csv_lines=lines))
    text = str(info.value)
    assert "line 4" in text
    assert len(text) < 400


def test_missing_file_names_the_path_as_written(write_project: WriteProject,
                                                example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["csv"] = "nowhere.csv"
    with pytest.raises(InputError, match="not found") as info:
        load_project(write_project(example_data))
    assert info.value.value == "nowhere.csv"


def test_null_byte_in_a_path_is_an_input_error(write_project: WriteProject,
                                               example_data: dict[str, Any]) -> None:
    example_data["monitoring"]["csv"] = "a\x00b.csv"
    with pytest.raises(CcerError):
        load_project(write_project(example_data))


# --- item 4: encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig", "utf-16-le"])
def test_project_file_in_chinese_windows_encodings(tmp_path: Path, project_toml: str,
                                                   example_dir: Path, encoding: str) -> None:
    (tmp_path / "example_monitoring.csv").write_bytes(
        (example_dir / "example_monitoring.csv").read_bytes())
    path = tmp_path / "p.toml"
    path.write_bytes(project_toml.encode(encoding))
    project = load_project(path)
    assert project.spec.name == "示例海上风电场项目 (example offshore wind farm)"
    assert compute(project).totals == compute(load_project(example_dir / "example.toml")).totals


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_csv_in_other_encodings_is_detected(tmp_path: Path, encoding: str) -> None:
    import methodologies.ccer_01_001_v01 as csp  # noqa: PLC0415 - its CSV has 万Nm3 units

    folder = Path(csp.__file__).parent / "data"
    (tmp_path / "example.toml").write_bytes((folder / "example.toml").read_bytes())
    text = (folder / "example_monitoring.csv").read_text("utf-8")
    assert "万Nm3" in text
    (tmp_path / "example_monitoring.csv").write_bytes(text.encode(encoding))
    expected = compute(load_project(folder / "example.toml")).totals
    assert compute(load_project(tmp_path / "example.toml")).totals == expected


def test_declared_csv_encoding(write_project: WriteProject, example_data: dict[str, Any],
                               example_csv_lines: list[str], tmp_path: Path) -> None:
    example_data["monitoring"]["encoding"] = "gbk"
    path = write_project(example_data)
    lines = list(example_csv_lines)
    lines[1] = lines[1].replace(",ok,", ",坏,", 1)  # a GBK-only cell, refused as a status
    (tmp_path / "example_monitoring.csv").write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    with pytest.raises(InputError, match="unknown meter status") as info:
        load_project(path)
    assert "坏" in str(info.value)


def test_declared_encoding_that_does_not_fit(write_project: WriteProject,
                                             example_data: dict[str, Any],
                                             example_csv_lines: list[str],
                                             tmp_path: Path) -> None:
    example_data["monitoring"]["encoding"] = "ascii"
    path = write_project(example_data)
    (tmp_path / "example_monitoring.csv").write_bytes(
        ("\n".join(example_csv_lines) + "\n# 注\n").encode("utf-8"))
    with pytest.raises(InputError, match="cannot be read as ascii"):
        load_project(path)


@pytest.mark.parametrize("name", ["rot13", "no-such-codec", "base64"])
def test_unknown_or_non_text_encoding_is_refused(write_project: WriteProject,
                                                 example_data: dict[str, Any],
                                                 name: str) -> None:
    example_data["monitoring"]["encoding"] = name
    with pytest.raises(InputError, match="encoding"):
        load_project(write_project(example_data))


def test_undecodable_bytes_are_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(b"name = \"\x81\x30\"\n\xff\xfe\xfd\x80")
    with pytest.raises(InputError, match="not readable text"):
        load_project(path)


def test_toml_with_bom(tmp_path: Path, project_toml: str, example_dir: Path) -> None:
    (tmp_path / "example_monitoring.csv").write_bytes(
        (example_dir / "example_monitoring.csv").read_bytes())
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xef\xbb\xbf" + project_toml.encode("utf-8"))
    assert load_project(path).spec.methodology == "CCER-01-002-V01"


@pytest.mark.parametrize(("suffix", "text"), [
    (".json", "[" * 100_000 + "]" * 100_000),
    (".toml", "a = " + "[" * 100_000 + "]" * 100_000),
    (".json", '{"a": ' + "1" * 5000 + "}"),
    (".toml", "a = " + "1" * 5000),
])
def test_deep_nesting_and_huge_integers_are_input_errors(tmp_path: Path, suffix: str,
                                                         text: str) -> None:
    path = tmp_path / f"p{suffix}"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError):
        load_project(path)


def test_deep_nesting_of_plain_data(write_project: WriteProject,
                                    example_data: dict[str, Any]) -> None:
    deep: Any = 1
    for _ in range(200):
        deep = {"x": deep}
    example_data["inputs"]["extra"] = deep
    with pytest.raises(InputError, match="nested"):
        load_project(write_project(example_data))


def test_row_errors_name_the_csv_line_not_an_index(write_project: WriteProject,
                                                   example_csv_lines: list[str]) -> None:
    # item 10: rows out of order used to be reported as monitoring.data[2]
    lines = list(example_csv_lines)
    lines[2], lines[3] = lines[3], lines[2]  # March (now line 3) before February (line 4)
    # the order of the rows is checked when the file is read, before any value is parsed
    # (issue 12), with the same message as when compute checked it
    with pytest.raises(InputError, match=r"^example_monitoring.csv: line 4: rows overlap or are "
                                         r"out of order"):
        load_project(write_project(csv_lines=lines))
