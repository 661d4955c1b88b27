"""One line on stderr for any error, no numpy warning, and a GBK console never crashes the CLI.

Issue #14, items 4 and 10. Before: an overflow printed numpy's RuntimeWarning before the error
line, usage errors printed two lines, and writing a character a GBK console lacks raised
UnicodeEncodeError (exit 3, or a traceback).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, load_project
from ccer_calc.errors import CcerError

OW_DIR = Path(__file__).parents[1] / "methodologies" / "ccer_01_002_v01" / "data"


def _cli(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "ccer_calc.cli", *args], capture_output=True,
                          check=False, timeout=120, env=env)


def _project(tmp_path: Path, **changes: Any) -> Path:
    data = tomllib.loads((OW_DIR / "example.toml").read_text("utf-8"))
    for key, value in changes.items():
        node = data
        *parents, last = key.split("__")
        for p in parents:
            node = node[p]
        node[last] = value
    (tmp_path / "example_monitoring.csv").write_bytes(
        (OW_DIR / "example_monitoring.csv").read_bytes())
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
    return path


def test_gbk_console_gets_escaped_json(tmp_path: Path) -> None:
    name = "示例风电场 😀 ²"  # the emoji and the superscript are not in GBK
    path = _project(tmp_path, name=name)
    done = _cli("compute", str(path), "--json", encoding="gbk")
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    data = json.loads(done.stdout.decode("gbk"))
    assert data["project"]["name"] == name
    assert data["fingerprint"] == compute(load_project(path)).fingerprint


def test_gbk_console_gets_the_table(tmp_path: Path) -> None:
    path = _project(tmp_path, name="风电 😀")
    done = _cli("compute", str(path), encoding="gbk")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("gbk").startswith("风电 \\ud83d\\ude00\n")


def test_gbk_console_gets_a_one_line_error(tmp_path: Path) -> None:
    path = _project(tmp_path, inputs__grid="😀")
    done = _cli("compute", str(path), encoding="gbk")
    assert done.returncode == 2
    err = done.stderr.decode("gbk")
    assert err.count("\n") == 1 and err.startswith("ccer-calc: error: inputs.grid")


def test_overflow_is_one_line_and_no_warning(tmp_path: Path) -> None:
    path = _project(tmp_path, inputs__installed_capacity="1e306 MW",
                    parameters={"grid_om_factor": "1.9 t CO2/MWh",
                                "grid_bm_factor": "1.9 t CO2/MWh"})
    lines = (OW_DIR / "example_monitoring.csv").read_text("utf-8").splitlines()
    lines[1] = lines[1].replace("98210.4", "1.7e308")
    lines[2] = lines[2].replace("91874.0", "1.7e308")
    (tmp_path / "example_monitoring.csv").write_text("\n".join(lines) + "\n", "utf-8")
    done = _cli("compute", str(path))
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1, err
    # since the capacity has an upper bound (#14 audit item 5), 1e306 MW stops at load time,
    # before any arithmetic could overflow
    refused = "inputs.installed_capacity: value 1e+306 MW is out of range"
    assert "Warning" not in err and refused in err
    with warnings.catch_warnings():  # the library itself raises, and does not warn
        warnings.simplefilter("error")
        with pytest.raises(CcerError, match=refused.replace("+", r"\+")):
            compute(load_project(path))


@pytest.mark.parametrize("args", [["compute"], ["nonsense"], ["compute", "x", "--as-of", "x"],
                                  []])
def test_usage_errors_are_one_line(args: list[str]) -> None:
    done = _cli(*args)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1, err
    assert "error:" in err and "--help" in err


def test_message_with_a_line_break_is_one_line(tmp_path: Path) -> None:
    path = _project(tmp_path, name="two\nlines")
    done = _cli("compute", str(path))
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1
