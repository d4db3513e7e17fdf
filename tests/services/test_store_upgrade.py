"""Upgrading a schema-3 store (written by the schema-3 writer) to the compact layout, in place."""

from __future__ import annotations

import dataclasses
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from accord.press.dedupe import Fingerprint, band_keys
from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.services.store import SCHEMA_VERSION, Store
from judging_context import CATALOG, TODAY
from shared_data import corpus_records

from .store_v3 import write_schema_3
from .store_v5 import write_schema_5

QUERIES = ["treaty", "strategic partnership", "договор", "договора о партнёрстве", "Caspian", "ratified"]


def _docs():
    dev = corpus_records("dev.jsonl")
    records = (corpus_records("seeds.jsonl") + [r for r in dev if r.get("lang") == "ru"][:6]
               + [r for r in dev if r.get("lang") == "fa"][:2])
    paragraphs = records[1]["text"].split("\n\n")  # a reprint: the last paragraph replaced
    records.append(dict(records[1], id="reprint", text="\n\n".join(paragraphs[:-1]) + "\n\nRepublished with permission."))
    return [process(RawDocument(id=r["id"], text=r["text"], url=r.get("url"), lang=r.get("lang"),
                                published=r.get("published"), outlet=r.get("outlet")), CATALOG, TODAY)
            for r in records]


def _everything(store: Store) -> dict:
    """What the store answers, without the ingest times (the two stores were written at different times)."""
    documents = [{k: v for k, v in d.items() if k != "ingested_at"} for d in store.documents(limit=1000)]
    full = [{k: v for k, v in store.document(d["id"]).items() if k != "ingested_at"} for d in documents]
    claims = [{k: v for k, v in c.items() if k != "ingested_at"} for c in store.claims(limit=10_000)]
    return {"stats": store.stats(), "documents": documents, "full": full, "claims": claims,
            "sources": store.sources_summary(), "events": store.events("rus-irn-2025"),
            "search": {q: store.search(q, limit=50) for q in QUERIES}}


@pytest.fixture(scope="module")
def docs():
    return _docs()


def test_a_schema_3_store_is_upgraded_in_place_and_answers_as_a_new_one(tmp_path: Path, docs):
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    write_schema_3(old, docs)
    with Store(new) as store:
        for doc in docs:
            store.put(doc)
        expected = _everything(store)
    assert any(expected["search"][q] for q in ("договор", "договора о партнёрстве")), "Russian words are found by lemma"
    assert expected["stats"]["near_duplicates"] >= 1, "the corpus has reprints"
    before = old.stat().st_size
    with Store(old) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert _everything(store) == expected
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        store.db.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")  # raises if it disagrees
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not {"paragraph_fts_content", "documents_3", "paragraphs_3", "verdicts_3"} & tables
        store.put(docs[0])  # the upgraded store goes on taking documents
        assert store.stats() == expected["stats"]
        store.db.execute("VACUUM")
    assert old.stat().st_size < before


def _triggers_and_indexes(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')")}


def test_a_schema_5_store_is_compacted_in_place_and_answers_as_a_new_one(tmp_path: Path, docs):
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    write_schema_5(old, docs)
    with Store(new) as store:
        for doc in docs:
            store.put(doc)
        expected = _everything(store)
        expected_spans = store.db.execute('SELECT doc, start, "end", lang, analysed FROM paragraph_spans ORDER BY pid').fetchall()
        fresh_kept = _triggers_and_indexes(store.db)
    assert {"uncount_document", "documents_by_date", "documents_by_outlet"} <= fresh_kept
    assert expected["stats"]["near_duplicates"] >= 1 and expected["stats"]["paragraphs"] > len(docs)
    with Store(old) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert _everything(store) == expected
        # numbered as a new store numbers them: one after another, each document's paragraphs in one range
        assert store.db.execute('SELECT doc, start, "end", lang, analysed FROM paragraph_spans ORDER BY pid').fetchall() == expected_spans
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        store.db.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")  # raises if it disagrees
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert not {"documents_5", "paragraph_spans_5"} & tables
        # the same triggers and indexes as a new store: none left behind on a renamed table, none of the old ones kept
        assert _triggers_and_indexes(store.db) == fresh_kept
        assert store.put(docs[0]).outcome == "unchanged"  # found by its content hash, now kept as bytes
        fresh = dataclasses.replace(docs[0], id="after-upgrade", content_hash="0" * 64)
        # the upgraded store goes on taking documents, and finds its near duplicates by the converted band keys
        assert store.put(fresh).outcome == "near-duplicate"
        assert store.document("after-upgrade")["paragraphs"] == store.document(docs[0].id)["paragraphs"]
        store.db.execute("VACUUM")
    with Store(new) as store:
        store.put(fresh)
        store.db.execute("VACUUM")
    # as compact as a new store with the same documents (on so few, the tables a newer schema adds, a page
    # or two each, can outweigh what the upgrade saves, so the schema-5 size alone says little; the
    # upgraded one has no sketches for the documents it had)
    assert old.stat().st_size <= new.stat().st_size


SCHEMA_7_CLAIMS_VIEW = """
CREATE VIEW judged_claims AS
    SELECT c.id, c.doc_id, c.treaty, c.type, c.value, c.start, c."end",
           COALESCE(c.quote, substr(document_text(d.text), c.start + 1, c."end" - c.start)) AS quote, c.lang,
           j.verdict, j.citation, j.reason, j.sources
    FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement
         JOIN documents d ON d.id = c.doc_id;
"""


def test_a_schema_7_store_gets_its_claims_quotes_back_and_shorter_band_keys(tmp_path: Path, docs):
    """Schemas 6 and 7 left out a quote that was its document's text between the offsets and kept band
    keys in 64 bits; 8 keeps every quote and the keys' top 32 bits."""
    path = tmp_path / "seven.sqlite"
    with Store(path) as store:
        for doc in docs:
            store.put(doc)
        expected = _everything(store)
        expected_bands = store.db.execute("SELECT key, doc FROM near_bands ORDER BY doc, key").fetchall()
        db = store.db  # back to the schema-7 layout, as a schema-7 writer left it
        db.execute("DROP VIEW judged_claims")
        db.execute(SCHEMA_7_CLAIMS_VIEW)
        db.execute('UPDATE claims SET quote = NULL WHERE quote = (SELECT substr(document_text(d.text), claims.start + 1, '
                   'claims."end" - claims.start) FROM documents d WHERE d.id = claims.doc_id)')
        left_out = db.execute("SELECT COUNT(*) FROM claims WHERE quote IS NULL").fetchone()[0]
        db.execute("DELETE FROM near_bands")
        numbers = dict(db.execute("SELECT content_hash, n FROM documents").fetchall())
        for doc in docs:
            n = numbers.get(bytes.fromhex(doc.content_hash))
            if n is not None:
                db.executemany("INSERT OR IGNORE INTO near_bands (key, doc) VALUES (?, ?)",
                               [(key, n) for key in band_keys(Fingerprint.from_bytes(doc.fingerprint).signature)])
        db.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    assert left_out > 0
    with Store(path) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.db.execute("SELECT COUNT(*) FROM claims WHERE quote IS NULL").fetchone()[0] == 0
        assert "document_text" not in store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'judged_claims'").fetchone()[0]
        assert store.db.execute("SELECT key, doc FROM near_bands ORDER BY doc, key").fetchall() == expected_bands
        assert _everything(store) == expected
        assert store.put(dataclasses.replace(docs[0], id="after-upgrade", content_hash="0" * 64)).outcome == "near-duplicate"


def _open(path: str, start) -> int:
    start.wait()
    with Store(path) as store:
        return store.stats()["claims"]


@pytest.mark.slow
def test_two_processes_opening_an_old_store_at_once_upgrade_it_once(tmp_path: Path, docs):
    path = tmp_path / "old.sqlite"
    write_schema_3(path, docs)
    claims = sum(len(d.claims) for d in docs)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            counts = pool.starmap(_open, [(str(path), start)] * 2)
    assert counts == [claims, claims]
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len({d.content_hash for d in docs})
    db.close()
