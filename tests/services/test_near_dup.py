"""The store's near-duplicate look-up: band keys propose, sketches rule out, shingles decide."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from scipy.stats import binom

from accord.press.dedupe import JACCARD_MIN, NUM_PERM, Fingerprint, fingerprint, jaccard
from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.services.store import SCHEMA_VERSION, Store, near_dup
from judging_context import CATALOG, TODAY
from shared_data import corpus_records


def _processed(record: dict, **changes):
    record = dict(record, **changes)
    return process(RawDocument(id=record["id"], text=record["text"], url=record.get("url"), lang=record.get("lang"),
                               published=record.get("published"), outlet=record.get("outlet")), CATALOG, TODAY)


def test_the_fewest_agreements_miss_a_pair_at_the_bound_at_most_as_often_as_allowed():
    p = JACCARD_MIN + (1 - JACCARD_MIN) / near_dup.SKETCH_VALUES
    fewest = near_dup.FEWEST_AGREEMENTS
    assert binom.cdf(fewest - 1, NUM_PERM, p) <= near_dup.MISS < binom.cdf(fewest, NUM_PERM, p)


def _pair(rng: random.Random, size: int, shared: int) -> tuple[str, str]:
    """Two texts of ``size`` distinct words each, ``shared`` of them in common (in the same order)."""
    words = [f"w{rng.getrandbits(40):x}" for _ in range(2 * size)]
    common = words[:shared]
    return " ".join(common + words[shared:size]), " ".join(common + words[size:2 * size - shared])


def test_sketch_agreements_keep_similar_pairs_and_drop_merely_alike_ones():
    rng = random.Random(7)
    kept = {"similar": 0, "alike": 0}
    for label, shared in (("similar", 450), ("alike", 200)):
        for _ in range(100):
            a, b = _pair(rng, 500, shared)
            fa, fb = fingerprint(a), fingerprint(b)
            expected = jaccard(fa.shingles, fb.shingles)
            assert (expected >= 0.75) if label == "similar" else (expected <= 0.3)
            kept[label] += near_dup.agreements(near_dup.sketch(fa), near_dup.sketch(fb)) >= near_dup.FEWEST_AGREEMENTS
    assert kept == {"similar": 100, "alike": 0}


def test_a_candidate_whose_sketch_disagrees_is_never_unpacked(store: Store, monkeypatch: pytest.MonkeyPatch):
    original, unrelated = corpus_records("seeds.jsonl")[1:3]
    paragraphs = original["text"].split("\n\n")
    reprint = _processed(original, id="reprint", text="\n\n".join(paragraphs[:-1]) + "\n\nRepublished with permission.")
    store.put(_processed(original))
    store.put(_processed(unrelated))
    numbers = dict(store.db.execute("SELECT id, n FROM documents").fetchall())
    # the unrelated document is made a candidate: it gets every band key of the reprint
    fp = Fingerprint.from_bytes(reprint.fingerprint)
    store.db.executemany("INSERT OR IGNORE INTO near_bands (key, doc) VALUES (?, ?)",
                         [(key, numbers[unrelated["id"]]) for key in near_dup.stored_keys(fp)])
    unpacked = []
    real_unpack = near_dup.unpack
    monkeypatch.setattr(near_dup, "unpack", lambda blob: unpacked.append(blob) or real_unpack(blob))
    assert [doc for doc, _ in near_dup.near_duplicates(store.db, fp)] == [original["id"]]
    assert len(unpacked) == 1  # the original only
    assert store.put(reprint).outcome == "near-duplicate"


def test_a_schema_9_store_gains_sketches_an_index_and_day_counts_and_still_confirms_its_older_documents(tmp_path: Path):
    original = corpus_records("seeds.jsonl")[1]
    paragraphs = original["text"].split("\n\n")
    path = tmp_path / "nine.sqlite"
    with Store(path) as store:
        store.put(_processed(original))
        stats = store.stats()
        days = store.claims_by_day()
        assert days[0], "the seed is expected to have dated claims"
        # as a schema-9 writer left it: no sketches, no claims by value, no counts per day and verdict
        store.db.execute("DROP TABLE near_sketches")
        store.db.execute("DROP INDEX claims_same")
        for (name, kind) in store.db.execute("SELECT name, type FROM sqlite_master WHERE name LIKE '%claim_day_verdicts%' "
                                             "AND type IN ('table', 'trigger')").fetchall():
            store.db.execute(f"DROP {kind.upper()} {name}")
        store.db.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.db.execute("SELECT COUNT(*) FROM near_sketches").fetchone()[0] == 0
        assert store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims_same'").fetchone() is not None
        assert store.stats() == stats
        assert store.claims_by_day() == days
        reprint = _processed(original, id="reprint", text="\n\n".join(paragraphs[:-1]) + "\n\nRepublished.")
        assert tuple(store.put(reprint))[:2] == ("near-duplicate", original["id"])
        assert store.db.execute("SELECT COUNT(*) FROM near_sketches").fetchone()[0] == 1  # the reprint's
