"""Reading values out of press text: people and places (dates: ``accord.press.dates``)."""

from __future__ import annotations

import re
from typing import Callable

from accord.press.claims.gate import admits, fold
from accord.press.claims.names import PEOPLE, PLACES


def _own_gates(text: str) -> Callable[[re.Pattern], bool]:
    folded = fold(text)
    return lambda rx: admits(rx, folded)


def people(text: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, int, str]]:
    """Known people named in the text.  ``may_match`` rules out patterns that cannot match (see ``gate``)."""
    may_match = may_match or _own_gates(text)
    return [(m.start(), m.end(), name) for rx, name in PEOPLE if may_match(rx) for m in rx.finditer(text)]


def places_after_preposition(text: str, may_match: Callable[[re.Pattern], bool] | None = None,
                             before: re.Pattern | None = None) -> list[tuple[int, int, str]]:
    """Places introduced by a word for "in/at/to" ("in Moscow", "в Кремле", "im Kreml"), not places
    acting as subjects.  ``before``: the language pack's pattern ending where the place begins;
    a language without one names no place."""
    if before is None:
        return []
    may_match = may_match or _own_gates(text)
    out = []
    for rx, name in PLACES:
        if not may_match(rx):
            continue
        for m in rx.finditer(text):
            if text.startswith(("'s", "’s"), m.end()):
                continue  # "in Moscow's parliament": the place owns something, it is not where things happen
            if before.search(text[max(0, m.start() - 24): m.start()]):
                out.append((m.start(), m.end(), name))
    return out
