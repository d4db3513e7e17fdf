"""Patterns for the names the press uses — treaties, parties, people, places, parliaments — built
from the catalog's ``press_names.yaml``, in every script.  Nothing here names a treaty fact."""

from __future__ import annotations

import re

from accord.knowledge.press_names import OTHER, Names, default_press_names

DEFAULT = "rus-irn-2025"  # the flagship: claims without a named treaty are about it

__all__ = ["BODIES", "CUES", "DEFAULT", "OTHER", "PARTY_CUES", "PEOPLE", "PLACES", "pattern"]


def _spelling(spelling: str) -> str:
    """A spelling as whole words; a trailing ``*`` lets the last word take any ending."""
    stem = spelling.endswith("*")
    words = re.split(r"[\s-]+", spelling.rstrip("*").strip())
    body = r"[\s-]+".join(re.escape(word) for word in words)
    return rf"(?<!\w){body}" + (r"\w*" if stem else r"(?!\w)")


def pattern(*entries: Names) -> re.Pattern:
    """One pattern for every spelling and pattern of the entries (acronyms case-sensitive)."""
    parts = [_spelling(s) for e in entries for s in e.spellings] + [p for e in entries for p in e.patterns]
    parts = [f"(?i:{p})" for p in parts] + [_spelling(s) for e in entries for s in e.case_sensitive]
    return re.compile("|".join(parts) or "(?!)")


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
