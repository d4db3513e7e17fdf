"""Concurrent ingests of the same documents, from the CLI and over HTTP at once.

    .venv/bin/python bench/concurrent_ingest.py [--documents 5000] [--cli 2] [--api 2] [--words 200]

Generates ``--documents`` documents (bench/gen_corpus.py), starts ``accord serve`` with an
ingest token over an empty store, then runs ``--cli`` ``accord ingest`` processes and
``--api`` HTTP writers (batches of 50 documents to POST /api/documents), all over the
same documents at the same time.  When all are done it checks the store: exactly one
copy of each document, ``PRAGMA integrity_check`` and the FTS5 integrity check pass, and
the full-text index holds paragraphs of exactly as many documents as there are
documents.  Prints each writer's time and outcome and the checks; exit 1 if one fails.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from accord.services.store import packed_text

HOST = "127.0.0.1"
TOKEN = "concurrent-ingest-bench"
BIN = Path(sys.executable).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--cli", type=int, default=2)
    parser.add_argument("--api", type=int, default=2)
    parser.add_argument("--words", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        corpus, db = Path(scratch) / "corpus.jsonl", Path(scratch) / "store.sqlite"
        subprocess.run([sys.executable, str(Path(__file__).with_name("gen_corpus.py")), str(corpus), "--docs",
                        str(args.documents), "--words", str(args.words)], check=True, stdout=subprocess.DEVNULL)
        rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
        distinct = len({r["text"] for r in rows})
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([str(BIN / "accord"), "serve", "--host", HOST, "--port", str(port), "--db", str(db)],
                                  env={**os.environ, "ACCORD_INGEST_TOKEN": TOKEN},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        outcomes: dict[str, str] = {}
        stored: dict[str, int] = {}  # documents each writer stored (new or near-duplicate)
        failed: list[str] = []
        try:
            _wait_until_up(f"http://{HOST}:{port}", server)
            started = time.perf_counter()

            def post_all(name: str) -> None:
                t0, errors, codes, new = time.perf_counter(), 0, set(), 0
                with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=600) as http:
                    for start in range(0, len(rows), 50):
                        r = http.post("/api/documents", json=rows[start:start + 50], headers={"Authorization": f"Bearer {TOKEN}"})
                        codes.add(r.status_code)
                        if r.status_code < 300:
                            errors += len(r.json()["errors"])
                            new += r.json()["new"] + r.json()["near_duplicates"]
                        else:
                            errors += 1
                stored[name] = new
                if errors or codes - {200, 201}:
                    failed.append(name)
                outcomes[name] = f"{time.perf_counter() - t0:6.1f} s, statuses {sorted(codes)}, stored {new}, errors {errors}"

            writers = [threading.Thread(target=post_all, args=(f"api-{i + 1}",)) for i in range(args.api)]
            cli = [subprocess.Popen([str(BIN / "accord"), "ingest", str(corpus), "--db", str(db), "--json", "--workers", "1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(args.cli)]
            for w in writers:
                w.start()
            for i, run in enumerate(cli, 1):
                out, err = run.communicate()
                report = json.loads(out) if out.strip() else {}
                stored[f"cli-{i}"] = (report.get("new") or 0) + (report.get("near_duplicates") or 0)
                if run.returncode or report.get("errors"):
                    failed.append(f"cli-{i}")
                outcomes[f"cli-{i}"] = (f"{time.perf_counter() - started:6.1f} s, exit {run.returncode}, new {report.get('new')}, "
                                        f"unchanged {report.get('unchanged')}, near-duplicates {report.get('near_duplicates')}, "
                                        f"errors {len(report.get('errors', []))}" + (f" {err[-300:]}" if run.returncode else ""))
            for w in writers:
                w.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)

        with sqlite3.connect(db) as conn:
            packed_text.register(conn)  # the full-text index's integrity check reads the compressed texts
            documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            hashes = conn.execute("SELECT COUNT(DISTINCT content_hash) FROM documents").fetchone()[0]
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            indexed = indexed_documents(conn)
            try:
                conn.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")
                fts_ok = "ok"
            except sqlite3.DatabaseError as exc:
                fts_ok = str(exc)

    print(f"{args.cli} CLI ingests and {args.api} HTTP writers of the same {len(rows)} documents "
          f"({distinct} distinct texts), {elapsed:.1f} s in all:")
    for name, outcome in sorted(outcomes.items()):
        print(f"  {name:6} {outcome}")
    checks = {"each document stored by exactly one writer": sum(stored.values()) == documents,
              "one copy per content hash": hashes == documents,
              "PRAGMA integrity_check": integrity == "ok", "FTS5 integrity-check": fts_ok == "ok",
              "documents in the full-text index == documents": indexed == documents,
              f"no writer failed{' (' + ', '.join(failed) + ')' if failed else ''}": not failed}
    print(f"  store: {documents} documents, {hashes} content hashes, {indexed} documents indexed, "
          f"integrity {integrity}, FTS5 {fts_ok}")
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


def indexed_documents(conn: sqlite3.Connection) -> int:
    """Documents with paragraphs in the full-text index itself (its docsize table has a row per indexed
    paragraph), not read through an external-content index's content, which would count the text stored."""
    return conn.execute("SELECT COUNT(DISTINCT p.doc) FROM paragraph_fts_docsize s "
                        "JOIN paragraph_spans p ON p.pid = s.id").fetchone()[0]


def _wait_until_up(base: str, server: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited: {server.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/api/treaties", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise RuntimeError("the server did not start")


if __name__ == "__main__":
    sys.exit(main())
