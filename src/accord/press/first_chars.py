"""Where a regular expression can start: a lookahead for the characters its matches can start with.

Python's engine tries a pattern at every position of the text; when the pattern opens with a
look-behind and a case-insensitive word in each of dozens of alternatives (a treaty's names in
every script, a language pack's cues), it cannot skip ahead to a likely first character, and
tries every alternative everywhere.  :func:`with_first_chars` puts a one-character lookahead in
front: the matches are the same, found in a fraction of the time.
"""

from __future__ import annotations

import re

try:  # the syntax tree of a compiled pattern: private, but stable since Python 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - a future Python without it: patterns stay as they are
    sre_parser = sre_constants = None


_EMPTY = frozenset({""})  # a piece that consumes nothing (anchors, lookarounds)


def with_first_chars(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a lookahead for the characters its matches can start with, when every
    alternative starts with a literal: the same matches, but the regular-expression engine tries
    the alternatives (dozens, for the names of a treaty in every script) only where one of those
    characters stands, not at every position.  The lookahead is case-insensitive, so it admits at
    least what each literal matches; the pattern unchanged when its first characters are unknown."""
    if sre_parser is None or not isinstance(pattern.pattern, str):
        return pattern
    try:
        first = _first(sre_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - an unexpected tree shape: leave the pattern as it is
        return pattern
    if first is None or first is _EMPTY or not first:
        return pattern
    chars = "".join(sorted(re.escape(ch) for ch in first))
    return re.compile(f"(?=(?i:[{chars}]))(?:{pattern.pattern})", pattern.flags)


def _first(items) -> frozenset[str] | None:
    """Characters a match of the sequence ``items`` starts with; ``_EMPTY`` when it consumes
    nothing; None when unknown."""
    c = sre_constants
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            return frozenset({chr(av)})
        if op is c.IN:
            if all(kind is c.LITERAL for kind, _ in av):
                return frozenset(chr(code) for _, code in av)
            return None
        if op is c.SUBPATTERN:
            inner = _first(av[-1].data)
        elif op is c.BRANCH:
            firsts = [_first(alternative.data) for alternative in av[1]]
            if all(f is _EMPTY for f in firsts):
                continue
            if any(f is None or f is _EMPTY for f in firsts):
                return None
            inner = frozenset().union(*firsts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            inner = _first(av[2].data)
        else:
            return None
        if inner is _EMPTY:
            continue
        return inner
    return _EMPTY

