"""The ``events`` table of the store: implementation events extracted from each stored document.

Kept apart from ``store`` so the table, its upgrade from stores written before it existed, and
its query live together.  Events are written in the same transaction as their document, and
read back joined to the document's outlet, URL, publication date and near-duplicate pointer,
which the tracker needs to count independent sources.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Iterable

from accord.knowledge.catalog import Catalog, default_catalog
from accord.press.events import ExtractedEvent, extract_events

EVENTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    treaty TEXT NOT NULL, provision TEXT NOT NULL, type TEXT NOT NULL, actors TEXT NOT NULL,
    event_date TEXT, status TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    lang TEXT, date_how TEXT, date_note TEXT
);
CREATE INDEX IF NOT EXISTS events_by_treaty ON events(treaty, provision);
CREATE INDEX IF NOT EXISTS events_by_doc ON events(doc_id);
"""
INSERT = ('INSERT INTO events (doc_id, treaty, provision, type, actors, event_date, status, start, "end", quote, lang, '
          "date_how, date_note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")


def insert_events(db: sqlite3.Connection, doc_id: str, events: Iterable[ExtractedEvent]) -> None:
    db.executemany(INSERT, [(doc_id, e.treaty, e.provision, e.type, json.dumps(list(e.actors)), e.date, e.status,
                             e.start, e.end, e.quote, e.lang, e.date_how, e.date_note) for e in events])


def backfill_events(db: sqlite3.Connection, catalog: Catalog | None = None) -> int:
    """Extract the events of documents stored before the table existed (inside the caller's transaction).
    A store is opened without a catalog, so its upgrade reads the treaties' signatures from the built-in one."""
    catalog = catalog if catalog is not None else default_catalog()
    done = 0
    rows = db.execute("SELECT id, text, published, lang FROM documents WHERE id NOT IN (SELECT DISTINCT doc_id FROM events)").fetchall()
    for row in rows:
        paragraphs = [(p[0], p[1], p[2]) for p in db.execute(
            'SELECT start, "end", lang FROM paragraphs WHERE doc_id = ? ORDER BY idx', (row[0],))]
        published = dt.date.fromisoformat(row[2]) if row[2] else None
        insert_events(db, row[0], extract_events(row[1], paragraphs, published, catalog=catalog, fallback_lang=row[3]))
        done += 1
    return done


def select_events(db: sqlite3.Connection, treaty: str, *, provision: str | None = None) -> list[dict]:
    """Every stored event of a treaty with its document's outlet, URL, date and duplicate pointer."""
    sql = ("SELECT e.*, d.url, d.outlet, d.published, d.near_dup_of FROM events e JOIN documents d ON d.id = e.doc_id "
           "WHERE e.treaty = ?")
    args: list = [treaty]
    if provision:
        sql += " AND e.provision = ?"
        args.append(provision)
    sql += " ORDER BY e.event_date IS NULL, e.event_date, e.doc_id, e.start"
    out = []
    for row in db.execute(sql, args):
        item = dict(row)
        item["actors"] = json.loads(item["actors"])
        out.append(item)
    return out
