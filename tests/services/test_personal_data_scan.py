"""After ingesting a file full of personal data, nothing of it is anywhere in the store's bytes:
the database file, its WAL, every table and every full-text shadow table, nor in the full-text
index itself (whatever the index keeps its text in); every treaty fact of the regression table
is stored unchanged."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import yaml

from accord.services.ingest import ingest
from accord.services.store import Store, packed_text
from judging_context import JUDGING

TABLE = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "redaction_table.yaml").read_text(encoding="utf-8"))


def personal_documents() -> list[dict]:
    """One document per personal datum, the datum also in its metadata, next to treaty facts."""
    facts = " ".join(c["text"] for c in TABLE["keep"])
    docs = []
    for i, case in enumerate(TABLE["redact"]):
        docs.append({
            "id": f"doc-{i} {case['text']}", "url": f"https://news.example/contact?who={case['text']}",
            "outlet": f"Desk {case['text']}", "lang": "en",
            "text": f"Treaty report {i}.\n\n{facts}\n\nFor questions write to our desk: {case['text']}.",
        })
    return docs


def secrets() -> list[str]:
    return [c.get("secret", c["text"]) for c in TABLE["redact"]]


def test_no_personal_datum_reaches_any_byte_of_the_store(tmp_path):
    source = tmp_path / "personal.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in personal_documents()), encoding="utf-8")
    db = tmp_path / "store.sqlite"
    store = Store(db)
    # keep the WAL: scan it before it is checkpointed into the main file
    store.db.execute("PRAGMA wal_autocheckpoint=0")
    report = ingest([source], store, JUDGING)
    assert report.errors == [] and report.documents == len(TABLE["redact"])  # most stored as near-duplicates: same facts

    raw = db.read_bytes() + Path(f"{db}-wal").read_bytes()
    assert Path(f"{db}-wal").stat().st_size > 0
    with sqlite3.connect(db) as conn:
        packed_text.register(conn)  # the texts are compressed: they are scanned as they read, not only as bytes
        indexes = full_text_indexes(conn)
        assert indexes, "no full-text index found in the store"
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        for index in indexes:  # the index's own tables: whatever its layout, the terms live in _data
            assert {f"{index}_data", f"{index}_idx"} <= set(tables), index
        # every table, and each index as it reads (an external-content index reads its text through)
        dumped = "\n".join(str(row) for name in [*tables, *indexes] for row in conn.execute(f'SELECT * FROM "{name}"'))
        texts = [t for (t,) in conn.execute("SELECT document_text(text) FROM documents")]
        raw += "\n".join(texts).encode("utf-8")
        # the index answers a phrase only if it holds its words in that order: the facts are found, no secret is
        for fact in TABLE["keep_through_pipeline"]:
            assert all(in_index(conn, index, fact) for index in indexes), f"{fact!r} not in the full-text index"
        indexed = {secret for secret in secrets() for index in indexes if in_index(conn, index, secret)}
    store.close()
    assert not indexed, f"in the full-text index: {sorted(indexed)}"
    for secret in secrets():
        for form in {secret, secret.replace(" ", "")}:
            assert form.encode("utf-8") not in raw, f"{form!r} in the database bytes"
            assert form not in dumped, form
    for fact in TABLE["keep_through_pipeline"]:
        assert all(fact in text for text in texts), fact


def full_text_indexes(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]


def in_index(conn: sqlite3.Connection, index: str, text: str) -> bool:
    """Whether the FTS5 index holds ``text``'s words as a phrase, in any of its columns."""
    phrase = '"' + " ".join(re.findall(r"\w+", text)) + '"'
    return conn.execute(f'SELECT COUNT(*) FROM "{index}" WHERE "{index}" MATCH ?', (phrase,)).fetchone()[0] > 0
