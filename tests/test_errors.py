"""The error tree: builtin bases, structured fields, pickling and message text."""

from __future__ import annotations

import pickle

import pytest

from ccer_calc import errors
from ccer_calc.errors import (
    ApplicabilityError,
    CcerError,
    DataNotFound,
    InputError,
    MethodologyNotFound,
    OutputError,
    PluginError,
    TemplateError,
    UnitError,
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
