"""Answers rendered once: the catalog's (the treaty list, a treaty, a status, a comparison) and the
implementation reports, kept as the JSON bytes they are sent as.

They are large answer models that a request would otherwise build, validate and serialise again
each time, while they depend only on the catalog's version (and the day, or the store's write
version, where they read those), so the key holds those and a catalog, day or store change gives
new keys, never a stale answer.  Errors are raised before an answer is asked for, so none is kept.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from accord.contract import dump


def rendered(request: Request, key: Hashable, model: Any, build: Callable[[], Any]) -> Response:
    """The JSON of ``build()`` through ``model``, rendered on the first request for ``key`` (plus the
    catalog's version) and sent as bytes after that."""
    full_key = (request.app.state.catalog.version, key)
    body = request.app.state.rendered.get_or_compute(full_key, lambda: JSONResponse(dump(model, build())).body)
    return Response(body, media_type="application/json")
