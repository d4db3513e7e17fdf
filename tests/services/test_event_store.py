"""Implementation events in the store: written with their document, back-filled into older stores."""

from __future__ import annotations

import sqlite3

import datetime as dt

from accord.knowledge.catalog import default_catalog
from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.services.store import SCHEMA_VERSION, Store
from judging_context import CATALOG, TODAY

from .store_v3 import write_schema_3

TEXT = ("Iran and Russia held a joint naval exercise in the Caspian Sea on Monday.\n\n"
        "Russia and Iran signed a memorandum of understanding on small nuclear power plants on Wednesday.")


def doc(doc_id="d1", text=TEXT):
    return process(RawDocument(id=doc_id, text=text, url="https://example.org/a", lang="en", published="2025-09-26",
                               outlet="Example", origin="test"), CATALOG, TODAY)


def test_events_are_stored_with_their_document_and_read_back_with_its_source(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.put(doc())
        rows = store.events("rus-irn-2025")
        assert {(r["type"], r["event_date"]) for r in rows} == {("exercise", "2025-09-22"), ("nuclear_deal", "2025-09-24")}
        for r in rows:
            assert r["outlet"] == "Example" and r["published"] == "2025-09-26"
            stored = store.document(r["doc_id"])["text"]
            assert stored[r["start"]:r["end"]] == r["quote"]
        assert store.events("rus-irn-2025", provision="nuclear_energy")[0]["type"] == "nuclear_deal"
        assert store.stats()["events"] == 2
        store.put(doc())  # re-ingesting changes nothing
        assert store.stats()["events"] == 2


def test_a_store_written_before_events_gets_them_when_opened(tmp_path):
    path = tmp_path / "old.sqlite"
    write_schema_3(path, [doc()])
    db = sqlite3.connect(path)  # make it look like a schema-1 store
    db.executescript("DROP TABLE events; UPDATE meta SET value = '1' WHERE key = 'schema_version';")
    db.commit()
    db.close()
    with Store(path) as store:
        assert len(store.events("rus-irn-2025")) == 2
        assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
