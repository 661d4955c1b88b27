"""The HTTP service (optional extra ``server``: FastAPI and uvicorn): ``ccer-calc serve``.

Endpoints: ``GET /methodologies``, ``GET /methodologies/{id}``,
``GET /methodologies/{id}/schema``, ``POST /compute``, ``POST /verify``, ``POST /report``, and
``GET /openapi.json``. See :mod:`ccer_calc.server.app` for the request shapes and limits and
:mod:`ccer_calc.server.problems` for the errors. :func:`inline_project` turns a project file and
the files it names (monitoring rows inline, a plug-in's inventories beside the project) into
the JSON body of ``POST /compute``; it needs no extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccer_calc.server.inline import inline_project

if TYPE_CHECKING:
    from ccer_calc.server.app import create_app
    from ccer_calc.server.limits import Limits

__all__ = ["Limits", "create_app", "inline_project"]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - lazy attributes
    if name == "create_app":
        from ccer_calc.server.app import create_app  # noqa: PLC0415 - needs the extra

        return create_app
    if name == "Limits":
        from ccer_calc.server.limits import Limits  # noqa: PLC0415 - needs the extra

        return Limits
    raise AttributeError(name)
