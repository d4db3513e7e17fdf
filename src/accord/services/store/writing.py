"""Writing to the store: one document per transaction, errors, and replaced verdicts."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from accord.press.dedupe import Fingerprint
from accord.press.pipeline import ProcessedDocument
from accord.services.event_rows import insert_events
from accord.services.store.errors import Stored, StoreUnavailable
from accord.services.store.near_dup import StoredNearDuplicates
from accord.services.store.text_search import lemmatise


class Writing:
    db: sqlite3.Connection
    path: object
    _near: StoredNearDuplicates

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
            near = self._near.query(fp)  # caught up with other writers' documents first
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
        self._near.add(doc_id, fp)
        return Stored("near-duplicate", near_of, doc_id) if near_of else Stored("new", None, doc_id)

    def record_error(self, origin: str, message: str) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("INSERT INTO ingest_errors (origin, message, at) VALUES (?,?,?)", (origin, message, now))

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
