"""Physical ranges of quantities, declared once where a quantity is declared.

Every :class:`~ccer_calc.parameters.Parameter`, every
:class:`~ccer_calc.methodology.MonitoredColumn` and every quantity field of a project's inputs
carries a :class:`Bounds` in the unit of its declaration: non-negative by default, a fraction in
[0, 1], strictly positive (a calorific value), or a plausible band the methodology implies (a
grid emission factor between 0 and 2 t CO2/MWh, which also refuses a factor given per kJ). The
loaders check values against it, so an out-of-range number stops at load time with an
:class:`~ccer_calc.errors.InputError` naming the field, the value and the range.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import InputError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "CARBON_PER_ENERGY",
    "CO2_PER_ENERGY",
    "FLAG",
    "FRACTION",
    "GRID_EMISSION_FACTOR",
    "INSTALLED_CAPACITY",
    "NCV_BANDS",
    "NONNEGATIVE",
    "POSITIVE",
    "UNBOUNDED",
    "Bounds",
]


def _fmt(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Bounds:
    """A closed, open or half-open interval of magnitudes in one unit.

    Parameters
    ----------
    minimum, maximum : float, optional
        The ends; ``None`` for no end.
    min_inclusive, max_inclusive : bool
        Whether an end belongs to the range (``False``: strictly greater or less).
    reason : str
        Why the range is what it is, when it is more than non-negativity (shown in errors).
    whole : bool
        Only whole numbers belong to the range (a switch that is 0 or 1).

    Examples
    --------
    >>> Bounds(0.0, 2.0, reason="plausible band").describe("t CO2/MWh")
    'a value in [0, 2] t CO2/MWh (plausible band)'
    >>> POSITIVE.describe("GJ/t")
    'a value > 0 GJ/t'
    >>> FLAG.describe("dimensionless")
    '0 or 1 (a switch: 1 on, 0 off)'
    """

    minimum: float | None = 0.0
    maximum: float | None = None
    min_inclusive: bool = True
    max_inclusive: bool = True
    reason: str = ""
    whole: bool = False

    def __post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None \
                and self.minimum > self.maximum:
            msg = f"bounds minimum {self.minimum} exceeds maximum {self.maximum}"
            raise ValueError(msg)

    def describe(self, unit: str) -> str:
        """The range in words, e.g. ``a value in [0, 1]`` or ``a value >= 0 MWh``."""
        u = f" {unit}" if unit and unit != "dimensionless" else ""
        lo, hi = self.minimum, self.maximum
        if lo is None and hi is None:
            text = "any finite value"
        elif hi is None:
            text = f"a value {'>=' if self.min_inclusive else '>'} {_fmt(lo or 0.0)}{u}"
        elif lo is None:
            text = f"a value {'<=' if self.max_inclusive else '<'} {_fmt(hi)}{u}"
        else:
            left, right = "[" if self.min_inclusive else "(", "]" if self.max_inclusive else ")"
            text = f"a value in {left}{_fmt(lo)}, {_fmt(hi)}{right}{u}"
        if self.whole and lo is not None and hi is not None and hi - lo <= 1 \
                and self.min_inclusive and self.max_inclusive:
            text = f"{_fmt(lo)} or {_fmt(hi)}"
        elif self.whole:
            text = text.replace("a value", "a whole number", 1)
        return text + (f" ({self.reason})" if self.reason else "")

    def outside(self, magnitude: Any) -> np.ndarray:  # noqa: ANN401 - float or array
        """Boolean mask of the magnitudes outside the range (NaN counts as outside)."""
        import numpy as np  # noqa: PLC0415 - bounds are declared without numpy (light models)

        m = np.asarray(magnitude, dtype=np.float64)
        bad = ~np.isfinite(m)
        with np.errstate(invalid="ignore"):
            if self.minimum is not None:
                bad |= (m < self.minimum) if self.min_inclusive else (m <= self.minimum)
            if self.maximum is not None:
                bad |= (m > self.maximum) if self.max_inclusive else (m >= self.maximum)
            if self.whole:
                bad |= m != np.floor(m)
        return bad

    def contains(self, value: float) -> bool:
        """Whether one magnitude lies in the range (NaN and infinity never do)."""
        v = float(value)
        if not math.isfinite(v):
            return False
        lo, hi = self.minimum, self.maximum
        if lo is not None and (v < lo if self.min_inclusive else v <= lo):
            return False
        if self.whole and v != math.floor(v):
            return False
        return not (hi is not None and (v > hi if self.max_inclusive else v >= hi))

    def check(self, magnitude: Any, unit: str, field: str | Callable[[int], str]) -> None:  # noqa: ANN401
        """Refuse the first magnitude outside the range.

        Parameters
        ----------
        magnitude : float or ndarray
            Values in ``unit``.
        unit : str
            Their unit, for the message.
        field : str or callable
            The field path, or a function giving it for the index of an array element.

        Raises
        ------
        InputError
            Naming the field, the value and the range.
        """
        import numpy as np  # noqa: PLC0415

        m = np.asarray(magnitude, dtype=np.float64)
        if not m.size:
            return
        # all finite and inside when the least and the greatest are (NaN makes both NaN); a
        # range of whole numbers has gaps between its ends, so it is checked value by value
        if not self.whole and self.contains(m.min()) and self.contains(m.max()):
            return
        bad = np.flatnonzero(self.outside(m))
        if not bad.size:
            return
        i = int(bad[0])
        value = float(np.asarray(magnitude, dtype=np.float64).reshape(-1)[i])
        where = field(i) if callable(field) else field
        shown = f"{value:g} {unit}" if unit and unit != "dimensionless" else f"{value:g}"
        problem = "value out of range" if math.isfinite(value) else "not a finite number"
        raise InputError(problem, field=where, value=shown, expected=self.describe(unit))


#: Non-negative: the default of every declared quantity.
NONNEGATIVE = Bounds(0.0, None)
#: Strictly positive (a calorific value, an installed capacity).
POSITIVE = Bounds(0.0, None, min_inclusive=False)
#: A fraction in [0, 1] (a weight, an oxidation rate).
FRACTION = Bounds(0.0, 1.0)
#: A switch: 1 on, 0 off (a provisional plug-in's choice between its parent's rule and none).
FLAG = Bounds(0.0, 1.0, reason="a switch: 1 on, 0 off", whole=True)
#: No range other than being finite (only for quantities that may legitimately be negative).
UNBOUNDED = Bounds(None, None)

#: Grid emission factors (OM, BM, CM) in t CO2/MWh. Coal-fired generation, the most
#: carbon-intensive source on a grid, emits roughly 0.8-1.2 t CO2/MWh; 2 leaves room for
#: lignite and oil shale and still refuses a factor written per kWh or per kJ.
GRID_EMISSION_FACTOR = Bounds(0.0, 2.0, reason="plausible band of a grid emission factor in "
                                               "t CO2/MWh")
#: Carbon content per unit of energy, t C/GJ. The IPCC 2006 defaults (Vol. 2, Table 1.3) run
#: from about 0.015 (natural gas) to about 0.071 (blast furnace gas).
CARBON_PER_ENERGY = Bounds(0.0, 0.1, reason="plausible band of a fuel's carbon content in "
                                            "t C/GJ")
#: CO2 emission factor per unit of energy, t CO2/GJ: the same band times 44/12 (IPCC 2006 Vol. 2
#: Table 1.4 runs from about 0.056 for natural gas to 0.26 for blast furnace gas).
CO2_PER_ENERGY = Bounds(0.0, 0.4, reason="plausible band of a fuel's CO2 emission factor in "
                                         "t CO2/GJ")

#: Net calorific value, by the unit a fuel is measured in (an NCV is declared per mass or per
#: volume, so each dimension has its band; the unit of each band is the one it is checked in).
#: Per mass: no fuel of GB/T 32151.1-2015 Table C.1 (or IPCC 2006 Vol. 2 Table 1.2) exceeds
#: about 50 GJ/t, and hydrogen, at about 120 GJ/t, is the physical ceiling of any fuel; 150
#: GJ/t leaves room and still refuses a value typed per kg or in MJ. Per normal volume: natural
#: gas is 389.31 GJ/万Nm3 (GB/T 32151.1 Table C.1), butane vapour, the richest fuel gas, about
#: 1,240 GJ/万Nm3 (124 MJ/Nm3); 1,500 GJ/万Nm3 leaves room. Per actual volume: liquid fuels
#: hold at most about 40 GJ/m3 (heavy fuel oil, 40.4 GJ/t × ~1 t/m3); 100 GJ/m3 leaves room.
#: The floors refuse a value typed in MJ as GJ (0.043 for 43): per mass the leanest fuels of
#: Table C.1 are lignite, 11.9 GJ/t, and coal gangue is about 8, so 2 GJ/t leaves room; per
#: normal volume the leanest is blast furnace gas, 33.0 GJ/万Nm3, so 10. Per actual volume no
#: floor: a gas metered in actual m3 holds as little as ~0.003 GJ/m3.
NCV_BANDS: tuple[tuple[str, Bounds], ...] = (
    ("GJ/t", Bounds(2.0, 150.0, reason="fuels burned for energy lie between ~8 GJ/t (coal "
                                       "gangue) and ~120 GJ/t (hydrogen)")),
    ("GJ/万Nm3", Bounds(10.0, 1500.0,
                       reason="fuel gases lie between 33 GJ/万Nm3 (blast furnace gas) and "
                              "~1,240 GJ/万Nm3 (butane)")),
    ("GJ/m^3", Bounds(0.0, 100.0, min_inclusive=False,
                      reason="no liquid fuel exceeds ~40 GJ/m^3")),
)
#: Installed capacity of one project, MW. The largest power plant in the world (Three Gorges)
#: has 22,500 MW; 100 GW is generous for one project and still refuses a capacity typed in kW
#: or W as MW, or an absurd number that would make the capacity check of exported energy
#: vacuous.
INSTALLED_CAPACITY = Bounds(0.0, 100_000.0, min_inclusive=False,
                            reason="no single plant exceeds ~22,500 MW; 100 GW for one project")


#: How a meter's error or maximum permissible error may be written. The documents state them in
#: percent; every other dimensionless unit (``""``, ``1``, ``ppm``, ``permille``) would silently
#: rescale the number (0.5 read as 50 %), so it is refused where such a value is read.
PERCENT_UNITS = frozenset({"%", "percent"})
