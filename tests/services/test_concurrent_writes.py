"""Writers storing the same documents at once, in separate processes and over HTTP: one copy each,
no writer fails, and the full-text index matches the documents."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from accord.services.store import Store, packed_text

ACCORD = str(Path(sys.executable).parent / "accord")
WORDS = ("harbour", "grain", "ferry", "pipeline", "tariff", "railway", "customs", "turbine", "drill", "cargo",
         "wheat", "bridge", "canal", "refinery", "satellite", "reactor", "orchard", "quarry", "vessel", "depot")


def documents(n: int) -> list[dict]:
    """Distinct short documents (each a different combination of words, so none is a near-duplicate)."""
    rows = []
    for i in range(n):
        picked = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(4)]
        rows.append({"id": f"doc-{i}", "text": f"Report {i}: the {picked[0]} at {picked[1]} was {i % 97} km from the "
                     f"{picked[2]}; {i * 13 % 1000} tonnes of {picked[3]} parts moved in week {i % 52}."})
    return rows


def check_store(db: Path, n: int) -> None:
    with sqlite3.connect(db) as conn:
        packed_text.register(conn)  # the full-text index reads the compressed texts through it
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(DISTINCT content_hash) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(DISTINCT doc_id) FROM paragraph_fts").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(*) FROM paragraph_fts").fetchone()[0] == \
            conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
        conn.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")  # raises if corrupt


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_four_processes_ingesting_the_same_documents_store_one_copy_each(tmp_path):
    n = 120
    source = write_jsonl(tmp_path / "same.jsonl", documents(n))
    db = tmp_path / "store.sqlite"
    Store(db).close()  # created up front, so the processes race on documents rather than on the schema
    runs = [subprocess.Popen([ACCORD, "ingest", str(source), "--db", str(db), "--json", "--workers", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert json.loads(out)["errors"] == []
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["new"] for r in reports) == n
    assert all(r["new"] + r["unchanged"] == n for r in reports)
    check_store(db, n)


def test_the_api_and_the_cli_ingesting_the_same_documents_at_once(tmp_path):
    n = 120
    rows = documents(n)
    source = write_jsonl(tmp_path / "same.jsonl", rows)
    db = tmp_path / "store.sqlite"
    Store(db).close()
    port = _free_port()
    server = subprocess.Popen([ACCORD, "serve", "--port", str(port), "--db", str(db)],
                              env={**os.environ, "ACCORD_INGEST_TOKEN": "concurrency-test"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, server)
        answers: list[httpx.Response] = []

        def post_all() -> None:
            with httpx.Client(base_url=base, timeout=120) as http:
                for start in range(0, n, 10):
                    answers.append(http.post("/api/documents", json=rows[start:start + 10],
                                             headers={"Authorization": "Bearer concurrency-test"}))

        posters = [threading.Thread(target=post_all) for _ in range(2)]
        cli = [subprocess.Popen([ACCORD, "ingest", str(source), "--db", str(db), "--json", "--workers", "1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for t in posters:
            t.start()
        outputs = [run.communicate(timeout=300) for run in cli]
        for t in posters:
            t.join(timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for run, (out, err) in zip(cli, outputs):
        assert run.returncode == 0, err
        assert json.loads(out)["errors"] == []
    assert len(answers) == 2 * n // 10
    assert all(a.status_code in (200, 201) and a.json()["errors"] == [] for a in answers), [a.text for a in answers]
    check_store(db, n)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server exited: {server.stderr.read()}")
        try:
            if httpx.get(base + "/api/treaties", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")
