"""SQLite store for processed coverage: documents, paragraphs, claims, verdicts, implementation events, ingest errors.

One transaction per document, so an interrupted ingest leaves whole documents
or nothing, and a re-run picks up where it stopped.  Only cleaned (redacted)
text is ever written.  Full-text search uses FTS5 with two columns: the text
(Porter stemming, good for English) and a lemma column (pymorphy3 normal
forms), because FTS5 has no Russian stemmer.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from accord.knowledge.catalog import nearest
from accord.press.dedupe import Fingerprint, NearDuplicateIndex
from accord.press.pipeline import ProcessedDocument
from accord.services.event_rows import EVENTS_SCHEMA, backfill_events, insert_events, select_events
from accord.services.search_limits import SEARCH_BUDGET_SECONDS, query_terms, time_budget

SCHEMA_VERSION = 3  # 2: implementation events; 3: verdicts apart from claims, with the catalog version
# How long a writer waits for another's transaction; each holds the lock for one document (milliseconds).
BUSY_TIMEOUT_MS = 30_000
WORD = re.compile(r"\w+", re.U)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Snippet match markers: control characters that cleaned text never contains.
MARK_START, MARK_END = "\x02", "\x03"

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


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # loaded only when Russian text is indexed or searched

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return _morph().parse(word)[0].normal_form if CYRILLIC.search(word) else word


def lemmatise(text: str) -> str:
    return " ".join(_lemma(w.lower()) for w in WORD.findall(text))


def _fts_query(words: list[str]) -> str:
    """The user's words, lemmatised, as an FTS5 query matching either column."""
    if not words:
        return ""
    text_part = " ".join(f'"{w}"' for w in words)
    lemma_part = " ".join(f'"{_lemma(w)}"' for w in words)
    return f"(text: ({text_part})) OR (lemmas: ({lemma_part}))"


def _unmark(marked: str, lemmas: set[str]) -> dict:
    """Split an FTS5 snippet into plain text and match offsets. Russian words are also matched by
    lemma, since FTS5 marks only the text column and they were found through the lemma column."""
    text, matches, pos = [], [], 0
    for piece in re.split(f"({MARK_START}|{MARK_END})", marked):
        if piece == MARK_START:
            start = pos
        elif piece == MARK_END:
            matches.append([start, pos])
        else:
            text.append(piece)
            pos += len(piece)
    plain = "".join(text)
    for word in WORD.finditer(plain):
        if CYRILLIC.search(word.group()) and _lemma(word.group().lower()) in lemmas:
            matches.append([word.start(), word.end()])
    return {"snippet": plain, "matches": [list(m) for m in sorted({tuple(m) for m in matches})]}


class Stored(NamedTuple):
    """What :meth:`Store.put` did: the outcome, the document it relates to (the copy it repeats
    or resembles), and the id it is stored under (a second version of a known id gets a new one)."""

    outcome: str  # "new" | "unchanged" | "near-duplicate"
    related: str | None
    id: str


class StoreError(RuntimeError):
    """The database file cannot be used (not a database, a newer schema, not writable)."""


class StoreUnavailable(StoreError):
    """The store cannot take a write now (locked past the busy timeout, disk full, read-only): no document
    could be stored, so a batch stops here with what it already stored kept."""


class Store:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            # the timeout first: switching to WAL needs a lock, which a running ingest may hold
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be used as an accord store ({exc})") from exc
        except OSError as exc:  # the folder cannot be created: a file in the way, no permission
            raise StoreError(f"{self.path}: cannot create its folder {self.path.parent} ({exc.strerror or exc})") from exc
        self._near: NearDuplicateIndex | None = None
        self._near_seen = 0  # the highest documents rowid the near-duplicate index has taken in
        self._near_ids: set[str] = set()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _migrate(self) -> None:
        row = self.db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if row is not None:
            version = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if version is not None and int(version[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version[0]} is newer than this accord ({SCHEMA_VERSION})")
            if version is not None and int(version[0]) == SCHEMA_VERSION:
                return  # opening a current store writes nothing, so readers never wait for a running ingest
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades to writing
        # while another connection writes fails at once in WAL mode instead of waiting.
        self.db.executescript("BEGIN IMMEDIATE;" + SCHEMA + EVENTS_SCHEMA)
        try:
            _split_verdicts(self.db)
            for statement in filter(str.strip, JUDGED.split(";")):
                self.db.execute(statement)
            backfill_events(self.db)  # a store from before the events table gets its documents' events
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # --- writing ----------------------------------------------------------------------------
    def _near_index(self) -> NearDuplicateIndex:
        """The near-duplicate index, caught up with documents other connections stored since it last looked."""
        if self._near is None:
            # Shingles stay on disk (about 4 kB a document): the index reads a candidate's back when it checks one.
            self._near = NearDuplicateIndex(load=self._stored_fingerprint)
            self._near_seen = 0
        rows = self.db.execute("SELECT rowid, id, fingerprint FROM documents WHERE rowid > ? AND fingerprint IS NOT NULL "
                               "ORDER BY rowid", (self._near_seen,))
        for row in rows:
            if row["id"] not in self._near_ids:
                self._near.add_fingerprint(row["id"], Fingerprint.from_bytes(row["fingerprint"]))
                self._near_ids.add(row["id"])
            self._near_seen = row[0]
        return self._near

    def _stored_fingerprint(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT fingerprint FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row is not None else None

    def add(self, doc: ProcessedDocument) -> tuple[str, str | None]:
        """Store one processed document: ("new" | "unchanged" | "near-duplicate", related id)."""
        return self.put(doc)[:2]

    def put(self, doc: ProcessedDocument) -> Stored:
        """Store one processed document and say where it went (see :class:`Stored`).

        One transaction that takes the write lock first (BEGIN IMMEDIATE), so the look-ups that decide
        the outcome and the insert see the same state: several processes storing the same documents end
        with one copy each, and none fails.  The content hash is also the insert's conflict target."""
        fp = Fingerprint.from_bytes(doc.fingerprint)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"{self.path}: cannot take the write lock ({exc})") from exc
        try:
            same = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", (doc.content_hash,)).fetchone()
            if same is not None:
                self.db.execute("ROLLBACK")
                return Stored("unchanged", same["id"], same["id"])
            doc_id = doc.id
            if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                doc_id = f"{doc.id}~{doc.content_hash[:8]}"  # same id, other content: keep both versions
            near = self._near_index().query_fingerprint(fp)  # caught up with other writers' documents first
            near_of = near[0][0] if near else None
            inserted = self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING",
                (doc_id, doc.origin, doc.url, doc.outlet, doc.author, doc.published.isoformat() if doc.published else None,
                 doc.lang, doc.content_hash, near_of, doc.text, doc.fingerprint, doc.removed_blocks,
                 json.dumps(doc.redactions), json.dumps(doc.not_analysed), now),
            ).rowcount
            if not inserted:  # cannot happen under the lock; kept so a copy is never stored twice
                self.db.execute("ROLLBACK")
                return Stored("unchanged", doc_id, doc_id)
            self.db.executemany(
                'INSERT INTO paragraphs (doc_id, idx, start, "end", lang, analysed) VALUES (?,?,?,?,?,?)',
                [(doc_id, i, p.start, p.end, p.lang, int(p.analysed)) for i, p in enumerate(doc.paragraphs)],
            )
            self.db.executemany(
                "INSERT INTO paragraph_fts (text, lemmas, doc_id, idx) VALUES (?,?,?,?)",
                [(doc.text[p.start:p.end], lemmatise(doc.text[p.start:p.end]) if p.lang == "ru" else "", doc_id, i)
                 for i, p in enumerate(doc.paragraphs)],
            )
            self.db.executemany(
                'INSERT INTO claims (doc_id, treaty, type, value, start, "end", quote, lang) VALUES (?,?,?,?,?,?,?,?)',
                [(doc_id, c.treaty, c.type, json.dumps(c.value, ensure_ascii=False), c.start, c.end, c.quote, c.lang)
                 for c in doc.claims],
            )
            ids = [row[0] for row in self.db.execute("SELECT id FROM claims WHERE doc_id = ? ORDER BY id", (doc_id,))]
            as_of = doc.judged_as_of.isoformat() if doc.judged_as_of else None
            self.db.executemany(
                "INSERT INTO verdicts (claim_id, verdict, citation, reason, sources, catalog_version, as_of) VALUES (?,?,?,?,?,?,?)",
                [(claim_id, c.verdict, c.citation, c.reason, json.dumps(c.sources), doc.catalog_version, as_of)
                 for claim_id, c in zip(ids, doc.claims)],
            )
            insert_events(self.db, doc_id, doc.events)
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreUnavailable(f"{self.path}: cannot write ({exc})") from exc
            raise
        self._near_index_add(doc_id, fp)
        return Stored("near-duplicate", near_of, doc_id) if near_of else Stored("new", None, doc_id)

    def _near_index_add(self, doc_id: str, fp: Fingerprint) -> None:
        if self._near is not None and doc_id not in self._near_ids:
            self._near.add_fingerprint(doc_id, fp)
            self._near_ids.add(doc_id)

    def record_error(self, origin: str, message: str) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("INSERT INTO ingest_errors (origin, message, at) VALUES (?,?,?)", (origin, message, now))

    def stale_verdicts(self, catalog_version: str) -> list[dict]:
        """Judged claims whose verdict was made against another catalog version (or an unknown one)."""
        sql = ("SELECT c.*, v.catalog_version, v.as_of FROM judged_claims c JOIN verdicts v ON v.claim_id = c.id "
               "WHERE v.catalog_version IS NOT ? ORDER BY c.id")
        return [self._claim(r) for r in self.db.execute(sql, (catalog_version,))]

    def set_verdicts(self, judged: list, catalog_version: str) -> None:
        """Replace the verdicts of claims, ``judged`` being (claim id, judgement) pairs, in one transaction."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "UPDATE verdicts SET verdict = ?, citation = ?, reason = ?, sources = ?, catalog_version = ? WHERE claim_id = ?",
                [(j.verdict.value, j.citation, j.reason, json.dumps(list(j.sources)), catalog_version, claim_id)
                 for claim_id, j in judged])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # --- reading ----------------------------------------------------------------------------
    @staticmethod
    def _claim(row: sqlite3.Row) -> dict:
        out = dict(row)
        out["value"] = json.loads(out["value"])
        out["sources"] = json.loads(out["sources"] or "[]")
        return out

    def documents(self, *, outlet: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        return list(self.iter_documents(outlet=outlet, limit=limit, offset=offset))

    def iter_documents(self, *, outlet: str | None = None, limit: int | None = None, offset: int = 0):
        """Document rows (no text), newest first, read from the cursor as they are consumed."""
        sql = ("SELECT d.id, d.url, d.outlet, d.author, d.published, d.lang, d.near_dup_of, d.ingested_at, "
               "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) AS claims FROM documents d")
        args: list = []
        if outlet:
            sql += " WHERE d.outlet = ?"
            args.append(outlet)
        sql += " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?"
        for row in self.db.execute(sql, (*args, -1 if limit is None else limit, offset)):
            yield dict(row)

    def count_documents(self, *, outlet: str | None = None) -> int:
        """How many documents :meth:`documents` lists under the same filter, on all its pages."""
        if outlet:
            return self.db.execute("SELECT COUNT(*) FROM documents WHERE outlet = ?", (outlet,)).fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def document(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        doc = {k: row[k] for k in row.keys() if k != "fingerprint"}
        doc["redactions"] = json.loads(doc["redactions"] or "{}")
        doc["not_analysed"] = json.loads(doc["not_analysed"] or "{}")
        doc["paragraphs"] = [dict(r) for r in self.db.execute('SELECT idx, start, "end", lang, analysed FROM paragraphs WHERE doc_id = ? ORDER BY idx', (doc_id,))]
        doc["claims"] = [self._claim(r) for r in self.db.execute('SELECT * FROM judged_claims WHERE doc_id = ? ORDER BY start', (doc_id,))]
        return doc

    def nearest_id(self, doc_id: str) -> str | None:
        """The stored document id closest in spelling to ``doc_id``, for "did you mean" hints."""
        ids = [row[0] for row in self.db.execute("SELECT id FROM documents")]
        return nearest(doc_id, ids) if ids else None

    @staticmethod
    def _claim_filters(**filters: str | None) -> tuple[list[str], list[str]]:
        """SQL conditions (claims as ``c``, documents as ``d``) for the filters that are set."""
        columns = {"verdict": "c.verdict", "type": "c.type", "lang": "c.lang", "treaty": "c.treaty", "outlet": "d.outlet"}
        set_ = [(columns[name], value) for name, value in filters.items() if value]
        return [f"{column} = ?" for column, _ in set_], [value for _, value in set_]

    def claims(self, *, verdict: str | None = None, type: str | None = None, lang: str | None = None,
               treaty: str | None = None, outlet: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        return list(self.iter_claims(verdict=verdict, type=type, lang=lang, treaty=treaty, outlet=outlet,
                                     limit=limit, offset=offset))

    def iter_claims(self, *, limit: int | None = None, offset: int = 0, **filters: str | None):
        """Claims one at a time, in the order of :meth:`claims`, read from the cursor as they are
        consumed: an export of the whole store never holds it in memory."""
        where, args = self._claim_filters(**filters)
        sql = ("SELECT c.*, d.outlet, d.url, d.published, d.ingested_at, v.as_of AS judged_on FROM judged_claims c "
               "JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY c.doc_id, c.start LIMIT ? OFFSET ?")
        for row in self.db.execute(sql, (*args, -1 if limit is None else limit, offset)):
            yield self._claim(row)

    def count_claims(self, **filters: str | None) -> int:
        """How many claims :meth:`claims` lists under the same filters, on all its pages."""
        where, args = self._claim_filters(**filters)
        sql = ("SELECT COUNT(*) FROM judged_claims c JOIN documents d ON d.id = c.doc_id"
               + (" WHERE " + " AND ".join(where) if where else ""))
        return self.db.execute(sql, args).fetchone()[0]

    def claim(self, claim_id: int) -> dict | None:
        """One stored claim with the day its verdict was made and its document's outlet, address and dates."""
        row = self.db.execute(
            "SELECT c.*, v.as_of AS judged_on, d.outlet, d.url, d.published, d.ingested_at FROM judged_claims c "
            "JOIN verdicts v ON v.claim_id = c.id JOIN documents d ON d.id = c.doc_id WHERE c.id = ?", (claim_id,)).fetchone()
        return self._claim(row) if row is not None else None

    def same_claims(self, claim: dict, limit: int = 20) -> list[dict]:
        """Claims of the same type and value about the same treaty in other documents, as it reads in each."""
        sql = ("SELECT c.*, d.outlet, d.published FROM judged_claims c JOIN documents d ON d.id = c.doc_id "
               "WHERE c.treaty = ? AND c.type = ? AND c.value = ? AND c.doc_id != ? "
               "ORDER BY d.published IS NULL, d.published, c.doc_id, c.start LIMIT ?")
        args = (claim["treaty"], claim["type"], json.dumps(claim["value"], ensure_ascii=False), claim["doc_id"], limit)
        return [self._claim(r) for r in self.db.execute(sql, args)]

    def claims_by_day(self, *, type: str | None = None, lang: str | None = None, treaty: str | None = None,
                      outlet: str | None = None) -> tuple[list[dict], int]:
        """Claim counts per publication day and verdict, and how many matching claims have no
        publication date; a day is as precise as the document's date (``YYYY-MM`` stays a month)."""
        where, args = self._claim_filters(type=type, lang=lang, treaty=treaty, outlet=outlet)
        dated = "d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
        sql = ("SELECT substr(d.published, 1, 10) AS day, c.verdict, COUNT(*) AS n FROM judged_claims c "
               f"JOIN documents d ON d.id = c.doc_id WHERE {' AND '.join([dated, *where])} GROUP BY day, c.verdict ORDER BY day")
        rows = [dict(r) for r in self.db.execute(sql, args)]
        undated_sql = ("SELECT COUNT(*) FROM judged_claims c JOIN documents d ON d.id = c.doc_id "
                       f"WHERE {' AND '.join([f'(d.published IS NULL OR NOT ({dated}))', *where])}")
        return rows, self.db.execute(undated_sql, args).fetchone()[0]

    def sources_summary(self) -> list[dict]:
        sql = """
        SELECT COALESCE(d.outlet, 'unknown') AS outlet, COUNT(DISTINCT d.id) AS documents, COUNT(c.id) AS claims,
               SUM(c.verdict = 'supported') AS supported, SUM(c.verdict = 'contradicted') AS contradicted,
               SUM(c.verdict = 'unverifiable') AS unverifiable
        FROM documents d LEFT JOIN judged_claims c ON c.doc_id = d.id
        GROUP BY COALESCE(d.outlet, 'unknown') ORDER BY documents DESC, outlet
        """
        return [{k: (v or 0) if k != "outlet" else v for k, v in dict(r).items()} for r in self.db.execute(sql)]

    def search(self, query: str, limit: int = 20, *, offset: int = 0, budget: float = SEARCH_BUDGET_SECONDS,
               cancel: threading.Event | None = None) -> list[dict]:
        """Matching paragraphs, best first: ``snippet`` is plain text and ``matches`` the [start, end)
        offsets of the matched words in it, so no character of the text is ever taken for a marker.

        Bounded (see :mod:`accord.services.search_limits`): QueryTooLarge past the length or term cap,
        SearchInterrupted past ``budget`` seconds or once ``cancel`` is set."""
        words = query_terms(query)
        fts = _fts_query(words)
        if not fts:
            return []
        sql = (f"SELECT f.doc_id, f.idx, d.outlet, snippet(paragraph_fts, 0, '{MARK_START}', '{MARK_END}', '…', 12) AS snippet, "
               "bm25(paragraph_fts) AS score FROM paragraph_fts f JOIN documents d ON d.id = f.doc_id "
               "WHERE paragraph_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?")
        lemmas = {_lemma(w) for w in words}
        with time_budget(self.db, budget, cancel):
            rows = self.db.execute(sql, (fts, limit, offset)).fetchall()
        return [{**dict(r), **_unmark(r["snippet"], lemmas)} for r in rows]

    def count_search(self, query: str, *, budget: float = SEARCH_BUDGET_SECONDS,
                     cancel: threading.Event | None = None) -> int:
        """How many paragraphs :meth:`search` would find for ``query`` with no limit (bounded alike)."""
        fts = _fts_query(query_terms(query))
        if not fts:
            return 0
        with time_budget(self.db, budget, cancel):
            return self.db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE paragraph_fts MATCH ?", (fts,)).fetchone()[0]

    def events(self, treaty: str, *, provision: str | None = None) -> list[dict]:
        """Stored implementation events of a treaty, with their documents' outlet, URL and date."""
        return select_events(self.db, treaty, provision=provision)

    def stats(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731 - tiny local helper
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "near_duplicates": one("SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
            "paragraphs": one("SELECT COUNT(*) FROM paragraphs"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "events": one("SELECT COUNT(*) FROM events"),
            "errors": one("SELECT COUNT(*) FROM ingest_errors"),
        }

