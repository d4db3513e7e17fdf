"""Request-scoped access to the settings, the catalog, the clock and the store, shared by the API
routes and the pages (the composition root, :mod:`accord.interfaces.app`, puts them on the app).

Reading: ``get_store`` gives a store whose every call runs on the calling thread's
own SQLite connection.  Dependencies are resolved on the event loop and the
handlers that read run on thread-pool threads, so the connection cannot be picked
in the dependency; picking it at call time keeps one per thread, and reads on
separate connections run in parallel (SQLite releases the GIL).

Writing: ``get_writer`` gives the one store that adds documents, behind a lock.
A store keeps its near-duplicate index in memory, so two writing connections
would not see each other's documents as near-duplicates.
"""

from __future__ import annotations

import threading
from pathlib import Path

import datetime as dt

from fastapi import FastAPI, Request

from accord.interfaces.answer_cache import AnswerCache
from accord.interfaces.settings import Settings
from accord.knowledge.catalog import Catalog
from accord.press.pipeline import ProcessedDocument
from accord.services.store import Store


class PerThreadStore:
    """Stands in for a :class:`Store`; attribute access resolves to the calling thread's connection."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def _store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
            with self._lock:
                self._opened.append(store)
        return store

    def __getattr__(self, name: str):
        return getattr(self._store(), name)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


class SerialWriter:
    """Adds processed documents to one store, one at a time, and re-judges its claims between additions."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._store: Store | None = None

    def add(self, doc: ProcessedDocument) -> tuple[str, str | None, str]:
        """(outcome, related id, the id the document is stored under)."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.path)
            return tuple(self._store.put(doc))

    def rejudge(self, catalog: Catalog, today: dt.date):
        """The stored claims judged again against ``catalog`` (see :mod:`accord.services.rejudge`)."""
        from accord.services.rejudge import rejudge

        with self._lock:
            if self._store is None:
                self._store = Store(self.path)
            return rejudge(self._store, catalog, today)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


_state_lock = threading.Lock()


def _shared(app: FastAPI, role: str, make):
    """One reader and one writer per application and database path, made on first use, so a
    server nobody asks about documents never creates the database file."""
    db_path = app.state.settings.db_path
    key = (role, str(db_path))
    with _state_lock:
        if getattr(app.state, "stores", None) is None:
            app.state.stores = {}
        if key not in app.state.stores:
            app.state.stores[key] = make(Path(db_path))
        return app.state.stores[key]


def close_stores(app: FastAPI) -> None:
    with _state_lock:
        stores = list((getattr(app.state, "stores", None) or {}).values())
        app.state.stores = {}
    for store in stores:
        store.close()


# The dependencies are coroutines on purpose: they only look objects up, and a plain ``def``
# dependency costs a hop to the thread pool (and back) on every request.

async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


async def get_today(request: Request) -> dt.date:
    return request.app.state.settings.today()


async def get_store(request: Request) -> Store:
    return _shared(request.app, "read", PerThreadStore)  # type: ignore[return-value]  # a Store, thread by thread


async def get_writer(request: Request) -> SerialWriter:
    return _shared(request.app, "write", SerialWriter)


async def get_answers(request: Request) -> AnswerCache:
    return request.app.state.answers
