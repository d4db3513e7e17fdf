"""The counts the store keeps as it writes (claims per filter combination, rows per table, the write
version) always equal a recount of the rows: after ingests, changed verdicts, deletions and upgrades."""

from __future__ import annotations

from types import SimpleNamespace

from accord.reasoning.claims import Verdict
from accord.services import listing
from accord.services.ingest import ingest
from accord.services.store import SCHEMA_VERSION, Store
from judging_context import JUDGING
from shared_data import corpus_file

from .test_store_reads import _summary_from_rows

RECOUNTED_COMBINATIONS = """
SELECT j.verdict, c.type, c.lang, c.treaty, d.outlet, COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id
JOIN verdicts v ON v.claim_id = c.id JOIN judgements j ON j.id = v.judgement GROUP BY 1, 2, 3, 4, 5
"""


def recounted_stats(store: Store) -> dict:
    one = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    return {"documents": one("SELECT COUNT(*) FROM documents"),
            "near_duplicates": one("SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
            "paragraphs": one("SELECT COUNT(*) FROM paragraph_spans"), "claims": one("SELECT COUNT(*) FROM claims"),
            "events": one("SELECT COUNT(*) FROM events"), "errors": one("SELECT COUNT(*) FROM ingest_errors")}


def recounted_days(store: Store, **filters: str) -> tuple[list[dict], int]:
    """Claims per publication day and verdict counted from the rows, as the trends once read them."""
    where = "".join(f" AND {'d.outlet' if name == 'outlet' else 'c.' + name} = ?" for name in filters)
    dated = "d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
    joined = "FROM judged_claims c JOIN documents d ON d.id = c.doc_id"
    rows = [dict(r) for r in store.db.execute(
        f"SELECT substr(d.published, 1, 10) AS day, c.verdict, COUNT(*) AS n {joined} WHERE {dated}{where} "
        "GROUP BY day, c.verdict ORDER BY day, c.verdict", list(filters.values()))]
    undated = store.db.execute(f"SELECT COUNT(*) {joined} WHERE (d.published IS NULL OR NOT ({dated})){where}",
                               list(filters.values())).fetchone()[0]
    return rows, undated


def assert_counts_match_rows(store: Store) -> None:
    kept = {tuple(r[k] for k in ("verdict", "type", "lang", "treaty", "outlet")): r["n"] for r in store.claim_combinations()}
    assert kept == {tuple(row[:5]): row[5] for row in store.db.execute(RECOUNTED_COMBINATIONS)}
    assert store.stats() == recounted_stats(store)
    every = store.claims(limit=1_000_000)
    assert store.count_claims() == len(every)
    for name in ("verdict", "type", "lang", "treaty", "outlet"):
        for value in {c[name] for c in every if c[name]}:
            assert store.count_claims(**{name: value}) == sum(1 for c in every if c[name] == value), (name, value)
    for facet in listing.claim_facets(store, verdict="supported")["lang"]:
        assert facet.count == sum(1 for c in every if c["verdict"] == "supported" and c["lang"] == facet.value)
    assert store.sources_summary() == _summary_from_rows(store)
    assert store.claims_by_day() == recounted_days(store)
    some = every[len(every) // 2]
    for name in ("type", "lang", "outlet"):
        assert store.claims_by_day(**{name: some[name]}) == recounted_days(store, **{name: some[name]}), name
    for outlet in {d["outlet"] for d in store.documents(limit=1_000_000) if d["outlet"]}:
        assert store.count_documents(outlet=outlet) == len(store.documents(outlet=outlet, limit=1_000_000))


def test_counts_follow_ingests_changed_verdicts_errors_and_deletions(store: Store):
    versions = [store.write_version()]
    ingest([corpus_file("seeds.jsonl"), corpus_file("dev.jsonl")], store, JUDGING)
    assert store.count_claims() > 20 and store.stats()["near_duplicates"] >= 0
    assert_counts_match_rows(store)
    versions.append(store.write_version())

    supported = store.claims(verdict="supported", limit=5)
    changed = SimpleNamespace(verdict=Verdict("contradicted"), citation="x", reason="edited", sources=())
    store.set_verdicts([(c["id"], changed) for c in supported], "edited-catalog")
    assert_counts_match_rows(store)
    versions.append(store.write_version())

    store.record_error("broken.html", "cannot be read")
    assert store.stats()["errors"] == 1
    versions.append(store.write_version())

    with_claims = store.claims(limit=1)[0]["doc_id"]
    store.db.execute("DELETE FROM documents WHERE id = ?", (with_claims,))  # claims, verdicts, events go with it
    assert store.document(with_claims) is None
    assert_counts_match_rows(store)
    versions.append(store.write_version())
    assert versions == sorted(set(versions)), "every change moves the write version"

    ingest([corpus_file("dev.jsonl")], store, JUDGING)  # the deleted document comes back, the rest are unchanged
    assert_counts_match_rows(store)


def test_a_schema_6_store_gets_its_counts_when_it_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store(path) as store:
        ingest([corpus_file("seeds.jsonl")], store, JUDGING)
        expected = recounted_stats(store)
        # as schema 6 left it: no read counts, no write version
        for (name, kind) in store.db.execute("SELECT name, type FROM sqlite_master WHERE type IN ('trigger', 'table') "
                                             "AND (name IN ('claim_counts', 'claim_days', 'row_counts') OR name LIKE '%_rows' "
                                             "OR name LIKE '%claim_counts%' OR name LIKE '%claim_days%' "
                                             "OR name LIKE 'uncount_outlet_claim%' OR name = 'version_rejudged')").fetchall():
            store.db.execute(f"DROP {kind.upper()} {name}")
        store.db.execute("DELETE FROM meta WHERE key = 'write_version'")
        store.db.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.stats() == expected and expected["claims"] > 0
        assert store.write_version() > 0
        assert_counts_match_rows(store)
        ingest([corpus_file("dev.jsonl")], store, JUDGING)  # the triggers keep them from there
        assert_counts_match_rows(store)
