"""The one error tree of ccer-calc.

Every exception the engine raises on purpose derives from :class:`CcerError` and also from
the matching builtin, so callers may catch either. Each stores what went wrong as attributes
(field path, value received, what was expected, methodology id) and composes its message in
``__str__``; all of them pickle, so batch runs in worker processes can send them back.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ApplicabilityError",
    "CcerError",
    "DataNotFound",
    "InputError",
    "MethodologyNotFound",
    "OutputError",
    "PluginError",
    "TemplateError",
    "UnitError",
]


class CcerError(Exception):
    """Root of every error ccer-calc raises on purpose.

    Parameters
    ----------
    problem : str
        What is wrong, in one short phrase.
    field : str, optional
        Dotted path of the input field, e.g. ``monitoring.data[3].export``.
    value : Any, optional
        The value received.
    expected : str, optional
        What was expected instead (a unit, a range, a list of choices).
    methodology : str, optional
        The methodology id the error concerns.
    """

    def __init__(
        self,
        problem: str,
        *,
        field: str | None = None,
        value: Any = None,  # noqa: ANN401 - any received value may be reported
        expected: str | None = None,
        methodology: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.field = field
        self.value = value
        self.expected = expected
        self.methodology = methodology

    def reworded(self, problem: str, *, field: str | None = None) -> CcerError:
        """The same error with another problem text and (if given) another field path.

        Type, value, expected and methodology are kept: what a caller adds is where the error
        arose (a scenario, a sensitivity case), not what was wrong. Raise the result ``from
        None``.

        Examples
        --------
        >>> e = InputError("negative value", field="export", value=-1.0, expected=">= 0")
        >>> print(e.reworded(f"in scenario low: {e.problem}", field="scenarios.low.export"))
        scenarios.low.export: in scenario low: negative value (got -1.0; expected >= 0)
        """
        return type(self)(problem, field=self.field if field is None else field,
                          value=self.value, expected=self.expected,
                          methodology=self.methodology)

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs = {
            "field": self.field,
            "value": self.value,
            "expected": self.expected,
            "methodology": self.methodology,
        }
        return (_rebuild, (type(self), self.problem, kwargs))

    def __str__(self) -> str:
        parts = []
        if self.methodology:
            parts.append(f"[{self.methodology}]")
        if self.field:
            parts.append(f"{capped(self.field)}:")
        parts.append(self.problem)
        text = " ".join(parts)
        if self.value is not None:
            text += f" (got {shown(self.value)}"
            text += f"; expected {self.expected})" if self.expected else ")"
        elif self.expected:
            text += f" (expected {self.expected})"
        return text


#: Longest echo of a received value (or of a field path) in a message, in characters.
MAX_SHOWN = 80


def capped(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` cut to ``limit`` characters, marked with an ellipsis and its full length.

    Every message's field path goes through here (in :meth:`CcerError.__str__`), so a path
    made of a user's 5,000-character key is echoed at most ``limit`` characters long; a
    received value goes through :func:`shown`. (The problem phrase is the engine's own text,
    long where it cites a rule, and quotes a received value only through :func:`shown`.)

    Examples
    --------
    >>> capped("inputs." + "k" * 5000)[-21:]
    'k… (5,007 characters)'
    >>> capped("inputs.grid")
    'inputs.grid'
    """
    text = str(text)
    if len(text) <= limit:
        return text
    return text[:limit - 1] + f"… ({len(text):,} characters)"


def shown(value: Any) -> str:  # noqa: ANN401 - any received value may be reported
    """``repr`` of a received value, cut to :data:`MAX_SHOWN` characters with its length.

    A message names the offending cell, never a whole line or file.

    Examples
    --------
    >>> text = shown("x" * 500)
    >>> len(text), text[-18:]
    (97, '… (500 characters)')
    >>> shown(1.5)
    '1.5'
    """
    try:
        text = repr(value)
    except ValueError:  # an integer beyond Python's digit limit for str()
        return f"<an integer of {value.bit_length():,} bits>"
    if len(text) <= MAX_SHOWN:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return text[:MAX_SHOWN - 1] + "…" + size


def _rebuild(cls: type[CcerError], problem: str, kwargs: dict[str, Any]) -> CcerError:
    return cls(problem, **kwargs)


class InputError(CcerError, ValueError):
    """A project file, monitoring table or argument is not acceptable."""


class UnitError(CcerError, TypeError):
    """A quantity is missing its unit or has the wrong dimension."""


class MethodologyNotFound(CcerError, LookupError):
    """No installed plug-in provides the requested methodology id."""


class PluginError(CcerError, ImportError):
    """A methodology plug-in failed to load or does not satisfy the contract."""


class DataNotFound(CcerError, LookupError):
    """A factor table has no row for the requested key (grid, year, fuel, ...)."""


class ApplicabilityError(CcerError, ValueError):
    """A project does not meet an applicability condition or a management-measure rule."""


class TemplateError(CcerError, RuntimeError):
    """A document template failed to render."""


class OutputError(CcerError, OSError):
    """A result or document could not be written where the caller asked."""
