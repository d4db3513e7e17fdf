"""Batch ingest: one bad file never stops the batch, and an interrupted ingest is consistent and resumable."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.press.read import DEFAULT_MAX_BYTES
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING

from shared_data import corpus_records

from .conftest import write_jsonl


def _messy_batch(folder: Path, good: list[dict]) -> None:
    write_jsonl(folder / "good.jsonl", good[:2])
    (folder / "good.txt").write_text(good[2]["text"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes("Le traité a été signé à Moscou. ".encode("latin-1") * 50)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    with (folder / "broken.jsonl").open("w", encoding="utf-8") as handle:
        handle.write('{"id": "cut-off", "text": "The treaty was signed in Mosc\n')  # truncated JSON
        handle.write(json.dumps({"id": "no-text"}) + "\n")
        handle.write(json.dumps(good[3]) + "\n")  # a good line after bad ones is still read
    (folder / "huge.txt").write_bytes(b"The treaty has 47 articles. " * (DEFAULT_MAX_BYTES // 28 + 1))
    with (folder / "huge-line.jsonl").open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "giant", "text": "x" * (DEFAULT_MAX_BYTES + 10)}) + "\n")
        handle.write(json.dumps(good[4]) + "\n")


@pytest.mark.slow
def test_each_bad_file_gets_a_precise_error_and_the_rest_of_the_batch_is_stored(tmp_path: Path):
    good = corpus_records("seeds.jsonl")
    folder = tmp_path / "batch"
    folder.mkdir()
    _messy_batch(folder, good)
    store = Store(tmp_path / "accord.sqlite")
    report = ingest([folder], store, JUDGING, workers=2)
    errors: dict[str, str] = {}
    for e in report.errors:  # one entry per file; a JSONL file's line errors are joined
        name = Path(e["origin"].split(":")[0]).name
        errors[name] = errors.get(name, "") + e["message"] + "\n"
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"] or "UTF-8" in errors["binary.txt"]
    assert "notes.pdf" not in errors and [Path(s["origin"]).name for s in report.skipped] == ["notes.pdf"]
    assert "over the limit" in errors["huge.txt"]
    assert "over the limit" in errors["huge-line.jsonl"] or "too long" in errors["huge-line.jsonl"]
    assert errors["broken.jsonl"].startswith("malformed JSON") and " at at " not in errors["broken.jsonl"]
    assert "no 'text' field" in errors["broken.jsonl"]
    stored = {row[0] for row in store.db.execute("SELECT id FROM documents")}
    # all five good documents are stored, including those read after a bad line or a bad file
    assert {good[i]["id"] for i in (0, 1, 3, 4)} <= stored and "good" in stored
    # text in a legacy encoding is either decoded or refused, never stored as mojibake
    if "latin1" in stored:
        assert "traité" in store.document("latin1")["text"]
    assert store.stats()["errors"] == len(report.errors)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _many_documents(path: Path, count: int) -> Path:
    base = [r["text"] for r in corpus_records("dev.jsonl") if r.get("lang") == "en"]
    rows = [{"id": f"doc-{i:04d}", "text": f"Report number {i}.\n\n" + base[i % len(base)], "lang": "en"} for i in range(count)]
    return write_jsonl(path, rows)


def _consistent(db: Path) -> set[str]:
    """Every stored document is whole: its paragraphs and their search rows are all there."""
    with Store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = {row[0] for row in store.db.execute("SELECT id FROM documents")}
        for doc_id in ids:
            paragraphs = store.db.execute("SELECT COUNT(*) FROM paragraphs WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            indexed = store.db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            assert paragraphs > 0 and indexed == paragraphs, doc_id
        return ids


@pytest.mark.slow
def test_an_ingest_killed_midway_leaves_whole_documents_and_a_rerun_completes_it(tmp_path: Path):
    source = _many_documents(tmp_path / "many.jsonl", 400)
    db = tmp_path / "accord.sqlite"
    command = [sys.executable, "-m", "accord", "ingest", str(source), "--db", str(db), "--workers", "1", "--json"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if db.exists():
                with Store(db) as probe:
                    if probe.stats()["documents"] >= 20:
                        break
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)  # no chance to clean up: the worst case
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = _consistent(db)
    assert 20 <= len(partial) < 400
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["unchanged"] == len(partial)
    assert report["new"] + report["near_duplicates"] == 400 - len(partial)
    assert len(_consistent(db)) == 400
