"""Which treaty a sentence speaks of: the flagship by default, a comparator when the text names it."""

from __future__ import annotations

import re
from typing import Callable

from accord.press.claims.gate import admits, fold

from accord.press.claims.names import CUES, DEFAULT, OTHER

__all__ = ["CUES", "DEFAULT", "OTHER", "DEFENCE_COMPARATORS", "mentions", "resolve"]
DEFENCE_COMPARATORS = {"rus-prk-2024", "rus-blr-2024", "nato-1949", "csto-1992", "sau-pak-2025"}


def mentions(sentence: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, str]]:
    """(offset, treaty id) of every treaty cue in the sentence.  ``may_match`` rules out cues that
    cannot match (a ``gate`` test on this sentence); by default each cue's own gate."""
    if may_match is None:
        folded = fold(sentence)
        may_match = lambda rx: admits(rx, folded)  # noqa: E731 - a one-line default
    return sorted((m.start(), tid) for tid, rx in CUES if may_match(rx) for m in rx.finditer(sentence))


def resolve(sentence: str, offset: int, fallback: str = DEFAULT, reach: int = 90,
            cues: list[tuple[int, str]] | None = None) -> str:
    """The treaty whose cue is nearest to ``offset`` within ``reach`` characters; else ``fallback``.
    ``cues`` are the sentence's :func:`mentions`, when already known."""
    best, best_distance = fallback, reach + 1
    for pos, tid in mentions(sentence) if cues is None else cues:
        distance = abs(pos - offset)
        if distance < best_distance:
            best, best_distance = tid, distance
    return best
