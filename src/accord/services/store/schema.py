"""The store's tables, and how an older store is upgraded in place.

Since schema 6 the store keeps each document's cleaned text once, zlib-compressed (see
``packed_text``), and its content hash as 32 bytes. Paragraphs are offsets into the text, one row of
integers each, numbered one after another across the store: a document's paragraphs are the key
range that starts at its ``first_pid`` and runs for its ``paragraphs``, and each names its document,
so the full-text index finds a paragraph's text by primary keys alone. Dense numbers matter because
the full-text index stores each entry's paragraph number as the difference from the one before: a
number per document slot (schema 4 and 5 left a gap of 2**20 between documents) cost a byte or two
more per entry. The full-text index is an FTS5 table with *external content*: it reads the text it
shows back (snippets) from the ``paragraph_text`` view over the documents, and keeps only its index.
It keeps no lemmas: a search asks for every form of a Russian word instead (see ``text_search``). A
document's near-duplicate keys are its 18 LSH band keys (their top 32 bits) in ``near_bands``,
looked up by index when a document is stored, so opening a store reads nothing, and its sketch (128
bytes of its MinHash) in ``near_sketches``, which rules out most candidates before their texts are
read (see ``near_dup``). A verdict row points
at its judgement (verdict, citation, reason, sources), which many claims share, instead of repeating
it. A claim keeps its quote (a few words) although the text holds it too: lists, exports and SQL
tools outside accord read claims without unpacking any text.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from accord.press.dedupe import MAGIC, NUM_PERM, band_keys
from accord.services.event_rows import EVENTS_SCHEMA
from accord.services.store.legacy import PARAGRAPH_SLOTS, SCHEMA_5, TABLES_SINCE_4, run_script, upgrade_to_3
from accord.services.store.near_dup import KEY_SHIFT
from accord.services.store.packed_text import pack

# 2: implementation events; 3: verdicts apart from claims, with the catalog version; 4: compact (text once);
# 5: per-outlet counts kept up to date as documents and verdicts are written; 6: texts compressed, content
# hashes as bytes, paragraphs numbered densely; 7: claim counts per filter combination and per day, row
# counts and a write version, kept by triggers (reads that do not grow with the store); 8: every claim keeps
# its quote (read without the texts), band keys in 32 bits; 9: the writer adds up the counts of what it
# stores, a batch at a time, instead of a trigger per inserted row; 10: a near-duplicate sketch per document, claims indexed by
# their treaty, type and value (the same claim in other documents), claims per day and verdict
SCHEMA_VERSION = 10

# The per-outlet counts (schema 5): documents ('' verdict) and judged claims per outlet and verdict.
# Since schema 9 the writer adds what it stores (``kept_counts``); the triggers take back what is deleted
# and move a claim whose verdict changes.
OUTLET_COUNTS = """
CREATE TABLE IF NOT EXISTS outlet_counts (
    outlet TEXT NOT NULL, verdict TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (outlet, verdict)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS uncount_document AFTER DELETE ON documents BEGIN
    UPDATE outlet_counts SET n = n - 1 WHERE outlet = COALESCE(OLD.outlet, 'unknown') AND verdict = '';
END;
CREATE TRIGGER IF NOT EXISTS uncount_verdict AFTER DELETE ON verdicts BEGIN
    UPDATE outlet_counts SET n = n - 1
        WHERE (outlet, verdict) = (SELECT COALESCE(d.outlet, 'unknown'), j.verdict FROM claims c
                                   JOIN documents d ON d.id = c.doc_id JOIN judgements j ON j.id = OLD.judgement
                                   WHERE c.id = OLD.claim_id);
END;
CREATE TRIGGER IF NOT EXISTS recount_verdict AFTER UPDATE OF judgement ON verdicts
    WHEN (SELECT verdict FROM judgements WHERE id = OLD.judgement) IS NOT (SELECT verdict FROM judgements WHERE id = NEW.judgement)
BEGIN
    UPDATE outlet_counts SET n = n - 1
        WHERE (outlet, verdict) = (SELECT COALESCE(d.outlet, 'unknown'), j.verdict FROM claims c
                                   JOIN documents d ON d.id = c.doc_id JOIN judgements j ON j.id = OLD.judgement
                                   WHERE c.id = OLD.claim_id);
    INSERT INTO outlet_counts
        SELECT COALESCE(d.outlet, 'unknown'), j.verdict, 1 FROM claims c JOIN documents d ON d.id = c.doc_id
        JOIN judgements j ON j.id = NEW.judgement WHERE c.id = NEW.claim_id
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
"""
# The insert triggers of schemas 5 to 8, which counted every stored row one by one; an upgrade to 9 drops them.
COUNTED_BY_THE_WRITER = ("count_document", "count_verdict", "count_claim_counts", "count_claim_days",
                         "count_document_rows", "count_paragraph_rows", "count_claim_rows", "count_event_rows")
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT, url TEXT, outlet TEXT, author TEXT, published TEXT,
    lang TEXT, content_hash BLOB NOT NULL UNIQUE, near_dup_of TEXT, removed_blocks INTEGER, redactions TEXT,
    not_analysed TEXT, ingested_at TEXT NOT NULL, first_pid INTEGER NOT NULL, paragraphs INTEGER NOT NULL,
    text BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraph_spans (
    pid INTEGER PRIMARY KEY, doc INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, lang TEXT,
    analysed INTEGER NOT NULL
);
CREATE VIEW IF NOT EXISTS paragraphs AS
    SELECT d.id AS doc_id, p.pid - d.first_pid AS idx, p.start, p."end", p.lang, p.analysed
    FROM documents d JOIN paragraph_spans p ON p.pid BETWEEN d.first_pid AND d.first_pid + d.paragraphs - 1;
CREATE VIEW IF NOT EXISTS paragraph_text AS
    SELECT p.pid, substr(document_text(d.text), p.start + 1, p."end" - p.start) AS text, d.id AS doc_id,
           p.pid - d.first_pid AS idx
    FROM paragraph_spans p JOIN documents d ON d.n = p.doc;
""" + TABLES_SINCE_4 + """
CREATE TABLE IF NOT EXISTS near_sketches (doc INTEGER PRIMARY KEY, sketch BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS claims_same ON claims(treaty, type, value);
CREATE VIEW IF NOT EXISTS judged_claims AS
    SELECT c.id, c.doc_id, c.treaty, c.type, c.value, c.start, c."end", c.quote, c.lang,
           j.verdict, j.citation, j.reason, j.sources
    FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement;
CREATE TABLE IF NOT EXISTS ingest_errors (id INTEGER PRIMARY KEY, origin TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
""" + OUTLET_COUNTS
# Rebuilds the per-outlet counts from the rows (after an upgrade); the triggers keep them afterwards.
RECOUNT = """
DELETE FROM outlet_counts;
INSERT INTO outlet_counts SELECT COALESCE(outlet, 'unknown'), '', COUNT(*) FROM documents GROUP BY 1;
INSERT INTO outlet_counts
    SELECT COALESCE(d.outlet, 'unknown'), j.verdict, COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id
    JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement GROUP BY 1, 2;
"""

# ---- Counts for the reads (schema 7) ---------------------------------------------------------------
# Lists, facets, totals and the stats line read these few rows instead of counting the claims, so a
# read costs the same on any size of store.  ``claim_counts`` holds the judged claims per combination
# of the five claim filters (verdict, type, lang, treaty, outlet): a total under any filters is a sum
# over the matching combinations, and every facet is summed from them; ``claim_days`` the same per
# publication day as well, for the trends.  Its key columns cannot hold
# NULL (the conflict target of the upsert), so an unknown language or outlet is kept as NO_VALUE.
# ``row_counts`` holds the rows of each table the stats line shows; ``meta.write_version`` goes up with
# every change a reader could see (documents, verdicts, ingest errors), so an answer computed from the
# store can be reused until it moves.  The writer adds what it stores (``kept_counts``); the triggers
# below take back what is deleted and move a claim whose verdict changes.
NO_VALUE = "\x00"
# The publication day a claim is counted under in ``claim_days`` (the trends): the date as precise as
# it is written (a month stays a month), '' for a document without a readable date.
CLAIM_DAY = ("CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(d.published, 1, 10) "
             "ELSE '' END")
_FILTERS = "verdict, type, lang, treaty, outlet"
_FILTER_VALUES = "j.verdict, c.type, COALESCE(c.lang, char(0)), c.treaty, COALESCE(d.outlet, char(0))"


def _kept_claim_counts(table: str, keys: str, values: str) -> str:
    """A table of judged claims per combination of ``keys`` (the SQL ``values`` of claim ``c``, its
    document ``d`` and judgement ``j``) and the triggers that keep it as verdicts are changed and
    deleted (the writer adds the new ones).  A deleted document takes its claims and verdicts with it (ON DELETE
    CASCADE), but by the time the cascade deletes them the document row is gone and the verdicts'
    triggers find nothing to uncount, so its judged claims are uncounted before it goes (and a claim
    deleted alone, before it goes)."""
    judged = "FROM claims c JOIN documents d ON d.id = c.doc_id JOIN judgements j ON j.id = {judgement} WHERE c.id = {claim}"
    count = (f"INSERT INTO {table} SELECT {values}, 1 " + judged.format(judgement="NEW.judgement", claim="NEW.claim_id")
             + " ON CONFLICT DO UPDATE SET n = n + 1;")
    uncount = (f"UPDATE {table} SET n = n - 1 WHERE ({keys}) = (SELECT {values} "
               + judged.format(judgement="OLD.judgement", claim="OLD.claim_id") + ");")
    key_columns = ", ".join(f"{key} TEXT NOT NULL" for key in keys.split(", "))
    return f"""
CREATE TABLE IF NOT EXISTS {table} ({key_columns}, n INTEGER NOT NULL, PRIMARY KEY ({keys})) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS uncount_{table} AFTER DELETE ON verdicts BEGIN
    {uncount}
END;
CREATE TRIGGER IF NOT EXISTS recount_{table} AFTER UPDATE OF judgement ON verdicts
    WHEN (SELECT verdict FROM judgements WHERE id = OLD.judgement) IS NOT (SELECT verdict FROM judgements WHERE id = NEW.judgement)
BEGIN
    {uncount}
    {count}
END;
CREATE TRIGGER IF NOT EXISTS uncount_{table}_of_document BEFORE DELETE ON documents BEGIN
    UPDATE {table} SET n = n - (
        SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id
        JOIN judgements j ON j.id = v.judgement WHERE d.id = OLD.id AND ({values}) = ({", ".join(f"{table}.{k}" for k in keys.split(", "))}))
        WHERE ({keys}) IN (SELECT {values} FROM claims c JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id
                           JOIN judgements j ON j.id = v.judgement WHERE d.id = OLD.id);
END;
CREATE TRIGGER IF NOT EXISTS uncount_{table}_of_claim BEFORE DELETE ON claims BEGIN
    UPDATE {table} SET n = n - 1 WHERE ({keys}) = (
        SELECT {values} FROM claims c JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id
        JOIN judgements j ON j.id = v.judgement WHERE c.id = OLD.id);
END;
"""


def _recount_claims(table: str, keys: str, values: str) -> str:
    return (f"DELETE FROM {table};\nINSERT INTO {table} SELECT {values}, COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id "
            f"JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement GROUP BY {', '.join(str(i + 1) for i in range(len(keys.split(', '))))};\n")


# ``claim_day_verdicts`` (schema 10) is ``claim_days`` summed over the filters: the unfiltered trends read
# a row per day and verdict instead of one per day and combination (62,416 rows at 20,000 documents).
DAY_VERDICTS = ("claim_day_verdicts", "day, verdict", f"{CLAIM_DAY}, j.verdict")
READ_COUNTS = (_kept_claim_counts("claim_counts", _FILTERS, _FILTER_VALUES)
               + _kept_claim_counts("claim_days", "day, " + _FILTERS, f"{CLAIM_DAY}, {_FILTER_VALUES}")
               + _kept_claim_counts(*DAY_VERDICTS) + """
CREATE TABLE IF NOT EXISTS row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES ('write_version', '0');
-- the per-outlet verdict counts (schema 5) lose a deleted document's claims the same way
CREATE TRIGGER IF NOT EXISTS uncount_outlet_claims_of_document BEFORE DELETE ON documents BEGIN
    UPDATE outlet_counts SET n = n - (
        SELECT COUNT(*) FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement
        WHERE c.doc_id = OLD.id AND j.verdict = outlet_counts.verdict)
        WHERE outlet = COALESCE(OLD.outlet, 'unknown') AND verdict != '';
END;
CREATE TRIGGER IF NOT EXISTS uncount_outlet_claim BEFORE DELETE ON claims BEGIN
    UPDATE outlet_counts SET n = n - 1
        WHERE (outlet, verdict) = (SELECT COALESCE(d.outlet, 'unknown'), j.verdict FROM claims c
                                   JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id
                                   JOIN judgements j ON j.id = v.judgement WHERE c.id = OLD.id);
END;
CREATE TRIGGER IF NOT EXISTS version_rejudged AFTER UPDATE OF judgement ON verdicts BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version';
END;
CREATE TRIGGER IF NOT EXISTS uncount_document_rows AFTER DELETE ON documents BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'documents' OR (name = 'near_duplicates' AND OLD.near_dup_of IS NOT NULL);
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version';
END;
CREATE TRIGGER IF NOT EXISTS uncount_paragraph_rows AFTER DELETE ON paragraph_spans BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'paragraphs';
END;
CREATE TRIGGER IF NOT EXISTS uncount_claim_rows AFTER DELETE ON claims BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'claims';
END;
CREATE TRIGGER IF NOT EXISTS uncount_event_rows AFTER DELETE ON events BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'events';
END;
CREATE TRIGGER IF NOT EXISTS count_error_rows AFTER INSERT ON ingest_errors BEGIN
    INSERT INTO row_counts VALUES ('errors', 1) ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version';
END;
CREATE TRIGGER IF NOT EXISTS uncount_error_rows AFTER DELETE ON ingest_errors BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'errors';
END;
""")
# Tables of counts kept from the other rows (by the writer and the triggers), with the number of key
# columns of each: a copy of a store's rows adds them up (``kept_counts.merge_from``) instead of copying them.
KEPT_COUNTS = {"outlet_counts": 2, "claim_counts": 5, "claim_days": 6, "claim_day_verdicts": 2, "row_counts": 1}
# Rebuilds the read counts from the rows (after an upgrade); the triggers keep them afterwards.
RECOUNT_READS = (_recount_claims("claim_counts", _FILTERS, _FILTER_VALUES)
                 + _recount_claims("claim_days", "day, " + _FILTERS, f"{CLAIM_DAY}, {_FILTER_VALUES}")
                 + _recount_claims(*DAY_VERDICTS) + """
DELETE FROM row_counts;
INSERT INTO row_counts
    SELECT 'documents', COUNT(*) FROM documents UNION ALL
    SELECT 'near_duplicates', COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL UNION ALL
    SELECT 'paragraphs', COUNT(*) FROM paragraph_spans UNION ALL
    SELECT 'claims', COUNT(*) FROM claims UNION ALL
    SELECT 'events', COUNT(*) FROM events UNION ALL
    SELECT 'errors', COUNT(*) FROM ingest_errors;
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version';
""")
# ---- end of the read counts ------------------------------------------------------------------------


def recount(db: sqlite3.Connection) -> None:
    """Count every kept count again from the rows, inside the caller's transaction: after an upgrade, or
    after rows were copied in bulk by SQL, which the writer's counting does not see."""
    run_script(db, RECOUNT + RECOUNT_READS)


class NewerSchema(Exception):
    """The file was written by a newer accord: its version is the argument."""


def stored_version(db: sqlite3.Connection) -> int | None:
    """The schema version the file says it has; None for a new file (or one from before versions)."""
    row = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if row is None:
        return None
    version = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(version[0]) if version is not None else None


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def migrate(db: sqlite3.Connection) -> None:
    """Create the tables of a new store or upgrade an older one in place; NewerSchema if the file is newer.

    The version is read again once the write lock is held: of two processes opening an old store
    at once, the second finds it upgraded and leaves it alone."""
    version = stored_version(db)
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchema(version)
    if version == SCHEMA_VERSION:
        return  # opening a current store writes nothing, so readers never wait for a running ingest
    # Tables are rebuilt below: with foreign keys on, dropping the old documents table would delete
    # every claim and event through ON DELETE CASCADE.  (The pragma is a no-op inside a transaction.)
    db.execute("PRAGMA foreign_keys=OFF")
    try:
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades to writing
        # while another connection writes fails at once in WAL mode instead of waiting.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = stored_version(db)
            if version is not None and version > SCHEMA_VERSION:
                raise NewerSchema(version)
            if version != SCHEMA_VERSION:
                stored = _has_table(db, "documents")
                if stored and (version is None or version < 4):
                    upgrade_to_3(db)
                    _upgrade_3_to_4(db)
                if stored and (version is None or version < 6):
                    _upgrade_5_to_6(db)
                if stored and (version is None or version < 8):
                    _upgrade_to_8(db)
                recounted = stored and (version is None or version < 9)  # 10 adds two tables and an index
                if recounted:
                    for name in COUNTED_BY_THE_WRITER:
                        db.execute(f"DROP TRIGGER IF EXISTS {name}")
                run_script(db, SCHEMA + EVENTS_SCHEMA + READ_COUNTS)
                if recounted:
                    recount(db)
                elif stored:  # from 9: the one new count
                    run_script(db, _recount_claims(*DAY_VERDICTS))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.execute("PRAGMA foreign_keys=ON")


def _upgrade_3_to_4(db: sqlite3.Connection) -> None:
    """Move a schema-3 store to the compact layout, inside the caller's transaction (foreign keys off)."""
    for (view,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
        db.execute(f"DROP VIEW {view}")
    # Legacy renames leave the claims' and events' REFERENCES documents(id) pointing at the name, which
    # the new documents table takes over, instead of following the old table to its temporary name.
    db.execute("PRAGMA legacy_alter_table=ON")
    try:
        for table in ("paragraphs", "verdicts", "documents"):
            db.execute(f"ALTER TABLE {table} RENAME TO {table}_3")
    finally:
        db.execute("PRAGMA legacy_alter_table=OFF")
    db.execute("DROP TABLE paragraph_fts")
    db.execute("DROP INDEX IF EXISTS claims_by_doc")
    db.execute("DROP INDEX IF EXISTS verdicts_by_verdict")
    run_script(db, SCHEMA_5)
    db.execute("INSERT INTO documents (id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, "
               "removed_blocks, redactions, not_analysed, ingested_at, text) "
               "SELECT id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, removed_blocks, "
               "redactions, not_analysed, ingested_at, text FROM documents_3 ORDER BY rowid")
    numbers = dict(db.execute("SELECT id, n FROM documents"))
    texts = {}
    for doc_id, fingerprint, text in db.execute("SELECT id, fingerprint, text FROM documents_3").fetchall():
        texts[doc_id] = text
        if fingerprint and fingerprint.startswith(MAGIC) and len(fingerprint) >= len(MAGIC) + NUM_PERM * 4:
            signature = fingerprint[len(MAGIC):len(MAGIC) + NUM_PERM * 4]
            db.executemany("INSERT OR IGNORE INTO near_bands (key, doc) VALUES (?, ?)",
                           [(key, numbers[doc_id]) for key in band_keys(signature)])
    rows = db.execute('SELECT doc_id, idx, start, "end", lang, analysed FROM paragraphs_3 ORDER BY doc_id, idx').fetchall()
    for doc_id, idx, start, end, lang, analysed in rows:
        pid = numbers[doc_id] * PARAGRAPH_SLOTS + idx
        text = texts[doc_id][start:end]
        db.execute('INSERT INTO paragraph_spans (pid, start, "end", lang, analysed) VALUES (?,?,?,?,?)',
                   (pid, start, end, lang, analysed))
        db.execute("INSERT INTO paragraph_fts (rowid, text, doc_id, idx) VALUES (?,?,?,?)", (pid, text, doc_id, idx))
    rows = db.execute("SELECT claim_id, verdict, citation, reason, sources, catalog_version, as_of FROM verdicts_3").fetchall()
    for claim_id, verdict, citation, reason, sources, catalog_version, as_of in rows:
        judgement = judgement_id(db, verdict, citation, reason, json.loads(sources or "[]"), catalog_version)
        db.execute("INSERT INTO verdicts (claim_id, judgement, as_of) VALUES (?,?,?)", (claim_id, judgement, as_of))
    db.execute('UPDATE claims SET quote = NULL WHERE quote = (SELECT substr(d.text, claims.start + 1, claims."end" - claims.start) '
               "FROM documents d WHERE d.id = claims.doc_id)")
    for table in ("paragraphs_3", "verdicts_3", "documents_3"):
        db.execute(f"DROP TABLE {table}")
    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError("the upgraded store has rows that point at nothing; it was left as it was")


def _upgrade_5_to_6(db: sqlite3.Connection) -> None:
    """Compress the texts, store the hashes as bytes and number the paragraphs densely, inside the
    caller's transaction (foreign keys off; ``packed_text`` registered on the connection).

    The documents keep their numbers, so the near-duplicate keys, claims and events stay as they
    are; the full-text index is built again over the renumbered paragraphs."""
    for (view,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
        db.execute(f"DROP VIEW {view}")
    db.execute("DROP TABLE paragraph_fts")
    # a renamed table takes its triggers and indexes along, and their names would keep the new table's out
    for name in ("count_document", "uncount_document"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in ("documents_by_date", "documents_by_outlet"):
        db.execute(f"DROP INDEX IF EXISTS {name}")
    db.create_function("pack_text", 1, pack, deterministic=True)
    db.create_function("hash_bytes", 1, bytes.fromhex, deterministic=True)
    db.execute("PRAGMA legacy_alter_table=ON")  # as in _upgrade_3_to_4: the claims keep pointing at "documents"
    try:
        for table in ("paragraph_spans", "documents"):
            db.execute(f"ALTER TABLE {table} RENAME TO {table}_5")
    finally:
        db.execute("PRAGMA legacy_alter_table=OFF")
    run_script(db, SCHEMA)
    # each document's first paragraph number and count, worked out apart so the texts are not sorted along
    db.execute(f"CREATE TEMP TABLE counted AS SELECT pid / {PARAGRAPH_SLOTS} AS n, COUNT(*) AS k FROM paragraph_spans_5 GROUP BY 1")
    db.execute("CREATE TEMP TABLE numbered AS SELECT d.n, COALESCE(c.k, 0) AS k, "
               "1 + SUM(COALESCE(c.k, 0)) OVER (ORDER BY d.n) - COALESCE(c.k, 0) AS first_pid "
               "FROM documents_5 d LEFT JOIN counted c ON c.n = d.n")
    db.execute("INSERT INTO documents (n, id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, "
               "removed_blocks, redactions, not_analysed, ingested_at, first_pid, paragraphs, text) "
               "SELECT d.n, d.id, d.origin, d.url, d.outlet, d.author, d.published, d.lang, hash_bytes(d.content_hash), "
               "d.near_dup_of, d.removed_blocks, d.redactions, d.not_analysed, d.ingested_at, x.first_pid, x.k, "
               "pack_text(d.text) FROM documents_5 d JOIN temp.numbered x ON x.n = d.n ORDER BY d.n")
    db.execute('INSERT INTO paragraph_spans (pid, doc, start, "end", lang, analysed) '
               f'SELECT d.first_pid + p.pid % {PARAGRAPH_SLOTS}, d.n, p.start, p."end", p.lang, p.analysed '
               f"FROM paragraph_spans_5 p JOIN documents d ON d.n = p.pid / {PARAGRAPH_SLOTS} ORDER BY p.pid")
    db.execute("DROP TABLE temp.counted")
    db.execute("DROP TABLE temp.numbered")
    db.execute("INSERT INTO paragraph_fts (paragraph_fts) VALUES ('rebuild')")
    for table in ("paragraph_spans_5", "documents_5"):
        db.execute(f"DROP TABLE {table}")
    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError("the upgraded store has rows that point at nothing; it was left as it was")


def _upgrade_to_8(db: sqlite3.Connection) -> None:
    """Give every claim its quote, read from its document's text where it was left out because the two
    were the same, and keep the band keys' top 32 bits, inside the caller's transaction (a store of
    schema 6 or 7, or one just brought to 6; the read counts of 7 are kept or added by the caller)."""
    db.execute("DROP VIEW IF EXISTS judged_claims")
    db.execute("ALTER TABLE near_bands RENAME TO near_bands_6")
    run_script(db, SCHEMA)
    db.execute(f"INSERT OR IGNORE INTO near_bands (key, doc) SELECT key >> {KEY_SHIFT}, doc FROM near_bands_6")
    db.execute("DROP TABLE near_bands_6")
    db.execute('UPDATE claims SET quote = (SELECT substr(document_text(d.text), claims.start + 1, claims."end" - claims.start) '
               'FROM documents d WHERE d.id = claims.doc_id) WHERE quote IS NULL AND start IS NOT NULL AND "end" IS NOT NULL')


def judgement_id(db: sqlite3.Connection, verdict: str, citation, reason, sources: list, catalog_version,
                 known: dict[tuple, int] | None = None) -> int:
    """The id of this judgement in the shared table, added if new (inside the caller's transaction).
    ``known`` remembers the ids found so far in the transaction (the caller forgets it on a rollback),
    by the values themselves: most claims of a batch repeat a judgement, which then costs a look-up."""
    plain = (verdict, citation, reason, tuple(sources), catalog_version)
    if known is not None and plain in known:
        return known[plain]
    values = (verdict, citation, reason, json.dumps(sources), catalog_version)
    # Found by a digest of its values (12 bytes), not by an index over the long sources and reasons.
    key = hashlib.blake2b(json.dumps(values, ensure_ascii=False).encode("utf-8"), digest_size=12).digest()
    row = db.execute("SELECT id FROM judgements WHERE key = ?", (key,)).fetchone()
    found = row[0] if row is not None else db.execute(
        "INSERT INTO judgements (key, verdict, citation, reason, sources, catalog_version) VALUES (?,?,?,?,?,?)",
        (key, *values)).lastrowid
    if known is not None:
        known[plain] = found
    return found
