"""The fingerprint: sha256 over canonical inputs, methodology and engine versions.

The same project, methodology version, plug-in distribution and engine version give the same
fingerprint on any machine; numpy and pint versions are reported in the result but not hashed,
since they do not change a correct number.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from ccer_calc.result import canonical_json

if TYPE_CHECKING:
    import datetime as dt

    from ccer_calc.methodology import Methodology
    from ccer_calc.project import Project

__all__ = ["fingerprint", "fingerprint_inputs"]


def fingerprint(inputs: dict[str, Any], versions: dict[str, str]) -> str:
    """Hex sha256 of the canonical JSON of inputs and versions.

    Examples
    --------
    The hash is taken over compact, key-sorted JSON:

    >>> import hashlib
    >>> fp = fingerprint({"a": 1}, {"engine": "0"})
    >>> canonical = b'{"inputs":{"a":1},"versions":{"engine":"0"}}'
    >>> fp == "sha256:" + hashlib.sha256(canonical).hexdigest()
    True
    """
    payload = canonical_json({"inputs": inputs, "versions": versions}, indent=None)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def fingerprint_inputs(
    project: Project,
    methodology: Methodology,
    *,
    as_of: dt.date | None,
    data_tables: dict[str, str],
    applied: list[dict[str, Any]],
) -> dict[str, Any]:
    """Everything that can change a number, as canonical plain data for the fingerprint.

    The project's canonical inputs (:meth:`Project.canonical`) with its parameter overrides
    in the parameters' own units (``850 kg CO2/MWh`` and ``0.85 t CO2/MWh`` are one input),
    the ``as_of`` date, the sha256 of every bundled data table used, and the value of every
    fixed and published parameter applied.
    """
    from ccer_calc.units import parse_unit, to_unit  # noqa: PLC0415 - the module stays light

    inputs = project.canonical()
    overrides = {}
    for name, q in project.overrides.items():
        unit = methodology.parameters[name].unit
        overrides[name] = {"value": float(to_unit(q, parse_unit(unit)).magnitude), "unit": unit}
    inputs["parameters"] = overrides
    inputs["as_of"] = None if as_of is None else as_of.isoformat()
    inputs["data_tables"] = data_tables
    inputs["parameters_applied"] = [{k: p[k] for k in ("name", "unit", "value", "origin")}
                                    for p in applied]
    return inputs
