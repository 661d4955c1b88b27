"""Text in Chinese and English where the engine hands text to people.

A check's evidence is computed by the plug-in (it names the distance, the date, the grid), so no
catalogue can hold it. :class:`Bilingual` lets a rule return both wordings without changing what
a check's reason *is*: a ``str`` whose value is the English text (so the result JSON, error
messages and comparisons are unchanged), carrying its Chinese wording in :attr:`Bilingual.zh`.
The documents show the wording of their language through :func:`in_language`.
"""

from __future__ import annotations

__all__ = ["Bilingual", "in_language", "split_bilingual"]


class Bilingual(str):
    """English text that also carries its Chinese wording.

    Parameters
    ----------
    en : str
        The English text; it is the value of the string.
    zh : str
        The same statement in Chinese.

    Examples
    --------
    >>> r = Bilingual("connected to the grid", "已并网")
    >>> r == "connected to the grid", r.zh
    (True, '已并网')
    >>> in_language(r, "zh"), in_language("plain", "zh")
    ('已并网', 'plain')
    """

    zh: str

    def __new__(cls, en: str, zh: str) -> Bilingual:
        """Build the text from its English and Chinese wording."""
        self = super().__new__(cls, en)
        self.zh = zh
        return self

    @property
    def en(self) -> str:
        """The English text as a plain ``str``."""
        return str.__str__(self)

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        """Pickle both wordings (batch runs send results between processes)."""
        return (self.en, self.zh)


def in_language(text: str, lang: str) -> str:
    """The wording of ``text`` in ``lang`` ("zh" or "en"); plain text is returned as is."""
    if isinstance(text, Bilingual):
        return text.zh if lang == "zh" else text.en
    return str(text)


def split_bilingual(text: str) -> tuple[str, str]:
    """Split the plug-ins' ``"中文 / English"`` convention into (zh, en).

    Text without the separator is returned for both languages.

    Examples
    --------
    >>> split_bilingual("并网发电 / grid-connected")
    ('并网发电', 'grid-connected')
    >>> split_bilingual("grid-connected")
    ('grid-connected', 'grid-connected')
    """
    zh, sep, en = text.partition(" / ")
    return (zh, en) if sep else (text, text)
