"""The SQLite store: what is written, what is never written, duplicates, search, and bad files."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.services.ingest import ingest
from accord.services.store import SCHEMA_VERSION, Store, StoreError
from judging_context import CATALOG, JUDGING, TODAY

from shared_data import corpus_file, corpus_records

from .conftest import write_jsonl

PROFILE_FIELD = re.compile(r"^\s*•\s*(Name|Username|Email|Address|Phone|url|username)\s*:\s*(\S.*?)\s*$", re.M)


def _raw(record: dict) -> RawDocument:
    return RawDocument(id=record["id"], text=record["text"], url=record.get("url"), lang=record.get("lang"),
                       published=record.get("published"), outlet=record.get("outlet"))


def _database_bytes(path: Path) -> bytes:
    """Everything SQLite has on disk for this store: the main file and its WAL/shared-memory files."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_personal_data_from_the_author_profile_never_reaches_the_database(tmp_path: Path):
    seed = next(r for r in corpus_records("seeds.jsonl") if r["id"] == "seed-004")
    personal = {value for _, value in PROFILE_FIELD.findall(seed["text"])}
    assert len(personal) >= 6, "the seed's author profile is expected to hold e-mail, phone, address, handles"
    db = tmp_path / "pii.sqlite"
    store = Store(db)
    report = ingest([write_jsonl(tmp_path / "seed.jsonl", [seed])], store, JUDGING)
    assert report.new == 1
    stored_text = store.document("seed-004")["text"]
    store.close()
    on_disk = _database_bytes(db)
    for value in personal:
        assert value not in stored_text
        assert value.encode("utf-8") not in on_disk, f"{value!r} reached the database file"
    # the article itself is stored: redaction removed the profile, not the text
    assert "Strategic Partnership" in stored_text or "strategic partnership" in stored_text.lower()


def test_a_document_is_stored_with_its_paragraphs_claims_and_verdicts(store: Store):
    seed = corpus_records("seeds.jsonl")[0]
    processed = process(_raw(seed), CATALOG, TODAY)
    assert store.add(processed) == ("new", None)
    doc = store.document(seed["id"])
    assert doc["text"] == processed.text
    assert len(doc["paragraphs"]) == len(processed.paragraphs)
    assert {(c["type"], c["verdict"]) for c in doc["claims"]} == {(c.type, c.verdict) for c in processed.claims}
    for claim in doc["claims"]:  # offsets refer to the stored, cleaned text
        assert doc["text"][claim["start"]:claim["end"]] == claim["quote"]
        assert claim["citation"]


def test_reingesting_the_same_documents_changes_nothing(tmp_path: Path, store: Store):
    path = corpus_file("seeds.jsonl")
    first = ingest([path], store, JUDGING)
    before = (store.stats(), store.db.execute("SELECT * FROM claims ORDER BY id").fetchall())
    second = ingest([path], store, JUDGING)
    assert first.new == 5 and second.new == 0 and second.unchanged == 5
    assert (store.stats(), store.db.execute("SELECT * FROM claims ORDER BY id").fetchall()) == before


def test_a_lightly_edited_copy_is_stored_as_a_near_duplicate(tmp_path: Path, store: Store):
    original = corpus_records("seeds.jsonl")[1]
    paragraphs = original["text"].split("\n\n")
    copy = dict(original, id="reprint", text="\n\n".join(paragraphs[:-1]) + "\n\nRepublished with permission.")
    outcomes = [store.add(process(_raw(r), CATALOG, TODAY)) for r in (original, copy)]
    assert outcomes == [("new", None), ("near-duplicate", original["id"])]
    assert store.document("reprint")["near_dup_of"] == original["id"]
    assert store.stats()["near_duplicates"] == 1


def test_an_id_reused_for_other_content_keeps_both_versions(store: Store):
    a, b = corpus_records("seeds.jsonl")[:2]
    store.add(process(_raw(a), CATALOG, TODAY))
    outcome, _ = store.add(process(_raw(dict(b, id=a["id"])), CATALOG, TODAY))
    assert outcome == "new"
    ids = [row[0] for row in store.db.execute("SELECT id FROM documents ORDER BY id")]
    assert ids[0] == a["id"] and ids[1].startswith(a["id"] + "~")


@pytest.mark.slow  # ingests the dev corpus
def test_search_finds_english_words_and_russian_words_in_any_inflection(store: Store):
    ingest([corpus_file("dev.jsonl")], store, JUDGING)
    english = store.search("ratification")
    assert english and all("ratif" in hit["snippet"].lower() for hit in english)
    for hit in english:  # offsets, not markers: the snippet is the text as stored
        assert hit["matches"] and all(hit["snippet"][a:b].lower().startswith("ratif") for a, b in hit["matches"])
    # the query word's case differs from the text's ("ратификации" is stored)
    russian = store.search("ратификация")
    assert russian, "a Russian noun should match its inflected forms"
    assert any(hit["snippet"][a:b].lower() == "ратификации" for hit in russian for a, b in hit["matches"])
    assert all(store.document(hit["doc_id"])["lang"] == "ru" or "ратифик" in hit["snippet"].lower() for hit in russian)
    assert store.search("zzzqqqxxyy") == []
    assert store.search("  ") == []


@pytest.mark.slow  # ingests the dev corpus
def test_claims_filters_and_outlet_scorecard_agree(store: Store):
    ingest([corpus_file("dev.jsonl")], store, JUDGING)
    every = store.claims(limit=100_000)
    contradicted = store.claims(verdict="contradicted", limit=100_000)
    assert contradicted and all(c["verdict"] == "contradicted" for c in contradicted)
    assert len(contradicted) == sum(c["verdict"] == "contradicted" for c in every)
    russian = store.claims(lang="ru", limit=100_000)
    assert russian and all(c["lang"] == "ru" for c in russian)
    card = store.sources_summary()
    assert sum(r["claims"] for r in card) == len(every)
    assert sum(r["contradicted"] for r in card) == len(contradicted)
    assert all(r["supported"] + r["contradicted"] + r["unverifiable"] == r["claims"] for r in card)


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite"
    path.write_text("my notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot be used as an accord store"):
        Store(path)
    assert path.read_bytes() == before


def test_a_store_from_a_newer_accord_is_refused(tmp_path: Path):
    path = tmp_path / "future.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_search_ranks_the_most_recently_stored_matches_when_more_match_than_its_window(store: Store):
    for record in corpus_records("seeds.jsonl"):
        store.add(process(_raw(record), CATALOG, TODAY))
    fts = store.db.execute("SELECT rowid, doc_id, idx FROM paragraph_fts WHERE paragraph_fts MATCH 'treaty' "
                           "ORDER BY rank").fetchall()
    assert len(fts) > 10, "the seeds are expected to mention the treaty in many paragraphs"
    where = {rowid: (doc, idx) for rowid, doc, idx in fts}
    # fewer matches than the window: every match ranked, as FTS5 ranks them
    assert [(h["doc_id"], h["idx"]) for h in store.search("treaty", limit=len(fts))] == [where[r] for r, _, _ in fts]
    # more: the best of the newest eight, best first
    newest = sorted((rowid for rowid, _, _ in fts), reverse=True)[:8]
    best_of_newest = [where[r] for r, _, _ in fts if r in newest][:5]
    windowed = store.search("treaty", limit=5, rank_window=8)
    assert [(h["doc_id"], h["idx"]) for h in windowed] == best_of_newest
    assert [h["score"] for h in windowed] == sorted(h["score"] for h in windowed)
    # a page past the window widens it rather than coming back empty
    assert len(store.search("treaty", limit=5, offset=8, rank_window=8)) == 5
