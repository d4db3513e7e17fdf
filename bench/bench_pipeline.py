"""Throughput and peak memory of the whole press pipeline on a synthetic corpus (bench/gen_corpus.py).

    .venv/bin/python bench/bench_pipeline.py                      # both parts, 2,000 + 10,000 documents
    .venv/bin/python bench/bench_pipeline.py per-core [--per-core-docs 2000] [--words 1000]
    .venv/bin/python bench/bench_pipeline.py ingest [--docs 10000] [--workers 2] [--corpus FILE.jsonl]
    .venv/bin/python bench/bench_pipeline.py multilingual [--docs-per-lang 100] [--langs en,ru,de,fr,es,pt,ar,fa]

The 100,000-document run (about 0.9 GiB of JSON Lines; generate once, then ingest):

    .venv/bin/python bench/gen_corpus.py /tmp/corpus-100k.jsonl --docs 100000
    .venv/bin/python bench/bench_pipeline.py ingest --corpus /tmp/corpus-100k.jsonl --workers 2

Per core: ``process`` in this one process over documents held in memory: the first
call (lingua models, catalog, date parser: loaded once per process) is timed on its own,
then a warm-up, then the median of three runs in documents/s and MB/s (MB = 10^6 bytes
of raw input text), and the same with implementation-event extraction switched off, so
its added cost is the ratio of two medians from one run.  A fourth, instrumented run times each stage of ``process`` — the
pipeline's own functions, wrapped where the pipeline calls them — so the bottleneck is
visible.  HTML pages (the same documents wrapped in a news page) are timed separately:
trafilatura's extraction is the only stage that differs.

Ingest: ``accord.services.ingest.ingest`` streams the corpus from disk through a process
pool into a temporary SQLite store, in a fresh interpreter so that its peak memory is its
own.  Peak memory is the highest sum of resident memory over the ingest process and all
its descendants (the pool's workers and the fork server that starts them), sampled from
/proc on Linux, with the proportional set size beside it (pages shared between processes
counted once); getrusage gives the ingest process's own peak, but not its workers' when a
fork server started them.  Timings on this machine kind are noisy (±30 %): compare
figures from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus, when run from elsewhere

import gen_corpus  # noqa: E402 - after the path fix-up above

RUNS = 3
WARM_UP = 50
STAGES = {  # the names pipeline.process calls, grouped into the stages reported
    "extract_main_text": "extract + clean", "clean_text": "extract + clean",
    "split_paragraphs": "paragraphs + language", "paragraph_languages": "paragraphs + language",
    "extract_metadata": "metadata",
    "content_hash": "dedupe keys", "fingerprint": "dedupe keys",
    "extract_document": "claims",
    "judge": "verdicts",
    "extract_events": "implementation events",
}


def _raw_documents(count: int, *, words: int, seed: int, html: bool = False):
    from accord.press.read import RawDocument

    docs = []
    for record in gen_corpus.documents(count, words=words, seed=seed):
        text = gen_corpus.html_page(record) if html else record["text"]
        fields = {key: record[key] for key in ("url", "lang", "published", "outlet")}
        docs.append(RawDocument(id=record["id"], text=text, origin=record["id"], is_html=html, **fields))
    return docs


def _megabytes(docs) -> float:
    return sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


def _median_rate(docs, work: Callable) -> tuple[float, float, float]:
    """Median documents/s and MB/s over the wall clock, and documents per second of this process's CPU
    time (the honest per-core figure should a library start threads of its own)."""
    seconds, cpu_seconds = [], []
    for _ in range(RUNS):
        start, cpu_start = time.perf_counter(), time.process_time()
        for d in docs:
            work(d)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    median = statistics.median(seconds)
    return len(docs) / median, _megabytes(docs) / median, len(docs) / statistics.median(cpu_seconds)


def _staged_run(docs) -> tuple[dict[str, float], float]:
    """Seconds per stage over one run of ``process``, with the pipeline's callees wrapped by timers."""
    from accord.press import pipeline

    spent: dict[str, float] = dict.fromkeys(dict.fromkeys(STAGES.values()), 0.0)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name: str, function: Callable) -> Callable:
        stage = STAGES[name]

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - start

        return wrapper

    for name, function in originals.items():
        setattr(pipeline, name, timed(name, function))
    try:
        start = time.perf_counter()
        catalog, today = _judging()
        for d in docs:
            pipeline.process(d, catalog, today)
        total = time.perf_counter() - start
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
    return spent, total


def _judging():
    """The catalog and the day documents are judged against, as `accord ingest` passes them."""
    import datetime as dt

    from accord.knowledge.catalog import default_catalog

    return default_catalog(), dt.date.today()


def _median_rate_without_events(docs) -> tuple[float, float, float]:
    """The rates of ``_median_rate`` with implementation-event extraction switched off (same documents,
    same run), so the cost events add is a ratio of two medians taken side by side."""
    from accord.press import pipeline

    catalog, today = _judging()
    original = pipeline.extract_events
    pipeline.extract_events = lambda *args, **kwargs: []
    try:
        return _median_rate(docs, lambda d: pipeline.process(d, catalog, today))
    finally:
        pipeline.extract_events = original


def per_core(args) -> dict:
    start = time.perf_counter()
    from accord.press.pipeline import process as process_with

    import_seconds = time.perf_counter() - start
    catalog, today = _judging()

    def process(d):
        return process_with(d, catalog, today)

    docs = _raw_documents(args.per_core_docs, words=args.words, seed=args.seed)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    start = time.perf_counter()
    process(docs[0])
    first_call = time.perf_counter() - start
    for d in docs[1 : WARM_UP + 1]:
        process(d)
    docs_per_s, mb_per_s, docs_per_cpu_s = _median_rate(docs, process)
    without_events, _, without_events_cpu = _median_rate_without_events(docs)
    spent, staged_total = _staged_run(docs)
    pages = _raw_documents(args.html_docs, words=args.words, seed=args.seed + 1, html=True) if args.html_docs else []
    for d in pages[:5]:
        process(d)
    html_rates = _median_rate(pages, process) if pages else None
    figures = {
        "documents": len(docs), "mean_words": round(words), "mean_kb": round(_megabytes(docs) * 1000 / len(docs), 1),
        "import_s": round(import_seconds, 2), "first_call_s": round(first_call, 2),
        "docs_per_s": round(docs_per_s, 1), "mb_per_s": round(mb_per_s, 3), "docs_per_cpu_s": round(docs_per_cpu_s, 1),
        "stages_ms_per_doc": {stage: round(1000 * s / len(docs), 2) for stage, s in spent.items()},
        "other_ms_per_doc": round(1000 * (staged_total - sum(spent.values())) / len(docs), 2),
        "staged_total_ms_per_doc": round(1000 * staged_total / len(docs), 2),
        "without_events_docs_per_s": round(without_events, 1),
        # CPU time: on a shared machine the wall clock also counts the other processes' turns
        "without_events_docs_per_cpu_s": round(without_events_cpu, 1),
        "events_added_percent": round(100 * (without_events_cpu / docs_per_cpu_s - 1), 1),
        "events_added_percent_wall": round(100 * (without_events / docs_per_s - 1), 1),
        "documents_with_events": sum(1 for d in docs if process(d).events),
    }
    if html_rates:
        figures["html"] = {"documents": len(pages), "docs_per_s": round(html_rates[0], 1), "mb_per_s": round(html_rates[1], 3)}
    return figures


def print_per_core(f: dict) -> None:
    print(f"per core: process() on {f['documents']} synthetic documents (~{f['mean_words']} words, {f['mean_kb']} kB each), one process")
    print(f"  start-up (once per process): import {f['import_s']:.2f} s, first document {f['first_call_s']:.2f} s")
    print(f"  throughput:  {f['docs_per_s']:8.1f} docs/s   {f['mb_per_s']:6.2f} MB/s   (median of {RUNS} runs; "
          f"{f['docs_per_cpu_s']:.1f} docs per CPU-second)")
    total = f["staged_total_ms_per_doc"]
    print(f"  stages (one instrumented run, {total:.2f} ms/doc):")
    for stage, ms in [*f["stages_ms_per_doc"].items(), ("other (results, bookkeeping)", f["other_ms_per_doc"])]:
        print(f"    {stage:<30} {ms:7.2f} ms/doc  {100 * ms / total:5.1f} %")
    events_ms = f["stages_ms_per_doc"].get("implementation events", 0.0)
    print(f"  implementation events, instrumented run: {events_ms:.2f} ms/doc on top of {total - events_ms:.2f} ms/doc "
          f"for the rest, {100 * events_ms / (total - events_ms):+.1f} %")
    print(f"  implementation events add {f['events_added_percent']:+.1f} % to the per-document CPU time: "
          f"{f['docs_per_cpu_s']:.1f} docs per CPU-second with them, {f['without_events_docs_per_cpu_s']:.1f} without "
          f"(wall clock: {f['events_added_percent_wall']:+.1f} %, {f['docs_per_s']:.1f} against "
          f"{f['without_events_docs_per_s']:.1f} docs/s; medians of {RUNS} runs, same documents; "
          f"{f['documents_with_events']} of {f['documents']} documents yield events)")
    if "html" in f:
        h = f["html"]
        print(f"  as HTML pages: {h['docs_per_s']:8.1f} docs/s   {h['mb_per_s']:6.2f} MB/s   ({h['documents']} pages, median of {RUNS} runs)")


# --- streamed ingest --------------------------------------------------------------------------

def _descendants(pid: int) -> list[int]:
    """Children, grandchildren…: pool workers may be children of a fork server, not of the ingest process."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            queue += children
    return found


def _memory_kib(pid: int) -> tuple[int, int]:
    """(resident, proportional) memory of one process in KiB, from /proc; zeros when it has gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def tree_memory(pid: int) -> tuple[int, int, int]:
    """(rss of a process and all its descendants, their pss, rss of the process alone), KiB."""
    own_rss, own_pss = _memory_kib(pid)
    rss, pss = own_rss, own_pss
    for child in _descendants(pid):
        child_rss, child_pss = _memory_kib(child)
        rss, pss = rss + child_rss, pss + child_pss
    return rss, pss, own_rss


class MemorySampler(threading.Thread):
    """Samples the memory of this process and its descendants until stopped; keeps the peaks only."""

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval, self.peak_rss, self.peak_pss, self.peak_parent_rss = interval, 0, 0, 0
        self.available = Path("/proc/self/status").exists()
        self._stop_event = threading.Event()

    def sample(self) -> tuple[int, int, int]:
        return tree_memory(os.getpid())

    def sample_and_keep(self) -> tuple[int, int, int]:
        rss, pss, parent = self.sample()
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.peak_parent_rss = max(self.peak_parent_rss, parent)
        return rss, pss, parent

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.sample_and_keep()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _maxrss_mib(who: int) -> float:
    value = resource.getrusage(who).ru_maxrss
    return value / 2**20 if sys.platform == "darwin" else value / 2**10  # bytes on macOS, KiB elsewhere


def ingest_run(args) -> dict:
    """The streamed ingest, measured in this process (run it in a fresh interpreter: see ``ingest_in_subprocess``)."""
    from accord.services.ingest import Judging, ingest
    from accord.services.store import Store

    with tempfile.TemporaryDirectory(prefix="accord-bench-") as scratch:
        corpus = Path(args.corpus) if args.corpus else Path(scratch) / "corpus.jsonl"
        generated_s = None
        if not args.corpus:
            start = time.perf_counter()
            gen_corpus.write_corpus(corpus, args.docs, words=args.words, seed=args.seed)
            generated_s = time.perf_counter() - start
        store = Store(Path(scratch) / "bench.sqlite")
        sampler = MemorySampler()
        if sampler.available:
            sampler.start()
        checkpoints: list[dict] = []
        every = max(1, args.docs // 10) if not args.corpus else 10_000
        start = time.perf_counter()

        def progress(_origin: str, done: int) -> None:
            if done % every == 0:
                rss, _, parent = sampler.sample_and_keep() if sampler.available else (0, 0, 0)
                checkpoints.append({"documents": done, "seconds": round(time.perf_counter() - start, 1),
                                    "total_rss_mib": round(rss / 1024), "parent_rss_mib": round(parent / 1024)})
                print(f"    {done:>8} docs  {checkpoints[-1]['seconds']:8.1f} s  rss: all {rss / 1024:6.0f} MiB, "
                      f"parent {parent / 1024:6.0f} MiB", file=sys.stderr, flush=True)

        report = ingest([corpus], store, Judging(*_judging()), workers=args.workers, progress=progress)
        seconds = time.perf_counter() - start
        if sampler.available:
            sampler.stop()
        stats = store.stats()
        store.close()
        corpus_mb = corpus.stat().st_size / 1e6
        db_mb = sum(p.stat().st_size for p in Path(scratch).glob("bench.sqlite*")) / 1e6
    documents = report.documents + len(report.errors)
    return {
        "documents": documents, "workers": args.workers, "seconds": round(seconds, 1),
        "generated_s": round(generated_s, 1) if generated_s is not None else None,
        "docs_per_s": round(documents / seconds, 1), "docs_per_s_per_core": round(documents / seconds / args.workers, 1),
        "corpus_mb": round(corpus_mb, 1), "mb_per_s": round(corpus_mb / seconds, 2), "store_mb": round(db_mb, 1),
        "new": report.new, "unchanged": report.unchanged, "near_duplicates": report.near_duplicates,
        "errors": len(report.errors), "claims": stats["claims"],
        "peak_total_rss_mib": round(sampler.peak_rss / 1024) if sampler.available else None,
        "peak_total_pss_mib": round(sampler.peak_pss / 1024) if sampler.available else None,
        "peak_parent_rss_mib": round(_maxrss_mib(resource.RUSAGE_SELF)),
        # Only children this process has waited for: pool workers started by a fork server are not among them.
        "peak_waited_child_rss_mib": round(_maxrss_mib(resource.RUSAGE_CHILDREN)),
        "checkpoints": checkpoints,
    }


def ingest_in_subprocess(args) -> dict:
    command = [sys.executable, __file__, "ingest", "--json", "--docs", str(args.docs), "--workers", str(args.workers),
               "--words", str(args.words), "--seed", str(args.seed)]
    if args.corpus:
        command += ["--corpus", str(args.corpus)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout)["ingest"]


def print_ingest(f: dict) -> None:
    print(f"streamed ingest: {f['documents']} documents from disk ({f['corpus_mb']} MB of JSON Lines), "
          f"{f['workers']} workers, SQLite store")
    if f["generated_s"] is not None:
        print(f"  corpus generated in {f['generated_s']} s (not counted)")
    print(f"  throughput:  {f['docs_per_s']:8.1f} docs/s overall, {f['docs_per_s_per_core']:.1f} docs/s per core, "
          f"{f['mb_per_s']:.2f} MB/s   ({f['seconds']} s)")
    print(f"  stored: {f['new']} new, {f['near_duplicates']} near duplicates, {f['unchanged']} unchanged, "
          f"{f['errors']} errors, {f['claims']} claims; store {f['store_mb']} MB")
    if f["peak_total_rss_mib"] is not None:
        print(f"  peak memory, ingest process and all its descendants (sampled every 0.25 s): "
              f"{f['peak_total_rss_mib']} MiB resident, {f['peak_total_pss_mib']} MiB proportional")
    children = f["peak_waited_child_rss_mib"]
    print(f"  peak memory, getrusage: ingest process {f['peak_parent_rss_mib']} MiB"
          + (f", largest waited-for child {children} MiB" if children else " (its pool workers are not counted there)"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", nargs="?", choices=("all", "per-core", "ingest", "multilingual"), default="all")
    parser.add_argument("--docs-per-lang", type=int, default=100, help="documents per language (multilingual)")
    parser.add_argument("--langs", default="en,ru,de,fr,es,pt,ar,fa", help="languages of the multilingual part")
    parser.add_argument("--per-core-docs", type=int, default=2000)
    parser.add_argument("--html-docs", type=int, default=200, help="HTML pages timed separately (0: skip)")
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate for the ingest run")
    parser.add_argument("--corpus", type=Path, help="ingest this JSON Lines file instead of generating one")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures: dict = {}
    if args.part in ("all", "per-core"):
        figures["per_core"] = per_core(args)
        if not args.json:
            print_per_core(figures["per_core"])
    if args.part in ("all", "ingest"):
        figures["ingest"] = ingest_run(args) if args.part == "ingest" else ingest_in_subprocess(args)
        if not args.json:
            print_ingest(figures["ingest"])
    if args.part == "multilingual":  # see bench_languages.py
        import bench_languages

        figures["multilingual"] = bench_languages.run(args.langs.split(","), args.docs_per_lang, args.words, args.seed)
        if not args.json:
            bench_languages.print_figures(figures["multilingual"])
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
