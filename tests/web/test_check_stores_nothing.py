"""A sentence someone checks is a test, not coverage: `accord check`, the check page (POST and its GET
permalink) and POST /api/check read the catalog only and never write to the store."""

from __future__ import annotations

import hashlib
import shutil

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accord.interfaces.app import create_app
from accord.interfaces.cli import app as cli
from accord.services.store import Store

SENTENCE = "Russia is now obliged to defend Iran militarily."


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_checking_leaves_a_filled_store_as_it_was(filled_db, tmp_path, monkeypatch):
    db = tmp_path / "accord.sqlite"
    shutil.copy(filled_db, db)
    with Store(db) as store:
        before = store.stats()
    digest = _digest(db)

    monkeypatch.setenv("ACCORD_DB", str(db))
    out = CliRunner().invoke(cli, ["check", SENTENCE, "--json"])
    assert out.exit_code == 0 and "contradicted" in out.stdout

    client = TestClient(create_app(db_path=db), headers={"accept": "text/html"})
    assert "contradicted" in client.post("/check", data={"text": SENTENCE}).text
    assert "contradicted" in client.get("/check", params={"text": SENTENCE}).text
    assert client.post("/api/check", json={"text": SENTENCE}).json()[0]["verdict"] == "contradicted"

    with Store(db) as store:
        assert store.stats() == before
    assert _digest(db) == digest


def test_checking_creates_no_store(tmp_path, monkeypatch):
    db = tmp_path / "none" / "accord.sqlite"
    monkeypatch.setenv("ACCORD_DB", str(db))
    assert CliRunner().invoke(cli, ["check", SENTENCE]).exit_code == 0
    assert not db.exists()
