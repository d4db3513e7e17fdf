"""One document never stops a batch: inputs that once did are stored or listed with their reason,
and the documents next to them are stored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from accord.press.read import RawDocument, ReadError, read_paths
from accord.services.ingest import ingest
from judging_context import JUDGING

ONCE_FAILING = Path(__file__).resolve().parents[1] / "data" / "once_failing"
WITHOUT_FILE_CAPABILITIES = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
                             "-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []
CASES = sorted(p for p in ONCE_FAILING.iterdir() if p.suffix in (".jsonl", ".html", ".txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_a_once_failing_file_is_read_without_raising_and_its_neighbours_come_through(path):
    results = list(read_paths([path]))
    assert results, "every file gives a document or a reason"
    for r in results:
        assert isinstance(r, (RawDocument, ReadError))
        if isinstance(r, ReadError):
            assert r.message and "Traceback" not in r.message
    neighbours = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()
                  if '"neighbour-' in line] if path.suffix == ".jsonl" else []
    assert set(neighbours) <= {r.id for r in results if isinstance(r, RawDocument)}


@pytest.mark.parametrize("workers", [1, 2])
def test_the_whole_regression_folder_ingests_to_the_end(tmp_path, store, workers):
    report = ingest(CASES, store, JUDGING, workers=workers)
    stored = {row[0] for row in store.db.execute("SELECT id FROM documents")}
    assert {"neighbour-1", "neighbour-2", "neighbour-3", "bad-url", "bad-port", "lang-zz"} <= stored
    reasons = {e["origin"].rsplit("/", 1)[-1]: e["message"] for e in report.errors}
    assert "nested deeper" in reasons["deep_nesting.jsonl:1"]
    assert "digits" in reasons["huge_integer.jsonl:1"]
    assert "invalid UTF-8" in reasons["undefined_charset.html"]
    assert report.new == len(stored)


def test_lone_surrogates_become_replacement_characters_in_every_stored_field(store):
    ingest([ONCE_FAILING / "lone_surrogates.jsonl"], store, JUDGING)
    row = store.db.execute("SELECT id, url, outlet, document_text(text) AS text FROM documents WHERE id LIKE 'sur%'").fetchone()
    assert row is not None
    assert row["id"] == "sur\ufffdrogate" and row["outlet"] == "Outlet \ufffd"
    assert "\ufffd" in row["text"] and row["url"] == "https://example.org/a\ufffd"


def test_a_malformed_url_is_dropped_and_the_document_kept(store):
    report = ingest([ONCE_FAILING / "malformed_url.jsonl"], store, JUDGING)
    assert report.errors == [] and report.new == 2
    assert [r[0] for r in store.db.execute("SELECT url FROM documents")] == [None, None]


@pytest.mark.parametrize("declared, stored", [("klingon-tlh", None), ("EN-us", "en"), ("ru_RU", "ru"), ("zz", None),
                                              ("en" * 40, None), ("fa", "fa")])
def test_a_declared_language_is_stored_only_as_a_known_iso_code(tmp_path, store, declared, stored):
    # a text too short to detect a language in, so the declared one is all there is
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "d", "lang": declared, "text": "2025"}) + "\n", encoding="utf-8")
    ingest([path], store, JUDGING)
    assert store.db.execute("SELECT lang FROM documents").fetchone()[0] == stored


def test_an_unreadable_folder_and_file_are_listed_and_counted_in_the_exit_code():
    # Permissions bind only without the capabilities that bypass them: under root they are dropped (util-linux setpriv).
    root = Path(tempfile.mkdtemp(prefix="accord-perm-"))
    try:
        root.chmod(0o777)
        (root / "in" / "locked").mkdir(parents=True)
        (root / "in" / "locked" / "a.txt").write_text("Russia and Iran signed the treaty.", encoding="utf-8")
        (root / "in" / "secret.txt").write_text("Closed file about the treaty.", encoding="utf-8")
        (root / "in" / "b.txt").write_text("The treaty was ratified.", encoding="utf-8")
        for path in (root / "in", root / "in" / "b.txt"):
            path.chmod(0o755)
        (root / "in" / "locked").chmod(0)
        (root / "in" / "secret.txt").chmod(0)
        done = subprocess.run([*WITHOUT_FILE_CAPABILITIES, str(Path(sys.executable).parent / "accord"), "ingest", str(root / "in"), "--db",
                               str(root / "s.sqlite"), "--json", "--workers", "1"], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1, done.stderr
        report = json.loads(done.stdout)
        assert report["new"] == 1
        assert sorted((Path(e["origin"]).name, e["message"]) for e in report["errors"]) == [
            ("locked", "cannot read folder: Permission denied"), ("secret.txt", "cannot read: Permission denied")]
    finally:
        for path in root.rglob("*"):
            path.chmod(0o755) if path.is_dir() else None
        shutil.rmtree(root)


def test_a_document_the_store_refuses_is_listed_and_the_batch_goes_on(tmp_path, store):
    # a trigger stands in for any per-row refusal the database can make
    store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'refused' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by a constraint'); END")
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "refused", "text": "First text about the treaty."}) + "\n"
                    + json.dumps({"id": "kept", "text": "Second text about the partnership."}) + "\n", encoding="utf-8")
    report = ingest([path], store, JUDGING)
    assert [r[0] for r in store.db.execute("SELECT id FROM documents")] == ["kept"]
    assert len(report.errors) == 1 and "refused by a constraint" in report.errors[0]["message"]
    assert store.db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE doc_id = 'refused'").fetchone()[0] == 0


def test_no_once_failing_file_holds_the_pipeline(store):
    # runaway backtracking looks like a hang, not an error: each file must go through in seconds
    for path in CASES:
        started = time.perf_counter()
        ingest([path], store, JUDGING)
        assert time.perf_counter() - started < 20, path.name
