"""A catalogue of allometric and volume model *forms*, chosen by name with coefficients.

AR-TOOL14 v04.2 Appendix 1 converts tree dimensions to above-ground biomass with an allometric
equation f_j (eq. 4) or to stem volume with a volume equation V_TREE,j (eq. 5), and per-hectare
basal area to biomass or volume per hectare (eq. 7-8). Para. 5 (note to f_j) says an equation
is applied in its own units and the result converted: here each model declares the unit of its
variables and of its result; inputs are converted to those units with one array operation,
the form is evaluated on magnitudes, and the result is converted to t, m^3, t/ha or m^3/ha.

Only the forms below exist; a model is a form name plus numbers. Expressions typed by users
are never evaluated. ``x`` is the model's first variable: the tree diameter, or the plot basal
area per hectare for the per-hectare kinds; ``H`` the tree height; ``WD`` the wood density.

============  ========================================  ==========================
form          value                                      variables
============  ========================================  ==========================
power         a * x^b                                    x
power_height  a * x^b * H^c                              x, H
power_d2h     a * (x^2 * H)^b                            x, H
power_wd_d2h  a * (WD * x^2 * H)^b                       x, H, WD
loglog        c * base^(a + b * log_base(x))             x   (c: bias correction)
loglog_d2h    c * base^(a + b * log_base(x^2 * H))       x, H
polynomial    a + b * x + c * x^2 + d * x^3              x
============  ========================================  ==========================
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pint

from ccer_calc.errors import DataNotFound, InputError
from ccer_calc.tools.forestry.defaults import data_table
from ccer_calc.tools.forestry.tables import CsvTable
from ccer_calc.units import Quantity, parse_unit

__all__ = ["FORMS", "KINDS", "AllometricModel", "Form", "load_models", "model", "packaged_models"]

Arr = np.ndarray[Any, np.dtype[Any]]


@dataclass(frozen=True)
class Form:
    """One model form: its variables, the coefficients it needs and its evaluation."""

    text: str
    variables: tuple[str, ...]
    required: tuple[str, ...]
    evaluate: Callable[[Mapping[str, float], float, Arr, Arr, Arr], Arr]


def _log(base: float, v: Arr) -> Arr:
    return np.log(v) / math.log(base)


FORMS: dict[str, Form] = {
    "power": Form("a * x^b", ("x",), ("a", "b"),
                  lambda k, _, x, h, wd: k["a"] * x ** k["b"]),
    "power_height": Form("a * x^b * H^c", ("x", "H"), ("a", "b", "c"),
                         lambda k, _, x, h, wd: k["a"] * x ** k["b"] * h ** k["c"]),
    "power_d2h": Form("a * (x^2 * H)^b", ("x", "H"), ("a", "b"),
                      lambda k, _, x, h, wd: k["a"] * (x * x * h) ** k["b"]),
    "power_wd_d2h": Form("a * (WD * x^2 * H)^b", ("x", "H", "WD"), ("a", "b"),
                         lambda k, _, x, h, wd: k["a"] * (wd * x * x * h) ** k["b"]),
    "loglog": Form("c * base^(a + b * log_base(x))", ("x",), ("a", "b"),
                   lambda k, base, x, h, wd: k.get("c", 1.0)
                   * base ** (k["a"] + k["b"] * _log(base, x))),
    "loglog_d2h": Form("c * base^(a + b * log_base(x^2 * H))", ("x", "H"), ("a", "b"),
                       lambda k, base, x, h, wd: k.get("c", 1.0)
                       * base ** (k["a"] + k["b"] * _log(base, x * x * h))),
    "polynomial": Form("a + b * x + c * x^2 + d * x^3", ("x",), ("a",),
                       lambda k, _, x, h, wd: k["a"] + k.get("b", 0.0) * x
                       + k.get("c", 0.0) * x * x + k.get("d", 0.0) * x ** 3),
}

#: Kind of model -> (unit its result is converted to, what x is).
KINDS: dict[str, tuple[str, str]] = {
    "aboveground_biomass": ("t", "diameter"),
    "stem_volume": ("m^3", "diameter"),
    "aboveground_biomass_per_ha": ("t/ha", "basal area"),
    "stem_volume_per_ha": ("m^3/ha", "basal area"),
}


def _bad(problem: str, value: object, expected: str, name: str = "allometric model") -> InputError:
    return InputError(problem, field=name, value=value, expected=expected)


@dataclass(frozen=True)
class AllometricModel:
    """One allometric or volume model: a form, its coefficients, units, range and source.

    Parameters
    ----------
    id : str
        Name by which species refer to the model.
    kind : str
        One of :data:`KINDS`.
    form : str
        One of :data:`FORMS`.
    coefficients : dict of str to float
        ``a``, ``b``, ``c``, ``d`` as the form needs them.
    x_unit, height_unit, wood_density_unit, output_unit : str
        Units in which the model was fitted (e.g. cm, m, g/cm^3, kg).
    x_min, x_max : float
        Valid range of x in ``x_unit`` (``inf`` when the source states no upper limit).
    log_base : float
        Base of the logarithms of the ``loglog`` forms (e or 10).
    source, status : str
        Citation of the model and its status (verified, secondary, illustrative).
    """

    id: str
    kind: str
    form: str
    coefficients: dict[str, float]
    x_unit: str
    output_unit: str
    x_min: float
    x_max: float
    source: str
    status: str
    height_unit: str = "m"
    wood_density_unit: str = "g/cm^3"
    log_base: float = math.e
    _units: tuple[pint.Unit, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = f"allometric model {self.id}"
        if self.kind not in KINDS:
            raise _bad("unknown model kind", self.kind, "one of " + ", ".join(KINDS), where)
        if self.form not in FORMS:
            raise _bad("unknown model form", self.form, "one of " + ", ".join(FORMS), where)
        missing = [c for c in FORMS[self.form].required if c not in self.coefficients]
        if missing:
            raise _bad("missing coefficients", missing,
                       f"{', '.join(FORMS[self.form].required)} for form {self.form}", where)
        if not (0 <= self.x_min < self.x_max):
            raise _bad("invalid range", (self.x_min, self.x_max), "0 <= x_min < x_max", where)
        if self.log_base <= 0 or self.log_base == 1:
            raise _bad("invalid logarithm base", self.log_base, "e or 10", where)
        units = tuple(parse_unit(u) for u in (self.x_unit, self.height_unit,
                                              self.wood_density_unit, self.output_unit))
        target = parse_unit(KINDS[self.kind][0])
        if units[3].dimensionality != target.dimensionality:
            raise _bad("output unit does not fit the model kind", self.output_unit,
                       f"a unit convertible to {KINDS[self.kind][0]}", where)
        object.__setattr__(self, "_units", units)

    @property
    def variables(self) -> tuple[str, ...]:
        """The variables the form needs (``x``, ``H``, ``WD``)."""
        return FORMS[self.form].variables

    def evaluate(
        self, x: pint.Quantity, height: pint.Quantity | None = None,
        wood_density: pint.Quantity | None = None, *, lines: Arr | None = None,
        source: str = "trees",
    ) -> pint.Quantity:
        """Evaluate the model on whole arrays; results in t, m^3, t/ha or m^3/ha.

        Raises
        ------
        InputError
            Naming the first row (``source: line N`` when ``lines`` are given, else
            ``source[i]``) whose x lies outside the valid range, whose height or wood density
            is missing or not positive, or whose result is negative or not finite.
        """
        what = KINDS[self.kind][1]
        xm = np.asarray(x.m_as(self._units[0]), dtype=np.float64)
        self._check(xm, (xm >= self.x_min) & (xm <= self.x_max), what,
                    f"{self.x_min:g} to {self.x_max:g} {self.x_unit}, the valid range of "
                    f"model {self.id}", lines=lines, source=source)
        h = self._positive(height, 1, "height", lines=lines, source=source,
                           shape=xm.shape)
        wd = self._positive(wood_density, 2, "wood density", lines=lines, source=source,
                            shape=xm.shape)
        with np.errstate(all="ignore"):
            out = FORMS[self.form].evaluate(self.coefficients, self.log_base, xm, h, wd)
        out = np.asarray(np.broadcast_to(out, xm.shape), dtype=np.float64)
        self._check(out, np.isfinite(out) & (out >= 0), f"result of model {self.id}",
                    "a finite value >= 0 (check the coefficients and the range)",
                    lines=lines, source=source)
        return Quantity(out, self._units[3]).to(KINDS[self.kind][0])

    def _positive(
        self, q: pint.Quantity | None, k: int, name: str, *, lines: Arr | None, source: str,
        shape: tuple[int, ...],
    ) -> Arr:
        needed = {1: "H", 2: "WD"}[k] in self.variables
        if not needed:
            return np.ones(shape)
        if q is None:
            raise InputError(f"model {self.id} ({self.form}) needs the {name}",
                             field=source, expected=f"a {name} for every row")
        m = np.broadcast_to(np.asarray(q.m_as(self._units[k]), dtype=np.float64), shape)
        self._check(m, np.isfinite(m) & (m > 0), name,
                    f"a {name} > 0 (model {self.id} uses it)", lines=lines, source=source)
        return m

    @staticmethod
    def _check(
        values: Arr, ok: Arr, name: str, expected: str, *, lines: Arr | None, source: str,
    ) -> None:
        if ok.all():
            return
        i = int(np.flatnonzero(~ok)[0])
        row = f"{source}: line {int(lines[i])}" if lines is not None else f"{source}[{i}]"
        raise InputError(f"{name} out of range", field=row, value=float(values.flat[i]),
                         expected=expected)


def load_models(table: CsvTable) -> dict[str, AllometricModel]:
    """Models from a table with the columns of ``allometric_models.csv``.

    Raises
    ------
    InputError
        Naming the line of a duplicate id, an unknown form or kind, or a bad number.
    """
    table.require("model", "kind", "form", "x_unit", "output_unit", "x_min", "x_max",
                  "source", "status")
    coef = {c: table.quantity(c, "dimensionless", allow_empty=True).magnitude
            for c in ("a", "b", "c", "d") if c in table.cells}
    x_min = table.quantity("x_min", "dimensionless").magnitude
    x_max = table.quantity("x_max", "dimensionless", allow_empty=True).magnitude
    out: dict[str, AllometricModel] = {}
    for i, mid in enumerate(table.text("model")):
        if mid in out:
            raise InputError("duplicate model id", field=table.where(i, "model"), value=mid,
                             expected="each model once")
        cell = {k: table.cells[k][i] for k in ("height_unit", "wood_density_unit", "log_base")
                if k in table.cells and table.cells[k][i]}
        try:
            out[mid] = AllometricModel(
                mid, table.cells["kind"][i], table.cells["form"][i],
                {k: float(v[i]) for k, v in coef.items() if np.isfinite(v[i])},
                table.cells["x_unit"][i], table.cells["output_unit"][i], float(x_min[i]),
                float(x_max[i]) if np.isfinite(x_max[i]) else math.inf,
                table.cells["source"][i], table.cells["status"][i],
                height_unit=cell.get("height_unit", "m"),
                wood_density_unit=cell.get("wood_density_unit", "g/cm^3"),
                log_base={"e": math.e, "10": 10.0}.get(cell.get("log_base", "e"), 0.0))
        except (InputError, ValueError) as exc:
            raise InputError(str(exc), field=table.where(i), expected="a valid model row"
                             ) from None
    return out


@functools.cache
def packaged_models() -> dict[str, AllometricModel]:
    """The models bundled in ``allometric_models.csv`` (each row with its status)."""
    return load_models(data_table("allometric_models.csv"))


def model(models: Mapping[str, AllometricModel], mid: str) -> AllometricModel:
    """Look a model up by id, naming the ids that exist when it is missing."""
    if mid not in models:
        raise DataNotFound("unknown allometric model", field="model", value=mid,
                           expected="one of " + ", ".join(sorted(models)))
    return models[mid]
