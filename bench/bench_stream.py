"""Streaming ingest: peak memory of `accord ingest -` fed an endless-looking JSON Lines stream.

    .venv/bin/python bench/bench_stream.py [--docs 100000,1000000] [--words 1000] [--workers 2]
        [--engine local|dask] [--db-dir DIR] [--max-minutes M] [--json]

One `accord ingest - --json` command reads its standard input from a pipe; a thread of this
process writes bench/gen_corpus.py's synthetic coverage into that pipe as it is generated,
one line at a time, so the corpus is never a file and never held in memory (the pipe's
buffer is all that is ever in flight).  Every 0.25 s the resident memory of the ingest
command and of all its descendants (pool workers, the fork server; with ``--engine dask``,
the local cluster's nannies and workers) is read from /proc and summed, with the
proportional set size (shared pages counted once) beside it.

The stream is as long as the largest of ``--docs``; for each count the peak is the highest
memory seen until that many documents were fed (the stream of the largest count starts
with the smaller ones: the generator is deterministic), so ``--docs 100000,1000000`` gives
the peak at 100k and at 1M from one run.  Counts are of documents fed, which run ahead of
those stored by the pipe's buffer and the chunks in flight, a few hundred documents.  The memory at each fiftieth of the stream is
printed as it goes, and the growth per document is the slope of a least-squares line
through those points after the first count.  The target: the peaks within 10 % of each
other, all under 1 GiB; the exit code is 1 when it is missed (or the run was cut short).

Document size: 1,000,000 documents of 1,000 words take about three hours on two cores.
``--words`` makes them shorter (gen_corpus keeps its headline, furniture and claim
sentences, so a document stays a few kB); short documents take the same path — reading,
the pipeline, the writer, the near-duplicate look-up — only the per-document work is
smaller.  What could grow with the number of documents (lists of ids, report entries,
caches, the store's page cache) grows per document, not per word.  The size is printed
with the figures.

``--max-minutes`` (or Ctrl-C, or SIGTERM) ends the stream early: the figures are printed
for the documents fed so far, marked as cut short.  ``--db-dir`` puts the store somewhere
else (a tmpfs such as /dev/shm takes the disk's flush per commit out of the timing, but
holds the store in memory: a million documents take several GB).
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus, bench_pipeline, when run from elsewhere

import gen_corpus  # noqa: E402 - after the path fix-up above
from bench_pipeline import tree_memory  # noqa: E402

BIN = Path(sys.executable).parent
LIMIT_MIB = 1024
FLAT_WITHIN = 0.10
SAMPLE_S = 0.25
POINTS = 50  # memory figures printed along the stream, evenly spaced


def _feed(pipe, docs: int, words: int, seed: int, fed: list[int]) -> None:
    """Writes the documents into the ingest's standard input as they are made, then closes it."""
    try:
        for doc in gen_corpus.documents(docs, words=words, seed=seed):
            pipe.write((json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"))
            fed[0] += 1
    except BrokenPipeError:
        pass  # the ingest ended early; its exit code says why
    finally:
        try:
            pipe.close()
        except BrokenPipeError:
            pass


class _Stop(Exception):
    """The run is cut short (time limit, Ctrl-C, SIGTERM): report what was reached."""


def _stop(*_) -> None:
    raise _Stop


def stream_run(args, folder: Path) -> dict:
    counts = sorted({int(n) for n in args.docs.split(",")})
    total = counts[-1]
    db = folder / "stream.sqlite"
    command = [str(BIN / "accord"), "ingest", "-", "--db", str(db), "--json", "--workers", str(args.workers),
               "--engine", args.engine]
    start = time.perf_counter()
    deadline = start + 60 * args.max_minutes if args.max_minutes else None
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fed = [0]
    feeder = threading.Thread(target=_feed, args=(process.stdin, total, args.words, args.seed, fed), daemon=True)
    feeder.start()
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(process.stdout.read()), daemon=True)
    reader.start()
    errors: list[bytes] = []
    err_reader = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    err_reader.start()
    # peaks until each count was fed: (rss, pss, command rss, documents fed at the rss peak)
    peaks = {n: {"rss": 0, "pss": 0, "command_rss": 0, "at_documents": 0} for n in counts}
    points: list[dict] = []  # the memory at each fiftieth of the stream
    next_point = 1
    complete = False
    try:
        while process.poll() is None:
            if deadline and time.perf_counter() > deadline:
                raise _Stop
            rss, pss, own = tree_memory(process.pid)
            now_fed = fed[0]
            for n in counts:
                peak = peaks[n]
                if now_fed > n and peak["rss"]:
                    continue  # the stretch up to this count is over
                if rss > peak["rss"]:
                    peak.update(rss=rss, at_documents=now_fed)
                peak["pss"], peak["command_rss"] = max(peak["pss"], pss), max(peak["command_rss"], own)
            while next_point <= POINTS and now_fed >= next_point * total // POINTS:
                points.append({"fed": now_fed, "seconds": round(time.perf_counter() - start, 1),
                               "rss_mib": round(rss / 1024, 1), "command_rss_mib": round(own / 1024, 1)})
                print(f"    {now_fed:>9} fed  {points[-1]['seconds']:8.1f} s  rss {rss / 1024:6.1f} MiB "
                      f"(command {own / 1024:6.1f}, the rest {(rss - own) / 1024:6.1f})", file=sys.stderr, flush=True)
                next_point += 1
            time.sleep(SAMPLE_S)
        complete = True
    except (_Stop, KeyboardInterrupt):
        print(f"    cut short at {fed[0]:,} documents fed", file=sys.stderr, flush=True)
    except BaseException:
        process.kill()
        process.wait()  # reaped, so its pool workers, which watch for it, see it gone and end too
        raise
    finally:
        if not complete and process.poll() is None:
            process.kill()
            process.wait()
        feeder.join(5)
        reader.join(5)
        err_reader.join(5)
    seconds = time.perf_counter() - start
    reached = fed[0]
    if complete:
        if process.returncode not in (0, 1):  # 1: some lines could not be read, the rest stored
            raise RuntimeError(f"accord ingest - failed ({process.returncode}): {b''.join(errors).decode()[-2000:]}")
        report = json.loads(b"".join(out))
        stored, failed = report["documents"], report["error_count"]
    else:
        stored, failed = None, None  # killed: no report; the documents fed are the measure
    store_mb = sum(p.stat().st_size for p in folder.glob("stream.sqlite*")) / 1e6
    mib = lambda kib: round(kib / 1024, 1)  # noqa: E731 - the unit of every figure printed
    checkpoints = [{"documents": n, "peak_rss_mib": mib(p["rss"]), "peak_pss_mib": mib(p["pss"]),
                    "peak_command_rss_mib": mib(p["command_rss"]), "peak_at_documents": p["at_documents"]}
                   for n, p in peaks.items() if reached >= n]
    if not complete and reached > 0 and (not checkpoints or checkpoints[-1]["documents"] < reached):
        # the stretch reached past the last whole count: its peak so far, as the largest count reached
        last = peaks[next(n for n in counts if n > reached)]
        checkpoints.append({"documents": reached, "peak_rss_mib": mib(last["rss"]), "peak_pss_mib": mib(last["pss"]),
                            "peak_command_rss_mib": mib(last["command_rss"]), "peak_at_documents": last["at_documents"]})
    return {"documents": reached, "complete": complete, "stored": stored, "errors": failed,
            "seconds": round(seconds, 1), "docs_per_s": round(reached / seconds, 1) if seconds else None,
            "store_mb": round(store_mb, 1), "checkpoints": checkpoints, "points": points,
            "growth_bytes_per_document": _growth(points, after=counts[0] if len(counts) > 1 else 0)}


def _growth(points: list[dict], after: int) -> float | None:
    """Resident memory added per document: the slope of a least-squares line through the points
    fed after ``after`` documents (the start-up, the caches filling, are before it)."""
    later = [p for p in points if p["fed"] >= after]
    if len({p["fed"] for p in later}) < 3:
        return None  # a stream too short to sample three times
    slope, _ = statistics.linear_regression([p["fed"] for p in later], [p["rss_mib"] * 2**20 for p in later])
    return round(slope, 1)


def run(args) -> dict:
    sample = [gen_corpus.document(i, words=args.words, seed=args.seed) for i in range(50)]
    signal.signal(signal.SIGTERM, _stop)
    with tempfile.TemporaryDirectory(prefix="accord-stream-", dir=args.db_dir) as tmp:
        result = stream_run(args, Path(tmp))
    peaks = [c["peak_rss_mib"] for c in result["checkpoints"]]
    spread = (max(peaks) - min(peaks)) / min(peaks) if len(peaks) > 1 and min(peaks) else None
    return {"words": args.words, "document_words": round(statistics.mean(len(d["text"].split()) for d in sample)),
            "document_bytes": round(statistics.mean(len(d["text"].encode("utf-8")) for d in sample)), "workers": args.workers,
            "engine": args.engine, **result, "peak_spread": round(spread, 3) if spread is not None else None,
            "flat": spread is not None and spread <= FLAT_WITHIN, "under_limit": all(p < LIMIT_MIB for p in peaks)}


def report(r: dict) -> None:
    print(f"Streaming ingest (`accord ingest -` from a pipe, generated on the fly), documents of {r['document_words']} words "
          f"and {r['document_bytes'] / 1000:.1f} kB of text on average (--words {r['words']}), engine {r['engine']}, {r['workers']} worker(s)")
    state = "whole stream" if r["complete"] else "CUT SHORT"
    print(f"  {r['documents']:,} documents fed ({state}) in {r['seconds']:.0f} s, {r['docs_per_s']} docs/s; "
          f"stored {r['stored'] if r['stored'] is not None else 'unknown (cut short)'}, store {r['store_mb']:.0f} MB")
    print(f"  {'documents':>10}  {'peak RSS, all':>13}  {'peak PSS, all':>13}  {'command alone':>13}  peak at")
    for c in r["checkpoints"]:
        print(f"  {c['documents']:>10,}  {c['peak_rss_mib']:>9.1f} MiB  {c['peak_pss_mib']:>9.1f} MiB  "
              f"{c['peak_command_rss_mib']:>9.1f} MiB  {c['peak_at_documents']:,}")
    if r["peak_spread"] is not None:
        first, last = r["checkpoints"][0], r["checkpoints"][-1]
        print(f"  peak at {last['documents']:,} / peak at {first['documents']:,}: "
              f"{last['peak_rss_mib'] / first['peak_rss_mib']:.3f}; within {100 * r['peak_spread']:.1f} % "
              f"(target {100 * FLAT_WITHIN:.0f} %): {'flat' if r['flat'] else 'NOT flat'}; "
              f"all under {LIMIT_MIB} MiB: {'yes' if r['under_limit'] else 'NO'}")
    if r["growth_bytes_per_document"] is not None:
        g = r["growth_bytes_per_document"]
        print(f"  growth after the first count: {g:.0f} bytes per document, {g * 10**6 / 2**20:.1f} MiB per million "
              "documents (about 0 when nothing is kept per document)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="100000,1000000", help="document counts to report the peak at, comma-separated "
                        "(one stream, as long as the largest)")
    parser.add_argument("--words", type=int, default=1000, help="approximate words of body per document (a document "
                        "also has its headline, furniture and claims: about 200 words at the least)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db-dir", type=Path, default=None, help="folder for the stores (default: the temp folder)")
    parser.add_argument("--max-minutes", type=float, default=None, help="cut the stream short after this long")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args)
    print(json.dumps(result, indent=2)) if args.json else report(result)
    return 0 if result["complete"] and result["flat"] and result["under_limit"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
