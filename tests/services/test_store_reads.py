"""Totals and facet counts for list pages, and batches of documents written whole."""

from __future__ import annotations

import dataclasses
from collections import Counter

from accord.services import listing
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING
from shared_data import corpus_file


def facet_counts(store: Store, **filters: str) -> dict[str, dict[str, int]]:
    return {name: {f.value: f.count for f in values if f.value is not None}
            for name, values in listing.claim_facets(store, **filters).items()}


def test_totals_and_facets_agree_with_the_listed_claims(store: Store):
    ingest([corpus_file("seeds.jsonl"), corpus_file("dev.jsonl")], store, JUDGING)
    every = store.claims(limit=100_000)
    assert store.count_claims() == len(every) == store.stats()["claims"] > 20
    facets = facet_counts(store)
    for facet in ("verdict", "type", "lang", "treaty", "outlet"):
        assert facets[facet] == {k: n for k, n in Counter(c[facet] for c in every).items() if k is not None}, facet
    verdict, n = next(iter(facets["verdict"].items()))
    lang = next(iter(facet_counts(store, verdict=verdict)["lang"]))
    chosen = [c for c in every if c["verdict"] == verdict and c["lang"] == lang]
    assert store.count_claims(verdict=verdict, lang=lang) == len(chosen) == len(store.claims(verdict=verdict, lang=lang, limit=10_000))
    assert sum(facet_counts(store, verdict=verdict)["type"].values()) == n
    assert store.count_claims(verdict="no-such-verdict") == 0


def test_a_document_the_store_refuses_leaves_the_rest_of_its_batch_stored(store: Store):
    from accord.press.pipeline import process
    from accord.press.read import RawDocument
    from judging_context import CATALOG, TODAY

    docs = [process(RawDocument(id=f"d{i}", text=f"Russia and Iran signed the treaty in Moscow, story {i} of {word}.",
                                lang="en"), CATALOG, TODAY) for i, word in enumerate(["one", "two", "three"])]
    store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'd1' "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    outcomes = store.put_many([docs[0], docs[1], docs[2], dataclasses.replace(docs[0], id="again")])
    assert [getattr(o, "outcome", None) for o in outcomes] == ["new", None, "new", "unchanged"]
    assert "refused" in str(outcomes[1])
    assert [d["id"] for d in store.documents(limit=10)] == ["d0", "d2"]
    assert store.db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE doc_id = 'd1'").fetchone()[0] == 0
    assert store.stats()["paragraphs"] == len(docs[0].paragraphs) + len(docs[2].paragraphs)


def _summary_from_rows(store: Store) -> list[dict]:
    """The per-outlet summary counted from the rows themselves, as the store once computed it."""
    rows = {}
    for d in store.documents(limit=100_000):
        row = rows.setdefault(d["outlet"] or "unknown", {"outlet": d["outlet"] or "unknown", "documents": 0, "claims": 0,
                                                        "supported": 0, "contradicted": 0, "unverifiable": 0})
        row["documents"] += 1
    for c in store.claims(limit=100_000):
        row = rows[c["outlet"] or "unknown"]
        row["claims"] += 1
        if c["verdict"] in row:
            row[c["verdict"]] += 1
    return sorted(rows.values(), key=lambda r: (-r["documents"], r["outlet"]))


def test_the_outlet_summary_kept_at_write_time_follows_ingests_and_changed_verdicts(store: Store):
    from types import SimpleNamespace

    from accord.reasoning.claims import Verdict

    ingest([corpus_file("seeds.jsonl"), corpus_file("dev.jsonl")], store, JUDGING)
    assert store.sources_summary() == _summary_from_rows(store)
    supported = store.claims(verdict="supported", limit=3)
    changed = SimpleNamespace(verdict=Verdict("contradicted"), citation="x", reason="edited", sources=())
    store.set_verdicts([(c["id"], changed) for c in supported], "edited-catalog")
    after = store.sources_summary()
    assert after == _summary_from_rows(store)
    assert sum(r["contradicted"] for r in after) == store.count_claims(verdict="contradicted")
    ingest([corpus_file("dev.jsonl")], store, JUDGING)  # nothing new: nothing counted twice
    assert store.sources_summary() == after


def test_a_sorted_page_and_the_same_claims_are_those_of_the_whole_sorted_list(store: Store):
    import json

    ingest([corpus_file("seeds.jsonl"), corpus_file("dev.jsonl")], store, JUDGING)
    for key in listing.sort_keys(listing.CLAIM_SORTS):
        every = list(listing.sorted_claims(store, key, limit=None))
        assert list(listing.sorted_claims(store, key, limit=7, offset=3)) == every[3:10], key
        contradicted = [c for c in every if c["verdict"] == "contradicted"]
        assert list(listing.sorted_claims(store, key, limit=5, verdict="contradicted")) == contradicted[:5], key
    # the same claims elsewhere, newest first, whichever of its two plans a value's count picks
    claims = store.claims(limit=100_000)
    counts = Counter((c["treaty"], c["type"], json.dumps(c["value"], ensure_ascii=False)) for c in claims)
    documents = store.stats()["documents"]
    plans = set()
    for common in {(c["treaty"], c["type"], json.dumps(c["value"])): c for c in claims if counts[
            (c["treaty"], c["type"], json.dumps(c["value"], ensure_ascii=False))] > 1}.values():
        newest = [c for c in listing.sorted_claims(store, "-published", limit=None, treaty=common["treaty"], type=common["type"])
                  if c["value"] == common["value"] and c["doc_id"] != common["doc_id"]]
        for limit in (1, 3, 1000):
            same = store.same_claims(common, limit=limit)
            assert [c["id"] for c in same] == [c["id"] for c in newest[:limit]]
            assert all(c["quote"] for c in same)
            matches = counts[(common["treaty"], common["type"], json.dumps(common["value"], ensure_ascii=False))]
            plans.add(matches * matches > limit * documents)
    assert plans == {True, False}
