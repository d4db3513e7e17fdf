"""Ingest coverage: read files, run the press pipeline (in a process pool if asked), store results.

One bad file or document never stops the batch: its error is reported and
recorded in the store, and the rest goes on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from accord.contract import IngestReport as IngestAnswer
from accord.contract.press import LISTED_PROBLEMS
from accord.knowledge.catalog import Catalog
from accord.press.pipeline import ProcessedDocument, process
from accord.press.read import JSONL_SUFFIXES, RawDocument, ReadError, Skipped, read_paths, walk_files
from accord.services.store import Store

CHUNK = 32
IN_FLIGHT = 2  # chunks handed to the pool at once: the workers run the next while this process stores one


@dataclass
class IngestReport:
    """Counts of what an ingest did, and the first ``LISTED_PROBLEMS`` errors, warnings and skipped files by
    name: nothing in it grows with the number of documents."""

    new: int = 0
    unchanged: int = 0
    near_duplicates: int = 0
    errors: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    verdicts: Counter = field(default_factory=Counter)
    not_analysed: Counter = field(default_factory=Counter)
    warnings: list[dict] = field(default_factory=list)
    error_count: int = 0
    skipped_count: int = 0
    warning_count: int = 0

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.near_duplicates

    def error(self, origin: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < LISTED_PROBLEMS:
            self.errors.append({"origin": origin, "message": message})

    def skip(self, origin: str, reason: str) -> None:
        self.skipped_count += 1
        if len(self.skipped) < LISTED_PROBLEMS:
            self.skipped.append({"origin": origin, "reason": reason})

    def warn(self, origin: str, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < LISTED_PROBLEMS:
            self.warnings.append({"origin": origin, "message": message})

    def answer(self, db: str) -> IngestAnswer:
        return IngestAnswer(documents=self.documents, new=self.new, unchanged=self.unchanged,
                            near_duplicates=self.near_duplicates, errors=self.errors, error_count=self.error_count,
                            skipped=self.skipped, skipped_count=self.skipped_count,
                            claims_by_verdict=dict(self.verdicts), paragraphs_not_analysed=dict(self.not_analysed),
                            warnings=self.warnings, warning_count=self.warning_count, db=db)


@dataclass(frozen=True)
class Judging:
    """What claims are judged against: the catalog, and the day undated documents speak from."""

    catalog: Catalog
    today: dt.date


def safe_process(raw: RawDocument, judging: Judging) -> ProcessedDocument | ReadError:
    try:
        return process(raw, judging.catalog, judging.today)
    except Exception as exc:  # one broken document must not stop the batch; say what broke
        return ReadError(raw.origin or raw.id, f"processing failed: {type(exc).__name__}: {exc}")


def process_item(item: RawDocument | ReadError | Skipped, judging: Judging) -> ProcessedDocument | ReadError | Skipped:
    """A read document through the pipeline; a reading error or a skipped file passes through as it is."""
    return safe_process(item, judging) if isinstance(item, RawDocument) else item


def die_with_parent(parent: int, poll_seconds: float = 0.5) -> None:
    """Worker initialiser: end this worker as soon as the ingest that started it is gone, even if it was
    killed and could not shut its pool down.  On Linux the kernel signals the worker when its parent
    (the fork server, which itself exits with the ingest) ends; everywhere, a thread polls the ingest."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the thread below does it

    def watch() -> None:
        while True:
            time.sleep(poll_seconds)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass  # the pid is alive (someone else's now, perhaps, which the fork-server signal covers)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


# A pool worker's catalog and day, sent once when the worker starts rather than with every chunk.
_worker_judging: Judging | None = None


def _start_worker(judging: Judging, parent: int) -> None:
    global _worker_judging
    die_with_parent(parent)
    _worker_judging = judging


def _process_in_worker(raw: RawDocument) -> ProcessedDocument | ReadError:
    assert _worker_judging is not None, "the pool starts its workers with _start_worker"
    return safe_process(raw, _worker_judging)


def _processed(items: Iterator[RawDocument | ReadError | Skipped], workers: int, judging: Judging) -> Iterator[ProcessedDocument | ReadError | Skipped]:
    if workers <= 1:
        yield from (process_item(item, judging) for item in items)
        return
    # Never plain fork: a parent that has already detected languages holds lingua's thread pool,
    # and a forked child that inherits its locks but not its threads waits forever.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                             initializer=_start_worker, initargs=(judging, os.getpid())) as pool:
        chunks = iter(lambda: list(itertools.islice(items, CHUNK * workers)), [])

        def submit(chunk: list[RawDocument | ReadError | Skipped]):
            raws = [c for c in chunk if isinstance(c, RawDocument)]
            return chunk, iter(pool.map(_process_in_worker, raws, chunksize=CHUNK))

        # A bounded queue: while this process stores one chunk, the workers already run the next
        # IN_FLIGHT, and reading is never further ahead than that.
        pending = deque(submit(chunk) for chunk in itertools.islice(chunks, IN_FLIGHT))
        while pending:
            chunk, done = pending.popleft()
            following = next(chunks, None)
            if following is not None:
                pending.append(submit(following))
            for item in chunk:  # keep the reading order; errors from reading pass straight through
                yield next(done) if isinstance(item, RawDocument) else item


def count_documents(paths: Iterable[Path | str], *, buffer: int = 1 << 20) -> int:
    """How many documents ``paths`` hold, for a progress total: one per text or HTML file, one per
    line of a JSONL file (newlines counted in raw buffers, without decoding or parsing)."""
    total = 0
    for file in walk_files(paths):
        if file.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with file.open("rb") as handle:
                lines, last = 0, b""
                while chunk := handle.read(buffer):
                    lines += chunk.count(b"\n")
                    last = chunk
                total += lines + (1 if last and not last.endswith(b"\n") else 0)
        except OSError:
            total += 1  # reading will report it as one error
    return total


def ingest(paths: Iterable[Path | str], store: Store, judging: Judging, *, workers: int = 1,
           progress: Callable[[str, int], None] | None = None) -> IngestReport:
    return store_results(_processed(read_paths(paths), workers, judging), store, progress=progress)


def store_results(results: Iterable[ProcessedDocument | ReadError | Skipped], store: Store, *,
                  progress: Callable[[str, int], None] | None = None) -> IngestReport:
    """Write processed documents (from any engine) to the store and record the errors.

    Documents are written in batches, one transaction each (see :class:`WriteBatch`): a batch
    is stored whole or not at all, and always as whole documents, so an interrupted ingest
    loses at most the last batch, which a re-run stores."""
    report = IngestReport()
    batch = WriteBatch()

    def flush() -> None:
        if not batch.docs:
            return
        outcomes = store.put_many(batch.docs)  # StoreUnavailable: nothing after this could be stored either
        for item, outcome in zip(batch.docs, outcomes):
            _count(report, store, item, outcome)
            if progress:
                progress(item.origin, report.documents + report.error_count)
        batch.clear()

    for item in results:
        if isinstance(item, Skipped):
            report.skip(item.origin, item.reason)
            continue
        if isinstance(item, ReadError):
            report.error(item.origin, item.message)
            store.record_error(item.origin, item.message)
            if progress:
                progress(item.origin, report.documents + report.error_count)
            continue
        if batch.add(item):
            flush()
    flush()
    return report


@dataclass
class WriteBatch:
    """Documents waiting to be written together: up to a count, a size of text, or an age, whichever
    comes first, so a slow stream still commits about every second."""

    max_documents: int = 64
    max_bytes: int = 4 << 20
    max_seconds: float = 1.0
    docs: list[ProcessedDocument] = field(default_factory=list)
    size: int = 0
    started: float = 0.0

    def add(self, doc: ProcessedDocument) -> bool:
        """Take a document; True when the batch should be written now."""
        if not self.docs:
            self.started = time.monotonic()
        self.docs.append(doc)
        self.size += len(doc.text)
        return (len(self.docs) >= self.max_documents or self.size >= self.max_bytes
                or time.monotonic() - self.started >= self.max_seconds)

    def clear(self) -> None:
        self.docs, self.size = [], 0


def _count(report: IngestReport, store: Store, item: ProcessedDocument, outcome) -> None:
    if isinstance(outcome, Exception):  # one document the store refuses must not stop the batch
        message = f"not stored: {type(outcome).__name__}: {outcome}"
        report.error(item.origin, message)
        store.record_error(item.origin, message)
        return
    if outcome.outcome == "new":
        report.new += 1
    elif outcome.outcome == "unchanged":
        report.unchanged += 1
    else:
        report.near_duplicates += 1
    for message in item.warnings:
        report.warn(item.origin, message)
    if outcome.outcome != "unchanged":
        report.verdicts.update(c.verdict for c in item.claims)
        report.not_analysed.update(item.not_analysed)
