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

from accord.knowledge.catalog import Catalog, default_catalog, load_catalog

DB_ENV = "ACCORD_DB"
DEFAULT_TOKEN_ENV = "ACCORD_INGEST_TOKEN"
DEFAULT_MAX_BODY_BYTES = 1_048_576


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$ACCORD_DB`` if set, else ``accord.sqlite`` in the user's data folder."""
    env = (os.environ if environ is None else environ).get(DB_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir("accord")) / "accord.sqlite"


def system_today() -> dt.date:
    return dt.date.today()


class Settings(BaseModel):
    """What one run of accord works with."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    db_path: Path = Field(default_factory=default_db_path, description="The SQLite store.")
    catalog_dir: Path | None = Field(None, description="A catalog folder (treaties/*.yaml, parties.yaml); None: the built-in one.")
    ingest_token: str | None = Field(None, description="Bearer token for writing over HTTP; None: writing is off.")
    max_body_bytes: int = Field(DEFAULT_MAX_BODY_BYTES, ge=1, description="Largest request body the server accepts.")
    clock: Callable[[], dt.date] = Field(system_today, description="Today's date; fixed in tests.")

    def today(self) -> dt.date:
        return self.clock()

    @cached_property
    def catalog(self) -> Catalog:
        """Loaded once per settings object (raises CatalogError when a file is invalid)."""
        return load_catalog(self.catalog_dir) if self.catalog_dir else default_catalog()
