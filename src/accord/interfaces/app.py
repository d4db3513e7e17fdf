"""The composition root: one FastAPI application serving the JSON API under /api and the pages under /.

Both are built here from the same shared dependencies (settings, catalog, clock,
stores: :mod:`accord.interfaces.deps`), so neither the API package nor the pages
import each other.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from anyio import to_thread
from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp

from accord.interfaces import api, web
from accord.interfaces.api.headers import SecurityHeaders
from accord.interfaces.api.limits import BodySizeLimit
from accord.interfaces.api.ratelimit import SearchRateLimit
from accord.interfaces.answer_cache import AnswerCache
from accord.interfaces.tracked import KEPT_REPORTS
from accord.interfaces.deps import close_stores
from accord.interfaces.response_cache import ResponseCache, ServeCached, StoreVersion
from accord.interfaces.settings import Settings
from accord.interfaces.web.rate_limited import too_many_searches_page
from accord.knowledge.catalog import Catalog
from accord.press.verify import check_text

# One sentence per supported language: checking them builds the language detector and the
# claim matchers, which are otherwise built by (and slow down) the first request.
WARM_UP = ("Russia and Iran signed the treaty in Moscow on 17 January 2025.",
           "Россия и Иран подписали договор в Москве 17 января 2025 года.")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    to_thread.current_default_thread_limiter().total_tokens = app.state.settings.request_threads
    for sentence in WARM_UP:
        await run_in_threadpool(check_text, sentence, catalog=app.state.catalog, today=app.state.settings.today())
    try:
        yield
    finally:
        close_stores(app)
        app.state.store_version.close()


RENDERED_BYTES = 64 * 1024 * 1024


class _App(FastAPI):
    """FastAPI with the security headers outside Starlette's own outermost error middleware: a
    middleware added with ``add_middleware`` sits inside it, so the 500 it sends for an unexpected
    exception would go out without them."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(settings: Settings | None = None, *, catalog: Catalog | None = None, **overrides) -> FastAPI:
    """The application for ``settings`` (keyword ``overrides`` replace single settings: ``db_path=...``);
    ``catalog`` replaces the settings' catalog (a catalog built in memory, in tests)."""
    settings = (settings or Settings()).model_copy(update=overrides) if overrides else (settings or Settings())
    app = _App(title="accord", summary="A computable, cited model of treaties, and a checker for what the press says about them.",
                  docs_url=None, redoc_url=None, lifespan=_lifespan)
    app.state.settings = settings
    app.state.catalog = catalog or settings.catalog
    app.state.answers = AnswerCache()  # checks and scenarios, keyed on their inputs, the catalog version and the day
    # catalog answers and implementation reports, as JSON bytes (a store's report can run to megabytes)
    app.state.rendered = AnswerCache(entries=256, max_bytes=RENDERED_BYTES)
    app.state.reports = AnswerCache(entries=KEPT_REPORTS)  # implementation reports (``tracked``)
    app.state.store_version = StoreVersion(settings.db_path)

    def answers_depend_on() -> tuple:
        return app.state.store_version(), app.state.catalog.version, settings.today()

    # innermost: the body limit and the search rate limit still see every request
    app.state.responses = ResponseCache(max_bytes=settings.response_cache_bytes, version=answers_depend_on)
    app.add_middleware(ServeCached, cache=app.state.responses)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SearchRateLimit, page=too_many_searches_page)
    api.install(app)
    web.install(app)
    return app
