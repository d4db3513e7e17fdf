"""A schema-5 store written the way accord wrote it before the texts were compressed (schema 6): the
schema-5 tables from :mod:`accord.services.store.legacy` and the schema-5 writer, so the upgrade is
tested on what real stores hold, built at test time rather than kept as a binary file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import numpy as np

from accord.press.dedupe import JACCARD_MIN, Fingerprint, _sorted_jaccard, band_keys, shingles
from accord.press.pipeline import ProcessedDocument
from accord.services.event_rows import EVENTS_SCHEMA, insert_events
from accord.services.store.legacy import PARAGRAPH_SLOTS, SCHEMA_5
from accord.services.store.schema import OUTLET_COUNTS, judgement_id


def write_schema_5(path: Path, docs: list[ProcessedDocument]) -> None:
    """Store ``docs`` as schema 5 did: text as TEXT, hash in hex, paragraph n * 2**20 + index.
    Near duplicates are found as the schema-5 store found them: band keys, then shingles of the text."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA page_size=1024")
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA_5 + OUTLET_COUNTS + EVENTS_SCHEMA)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '5')")
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for doc in docs:
        db.execute("BEGIN IMMEDIATE")
        if db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (doc.content_hash,)).fetchone():
            db.execute("COMMIT")
            continue
        fp = Fingerprint.from_bytes(doc.fingerprint)
        keys = band_keys(fp.signature)
        candidates = db.execute(f"SELECT id, text FROM documents WHERE n IN (SELECT doc FROM near_bands WHERE key IN "
                                f"({','.join('?' * len(keys))}))", keys).fetchall()
        query = np.array(sorted(fp.shingles), dtype=np.uint32)
        found = sorted(((-_sorted_jaccard(query, np.array(sorted(shingles(text)), dtype=np.uint32)), doc_id)
                        for doc_id, text in candidates))
        near_of = found[0][1] if found and -found[0][0] >= JACCARD_MIN else None
        n = db.execute(
            "INSERT INTO documents (id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, "
            "removed_blocks, redactions, not_analysed, ingested_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING n",
            (doc.id, doc.origin, doc.url, doc.outlet, doc.author, doc.published.isoformat() if doc.published else None,
             doc.lang, doc.content_hash, near_of, doc.removed_blocks, json.dumps(doc.redactions),
             json.dumps(doc.not_analysed), now, doc.text)).fetchone()[0]
        db.executemany("INSERT INTO near_bands (key, doc) VALUES (?, ?) ON CONFLICT DO NOTHING", [(key, n) for key in keys])
        first = n * PARAGRAPH_SLOTS
        db.executemany('INSERT INTO paragraph_spans (pid, start, "end", lang, analysed) VALUES (?,?,?,?,?)',
                       [(first + i, p.start, p.end, p.lang, int(p.analysed)) for i, p in enumerate(doc.paragraphs)])
        db.executemany("INSERT INTO paragraph_fts (rowid, text, doc_id, idx) VALUES (?,?,?,?)",
                       [(first + i, doc.text[p.start:p.end], doc.id, i) for i, p in enumerate(doc.paragraphs)])
        as_of = doc.judged_as_of.isoformat() if doc.judged_as_of else None
        for c in doc.claims:
            quoted = c.start is not None and c.end is not None and c.quote == doc.text[c.start:c.end]
            claim_id = db.execute(
                'INSERT INTO claims (doc_id, treaty, type, value, start, "end", quote, lang) VALUES (?,?,?,?,?,?,?,?)',
                (doc.id, c.treaty, c.type, json.dumps(c.value, ensure_ascii=False), c.start, c.end,
                 None if quoted else c.quote, c.lang)).lastrowid
            judgement = judgement_id(db, c.verdict, c.citation, c.reason, list(c.sources), doc.catalog_version)
            db.execute("INSERT INTO verdicts (claim_id, judgement, as_of) VALUES (?,?,?)", (claim_id, judgement, as_of))
        insert_events(db, doc.id, doc.events)
        db.execute("COMMIT")
    db.close()
