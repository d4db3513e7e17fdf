"""The store's tables and how an older store is brought up to the current schema."""

from __future__ import annotations

import sqlite3

from accord.services.event_rows import EVENTS_SCHEMA, backfill_events

SCHEMA_VERSION = 3  # 2: implementation events; 3: verdicts apart from claims, with the catalog version

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, origin TEXT, url TEXT, outlet TEXT, author TEXT, published TEXT, lang TEXT,
    content_hash TEXT NOT NULL UNIQUE, near_dup_of TEXT, text TEXT NOT NULL, fingerprint BLOB,
    removed_blocks INTEGER, redactions TEXT, not_analysed TEXT, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraphs (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, lang TEXT, analysed INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    treaty TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, start INTEGER, "end" INTEGER, quote TEXT,
    lang TEXT
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS verdicts (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE, verdict TEXT NOT NULL, citation TEXT,
    reason TEXT, sources TEXT, catalog_version TEXT, as_of TEXT
);
CREATE TABLE IF NOT EXISTS ingest_errors (id INTEGER PRIMARY KEY, origin TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts USING fts5(
    text, lemmas, doc_id UNINDEXED, idx UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

# Created after a migration has moved the verdicts out of an older claims table.
JUDGED = """
CREATE INDEX IF NOT EXISTS verdicts_by_verdict ON verdicts(verdict);
CREATE VIEW IF NOT EXISTS judged_claims AS
    SELECT c.id, c.doc_id, c.treaty, c.type, c.value, c.start, c."end", c.quote, c.lang,
           v.verdict, v.citation, v.reason, v.sources
    FROM claims c JOIN verdicts v ON v.claim_id = c.id;
"""
LEGACY_VERDICT_COLUMNS = ("verdict", "citation", "reason", "sources")


class NewerSchema(Exception):
    """The file was written by a newer accord: its version is the argument."""


def _split_verdicts(db: sqlite3.Connection) -> None:
    """A store from before schema 3 keeps its verdicts in the claims table: move them to their own
    table (the catalog they were made against is unknown, so the next rejudge judges them all)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(claims)")}
    if "verdict" not in columns:
        return
    db.execute("INSERT OR IGNORE INTO verdicts (claim_id, verdict, citation, reason, sources, catalog_version, as_of) "
               "SELECT c.id, c.verdict, c.citation, c.reason, c.sources, NULL, "
               "COALESCE(d.published, substr(d.ingested_at, 1, 10)) FROM claims c JOIN documents d ON d.id = c.doc_id")
    db.execute("DROP INDEX IF EXISTS claims_by_verdict")
    for column in LEGACY_VERDICT_COLUMNS:
        db.execute(f"ALTER TABLE claims DROP COLUMN {column}")


def stored_version(db: sqlite3.Connection) -> int | None:
    """The schema version the file says it has, or None for a new (or pre-versioning) file."""
    row = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if row is None:
        return None
    version = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(version[0]) if version is not None else None


def migrate(db: sqlite3.Connection) -> None:
    """Create the tables of a new store or upgrade an older one in place; NewerSchema if the file is newer."""
    version = stored_version(db)
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchema(version)
    if version == SCHEMA_VERSION:
        return  # opening a current store writes nothing, so readers never wait for a running ingest
    # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades to writing
    # while another connection writes fails at once in WAL mode instead of waiting.
    db.executescript("BEGIN IMMEDIATE;" + SCHEMA + EVENTS_SCHEMA)
    try:
        _split_verdicts(db)
        for statement in filter(str.strip, JUDGED.split(";")):
            db.execute(statement)
        backfill_events(db)  # a store from before the events table gets its documents' events
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
