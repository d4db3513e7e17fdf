"""Bounds on a full-text query, so that no query can hold the server: a length and a term cap
(checked before any work, so a rejected query costs nothing), and a time budget enforced
inside SQLite by a progress handler, which also stops a query whose client has gone.

The caps are generous for what people search (a phrase, a name, a few keywords) and small
enough that the FTS5 work, which grows faster than linearly with the number of terms,
stays within a few milliseconds on a large store.  Repeated words count once.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import Iterator

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
SEARCH_BUDGET_SECONDS = 2.0
# SQLite calls the handler every this many virtual-machine instructions: about every 1–10 ms,
# fine enough to stop a query on time.  Each call takes the GIL back from the server's other
# threads: at 2,000 steps a frequent word's search on a busy server made ~30 such calls, each
# waiting its turn for the GIL, and took seconds instead of milliseconds.
PROGRESS_STEPS = 20_000
# A search ranks the most recently stored this many matching paragraphs (or all, when there are fewer)
# and shows the best of them: ranking every match of a word found in most documents grew with the store
# (44 ms for "treaty" on a 20,000-document store, 2 ms with the window).  The most recent coverage is
# what a reader of the news looks for first; a rarer word or a phrase is ranked over all its matches.
RANK_WINDOW = 2_000
WORD = re.compile(r"\w+", re.U)


class QueryTooLarge(ValueError):
    """A query over the length or term cap; the message says which and what the cap is."""


class SearchInterrupted(RuntimeError):
    """A query stopped inside SQLite: over its time budget, or its client went away."""

    def __init__(self, message: str, *, cancelled: bool):
        super().__init__(message)
        self.cancelled = cancelled


def query_terms(query: str, *, max_chars: int = MAX_QUERY_CHARS, max_terms: int = MAX_QUERY_TERMS) -> list[str]:
    """The query's distinct lower-cased words in order, or QueryTooLarge past a cap."""
    if len(query) > max_chars:
        raise QueryTooLarge(f"the query is {len(query)} characters long; the limit is {max_chars}")
    terms = list(dict.fromkeys(w.lower() for w in WORD.findall(query)))
    if len(terms) > max_terms:
        raise QueryTooLarge(f"the query has {len(terms)} different words; the limit is {max_terms}")
    return terms


@contextmanager
def time_budget(db: sqlite3.Connection, seconds: float = SEARCH_BUDGET_SECONDS,
                cancel: threading.Event | None = None) -> Iterator[None]:
    """Run the block's statements on ``db`` for at most ``seconds``, or until ``cancel`` is set:
    SQLite then interrupts the running statement and SearchInterrupted says why."""
    deadline = time.monotonic() + seconds
    stopped: list[bool] = []

    def progress() -> int:
        if cancel is not None and cancel.is_set():
            stopped.append(True)
            return 1
        if time.monotonic() > deadline:
            stopped.append(False)
            return 1
        return 0

    db.set_progress_handler(progress, PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if not stopped:
            raise
        if stopped[0]:
            raise SearchInterrupted("the search was cancelled: the client went away", cancelled=True) from exc
        raise SearchInterrupted(f"the search took longer than its budget of {seconds:g} s; "
                                "try fewer or more specific words", cancelled=False) from exc
    finally:
        db.set_progress_handler(None, 0)
