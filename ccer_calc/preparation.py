"""A project made ready for its methodology's stages: the first half of a computation.

:func:`ccer_calc.api.compute_on_axis` is :func:`prepare`, the methodology's ``compute`` run on
the prepared :class:`~ccer_calc.methodology.Context`, and :func:`ccer_calc.api.finish`. The
batch worker keeps the halves apart to evaluate the stages of several projects at once
(:mod:`ccer_calc.stacking`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import ApplicabilityError, InputError
from ccer_calc.methodology import CheckResult, Context
from ccer_calc.periods import assign_rows, segments_of
from ccer_calc.registry import default_registry
from ccer_calc.rules import programme_rules
from ccer_calc.trail import Trail

if TYPE_CHECKING:
    import datetime as dt

    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project
    from ccer_calc.registry import Registry

__all__ = ["Prepared", "prepare", "prepare_compute"]


@dataclass
class Prepared:
    """A project made ready for its methodology's stages (see :func:`prepare`).

    ``context`` is what :meth:`Methodology.compute` is handed (its trail still empty);
    ``tables`` records the bundled data tables the computation uses, across its steps;
    ``plugin`` is the plug-in's distribution and version.
    """

    context: Context
    described: Project
    checks: list[CheckResult]
    plugin: str
    tables: dict[str, str] = field(default_factory=dict)
    fingerprint_extra: dict[str, Any] | None = None


def prepare(
    axis: Project,
    described: Project,
    m: Methodology,
    reg: Registry,
    *,
    as_of: dt.date | None,
    ex_ante: bool = False,
    fingerprint_extra: dict[str, Any] | None = None,
) -> Prepared:
    """Rules and applicability checks, rows, segments and an empty trail on ``axis``.

    The arguments are those of :func:`ccer_calc.api.compute_on_axis`.

    Raises
    ------
    ApplicabilityError
        If an applicability condition or a management-measure rule fails (all are listed).
    """
    info = reg.info(m.id)
    checks = programme_rules(axis, m, ex_ante=ex_ante) + [c.run(axis) for c in m.checks]
    failed = [c for c in checks if not c.passed]
    if failed:
        raise ApplicabilityError(
            "; ".join(f"{c.name} failed: {c.reason} ({c.source})" for c in failed),
            methodology=m.id)
    row_period = assign_rows(axis.table, axis.periods)
    seg = segments_of(axis.table, row_period)
    trail = Trail(axis=seg.labels())
    return Prepared(Context(axis, seg, trail, m, as_of, ex_ante), described, checks,
                    f"{info.distribution} {info.distribution_version}",
                    fingerprint_extra=fingerprint_extra)


def prepare_compute(
    project: Project, *, registry: Registry | None = None, as_of: dt.date | None = None
) -> Prepared:
    """:func:`ccer_calc.api.compute` up to the stages: :func:`prepare` on the monitoring data.

    Raises
    ------
    InputError
        For a project without monitoring data; otherwise what :func:`prepare` raises.
    """
    if project.spec.monitoring is None:
        raise InputError("the project has no monitoring data, which compute needs",
                         field="monitoring", expected="[monitoring] periods and data; for the "
                         "reductions expected ex ante, use estimate (ccer-calc estimate)")
    reg = registry if registry is not None else default_registry()
    return prepare(project, project, reg.get(project.methodology_id), reg, as_of=as_of)
