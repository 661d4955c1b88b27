"""The error tree: builtin bases, structured fields, pickling and message text."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from ccer_calc import errors
from ccer_calc.errors import (
    MAX_SHOWN,
    ApplicabilityError,
    CcerError,
    DataNotFound,
    InputError,
    MethodologyNotFound,
    OutputError,
    PluginError,
    TemplateError,
    UnitError,
    shown,
)

PAIRS = [
    (InputError, ValueError),
    (UnitError, TypeError),
    (MethodologyNotFound, LookupError),
    (PluginError, ImportError),
    (DataNotFound, LookupError),
    (ApplicabilityError, ValueError),
    (TemplateError, RuntimeError),
    (OutputError, OSError),
]


def test_every_exported_error_is_covered() -> None:
    exported = {name for name in errors.__all__ if name != "CcerError"}
    assert exported == {cls.__name__ for cls, _ in PAIRS}


@pytest.mark.parametrize(("cls", "builtin"), PAIRS)
def test_error_is_also_its_builtin(cls: type[CcerError], builtin: type[Exception]) -> None:
    exc = cls("bad thing", field="a.b", value=3, expected="4")
    assert isinstance(exc, CcerError)
    assert isinstance(exc, builtin)
    with pytest.raises(builtin, match="bad thing"):
        raise exc


@pytest.mark.parametrize(("cls", "builtin"), PAIRS)
def test_pickle_round_trip_keeps_fields(cls: type[CcerError], builtin: type[Exception]) -> None:
    exc = cls("wrong unit", field="parameters.grid_om_factor", value="kWh",
              expected="a unit convertible to t CO2/MWh", methodology="CCER-01-002-V01")
    back = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes
    assert type(back) is cls
    assert isinstance(back, builtin)
    assert (back.problem, back.field, back.value, back.expected, back.methodology) == (
        exc.problem, exc.field, exc.value, exc.expected, exc.methodology)
    assert str(back) == str(exc)


def test_message_with_every_field() -> None:
    exc = UnitError("wrong unit", field="parameters.grid_om_factor", value="kWh",
                    expected="a unit convertible to t CO2/MWh", methodology="CCER-01-002-V01")
    assert str(exc) == ("[CCER-01-002-V01] parameters.grid_om_factor: wrong unit "
                        "(got 'kWh'; expected a unit convertible to t CO2/MWh)")


def test_message_with_value_only() -> None:
    assert str(InputError("not a number", field="x", value="abc")) == (
        "x: not a number (got 'abc')")


def test_message_with_expected_only() -> None:
    assert str(InputError("missing date", field="monitoring.data[0].start",
                          expected="an ISO date YYYY-MM-DD")) == (
        "monitoring.data[0].start: missing date (expected an ISO date YYYY-MM-DD)")


def test_message_with_problem_only() -> None:
    assert str(CcerError("something failed")) == "something failed"


def test_value_zero_is_reported() -> None:
    # 0 is a value, not "no value"
    assert str(InputError("bad", value=0)) == "bad (got 0)"


def test_a_huge_number_is_echoed_once_and_cut(example_dir: Path, tmp_path: Path) -> None:
    # issue #14 audit, item 4: a 400-digit installed capacity was echoed in full twice
    text = (example_dir / "example.toml").read_text("utf-8").replace(
        'installed_capacity = "300 MW"', 'installed_capacity = "' + "9" * 400 + ' MW"')
    line = _cli_error(tmp_path, example_dir, text)
    assert "inputs.installed_capacity" in line and "not a finite number" in line
    assert len(re.findall("9{20,}", line)) == 1
    assert len(line) < 3 * MAX_SHOWN


def test_a_long_unknown_key_is_cut(example_dir: Path, tmp_path: Path) -> None:
    # issue #14 audit, item 4: an unknown 5,000-character key was echoed in full
    text = (example_dir / "example.toml").read_text("utf-8").replace(
        "grid_connected = true", "grid_connected = true\n" + "k" * 5000 + " = 1")
    line = _cli_error(tmp_path, example_dir, text)
    assert "inputs.kkk" in line and "(5,007 characters)" in line
    assert len(line) < 3 * MAX_SHOWN


def test_every_message_caps_field_and_value() -> None:
    exc = InputError("bad value", field="f" * 1000, value="v" * 1000, expected="a value")
    text = str(exc)
    assert len(text) < 2 * MAX_SHOWN + 80  # two cut marks and the frame
    assert text.count("(1,000 characters)") == 2
    assert shown(10**5000) == "<an integer of 16,610 bits>"


def _cli_error(tmp_path: Path, example_dir: Path, text: str) -> str:
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    from ccer_calc.cli import main  # noqa: PLC0415

    shutil.copy(example_dir / "example_monitoring.csv", tmp_path)
    (tmp_path / "p.toml").write_text(text, "utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["compute", str(tmp_path / "p.toml")], out=io.StringIO()) == 2
    line = err.getvalue()
    assert line.count("\n") == 1
    return line
