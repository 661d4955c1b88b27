"""The message catalogue: every word of the documents, in Chinese and English, in one file.

``reports/messages.toml`` (installed as ``ccer_calc.reports``) holds one entry per key with a
``zh`` and an ``en`` text; tables group the keys (``[pdd] title = {zh = ..., en = ...}`` is the
key ``pdd.title``). HTML and Markdown templates read it through ``t("pdd.title")``, the DOCX
writer and the document context through :func:`message`. A new column is one template edit and
one catalogue entry.

Two tables are special:

``[text]``
    Chinese wording of English text that the engine and the plug-ins write (equation
    descriptions, monitoring frequencies, a methodology's status, the vintage split rule, enum
    values of project inputs). The key is the English text itself; :func:`translate` looks it
    up, and text it does not know is returned unchanged.
``[engagement_label]``, ``[engagement_todo]``
    Headings and placeholders of the sections a person writes (see
    :mod:`ccer_calc.documents.engagement`).

The catalogue is read once per process and handed out read-only.

Why a bilingual table rather than gettext: two languages, both maintained together by the same
people, read side by side in one file; no ``.po`` → ``.mo`` compilation that ``pip install -e .``
would have to run; no Babel dependency; and a test can check that both texts of a key carry the
same placeholders.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from ccer_calc.errors import TemplateError

__all__ = ["SINK_PREFIX", "catalogue", "message", "placeholders", "translate", "translations",
           "variant"]

#: Prefix of the catalogue entries that word a key for a methodology accounting removals.
SINK_PREFIX = "sink."

_LANGS = ("zh", "en")


def _flatten(table: Mapping[str, Any], prefix: str, out: dict[str, Mapping[str, str]]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping) and set(value) == set(_LANGS):
            if not all(isinstance(value[lang], str) and value[lang] for lang in _LANGS):
                raise TemplateError("catalogue entry needs a non-empty zh and en text",
                                    field=f"messages.toml: {key}", value=dict(value))
            out[key] = MappingProxyType({lang: value[lang] for lang in _LANGS})
        elif isinstance(value, Mapping):
            _flatten(value, f"{key}.", out)
        else:
            raise TemplateError("catalogue entry is not a {zh, en} pair",
                                field=f"messages.toml: {key}", value=value,
                                expected='{zh = "...", en = "..."}')


@functools.lru_cache(maxsize=1)
def _load() -> tuple[Mapping[str, Mapping[str, str]], Mapping[str, str]]:
    raw = tomllib.loads(resources.files("ccer_calc.reports").joinpath("messages.toml")
                        .read_text(encoding="utf-8"))
    texts = raw.pop("text", {})
    if not all(isinstance(v, str) and v for v in texts.values()):
        raise TemplateError("every [text] entry maps English text to Chinese text",
                            field="messages.toml: [text]")
    flat: dict[str, Mapping[str, str]] = {}
    _flatten(raw, "", flat)
    return MappingProxyType(flat), MappingProxyType(dict(texts))


def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Every key of the catalogue (``[text]`` aside) with its ``zh`` and ``en`` text, read-only."""
    return _load()[0]


def translations() -> Mapping[str, str]:
    """The ``[text]`` table: English text of the engine and plug-ins → Chinese, read-only."""
    return _load()[1]


def message(key: str, lang: str, /, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Raises
    ------
    TemplateError
        If the key is not in the catalogue, or a placeholder has no value.

    Examples
    --------
    >>> message("label.total", "zh"), message("label.total", "en")
    ('合计', 'Total')
    >>> message("fmt.range", "zh", start="2024-01-01", end="2024-12-31")
    '2024-01-01 至 2024-12-31'
    """
    entry = catalogue().get(key)
    if entry is None:
        raise TemplateError("no such message in the catalogue", field="t()", value=key,
                            expected="a key of reports/messages.toml")
    text = entry[lang]
    if not values:
        return text
    try:
        return text.format(**values)
    except KeyError as exc:
        raise TemplateError("message needs a value", field=f"t({key!r})",
                            value=str(exc), expected="every {placeholder} given") from None


def variant(key: str, accounts: str | None) -> str:
    """The key to read for a document of a methodology that accounts ``accounts``.

    A methodology accounting removals (forest and mangrove sinks) reads ``sink.<key>`` where
    the catalogue has one: the same text, speaking of removals instead of reductions.

    Examples
    --------
    >>> variant("label.er_long", "removals"), variant("label.er_long", "reductions")
    ('sink.label.er_long', 'label.er_long')
    >>> variant("label.total", "removals")
    'label.total'
    """
    if accounts == "removals" and SINK_PREFIX + key in catalogue():
        return SINK_PREFIX + key
    return key


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of a catalogue text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def translate(text: str, lang: str) -> str:
    """English text of the engine or a plug-in in ``lang``; unknown text is returned as is.

    Examples
    --------
    >>> translate("emission reductions", "zh")
    '减排量'
    >>> translate("emission reductions", "en")
    'emission reductions'
    """
    if lang == "en":
        return text
    return translations().get(text, text)
