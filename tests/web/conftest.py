"""Fixtures for the page tests: a temporary store filled from the shared corpus, and an app over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.interfaces.app import create_app
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING

from shared_data import corpus_file

# A document whose text carries markup: the pages must print it as text, never run it.
HOSTILE_ID = "hostile-markup"
HOSTILE_TEXT = (
    "Russia and Iran signed the treaty in Moscow on 17 January 2025. A reader pasted "
    "<script>alert(1)</script> into the comments.\n\n"
    "Another comment said <img src=x onerror=alert(1)> and added: "
    "Russia is now obliged to defend Iran militarily.\n"
)


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory) -> Path:
    seeds = corpus_file("seeds.jsonl")
    root = tmp_path_factory.mktemp("web-store")
    hostile = root / f"{HOSTILE_ID}.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    db = root / "accord.sqlite"
    store = Store(db)
    report = ingest([seeds, hostile], store, JUDGING)
    store.close()
    assert not report.errors, report.errors
    return db


@pytest.fixture(scope="session")
def client(filled_db) -> TestClient:
    return TestClient(create_app(db_path=filled_db), headers={"accept": "text/html"})


@pytest.fixture()
def empty_client(tmp_path) -> TestClient:
    return TestClient(create_app(db_path=tmp_path / "empty.sqlite"), headers={"accept": "text/html"})


@pytest.fixture(scope="session")
def stored(filled_db) -> Store:
    """Read access to the same store, to compare the pages with what is stored."""
    return Store(filled_db)


@pytest.fixture(scope="session")
def hostile_id() -> str:
    return HOSTILE_ID
