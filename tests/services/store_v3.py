"""A schema-3 store written the way accord wrote it before the compact layout (schema 4): the old
tables from :mod:`accord.services.store.legacy` and the old writer, so upgrades are tested on what
real stores hold, built at test time rather than kept as a binary file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from accord.press.dedupe import Fingerprint, NearDuplicateIndex
from accord.press.pipeline import ProcessedDocument
from accord.services.event_rows import EVENTS_SCHEMA, insert_events
from accord.services.store.legacy import JUDGED_3, SCHEMA_3
from accord.services.store.text_search import lemmatise


def write_schema_3(path: Path, docs: list[ProcessedDocument]) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA_3 + EVENTS_SCHEMA + JUDGED_3)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '3')")
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    near = NearDuplicateIndex()
    for doc in docs:
        fp = Fingerprint.from_bytes(doc.fingerprint)
        found = near.query_fingerprint(fp)
        near.add_fingerprint(doc.id, fp)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (doc.id, doc.origin, doc.url, doc.outlet, doc.author, doc.published.isoformat() if doc.published else None,
                    doc.lang, doc.content_hash, found[0][0] if found else None, doc.text, doc.fingerprint, doc.removed_blocks,
                    json.dumps(doc.redactions), json.dumps(doc.not_analysed), now))
        db.executemany('INSERT INTO paragraphs (doc_id, idx, start, "end", lang, analysed) VALUES (?,?,?,?,?,?)',
                       [(doc.id, i, p.start, p.end, p.lang, int(p.analysed)) for i, p in enumerate(doc.paragraphs)])
        db.executemany("INSERT INTO paragraph_fts (text, lemmas, doc_id, idx) VALUES (?,?,?,?)",
                       [(doc.text[p.start:p.end], lemmatise(doc.text[p.start:p.end]) if p.lang == "ru" else "", doc.id, i)
                        for i, p in enumerate(doc.paragraphs)])
        for c in doc.claims:
            claim_id = db.execute('INSERT INTO claims (doc_id, treaty, type, value, start, "end", quote, lang) '
                                  "VALUES (?,?,?,?,?,?,?,?)",
                                  (doc.id, c.treaty, c.type, json.dumps(c.value, ensure_ascii=False), c.start, c.end,
                                   c.quote, c.lang)).lastrowid
            db.execute("INSERT INTO verdicts (claim_id, verdict, citation, reason, sources, catalog_version, as_of) "
                       "VALUES (?,?,?,?,?,?,?)",
                       (claim_id, c.verdict, c.citation, c.reason, json.dumps(c.sources), doc.catalog_version,
                        doc.judged_as_of.isoformat() if doc.judged_as_of else None))
        insert_events(db, doc.id, doc.events)
        db.execute("COMMIT")
    db.close()
