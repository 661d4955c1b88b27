"""``-o``: write through a symlink to a regular file; refuse folders, devices, FIFOs and "".

Issue #14, item 9: before, ``-o`` replaced a symlink by a regular file and, as root, replaced
device nodes (``/dev/full``) by regular files.
"""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from ccer_calc.cli import EXIT_ERROR, EXIT_OK, main
from ccer_calc.fsutil import write_atomic


def _compute(example_dir: Path, output: str) -> int:
    return main(["compute", str(example_dir / "example.toml"), "--json", "-o", output],
                out=io.StringIO())


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_symlink_to_a_file_is_written_through(tmp_path: Path, example_dir: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert _compute(example_dir, str(link)) == EXIT_OK
    assert link.is_symlink()
    assert json.loads(target.read_text("utf-8"))["fingerprint"].startswith("sha256:")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "new.txt")
    write_atomic(link, "text\n")
    assert link.is_symlink()
    assert (tmp_path / "new.txt").read_text("utf-8") == "text\n"


@pytest.mark.parametrize("output", ["", " "])
def test_empty_output_is_refused(example_dir: Path, output: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert _compute(example_dir, output) == EXIT_ERROR
    assert "no output file given" in _one_line(capsys)


def test_folder_is_refused(tmp_path: Path, example_dir: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert _compute(example_dir, str(tmp_path)) == EXIT_ERROR
    assert "the output path is a folder" in _one_line(capsys)
    assert tmp_path.is_dir()


def test_fifo_is_refused_without_blocking(tmp_path: Path, example_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _compute(example_dir, str(fifo)) == EXIT_ERROR
    assert "not a regular file" in _one_line(capsys)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_symlink_to_a_device_is_refused(tmp_path: Path, example_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    assert _compute(example_dir, str(link)) == EXIT_ERROR
    assert "not a regular file" in _one_line(capsys)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


def test_device_node_is_refused(tmp_path: Path, example_dir: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    node = tmp_path / "full"
    try:  # a character device like /dev/full, inside tmp_path (needs root)
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    assert _compute(example_dir, str(node)) == EXIT_ERROR
    assert "not a regular file" in _one_line(capsys)
    assert stat.S_ISCHR(node.stat().st_mode)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    from ccer_calc.errors import OutputError  # noqa: PLC0415 - new in issue #14

    with pytest.raises(OutputError, match="the output folder does not exist"):
        write_atomic(tmp_path / "no" / "such" / "file.json", "{}")


def test_failed_write_names_the_users_path_not_the_temporary(tmp_path: Path) -> None:
    from ccer_calc.errors import OutputError  # noqa: PLC0415 - new in issue #14

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root may write into a read-only folder")
        with pytest.raises(OutputError) as info:
            write_atomic(folder / "out.json", "{}")
        assert info.value.value == str(folder / "out.json")
        assert ".tmp" not in str(info.value)
    finally:
        folder.chmod(0o700)
