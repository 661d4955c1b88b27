"""Optional extras: import one, or say which extra to install."""

from __future__ import annotations

from types import ModuleType

from ccer_calc.errors import CcerError

__all__ = ["require"]


def require(module: str, *, extra: str, field: str) -> ModuleType:
    """Import a top-level module of an optional extra.

    Raises
    ------
    CcerError
        If it cannot be imported, naming the field, the module and ``pip install
        'ccer-calc[<extra>]'``.
    """
    try:
        return __import__(module)  # through builtins.__import__, as ``import x`` would
    except ImportError as exc:
        raise CcerError(f"{module} is not available ({type(exc).__name__}: {exc})",
                        field=field,
                        expected=f"the {extra} extra: pip install 'ccer-calc[{extra}]'") from None
