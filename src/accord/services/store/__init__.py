"""SQLite store for processed coverage: documents, paragraphs, claims, verdicts, implementation events, ingest errors.

Documents are written whole, several to a transaction, so an interrupted ingest
leaves whole documents or nothing, and a re-run picks up where it stopped.  Only
cleaned (redacted) text is ever written, and only once, compressed (see ``schema``).
Full-text search uses FTS5 over the text (Porter stemming, good for English); a
Russian word is searched in all its forms (pymorphy3), because FTS5 has no Russian stemmer.

The package keeps one concern a module: ``schema`` (tables and upgrades), ``writing``,
``reading``, ``text_search``, ``near_dup``, ``packed_text`` (how texts are compressed) and
``legacy`` (older layouts); :class:`Store` puts them together.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from accord.services.store.errors import Stored, StoreError, StoreUnavailable
from accord.services.store import packed_text
from accord.services.store.reading import Reading
from accord.services.store.schema import SCHEMA_VERSION, NewerSchema, migrate
from accord.services.store.text_search import MARK_END, MARK_START, lemmatise
from accord.services.store.writing import Writing

__all__ = ["BUSY_TIMEOUT_MS", "MARK_END", "MARK_START", "SCHEMA_VERSION", "Store", "StoreError", "StoreUnavailable",
           "Stored", "lemmatise"]

# How long a writer waits for another's transaction; each holds the lock for one document (milliseconds).
BUSY_TIMEOUT_MS = 30_000
# Pages of a new file: small pages waste less on the many short rows (paragraph offsets, band keys).
PAGE_SIZE = 1024


class Store(Writing, Reading):
    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            # the timeout first: switching to WAL needs a lock, which a running ingest may hold
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # Small pages for a new file (no effect on an existing one): a document's row rarely fills a
            # page, and what a 4 kB page leaves empty after it cost a fifth of the text.
            self.db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            packed_text.register(self.db)  # before migrate(): an upgrade rebuilds the full-text index through the views
            migrate(self.db)
        except NewerSchema as exc:
            raise StoreError(f"{self.path}: schema version {exc.args[0]} is newer than this accord ({SCHEMA_VERSION})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be used as an accord store ({exc})") from exc
        except OSError as exc:  # the folder cannot be created: a file in the way, no permission
            raise StoreError(f"{self.path}: cannot create its folder {self.path.parent} ({exc.strerror or exc})") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
