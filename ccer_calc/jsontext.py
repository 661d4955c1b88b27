"""Canonical JSON text: what every command and the fingerprint write. Standard library only."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["canonical_json"]


def canonical_json(data: Any, *, indent: int | None = 2) -> str:  # noqa: ANN401
    """Deterministic JSON: sorted keys, UTF-8 text, no NaN.

    Examples
    --------
    >>> print(canonical_json({"b": 1, "a": "碳"}, indent=None))
    {"a":"碳","b":1}
    """
    return json.dumps(data, sort_keys=True, ensure_ascii=False, allow_nan=False, indent=indent,
                      separators=(",", ": ") if indent is not None else (",", ":"))
