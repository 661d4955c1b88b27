"""The engagement file: what a person writes into the documents, in Chinese and English.

The engine computes the numbers; the scope and criteria of a validation or verification, the
team, the document review, the site visit, the interviews, the statements of the project owner
and of the validation or verification body are written by people. They come from an optional
TOML file given to ``ccer-calc report --engagement FILE``; every field is optional and holds a
``zh`` and/or ``en`` text. A section whose fields the file leaves out keeps its dashed
placeholder, naming what is still to be written.

Example (``methodologies/ccer_01_002_v01/data/engagement.toml`` is a complete one)::

    [team]
    zh = "组长：张三（审定员）；组员：李四"
    en = "Team leader: Zhang San (validator); member: Li Si"

    [site_visit]
    zh = \"\"\"2025年7月8日至9日访问升压站和集控中心。

    查看了关口电能表及其检定证书。\"\"\"

A blank line starts a new paragraph. ``date`` is a plain TOML date (``date = 2025-07-30``).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ccer_calc.documents.messages import catalogue, message
from ccer_calc.errors import InputError

__all__ = ["FIELDS", "MAX_ENGAGEMENT_BYTES", "SECTIONS", "Engagement", "Text",
           "load_engagement", "parse_engagement", "sections"]

#: Largest engagement file read, in bytes (a few pages of prose is far below this).
MAX_ENGAGEMENT_BYTES = 1_048_576


class Text(BaseModel):
    """One section's text in Chinese and/or English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str | None = Field(None, description="Chinese text; a blank line starts a paragraph")
    en: str | None = Field(None, description="English text; a blank line starts a paragraph")

    @model_validator(mode="after")
    def _some_text(self) -> Text:
        if not ((self.zh or "").strip() or (self.en or "").strip()):
            msg = "give a zh or an en text (or leave the field out)"
            raise ValueError(msg)
        return self

    def paragraphs(self, lang: str) -> list[str]:
        """The text in ``lang`` split into paragraphs (empty if that language is not given)."""
        text = (self.zh if lang == "zh" else self.en) or ""
        paras = [" ".join(line.strip() for line in block.splitlines())
                 for block in text.replace("\r\n", "\n").split("\n\n")]
        return [p for p in paras if p]


class Engagement(BaseModel):
    """The parts of a PDD, accounting, validation or verification report a person writes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    body: Text | None = Field(None, description="name of the validation or verification body")
    scope: Text | None = Field(None, description="scope of the validation or verification")
    criteria: Text | None = Field(None, description="criteria applied")
    independence: Text | None = Field(
        None, description="statement that the verification body did not validate the project")
    team: Text | None = Field(None, description="team members and their roles")
    plan: Text | None = Field(None, description="validation or verification plan")
    document_review: Text | None = Field(None, description="documents reviewed")
    site_visit: Text | None = Field(None, description="site visit: when, where, what was seen")
    interviews: Text | None = Field(None, description="people interviewed and topics")
    technical_review: Text | None = Field(None, description="independent technical review")
    legal_compliance: Text | None = Field(
        None, description="no mandatory reduction duty; not covered by the national ETS")
    additionality: Text | None = Field(
        None, description="reality, uniqueness and additionality")
    sustainable_development: Text | None = Field(
        None, description="environmental impact and sustainable development")
    implementation: Text | None = Field(
        None, description="implementation as in the PDD: as-built state, changes, deviations")
    ex_ante_explanation: Text | None = Field(
        None, description="why actual reductions differ from the PDD's estimate")
    public_comments: Text | None = Field(
        None, description="comments received during the public notice and how they were handled")
    findings: Text | None = Field(
        None, description="findings raised during validation and how they were closed")
    owner_statement: Text | None = Field(None, description="statement of the project owner")
    verifier_statement: Text | None = Field(
        None, description="commitment of the validation or verification body")
    signatories: Text | None = Field(None, description="who signs, with their roles")
    date: dt.date | None = Field(None, description="date of issue")


#: The text fields of an engagement file, in the order of the model.
FIELDS = tuple(name for name in Engagement.model_fields if name != "date")


def _error(exc: ValidationError, source: str) -> InputError:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or None
    problem = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        problem = "unknown field"
        expected = ("one of " + ", ".join(Engagement.model_fields)
                    if len(err["loc"]) == 1 else "zh or en")
    else:
        expected = None
    value = err.get("input")
    shown = value if isinstance(value, str | int | float | bool) else None
    if isinstance(shown, str) and len(shown) > 80:  # noqa: PLR2004 - keep the message one line
        shown = shown[:77] + "..."
    return InputError(f"engagement file {source}: {problem}", field=loc, value=shown,
                      expected=expected)


def parse_engagement(data: dict[str, Any], source: str = "") -> Engagement:
    """Validate plain data (a parsed TOML table) as an :class:`Engagement`.

    Raises
    ------
    InputError
        Naming the field (``team.zh``), what was received and what was expected.
    """
    try:
        return Engagement.model_validate(data)
    except ValidationError as exc:
        raise _error(exc, source) from None


def load_engagement(path: str | Path) -> Engagement:
    r"""Read and validate an engagement file (TOML, UTF-8).

    Raises
    ------
    InputError
        If the file is missing, not a regular file, larger than
        :data:`MAX_ENGAGEMENT_BYTES`, not UTF-8, not TOML, or has an unknown or malformed
        field (the message names it).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d, "e.toml")
    ...     _ = p.write_text('[team]\nzh = "张三"\n', encoding="utf-8")
    ...     load_engagement(p).team.paragraphs("zh")
    ['张三']
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("engagement file not found or not a regular file",
                         field="--engagement", value=str(p), expected="a TOML file")
    if p.stat().st_size > MAX_ENGAGEMENT_BYTES:
        raise InputError("engagement file too large", field="--engagement", value=str(p),
                         expected=f"at most {MAX_ENGAGEMENT_BYTES} bytes")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"engagement file is not UTF-8 (byte {exc.start})",
                         field="--engagement", value=str(p),
                         expected="a TOML file saved as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"engagement file is not valid TOML: {exc}", field="--engagement",
                         value=str(p), expected="a TOML file") from None
    return parse_engagement(data, p.name)


#: Which fields each document shows, per section, in order.
SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "pdd": {"compliance": ("additionality", "legal_compliance", "sustainable_development")},
    "monitoring": {"implementation": ("implementation",),
                   "ex_ante": ("ex_ante_explanation",)},
    "validation": {
        "scope": ("scope", "criteria"),
        "procedure": ("team", "plan", "document_review", "site_visit", "interviews",
                      "technical_review"),
        "legal": ("legal_compliance",), "additionality": ("additionality",),
        "sustainable": ("sustainable_development",), "public": ("public_comments",),
        "findings": ("findings",),
        "commitment": ("body", "verifier_statement", "owner_statement", "signatories", "date"),
    },
    "verification": {
        "scope": ("scope", "criteria", "independence"),
        "procedure": ("team", "plan", "document_review", "site_visit", "interviews",
                      "technical_review"),
        "implementation": ("implementation",), "ex_ante": ("ex_ante_explanation",),
        "public": ("public_comments",),
        "commitment": ("body", "verifier_statement", "owner_statement", "signatories", "date"),
    },
}


def _wording(kind: str, document: str, name: str, lang: str) -> str:
    """A field's heading or placeholder, worded for the document where it differs."""
    specific = f"{kind}.{document}_{name}"
    return message(specific if specific in catalogue() else f"{kind}.{name}", lang)


def sections(engagement: Engagement | None, document: str,
             lang: str) -> dict[str, dict[str, Any]]:
    """The person-written sections of one document, as the templates show them.

    Returns
    -------
    dict
        Per section name (``procedure``, ``commitment``, ...): ``given``, a list of
        ``{"field", "label", "paragraphs"}`` for the fields the file gives in ``lang``;
        ``labelled``, whether the section has several fields (each then shown under its
        label); ``missing``, the placeholder text naming what is still to be written, or None.
    """
    out: dict[str, dict[str, Any]] = {}
    for section, names in SECTIONS[document].items():
        given, missing = [], []
        for name in names:
            value = getattr(engagement, name, None) if engagement is not None else None
            if isinstance(value, Text):
                paragraphs = value.paragraphs(lang)
            else:
                paragraphs = [value.isoformat()] if isinstance(value, dt.date) else []
            if paragraphs:
                given.append({"field": name, "paragraphs": paragraphs,
                              "label": _wording("engagement_label", document, name, lang)})
            else:
                missing.append(_wording("engagement_todo", document, name, lang))
        out[section] = {"given": given, "labelled": len(names) > 1,
                        "missing": message("fmt.todo_sep", lang).join(missing) or None}
    return out
