"""What the store costs: bytes per document by table and index, ingest against bare processing, opening a large store.

    .venv/bin/python bench/bench_store.py                     # all parts with their defaults
    .venv/bin/python bench/bench_store.py size [--docs 1000] [--words 1000]
    .venv/bin/python bench/bench_store.py ingest [--docs 300] [--words 1000]
    .venv/bin/python bench/bench_store.py open [--large-docs 100000] [--large-store FILE]
    .venv/bin/python bench/bench_store.py reads --large-store FILE

The figures for the report, in one command (the large store is kept for the reads part):

    .venv/bin/python bench/bench_store.py all --large-store /tmp/store-100k.sqlite

size: the synthetic corpus (bench/gen_corpus.py) and the shared press corpus (../shared/corpus)
are processed once and stored; after a WAL checkpoint, SQLite's dbstat virtual table gives the
pages of every table and index, printed as bytes per document, beside the cleaned text's own
UTF-8 bytes per document and the ratio of the whole file to the cleaned text (the target: at
most 2x on both; the store keeps the text compressed, so the text's own share is below 1x).

ingest: in this one process, per-core CPU time (process_time) of ``process()`` alone over the
documents, then of the real ingest path (``ingest.store_results`` over the same documents run
through ``process()``, one worker, into a fresh store), median of three runs each, alternated;
the ratio of the two rates is the share of bare processing speed that ingest keeps.

open: a store of ``--large-docs`` documents is built once (kept at ``--large-store`` if given,
so later runs reuse it): 200 processed documents stored by the store, then copied inside SQLite
under new ids and content hashes with fresh random band keys, so that near-duplicate look-ups
stay as selective as on real coverage; then a fresh interpreter opens it and stores one new document,
timed (wall and CPU), median of three.

reads: each read the list pages, API and CLI make (first pages, filters, sorts, totals, facets, the
sources summary, searches, trends, implementation events), on the large store, in CPU milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus, when run from elsewhere

import gen_corpus  # noqa: E402 - after the path fix-up above

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
RUNS = 3


def _judging():
    import datetime as dt

    from accord.knowledge.catalog import default_catalog
    from accord.services.ingest import Judging

    return Judging(default_catalog(), dt.date.today())


def _synthetic(count: int, words: int, seed: int = 1):
    from accord.press.read import RawDocument

    return [RawDocument(id=r["id"], text=r["text"], origin=r["id"], url=r["url"], lang=r["lang"],
                        published=r["published"], outlet=r["outlet"])
            for r in gen_corpus.documents(count, words=words, seed=seed)]


def _shared():
    from accord.press.read import RawDocument, read_paths

    paths = sorted(SHARED_CORPUS.glob("*.jsonl"))
    if not paths:
        sys.exit(f"the shared corpus is missing: {SHARED_CORPUS}")
    return [item for item in read_paths(paths) if isinstance(item, RawDocument)]


def _process_all(raws, judging):
    from accord.services.ingest import safe_process
    from accord.press.pipeline import ProcessedDocument

    return [d for d in (safe_process(r, judging) for r in raws) if isinstance(d, ProcessedDocument)]


def _table_bytes(path: Path) -> dict[str, int]:
    """Bytes on disk per table and index (their pages), from SQLite's dbstat virtual table."""
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sizes = dict(db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall())
    db.close()
    return sizes


def _size_report(label: str, docs) -> dict:
    from accord.services.ingest import store_results
    from accord.services.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        with Store(path) as store:
            store_results(iter(docs), store)
            stored = store.stats()["documents"]
        sizes = _table_bytes(path)
        file_bytes = path.stat().st_size
    text_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    print(f"\n== {label}: {stored} documents stored, cleaned text {text_bytes / len(docs):,.0f} bytes/doc")
    print(f"{'table or index':34} {'bytes/doc':>10} {'share':>7}")
    for name, size in sizes.items():
        print(f"{name:34} {size / stored:10,.0f} {size / file_bytes:7.1%}")
    print(f"{'whole file':34} {file_bytes / stored:10,.0f}")
    print(f"store / cleaned text: {file_bytes / text_bytes:.2f}x")
    return {"documents": stored, "file_bytes": file_bytes, "text_bytes": text_bytes, "tables": sizes}


def run_size(args) -> None:
    judging = _judging()
    _size_report(f"synthetic corpus, {args.docs} documents of {args.words} words",
                 _process_all(_synthetic(args.docs, args.words), judging))
    _size_report("shared press corpus", _process_all(_shared(), judging))


def run_ingest(args) -> None:
    from accord.press.pipeline import process
    from accord.services.ingest import process_item, store_results
    from accord.services.store import Store

    judging = _judging()
    raws = _synthetic(args.docs, args.words, seed=7)
    for raw in raws[:20]:  # models, catalog and caches loaded before anything is timed
        process(raw, judging.catalog, judging.today)
    bare, stored = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS):
            start = time.process_time()
            for raw in raws:
                process(raw, judging.catalog, judging.today)
            bare.append(time.process_time() - start)
            with Store(Path(tmp) / f"run{run}.sqlite") as store:
                start = time.process_time()
                report = store_results((process_item(raw, judging) for raw in raws), store)
                stored.append(time.process_time() - start)
            assert report.documents == len(raws), report.errors
    process_rate, ingest_rate = len(raws) / statistics.median(bare), len(raws) / statistics.median(stored)
    print(f"\n== ingest against bare process(), {len(raws)} documents of {args.words} words, 1 worker, CPU time, "
          f"median of {RUNS}")
    print(f"process() alone:   {process_rate:8.1f} docs/s per core")
    print(f"ingest into store: {ingest_rate:8.1f} docs/s per core")
    print(f"ratio ingest / process(): {ingest_rate / process_rate:.3f}")


MODELS = 200
COPY_CHUNK = 5_000


def _build_large(path: Path, count: int, judging) -> None:
    """A store of ``count`` documents: MODELS processed documents stored by the store itself, then
    copies of them made inside SQLite (new id and content hash, the model's paragraphs, full-text
    entries, claims, verdicts and events) with fresh random LSH band keys, so that near-duplicate
    look-ups stay as selective as on real coverage."""
    from accord.services.ingest import store_results
    from accord.services.store import Store
    from accord.services.store.schema import recount

    with Store(path) as store:
        have = store.stats()["documents"]
        if have >= count:
            return
        print(f"building a {count:,}-document store at {path} (kept for later runs) ...", flush=True)
        start = time.perf_counter()
        if have < MODELS:
            store_results(iter(_process_all(_synthetic(MODELS, 1000, seed=3), judging)), store)
            have = store.stats()["documents"]
        models = have if have < count else MODELS
        db, rng = store.db, random.Random(5)
        bands = len(store.db.execute("SELECT key FROM near_bands WHERE doc = 1").fetchall()) or 18
        for first in range(have, count, COPY_CHUNK):
            last = min(first + COPY_CHUNK, count)
            db.execute("BEGIN IMMEDIATE")
            top = db.execute("SELECT COALESCE(MAX(n), 0) FROM documents").fetchone()[0]
            top_claim = db.execute("SELECT COALESCE(MAX(id), 0) FROM claims").fetchone()[0]
            top_pid = db.execute("SELECT COALESCE(MAX(pid), 0) FROM paragraph_spans").fetchone()[0]
            # each copy's paragraphs are numbered on from the last copy's, as the store numbers them
            # k.i is the copy's number n, so its model (n % models + 1) is the one ``copies`` finds below
            db.execute(
                "WITH RECURSIVE k(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM k WHERE i + 1 <= ?) "
                "INSERT INTO documents (n, id, origin, url, outlet, author, published, lang, content_hash, near_dup_of, "
                "removed_blocks, redactions, not_analysed, ingested_at, first_pid, paragraphs, text) "
                "SELECT k.i, printf('bulk-%07d', k.i - ?), m.origin, m.url || '?copy=' || k.i, m.outlet, m.author, "
                "m.published, m.lang, randomblob(32), NULL, m.removed_blocks, m.redactions, m.not_analysed, m.ingested_at, "
                "? + 1 + SUM(m.paragraphs) OVER (ORDER BY k.i) - m.paragraphs, m.paragraphs, "
                "m.text FROM k JOIN documents m ON m.n = k.i % ? + 1 ORDER BY k.i",
                (top + 1, top + last - first, top + 1 - first, top_pid, models))
            copies = ("SELECT d.n, d.id, d.first_pid AS f, m.n AS mn, m.id AS mid, m.first_pid AS mf, m.paragraphs AS mp "
                      "FROM documents d JOIN documents m ON m.n = d.n % ? + 1 WHERE d.n > ?")
            db.execute('INSERT INTO paragraph_spans (pid, doc, start, "end", lang, analysed) '
                       'SELECT c.f + p.pid - c.mf, c.n, p.start, p."end", p.lang, p.analysed '
                       f"FROM ({copies}) c JOIN paragraph_spans p ON p.pid BETWEEN c.mf AND c.mf + c.mp - 1 ORDER BY 1",
                       (models, top))
            db.execute("INSERT INTO paragraph_fts (rowid, text, doc_id, idx) SELECT pid, text, doc_id, idx FROM paragraph_text "
                       "WHERE pid > ?", (top_pid,))
            db.execute('INSERT INTO claims (doc_id, treaty, type, value, start, "end", quote, lang) '
                       'SELECT c.id, x.treaty, x.type, x.value, x.start, x."end", x.quote, x.lang '
                       f"FROM ({copies}) c JOIN claims x ON x.doc_id = c.mid ORDER BY c.n, x.id", (models, top))
            db.execute("INSERT OR IGNORE INTO verdicts (claim_id, judgement, as_of) SELECT y.id, v.judgement, v.as_of "
                       "FROM claims y JOIN documents d ON d.id = y.doc_id JOIN documents m ON m.n = d.n % ? + 1 "
                       "JOIN claims x ON x.doc_id = m.id AND x.start IS y.start AND x.type = y.type AND x.value = y.value "
                       "JOIN verdicts v ON v.claim_id = x.id WHERE y.id > ?", (models, top_claim))
            db.execute('INSERT INTO events (doc_id, treaty, provision, type, actors, event_date, status, start, "end", quote, '
                       "lang, date_how, date_note) SELECT c.id, e.treaty, e.provision, e.type, e.actors, e.event_date, e.status, "
                       f'e.start, e."end", e.quote, e.lang, e.date_how, e.date_note FROM ({copies}) c JOIN events e '
                       "ON e.doc_id = c.mid", (models, top))
            numbers = [n for (n,) in db.execute("SELECT n FROM documents WHERE n > ?", (top,))]
            db.executemany("INSERT OR IGNORE INTO near_bands (key, doc) VALUES (?, ?)",
                           ((rng.getrandbits(32) - (1 << 31), n) for n in numbers for _ in range(bands)))
            recount(db)  # rows copied by SQL are not counted by the writer
            db.execute("COMMIT")
            print(f"  {last:,} documents, {time.perf_counter() - start:.0f} s", flush=True)
    print(f"built in {time.perf_counter() - start:.0f} s", flush=True)


OPEN_AND_ADD = """
import json, pickle, sys, time
start, cpu = time.perf_counter(), time.process_time()
from accord.services.store import Store
imported, imported_cpu = time.perf_counter(), time.process_time()
doc = pickle.loads(sys.stdin.buffer.read())
with Store(sys.argv[1]) as store:
    opened = time.perf_counter()
    outcome = store.put(doc)
    done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"open": opened - imported, "open_add": done - imported, "open_add_cpu": done_cpu - imported_cpu,
                  "outcome": outcome[0]}))
"""


def run_open(args) -> None:
    import pickle

    judging = _judging()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.large_store) if args.large_store else Path(tmp) / "large.sqlite"
        _build_large(path, args.large_docs, judging)
        fresh = _process_all(_synthetic(RUNS, 1000, seed=11), judging)
        results = []
        for i, doc in enumerate(fresh):
            doc = dataclasses.replace(doc, id=f"open-probe-{time.time_ns()}-{i}",
                                      content_hash=hashlib.sha256(f"{time.time_ns()}:{i}".encode()).hexdigest())
            out = subprocess.run([sys.executable, "-c", OPEN_AND_ADD, str(path)], input=pickle.dumps(doc),
                                 capture_output=True, check=True)
            results.append(json.loads(out.stdout))
    print(f"\n== opening a {args.large_docs:,}-document store and adding one document, fresh interpreter, "
          f"median of {len(results)} (after the imports)")
    for key, label in (("open", "open"), ("open_add", "open + add (wall)"), ("open_add_cpu", "open + add (CPU)")):
        print(f"{label:20} {statistics.median(r[key] for r in results) * 1000:8.1f} ms")
    print("outcomes:", ", ".join(r["outcome"] for r in results))


def _facets(store):
    from accord.services.listing import claim_facets  # what the claims page and /api/claims/facets count with

    return claim_facets(store)


READS = {  # what the list pages, the API and the CLI ask the store, first page each
    "claims, first page": lambda s: s.claims(limit=50),
    "claims by verdict": lambda s: s.claims(verdict="contradicted", limit=50),
    "claims by type": lambda s: s.claims(type="article_count", limit=50),
    "claims by lang + verdict": lambda s: s.claims(lang="ru", verdict="supported", limit=50),
    "claims, page 100": lambda s: s.claims(limit=50, offset=5_000),
    "count_claims()": lambda s: s.count_claims(),
    "count_claims(verdict)": lambda s: s.count_claims(verdict="contradicted"),
    "claim_facets()": lambda s: _facets(s),
    "documents, first page": lambda s: s.documents(limit=50),
    "documents by outlet": lambda s: s.documents(outlet="Caspian Observer", limit=50),
    "count_documents()": lambda s: s.count_documents(),
    "sources_summary()": lambda s: s.sources_summary(),
    "search, frequent word": lambda s: s.search("treaty", limit=20),
    "search, Russian word": lambda s: s.search("договор", limit=20),
    "search, rare word": lambda s: s.search("ferry", limit=20),
    "document(id)": lambda s: s.document("bulk-0050000") or s.document(s.documents(limit=1)[0]["id"]),
    "stats()": lambda s: s.stats(),
    # the rest of what the endpoints and pages read: sorted lists, the claim page, trends, implementation
    "sorted claims, -verdict": lambda s: list(_listing().sorted_claims(s, "-verdict", limit=100)),
    "sorted claims, published": lambda s: list(_listing().sorted_claims(s, "published", limit=100)),
    "sorted claims by verdict": lambda s: list(_listing().sorted_claims(s, verdict="contradicted", limit=100)),
    "sorted documents, claims": lambda s: _listing().sorted_documents(s, "-claims", limit=50),
    "sorted documents, outlet": lambda s: _listing().sorted_documents(s, "outlet", limit=50),
    "claim(id) + same_claims": lambda s: s.same_claims(s.claim(s.claims(limit=1, offset=100)[0]["id"])),
    "claims_by_day() (trends)": lambda s: s.claims_by_day(),
    "events(rus-irn-2025)": lambda s: s.events("rus-irn-2025"),
    "count_search, frequent": lambda s: s.count_search("treaty"),
    "write_version()": lambda s: s.write_version(),
}


def _listing():
    from accord.services import listing

    return listing


def run_reads(args) -> None:
    from accord.services.search_limits import SearchInterrupted
    from accord.services.store import Store

    if not args.large_store:
        sys.exit("reads: give --large-store FILE (built by the open part)")
    with Store(args.large_store) as store:
        print(f"\n== reads on a {store.count_documents():,}-document store, CPU ms, median of 5 after one warm-up")
        for label, read in READS.items():
            times = []
            try:
                for _ in range(6):
                    start = time.process_time()
                    read(store)
                    times.append(time.process_time() - start)
            except SearchInterrupted as exc:
                print(f"{label:28} stopped: {exc}", flush=True)
                continue
            print(f"{label:28} {statistics.median(times[1:]) * 1000:9.2f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", nargs="?", choices=["size", "ingest", "open", "reads", "all"], default="all")
    parser.add_argument("--docs", type=int, default=None, help="synthetic documents (size: 1000, ingest: 300)")
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--large-docs", type=int, default=100_000)
    parser.add_argument("--large-store", help="where to keep the large store between runs")
    args = parser.parse_args()
    parts = ["size", "ingest", "open"] + (["reads"] if args.large_store else []) if args.part == "all" else [args.part]
    for part in parts:
        part_args = argparse.Namespace(**vars(args))
        if part_args.docs is None:
            part_args.docs = 1000 if part == "size" else 300
        {"size": run_size, "ingest": run_ingest, "open": run_open, "reads": run_reads}[part](part_args)


if __name__ == "__main__":
    main()
