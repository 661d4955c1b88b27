"""check_plain_data names the same problem as its walk of every value, one by one.

check_plain_data first gathers all the text and checks it in one search, and walks value by
value (``_walk``, the check as it was) only where that finds something; this test holds the
two to the same outcome on random nested data with control characters in keys and values,
and at the depth limit.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from ccer_calc.errors import InputError
from ccer_calc.io.plaindata import MAX_DEPTH, _walk, check_plain_data


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
    assert _outcome(check_plain_data, data) == _outcome(_walk, data)


@pytest.mark.parametrize("levels", [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
@pytest.mark.parametrize("wrap", ["table", "list"])
@pytest.mark.parametrize("leaf", ["ok", "bell\x07", ["ok", 1], [1, 2.5], [{"a": 1}], {},
                                  [], ["x\x01"], [["ok"]], {"k": [1]}])
def test_at_the_depth_limit(levels: int, wrap: str, leaf: Any) -> None:
    data: Any = {"leaf": leaf, "n": 1}
    for _ in range(levels):
        data = {"t": data} if wrap == "table" else [data]
    assert _outcome(check_plain_data, data) == _outcome(_walk, data)
