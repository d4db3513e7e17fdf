"""Patterns for the names the press uses — treaties, parties, people, places, parliaments — built
from the catalog's ``press_names.yaml``, in every script.  Nothing here names a treaty fact."""

from __future__ import annotations

import re

from accord.knowledge.press_names import OTHER, Names, default_press_names
from accord.press.first_chars import with_first_chars
from accord.press.script import fold

DEFAULT = "rus-irn-2025"  # the flagship: claims without a named treaty are about it

__all__ = ["BODIES", "CUES", "DEFAULT", "OTHER", "PARTY_CUES", "PEOPLE", "PLACES", "pattern"]


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
# Arabic writes its conjunctions and prepositions on the word: وبوتين, لروسيا, بموسكو, والكرملين.
# The match starts at the name itself, so that a preposition written on it ("بموسكو") still reads as one.
PROCLITIC_START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل])|(?<=(?<!\w)[وف][بل]))"


def _spelling(spelling: str) -> str:
    """A spelling as whole words; a trailing ``*`` lets the last word take any ending.  Spellings in
    Arabic script are folded (``accord.press.script``), as the Arabic and Persian text they are
    matched against is, and may carry Arabic's one-letter proclitics."""
    stem = spelling.endswith("*")
    arabic = ARABIC_SCRIPT.search(spelling) is not None
    if arabic:
        spelling = fold(spelling)
    words = re.split(r"[\s-]+", spelling.rstrip("*").strip())
    body = r"[\s-]+".join(re.escape(word) for word in words)
    return (PROCLITIC_START if arabic else r"(?<!\w)") + body + (r"\w*" if stem else r"(?!\w)")


def pattern(*entries: Names) -> re.Pattern:
    """One pattern for every spelling and pattern of the entries (acronyms case-sensitive)."""
    patterns = [fold(p) if ARABIC_SCRIPT.search(p) else p for e in entries for p in e.patterns]
    parts = [_spelling(s) for e in entries for s in e.spellings] + patterns
    parts = [f"(?i:{p})" for p in parts] + [_spelling(s) for e in entries for s in e.case_sensitive]
    return with_first_chars(re.compile("|".join(parts) or "(?!)"))


def _build():
    names = default_press_names()
    cues = [(tid, pattern(entry)) for tid, entry in names.treaties.items()]
    people = [(pattern(p), p.name) for p in names.people]
    places = [(pattern(p), p.name) for p in names.places]
    # in file order: the first body named near a ratification is its body
    bodies = [(pattern(body), body.name, body.party) for body in names.bodies]
    party_cues = {
        code: pattern(entry, *(e for e in (*names.people, *names.places, *names.bodies) if e.party == code))
        for code, entry in names.parties.items()
    }
    return cues, people, places, bodies, party_cues


CUES, PEOPLE, PLACES, BODIES, PARTY_CUES = _build()
