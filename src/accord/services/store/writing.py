"""Writing to the store: documents in batches of whole documents, errors, and replaced verdicts."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Iterable

from accord.press.dedupe import Fingerprint
from accord.press.pipeline import ProcessedDocument
from accord.services.event_rows import insert_events
from accord.services.store.errors import Stored, StoreUnavailable
from accord.services.store.kept_counts import Tally
from accord.services.store.near_dup import near_duplicate_of, sketch, stored_keys
from accord.services.store.packed_text import pack
from accord.services.store.schema import judgement_id


class Writing:
    db: sqlite3.Connection
    path: object

    def add(self, doc: ProcessedDocument) -> tuple[str, str | None]:
        """Store one processed document: ("new" | "unchanged" | "near-duplicate", related id)."""
        return self.put(doc)[:2]

    def put(self, doc: ProcessedDocument) -> Stored:
        """Store one processed document and say where it went (see :class:`Stored`); an error
        the document itself causes is raised (nothing of it is stored)."""
        outcome = self.put_many([doc])[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def put_many(self, docs: Iterable[ProcessedDocument]) -> list[Stored | Exception]:
        """Store documents in one transaction, each whole or not at all, and say where each went.

        The transaction takes the write lock first (BEGIN IMMEDIATE), so the look-ups that decide an
        outcome and the insert see the same state: several processes storing the same documents end
        with one copy each, and none fails.  The content hash is also the insert's conflict target.
        A document the store refuses (a constraint, a bad value) is rolled back to its own savepoint
        and its error returned in its place; the others are kept.  StoreUnavailable (locked, full,
        read-only) rolls the whole batch back: none of it was stored."""
        docs = list(docs)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"{self.path}: cannot take the write lock ({exc})") from exc
        outcomes: list[Stored | Exception] = []
        tally = Tally()
        judgements: dict[tuple, int] = {}  # ids of the judgements found or added in this transaction
        try:
            for doc in docs:
                self.db.execute("SAVEPOINT document")
                try:
                    outcomes.append(self._insert(doc, now, tally, judgements))
                    self.db.execute("RELEASE document")
                except sqlite3.OperationalError:
                    raise
                except Exception as exc:  # noqa: BLE001 - this document only; the batch goes on
                    self.db.execute("ROLLBACK TO document")
                    self.db.execute("RELEASE document")
                    judgements.clear()  # a judgement this document added is gone with it
                    outcomes.append(exc)
            tally.write(self.db)
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreUnavailable(f"{self.path}: cannot write ({exc})") from exc
            raise
        return outcomes

    def _insert(self, doc: ProcessedDocument, now: str, tally: Tally, judgements: dict[tuple, int]) -> Stored:
        content_hash = bytes.fromhex(doc.content_hash)
        same = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        if same is not None:
            return Stored("unchanged", same[0], same[0])
        fp = Fingerprint.from_bytes(doc.fingerprint)
        doc_id = doc.id
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = f"{doc.id}~{doc.content_hash[:8]}"  # same id, other content: keep both versions
        keys = stored_keys(fp)
        near_of = near_duplicate_of(self.db, fp, keys)
        # the paragraphs are numbered on from the last stored (under the write lock, so no other writer's overlap)
        first = self.db.execute("SELECT COALESCE(MAX(pid), 0) + 1 FROM paragraph_spans").fetchone()[0]
        published = doc.published.isoformat() if doc.published else None
        n = self.db.execute(
            "INSERT INTO documents (id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, "
            "removed_blocks, redactions, not_analysed, ingested_at, first_pid, paragraphs, text) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING RETURNING n",
            (doc_id, doc.origin, doc.url, doc.outlet, doc.author, published,
             doc.lang, content_hash, near_of, doc.removed_blocks, json.dumps(doc.redactions),
             json.dumps(doc.not_analysed), now, first, len(doc.paragraphs), pack(doc.text)),
        ).fetchall()
        if not n:  # cannot happen under the lock; kept so a copy is never stored twice
            return Stored("unchanged", doc_id, doc_id)
        n = n[0][0]
        self.db.executemany("INSERT INTO near_bands (key, doc) VALUES (?, ?) ON CONFLICT DO NOTHING", [(key, n) for key in keys])
        self.db.execute("INSERT OR REPLACE INTO near_sketches (doc, sketch) VALUES (?, ?)", (n, sketch(fp)))
        self.db.executemany('INSERT INTO paragraph_spans (pid, doc, start, "end", lang, analysed) VALUES (?,?,?,?,?,?)',
                            [(first + i, n, p.start, p.end, p.lang, int(p.analysed)) for i, p in enumerate(doc.paragraphs)])
        self.db.executemany("INSERT INTO paragraph_fts (rowid, text, doc_id, idx) VALUES (?,?,?,?)",
                            [(first + i, doc.text[p.start:p.end], doc_id, i) for i, p in enumerate(doc.paragraphs)])
        as_of = doc.judged_as_of.isoformat() if doc.judged_as_of else None
        # The claims are numbered on from the last stored (under the write lock), so that their verdicts
        # can be written in one statement too.
        top = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM claims").fetchone()[0]
        self.db.executemany(
            'INSERT INTO claims (id, doc_id, treaty, type, value, start, "end", quote, lang) VALUES (?,?,?,?,?,?,?,?,?)',
            [(top + 1 + i, doc_id, c.treaty, c.type, json.dumps(c.value, ensure_ascii=False), c.start, c.end, c.quote, c.lang)
             for i, c in enumerate(doc.claims)])
        self.db.executemany(
            "INSERT INTO verdicts (claim_id, judgement, as_of) VALUES (?,?,?)",
            [(top + 1 + i, judgement_id(self.db, c.verdict, c.citation, c.reason, list(c.sources), doc.catalog_version,
                                        judgements), as_of)
             for i, c in enumerate(doc.claims)])
        insert_events(self.db, doc_id, doc.events)
        # last, once nothing of the document can fail: a document rolled back to its savepoint adds nothing
        tally.add(doc, published, near_of is not None, len(doc.events))
        return Stored("near-duplicate", near_of, doc_id) if near_of else Stored("new", None, doc_id)

    def record_error(self, origin: str, message: str) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("INSERT INTO ingest_errors (origin, message, at) VALUES (?,?,?)", (origin, message, now))

    def set_verdicts(self, judged: list, catalog_version: str) -> None:
        """Replace the verdicts of claims, ``judged`` being (claim id, judgement) pairs, in one transaction."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "UPDATE verdicts SET judgement = ? WHERE claim_id = ?",
                [(judgement_id(self.db, j.verdict.value, j.citation, j.reason, list(j.sources), catalog_version),
                  claim_id) for claim_id, j in judged])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

