"""The unit of a meter's basic error: percent, and nothing else dimensionless.

A ``<column>_meter_error`` column (CSV, Excel, a data frame) or inline cell states the actual
basic error found at calibration (CCER-01-002-V01 §7.3.4), a percentage. Every dimensionless
unit converts to a fraction, so ``[]`` or ``[1]`` would read the usual ``-0.8`` as -80 % and
cut the reductions with exit 0; only ``%`` and ``percent`` are accepted.
"""

from __future__ import annotations

from ccer_calc.bounds import PERCENT_UNITS
from ccer_calc.errors import UnitError

__all__ = ["check_percent"]


def check_percent(unit: str | None, field: str, column: str) -> None:
    """Refuse a meter error not stated in ``%`` (or ``percent``).

    Raises
    ------
    UnitError
        Naming the column, the unit found and ``%`` expected.

    Examples
    --------
    >>> check_percent("%", "line 1", "export_meter_error")
    >>> check_percent("", "line 1", "export_meter_error")
    Traceback (most recent call last):
    ...
    ccer_calc.errors.UnitError: line 1: a meter error must be stated in % (got ''; expected \
'%' (or 'percent'), e.g. a header 'export_meter_error [%]')
    """
    if unit is None or unit.strip() not in PERCENT_UNITS:
        raise UnitError("a meter error must be stated in %", field=field,
                        value="(no unit)" if unit is None else unit,
                        expected=f"'%' (or 'percent'), e.g. a header '{column} [%]'")
