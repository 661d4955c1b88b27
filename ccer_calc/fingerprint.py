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
    >>> fingerprint({"a": 1}, {"engine": "0"})[:12]
    '6d2f0e6f1d4b'
    """
    payload = canonical_json({"inputs": inputs, "versions": versions}, indent=None)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()
