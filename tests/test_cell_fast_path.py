"""A cell in its column's own unit is read without a Quantity, to the same number (issue 12).

:func:`ccer_calc.io.table.quantity_in_unit` takes a ``{value, unit}`` cell whose unit is written
as the column's as it is; every other cell goes through pint. Both routes must agree bit for
bit, and the fast route must refuse nothing the slow one accepts, nor accept what it refuses.
"""

from __future__ import annotations

import math
import random

import pytest

from ccer_calc.errors import InputError, UnitError
from ccer_calc.fields import parse_quantity
from ccer_calc.io.table import quantity_in_unit
from ccer_calc.units import parse_unit

UNITS = ["MWh", "t", "万Nm3", "GJ/t", "t CO2/MWh", "%", "ha"]


@pytest.mark.parametrize("unit", UNITS)
def test_same_unit_cells_equal_the_conversion_through_pint(unit: str) -> None:
    rng = random.Random(12)  # noqa: S311 - test data, not secrets
    for _ in range(2000):
        v = rng.uniform(-1e6, 1e6) * rng.choice([1.0, 1e-9, 1e9])
        slow = float(parse_quantity({"value": v, "unit": unit}).to(parse_unit(unit)).magnitude)
        assert quantity_in_unit({"value": v, "unit": unit}, unit, "c") == slow == v


def test_other_cells_still_take_the_full_route() -> None:
    assert quantity_in_unit({"value": 1500.0, "unit": "kWh"}, "MWh", "c") == pytest.approx(1.5)
    assert quantity_in_unit({"value": 3, "unit": "MWh"}, "MWh", "c") == 3.0  # an int
    assert quantity_in_unit("2.5 MWh", "MWh", "c") == 2.5
    with pytest.raises(InputError, match="not a finite number"):
        quantity_in_unit({"value": math.inf, "unit": "MWh"}, "MWh", "c")
    with pytest.raises(InputError):
        quantity_in_unit({"value": math.nan, "unit": "MWh"}, "MWh", "c")
    with pytest.raises(UnitError, match="wrong unit"):
        quantity_in_unit({"value": 1.0, "unit": "t"}, "MWh", "c")
    with pytest.raises(InputError, match="expected keys value and unit"):
        quantity_in_unit({"value": 1.0, "unit": "MWh", "x": 1}, "MWh", "c")
