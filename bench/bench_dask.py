"""Dask scaling: `accord ingest --engine dask` against a real scheduler and 1, 2, 4 worker processes.

    .venv/bin/python bench/bench_dask.py [--docs 1000] [--words 1000] [--workers 1,2,4] [--writer-docs 300] [--json]
    .venv/bin/python bench/bench_dask.py --writer-only [--writer-docs 300]     # the writer and merge figures alone

On loopback, for each worker count: a `dask scheduler` and that many `dask worker`
processes (one process, one thread each, under a nanny) are started, every worker is
warmed up (imports, language models, catalog: what a long-running cluster has already
paid), then `accord ingest CORPUS --engine dask --scheduler ADDRESS` runs as its own
command into a fresh store.  The corpus is bench/gen_corpus.py's synthetic coverage,
the same documents for every run.  Printed per run:

* docs/s once the ingest is under way: documents stored per second from the first tenth
  of the corpus to the last document, counted in the store beside the running command
  (start-up, catalog, connecting and the first tasks left out), with the end-to-end
  figure beside it;
* docs/s per worker and the scaling efficiency, rate_n / (n · rate_1);
* the CPU time the ingesting command itself spent per document (reading, sending, and
  the single writer; its fixed cost, timed as an ingest of one document with the same
  engine, taken out), i.e. the rate one ingesting process could sustain;
* whether the store holds exactly what the local ingest (`--engine local --workers 1`,
  same corpus, same day) stores: document ids, texts and duplicate pointers, claims with
  verdicts, implementation events (accord.services.content_digest).

Then the writer alone: documents processed in this process beforehand, then only
written (accord.services.ingest.store_results into a fresh store), in docs/s of CPU
time — how many workers one writer can feed at the 48 docs/s per worker that a year of
news in a day on 64 workers needs — and the cheapest possible merge of that store, as a
shard, into an empty one (rows copied inside SQLite, the full-text index filled from
them): the ceiling of per-worker shards merged into one store.

Every process started here is ended when the run ends, also on Ctrl-C or SIGTERM.
The figures are only as good as the machine's cores: with more worker processes than
cores (plus one for the ingesting command) the run measures oversubscription, not scaling.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus, when run from elsewhere

import gen_corpus  # noqa: E402 - after the path fix-up above

BIN = Path(sys.executable).parent
NEEDED_PER_WORKER = 48  # docs/s per worker: 266 million articles in 24 h on 64 workers
YEAR_OF_NEWS = 266_000_000
DAY_S = 24 * 3600
STEADY_FROM = 0.1  # the rate is timed from the first tenth of the corpus stored: start-up and first tasks left out
POLL_S = 0.1


class Processes:
    """Processes this run started, each in its own session so that ending one ends its children too."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, command: list[str], log: Path) -> subprocess.Popen:
        handle = log.open("ab")
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        handle.close()
        self.running.append(process)
        return process

    def stop_all(self, grace: float = 10.0) -> None:
        for process in reversed(self.running):
            _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in reversed(self.running):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(process, signal.SIGKILL)  # the group: a nanny's worker may outlive the nanny
            process.wait()
        self.running.clear()


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def cluster(workers: int, scratch: Path) -> Iterator[tuple[str, list[int]]]:
    """A scheduler and ``workers`` worker processes on loopback; yields the scheduler's address and the workers' pids."""
    processes = Processes()
    info = scratch / f"scheduler-{workers}.json"
    log = scratch / f"cluster-{workers}.log"
    try:
        processes.start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                         "--scheduler-file", str(info)], log)
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            if time.monotonic() > deadline:
                raise RuntimeError(f"the scheduler did not start; see {log}")
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        for n in range(workers):
            processes.start([str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                             "--memory-limit", "0", "--no-dashboard", "--name", f"bench-{n}"], log)
        yield address, _warm_up(address, workers)
    finally:
        processes.stop_all()


def _warm_worker(docs: list[dict]) -> int:
    """Runs on each worker: the pipeline's imports, models and catalog, on a few small documents."""
    import datetime as dt

    from accord.knowledge.catalog import default_catalog
    from accord.press.pipeline import process
    from accord.press.read import raw_document

    for doc in docs:
        process(raw_document(doc["id"], doc["text"], origin="warm-up", lang=doc["lang"]), default_catalog(), dt.date.today())
    return os.getpid()


def _warm_up(address: str, workers: int) -> list[int]:
    """Warms every worker; returns their process ids."""
    from distributed import Client

    docs = list(gen_corpus.documents(4, start=10**6, seed=99, words=300))  # English and Russian
    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=120)
        return list(client.run(_warm_worker, docs).values())


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used so far, from /proc (0 for one that has gone)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def _stored(db: Path) -> int:
    """Documents in the store so far, read beside the running ingest (WAL: readers never wait for it)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet, or being migrated


def _ingest(args: list[str], db: Path, docs: int = 0) -> dict:
    """One `accord ingest` command: wall seconds, CPU seconds of the command itself, its JSON report, and
    (given ``docs``) the steady rate: documents stored per second from the first STEADY_FROM share of
    the corpus to the last document, read off the store while the command runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen([str(BIN / "accord"), "ingest", *args, "--db", str(db), "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mark = None  # (seconds, documents) when the steady part began
    done_at = None
    while docs and process.poll() is None:
        stored, now = _stored(db), time.perf_counter() - start
        if mark is None and stored >= STEADY_FROM * docs:
            mark = (now, stored)
        if stored >= docs and done_at is None:
            done_at = now
        time.sleep(POLL_S)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"accord ingest {' '.join(args)} failed ({process.returncode}): {err.strip()[-2000:]}")
    steady = None
    if mark is not None:
        end = done_at if done_at is not None else seconds
        steady = (docs - mark[1]) / max(end - mark[0], POLL_S)
    return {"seconds": seconds, "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "report": json.loads(out), "steady_docs_per_s": steady}


def _timed_run(engine_args: list[str], corpus: Path, one: Path, scratch: Path, name: str, docs: int,
               workers: list[int] = ()) -> dict:
    fixed = _ingest([str(one), *engine_args], scratch / f"{name}-fixed.sqlite")
    workers_cpu = cpu_seconds(workers)
    run = _ingest([str(corpus), *engine_args], scratch / f"{name}.sqlite", docs)
    workers_cpu = cpu_seconds(workers) - workers_cpu
    stored = run["report"]["documents"]
    if stored != docs:
        raise RuntimeError(f"{name}: {stored} of {docs} documents stored: {run['report']['errors'][:3]}")
    return {"documents": stored, "seconds": round(run["seconds"], 2), "fixed_seconds": round(fixed["seconds"], 2),
            "docs_per_s": round(run["steady_docs_per_s"], 2), "docs_per_s_end_to_end": round(docs / run["seconds"], 2),
            # the command's own CPU beyond its fixed cost (start-up, catalog): reading, sending, receiving, writing
            "command_cpu_ms_per_doc": round(1000 * max(run["cpu_s"] - fixed["cpu_s"], 0.0) / docs, 2),
            # the workers' own CPU: the pipeline, plus what Dask costs them; unaffected by other load on the machine
            "worker_cpu_ms_per_doc": round(1000 * workers_cpu / docs, 2) if workers else None,
            "docs_per_worker_cpu_s": round(docs / workers_cpu, 2) if workers and workers_cpu else None,
            "db": str(scratch / f"{name}.sqlite")}


def _digests(db: str) -> dict:
    from accord.knowledge.catalog import default_catalog
    from accord.services.content_digest import store_digests
    from accord.services.store import Store

    with Store(db) as store:
        return store_digests(store, default_catalog().treaties)


def writer_alone(corpus: Path, docs: int, scratch: Path) -> dict:
    """Documents processed first, then only written: the single writer's own rate."""
    import datetime as dt

    from accord.knowledge.catalog import default_catalog
    from accord.press.pipeline import process
    from accord.press.read import RawDocument, read_paths
    from accord.services.ingest import store_results
    from accord.services.store import Store

    catalog, today = default_catalog(), dt.date.today()
    raws = [item for item, _ in zip((i for i in read_paths([corpus]) if isinstance(i, RawDocument)), range(docs))]
    processed = [process(raw, catalog, today) for raw in raws]
    text_mb = sum(len(p.text.encode("utf-8")) for p in processed) / 1e6
    with Store(scratch / "writer.sqlite") as store:
        cpu, wall = time.process_time(), time.perf_counter()
        report = store_results(iter(processed), store)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    written = report.documents
    return {"documents": written, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
            "docs_per_cpu_s": round(written / cpu, 1), "docs_per_s": round(written / wall, 1),
            "cleaned_text_mb_per_cpu_s": round(text_mb / cpu, 2),
            "workers_fed_at_48": int(written / cpu // NEEDED_PER_WORKER),
            "merge": merge_alone(scratch / "writer.sqlite", scratch / "merged.sqlite", written)}


def merge_alone(shard: Path, target: Path, documents: int) -> dict:
    """The cheapest merge of a shard into a store: every row copied in SQL inside SQLite (no Python per
    row, no near-duplicate checks across shards, which a real merge would add), the full-text index
    filled from the copied rows.  Its rate bounds what per-worker shards merged into one file can reach."""
    from accord.services.store import Store, packed_text
    from accord.services.store.kept_counts import merge_from
    from accord.services.store.schema import KEPT_COUNTS

    Store(target).close()  # the same schema, empty
    db = sqlite3.connect(target, isolation_level=None)
    packed_text.register(db)  # the full-text index is rebuilt from the compressed texts
    db.execute("ATTACH ? AS shard", (str(shard),))
    tables = db.execute("SELECT name, sql FROM shard.sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    fts = [(name, sql) for name, sql in tables if "fts5" in (sql or "").lower()]
    shadows = tuple(f"{name}_" for name, _ in fts)
    plain = [name for name, _ in tables if not name.startswith(("sqlite_", *shadows)) and name not in dict(fts)
             and name not in ("meta", *KEPT_COUNTS)]  # counts are added up, not copied
    cpu = time.process_time()
    db.execute("BEGIN")
    for name in plain:
        db.execute(f'INSERT INTO main."{name}" SELECT * FROM shard."{name}"')
    merge_from(db, "shard")
    rows_cpu = time.process_time() - cpu
    for name, sql in fts:
        if "content=" in sql.replace(" ", "").lower():  # external content: the index is built from the copied rows
            db.execute(f'INSERT INTO main."{name}"("{name}") VALUES (\'rebuild\')')
        else:
            db.execute(f'INSERT INTO main."{name}" SELECT * FROM shard."{name}"')
    db.execute("COMMIT")
    cpu = time.process_time() - cpu
    merged = db.execute("SELECT COUNT(*) FROM main.documents").fetchone()[0]
    db.close()
    if merged != documents:
        raise RuntimeError(f"the merge holds {merged} documents, the shard {documents}")
    with Store(target) as store:  # the merged copy answers a search like the store it came from
        hits = len(store.search("treaty", limit=5))
    return {"documents": merged, "search_hits": hits, "docs_per_cpu_s": round(documents / cpu, 1), "full_text_share": round(1 - rows_cpu / cpu, 2)}


def run(args) -> dict:
    counts = sorted({int(n) for n in args.workers.split(",")})
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="accord-dask-") as tmp:
        scratch = Path(tmp)
        corpus, one = scratch / "corpus.jsonl", scratch / "one.jsonl"
        gen_corpus.write_corpus(corpus, args.docs, words=args.words, seed=args.seed)
        gen_corpus.write_corpus(one, 1, words=args.words, seed=args.seed + 1)
        print(f"corpus: {args.docs} synthetic documents of about {args.words} words "
              f"({corpus.stat().st_size / 1e6:.1f} MB); {cores} cores here", file=sys.stderr, flush=True)
        local = _timed_run(["--engine", "local", "--workers", "1"], corpus, one, scratch, "local", args.docs)
        expected = _digests(local["db"])
        print(f"  local, 1 process: {local['docs_per_s']:.1f} docs/s", file=sys.stderr, flush=True)
        runs = []
        for n in counts:
            with cluster(n, scratch) as (address, pids):
                result = _timed_run(["--engine", "dask", "--scheduler", address], corpus, one, scratch, f"dask-{n}",
                                    args.docs, pids)
            got = _digests(result["db"])
            result.update(workers=n, same_as_local=got == expected,
                          differs_in=sorted(k for k in expected if got.get(k) != expected[k]))
            runs.append(result)
            print(f"  dask, {n} worker(s): {result['docs_per_s']:.1f} docs/s", file=sys.stderr, flush=True)
        base = next((r for r in runs if r["workers"] == 1), None)
        for r in runs:
            r["docs_per_s_per_worker"] = round(r["docs_per_s"] / r["workers"], 2)
            r["efficiency"] = round(r["docs_per_s"] / (r["workers"] * base["docs_per_s"]), 2) if base else None
            # the same ratio in CPU time: how much of each worker's CPU still goes to documents as workers are added
            r["cpu_efficiency"] = (round(r["docs_per_worker_cpu_s"] / base["docs_per_worker_cpu_s"], 2)
                                   if base and base["docs_per_worker_cpu_s"] and r["docs_per_worker_cpu_s"] else None)
            # each worker is a process; the ingesting command (reader + writer) needs a core too
            r["within_cores"] = r["workers"] + 1 <= cores
        writer = writer_alone(corpus, min(args.writer_docs, args.docs), scratch)
    per_worker = base["docs_per_s_per_worker"] if base else None
    return {"documents": args.docs, "words": args.words, "cores": cores, "local": local, "dask": runs, "writer": writer,
            "digests_local": expected,
            "year_of_news_in_a_day": {
                "documents": YEAR_OF_NEWS, "docs_per_s_needed": round(YEAR_OF_NEWS / DAY_S),
                "workers_at_measured_rate": int(-(-YEAR_OF_NEWS / DAY_S // per_worker)) if per_worker else None,
                "workers_at_cpu_rate": (int(-(-YEAR_OF_NEWS / DAY_S // base["docs_per_worker_cpu_s"]))
                                        if base and base["docs_per_worker_cpu_s"] else None),
                "writers_needed": int(-(-YEAR_OF_NEWS / DAY_S // writer["docs_per_cpu_s"]))}}


def report(r: dict) -> None:
    print(f"Dask scaling, {r['documents']} synthetic documents of about {r['words']} words, on {r['cores']} cores "
          "(workers: real `dask worker` processes, 1 thread each, on loopback; warm)")
    local = r["local"]
    print(f"  local ingest, 1 process   {local['docs_per_s']:8.1f} docs/s  (end to end {local['docs_per_s_end_to_end']:.1f}, "
          f"fixed cost {local['fixed_seconds']:.1f} s)")
    print(f"  {'workers':>7}  {'docs/s':>8}  {'per worker':>10}  {'efficiency':>10}  {'end to end':>10}  "
          f"{'docs/worker-CPU-s':>17}  {'CPU efficiency':>14}  {'ingest ms/doc':>13}  same store as local")
    for d in r["dask"]:
        note = "" if d["within_cores"] else "   (beyond the cores: oversubscribed, not scaling)"
        same = "yes" if d["same_as_local"] else f"NO: {', '.join(d['differs_in'])}"
        print(f"  {d['workers']:>7}  {d['docs_per_s']:8.1f}  {d['docs_per_s_per_worker']:10.1f}  {d['efficiency']:10.2f}  "
              f"{d['docs_per_s_end_to_end']:10.1f}  {d['docs_per_worker_cpu_s'] or 0:17.1f}  {d['cpu_efficiency'] or 0:14.2f}  "
              f"{d['command_cpu_ms_per_doc']:13.2f}  {same}{note}")
    report_writer(r["writer"])
    trusted = max((d["workers"] for d in r["dask"] if d["within_cores"]), default=0)
    print(f"  trust: runs with up to {trusted} worker(s) fit the {r['cores']} cores beside the ingesting command; "
          "beyond that the workers share cores and the figures measure oversubscription")
    print("  (docs/s and efficiency are wall-clock and move with other load on the machine; the worker-CPU figures do not. "
          "ingest ms/doc: CPU the ingesting command spends per document: reading, sending, receiving, writing)")
    y = r["year_of_news_in_a_day"]
    print(f"  a year of news in a day ({y['documents']:,} documents, {y['docs_per_s_needed']:,} docs/s): "
          f"{y['workers_at_measured_rate']} workers at the measured 1-worker rate "
          f"({y['workers_at_cpu_rate']} at its rate per worker CPU-second, i.e. one quiet core each), "
          f"and {y['writers_needed']} writer(s) at the writer's rate per CPU-second")


def report_writer(w: dict) -> None:
    print(f"  single writer alone: {w['docs_per_cpu_s']:.0f} docs per CPU-second ({w['docs_per_s']:.0f} docs/s wall, "
          f"{w['cleaned_text_mb_per_cpu_s']:.1f} MB of cleaned text per CPU-second, {w['documents']} documents into a fresh store)"
          f": feeds {w['workers_fed_at_48']} workers at {NEEDED_PER_WORKER} docs/s each")
    m = w["merge"]
    print(f"  merging a shard in SQL alone: {m['docs_per_cpu_s']:.0f} docs per CPU-second, "
          f"{100 * m['full_text_share']:.0f} % of it the full-text index: the ceiling of shards merged into one store")


def _interrupted(*_) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", default="1,2,4", help="worker counts to run, comma-separated")
    parser.add_argument("--writer-docs", type=int, default=300, help="documents for the writer-alone figure")
    parser.add_argument("--writer-only", action="store_true", help="only the writer-alone and merge figures")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.writer_only:
        with tempfile.TemporaryDirectory(prefix="accord-writer-") as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            gen_corpus.write_corpus(corpus, args.writer_docs, words=args.words, seed=args.seed)
            result = writer_alone(corpus, args.writer_docs, Path(tmp))
        print(json.dumps(result, indent=2)) if args.json else report_writer(result)
        return 0
    # SIGTERM ends the run like Ctrl-C, so the finally clauses stop every process started here
    signal.signal(signal.SIGTERM, _interrupted)
    result = run(args)
    print(json.dumps(result, indent=2)) if args.json else report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
