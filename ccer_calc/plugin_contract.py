"""The plug-in contract, checked when the registry loads a plug-in.

:func:`validate_methodology` refuses an object that is not a
:class:`~ccer_calc.methodology.Methodology`, lacks a declaration, declares another id, programme
or accounting than it may, or lists equations without ``@equation`` metadata, with a repeated
id, or from a document it does not declare (the trail cites only the methodology's own
document and its declared tools).
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from ccer_calc.errors import PluginError
from ccer_calc.fields import unknown_units
from ccer_calc.methodology import ACCOUNTS, Methodology
from ccer_calc.parameters import ParameterSet

__all__ = ["validate_methodology"]

_REQUIRED = ("id", "version", "title_zh", "title_en", "sector", "status", "source",
             "programme", "document", "parameters", "input_model", "monitored_columns",
             "checks", "equations", "example")


#: What a quantity field's declared unit must be.
_UNITS = "units ccer_calc.units parses (MWh, t CO2/MWh, GJ/万Nm3, ...)"


def validate_methodology(obj: object, name: str, distribution: str) -> Methodology:
    """Check a loaded plug-in object against the contract.

    Raises
    ------
    PluginError
        Naming the plug-in, its distribution and what is wrong.
    """
    def fail(problem: str, expected: str | None = None) -> PluginError:
        return PluginError(f"plug-in from distribution {distribution!r} {problem}",
                           methodology=name, expected=expected)

    if not isinstance(obj, Methodology):
        raise fail(f"is a {type(obj).__name__}, not a ccer_calc Methodology instance")
    missing = [a for a in _REQUIRED if not hasattr(obj, a)]
    if missing:
        raise fail("lacks " + ", ".join(missing))
    if obj.id != name:
        raise fail(f"declares id {obj.id!r} but is registered as {name!r}")
    if obj.programme not in ("CCER", "CDM"):
        raise fail(f"declares programme {obj.programme!r}; expected 'CCER' or 'CDM'")
    if obj.accounts not in ACCOUNTS:
        raise fail(f"declares accounts {obj.accounts!r}; expected one of {', '.join(ACCOUNTS)}")
    if obj.provisional and not obj.status.startswith("provisional"):
        raise fail(f"has provisional values ({', '.join(obj.provisional)}) but its status "
                   f"{obj.status!r} does not start with 'provisional'")
    if not isinstance(obj.parameters, ParameterSet):
        raise fail("declares parameters that are not a ParameterSet")
    _validate_models(obj, fail)
    kind = type(obj)
    if kind.stage_key is not Methodology.stage_key and (
            kind.gather is Methodology.gather or kind.stages is Methodology.stages):
        raise fail("declares a stage_key but not its gather and stages (see "
                   "Methodology.stage_key)")
    _validate_equations(obj, fail)
    return obj


def _validate_models(m: Methodology, fail: Callable[..., PluginError]) -> None:
    """Inputs and expected models: pydantic models with known units; the columns' note."""
    if not (isinstance(m.input_model, type) and issubclass(m.input_model, BaseModel)):
        raise fail("declares an input_model that is not a pydantic model")
    own = m.expected_model
    if own is not None and not (isinstance(own, type) and issubclass(own, BaseModel)):
        raise fail("declares an expected_model that is not a pydantic model")
    for what, model in (("input", m.input_model), ("expected", own)):
        unknown = [] if model is None else unknown_units(model)
        if unknown:
            raise fail(f"declares {what} fields in unknown units: " + "; ".join(unknown),
                       expected=_UNITS)
    if type(m).monitored_columns_for is not Methodology.monitored_columns_for and (
            m.columns_per_project is None):
        raise fail("overrides monitored_columns_for but leaves columns_per_project None",
                   expected="columns_per_project saying how the columns depend on the project "
                            "(the schema and show print it)")


def _validate_equations(m: Methodology, fail: Callable[[str], PluginError]) -> None:
    """Every equation decorated, with a unique id and a document the methodology declares."""
    documents = {m.document, *m.tool_documents}
    seen: set[str] = set()
    for eq in m.equations:
        if not hasattr(eq, "meta"):
            raise fail(f"lists {eq!r} as an equation without @equation metadata")
        if eq.meta.id in seen:
            raise fail(f"lists two equations with the id {eq.meta.id!r}; ids must be unique "
                       "within a methodology")
        seen.add(eq.meta.id)
        if eq.meta.document not in documents:
            raise fail(f"lists equation {eq.meta.id!r} of document {eq.meta.document!r}, "
                       f"which is neither its own document nor a declared tool document "
                       f"({', '.join(sorted(documents))})")

