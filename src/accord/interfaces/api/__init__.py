"""The REST API (FastAPI) over the treaty engine and the press store, under /api.

``install(app)`` adds the routes, the JSON error handlers and the offline
documentation to an application built by :mod:`accord.interfaces.app`.
"""

from __future__ import annotations

from fastapi import FastAPI

from accord.interfaces.api import routes_claimreview, routes_implementation, routes_press, routes_reasoning, routes_treaties
from accord.interfaces.api.docs import install_docs
from accord.interfaces.api.errors import install_error_handlers


def install(app: FastAPI) -> None:
    install_error_handlers(app)
    for module in (routes_treaties, routes_reasoning, routes_press, routes_claimreview, routes_implementation):
        app.include_router(module.router)
    install_docs(app)


__all__ = ["install"]
