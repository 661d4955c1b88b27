"""Bar-chart geometry for the documents, so that templates only place numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["bar_chart"]

_CHART_W, _CHART_H, _CHART_PAD = 640.0, 240.0, 36.0


def bar_chart(items: Sequence[tuple[str, float]], *, width: float = _CHART_W,
              height: float = _CHART_H) -> dict[str, Any]:
    """Geometry of a vertical bar chart, so that the template only places numbers.

    Parameters
    ----------
    items : sequence of (label, value)
        One bar each, in order; values may be negative.
    width, height : float
        Size of the SVG canvas in pixels.

    Returns
    -------
    dict
        ``width``, ``height``, ``zero_y`` (the value axis at zero), ``left``, ``right``, and
        ``bars``: ``label``, ``value``, ``x``, ``y``, ``w``, ``h``, ``cx`` (centre),
        ``label_y`` and ``value_y``.

    Examples
    --------
    >>> c = bar_chart([("A", 1.0), ("B", 3.0)], width=200, height=100)
    >>> [b["h"] for b in c["bars"]]
    [9.33, 28.0]
    """
    values = [float(v) for _, v in items]
    top, bottom = max([0.0, *values]), min([0.0, *values])
    span = (top - bottom) or 1.0
    pad = _CHART_PAD
    plot_h = height - 2 * pad
    scale = plot_h / span
    zero_y = pad + top * scale
    slot = (width - 2 * pad) / max(len(values), 1)
    bar_w = slot * 0.6
    bars = []
    for k, (label, v) in enumerate(zip((str(lb) for lb, _ in items), values, strict=True)):
        h = abs(v) * scale
        y = zero_y - h if v >= 0 else zero_y
        x = pad + k * slot + (slot - bar_w) / 2
        bars.append({"label": label, "value": v, "x": round(x, 2), "y": round(y, 2),
                     "w": round(bar_w, 2), "h": round(h, 2), "cx": round(x + bar_w / 2, 2),
                     "value_y": round(y - 6 if v >= 0 else y + h + 14, 2),
                     "label_y": round(height - pad / 3, 2)})
    return {"width": width, "height": height, "zero_y": round(zero_y, 2), "left": pad,
            "right": width - pad, "bars": bars}
