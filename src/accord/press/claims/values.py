"""Reading values out of press text: dates (from a pack's date forms), people and places."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Callable

from accord.press.claims.gate import admits, fold
from accord.press.claims.names import PEOPLE, PLACES

if TYPE_CHECKING:
    from accord.press.lang import LanguagePack

PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|at|to)\s+(?:the\s+)?|(?<![А-Яа-яЁё])(?:в|во)\s+)$", re.I)
YEAR = re.compile(r"\b(20[12]\d|19[5-9]\d)\b")


def read_date(m: re.Match, default_year: int | None, lang: "LanguagePack | None" = None) -> str | None:
    """ISO date (or year-month / year, or --MM-DD when the year is not known) from a match of a
    pack's date forms (groups day_i / mon_i / year_i) or of an ISO date (group iso)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if g.get("iso"):
        return g["iso"]
    parts = {name.rsplit("_", 1)[0]: value for name, value in g.items()}
    y = int(parts["year"]) if "year" in parts else None
    if "mon" not in parts:
        return f"{y:04d}" if y is not None else None
    month = lang.month(parts["mon"]) if lang is not None else None
    if month is None:
        return None
    day = int(parts["day"]) if "day" in parts else None
    y = y if y is not None else default_year
    if y is None:  # "signed on January 17" with no year anywhere: ISO 8601's --MM-DD, not a guess
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{y:04d}-{month:02d}-{day:02d}" if day else f"{y:04d}-{month:02d}"


def _own_gates(text: str) -> Callable[[re.Pattern], bool]:
    folded = fold(text)
    return lambda rx: admits(rx, folded)


def people(text: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, int, str]]:
    """Known people named in the text.  ``may_match`` rules out patterns that cannot match (see ``gate``)."""
    may_match = may_match or _own_gates(text)
    return [(m.start(), m.end(), name) for rx, name in PEOPLE if may_match(rx) for m in rx.finditer(text)]


def places_after_preposition(text: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, int, str]]:
    """Places introduced by in/at/to/в ("in Moscow", "в Кремле"), not places acting as subjects."""
    may_match = may_match or _own_gates(text)
    out = []
    for rx, name in PLACES:
        if not may_match(rx):
            continue
        for m in rx.finditer(text):
            if text.startswith(("'s", "’s"), m.end()):
                continue  # "in Moscow's parliament": the place owns something, it is not where things happen
            if PLACE_PREPOSITION.search(text[max(0, m.start() - 12): m.start()]):
                out.append((m.start(), m.end(), name))
    return out


ATTRIBUTIVE_YEAR = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def document_year(text: str, today: int | None = None) -> int | None:
    """For dates written without a year: the latest plausible year the document mentions
    (news speaks from its own present; older years are background)."""
    limit = today or dt.date.today().year
    # "the 2001 Treaty", "a 2020 joint declaration": a year used as a name is background, not the present
    years = [int(m.group(0)) for m in YEAR.finditer(text)
             if int(m.group(0)) <= limit and not ATTRIBUTIVE_YEAR.search(text, max(0, m.start() - 5), m.start())]
    return max(years) if years else None
