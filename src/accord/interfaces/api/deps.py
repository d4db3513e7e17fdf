"""Request-scoped access to the catalog and the store, shared by the API routes and the pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from fastapi import Request

from accord.knowledge.catalog import Catalog
from accord.services.store import Store

_local = threading.local()


def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


def get_store(request: Request) -> Iterator[Store]:
    """One SQLite connection per worker thread and database file: connections are cheap to keep and
    unsafe to share between threads that write."""
    path = request.app.state.db_path
    stores: dict = getattr(_local, "stores", None) or {}
    _local.stores = stores
    store = stores.get(str(path))
    if store is None:
        store = stores[str(path)] = Store(path)
    yield store
