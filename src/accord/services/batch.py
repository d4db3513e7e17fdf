"""Ingest on a Dask cluster, for a corpus that outgrows one machine's cores.

The expensive part, the per-document pipeline, runs on the cluster's workers;
reading stays streamed on this machine and writing stays here too, because the
store is one SQLite file with one writer (writing is ~10k documents/s, far from
the bottleneck). At most ``in_flight`` chunks are out at once, so memory stays
flat however large the input is, and results are written as they arrive.

Dask is an optional dependency (``pip install 'accord[scale]'``): without it,
``ingest_on_dask`` raises :class:`EngineUnavailable` with the install hint.
"""

from __future__ import annotations

import itertools
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Iterator

from accord.press.pipeline import ProcessedDocument
from accord.press.read import RawDocument, ReadError, Skipped, read_paths
from accord.services.ingest import IngestReport, Judging, process_item, store_results
from accord.services.store import Store

CHUNK = 64  # documents per task: big enough to amortise scheduling, small enough to spread


class EngineUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


def process_chunk(items: list[RawDocument | ReadError | Skipped], judging: Judging) -> list[ProcessedDocument | ReadError | Skipped]:
    """Runs on a worker. Reading errors travel with their chunk, so each chunk comes back in input order."""
    return [process_item(item, judging) for item in items]


def _on_cluster(client, items: Iterator[RawDocument | ReadError | Skipped], chunk: int, in_flight: int,
                judging: Judging) -> Iterator[ProcessedDocument | ReadError | Skipped]:
    """Processed documents in input order.  Results are taken in the order the chunks were sent,
    not as they finish: the store then sees the same sequence as a local ingest, so which of two
    copies is the original, and which id gets a suffix, come out the same on any number of workers.
    The next chunk goes out before a finished one is written, so the workers run while this process
    writes; a slow chunk at the head holds back at most ``in_flight`` finished ones."""
    shared = client.scatter(judging, broadcast=True)  # the catalog goes to each worker once, not with every chunk
    chunks = iter(lambda: list(itertools.islice(items, chunk)), [])
    pending = deque(client.submit(process_chunk, c, shared, pure=False) for c in itertools.islice(chunks, in_flight))
    while pending:
        future = pending.popleft()
        results = future.result()
        future.release()
        if (following := next(chunks, None)) is not None:
            pending.append(client.submit(process_chunk, following, shared, pure=False))
        yield from results


def ingest_on_dask(paths: Iterable[Path | str], store: Store, judging: Judging, *, scheduler: str | None = None, workers: int = 2,
                   chunk: int = CHUNK, in_flight: int | None = None, connect_timeout: float = 10.0,
                   progress: Callable[[str, int], None] | None = None) -> IngestReport:
    """Ingest ``paths`` with the pipeline running on Dask: on the scheduler at ``scheduler``
    (``tcp://host:8786``), or on a local cluster of ``workers`` processes when none is given."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineUnavailable("the Dask engine needs the 'scale' extra: pip install 'accord[scale]'") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=connect_timeout)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EngineUnavailable(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        cores = sum(client.nthreads().values()) or workers
        results = _on_cluster(client, read_paths(paths), chunk, in_flight or 2 * cores + 2, judging)
        return store_results(results, store, progress=progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
