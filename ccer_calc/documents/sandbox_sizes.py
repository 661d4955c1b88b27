"""Sizes of the strings a sandboxed template asks for, predicted before they are built.

Jinja's string filters and Python's ``%`` and ``str.format`` build their result in one step: a
check of the result's size comes too late when the result is a gigabyte (``"%0999999999d" % 1``,
``"x"|center(10**8)``). :func:`predicted` estimates, from the arguments alone, an upper bound of
the characters a call will produce, so the sandbox refuses it beforehand. ``wordwrap`` costs
time far beyond its size (Python's ``textwrap`` is quadratic on long words), so its input is
capped at :data:`WORDWRAP_INPUT_CHARS`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["WORDWRAP_INPUT_CHARS", "format_size", "predicted", "signature_of"]

#: The longest text ``wordwrap`` may wrap, characters (64 Ki: ~0.1 s at worst).
WORDWRAP_INPUT_CHARS = 64 * 1024
#: What a non-text argument of ``%`` or ``format`` may add (a float's ``%f`` is ~320 digits).
_OTHER_ARG = 400
#: A width or precision of more digits than this is refused as huge without reading it.
_MAX_DIGITS = 12
_HUGE = 10**_MAX_DIGITS

_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_BRACE = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def _number(digits: str) -> int:
    return _HUGE if len(digits) > _MAX_DIGITS else int(digits)


def _args_size(args: Any, star: bool) -> int:  # noqa: ANN401 - any %-operand
    values = args.values() if isinstance(args, Mapping) else (
        args if isinstance(args, tuple | list) else (args,))
    size = 0
    for a in values:
        if isinstance(a, str):
            size += len(a)
        elif star and isinstance(a, int) and not isinstance(a, bool):
            size += min(abs(a), _HUGE)  # a ``*`` width or precision taken from the arguments
        else:
            size += _OTHER_ARG
    return size


def format_size(fmt: str, args: Any, *, braces: bool = False) -> int:  # noqa: ANN401
    """Upper bound of ``fmt % args`` (or ``fmt.format(*args)`` with ``braces``), characters.

    Examples
    --------
    >>> format_size("%0999999999d", 1) > 999_999_999
    True
    >>> format_size("{:>50}", ("x",), braces=True) <= 100
    True
    """
    if braces:
        fields = _BRACE.findall(fmt)
        widths = sum(_number(d) for f in fields for d in re.findall(r"\d+", f.partition(":")[2]))
        star = any(f.count("{") > 1 for f in fields)
    else:
        specs = _PERCENT.findall(fmt)
        widths = sum(_number(g) for s in specs for g in s if g and g != "*")
        star = any("*" in s for s in specs)
    return len(fmt) + widths + _args_size(args, star)


def _text(value: Any) -> str:  # noqa: ANN401
    return value if isinstance(value, str) else str(value)


def _int(value: Any, default: int = 0) -> int:  # noqa: ANN401
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _replace(a: Mapping[str, Any]) -> int:
    s, old, new = _text(a["s"]), _text(a["old"]), _text(a["new"])
    n = s.count(old) if old else len(s) + 1
    count = a.get("count")
    if isinstance(count, int) and count >= 0:
        n = min(n, count)
    return len(s) + n * max(0, len(new) - len(old))


def _indent(a: Mapping[str, Any]) -> int:
    s, width = _text(a["s"]), a.get("width", 4)
    step = len(width) if isinstance(width, str) else _int(width, 4)
    return len(s) + (s.count("\n") + 1) * max(step, 0)


def _wordwrap(a: Mapping[str, Any]) -> int:
    s = _text(a["s"])
    if len(s) > WORDWRAP_INPUT_CHARS:
        return -len(s)  # negative: the input itself is refused
    wrap = a.get("wrapstring") or "\n"
    return len(s) + (len(s) // max(_int(a.get("width", 79), 79), 1) + 1) * len(_text(wrap))


def _truncate(a: Mapping[str, Any]) -> int:
    s = _text(a["s"])
    length = _int(a.get("length", 255), 255) + max(_int(a.get("leeway")), 5)
    return min(len(s), max(length, 0)) + len(_text(a.get("end", "...")))


_RULES: dict[str, Callable[[Mapping[str, Any]], int]] = {
    "center": lambda a: max(len(_text(a["value"])), _int(a.get("width", 80), 80)),
    "format": lambda a: format_size(_text(a["value"]), a.get("kwargs") or a.get("args", ())),
    "indent": _indent,
    "replace": _replace,
    "truncate": _truncate,
    "wordwrap": _wordwrap,
}


def signature_of(func: Callable[..., Any]) -> inspect.Signature | None:
    """The signature to bind a filter's arguments to, if a size rule applies to it."""
    try:
        return inspect.signature(func)
    except (TypeError, ValueError):
        return None


def predicted(name: str, sig: inspect.Signature | None, args: tuple[Any, ...],
              kwargs: dict[str, Any]) -> int | None:
    """Upper bound of the characters filter ``name`` will produce (None: no rule applies).

    A negative number means the *input* is too long for the filter (``wordwrap``).
    """
    rule = _RULES.get(name)
    if rule is None or sig is None:
        return None
    try:
        bound = sig.bind(*args, **kwargs)
    except TypeError:
        return None  # the filter itself will refuse the call
    return rule(bound.arguments)
