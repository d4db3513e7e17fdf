"""Load test of the REST API: latency and throughput of POST /api/check and GET /api/scenario, then a
mixed load with abusive searches.

    .venv/bin/python bench/load_api.py [--clients 50] [--duration 8] [--requests 20000] [--runs 3] [--json]
        [--heavy 5] [--documents 300]

Starts uvicorn (one worker) on a free loopback port in a subprocess, over a
throw-away store, then for each endpoint runs ``--clients`` concurrent clients,
each sending its next request as soon as the last one is answered, for
``--duration`` seconds or ``--requests`` requests, whichever comes first.  It
prints p50/p99 latency, requests/s and errors per endpoint for each run, then the
median of the runs.  A response counts as an error unless it is a 200 carrying
what that endpoint must answer (a verdict; the flagship treaty).

The mixed load then runs ``--clients`` normal clients spread over check, scenario,
search and a document page, while ``--heavy`` clients send 1,000-word searches
(which must be refused with 422, costing the server nothing), over a store of
``--documents`` generated documents.  It prints the same figures for the normal
clients, the heavy clients' answers, and the count of 5xx answers (target: none,
and p99 < 300 ms for the normal clients).  All clients share one loopback address,
which the per-client search rate limit would take for one client, so the server
runs with ``--search-rate off``; the limit itself is tested in tests/api.

The clients run in this process and share the machine's cores with the server,
so the figures are what one worker serves while a client load is generated
beside it.  They speak HTTP/1.1 themselves over asyncio streams (keep-alive
connections, Content-Length responses): httpx's async pool spends about 3 ms of
CPU per request with 50 connections, more than the server does, and would
measure itself.  Only the loopback address is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

TARGET_P99_MS = 100.0
MIXED_TARGET_P99_MS = 300.0
HOST = "127.0.0.1"

CHECK_BODIES = [
    json.dumps({"text": "Russia and Iran signed a 20-year treaty in Moscow on 17 January 2025, "
                        "but it does not oblige Russia to defend Iran militarily."}).encode(),
    json.dumps({"text": "Договор между Россией и Ираном, подписанный в Москве 17 января 2025 года, "
                        "заключён сроком на 20 лет и не предусматривает взаимной обороны."}, ensure_ascii=False).encode(),
]
SCENARIO_PARAMS = {"event": "aggression", "by": "ISR", "against": "IRN", "on": "2025-11-01"}


@dataclass
class Endpoint:
    name: str
    requests: list[bytes]  # complete HTTP/1.1 requests, alternated
    must_contain: bytes  # an answer without this in its body counts as an error
    status: int = 200  # the status the endpoint must answer with


def http_request(method: str, target: str, body: bytes = b"") -> bytes:
    head = f"{method} {target} HTTP/1.1\r\nHost: {HOST}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + body


ENDPOINTS = [
    Endpoint("POST /api/check", [http_request("POST", "/api/check", b) for b in CHECK_BODIES], b'"verdict"'),
    Endpoint("GET /api/scenario", [http_request("GET", "/api/scenario?" + urlencode(SCENARIO_PARAMS))], b'"rus-irn-2025"'),
]


@dataclass
class RunResult:
    latencies_ms: list[float]
    errors: int
    seconds: float
    server_errors: int = 0  # 5xx answers, counted among the errors too

    @property
    def requests_per_s(self) -> float:
        return (len(self.latencies_ms) + self.errors) / self.seconds

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, db_path: Path, *options: str) -> subprocess.Popen:
    """``accord serve`` itself (the slow-header timeout), without the search rate limit; ``options`` go to it as they are."""
    command = [str(Path(sys.executable).parent / "accord"), "serve", "--host", HOST, "--port", str(port),
               "--db", str(db_path), "--search-rate", "off", *options]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def fill_store(db_path: Path, documents: int) -> str:
    """Ingest ``documents`` generated documents; the id of one of them, for the document page."""
    corpus = db_path.with_name("corpus.jsonl")
    subprocess.run([sys.executable, str(Path(__file__).with_name("gen_corpus.py")), str(corpus), "--docs", str(documents),
                    "--words", "400"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(Path(sys.executable).parent / "accord"), "ingest", str(corpus), "--db", str(db_path), "--json"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with corpus.open(encoding="utf-8") as handle:
        return json.loads(handle.readline())["id"]


def wait_until_up(proc: subprocess.Popen, base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/api/treaties", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:g} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, bytes]:
    status, head = await _send_and_read_head(reader, writer, request)
    return status, await _read_body(reader, head)


async def _send_and_read_head(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, bytes]:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    return int(head[9:12]), head


def header(head: bytes, name: bytes) -> bytes | None:
    """A header's value in an answer's head (``name`` in lower case), or None."""
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


async def _read_body(reader: asyncio.StreamReader, head: bytes, sink: Callable[[bytes], None] | None = None) -> bytes:
    """The body of the answer whose ``head`` was read; with ``sink``, each piece goes to it as it
    arrives and none is kept (a download too large to hold)."""
    kept = bytearray()
    take = sink or kept.extend
    if b"chunked" not in (header(head, b"transfer-encoding") or b"").lower():
        left = int(header(head, b"content-length") or 0)
        while left:
            data = await reader.read(min(left, 1 << 22))
            if not data:
                raise asyncio.IncompleteReadError(bytes(kept), left)
            take(data)
            left -= len(data)
        return bytes(kept)
    while True:  # a streamed answer (a download): chunks until the empty one
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        take((await reader.readexactly(size + 2))[:-2])
        if size == 0:  # its CRLF was the end of the (empty) trailer
            return bytes(kept)


async def _client(port: int, endpoint: Endpoint, offset: int, stop_at: float, budget: list[int],
                  latencies: list[float], errors: list[int]) -> None:
    """One client on its own keep-alive connection, sending its next request as soon as one is answered."""
    reader, writer = await asyncio.open_connection(HOST, port)
    sent = offset
    try:
        while time.perf_counter() < stop_at and budget[0] > 0:
            budget[0] -= 1
            request = endpoint.requests[sent % len(endpoint.requests)]
            sent += 1
            started = time.perf_counter()
            try:
                status, body = await _exchange(reader, writer, request)
                ok = status == endpoint.status and endpoint.must_contain in body
            except (OSError, asyncio.IncompleteReadError, ValueError):
                status, ok = 0, False
            if ok:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors[0] += 1
                if status >= 500:
                    errors[1] += 1
                writer.close()  # the connection's state is unknown: start a new one
                reader, writer = await asyncio.open_connection(HOST, port)
    finally:
        writer.close()


async def load(port: int, endpoint: Endpoint, clients: int, duration: float, max_requests: int) -> RunResult:
    # a short warm-up (connections opened, thread pool started) that is not measured
    await asyncio.gather(*(_client(port, endpoint, i, time.perf_counter() + 1.0, [4], [], [0, 0]) for i in range(clients)))
    latencies: list[float] = []
    errors = [0, 0]
    budget = [max_requests]
    started = time.perf_counter()
    await asyncio.gather(*(_client(port, endpoint, i, started + duration, budget, latencies, errors) for i in range(clients)))
    return RunResult(latencies, errors[0], time.perf_counter() - started, errors[1])


def mixed_endpoints(doc_id: str) -> tuple[list[Endpoint], Endpoint]:
    """The normal clients' endpoints, and the heavy clients' 1,000-word search."""
    normal = [*ENDPOINTS,
              Endpoint("GET /api/search", [http_request("GET", "/api/search?" + urlencode({"q": q}))
                                          for q in ("mutual defence", "treaty ratified", "договор")], b"["),
              Endpoint("GET /documents/ID", [http_request("GET", "/documents/" + quote(doc_id))], b"</html>")]
    words = " ".join(f"word{i}" for i in range(1000))
    heavy = Endpoint("1000-word search", [http_request("GET", "/api/search?" + urlencode({"q": words}))],
                     b"query too large", status=422)
    return normal, heavy


async def mixed_load(port: int, normal: list[Endpoint], heavy: Endpoint, clients: int, heavy_clients: int,
                     duration: float) -> tuple[dict[str, RunResult], RunResult]:
    """All at once: ``clients`` normal clients round-robin over ``normal``, ``heavy_clients`` on ``heavy``."""
    results = {e.name: ([], [0, 0]) for e in [*normal, heavy]}
    budget = [10**9]
    started = time.perf_counter()
    tasks = [_client(port, normal[i % len(normal)], i, started + duration, budget, *results[normal[i % len(normal)].name])
             for i in range(clients)]
    tasks += [_client(port, heavy, i, started + duration, budget, *results[heavy.name]) for i in range(heavy_clients)]
    await asyncio.gather(*tasks)
    seconds = time.perf_counter() - started
    runs = {name: RunResult(lat, err[0], seconds, err[1]) for name, (lat, err) in results.items()}
    return {e.name: runs[e.name] for e in normal}, runs[heavy.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=8.0, help="Seconds per endpoint and run (upper bound).")
    parser.add_argument("--requests", type=int, default=20_000, help="Requests per endpoint and run (upper bound).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print the medians as JSON.")
    parser.add_argument("--heavy", type=int, default=5, help="Clients sending 1,000-word searches in the mixed load.")
    parser.add_argument("--documents", type=int, default=300, help="Generated documents in the store.")
    parser.add_argument("--mixed-only", action="store_true", help="Only the mixed load, not check and scenario alone.")
    parser.add_argument("--serve-option", action="append", default=[], metavar="OPTION",
                        help="An option for accord serve, repeated (--serve-option=--threads=4).")
    args = parser.parse_args(argv)

    port = free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "load.sqlite"
        doc_id = fill_store(db_path, args.documents)
        proc = start_server(port, db_path, *args.serve_option)
        try:
            wait_until_up(proc, base)
            separate = [] if args.mixed_only else ENDPOINTS
            runs: dict[str, list[RunResult]] = {e.name: [] for e in separate}
            mixed: list[tuple[dict[str, RunResult], RunResult]] = []
            normal, heavy = mixed_endpoints(doc_id)
            for run in range(1, args.runs + 1):
                for endpoint in separate:
                    result = asyncio.run(load(port, endpoint, args.clients, args.duration, args.requests))
                    runs[endpoint.name].append(result)
                    if not args.json:
                        print(f"run {run} {endpoint.name:<18} p50 {result.percentile(0.50):6.1f} ms  "
                              f"p99 {result.percentile(0.99):6.1f} ms  {result.requests_per_s:7.0f} req/s  "
                              f"errors {result.errors}", flush=True)
                mixed.append(asyncio.run(mixed_load(port, normal, heavy, args.clients, args.heavy, args.duration)))
                if not args.json:
                    all_normal = RunResult([x for r in mixed[-1][0].values() for x in r.latencies_ms],
                                           sum(r.errors for r in mixed[-1][0].values()), args.duration,
                                           sum(r.server_errors for r in mixed[-1][0].values()))
                    print(f"run {run} mixed, normal clients  p50 {all_normal.percentile(0.50):6.1f} ms  "
                          f"p99 {all_normal.percentile(0.99):6.1f} ms  errors {all_normal.errors}  "
                          f"heavy: {len(mixed[-1][1].latencies_ms)} refused with 422, 5xx {mixed[-1][1].server_errors}",
                          flush=True)
        finally:
            stop_server(proc)

    summary = {}
    for name, results in runs.items():
        summary[name] = _summary(results, args.clients)
    mixed_summary = {name: _summary([m[0][name] for m in mixed], args.clients) for name in mixed[0][0]}
    pooled = [RunResult([x for r in m[0].values() for x in r.latencies_ms], sum(r.errors for r in m[0].values()),
                        m[1].seconds, sum(r.server_errors for r in m[0].values())) for m in mixed]
    mixed_summary["all normal clients"] = _summary(pooled, args.clients)
    mixed_summary["heavy: 1000-word search"] = _summary([m[1] for m in mixed], args.heavy)
    server_errors = sum(s["server_errors"] for s in mixed_summary.values())
    if args.json:
        print(json.dumps({"separate": summary, "mixed": mixed_summary, "mixed_5xx": server_errors}, indent=2))
    else:
        print(f"\nmedian of {args.runs} runs, {args.clients} concurrent clients, accord serve {' '.join(args.serve_option) or '(one worker)'}:")
        for name, s in summary.items():
            verdict = "ok" if s["p99_ms"] < TARGET_P99_MS and s["errors"] == 0 else f"over target (p99 < {TARGET_P99_MS:.0f} ms, no errors)"
            print(f"  {name:<18} p50 {s['p50_ms']:6.1f} ms  p99 {s['p99_ms']:6.1f} ms  {s['requests_per_s']:6d} req/s  "
                  f"errors {s['errors']}  ({s['requests']} requests) — {verdict}")
        print(f"\nmixed: {args.clients} normal clients over {len(normal)} endpoints and {args.heavy} clients sending "
              f"1,000-word searches, all at once (median of {args.runs} runs):")
        for name, s in mixed_summary.items():
            print(f"  {name:<24} p50 {s['p50_ms']:6.1f} ms  p99 {s['p99_ms']:6.1f} ms  {s['requests_per_s']:6d} req/s  "
                  f"errors {s['errors']}  5xx {s['server_errors']}  ({s['requests']} requests)")
        pooled_p99 = mixed_summary["all normal clients"]["p99_ms"]
        ok = server_errors == 0 and pooled_p99 < MIXED_TARGET_P99_MS
        print(f"  5xx answers: {server_errors}; normal clients' p99 {pooled_p99:.1f} ms — "
              + ("ok" if ok else f"over target (no 5xx, p99 < {MIXED_TARGET_P99_MS:.0f} ms)"))
    met = all(s["p99_ms"] < TARGET_P99_MS and s["errors"] == 0 for s in summary.values())
    mixed_met = server_errors == 0 and mixed_summary["all normal clients"]["p99_ms"] < MIXED_TARGET_P99_MS
    return 0 if met and mixed_met else 1


def _summary(results: list[RunResult], clients: int) -> dict:
    return {
        "clients": clients,
        "p50_ms": round(statistics.median(r.percentile(0.50) for r in results), 1),
        "p99_ms": round(statistics.median(r.percentile(0.99) for r in results), 1),
        "requests_per_s": round(statistics.median(r.requests_per_s for r in results)),
        "errors": sum(r.errors for r in results),
        "server_errors": sum(r.server_errors for r in results),
        "requests": sum(len(r.latencies_ms) + r.errors for r in results),
    }


if __name__ == "__main__":
    sys.exit(main())
