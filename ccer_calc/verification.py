"""How far a cited fact has been checked: ``verified``, ``unverified`` or ``provisional``.

A parameter's value or an equation's formula is *verified* when it was compared with the
official text of the document it cites, and that text is one of :data:`OFFICIAL_TEXTS`: the
CDM tools and methodologies whose official PDFs are kept beside the project (``sources/``) and
were read for the engine. Everything else is *unverified*: a fact read in a secondary copy (the
CCER texts, read in a third-party transcription), written from background knowledge (tagged
``[U]``), or cited from a document not at hand (the IPCC tables). A value a CCER methodology
takes from its CDM parent while its own text is unavailable is *provisional*.

The status is derived from the citation, so the hundreds of parameters and equations need not
each repeat it: :func:`derive_status` reads the document the citation opens with. A declaration
may still state its status explicitly where the citation alone would mislead.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["OFFICIAL_TEXTS", "STATUSES", "Status", "check_status", "derive_status"]

Status = Literal["verified", "unverified", "provisional"]
STATUSES: tuple[str, ...] = get_args(Status)

#: Documents (code and version) whose official text was read and checked for the engine.
OFFICIAL_TEXTS: frozenset[str] = frozenset({
    "TOOL03 v03.0", "TOOL05 v03.0", "TOOL06 v04.0", "TOOL07 v07.0",
    "AR-TOOL08 v04.0.0", "AR-TOOL12 v03.1", "AR-TOOL14 v04.2", "AR-TOOL15 v02.0",
    "AR-TOOL16 v01.1.0",
    "AR-ACM0003 v02.0", "AR-AM0014 v03.0", "AR-AMS0003 v03.0", "AR-AMS0007 v03.1",
})

#: Words in a citation that say the fact was not checked against the official text.
_UNCHECKED = ("[U]", "unverified", "not checked", "background knowledge")


def check_status(status: str, where: str) -> None:
    """Refuse a status that is not one of :data:`STATUSES` (a declaration error).

    Raises
    ------
    ValueError
        Naming the declaration, the status given and the ones allowed.
    """
    if status not in STATUSES:
        msg = f"{where}: status {status!r} is not one of {', '.join(STATUSES)}"
        raise ValueError(msg)


def derive_status(citation: str, *, document: str = "", provisional: bool = False) -> Status:
    """The verification status a citation implies.

    Parameters
    ----------
    citation : str
        The human citation (a parameter's or equation's ``source``).
    document : str, optional
        The defining document with its version, where the declaration names it (an
        equation's ``document``); otherwise the document the citation opens with counts.
    provisional : bool, optional
        The value is taken from a parent text while the methodology's own is unavailable.

    Returns
    -------
    str
        ``provisional`` if so flagged or the citation says so (``provisional: ...``);
        ``unverified`` if the citation
        is tagged as unchecked or its document is not an official text read for the engine;
        ``verified`` otherwise.

    Examples
    --------
    >>> derive_status("TOOL07 v07.0, para. 86(a)")
    'verified'
    >>> derive_status("CCER-01-002-V01 §7.1 Table 2")
    'unverified'
    >>> derive_status("CDM ACM0002, reservoirs [U]")
    'unverified'
    >>> derive_status("provisional: value of AR-ACM0003 v02.0", provisional=True)
    'provisional'
    """
    if provisional or "provisional:" in citation.lower():
        return "provisional"
    if any(mark in citation for mark in _UNCHECKED):
        return "unverified"
    if document:
        return "verified" if document in OFFICIAL_TEXTS else "unverified"
    opening = citation.removeprefix("CDM ").strip()
    return "verified" if any(opening.startswith(d) for d in OFFICIAL_TEXTS) else "unverified"
