"""Peak memory of a streamed claims export from a large store.

Builds a store of N claims (default 100,000: 10,000 documents of 10 claims each, written straight
into the store's tables so that building it takes seconds), then exports every claim through the
same code the /claims.csv and /claims.json downloads use, in a fresh process, and prints that
process's peak resident memory before and during the export. Then (unless --no-http) it serves the
store with `accord serve` and downloads /claims.csv and /documents.csv over HTTP, printing how far
the server process's peak resident memory (VmHWM) grew during the download and how many rows
arrived. The target is an export peak under 200 MB. It then times /claims.csv downloaded again,
as it is and gzip-coded (the server's answer cache keeps it compressed), and a crowd of
``--crowd`` clients asking for it at once from a freshly started server: with the cache, one
request makes it and the others wait for it; without (``--response-cache-mb 0``), each makes its own.

    .venv/bin/python bench/bench_export.py [--claims 100000] [--format csv|json] [--no-http] [--crowd 10]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from accord.services.store import Store
from accord.services.store.packed_text import pack
from accord.services.store.schema import judgement_id, recount
from load_api import HOST, free_port, start_server, stop_server, wait_until_up

QUOTE = "Russia is now obliged to defend Iran militarily, according to the commentator, who added a remark"


def build(path: Path, claims: int, per_doc: int = 10) -> None:
    store = Store(path)
    db = store.db
    now = "2026-11-30T00:00:00+00:00"
    docs = -(-claims // per_doc)  # the last document may hold fewer
    text = pack(QUOTE * 10)
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO documents (id, url, outlet, published, lang, content_hash, text, ingested_at, first_pid, paragraphs) "
        "VALUES (?,?,?,?,?,?,?,?,1,0)",
        ((f"doc-{i:06d}", f"https://example.org/news/{i}", f"Outlet {i % 40}", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
          "en", hashlib.sha256(f"doc-{i}".encode()).digest(), text, now) for i in range(docs)))
    db.executemany(
        'INSERT INTO claims (id, doc_id, treaty, type, value, start, "end", quote, lang) VALUES (?,?,?,?,?,?,?,?,?)',
        ((i + 1, f"doc-{i // per_doc:06d}", "rus-irn-2025", "mutual_defense", json.dumps(True), 100 * (i % per_doc),
          100 * (i % per_doc) + len(QUOTE), QUOTE, "en") for i in range(claims)))
    judgements = [judgement_id(db, verdict, "rus-irn-2025 Art. 3(3)", "the treaty binds neither party to defend the other",
                               ["https://example.org/source-a", "https://example.org/source-b"], "bench")
                  for verdict in ("supported", "contradicted", "unverifiable")]
    db.executemany("INSERT INTO verdicts (claim_id, judgement, as_of) VALUES (?,?,?)",
                   ((i + 1, judgements[i % 3], "2026-11-30") for i in range(claims)))
    recount(db)  # rows written by SQL here, not by the store's writer, which keeps the counts
    db.execute("COMMIT")
    store.close()


def export(path: Path, fmt: str) -> None:
    """Run in a fresh process: stream every claim to /dev/null, print peak RSS before and after."""
    from accord.services.exports import claims_csv, claims_json

    render = claims_csv if fmt == "csv" else claims_json
    store = Store(path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, size, rows = time.perf_counter(), 0, 0
    with open("/dev/null", "w", encoding="utf-8") as sink:
        for chunk in render(store.iter_claims()):
            sink.write(chunk)
            size += len(chunk)
    rows = store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "chars": size, "seconds": round(time.perf_counter() - started, 2),
                      "peak_rss_before_mib": round(before, 1), "peak_rss_after_mib": round(after, 1)}))


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc: this figure needs Linux")


@contextlib.contextmanager
def serving(path: Path, *options: str):
    """`accord serve` on the store (``options`` added to its command line): its process and base URL."""
    port = free_port()
    server = start_server(port, path, *options)
    try:
        base = f"http://{HOST}:{port}"
        wait_until_up(server, base, timeout=120)
        yield server, base
    finally:
        stop_server(server)


def download(url: str, coding: str = "identity") -> tuple[float, float, int, int]:
    """Seconds to the answer's head and to its end, bytes as sent, and line ends in them."""
    started, size, lines = time.perf_counter(), 0, 0
    request = urllib.request.Request(url, headers={"Accept-Encoding": coding})
    with urllib.request.urlopen(request, timeout=900) as response:  # urllib leaves a gzip body coded
        head = time.perf_counter() - started
        while chunk := response.read(1 << 16):
            size += len(chunk)
            lines += chunk.count(b"\n")  # no cell of the built store holds a line break
    return head, time.perf_counter() - started, size, lines


def over_http(path: Path, crowd: int) -> None:
    """Serve the store with `accord serve` and download the big lists; print the server's peak RSS,
    the times of a first, a repeated and a gzip-coded download, and of a crowd asking at once."""
    with serving(path) as (server, base):
        before = _peak_rss_mib(server.pid)
        for route in ("/claims.csv", "/documents.csv"):
            head, total, size, lines = download(base + route)
            peak = _peak_rss_mib(server.pid)
            # The server holds the press pipeline's models from start-up; what the export costs is the growth.
            print(f"http {route}: {lines - 1:,} rows, {size / 2**20:.0f} MiB in {total:.1f} s (first byte {head:.2f} s); "
                  f"server peak RSS {peak:.1f} MiB, {before:.1f} MiB of it at start-up: the download added "
                  f"{peak - before:.1f} MiB")
        for coding in ("identity", "gzip"):
            head, total, size, _ = download(base + "/claims.csv", coding)
            print(f"http /claims.csv again, {coding}: {size / 2**20:.1f} MiB in {total:.2f} s (first byte {head:.3f} s)")
    for options, what in (((), "one computation for all"), (("--response-cache-mb", "0"), "each its own, without the cache")):
        if crowd <= 0:
            break
        with serving(path, *options) as (_, base):
            started = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(crowd) as pool:
                times = list(pool.map(lambda _: download(base + "/claims.csv"), range(crowd)))
            heads = sorted(t[0] for t in times)
            print(f"http crowd of {crowd} asking at once for /claims.csv ({what}): all served in "
                  f"{time.perf_counter() - started:.1f} s; first byte median {statistics.median(heads):.2f} s, "
                  f"last {heads[-1]:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--no-http", action="store_true", help="Skip the download over HTTP from `accord serve`.")
    parser.add_argument("--crowd", type=int, default=10, help="Clients asking for /claims.csv at once (0: none).")
    parser.add_argument("--run-export", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_export:
        export(args.run_export, args.format)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "accord.sqlite"
        started = time.perf_counter()
        build(path, args.claims)
        print(f"store of {args.claims:,} claims built in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 2**20:.0f} MiB)")
        for fmt in ("csv", "json") if args.format == "csv" else (args.format,):
            out = subprocess.run([sys.executable, __file__, "--run-export", str(path), "--format", fmt],
                                 capture_output=True, text=True, check=True)
            figures = json.loads(out.stdout)
            print(f"{fmt}: {figures['rows']:,} claims, {figures['chars'] / 2**20:.0f} MiB of text in {figures['seconds']} s "
                  f"({figures['rows'] / figures['seconds']:,.0f} claims/s); peak RSS {figures['peak_rss_after_mib']} MiB "
                  f"(after opening the store: {figures['peak_rss_before_mib']} MiB; target < 200 MB)")
        if not args.no_http:
            over_http(path, args.crowd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
