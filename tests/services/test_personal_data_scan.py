"""After ingesting a file full of personal data, nothing of it is anywhere in the store's bytes:
the database file, its WAL, and every full-text shadow table; every treaty fact of the
regression table is stored unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml

from accord.services.ingest import ingest
from accord.services.store import Store
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
        shadow = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'paragraph_fts%'")]
        # the index keeps no copy of the text (external content): its words are in the data and idx tables
        assert {"paragraph_fts_data", "paragraph_fts_idx", "paragraph_fts_docsize"} <= set(shadow)
        dumped = "\n".join(str(row) for name in shadow for row in conn.execute(f"SELECT * FROM {name}"))
        stored = "\n".join(str(row) for table in ("documents", "paragraphs", "paragraph_spans", "paragraph_fts",
                                                                      "claims", "judged_claims", "events", "ingest_errors")
                           for row in conn.execute(f"SELECT * FROM {table}"))
        texts = [t for (t,) in conn.execute("SELECT text FROM documents")]
    store.close()
    for secret in secrets():
        for form in {secret, secret.replace(" ", "")}:
            assert form.encode("utf-8") not in raw, f"{form!r} in the database bytes"
            assert form not in dumped and form not in stored, form
    for fact in TABLE["keep_through_pipeline"]:
        assert all(fact in text for text in texts), fact
