"""Server-rendered pages over the same library calls as the CLI and the API.

``install(app)`` adds the page routes, the static files under ``/static`` and an
HTML "not found" page for browser requests outside ``/api``.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.interfaces.web import (
    pages_articles, pages_catalog, pages_check, pages_claim, pages_exports, pages_implementation, pages_press,
    pages_reasoning, pages_treaty, pages_trends,
)
from accord.interfaces.web.rendering import STATIC_DIR, not_found, render
from accord.services.store import StoreError


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _install_not_found_page(app: FastAPI) -> None:
    # Wrap whatever handler is registered (the API's JSON errors stay as they are):
    # only a browser asking for a page gets the HTML version of a 404.
    previous = app.exception_handlers.get(StarletteHTTPException)

    async def not_found_page(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404 and _wants_html(request):
            return not_found(request, "page", request.url.path, None)
        if previous is not None:
            return await previous(request, exc)
        raise exc

    app.add_exception_handler(StarletteHTTPException, not_found_page)


def _install_store_error_page(app: FastAPI) -> None:
    # A browser on a coverage page gets a page, not the API's JSON, when the store file is unusable.
    previous = app.exception_handlers.get(StoreError)

    async def store_error_page(request: Request, exc: StoreError):
        if _wants_html(request):
            return render(request, "unavailable.html", {"message": str(exc)}, status_code=503)
        if previous is not None:
            return await previous(request, exc)
        raise exc

    app.add_exception_handler(StoreError, store_error_page)


def install(app: FastAPI) -> None:
    for module in (pages_catalog, pages_treaty, pages_articles, pages_implementation, pages_reasoning, pages_check,
                   pages_exports, pages_claim, pages_press, pages_trends):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_not_found_page(app)
    _install_store_error_page(app)


__all__ = ["install"]
