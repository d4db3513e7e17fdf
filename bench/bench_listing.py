"""CPU time of what the claims and documents lists ask of the store beyond their rows: the exact
total, the facet counts, a page in every sort order, and the pages themselves.

Builds a store of N claims (default 100,000; the same synthetic store as bench_export.py: 10 claims
a document, 40 outlets, three verdicts, a year of publication days), then prints for each query the
median CPU time (process_time) of R runs in milliseconds, and its ratio to reading the default first
page of 100 claims (Store.claims), which every list page does anyway.

    .venv/bin/python bench/bench_listing.py [--claims 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import build  # noqa: E402  (the same synthetic store)

from accord.services import listing  # noqa: E402
from accord.services.store import Store  # noqa: E402


def cpu_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        call()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "accord.sqlite"
        build(path, args.claims)
        store = Store(path)
        contradicted = {"verdict": "contradicted"}
        deep = args.claims // 2
        queries = {
            "first page, default order (baseline)": lambda: store.claims(limit=100),
            "total, no filter": lambda: store.count_claims(),
            "total, verdict filter": lambda: store.count_claims(**contradicted),
            "facets, no filter": lambda: listing.claim_facets(store),
            "facets, verdict filter": lambda: listing.claim_facets(store, **contradicted),
            **{f"first page, sort={key}": (lambda key=key: list(listing.sorted_claims(store, key, limit=100)))
               for key in listing.sort_keys(listing.CLAIM_SORTS)},
            f"page at offset {deep}, sort=-published": lambda: list(listing.sorted_claims(store, "-published", limit=100, offset=deep)),
            "documents, first page, sort=-claims": lambda: listing.sorted_documents(store, "-claims"),
            "documents, first page, sort=-published": lambda: listing.sorted_documents(store, "-published"),
        }
        base = None
        print(f"{args.claims} claims; median CPU ms of {args.repeat} runs; ratio to the baseline")
        for name, call in queries.items():
            call()  # warm the page cache
            ms = cpu_ms(call, args.repeat)
            base = base or ms
            print(f"  {name:45s} {ms:9.2f} ms  x{ms / base:7.1f}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
