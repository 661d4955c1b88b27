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

from ccer_calc.errors import TemplateError

__all__ = ["WORDWRAP_INPUT_CHARS", "format_size", "predicted", "signature_of", "text_size"]

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
    if len(s) > WORDWRAP_INPUT_CHARS:  # the input itself is refused, whatever it would give
        raise TemplateError("template exceeded its size limit (wordwrap input)",
                            field="template", value=len(s),
                            expected=f"at most {WORDWRAP_INPUT_CHARS} characters to wordwrap")
    wrap = a.get("wrapstring") or "\n"
    return len(s) + (len(s) // max(_int(a.get("width", 79), 79), 1) + 1) * len(_text(wrap))


def _truncate(a: Mapping[str, Any]) -> int:
    s = _text(a["s"])
    length = _int(a.get("length", 255), 255) + max(_int(a.get("leeway")), 5)
    return min(len(s), max(length, 0)) + len(_text(a.get("end", "...")))


def _str_bound(s: str, kind: str) -> int:
    """Upper bound of ``s`` as ``str`` gives it, as ``repr`` or as JSON (HTML-safe)."""
    n = len(s)
    if kind == "str":
        return n
    if kind == "repr":  # a printable character is escaped to at most 2, others to 10
        return 2 * n + 2 if s.isprintable() else 10 * n + 2
    # JSON: ASCII-only, with <, >, & and ' as \u00XX; a character beyond the BMP takes 12
    return 6 * n + 2 if s.isascii() else 12 * n + 2


def _scalars(items: list[Any] | tuple[Any, ...], kind: str) -> int | None:
    """Bound for a sequence of one scalar type, computed at C speed (None: mixed types)."""
    types = set(map(type, items))
    if not types:
        return 0
    if types <= {str}:
        total = sum(map(len, items))
        if kind == "str":
            return total
        factor = 10 if kind == "repr" else 12
        return factor * total + 2 * len(items)
    if types <= {int, bool}:
        return len(items) * (max(map(int.bit_length, items)) * 31 // 100 + 3)
    if types <= {float}:
        return len(items) * (_FLOAT + 2)
    return None


#: Characters of a float, a bool or None at most (``-1.2345678901234567e-308``).
_FLOAT = 25


def text_size(value: Any, kind: str, stop: int, per_item: int = 2) -> int:  # noqa: ANN401
    """Upper bound of the text of ``value``: ``kind`` "str" (``str``), "repr" or "json".

    Containers are sized as their ``repr`` (or JSON): brackets, each item's text and
    ``per_item`` characters per item (separators, and the newline and indent of ``pprint`` or
    of ``tojson(indent)``); the count stops once it exceeds ``stop``. A container met twice is
    counted twice (``[s] * 1000`` is 1000 times ``s``) but walked once.

    Examples
    --------
    >>> text_size(["ab", 12, None], "repr", 10**6)  # 2 + (6 + 2) + (3 + 2) + (25 + 2)
    42
    >>> text_size(["x" * 1000] * 1000, "str", 10**6) >= 10**6
    True
    """
    seen: dict[int, int] = {}
    inner = "json" if kind == "json" else "repr"

    def size(v: Any, k: str) -> int:  # noqa: ANN401
        if isinstance(v, str):
            return _str_bound(v, k)
        if v is None or isinstance(v, bool | float):
            return _FLOAT
        if isinstance(v, int):
            return v.bit_length() * 31 // 100 + 2
        if isinstance(v, list | tuple | dict | set | frozenset):
            key = id(v)
            if key not in seen:
                seen[key] = 5  # a container inside itself prints as [...]
                seen[key] = container(v)
            return seen[key]
        return len(str(v) if k == "str" else repr(v))

    def container(v: Any) -> int:  # noqa: ANN401
        if isinstance(v, dict):
            items: Any = [x for kv in v.items() for x in kv]
        else:
            items = v if isinstance(v, list | tuple) else list(v)
        fast = _scalars(items, inner)
        if fast is not None:
            return fast + len(items) * per_item + 2
        total = 2
        for item in items:
            total += size(item, inner) + per_item
            if total > stop:
                break
        return total

    return size(value, kind)


def _join(a: Mapping[str, Any], stop: int) -> int | None:
    value, sep = a.get("value"), _text(a.get("d", ""))
    if not isinstance(value, list | tuple) or a.get("attribute") is not None:
        return None  # an iterator (consumed by sizing it) or an attribute of each item
    fast = _scalars(value, "str")
    total = fast if fast is not None else sum(text_size(v, "str", stop) for v in value)
    total += len(sep) * max(len(value) - 1, 0)
    # escaping makes & into &amp;: 5 characters at most from 1
    return 5 * total if getattr(a.get("eval_ctx"), "autoescape", False) else total


def _stringified(name: str) -> Callable[[Mapping[str, Any], int], int | None]:
    kind = "json" if name == "tojson" else "repr"

    def rule(a: Mapping[str, Any], stop: int) -> int | None:
        value = a.get("value", a.get("s"))
        if not isinstance(value, list | tuple | dict | set | frozenset):
            return None  # a string or a scalar: its text is no larger than itself
        indent = a.get("indent")
        per_item = 2
        if name == "pprint":
            per_item = 80  # a line break and the indent of the nesting level, ample
        elif isinstance(indent, int) and not isinstance(indent, bool):
            per_item = 2 + min(max(indent, 0), stop) * 8
        return text_size(value, kind, stop, per_item)
    return rule


_RULES: dict[str, Callable[[Mapping[str, Any], int], int | None]] = {
    "join": _join,
    "pprint": _stringified("pprint"),
    "string": _stringified("string"),
    "tojson": _stringified("tojson"),
}
_SIMPLE: dict[str, Callable[[Mapping[str, Any]], int]] = {
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
              kwargs: dict[str, Any], stop: int = _HUGE) -> int | None:
    """Upper bound of the characters filter ``name`` will produce (None: no rule applies).

    Sizing a list (``join``, ``string``, ``pprint``, ``tojson``) stops once it passes
    ``stop``.

    Raises
    ------
    TemplateError
        The input is too long for the filter itself (``wordwrap``, over
        :data:`WORDWRAP_INPUT_CHARS` characters).
    """
    rule = _RULES.get(name)
    simple = _SIMPLE.get(name)
    if (rule is None and simple is None) or sig is None:
        return None
    try:
        bound = sig.bind(*args, **kwargs)
    except TypeError:
        return None  # the filter itself will refuse the call
    if rule is not None:
        return rule(bound.arguments, stop)
    assert simple is not None  # noqa: S101 - one of the two is set
    return simple(bound.arguments)
