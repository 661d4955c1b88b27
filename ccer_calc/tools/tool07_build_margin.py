"""TOOL07 v07.0 build margin: the sample group of units (para. 75) and the BM, eq. (15).

The sample group starts from the larger (in generation) of the five most recent units and the
most recent units supplying 20 % of the system's generation, both without CDM units; when it
holds a unit older than ten years, the old units leave it and CDM units, then old units again,
fill it back up to 20 % (para. 75(c)-(f)). The unit emission factors of the group come from
:mod:`ccer_calc.tools.tool07_simple_om` (options A1, A2, A3; para. 78-79).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.tools.tool07_common import DOCUMENT, EF_UNIT, cite, generation_weighted

__all__ = ["BuildMarginSample", "build_margin_emission_factor", "build_margin_sample_group"]

#: Share of the system's annual generation the sample group must reach (para. 75(b), (d), (e)).
SHARE = 0.2


@equation(
    id="TOOL07 (15)", document=DOCUMENT,
    symbol="EF_grid,BM,y",
    formula="EF_grid,BM,y = Σ_m EG_m,y × EF_EL,m,y / Σ_m EG_m,y (m: units in the build margin)",
    source=cite("para. 77, eq. (15)"),
    inputs={"electricity_generation": "MWh", "unit_emission_factor": EF_UNIT},
    output=EF_UNIT,
    description="build margin: generation-weighted emission factor of the sample group",
)
def build_margin_emission_factor(
    electricity_generation: pint.Quantity, unit_emission_factor: pint.Quantity
) -> pint.Quantity:
    r"""Build margin: the generation-weighted emission factor of the sample group of units.

    Parameters
    ----------
    electricity_generation : Quantity
        Net electricity of each unit m of the sample group in the most recent year with data,
        EG_m,y, shape (..., units) [MWh].
    unit_emission_factor : Quantity
        EF_EL,m,y of each unit (options A1, A2 or A3; A2 with TOOL09 default efficiencies for
        units older than ten years in SET_sample-CDM->10yrs, para. 79) [t CO2/MWh].

    Returns
    -------
    Quantity
        EF_grid,BM,y [t CO2/MWh].

    Raises
    ------
    InputError
        If a generation is negative or all are zero.

    Notes
    -----
    .. math:: EF_{grid,BM,y} = \frac{\sum_m EG_{m,y} \, EF_{EL,m,y}}{\sum_m EG_{m,y}}
       \tag{TOOL07 (15)}

    The sample group comes from :func:`build_margin_sample_group`.

    References
    ----------
    TOOL07 v07.0, para. 77-79, equation (15).

    Examples
    --------
    >>> import numpy as np
    >>> from ccer_calc.units import Quantity
    >>> ef = build_margin_emission_factor(
    ...     electricity_generation=Quantity(np.array([300.0, 100.0]), "GWh"),
    ...     unit_emission_factor=Quantity(np.array([0.8, 0.0]), "t CO2/MWh"))
    >>> round(float(ef.quantity.magnitude), 6)
    0.6
    """
    return generation_weighted(unit_emission_factor, electricity_generation)


@dataclass(frozen=True)
class BuildMarginSample:
    """The BM sample group: which units, the rule that chose them, which of them are old.

    Attributes
    ----------
    mask : ndarray of bool
        True for each unit in the sample group m.
    rule : str
        The step of para. 75 that produced the group, with the generation it holds.
    older_than_ten_years : ndarray of bool
        True for each unit of the group that started supplying the grid more than ten years
        before the reference date; para. 79 then requires option A2 with the default
        efficiencies of TOOL09 for it.
    """

    mask: np.ndarray
    rule: str
    older_than_ten_years: np.ndarray


def _ten_years_before(day: dt.date) -> np.datetime64:
    try:
        cutoff = day.replace(year=day.year - 10)
    except ValueError:  # 29 February ten years after a non-leap year
        cutoff = day.replace(year=day.year - 10, day=28)
    return np.datetime64(cutoff, "D")


def _first_reaching(generation: np.ndarray, need: float) -> int:
    """How many of ``generation`` (in order) it takes to reach ``need``; all if never."""
    if need <= 0:
        return 0
    reached = np.cumsum(generation) >= need
    return int(np.argmax(reached)) + 1 if reached.any() else generation.size


def _add(mask: np.ndarray, candidates: np.ndarray, gen: np.ndarray, target: float) -> np.ndarray:
    """``mask`` with candidates (in order) added until the group holds ``target``."""
    out = mask.copy()
    out[candidates[:_first_reaching(gen[candidates], target - gen[mask].sum())]] = True
    return out


def _inputs(commissioned: np.ndarray, generation: np.ndarray, registered_cdm: np.ndarray | None
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    gen = np.asarray(generation, dtype=np.float64)
    when = np.asarray(commissioned, dtype="datetime64[D]")
    cdm = (np.zeros(gen.shape, dtype=bool) if registered_cdm is None
           else np.asarray(registered_cdm, dtype=bool))
    if gen.ndim != 1 or gen.shape != when.shape or cdm.shape != gen.shape:
        raise InputError("commissioning dates, generation and CDM flags differ in shape",
                         field="generation", value=gen.shape, expected=f"shape {when.shape}")
    if np.any(gen < 0) or not np.all(np.isfinite(gen)):
        bad = gen[(gen < 0) | ~np.isfinite(gen)][0]
        raise InputError("negative value", field="generation", value=float(bad),
                         expected="generation >= 0")
    if gen[~cdm].sum() <= 0:
        raise InputError("the units that are not CDM projects generate nothing",
                         field="generation", expected="AEG_total > 0 (para. 75(b))")
    return when, gen, cdm


def build_margin_sample_group(
    commissioned: np.ndarray,
    generation: np.ndarray,
    *,
    as_of: dt.date,
    registered_cdm: np.ndarray | None = None,
) -> BuildMarginSample:
    """Choose the BM sample group of units m by TOOL07 v07.0 para. 75(a)-(f).

    Parameters
    ----------
    commissioned : ndarray of datetime64[D]
        Date each unit started to supply electricity to the grid (retrofits are not capacity
        additions, para. 74: give the original date).
    generation : ndarray of float
        Annual net generation of each unit in the most recent year with data, MWh.
    as_of : datetime.date
        Reference date of the data vintage (PDD submission or the year of the ex-post update);
        a unit that started before the same date ten years earlier is "more than 10 years" old.
    registered_cdm : ndarray of bool, optional
        True for a unit registered as a CDM project activity; none if omitted.

    Returns
    -------
    BuildMarginSample
        The group, the step that chose it, and which of its units are older than ten years.

    Raises
    ------
    InputError
        If the arrays differ in shape, a generation is negative, or the non-CDM units
        generate nothing.

    Notes
    -----
    (a) SET_5-units: the five non-CDM units that started supplying most recently.
    (b) SET_>=20%: the most recent non-CDM units whose generation reaches 20 % of AEG_total
    (the system's generation without CDM units); the unit crossing 20 % counts in full.
    (c) SET_sample is the one of the two with the larger generation (SET_5-units on a tie); if
    none of its units is older than ten years, it is the group. (d) Otherwise its old units
    leave; CDM units join, most recent first, until 20 % of AEG_total is reached, if
    possible: SET_sample-CDM. (e)-(f) If still short, units older than ten years join, most
    recent first, until 20 %: SET_sample-CDM->10yrs.

    Examples
    --------
    Six units, reference date 2024-01-01: the five most recent non-CDM units (the larger set)
    include two that started before 2014; they make way for the 2019 CDM wind farm:

    >>> import datetime as dt
    >>> import numpy as np
    >>> when = np.array(["2005-06-01", "2010-03-01", "2016-01-01", "2018-01-01",
    ...                  "2019-01-01", "2022-01-01"], dtype="datetime64[D]")
    >>> gen = np.array([500.0, 300.0, 60.0, 40.0, 80.0, 20.0])
    >>> cdm = np.array([False, False, False, False, True, False])
    >>> s = build_margin_sample_group(when, gen, as_of=dt.date(2024, 1, 1), registered_cdm=cdm)
    >>> s.mask.astype(int).tolist(), s.rule.split(":")[0]
    ([0, 0, 1, 1, 1, 1], 'SET_sample-CDM')
    """
    when, gen, cdm = _inputs(commissioned, generation, registered_cdm)
    old = when < _ten_years_before(as_of)
    order = np.argsort(when, kind="stable")[::-1]  # most recent first
    own = order[~cdm[order]]
    total = gen[~cdm].sum()
    target = SHARE * total
    five = np.zeros(gen.shape, dtype=bool)
    five[own[:5]] = True
    twenty = _add(np.zeros(gen.shape, dtype=bool), own, gen, target)
    if gen[twenty].sum() > gen[five].sum():
        sample, name = twenty, f"SET_>=20% ({int(twenty.sum())} most recent units)"
    else:
        sample, name = five, "SET_5-units"
    if not np.any(sample & old):
        rule = _rule("SET_sample", "75(c)", name, sample, gen[sample].sum() / total)
        return BuildMarginSample(sample, rule, sample & old)
    sample = _add(sample & ~old, order[cdm[order]], gen, target)
    if gen[sample].sum() >= target:
        rule = _rule("SET_sample-CDM", "75(d)", name, sample, gen[sample].sum() / total)
        return BuildMarginSample(sample, rule, sample & old)
    sample = _add(sample, order[old[order] & ~sample[order]], gen, target)
    rule = (_rule("SET_sample-CDM->10yrs", "75(e)-(f)", name, sample, gen[sample].sum() / total)
            + "; para. 79: option A2 with TOOL09 default efficiencies for the old units")
    return BuildMarginSample(sample, rule, sample & old)


def _rule(label: str, para: str, start: str, mask: np.ndarray, share: float) -> str:
    return (f"{label}: {int(mask.sum())} units from {start}, {share * 100:.1f} % of AEG_total "
            f"({cite('para. ' + para)})")
