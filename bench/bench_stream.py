"""Streaming ingest: peak memory of `accord ingest -` fed an endless-looking JSON Lines stream.

    .venv/bin/python bench/bench_stream.py [--docs 100000,1000000] [--words 1000] [--workers 2]
        [--engine local|dask] [--db-dir DIR] [--json]

For each document count, `accord ingest - --json` runs as its own command and reads its
standard input from a pipe; a thread of this process writes bench/gen_corpus.py's synthetic
coverage into that pipe as it is generated, one line at a time, so the corpus is never a
file and never held in memory (the pipe's buffer is all that is ever in flight).  Every
0.25 s the resident memory of the ingest command and of all its descendants (pool workers,
the fork server; with ``--engine dask``, the local cluster's nannies and workers) is read
from /proc and summed, with the proportional set size (shared pages counted once) beside
it; the peaks are printed per count, with the memory at each tenth of the stream, so
growth shows as a slope.  The target: the peaks of the runs within 10 % of each other, all
under 1 GiB.

Document size: 1,000,000 documents of 1,000 words take about three hours on two cores.
``--words`` makes them shorter (gen_corpus keeps its headline, furniture and claim
sentences, so a document stays about 1.7 kB); short documents take the same path —
reading, the pipeline, the writer, the near-duplicate index — only the per-document work
is smaller.  What could grow with the number of documents (the near-duplicate index, lists
of ids, report counters, progress state) grows per document, not per word.  State the size
measured with the figures.

``--db-dir`` puts the stores somewhere else (a tmpfs such as /dev/shm takes the disk's
flush per commit out of the timing; the memory of the processes is the same).
"""

from __future__ import annotations

import argparse
import json
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


def stream_run(docs: int, args, folder: Path) -> dict:
    db = folder / f"stream-{docs}.sqlite"
    command = [str(BIN / "accord"), "ingest", "-", "--db", str(db), "--json", "--workers", str(args.workers),
               "--engine", args.engine]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fed = [0]
    feeder = threading.Thread(target=_feed, args=(process.stdin, docs, args.words, args.seed, fed), daemon=True)
    feeder.start()
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(process.stdout.read()), daemon=True)
    reader.start()
    errors: list[bytes] = []
    err_reader = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    err_reader.start()
    peak = {"rss": 0, "pss": 0, "command_rss": 0, "at_documents": 0}
    tenths: list[dict] = []
    next_tenth = 1
    try:
        while process.poll() is None:
            rss, pss, own = tree_memory(process.pid)
            if rss > peak["rss"]:
                peak.update(rss=rss, at_documents=fed[0])
            peak["pss"], peak["command_rss"] = max(peak["pss"], pss), max(peak["command_rss"], own)
            while next_tenth <= 10 and fed[0] >= next_tenth * docs // 10:
                tenths.append({"fed": fed[0], "seconds": round(time.perf_counter() - start, 1), "rss_mib": round(rss / 1024)})
                print(f"    {docs}: {fed[0]:>9} fed  {tenths[-1]['seconds']:8.1f} s  rss {rss / 1024:6.0f} MiB "
                      f"(command {own / 1024:5.0f})", file=sys.stderr, flush=True)
                next_tenth += 1
            time.sleep(SAMPLE_S)
    except BaseException:
        process.kill()
        process.wait()  # reaped, so its pool workers, which watch for it, see it gone and end too
        raise
    finally:
        feeder.join(5)
        reader.join(5)
        err_reader.join(5)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):  # 1: some lines could not be read, the rest stored
        raise RuntimeError(f"accord ingest - failed ({process.returncode}): {b''.join(errors).decode()[-2000:]}")
    report = json.loads(b"".join(out))
    stored_mb = sum(p.stat().st_size for p in folder.glob(f"stream-{docs}.sqlite*")) / 1e6
    for p in folder.glob(f"stream-{docs}.sqlite*"):
        p.unlink()  # the next, larger run needs the room
    return {"documents": docs, "stored": report["documents"], "errors": len(report["errors"]),
            "seconds": round(seconds, 1), "docs_per_s": round(report["documents"] / seconds, 1),
            "peak_rss_mib": round(peak["rss"] / 1024), "peak_pss_mib": round(peak["pss"] / 1024),
            "peak_command_rss_mib": round(peak["command_rss"] / 1024), "peak_at_documents": peak["at_documents"],
            "store_mb": round(stored_mb, 1), "tenths": tenths}


def run(args) -> dict:
    counts = [int(n) for n in args.docs.split(",")]
    sample = gen_corpus.document(0, words=args.words, seed=args.seed)
    with tempfile.TemporaryDirectory(prefix="accord-stream-", dir=args.db_dir) as tmp:
        runs = [stream_run(n, args, Path(tmp)) for n in counts]
    peaks = [r["peak_rss_mib"] for r in runs]
    spread = (max(peaks) - min(peaks)) / min(peaks) if peaks and min(peaks) else None
    largest = max(runs, key=lambda r: r["documents"])["tenths"] if runs else []
    growth = None
    if len(largest) >= 2 and largest[-1]["fed"] > largest[0]["fed"]:
        # resident memory added per document over the largest run, from its first tenth to its end
        growth = round((largest[-1]["rss_mib"] - largest[0]["rss_mib"]) * 2**20 / (largest[-1]["fed"] - largest[0]["fed"]))
    return {"words": args.words, "document_bytes": len(sample["text"].encode("utf-8")), "workers": args.workers,
            "growth_bytes_per_document": growth,
            "engine": args.engine, "runs": runs, "peak_spread": round(spread, 3) if spread is not None else None,
            "flat": spread is not None and spread <= FLAT_WITHIN, "under_limit": all(p < LIMIT_MIB for p in peaks)}


def report(r: dict) -> None:
    print(f"Streaming ingest (`accord ingest -` from a pipe, generated on the fly), documents of about {r['words']} words "
          f"(~{r['document_bytes'] / 1000:.1f} kB of text each), engine {r['engine']}, {r['workers']} worker(s)")
    print(f"  {'documents':>10}  {'docs/s':>7}  {'peak RSS, all':>13}  {'peak PSS, all':>13}  {'command alone':>13}  "
          f"{'store MB':>9}  RSS at each tenth (MiB)")
    for run_ in r["runs"]:
        tenths = " ".join(str(t["rss_mib"]) for t in run_["tenths"])
        print(f"  {run_['documents']:>10,}  {run_['docs_per_s']:7.1f}  {run_['peak_rss_mib']:>9} MiB  {run_['peak_pss_mib']:>9} MiB  "
              f"{run_['peak_command_rss_mib']:>9} MiB  {run_['store_mb']:9.1f}  {tenths}")
    if r["peak_spread"] is not None:
        print(f"  peaks within {100 * r['peak_spread']:.1f} % of each other (target {100 * FLAT_WITHIN:.0f} %): "
              f"{'flat' if r['flat'] else 'NOT flat'}; all under {LIMIT_MIB} MiB: {'yes' if r['under_limit'] else 'NO'}")
    if r["growth_bytes_per_document"] is not None:
        g = r["growth_bytes_per_document"]
        print(f"  growth over the largest run: {g} bytes per document, {g * 10**6 / 2**20:.0f} MiB per million documents "
              "(0 when nothing is kept per document)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="100000,1000000", help="document counts to stream, comma-separated")
    parser.add_argument("--words", type=int, default=1000, help="approximate words per document")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db-dir", type=Path, default=None, help="folder for the stores (default: the temp folder)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args)
    print(json.dumps(result, indent=2)) if args.json else report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
