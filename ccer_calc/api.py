"""The library API: load a project, compute it, list methodologies.

Nothing here prints, writes files or keeps global mutable state; errors are
:class:`~ccer_calc.errors.CcerError` subclasses.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import platform
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pint

from ccer_calc.datatables import recording, use_table_key
from ccer_calc.errors import InputError, PluginError, UnitError
from ccer_calc.fingerprint import fingerprint, fingerprint_inputs
from ccer_calc.io.files import MemoryFiles
from ccer_calc.io.projectfile import build_project, read_project_file
from ccer_calc.io.sources import monitoring_source
from ccer_calc.methodology import Methodology, PeriodFigure, Stages
from ccer_calc.periods import Segments
from ccer_calc.preparation import Prepared, prepare, prepare_compute
from ccer_calc.project import Project
from ccer_calc.registry import Registry, default_registry
from ccer_calc.result import (
    KEYS,
    PeriodResult,
    Result,
    VintageResult,
    issuable_by_vintage,
    negative_vintage_warnings,
    provisional_warning,
)
from ccer_calc.trail import Trail
from ccer_calc.units import parse_unit, to_unit

__all__ = [
    "compute",
    "compute_on_axis",
    "engine_version",
    "fingerprint_inputs",
    "finish",
    "get_methodology",
    "list_methodologies",
    "load_project",
    "project_from_dict",
    "run_prepared",
]

_CO2E = parse_unit("t CO2e")


@functools.cache
def engine_version() -> str:
    """The installed version of ccer-calc (read once per process)."""
    try:
        return metadata.version("ccer-calc")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def _registry(registry: Registry | None) -> Registry:
    return registry if registry is not None else default_registry()


def get_methodology(methodology_id: str, *, registry: Registry | None = None) -> Methodology:
    """Load one methodology plug-in by id (``CCER-01-002-V01``)."""
    return _registry(registry).get(methodology_id)


def list_methodologies(*, registry: Registry | None = None,
                       load: bool = True) -> list[dict[str, Any]]:
    """Identity of every installed methodology; a broken plug-in is listed with its error.

    With ``load=False`` only each plug-in's light ``INFO`` is read (fast, but a plug-in that
    fails only when loaded in full is not detected).
    """
    return _registry(registry).describe_all(load=load)


def project_from_dict(
    data: dict[str, Any],
    *,
    base_dir: Path | None = None,
    registry: Registry | None = None,
    allow_outside: bool = False,
    monitoring: object = None,
    read_files: bool = True,
    files: Mapping[str, bytes | str] | MemoryFiles | None = None,
) -> Project:
    """Validate plain project data (as parsed from JSON or TOML) into a Project.

    Parameters
    ----------
    data : dict
        The project as plain data (the shape of a project file).
    base_dir : Path, optional
        Files the data name are read from here (the working folder by default) and must lie
        in it unless ``allow_outside`` (see :mod:`ccer_calc.io.files`).
    registry : Registry, optional
        Where to find the methodology; the installed plug-ins by default.
    allow_outside : bool
        Let the project name files outside ``base_dir`` (trusted use only).
    monitoring : DataFrame, mapping of arrays, or MonitoringSource, optional
        The monitored rows held in memory instead of ``monitoring.data`` or a file: a pandas
        DataFrame with units in its column names (``"export [MWh]"``) or in
        ``attrs["units"]``, a mapping of column name to a pint Quantity over a numpy array, or
        a :class:`~ccer_calc.io.sources.MonitoringSource` (see :mod:`ccer_calc.io.sources`).
    read_files : bool
        ``False`` refuses every file the data name (what a service does with a project sent
        to it).
    files : mapping of str to bytes or str, optional
        The files the data name (inventories, a monitoring CSV or workbook), in memory, by
        the names the data give them (``{"strata.csv": b"..."}``); bytes are decoded as a
        file on disk would be, text is taken as it is. Nothing is then read from disk: a name
        is only a key, never a path (``base_dir``, ``allow_outside`` and ``read_files`` are
        not used). A name the data give that is not in ``files``, and a file in ``files``
        the project does not read, are refused.

    Raises
    ------
    InputError, UnitError, MethodologyNotFound
        On anything missing, unreadable, out of range or inconsistent, naming the field.

    Examples
    --------
    >>> from importlib import resources
    >>> from ccer_calc.io.projectfile import read_project_file
    >>> folder = resources.files("methodologies.ar_am0014").joinpath("data")
    >>> data = read_project_file(Path(str(folder.joinpath("example.toml"))))
    >>> names = ["strata.csv", "species.csv", "plots_2018.csv", "trees_2018.csv",
    ...          "plots_2023.csv", "trees_2023.csv"]
    >>> sent = {n: folder.joinpath(n).read_bytes() for n in names}
    >>> project = project_from_dict(data, files=sent)
    >>> project.methodology_id
    'AR-AM0014'
    """
    source = None if monitoring is None else monitoring_source(monitoring)
    memory = files if isinstance(files, MemoryFiles) or files is None else MemoryFiles(files)
    return build_project(data, _methodology_of(data, registry), base_dir, None,
                         allow_outside=allow_outside, monitoring=source, read_files=read_files,
                         memory=memory)


def _methodology_of(data: Any, registry: Registry | None) -> Methodology:  # noqa: ANN401
    """The plug-in that plain project data name."""
    mid = data.get("methodology") if isinstance(data, dict) else None
    if not isinstance(mid, str):
        raise InputError("missing methodology id", field="methodology",
                         expected="e.g. methodology = \"CCER-01-002-V01\"")
    return get_methodology(mid, registry=registry)


def load_project(
    path: str | Path, *, registry: Registry | None = None, allow_outside: bool = False
) -> Project:
    """Read and validate a project file (TOML or JSON) and the monitoring data it names.

    Parameters
    ----------
    path : str or Path
        The project file (UTF-8, UTF-16 or GB18030/GBK; see :mod:`ccer_calc.io.files`).
    registry : Registry, optional
        Where to find the methodology; the installed plug-ins by default.
    allow_outside : bool
        Let the project name files outside its own folder (trusted use only). Non-regular
        files (devices, FIFOs) are refused either way.

    Raises
    ------
    InputError, UnitError, MethodologyNotFound
        On anything unreadable, out of range or inconsistent, naming the field.
    """
    p = Path(path)
    data = read_project_file(p)  # checked for nesting and control characters as it is parsed
    return build_project(data, _methodology_of(data, registry), p.parent, p,
                         allow_outside=allow_outside, checked=True)


def _check_declared(trail: Trail, m: Methodology) -> None:
    """Every equation the trail records is one the methodology lists in ``equations``.

    What a plug-in declares is what its description, schema and documents list; an equation
    evaluated without being declared would reach the trail unannounced.

    Raises
    ------
    PluginError
        Naming the first undeclared equation id and the methodology.
    """
    declared = _declared_ids(tuple(m.equations))
    for entry in trail.entries:
        if entry.equation not in declared:
            raise PluginError(
                f"evaluated equation {entry.equation!r} ({entry.source}), which the "
                "methodology does not declare in its equations",
                methodology=m.id, expected="every evaluated equation listed in the "
                                           "plug-in's equations")


@functools.lru_cache(maxsize=64)
def _declared_ids(equations: tuple[Any, ...]) -> frozenset[str]:
    """The ids of a methodology's equations, built once per tuple (not once per project)."""
    return frozenset(e.meta.id for e in equations)


def _check_stages(stages: Stages, shape: tuple[int, ...], mid: str) -> None:
    for key in KEYS:
        v = getattr(stages, key)
        if v.quantity.dimensionality != _CO2E.dimensionality:
            raise UnitError(f"methodology returned {key} in the wrong unit", field=key,
                            value=f"{v.quantity.units:~}", expected="t CO2e", methodology=mid)
        if np.shape(v.quantity.magnitude) != shape:
            raise PluginError(f"methodology returned {key} of shape "
                              f"{np.shape(v.quantity.magnitude)}, expected {shape}",
                              methodology=mid)


def _in_co2e(stages: Stages) -> dict[str, np.ndarray]:
    """The four reported quantities along the axis, in t CO2e (converted once)."""
    with np.errstate(all="ignore"):  # an overflow gives inf, refused by the caller
        return {k: np.asarray(to_unit(getattr(stages, k).quantity, _CO2E).magnitude,
                              dtype=np.float64) for k in KEYS}


def _sums(mags: dict[str, np.ndarray], index: np.ndarray, n: int) -> dict[str, np.ndarray]:
    with np.errstate(all="ignore"):  # an overflow gives inf, refused by the caller
        return {k: np.bincount(index, weights=mags[k], minlength=n) for k in KEYS}


def _vintages(stages: dict[str, np.ndarray], seg: Segments, ex_ante: bool
              ) -> list[VintageResult]:
    # segments run in time order, so the years are sorted: their distinct values are where
    # the year changes (np.unique would import numpy.ma, a fifth of a start-up)
    change = np.ones(seg.year.shape, dtype=bool)
    change[1:] = seg.year[1:] != seg.year[:-1]
    years = seg.year[change]
    pos = np.cumsum(change) - 1
    sums = _sums(stages, pos, years.size)
    issuance = issuable_by_vintage([float(x) for x in sums["emission_reductions"]])
    out = []
    for i, y in enumerate(years.tolist()):
        split_here = bool(np.any((seg.year == y) & (seg.fraction < 1.0)))
        rule = ("expected values of the year's part of the crediting period" if ex_ante
                else "pro rata by days for monitored rows spanning 1 January"
                if split_here else "monitored data dated within the year")
        out.append(VintageResult(int(y), {k: float(sums[k][i]) for k in KEYS}, rule,
                                 netted=issuance[i][1]))
    return out


def compute(
    project: Project, *, registry: Registry | None = None, as_of: dt.date | None = None
) -> Result:
    """Compute BE, PE, LE and ER of a project for every monitoring period and vintage.

    Parameters
    ----------
    project : Project
        A validated project (:func:`load_project`, :func:`project_from_dict`).
    registry : Registry, optional
        Where to find the methodology; the installed plug-ins by default.
    as_of : datetime.date, optional
        Date of verification: published factors released after it are not used.

    Returns
    -------
    Result
        Per period, per vintage, totals, checks, trail and fingerprint; ``as_of`` and the
        bundled data tables used (with their sha256) are recorded and fingerprinted.

    Raises
    ------
    ApplicabilityError
        If an applicability condition or a management-measure rule fails (all are listed).
    InputError, UnitError, DataNotFound
        On bad monitoring data or missing factors; a project without monitoring data (only
        expected values: see :func:`ccer_calc.estimate`).
    """
    return run_prepared(prepare_compute(project, registry=registry, as_of=as_of))


def run_prepared(p: Prepared) -> Result:
    """A prepared project's stages (:meth:`Methodology.compute`), then :func:`finish`."""
    with recording(p.tables):
        stages = p.context.methodology.compute(p.context)
    return finish(p, stages)


def compute_on_axis(
    axis: Project,
    described: Project,
    m: Methodology,
    reg: Registry,
    *,
    as_of: dt.date | None,
    ex_ante: bool = False,
    fingerprint_extra: dict[str, Any] | None = None,
) -> Result:
    """Run the rules and the methodology on a project's period axis: :func:`compute`'s body.

    ``axis`` supplies the periods and rows the equations run along (the monitoring data, or
    ex ante the crediting period's calendar years and the expected values); ``described`` is
    the project as loaded, whose inputs the fingerprint covers, with ``fingerprint_extra``
    (``{"computation": "estimate"}``). It is :func:`prepare`, the methodology's ``compute``
    and :func:`finish`.
    """
    return run_prepared(prepare(axis, described, m, reg, as_of=as_of, ex_ante=ex_ante,
                                fingerprint_extra=fingerprint_extra))


def finish(p: Prepared, stages: Stages) -> Result:
    """The second half of :func:`compute_on_axis`: checks, sums, vintages, fingerprint.

    Raises
    ------
    PluginError, UnitError
        If the methodology evaluated an equation it does not declare, or returned stages of
        the wrong unit or shape.
    InputError
        If a result is not a finite number.
    """
    ctx = p.context
    m, axis, seg, as_of = ctx.methodology, ctx.project, ctx.segments, ctx.as_of
    periods = axis.periods
    with recording(p.tables):
        used = _applied_parameters(m, axis)
    _check_declared(ctx.trail, m)
    _check_stages(stages, seg.year.shape, m.id)
    mags = _in_co2e(stages)
    per = _sums(mags, seg.period, len(periods))
    period_results = [
        PeriodResult(q.id, q.start.isoformat(), q.end.isoformat(),
                     {k: float(per[k][i]) for k in KEYS}) for i, q in enumerate(periods)]
    for pr in period_results:
        if not all(math.isfinite(v) for v in pr.values.values()):
            raise InputError("a result is not a finite number", field=f"period {pr.id}")
    versions = {"engine": engine_version(), "methodology": f"{m.id}",
                "methodology_version": m.version, "plugin": p.plugin}
    vintages = _vintages(mags, seg, ctx.ex_ante)
    data_tables = dict(sorted(p.tables.items()))
    inputs = fingerprint_inputs(p.described, m, as_of=as_of, data_tables=data_tables,
                                applied=used)
    inputs.update(p.fingerprint_extra or {})
    spec = p.described.spec
    provisional = m.provisional_values(axis.overrides)
    warnings = negative_vintage_warnings(vintages)
    if provisional:
        warnings.insert(0, provisional_warning(m.id, m.status, provisional))
    return Result(
        project={"name": spec.name, "project_id": spec.project_id,
                 "owner": spec.owner, "province": spec.province},
        methodology={"id": m.id, "version": m.version, "title_zh": m.title_zh,
                     "title_en": m.title_en, "accounts": m.accounts, "status": m.status},
        periods=period_results,
        vintages=vintages,
        checks=p.checks,
        parameters=used,
        trail=ctx.trail,
        fingerprint=fingerprint(inputs, versions),
        versions={**versions, "numpy": np.__version__, "pint": str(pint.__version__),
                  "python": platform.python_version()},
        warnings=warnings,
        as_of=None if as_of is None else as_of.isoformat(),
        data_tables=data_tables,
        provisional=provisional,
        period_figures=[_figure(f, period_results) for f in stages.per_period],
    )


def _figure(f: PeriodFigure, periods: list[PeriodResult]) -> dict[str, Any]:
    """A per-period figure as plain data, its values keyed by period id."""
    if len(f.values) != len(periods) or not all(math.isfinite(v) for v in f.values):
        raise InputError("a per-period figure is not one finite number per period",
                         field=f.name, value=len(f.values), expected=f"{len(periods)} values")
    return {"name": f.name, "symbol": f.symbol, "equation": f.equation, "unit": f.unit,
            "description_en": f.description_en, "description_zh": f.description_zh,
            "note_en": f.note_en, "note_zh": f.note_zh,
            "values": [{"period": p.id, "value": v} for p, v in zip(periods, f.values,
                                                                   strict=True)]}


def _applied_parameters(m: Methodology, project: Project) -> list[dict[str, Any]]:
    """Fixed and published parameters with the value applied; registers their source tables."""
    used = []
    for p in m.parameters:
        if p.kind in ("fixed", "published") and (p.default is not None
                                                 or p.name in project.overrides):
            v = m.parameters.value(p.name, project.overrides, methodology=m.id)
            if p.table is not None and v.origin != "project":
                use_table_key(p.table)
            used.append({"name": p.name, "symbol": p.symbol, "unit": p.unit,
                         "value": float(v.quantity.magnitude), "origin": v.origin,
                         "source": v.ref})
    return used

