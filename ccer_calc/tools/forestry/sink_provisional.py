"""Pool choices of a provisional CCER sink plug-in, as named, overridable parameters.

The CCER texts CCER-14-001-V01 and CCER-14-002-V01 were not available; their CDM parents
(AR-ACM0003 v02.0 Table 1, AR-AM0014 v03.0 Table 1) account tree and shrub biomass always and
let the project select dead wood, litter (AR-ACM0003 only) and SOC. The CCER text may decide
otherwise, so each pool other than trees is a provisional flag ``account_<pool>``: 1 (the
parent's choice) accounts the pool as the parent does, 0 leaves it out, its change zero with
the flag named as the reason. A flag is 0 or 1, nothing in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ccer_calc.bounds import FLAG
from ccer_calc.methodology import ProvisionalRule
from ccer_calc.parameters import Parameter
from ccer_calc.tools.forestry.sink import zero_on_axis

if TYPE_CHECKING:
    import pint

    from ccer_calc.methodology import Context
    from ccer_calc.parameters import Value

__all__ = ["OPTIONAL_POOLS", "accounted", "baseline_rule", "flag_on", "numbering_rules",
           "pool_flag", "pool_flags", "selected_pools", "unless_accounted"]

#: The pools a flag may leave out, with their names in English and Chinese.
OPTIONAL_POOLS: dict[str, tuple[str, str]] = {
    "shrubs": ("shrub biomass", "灌木生物量"),
    "dead_wood": ("dead wood", "枯死木"),
    "litter": ("litter", "枯落物"),
    "soc": ("soil organic carbon", "土壤有机碳"),
}


def pool_flags(provisional: str, parent: str, pools: tuple[str, ...]) -> tuple[Parameter, ...]:
    """One flag per pool: default 1, the parent's accounting (its Table 1), overridable."""
    out = []
    for pool in pools:
        en, zh = OPTIONAL_POOLS[pool]
        rule = ("always accounted" if pool == "shrubs"
                else "optional, accounted when the project selects it (inputs.pools / "
                     "inputs.soc)")
        out.append(Parameter(
            f"account_{pool}", f"f_{pool.upper()}", "dimensionless",
            f"是否计入{zh}碳库（1计入，0不计）",
            f"whether the {en} pool is accounted (1 as the parent, 0 left out)",
            f"{provisional}; {parent} Table 1: {en} {rule}", "fixed", default=1.0,
            overridable=True, bounds=FLAG, provisional=True))
    return tuple(out)


def baseline_rule(provisional: str, parent: str, paragraph: str) -> ProvisionalRule:
    """The provisional rule ``baseline``: the parent's two ways (AR-TOOL14 para. 12, eq. 9-10)."""
    return ProvisionalRule("baseline", "baseline changes zero under AR-TOOL14 para. 12, or by "
                           "proportionate crown cover (eq. 9-10)",
                           "基线碳储量变化按AR-TOOL14第12段取零，或按树冠覆盖度比例法（式9-10）",
                           f"{provisional}, {parent} {paragraph}")


def numbering_rules(provisional: str, numbers: str, credit_equations: str
                    ) -> tuple[ProvisionalRule, ProvisionalRule]:
    """The rules ``equation_numbers`` (the parent's, as prov. ``numbers``) and ``units_issued``.

    ``numbers`` is the range of the parent's equations kept (``"(1)-(5)"``);
    ``credit_equations`` its tCER/lCER equations that ordinary CCER units leave out
    (``"6-7"``).
    """
    return (
        ProvisionalRule("equation_numbers", f"the parent's equation numbers, as prov. {numbers}",
                        f"沿用母方法学公式编号，记为 prov. {numbers}",
                        f"{provisional}, eq. {numbers}"),
        ProvisionalRule("units_issued", "ordinary CCER units: net removals per vintage, whole "
                        "tonnes rounded down; no tCER or lCER",
                        "普通CCER：按年度净碳汇量签发，向下取整至整吨；不适用 tCER/lCER",
                        f"{provisional} (its eq. {credit_equations} do not apply to permanent "
                        "units)"),
    )


def flag_on(ctx: Context, name: str) -> bool:
    """Whether the provisional flag ``parameters.<name>`` is 1.

    Its range (:data:`ccer_calc.bounds.FLAG`) refused anything but 0 or 1 when the project was
    read (``check_overrides``, for the project and each scenario), so 1 is on and 0 off.
    """
    return float(ctx.param(name).quantity.m_as("")) == 1.0


def accounted(ctx: Context, pool: str) -> bool:
    """Whether ``account_<pool>`` is 1 (as the parent) or 0."""
    return flag_on(ctx, f"account_{pool}")


def pool_flag(overrides: Mapping[str, pint.Quantity], pool: str) -> bool:
    """Whether the project's overrides leave ``pool`` accounted, before any computation.

    What :func:`accounted` reads at compute time, from the project alone (for its checks): the
    flag ``account_<pool>`` overridden to 0 leaves the pool out; not overridden it is 1, the
    parent's accounting (:func:`pool_flags`). A CDM plug-in has no flag: always accounted.
    """
    flag = overrides.get(f"account_{pool}")
    return flag is None or float(flag.m_as("")) == 1.0


def selected_pools(ctx: Context, selected: tuple[str, ...]) -> tuple[str, ...]:
    """The project's selected pools that the flags leave accounted."""
    return tuple(p for p in selected if p not in OPTIONAL_POOLS or accounted(ctx, p))


def unless_accounted(ctx: Context, pool: str, change: Value, symbol: str) -> Value:
    """``change``, or zero on the axis naming the flag when the pool is left out."""
    if accounted(ctx, pool):
        return change
    return zero_on_axis(ctx, symbol, f"{OPTIONAL_POOLS[pool][0]} not accounted: "
                                     f"parameters.account_{pool} = 0 (provisional)")
