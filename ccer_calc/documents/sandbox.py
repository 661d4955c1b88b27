"""Jinja's sandbox with a time and an output-size limit, for templates a user supplies.

:class:`LimitedSandbox` is Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` (no access to
``__class__``, ``__globals__``, ``mro`` and the like, so a template cannot reach ``os`` or run
a command) with two limits that hold while :func:`render_limited` renders:

* **time**: :data:`TIME_LIMIT_S` seconds of wall time, checked at every output chunk, function
  or macro call, attribute or item lookup and loop step;
* **size**: :data:`OUTPUT_LIMIT_CHARS` characters of output, also the largest string or list a
  template may build with ``*``, ``+``, ``~``, ``%``, ``str.format`` or a filter; a filter is
  refused an integer argument above it (``"x"|center(10**9)``), and the string operations
  (``%``, ``format``, ``center``, ``indent``, ``wordwrap``, ``truncate``, ``replace``,
  ``str.format``) are refused when the size they would produce, predicted from their
  arguments (:mod:`ccer_calc.documents.sandbox_sizes`), exceeds it, before they build it.

Templates compile with Jinja's optimizer off, so that no constant expression is evaluated at
compile time, outside these limits.

The sizes of ``join``, ``string``, ``pprint`` and ``tojson`` of a list are bounded the same
way, from the sizes of the items, and ``*`` and ``**`` refuse an integer of more than
:data:`INT_LIMIT_DIGITS` digits (``10**30000000``) before computing it.

Either limit raises :class:`~ccer_calc.errors.TemplateError`. These checks run between
operations: a single built-in call (``([[0] * 10**4] * 3000)|sum(start=[])``) runs to its end
before the next one. :func:`~ccer_calc.documents.render.render_document` therefore renders user
templates in a child process (:mod:`ccer_calc.documents.sandbox_process`) where the platform
can fork: the limits of one rendering are then

* **time**: :data:`TIME_LIMIT_S` s (10) by these checks; the child is killed 1 s later
  (and its CPU time is capped at the limit plus
  :data:`~ccer_calc.documents.sandbox_process.CPU_MARGIN_S` s);
* **memory**: 1024 MiB above what the process holds (``RLIMIT_AS``, Linux);
* **output**: :data:`OUTPUT_LIMIT_CHARS` characters (32 Mi).

On Windows the rendering stays in-process, under these checks only (a ``MemoryError`` becomes
a ``TemplateError`` there too). Packaged templates always render in-process.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

from ccer_calc.documents.sandbox_sizes import (
    format_size,
    predicted,
    signature_of,
)
from ccer_calc.errors import TemplateError

__all__ = ["INT_LIMIT_DIGITS", "OUTPUT_LIMIT_CHARS", "TIME_LIMIT_S", "Budget", "LimitedSandbox",
           "render_limited"]

#: Wall-time limit of one rendering of user templates, seconds.
TIME_LIMIT_S = 10.0
#: Output-size limit of one rendering of user templates, characters (32 Mi).
OUTPUT_LIMIT_CHARS = 32 * 1024 * 1024
#: Digits of the largest integer ``*`` or ``**`` may produce (Python prints no more).
INT_LIMIT_DIGITS = 4300
_LOOP_CHECK_EVERY = 256


@dataclass(frozen=True)
class Budget:
    """The limits of one rendering: a monotonic deadline, a size in characters, the seconds."""

    deadline: float
    limit: int
    seconds: float

    @classmethod
    def start(cls, seconds: float | None = None, limit: int | None = None) -> Budget:
        """A budget starting now (by default :data:`TIME_LIMIT_S`, :data:`OUTPUT_LIMIT_CHARS`)."""
        seconds = TIME_LIMIT_S if seconds is None else seconds
        return cls(time.monotonic() + seconds, OUTPUT_LIMIT_CHARS if limit is None else limit,
                   seconds)

    def tick(self) -> None:
        """Raise once the deadline has passed."""
        if time.monotonic() > self.deadline:
            raise TemplateError("template exceeded its time limit", field="template",
                                expected=f"a rendering within {self.seconds:g} s")

    def size(self, n: int, what: str) -> None:
        """Raise if ``n`` characters or items exceed the size limit."""
        if n > self.limit:
            raise TemplateError(f"template exceeded its size limit ({what})", field="template",
                                value=n, expected=f"at most {self.limit} characters")


#: The budget of the rendering running in this context (None outside render_limited).
_BUDGET: ContextVar[Budget | None] = ContextVar("ccer_calc_template_budget", default=None)


def _tick() -> Budget | None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()
    return budget


def _sized(value: Any, what: str) -> Any:  # noqa: ANN401 - whatever the template built
    budget = _BUDGET.get()
    if budget is not None and isinstance(value, str | bytes | list | tuple):
        budget.size(len(value), what)
    return value


class _GuardedCodeGenerator(CodeGenerator):
    """Compiles ``{% for %}`` over a checked iterator and ``~`` with a size check."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        guarded = nodes.Call(nodes.EnvironmentAttribute("guarded_iter"), [node.iter], [],
                             None, None, lineno=node.lineno)
        copy = nodes.For(node.target, guarded, node.body, node.else_, node.test,
                         node.recursive, lineno=node.lineno)
        copy.set_environment(self.environment)
        super().visit_For(copy, frame)

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame,
                               finalize: Any) -> str:  # noqa: ANN401 - Jinja's private type
        # Jinja folds constant output ({{ "%09999d"|format(1) }}) while compiling, even with
        # the optimizer off; only literals are folded here, the rest runs under the limits
        if not isinstance(node, nodes.TemplateData | nodes.Const):
            raise nodes.Impossible
        return str(super()._output_child_to_const(node, frame, finalize))

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


def _limited_filter(func: Callable[..., Any], name: str) -> Callable[..., Any]:
    # the filtered value comes first, after the environment or context Jinja may pass
    skip = 2 if hasattr(func, "jinja_pass_arg") else 1
    sig = signature_of(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        budget = _tick()
        if budget is not None:
            for a in (*args[skip:], *kwargs.values()):
                if isinstance(a, int) and not isinstance(a, bool) and abs(a) > budget.limit:
                    budget.size(abs(a), "filter argument")
            _check_prediction(budget, name, predicted(name, sig, args, kwargs, budget.limit))
        return _sized(func(*args, **kwargs), "filter result")
    return wrapper


def _int_digits(left: Any, right: Any, operator: str) -> float:  # noqa: ANN401
    """Decimal digits of ``left * right`` or ``left ** right`` for integers, else 0."""
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right)):
        return 0.0
    if operator == "*":
        return 0.0 if 0 in (left, right) else \
            math.log10(abs(left)) + math.log10(abs(right)) + 1
    if abs(left) <= 1 or right <= 0:
        return 0.0  # 0, 1 or -1, or a float
    if right > 10**12:
        return math.inf
    return right * math.log10(abs(left)) + 1


def _check_int(left: Any, right: Any, operator: str) -> None:  # noqa: ANN401
    """Refuse an integer product or power above :data:`INT_LIMIT_DIGITS`, before computing it."""
    digits = _int_digits(left, right, operator)
    if digits > INT_LIMIT_DIGITS:
        raise TemplateError(f"template exceeded its size limit (integer {operator} of about "
                            f"{digits:.0f} digits)", field="template",
                            expected=f"an integer of at most {INT_LIMIT_DIGITS} digits")


def _check_prediction(budget: Budget, name: str, size: int | None) -> None:
    """Refuse a filter call whose predicted result is too large."""
    if size is not None:
        budget.size(size, f"{name} result")


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with the time and size checks of :func:`render_limited`."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:  # noqa: ANN401
        # Jinja's optimizer folds constant expressions at compile time, before any limit
        # holds: ("%0999999999d")|format(1) would be built while the template is compiled
        options.setdefault("optimized", False)
        super().__init__(**options)
        self.globals.pop("lipsum", None)  # an unbounded text generator, and no use here

    def _compile(self, source: str, filename: str) -> Any:  # noqa: ANN401 - a code object
        # whatever Jinja still evaluates while compiling runs under a budget of its own
        token = _BUDGET.set(_BUDGET.get() or Budget.start())
        try:
            return super()._compile(source, filename)
        finally:
            _BUDGET.reset(token)

    def limit_filters(self) -> None:
        """Put every registered filter under the limits (call after registering filters)."""
        for name, func in list(self.filters.items()):
            self.filters[name] = _limited_filter(func, name)

    def call(self, __context: jinja2.runtime.Context, __obj: Any,  # noqa: ANN401
             *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        """Call through the sandbox, after checking the time."""
        _tick()
        return _sized(super().call(__context, __obj, *args, **kwargs), "call result")

    def getattr(self, obj: Any, attribute: str) -> Any:  # noqa: ANN401
        """Look up an attribute through the sandbox, after checking the time."""
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:  # noqa: ANN401
        """Look up an item through the sandbox, after checking the time."""
        _tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,  # noqa: ANN401
                   right: Any) -> Any:  # noqa: ANN401
        """``*``, ``**`` and ``+``, refused when the result would exceed the size limit."""
        budget = _tick()
        if budget is not None:
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(n, int):
                        budget.size(len(seq) * max(n, 0), "repetition")
                _check_int(left, right, operator)
            elif operator == "**":
                _check_int(left, right, operator)
            elif operator == "+" and isinstance(left, str | list | tuple) and \
                    isinstance(right, str | list | tuple):
                budget.size(len(left) + len(right), "concatenation")
            elif operator == "%" and isinstance(left, str):
                budget.size(format_size(left, right), "% formatting")
        return _sized(super().call_binop(context, operator, left, right), "operator result")

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:  # noqa: ANN401
        """``str.format`` and ``format_map`` through the sandbox, refused when too large."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = str(value.__self__)

        def guarded(*args: Any, **kwargs: Any) -> str:  # noqa: ANN401
            budget = _tick()
            if budget is not None:
                values = (*args, *kwargs.values())
                if value.__name__ == "format_map" and args and isinstance(args[0], dict):
                    values = tuple(args[0].values())
                budget.size(format_size(fmt, values, braces=True), "str.format")
            return str(_sized(wrapped(*args, **kwargs), "str.format"))
        return guarded

    def guarded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Iterate for a ``{% for %}`` loop, checking the time every few steps."""
        budget = _BUDGET.get()
        if budget is None:
            yield from iterable
            return
        for k, item in enumerate(iterable):
            if k % _LOOP_CHECK_EVERY == 0:
                budget.tick()
            yield item

    def sized_concat(self, text: str) -> str:
        """The result of ``~``, refused above the size limit."""
        return str(_sized(text, "concatenation"))

    def preload(self, name: str) -> jinja2.Template:
        """Load ``name`` and every template it names literally (imports, includes, extends).

        A rendering in a child process compiles what it loads for itself alone; loading it
        beforehand keeps the compiled templates in this environment. A referenced template
        that cannot be loaded is left for the rendering to report, if it ever gets there.
        """
        template = self.get_template(name)
        todo, seen = [template], {name}
        while todo:
            current = todo.pop()
            for ref in _references(self, current):
                if ref in seen:
                    continue
                seen.add(ref)
                try:
                    todo.append(self.get_template(ref))
                except jinja2.TemplateError:
                    continue
        return template


def _references(env: jinja2.Environment, template: jinja2.Template) -> list[str]:
    """The names ``template`` imports, includes or extends literally (kept on the template)."""
    refs: list[str] | None = getattr(template, "_ccer_references", None)
    if refs is None:
        refs = []
        if template.name is not None and env.loader is not None:
            source = env.loader.get_source(env, template.name)[0]
            refs = [r for r in meta.find_referenced_templates(env.parse(source)) if r]
        template._ccer_references = refs  # type: ignore[attr-defined]
    return refs


def render_limited(template: jinja2.Template, context: dict[str, Any], budget: Budget) -> str:
    """Render ``template`` chunk by chunk within ``budget``.

    Raises
    ------
    TemplateError
        When the output grows beyond the size limit or the deadline passes.
    """
    token = _BUDGET.set(budget)
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            budget.size(size, "output")
            budget.tick()
            parts.append(chunk)
        return "".join(parts)
    finally:
        _BUDGET.reset(token)
