"""Reads at scale: every API endpoint and page under 50 clients, on a 1,000- and a 20,000-document store,
against a bare endpoint served the same way.

    .venv/bin/python bench/load_scale.py [--clients 50] [--duration 4] [--runs 3] [--sizes 1000,20000]
        [--words 400] [--only NAME,...] [--cache-dir DIR] [--response-cache-mb MB] [--json]

Builds each store once (bench/gen_corpus.py, then ``accord ingest``) and keeps it under
``--cache-dir`` (default: accord-load-scale in the system's temporary folder), keyed by its
size, words per document, the corpus generator's seed and the store's schema version, so later runs start at once; a store
is copied before it is served, so the cached file is never touched by a server.  Then one server
per store (the accord application with its middleware, on ``accord serve``'s uvicorn settings,
plus a route ``/bench/bare`` answering a constant JSON object, and the same as a plain function, which
the benchmark polls between endpoints until requests abandoned by a slow one have finished) and, for every run: the bare
route on each server, then endpoint by endpoint the small store and the large one back to back,
so the two are measured under the same machine load.  ``--response-cache-mb 0`` serves without the
cache of whole answers (accord.interfaces.response_cache), to measure the reads themselves.

For each endpoint and store it prints p50/p99 latency and requests/s (medians over runs), the
rate's ratio to the bare route on the same server in the same run, and the large store's rate
over the small one's.  Targets (issue 15): p99 < 200 ms, >= 0.3 of bare, and the large store
within 20 % of the small one (ratio >= 0.8).  An answer counts as an error unless it has the
endpoint's status and carries what it must (see ``PROBES``).

The downloads of every claim (``/claims.csv``, as it is and gzip-coded as browsers ask for it)
grow with the store, 20 times larger at 20,000 documents than at 1,000: no answer 20 times larger
comes at the same rate, so they are judged as transfers instead, with the same thresholds: the
answer's head (its first byte) p99 < 200 ms under the 50 clients, and mebibytes per second on the
wire within 20 % of the small store's.  Their requests per second are printed too.

The clients are those of bench/load_api.py: asyncio streams in this process, on the same cores
as the server, each sending its next request as soon as the last is answered.  Exit 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from accord.interfaces.settings import DEFAULT_RESPONSE_CACHE_BYTES
from load_api import (CHECK_BODIES, HOST, Endpoint, RunResult, _exchange, _read_body, _send_and_read_head, free_port, header,
                      http_request, stop_server, wait_until_up)

TARGET_P99_MS = 200.0
TARGET_BARE_RATIO = 0.3
TARGET_SCALE_RATIO = 0.8
BARE = "/bench/bare"
BARE_THREAD = "/bench/bare-thread"  # the same, as a plain function: it answers only when a request thread is free
GENERATOR_SEED = 1


@dataclass
class Probe:
    """An endpoint to load: its name, the request target (``{doc}``/``{claim}`` filled per store) and method."""

    name: str
    target: str
    must_contain: bytes
    method: str = "GET"
    body: bytes = b""
    bulk: bool = False  # a download of everything: its answer grows with the store (judged by TTFB and MiB/s)
    accept_encoding: str = ""


@dataclass
class LoadResult(RunResult):
    first_byte_ms: list[float] = field(default_factory=list)  # until the answer's head arrived
    wire_bytes: int = 0  # body bytes received during the run, as sent (compressed when the answer was)
    answer_bytes: int = 0  # the body of the request that warmed the endpoint, as sent

    @property
    def megabytes_per_s(self) -> float:
        return self.wire_bytes / 2**20 / self.seconds

    def first_byte_percentile(self, q: float) -> float:
        ordered = sorted(self.first_byte_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _q(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


# Every API endpoint that reads, and every page; writes (POST /api/documents, /api/rejudge) are
# the ingest benchmarks' business.  Searches: a word in nearly every document and a rarer one.
PROBES = [
    Probe("api treaties", "/api/treaties", b"rus-irn-2025"),
    Probe("api treaty", "/api/treaties/rus-irn-2025", b'"articles"'),
    Probe("api status", _q("/api/treaties/rus-irn-2025/status", on="2025-06-13"), b'"in_force"'),
    Probe("api scenario", _q("/api/scenario", event="aggression", by="ISR", against="IRN", on="2025-11-01"), b"rus-irn-2025"),
    Probe("api compare", _q("/api/compare", ids="rus-irn-2025,rus-irn-2001,rus-prk-2024"), b"rus-prk-2024"),
    Probe("api check", "/api/check", b'"verdict"', "POST", CHECK_BODIES[0]),
    Probe("api search frequent", _q("/api/search", q="treaty"), b'"snippet"'),
    Probe("api search rare", _q("/api/search", q="mutual defence obligation"), b"["),
    Probe("api claims", "/api/claims", b'"items"'),
    Probe("api claims by verdict", _q("/api/claims", verdict="contradicted"), b'"items"'),
    Probe("api claims by type+lang", _q("/api/claims", type="mutual_defense", lang="ru"), b'"items"'),
    Probe("api claims csv", _q("/api/claims", format="csv"), b"id,doc_id,"),
    Probe("api documents", "/api/documents", b'"items"'),
    Probe("api documents by outlet", _q("/api/documents", outlet="Caspian Observer"), b'"items"'),
    Probe("api document", "/api/documents/{doc}", b'"paragraphs"'),
    Probe("api sources", "/api/sources", b'"outlet"'),
    Probe("api implementation", "/api/treaties/rus-irn-2025/implementation", b'"provisions"'),
    Probe("api languages", "/api/languages", b'"analysed"'),
    Probe("page catalog", "/", b"</html>"),
    Probe("page treaty", "/treaties/rus-irn-2025", b"</html>"),
    Probe("page compare", "/compare", b"</html>"),
    Probe("page scenario", _q("/scenario", event="aggression", by="ISR", against="IRN", on="2025-11-01"), b"</html>"),
    Probe("page check", _q("/check", text=json.loads(CHECK_BODIES[0])["text"]), b"</html>"),
    Probe("page coverage", "/coverage", b"</html>"),
    Probe("page claims", "/claims", b"</html>"),
    Probe("page claims by verdict", _q("/claims", verdict="contradicted"), b"</html>"),
    Probe("page claim", "/claims/{claim}", b"</html>"),
    Probe("page document", "/documents/{doc}", b"</html>"),
    Probe("page search", _q("/search", q="treaty"), b"</html>"),
    Probe("page trends", "/trends", b"</html>"),
    Probe("page implementation", "/treaties/rus-irn-2025/implementation", b"</html>"),
    Probe("download claims.csv", "/claims.csv", b"id,doc_id,", bulk=True),
    Probe("download claims.csv gzip", "/claims.csv", b"id,doc_id,", bulk=True, accept_encoding="gzip, deflate"),
]


def build_store(cache: Path, documents: int, words: int) -> Path:
    """The cached store of ``documents`` generated documents, built on first use."""
    from accord.services.store import SCHEMA_VERSION  # a new schema gets a store built by its own code

    stem = f"store-{documents}-{words}w-seed{GENERATOR_SEED}-schema"
    path = cache / f"{stem}{SCHEMA_VERSION}.sqlite"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    corpus = cache / f"corpus-{documents}-{words}w.jsonl"
    building = path.with_suffix(".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    older = sorted((p for p in cache.glob(f"{stem}*.sqlite") if p.stem[len(stem):].isdigit()
                    and int(p.stem[len(stem):]) < SCHEMA_VERSION), key=lambda p: int(p.stem[len(stem):]))
    if older:  # the same documents stored by an older schema: a copy upgraded in place, minutes instead of a rebuild
        print(f"upgrading a copy of {older[-1].name} to schema {SCHEMA_VERSION} ...", file=sys.stderr, flush=True)
        shutil.copyfile(older[-1], building)
        return _finish(building, path)
    print(f"building the {documents}-document store (once; cached in {cache}) ...", file=sys.stderr, flush=True)
    bench = Path(__file__).resolve().parent
    subprocess.run([sys.executable, str(bench / "gen_corpus.py"), str(corpus), "--docs", str(documents), "--words", str(words),
                    "--seed", str(GENERATOR_SEED)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(Path(sys.executable).parent / "accord"), "ingest", str(corpus), "--db", str(building), "--json"],
                   check=True, stdout=subprocess.DEVNULL)
    corpus.unlink()
    return _finish(building, path)


def _finish(building: Path, path: Path) -> Path:
    """The store at ``building`` opened (and so upgraded) by this accord, checkpointed and put in its place."""
    from accord.services.store import Store

    Store(building).close()
    db = sqlite3.connect(building)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    building.rename(path)
    for leftover in (Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    return path


def sample_ids(db_path: Path) -> dict[str, str]:
    """A document with claims and one of its claims, from the middle of the store, for the one-item pages."""
    with sqlite3.connect(db_path) as db:
        count = db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        claim_id, doc_id = db.execute("SELECT id, doc_id FROM claims ORDER BY id LIMIT 1 OFFSET ?", (count // 2,)).fetchone()
    return {"doc": quote(doc_id), "claim": str(claim_id)}


def start_server(port: int, db_path: Path, cache_mb: float) -> subprocess.Popen:
    command = [sys.executable, str(Path(__file__).resolve()), "--serve", str(db_path), "--port", str(port),
               "--response-cache-mb", str(cache_mb)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def serve(db_path: Path, port: int, cache_mb: float) -> None:
    """The accord application as ``accord serve`` runs it (no search rate limit: all clients share one address), plus the bare route."""
    import uvicorn
    from fastapi.responses import JSONResponse

    from accord.interfaces.api.server import server_config
    from accord.interfaces.app import create_app

    app = create_app(db_path=db_path, search_rate=None, response_cache_bytes=int(cache_mb * 2**20))

    # never kept by the response cache: the bare rate is the server's without any work or look-up, and
    # the threaded one must answer from a request thread to tell when the abandoned requests are done
    async def bare() -> JSONResponse:
        return JSONResponse({"ok": True}, headers={"Cache-Control": "no-store"})

    def bare_thread() -> JSONResponse:
        return JSONResponse({"ok": True}, headers={"Cache-Control": "no-store"})

    app.add_api_route(BARE, bare, include_in_schema=False)
    app.add_api_route(BARE_THREAD, bare_thread, include_in_schema=False)
    uvicorn.Server(server_config(app, host=HOST, port=port, log_level="warning")).run()


async def bounded_load(port: int, endpoint: Endpoint, clients: int, duration: float, bulk: bool = False) -> LoadResult:
    """``clients`` clients for ``duration`` seconds, each sending its next request as soon as one is
    answered.  A request still unanswered ``duration`` seconds after the end is abandoned and counted
    with the time it had waited so far (its latency is at least that), so a slow endpoint cannot hold
    the benchmark; the server is then given time to finish it before the next endpoint starts."""
    request = endpoint.requests[0]
    # a download's client takes what has arrived in large reads: with asyncio's 64 KiB it would spend
    # the shared cores on turns of its event loop, and hear of the next answer's head late
    buffer = DOWNLOAD_BUFFER if bulk else 2**16
    latencies: list[float] = []
    first_bytes: list[float] = []
    errors = [0, 0]
    received = [0]
    in_flight: dict[int, float] = {}
    stop_at = time.perf_counter() + duration

    async def client(i: int) -> None:
        reader, writer = await asyncio.open_connection(HOST, port, limit=buffer)
        try:
            while time.perf_counter() < stop_at:
                in_flight[i] = started = time.perf_counter()
                try:
                    status, head = await _send_and_read_head(reader, writer, request)
                    first_bytes.append((time.perf_counter() - started) * 1000)
                    body = await (_read_counted(reader, head, received, stop_at) if bulk else _read_body(reader, head))
                    ok = status == endpoint.status and endpoint.must_contain in _opening(head, body)
                except (OSError, asyncio.IncompleteReadError, ValueError, zlib.error):
                    status, ok = 0, False
                del in_flight[i]
                if ok:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors[0] += 1
                    errors[1] += status >= 500
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port, limit=buffer)
        finally:
            writer.close()

    started = time.perf_counter()
    tasks = [asyncio.ensure_future(client(i)) for i in range(clients)]
    _, pending = await asyncio.wait(tasks, timeout=2 * duration)
    now = time.perf_counter()
    latencies += [(now - t) * 1000 for t in in_flight.values()]  # abandoned: at least this long
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return LoadResult(latencies, errors[0], min(now, stop_at) - started, errors[1], first_bytes, received[0])


OPENING = 64 * 1024  # of a download's body, what is kept to check it
DOWNLOAD_BUFFER = 4 * 2**20


async def _read_counted(reader: asyncio.StreamReader, head: bytes, received: list[int], stop_at: float) -> bytes:
    """A download's body read as it arrives, its bytes counted into ``received[0]`` until ``stop_at``
    (an answer still arriving then counts for what has come), and only its opening kept."""
    opening = bytearray()

    def arrived(data: bytes) -> None:
        if len(opening) < OPENING:
            opening.extend(data[:OPENING - len(opening)])
        if time.perf_counter() < stop_at:
            received[0] += len(data)

    await _read_body(reader, head, arrived)
    return bytes(opening)


def _opening(head: bytes, body: bytes) -> bytes:
    """What an answer's body must contain is looked for here: the body, or the start of it inflated
    when it came gzip-coded (the clients share the server's cores: they do not inflate it all)."""
    if header(head, b"content-encoding") == b"gzip":
        return zlib.decompressobj(31).decompress(body, 4096)
    return body


async def settle(port: int, timeout: float = 60.0) -> None:
    """Wait until the server answers the threaded bare route quickly again (abandoned requests finished)."""
    request = http_request("GET", BARE_THREAD)
    deadline = time.perf_counter() + timeout
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            await _exchange(reader, writer, request)
            if time.perf_counter() - started < 0.02:
                return
            await asyncio.sleep(0.2)
    finally:
        writer.close()


async def warm_and_load(port: int, endpoint: Endpoint, clients: int, duration: float, bulk: bool = False) -> LoadResult:
    await settle(port)
    reader, writer = await asyncio.open_connection(HOST, port)  # one request first: caches and connections warm
    try:
        _, first = await _exchange(reader, writer, endpoint.requests[0])
    finally:
        writer.close()
    result = await bounded_load(port, endpoint, clients, duration, bulk)
    result.answer_bytes = len(first)
    return result


def endpoint_for(probe: Probe, ids: dict[str, str]) -> Endpoint:
    request = http_request(probe.method, probe.target.format(**ids), probe.body)
    if probe.accept_encoding:
        request = request.replace(b"\r\n", f"\r\nAccept-Encoding: {probe.accept_encoding}".encode() + b"\r\n", 1)
    return Endpoint(probe.name, [request], probe.must_contain)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=4.0, help="Seconds per endpoint, store and run.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,20000", help="Store sizes, smallest first (documents).")
    parser.add_argument("--words", type=int, default=400, help="Words per generated document.")
    parser.add_argument("--only", default="", help="Comma-separated endpoint names (default: all).")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "accord-load-scale")
    parser.add_argument("--response-cache-mb", type=float, default=DEFAULT_RESPONSE_CACHE_BYTES / 2**20,
                        help="The server's cache of whole answers (as accord serve's option); 0: measure without it.")
    parser.add_argument("--json", action="store_true", help="Print the medians as JSON.")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.port, args.response_cache_mb)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    chosen = {n.strip() for n in args.only.split(",") if n.strip()}
    unknown = chosen - {p.name for p in PROBES}
    if unknown:
        parser.error(f"unknown endpoint {sorted(unknown)[0]!r}; known: {', '.join(p.name for p in PROBES)}")
    probes = [p for p in PROBES if not chosen or p.name in chosen]
    cached = {n: build_store(args.cache_dir, n, args.words) for n in sizes}

    with tempfile.TemporaryDirectory() as scratch:
        servers: dict[int, tuple[subprocess.Popen, int, dict[str, str]]] = {}
        try:
            for n in sizes:
                copy = Path(scratch) / cached[n].name
                shutil.copyfile(cached[n], copy)
                port = free_port()
                servers[n] = (start_server(port, copy, args.response_cache_mb), port, sample_ids(copy))
            for proc, port, _ in servers.values():
                wait_until_up(proc, f"http://{HOST}:{port}")
            results = measure(servers, probes, args)
        finally:
            for proc, _, _ in servers.values():
                stop_server(proc)
    return report(results, sizes, probes, args)


def measure(servers: dict, probes: list[Probe], args) -> dict[tuple[str, int], list[tuple[LoadResult, float]]]:
    """(endpoint, size) -> per run, (result, the bare route's req/s on that server in that run)."""
    results: dict[tuple[str, int], list[tuple[LoadResult, float]]] = {}
    bare = Probe("bare", BARE, b'"ok"')
    for run in range(1, args.runs + 1):
        bare_rate = {}
        for n, (_, port, ids) in servers.items():
            result = asyncio.run(warm_and_load(port, endpoint_for(bare, ids), args.clients, args.duration))
            bare_rate[n] = result.requests_per_s
            results.setdefault(("bare", n), []).append((result, result.requests_per_s))
        for probe in probes:
            for n, (_, port, ids) in servers.items():
                result = asyncio.run(warm_and_load(port, endpoint_for(probe, ids), args.clients, args.duration, probe.bulk))
                results.setdefault((probe.name, n), []).append((result, bare_rate[n]))
                if not args.json:
                    print(f"run {run} {probe.name:<26} {n:>6} docs  p50 {result.percentile(0.5):7.1f} ms  "
                          f"p99 {result.percentile(0.99):7.1f} ms  {result.requests_per_s:7.0f} req/s  "
                          f"(bare {bare_rate[n]:.0f})  errors {result.errors}", flush=True)
    return results


def _median_ratio(large_runs: list, small_runs: list, rate) -> float:
    """The median over runs of the large store's figure over the small one's in the same run."""
    return round(statistics.median(rate(a) / rate(b) if rate(b) else float("nan")
                                   for (a, _), (b, _) in zip(large_runs, small_runs)), 3)


def report(results: dict, sizes: list[int], probes: list[Probe], args) -> int:
    small, large = sizes[0], sizes[-1]
    rows = {}
    for probe in [Probe("bare", BARE, b""), *probes]:
        row = {}
        for n in sizes:
            runs = results[(probe.name, n)]
            row[n] = {
                "p50_ms": round(statistics.median(r.percentile(0.5) for r, _ in runs), 1),
                "p99_ms": round(statistics.median(r.percentile(0.99) for r, _ in runs), 1),
                "requests_per_s": round(statistics.median(r.requests_per_s for r, _ in runs)),
                "of_bare": round(statistics.median(r.requests_per_s / bare for r, bare in runs), 3),
                "errors": sum(r.errors for r, _ in runs),
                "server_errors": sum(r.server_errors for r, _ in runs),
            }
        large_runs, small_runs = results[(probe.name, large)], results[(probe.name, small)]
        row["large_over_small"] = _median_ratio(large_runs, small_runs, lambda r: r.requests_per_s)
        if probe.bulk:
            for n in sizes:
                runs = results[(probe.name, n)]
                row[n]["first_byte_p99_ms"] = round(statistics.median(r.first_byte_percentile(0.99) for r, _ in runs), 1)
                row[n]["megabytes_per_s"] = round(statistics.median(r.megabytes_per_s for r, _ in runs), 1)
                row[n]["answer_megabytes"] = round(runs[0][0].answer_bytes / 2**20, 1)
            row["bytes_large_over_small"] = _median_ratio(large_runs, small_runs, lambda r: r.megabytes_per_s)
            row["met"] = (row[large]["first_byte_p99_ms"] < TARGET_P99_MS and row["bytes_large_over_small"] >= TARGET_SCALE_RATIO
                          and row[large]["errors"] == 0)
        else:
            row["met"] = (row[large]["p99_ms"] < TARGET_P99_MS and row[large]["of_bare"] >= TARGET_BARE_RATIO
                          and row["large_over_small"] >= TARGET_SCALE_RATIO and row[large]["errors"] == 0)
        rows[probe.name] = row
    missed = [name for name, row in rows.items() if name != "bare" and not row["met"]]
    if args.json:
        print(json.dumps({"clients": args.clients, "runs": args.runs, "sizes": sizes,
                          "endpoints": {name: {str(k): v for k, v in row.items()} for name, row in rows.items()},
                          "missed": missed}, indent=2))
    else:
        print(f"\nmedian of {args.runs} runs, {args.clients} clients, {args.duration:g} s each; one uvicorn worker per store "
              f"(the clients share the machine's {os.cpu_count()} cores)")
        print(f"targets on the {large}-document store: p99 < {TARGET_P99_MS:.0f} ms, >= {TARGET_BARE_RATIO} of bare, "
              f">= {TARGET_SCALE_RATIO} of the {small}-document store's rate\n")
        print(f"{'endpoint':<26} {'req/s ' + str(small):>11} {'req/s ' + str(large):>12} {'p50':>7} {'p99':>8} "
              f"{'of bare':>8} {large}/{small} errors")
        for name, row in rows.items():
            big = row[large]
            mark = "" if name == "bare" else ("ok" if row["met"] else "MISSED")
            print(f"{name:<26} {row[small]['requests_per_s']:>11} {big['requests_per_s']:>12} {big['p50_ms']:>7.1f} "
                  f"{big['p99_ms']:>8.1f} {big['of_bare']:>8.3f} {row['large_over_small']:>10.3f} "
                  f"{big['errors'] + row[small]['errors']:>5}  {mark}")
        bulk = [p.name for p in probes if p.bulk]
        if bulk:
            print(f"\ndownloads of everything (their answers grow with the store, so they are judged by the time to the "
                  f"answer's head, p99 < {TARGET_P99_MS:.0f} ms, and by MiB/s on the wire, {large}/{small} >= {TARGET_SCALE_RATIO}):")
            print(f"{'download':<26} {'MiB ' + str(small):>9} {'MiB ' + str(large):>10} {'MiB/s ' + str(small):>11} "
                  f"{'MiB/s ' + str(large):>12} {'head p99':>9} {large}/{small}")
            for name in bulk:
                row = rows[name]
                print(f"{name:<26} {row[small]['answer_megabytes']:>9} {row[large]['answer_megabytes']:>10} "
                      f"{row[small]['megabytes_per_s']:>11} {row[large]['megabytes_per_s']:>12} "
                      f"{row[large]['first_byte_p99_ms']:>9.1f} {row['bytes_large_over_small']:>9.3f}  "
                      f"{'ok' if row['met'] else 'MISSED'}")
        print(f"\n{len(rows) - 1 - len(missed)} of {len(rows) - 1} endpoints meet their targets"
              + (f"; missed: {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
