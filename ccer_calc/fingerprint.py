"""The fingerprint: sha256 over canonical inputs, methodology and engine versions.

The same project, methodology version, plug-in distribution and engine version give the same
fingerprint on any machine; numpy and pint versions are reported in the result but not hashed,
since they do not change a correct number.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ccer_calc.result import canonical_json

__all__ = ["fingerprint"]


def fingerprint(inputs: dict[str, Any], versions: dict[str, str]) -> str:
    """Hex sha256 of the canonical JSON of inputs and versions.

    Examples
    --------
    The hash is taken over compact, key-sorted JSON:

    >>> import hashlib
    >>> fp = fingerprint({"a": 1}, {"engine": "0"})
    >>> canonical = b'{"inputs":{"a":1},"versions":{"engine":"0"}}'
    >>> fp == "sha256:" + hashlib.sha256(canonical).hexdigest()
    True
    """
    payload = canonical_json({"inputs": inputs, "versions": versions}, indent=None)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()
