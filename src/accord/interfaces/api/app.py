"""The application factory: one FastAPI app serving the JSON API under /api and the pages under /."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from accord.interfaces.api import routes_implementation, routes_press, routes_reasoning, routes_treaties
from accord.interfaces.api.deps import close_stores
from accord.interfaces.api.docs import install_docs
from accord.interfaces.api.errors import install_error_handlers
from accord.interfaces.api.limits import BodySizeLimit
from accord.knowledge.catalog import Catalog, default_catalog
from accord.press.verify import check_text
from accord.services.store import default_db_path


# One sentence per supported language: checking them builds the language detector and the
# claim matchers, which are otherwise built by (and slow down) the first request.
WARM_UP = ("Russia and Iran signed the treaty in Moscow on 17 January 2025.",
           "Россия и Иран подписали договор в Москве 17 января 2025 года.")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    for sentence in WARM_UP:
        await run_in_threadpool(check_text, sentence, catalog=app.state.catalog)
    try:
        yield
    finally:
        close_stores(app)


def create_app(*, catalog: Catalog | None = None, db_path: Path | str | None = None,
               ingest_token: str | None = None, max_body_bytes: int = 1_048_576) -> FastAPI:
    app = FastAPI(title="accord", summary="A computable, cited model of treaties, and a checker for what the press says about them.",
                  docs_url=None, redoc_url=None, lifespan=_lifespan)
    app.state.catalog = catalog or default_catalog()
    app.state.db_path = Path(db_path) if db_path else default_db_path()
    app.state.ingest_token = ingest_token or None
    app.state.max_body_bytes = max_body_bytes
    app.add_middleware(BodySizeLimit)
    install_error_handlers(app)
    for module in (routes_treaties, routes_reasoning, routes_press, routes_implementation):
        app.include_router(module.router)
    install_docs(app)
    from accord.interfaces.web import install as install_pages  # here: the pages import this package

    install_pages(app)
    return app
