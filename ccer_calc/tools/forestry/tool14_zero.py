"""AR-TOOL14 v04.2 section 5 and section 6.4: when a stock or a change may be taken as zero.

Each function takes the facts a project demonstrates (documentary evidence, participatory
rural appraisal, remote sensing) and returns a :class:`~._common.RuleCheck` naming the
paragraph, the sub-conditions that hold and those that do not, and one sentence saying which
condition was used. Nothing here decides on the evidence itself.

* para. 11: baseline tree stock zero only if (a), (b) and (c) all hold;
* para. 12: baseline changes in trees and shrubs zero if one or more of (a)-(g) hold;
* para. 13: ex-ante project shrub change may be zero;
* paras. 26-27 (and para. 57 for shrubs): "no decrease" ex-post, if (a), (b) and (c) all hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from ccer_calc.errors import InputError
from ccer_calc.tools.forestry._common import TOOL14, RuleCheck

__all__ = [
    "BASELINE_CHANGE_INDICATORS",
    "baseline_change_is_zero",
    "baseline_tree_stock_is_zero",
    "ex_ante_project_shrub_change_is_zero",
    "no_decrease",
]

#: Para. 12 indicators (a)-(g), by letter.
BASELINE_CHANGE_INDICATORS: dict[str, str] = {
    "a": "observed reduction in topsoil depth",
    "b": "gully, sheet or rill erosion, landslides or other mass-movement erosion",
    "c": "plant species locally known to indicate infertile land",
    "d": "bare sand dunes or other bare land",
    "e": "contaminated soils, mine spoils, or highly alkaline or saline soils",
    "f": "periodic cycles (slash-and-burn, clearing-regrowing) of the baseline biomass",
    "g": "conditions (a), (b) and (c) of paragraph 11 apply",
}


def _all_of(rule: str, what: str, facts: Mapping[str, bool]) -> RuleCheck:
    met = tuple(k for k, v in facts.items() if v)
    not_met = tuple(k for k, v in facts.items() if not v)
    if not_met:
        reason = f"{what} not accounted as zero: condition(s) {', '.join(not_met)} not met"
    else:
        reason = f"{what} accounted as zero: conditions {', '.join(met)} all met"
    return RuleCheck(not not_met, rule, met, not_met, reason)


def baseline_tree_stock_is_zero(
    *, not_removed: bool, no_mortality_or_damage: bool, monitored_not_inventoried: bool
) -> RuleCheck:
    """Para. 11: the baseline tree carbon stock may be accounted as zero.

    Parameters
    ----------
    not_removed : bool
        (a) pre-project trees are not harvested, cleared or removed in the crediting period.
    no_mortality_or_damage : bool
        (b) they suffer no mortality from competition with planted trees, nor damage from the
        project, at any time of the crediting period.
    monitored_not_inventoried : bool
        (c) they are not inventoried with the project trees, but their continued existence is
        monitored throughout the crediting period.

    Examples
    --------
    >>> baseline_tree_stock_is_zero(not_removed=True, no_mortality_or_damage=True,
    ...                             monitored_not_inventoried=False).reason
    'baseline tree stock not accounted as zero: condition(s) c not met'
    """
    return _all_of(f"{TOOL14} para. 11", "baseline tree stock",
                   {"a": not_removed, "b": no_mortality_or_damage,
                    "c": monitored_not_inventoried})


def baseline_change_is_zero(indicators: Mapping[str, bool]) -> RuleCheck:
    """Para. 12: baseline changes in tree and shrub carbon may be accounted as zero.

    Parameters
    ----------
    indicators : mapping of str to bool
        Which of the indicators (a)-(g) of :data:`BASELINE_CHANGE_INDICATORS` the project
        demonstrates; one is enough (v04.2 corrected "the following" to "one or more").

    Examples
    --------
    >>> check = baseline_change_is_zero({"b": True, "d": False})
    >>> check.applies, check.met, check.reason
    (True, ('b',), 'baseline changes in trees and shrubs accounted as zero: indicator(s) b')
    """
    unknown = sorted(set(indicators) - set(BASELINE_CHANGE_INDICATORS))
    if unknown:
        raise InputError("unknown indicator of AR-TOOL14 para. 12", field="indicators",
                         value=unknown, expected="letters a to g")
    met = tuple(sorted(k for k, v in indicators.items() if v))
    not_met = tuple(sorted(k for k, v in indicators.items() if not v))
    what = "baseline changes in trees and shrubs"
    reason = (f"{what} accounted as zero: indicator(s) {', '.join(met)}" if met
              else f"{what} not accounted as zero: no indicator of para. 12 demonstrated")
    return RuleCheck(bool(met), f"{TOOL14} para. 12", met, not_met, reason)


def ex_ante_project_shrub_change_is_zero(*, ex_ante: bool) -> RuleCheck:
    """Para. 13: for ex-ante estimation the project shrub change may be taken as zero.

    Examples
    --------
    >>> ex_ante_project_shrub_change_is_zero(ex_ante=False).applies
    False
    """
    reason = ("ex-ante project shrub change accounted as zero" if ex_ante
              else "para. 13 is for ex-ante estimation only; ex-post shrub change is estimated")
    return RuleCheck(ex_ante, f"{TOOL14} para. 13", ("ex-ante",) if ex_ante else (),
                     () if ex_ante else ("ex-ante",), reason)


def no_decrease(
    *, no_harvest: bool, no_disturbance: bool, crown_cover_not_decreased: bool,
    shrubs: bool = False,
) -> RuleCheck:
    """Paras. 26-27 (trees) or para. 57 (shrubs): change since the last verification is zero.

    Applicable ex-post only, stratum by stratum.

    Parameters
    ----------
    no_harvest : bool
        (a) no harvest in the stratum since the previous verification.
    no_disturbance : bool
        (b) no disturbance (pest, fire...) that would decrease the carbon stock.
    crown_cover_not_decreased : bool
        (c) remote sensing or inventory data show the crown cover has not decreased.
    shrubs : bool
        Apply the test to shrubs (para. 57, mutatis mutandis) instead of trees.

    Examples
    --------
    >>> no_decrease(no_harvest=True, no_disturbance=True, crown_cover_not_decreased=True).rule
    'AR-TOOL14 v04.2 paras. 26-27'
    """
    rule = f"{TOOL14} para. 57" if shrubs else f"{TOOL14} paras. 26-27"
    what = "change in shrub carbon" if shrubs else "change in tree carbon"
    return _all_of(rule, what, {"a": no_harvest, "b": no_disturbance,
                                "c": crown_cover_not_decreased})
