"""The layouts of schema 3 and before, kept to upgrade older stores (and to build one in the tests).

Schema 3 kept each paragraph's text twice more (the FTS5 table's own copy, with a lemma column for
every Russian word), each document's full shingle set in its fingerprint, and each claim's citation,
reason and sources in its verdict row.  :func:`upgrade_to_3` brings a schema 1 or 2 store to that
layout; :mod:`accord.services.store.schema` then moves it to the compact one.
"""

from __future__ import annotations

import sqlite3

from accord.services.event_rows import EVENTS_SCHEMA, backfill_events

SCHEMA_3 = """
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
JUDGED_3 = """
CREATE INDEX IF NOT EXISTS verdicts_by_verdict ON verdicts(verdict);
CREATE VIEW IF NOT EXISTS judged_claims AS
    SELECT c.id, c.doc_id, c.treaty, c.type, c.value, c.start, c."end", c.quote, c.lang,
           v.verdict, v.citation, v.reason, v.sources
    FROM claims c JOIN verdicts v ON v.claim_id = c.id;
"""
LEGACY_VERDICT_COLUMNS = ("verdict", "citation", "reason", "sources")

# Schemas 4 and 5 (5 added the per-outlet counts, which schema 6 keeps as they were): the text as it
# is, in a TEXT column, the content hash in hex, and a paragraph numbered n * PARAGRAPH_SLOTS + index.
PARAGRAPH_SLOTS = 1 << 20
# The full-text index, near-duplicate keys, claims and judgements as schema 4 made them; the current
# schema keeps them as they are.
TABLES_SINCE_4 = """
CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts USING fts5(
    text, doc_id UNINDEXED, idx UNINDEXED, content = 'paragraph_text', content_rowid = 'pid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS near_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    treaty TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, start INTEGER, "end" INTEGER, quote TEXT,
    lang TEXT
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, start);
CREATE INDEX IF NOT EXISTS documents_by_date ON documents(published DESC, id);
CREATE INDEX IF NOT EXISTS documents_by_outlet ON documents(outlet, published DESC, id);
CREATE TABLE IF NOT EXISTS judgements (
    id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, verdict TEXT NOT NULL, citation TEXT, reason TEXT, sources TEXT,
    catalog_version TEXT
);
CREATE TABLE IF NOT EXISTS verdicts (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    judgement INTEGER NOT NULL REFERENCES judgements(id), as_of TEXT
);
CREATE INDEX IF NOT EXISTS verdicts_by_judgement ON verdicts(judgement);
"""
SCHEMA_5 = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT, url TEXT, outlet TEXT, author TEXT, published TEXT,
    lang TEXT, content_hash TEXT NOT NULL UNIQUE, near_dup_of TEXT, removed_blocks INTEGER, redactions TEXT,
    not_analysed TEXT, ingested_at TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraph_spans (
    pid INTEGER PRIMARY KEY, start INTEGER NOT NULL, "end" INTEGER NOT NULL, lang TEXT, analysed INTEGER NOT NULL
);
CREATE VIEW IF NOT EXISTS paragraphs AS
    SELECT d.id AS doc_id, p.pid - d.n * {PARAGRAPH_SLOTS} AS idx, p.start, p."end", p.lang, p.analysed
    FROM documents d JOIN paragraph_spans p ON p.pid BETWEEN d.n * {PARAGRAPH_SLOTS} AND d.n * {PARAGRAPH_SLOTS} + {PARAGRAPH_SLOTS - 1};
CREATE VIEW IF NOT EXISTS paragraph_text AS
    SELECT p.pid, substr(d.text, p.start + 1, p."end" - p.start) AS text, d.id AS doc_id, p.pid - d.n * {PARAGRAPH_SLOTS} AS idx
    FROM paragraph_spans p JOIN documents d ON d.n = p.pid / {PARAGRAPH_SLOTS};
""" + TABLES_SINCE_4 + """
CREATE VIEW IF NOT EXISTS judged_claims AS
    SELECT c.id, c.doc_id, c.treaty, c.type, c.value, c.start, c."end",
           COALESCE(c.quote, substr(d.text, c.start + 1, c."end" - c.start)) AS quote, c.lang,
           j.verdict, j.citation, j.reason, j.sources
    FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement
         JOIN documents d ON d.id = c.doc_id;
CREATE TABLE IF NOT EXISTS ingest_errors (id INTEGER PRIMARY KEY, origin TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
"""



def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run each statement of ``script`` inside the caller's transaction (``executescript`` would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


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


def upgrade_to_3(db: sqlite3.Connection) -> None:
    """Bring a store of schema 1 to 3 to the schema-3 layout, inside the caller's transaction."""
    run_script(db, SCHEMA_3 + EVENTS_SCHEMA)
    _split_verdicts(db)
    run_script(db, JUDGED_3)
    backfill_events(db)  # a store from before the events table gets its documents' events
