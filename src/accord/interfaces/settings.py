"""One object for everything the environment decides: read at the edge, passed down.

The CLI and the server build a :class:`Settings` from their options and the
environment (``ACCORD_DB`` is read here and nowhere else); the library below
receives the values it needs as arguments — the store's path, the catalog, and
today's date from the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property
from pathlib import Path
from typing import Callable, Mapping

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

from accord.knowledge.catalog import Catalog, catalog_with_user, default_catalog, load_catalog

DB_ENV = "ACCORD_DB"
USER_CATALOG_ENV = "ACCORD_CATALOG"
DEFAULT_TOKEN_ENV = "ACCORD_INGEST_TOKEN"
DEFAULT_MAX_BODY_BYTES = 1_048_576
DEFAULT_SEARCH_RATE = "20/second;300/minute"
# Starlette's default is 40 threads.  Handlers that hold the GIL (page rendering, JSON) gain nothing
# from more threads than cores, and each runnable thread makes the event loop wait longer for the
# GIL (every thread gets its 5 ms turn first), which under load delayed even the cheapest answers
# by seconds.  A few more than the cores keep SQLite's reads (which release the GIL) overlapping.
DEFAULT_REQUEST_THREADS = 8
# Whole GET answers kept until the store, the catalog or the day changes (accord.interfaces.response_cache).
DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$ACCORD_DB`` if set, else ``accord.sqlite`` in the user's data folder."""
    env = (os.environ if environ is None else environ).get(DB_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir("accord")) / "accord.sqlite"


def default_user_catalog_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user catalog folder (imported treaties and texts): ``$ACCORD_CATALOG``, else 'catalog'
    in the user's data folder."""
    env = (os.environ if environ is None else environ).get(USER_CATALOG_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir("accord")) / "catalog"


def system_today() -> dt.date:
    return dt.date.today()


class Settings(BaseModel):
    """What one run of accord works with."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    db_path: Path = Field(default_factory=default_db_path, description="The SQLite store.")
    catalog_dir: Path | None = Field(None, description="A catalog folder (treaties/*.yaml, parties.yaml); None: the built-in one.")
    user_catalog_dir: Path | None = Field(None, description="The user catalog loaded next to it (imported treaties and texts).")
    ingest_token: str | None = Field(None, description="Bearer token for writing over HTTP; None: writing is off.")
    max_body_bytes: int = Field(DEFAULT_MAX_BODY_BYTES, ge=1, description="Largest request body the server accepts.")
    search_rate: str | None = Field(DEFAULT_SEARCH_RATE, description="Searches allowed per client, in the `limits` "
                                    "notation ('20/second;300/minute'); None: no limit.")
    clock: Callable[[], dt.date] = Field(system_today, description="Today's date; fixed in tests.")
    request_threads: int = Field(DEFAULT_REQUEST_THREADS, ge=1, description="Threads running the blocking handlers "
                                 "(store reads, pages) of one server process.")
    response_cache_bytes: int = Field(DEFAULT_RESPONSE_CACHE_BYTES, ge=0, description="Bytes of whole GET answers a server "
                                      "process keeps until the store, the catalog or the day changes; 0: none.")

    def today(self) -> dt.date:
        return self.clock()

    @cached_property
    def catalog(self) -> Catalog:
        """Loaded once per settings object (raises CatalogError when a file is invalid)."""
        if self.catalog_dir is not None:
            return load_catalog(self.catalog_dir, self.user_catalog_dir)
        return catalog_with_user(self.user_catalog_dir) if self.user_catalog_dir is not None else default_catalog()

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, **given) -> "Settings":
        """What the command line and ``accord serve`` start from: the store and the user catalog
        the environment names (``ACCORD_DB``, ``ACCORD_CATALOG``), then the options ``given``."""
        return cls(**{"db_path": default_db_path(environ), "user_catalog_dir": default_user_catalog_dir(environ), **given})
