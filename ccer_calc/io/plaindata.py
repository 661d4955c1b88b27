"""Project files as plain data: TOML or JSON read, parsed and checked before any model sees it.

:func:`read_project_file` reads a user's file (any of the encodings :mod:`ccer_calc.io.files`
detects) and :func:`parse_plain_text` parses it, refusing repeated keys; :func:`check_plain_data`
refuses nesting deeper than :data:`MAX_DEPTH` and control characters in text. The models come
after, in :mod:`ccer_calc.io.projectfile`, which re-exports these.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from ccer_calc.errors import InputError
from ccer_calc.io.files import read_user_text

__all__ = ["MAX_DEPTH", "check_plain_data", "parse_plain_text", "read_project_file"]


def read_project_file(path: Path, *, max_bytes: int | None = None) -> dict[str, Any]:
    """Parse a ``.toml`` or ``.json`` project file into plain data.

    The file may be any regular file the caller names (the folder rule of
    :mod:`ccer_calc.io.files` applies to the files the project names), in UTF-8, UTF-16 or
    GB18030/GBK, with or without a byte-order mark.

    Raises
    ------
    InputError
        If the file cannot be read, has another extension, is malformed (with the line), nests
        too deeply, or holds control characters in its text.
    """
    suffix = path.suffix.lower()
    if suffix not in {".toml", ".json"}:
        raise InputError("unsupported project file type", field="project", value=path.name,
                         expected="a .toml or .json file")
    text = read_user_text(path, max_bytes=max_bytes, field="project")
    data = parse_plain_text(text, suffix.removeprefix("."), str(path))
    if not isinstance(data, dict):
        raise InputError("a project file must hold a table/object at the top", field=str(path))
    return data


def parse_plain_text(text: str, kind: str, where: str) -> Any:  # noqa: ANN401 - plain data
    """Parse TOML or JSON text and check it with :func:`check_plain_data`.

    Raises
    ------
    InputError
        If the text is malformed (naming ``where`` and the line), nests too deeply, holds an
        integer too long to convert, or holds control characters.
    """
    try:
        data = tomllib.loads(text) if kind == "toml" else json.loads(
            text, object_pairs_hook=_unique_keys)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed TOML: {exc}", field=where) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         field=where) from None
    except RecursionError:
        raise InputError("the data are nested too deeply to read", field=where,
                         expected=f"at most {MAX_DEPTH} levels") from None
    except _DuplicateKey as exc:
        raise InputError("a key appears twice in one object", field=where, value=str(exc),
                         expected="each key once (JSON would keep only the last)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(f"unreadable value: {str(exc)[:80]}", field=where) from None
    check_plain_data(data, where)
    return data


class _DuplicateKey(ValueError):
    """A JSON object names one key twice."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key[:80])
        out[key] = value
    return out


#: Deepest nesting of tables and lists accepted in a project or claimed file.
MAX_DEPTH = 64


#: Types that hold no text and nothing nested: a list of only these needs no walk.
_SCALARS = frozenset({int, float, bool, type(None)})

#: Control characters other than tab, line feed and carriage return, and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _bad_char(text: str) -> str | None:
    m = _CONTROL.search(text)
    return None if m is None else m.group()


def check_plain_data(data: Any, where: str) -> None:  # noqa: ANN401 - plain data
    r"""Refuse nesting deeper than :data:`MAX_DEPTH` and control characters in any text.

    Tab, line feed and carriage return are allowed; other control characters and lone
    surrogates are not (they cannot be written to a DOCX, and mean a damaged file).

    Raises
    ------
    InputError
        Naming the dotted path of the offending key or value.

    Examples
    --------
    >>> check_plain_data({"name": "ok\tfine"}, "p.toml")
    >>> check_plain_data({"name": "bell\x07"}, "p.toml")
    Traceback (most recent call last):
    ...
    ccer_calc.errors.InputError: name: control character U+0007 in text (expected printable text)
    """
    text: list[str] = []
    if _gather(data, 0, text) and _bad_char("".join(text)) is None:
        return  # no text with a control character, nothing nested too deeply
    _walk(data, where)


def _gather(item: Any, depth: int, text: list[str]) -> bool:  # noqa: ANN401 - plain data
    """Collect the text :func:`_walk` would check; False where it might find data too deep.

    One regex search over all the text then replaces one per key and value; where this says
    False, or the text is not clean, :func:`_walk` finds and names the first problem.
    """
    if depth > MAX_DEPTH:
        return False
    if isinstance(item, str):
        text.append(item)
    elif isinstance(item, dict):
        return _gather_table(item, depth, text)
    elif isinstance(item, list):
        return _gather_list(item, depth, text)
    return True


def _gather_table(item: dict[Any, Any], depth: int, text: list[str]) -> bool:
    if item and depth >= MAX_DEPTH:
        return False
    for key, value in item.items():
        if isinstance(key, str):
            text.append(key)
        if isinstance(value, str):
            text.append(value)
        elif isinstance(value, dict | list) and not _gather(value, depth + 1, text):
            return False
    return True


def _gather_list(item: list[Any], depth: int, text: list[str]) -> bool:
    kinds = set(map(type, item))
    if kinds <= _SCALARS | {str}:  # checked at once by the walk too, nothing below
        text.extend([v for v in item if type(v) is str])
        return True
    return depth < MAX_DEPTH and all(_gather(value, depth + 1, text) for value in item)


def _walk(data: Any, where: str) -> None:  # noqa: ANN401 - plain data
    """:func:`check_plain_data` value by value, raising for the first problem met."""
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
                sub = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and _bad_char(key) is not None:
                    raise InputError("control character in a key", field=path or where,
                                     value=key, expected="printable text")
                stack.append((value, sub, depth + 1))
        elif isinstance(item, list):
            kinds = set(map(type, item))
            if kinds <= _SCALARS:  # a list of numbers (a trail's values)
                continue
            if kinds <= _SCALARS | {str} and _bad_char(
                    "".join([v for v in item if type(v) is str])) is None:
                continue  # plain text only (a trail's axis): checked at once
            stack.extend((value, f"{path}[{i}]", depth + 1) for i, value in enumerate(item))
