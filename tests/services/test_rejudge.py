"""Re-judging: after a catalog edit exactly the affected stored verdicts change, and a second run
changes nothing.  A real store and a temporary copy of the catalog with one fact edited."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from accord.knowledge.catalog import DATA, load_catalog
from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.reasoning.check import RULES
from accord.reasoning.claims import ClaimType
from accord.services.rejudge import rejudge
from accord.services.store import Store

from .store_v3 import write_schema_3

DAY = dt.date(2026, 11, 30)
TEXTS = {
    "count": "The Russia-Iran treaty signed in Moscow has 47 articles.",
    "defence": "The treaty between Russia and Iran does not contain a mutual defence clause.",
    "term": "The Russia-Iran treaty was concluded for 20 years.",
    "dprk": "The 2024 treaty between Russia and North Korea has 23 articles.",
}


def _catalog_copy(tmp_path: Path, edit: tuple[str, str, str] | None = None):
    root = tmp_path / "catalog"
    shutil.copytree(str(DATA), root)
    if edit:
        name, old, new = edit
        path = root / "treaties" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_catalog(root)


@pytest.fixture
def store(tmp_path) -> Store:
    catalog = _catalog_copy(tmp_path / "before")
    s = Store(tmp_path / "accord.sqlite")
    for doc_id, text in TEXTS.items():
        s.put(process(RawDocument(id=doc_id, text=text, lang="en", published="2026-02-01"), catalog, DAY))
    yield s
    s.close()


def _verdicts(store: Store) -> dict[tuple, tuple]:
    return {(c["doc_id"], c["type"], str(c["value"])): (c["verdict"], c["citation"]) for c in store.claims(limit=1000)}


def test_every_claim_type_has_a_verdict_rule():
    assert set(RULES) == set(ClaimType)


def test_a_catalog_edit_changes_exactly_the_affected_verdicts_and_a_second_run_nothing(tmp_path, store):
    before = _verdicts(store)
    assert before[("count", "article_count", "47")][0] == "supported"
    assert before[("dprk", "article_count", "23")][0] == "supported"
    unchanged_catalog = rejudge(store, _catalog_copy(tmp_path / "same"), DAY)
    assert unchanged_catalog.rejudged == 0 and unchanged_catalog.changed == []  # same content, same version

    edited = _catalog_copy(tmp_path / "edited", ("rus-irn-2025.yaml", "article_count: 47", "article_count: 48"))
    report = rejudge(store, edited, DAY)
    after = _verdicts(store)
    assert report.rejudged == len(before) == report.claims
    assert [(c.doc_id, c.type.value, c.before.value, c.after.value) for c in report.changed] == [
        ("count", "article_count", "supported", "contradicted")]
    assert {k for k in before if before[k] != after[k]} == {("count", "article_count", "47")}

    again = rejudge(store, edited, DAY)
    assert again.rejudged == 0 and again.changed == [] and _verdicts(store) == after


def test_a_store_from_before_verdicts_were_kept_apart_is_migrated_in_place(tmp_path, store):
    claims = store.claims(limit=1000)
    store.close()
    catalog = _catalog_copy(tmp_path / "before2")
    path = tmp_path / "schema2.sqlite"
    write_schema_3(path, [process(RawDocument(id=doc_id, text=text, lang="en", published="2026-02-01"), catalog, DAY)
                          for doc_id, text in TEXTS.items()])
    # rebuild the schema-2 layout from schema 3: verdicts inside the claims table, no verdicts table
    db = sqlite3.connect(path)
    db.executescript("""
        DROP VIEW judged_claims; ALTER TABLE claims ADD COLUMN verdict TEXT; ALTER TABLE claims ADD COLUMN citation TEXT;
        ALTER TABLE claims ADD COLUMN reason TEXT; ALTER TABLE claims ADD COLUMN sources TEXT;
        UPDATE claims SET verdict = (SELECT verdict FROM verdicts WHERE claim_id = claims.id),
                          citation = (SELECT citation FROM verdicts WHERE claim_id = claims.id),
                          reason = (SELECT reason FROM verdicts WHERE claim_id = claims.id),
                          sources = (SELECT sources FROM verdicts WHERE claim_id = claims.id);
        DROP TABLE verdicts; UPDATE meta SET value = '2' WHERE key = 'schema_version';
    """)
    db.commit()
    db.close()
    with Store(path) as migrated:
        def unstamped(rows):  # the two stores were written a moment apart
            return [{k: v for k, v in r.items() if k != "ingested_at"} for r in rows]

        assert unstamped(migrated.claims(limit=1000)) == unstamped(claims)  # nothing lost, the same answers
        report = rejudge(migrated, _catalog_copy(tmp_path / "now"), DAY)
        assert report.rejudged == len(claims) and report.changed == []  # unknown version: judged again, same verdicts
        assert rejudge(migrated, _catalog_copy(tmp_path / "now2"), DAY).rejudged == 0


def test_the_command_and_the_api_rejudge_with_a_report_and_are_idempotent(tmp_path, store):
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from accord.interfaces.app import create_app
    from accord.interfaces.cli import app

    path = store.path
    store.close()
    root = tmp_path / "edited"
    _catalog_copy(root, ("rus-irn-2025.yaml", "article_count: 47", "article_count: 48"))
    runner = CliRunner()
    first = runner.invoke(app, ["rejudge", "--db", str(path), "--catalog", str(root / "catalog"), "--json"])
    assert first.exit_code == 0, first.output
    changed = json.loads(first.stdout)["changed"]
    assert [(c["doc_id"], c["before"], c["after"]) for c in changed] == [("count", "supported", "contradicted")]
    bad = runner.invoke(app, ["rejudge", "--db", str(path), "--catalog", str(tmp_path / "nowhere")])
    assert bad.exit_code == 2 and "no treaties/ folder" in bad.output

    # the API judges against the server's catalog (the built-in one): the edit is undone, and only then
    with TestClient(create_app(db_path=path, ingest_token="t")) as client:
        assert client.post("/api/rejudge").status_code == 401
        r = client.post("/api/rejudge", headers={"Authorization": "Bearer t"})
        assert r.status_code == 200, r.text
        assert [(c["doc_id"], c["after"]) for c in r.json()["changed"]] == [("count", "supported")]
        again = client.post("/api/rejudge", headers={"Authorization": "Bearer t"}).json()
        assert again["rejudged"] == 0 and again["changed"] == []
