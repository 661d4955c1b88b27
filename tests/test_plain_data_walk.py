"""check_plain_data names the same problem as a walk of every value, one by one.

The walk skips the values of a table whose text is clean as a whole; this test holds it to
the plain walk (every key and value visited, in the same order) on random nested data with
control characters in keys and values and nesting near the limit.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from ccer_calc.errors import InputError
from ccer_calc.io.plaindata import MAX_DEPTH, _bad_char, check_plain_data


def _plain_walk(data: Any, where: str) -> None:
    """Every value visited (the walk before values of clean tables were skipped)."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError("the data are nested too deeply", field=path or where,
                             expected=f"at most {MAX_DEPTH} levels")
        if isinstance(item, str):
            bad = _bad_char(item)
            if bad is not None:
                raise InputError(f"control character U+{ord(bad):04X} in text",
                                 field=path or where, expected="printable text")
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(key, str) and _bad_char(key) is not None:
                    raise InputError("control character in a key", field=path or where,
                                     value=key, expected="printable text")
                stack.append((value, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(item, list):
            stack.extend((value, f"{path}[{i}]", depth + 1) for i, value in enumerate(item))


def _random_data(rng: random.Random, depth: int) -> Any:
    texts = ["ok", "a\tb", "bell\x07", "\x7f", "中文", "\ud800", ""]
    kind = rng.choice(["text", "number", "table", "list"] if depth < 8 else ["text", "number"])
    if kind == "text":
        return rng.choice(texts)
    if kind == "number":
        return rng.choice([1, 2.5, None, True])
    if kind == "list":
        return [_random_data(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["k", "x\x01", "名"]) + str(i): _random_data(rng, depth + 1)
            for i in range(rng.randint(0, 4))}


def _outcome(fn: Any, data: Any) -> str | None:
    try:
        fn(data, "p.toml")
    except InputError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("seed", range(400))
def test_the_same_problem_is_named(seed: int) -> None:
    data = _random_data(random.Random(seed), 0)  # noqa: S311 - test data, not secrets
    assert _outcome(check_plain_data, data) == _outcome(_plain_walk, data)


@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
def test_text_at_the_depth_limit(levels: int) -> None:
    data: Any = {"leaf": "ok", "n": 1}
    for _ in range(levels):
        data = {"t": data}
    assert _outcome(check_plain_data, data) == _outcome(_plain_walk, data)
