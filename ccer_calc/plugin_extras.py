"""What a plug-in may report besides BE, PE, LE and ER: per-period figures, provisional rules.

Kept apart from :mod:`ccer_calc.methodology` (which re-exports both) so that the contract stays
short:

* :class:`PeriodFigure`: a figure of each monitoring period that is not a sum over the period
  axis, e.g. the tCER and lCER of an A/R CDM verification period;
* :class:`ProvisionalRule`: a rule (not a number) that a provisional methodology takes from its
  parent text while its own is unavailable; numeric provisional values are parameters flagged
  ``provisional``;
* :class:`ExpectedQuantity`: a quantity of a plug-in's own ex-ante data (a sink's cohort areas,
  a growth curve's asymptote) that the estimate's sensitivity varies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ccer_calc.project import ProjectData

__all__ = ["ExpectedQuantity", "PeriodFigure", "ProvisionalRule"]


@dataclass(frozen=True)
class PeriodFigure:
    """A figure of each monitoring period besides BE, PE, LE and ER.

    The A/R CDM methodologies report the tCER and lCER quantities of each verification period
    (AR-ACM0003 v02.0 eq. 6-7): not sums over the period axis, but one recorded evaluation per
    period (instance = the period's id) of the equation named here.

    Parameters
    ----------
    name : str
        Key in the result (``tCER``).
    symbol : str
        The document's symbol (``tCER_t2``).
    equation : str
        Id of the equation evaluated once per period.
    unit : str
        Unit of the values.
    values : tuple of float
        One value per monitoring period, in the order of the periods.
    description_en, description_zh : str
        What the figure is.
    note_en, note_zh : str
        How to read a value (e.g. a negative lCER is a number of lCERs to be replaced).
    """

    name: str
    symbol: str
    equation: str
    unit: str
    values: tuple[float, ...]
    description_en: str
    description_zh: str
    note_en: str = ""
    note_zh: str = ""


@dataclass(frozen=True)
class ProvisionalRule:
    """A rule a provisional methodology takes from its parent text while its own is unknown.

    Numeric provisional values are parameters (``Parameter(provisional=True)``); a rule that is
    not a number (which pools are accounted, which uncertainty deduction applies) is one of
    these. ``source`` contains the word "provisional".
    """

    name: str
    rule_en: str
    rule_zh: str
    source: str

    def __post_init__(self) -> None:
        if "provisional" not in self.source:
            msg = f"provisional rule {self.name}: its source must say it is provisional"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"name": self.name, "kind": "rule", "value": self.rule_en,
                "value_zh": self.rule_zh, "unit": "", "source": self.source}


@dataclass(frozen=True)
class ExpectedQuantity:
    """An expected quantity of a plug-in's own ex-ante data, for the estimate's sensitivity.

    The engine varies each expected monitored column by itself; a plug-in whose estimate is
    built from data of its own (:meth:`ccer_calc.methodology.Methodology.estimate_data`) names
    here what may be varied and how, and the engine recomputes its ER through the same
    equations with the quantity lower and higher.

    Parameters
    ----------
    name : str
        Key in the estimate's JSON (``cohort_areas``).
    symbol : str
        The symbol of the quantity (``A_c``).
    unit : str
        Its unit.
    description_en, description_zh : str
        What it is, for the documents.
    scaled : callable
        ``scaled(factor)``: the plug-in's ex-ante data with this quantity times ``factor``.
    """

    name: str
    symbol: str
    unit: str
    description_en: str
    description_zh: str
    scaled: Callable[[float], ProjectData]
