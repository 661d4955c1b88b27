"""A switch's range: 0 or 1 and nothing between (``ccer_calc.bounds.FLAG``).

The provisional CCER sink plug-ins choose between their CDM parent's rule (1) and none (0)
with flags such as ``account_soc``; a value of 0.5 has no meaning, so the range refuses it
where every other range is checked, when the project is read.
"""

from __future__ import annotations

import numpy as np
import pytest

from ccer_calc.bounds import FLAG, FRACTION, Bounds
from ccer_calc.errors import InputError


def test_only_the_whole_numbers_of_the_interval_belong() -> None:
    values = np.array([0.0, 1.0, 0.5, 1e-12, -0.0, 2.0, np.nan, np.inf])
    assert FLAG.outside(values).tolist() == [False, False, True, True, False, True, True, True]
    assert [FLAG.contains(v) for v in (0.0, 1.0, 0.5, 2.0, float("nan"))] == [
        True, True, False, False, False]
    assert not FRACTION.outside(np.array([0.5])).any()  # a fraction keeps its values between


def test_the_range_is_said_as_the_values_it_allows() -> None:
    assert FLAG.describe("dimensionless") == "0 or 1 (a switch: 1 on, 0 off)"
    assert Bounds(0.0, 5.0, whole=True).describe("") == "a whole number in [0, 5]"
    with pytest.raises(InputError, match=r"got '0\.5'; expected 0 or 1") as err:
        FLAG.check(np.array([0.0, 0.5, 1.0]), "dimensionless", lambda i: f"flags[{i}]")
    assert err.value.field == "flags[1]"  # between the least and the greatest, still refused
