"""Exact and near-duplicate detection on real coverage, and the index's persistence round trip."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import numpy as np
import pytest

from accord.press.clean import clean_text
from accord.press.dedupe import Fingerprint, NearDuplicateIndex, content_hash, fingerprint, shingles


def query(index: NearDuplicateIndex, text: str, exclude: str | None = None) -> list[tuple[str, float]]:
    return index.query_fingerprint(fingerprint(text), exclude=exclude)


def _edit_words(text: str, changes: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = text.split()
    for index in rng.sample(range(len(words)), changes):
        words[index] = "changed"
    return " ".join(words)


def test_content_hash_ignores_case_and_spacing_but_not_words():
    text = "Russia and Iran signed\nthe treaty  in Moscow."
    assert content_hash(text) == content_hash("RUSSIA and iran signed the treaty in\tMoscow.  ")
    assert content_hash(text) != content_hash("Russia and Iran signed the pact in Moscow.")
    assert len(content_hash(text)) == 64


@pytest.fixture(scope="module")
def corpus_index(request):
    records = [*request.getfixturevalue("seeds").values(), *request.getfixturevalue("dev").values()]
    index = NearDuplicateIndex()
    texts = {}
    for record in records:
        texts[record["id"]] = clean_text(record["text"]).text
        index.add_fingerprint(record["id"], fingerprint(texts[record["id"]]))
    return index, texts


def test_a_copy_with_a_few_words_changed_is_found(corpus_index):
    index, texts = corpus_index
    original = texts["seed-002"]
    hits = query(index, _edit_words(original, 5))
    assert hits[0][0] == "seed-002" and 0.8 < hits[0][1] < 1.0
    assert query(index, original)[0] == ("seed-002", 1.0)


def test_an_unrelated_article_on_the_same_topic_is_not_a_duplicate(corpus_index):
    index, texts = corpus_index
    for doc_id in ("seed-000", "en-037", "ru-028", "de-007"):
        assert query(index, texts[doc_id], exclude=doc_id) == [], doc_id


def test_heavily_edited_text_falls_below_the_threshold(corpus_index):
    index, texts = corpus_index
    words = texts["seed-003"].split()
    assert all(doc_id != "seed-003" for doc_id, _ in query(index, _edit_words(" ".join(words), len(words) // 3)))


def test_readding_an_id_replaces_its_entry_and_removing_it_forgets_it():
    index = NearDuplicateIndex()
    first, other = "one two three four five six seven eight nine ten", "completely different words about gas pipelines and tariffs now"
    index.add_fingerprint("a", fingerprint(first))
    index.add_fingerprint("a", fingerprint(first))
    assert query(index, first) == [("a", 1.0)]  # once, not once per addition
    index.add_fingerprint("a", fingerprint(other))
    assert query(index, first) == []
    assert query(index, other) == [("a", 1.0)]
    index.remove("a")
    assert query(index, other) == []


def test_index_rebuilt_from_stored_fingerprints_answers_the_same(corpus_index):
    index, texts = corpus_index
    stored = {doc_id: fingerprint(text).to_bytes() for doc_id, text in texts.items()}
    rebuilt = NearDuplicateIndex()
    for doc_id, blob in stored.items():
        rebuilt.add_fingerprint(doc_id, Fingerprint.from_bytes(blob))
    for doc_id in ("en-024", "seed-001", "ru-028"):
        probe = _edit_words(texts[doc_id], 4)
        assert query(rebuilt, probe) == query(index, probe)
        assert query(rebuilt, probe)[0][0] == doc_id


def test_a_document_whose_stored_fingerprint_is_gone_is_judged_on_the_minhash_estimate(corpus_index):
    _, texts = corpus_index
    index = NearDuplicateIndex(load=lambda doc_id: None)  # the store has nothing to give back
    for doc_id, text in texts.items():
        index.add_fingerprint(doc_id, fingerprint(text))
    (hit, similarity), *_ = query(index, _edit_words(texts["seed-001"], 3))
    assert hit == "seed-001" and 0.75 < similarity < 1.0
    assert len(fingerprint("x").signature) == 128 * 4


def test_fingerprints_are_validated_and_ignore_case():
    text = "The treaty has forty-seven articles and a twenty-year term."
    assert shingles(text) == shingles(text.upper())
    assert fingerprint(text) == fingerprint(text.upper())
    assert fingerprint(text) != fingerprint(text.replace("forty-seven", "fifty-one"))
    with pytest.raises(ValueError):
        Fingerprint.from_bytes(b"garbage")
    with pytest.raises(ValueError):
        NearDuplicateIndex().add_fingerprint("x", Fingerprint(signature=b"short", shingles=frozenset()))


@pytest.mark.slow  # a fresh interpreter
def test_a_stored_fingerprint_is_the_one_another_process_computes():
    """Stored blobs are compared with fingerprints computed later, in other processes: nothing in
    them may depend on the process (str hashing is salted per process, PYTHONHASHSEED)."""
    text = "The treaty has forty-seven articles and a twenty-year term."
    probe = "import sys; from accord.press.dedupe import fingerprint; sys.stdout.write(fingerprint(sys.argv[1]).to_bytes().hex())"
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", probe, text], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert bytes.fromhex(done.stdout) == fingerprint(text).to_bytes()


def test_the_compact_index_answers_as_datasketch_lsh_with_exact_jaccard(corpus_index, monkeypatch):
    """The reference: datasketch's MinHashLSH with the same bands, and the shingle sets in memory."""
    from datasketch import MinHash, MinHashLSH

    from accord.press import dedupe

    monkeypatch.setattr(dedupe, "MERGE_EVERY", 16)  # merge into the sorted arrays many times, and grow the table
    _, texts = corpus_index
    rng = random.Random(3)
    documents = {}
    for doc_id, text in texts.items():
        documents[doc_id] = text
        for copy in range(rng.randrange(3)):  # near copies, more and less edited, to cross the thresholds
            words = text.split()
            documents[f"{doc_id}~{copy}"] = _edit_words(text, rng.randrange(1 + len(words) // 3), seed=copy)
    reference = MinHashLSH(num_perm=dedupe.NUM_PERM, params=dedupe._bands(dedupe.LSH_THRESHOLD))
    reference_shingles = {}
    loaded = {}
    index, light = NearDuplicateIndex(), NearDuplicateIndex(load=loaded.get)
    for position, (doc_id, text) in enumerate(documents.items()):
        fp = fingerprint(text)
        probe = MinHash(num_perm=dedupe.NUM_PERM, seed=dedupe.SEED, scheme=dedupe.SCHEME, permutations=dedupe._PERMUTATIONS,
                        hashvalues=np.frombuffer(fp.signature, dtype=np.uint32).astype(np.uint32))
        expected = sorted(((other, round(dedupe.jaccard(fp.shingles, reference_shingles[other]), 4)) for other in reference.query(probe)
                           if dedupe.jaccard(fp.shingles, reference_shingles[other]) >= dedupe.JACCARD_MIN),
                          key=lambda hit: (-hit[1], hit[0]))
        assert index.query_fingerprint(fp) == expected == light.query_fingerprint(fp), doc_id
        reference.insert(doc_id, probe)
        reference_shingles[doc_id] = fp.shingles
        index.add_fingerprint(doc_id, fp)
        light.add_fingerprint(doc_id, fp)
        loaded[doc_id] = fp.to_bytes()
        if position % 50 == 49:  # replace one: the old entry must stop answering
            reference.remove(doc_id)
            index.remove(doc_id)
            light.remove(doc_id)
    assert sum(1 for doc_id in documents if "~" in doc_id) > 50
