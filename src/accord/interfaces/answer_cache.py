"""A bounded cache of pure answers: the checks of a text and the scenarios.

Checking a text and running a scenario read nothing but their inputs, the catalog and the day
the server takes as today, so the same request on the same catalog and day has the same answer.
A key is the request's own values plus the catalog's content version and that day: a catalog
change (a restart with imported treaties) or a new day gives new keys, never a stale answer.
Under load most requests repeat (the same claim pasted by many readers, the same scenario
linked from an article), and a repeated one then costs a dictionary look-up instead of the
claim extractor or the scenario engine.

Answers are kept as the handlers return them (answer models, which nothing mutates after they
are built); errors are not kept, so a bad request is judged afresh each time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")

DEFAULT_ENTRIES = 2048


class AnswerCache:
    """A thread-safe least-recently-used map from request keys to answers, at most ``entries`` long
    and, when ``max_bytes`` is given, at most that many bytes of answers (each answer's ``len``; one
    over a quarter of it is returned but not kept)."""

    def __init__(self, entries: int = DEFAULT_ENTRIES, max_bytes: int | None = None):
        self.entries = entries
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self._bytes = 0
        self.hits = self.misses = 0

    def _weight(self, answer: object) -> int:
        return len(answer) if self.max_bytes is not None else 0  # type: ignore[arg-type]

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]  # type: ignore[return-value]
            self.misses += 1
        answer = compute()  # outside the lock: two threads may compute one key, and both get the same answer
        weight = self._weight(answer)
        if self.max_bytes is not None and weight > self.max_bytes // 4:
            return answer
        with self._lock:
            if key in self._answers:
                self._bytes -= self._weight(self._answers[key])
            self._answers[key] = answer
            self._bytes += weight
            self._answers.move_to_end(key)
            while len(self._answers) > self.entries or (self.max_bytes is not None and self._bytes > self.max_bytes):
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= self._weight(dropped)
        return answer

    def __len__(self) -> int:
        return len(self._answers)
