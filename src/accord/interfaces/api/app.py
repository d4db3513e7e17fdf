"""The application factory: one FastAPI app serving the JSON API under /api and the pages under /."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from accord.knowledge.catalog import Catalog, default_catalog
from accord.services.store import default_db_path


def create_app(*, catalog: Catalog | None = None, db_path: Path | str | None = None,
               ingest_token: str | None = None, max_body_bytes: int = 1_048_576) -> FastAPI:
    app = FastAPI(title="accord", summary="A computable, cited model of treaties, and a checker for what the press says about them.")
    app.state.catalog = catalog or default_catalog()
    app.state.db_path = Path(db_path) if db_path else default_db_path()
    app.state.ingest_token = ingest_token
    app.state.max_body_bytes = max_body_bytes
    try:
        from accord.interfaces.web import install as install_pages
    except ModuleNotFoundError as exc:  # pages not built: the API still serves
        if exc.name != "accord.interfaces.web":
            raise
    else:
        install_pages(app)
    return app
