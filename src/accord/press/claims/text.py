"""Sentences, clauses and negation scope, with character offsets into the text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accord.press.lang import LanguagePack

# A sentence starts with an upper-case letter or a digit; Arabic-script letters have no case.
# Chinese and Japanese full stops end a sentence with no space after them.
SENTENCE_END = re.compile(
    r"(?<=[.!?…؟])[\"'”»)]*\s+(?=[\"'“«(¿¡]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9\u0600-\u06ff])|(?<=[。！？])[」』”)]*\s*|\n+"
)
# Punctuation ends a clause in every language; a pack adds its contrastive connectives ("but", "но").
PUNCTUATION_BREAK = r"[;:()\[\]—–]"


@lru_cache(maxsize=None)
def _clause_break(lang: LanguagePack) -> re.Pattern:
    return re.compile("|".join([PUNCTUATION_BREAK, *(lang.expand(p) for p in lang.data.clause_breaks)]), re.I)


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern:
    """Words after which a full stop does not end a sentence, from every pack, and single capitals."""
    from accord.press.lang import analysed_languages, pack_file  # the packs load lazily, once

    # the packs' data only: compiling every language's cues to split an English sentence would
    # cost a one-sentence `accord check` more than its own language's analysis
    words = sorted({w for code in analysed_languages() for w in pack_file(code).abbreviations}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:\b(?:{alternatives})|\b[A-ZА-Я])\.$")


@lru_cache(maxsize=1)
def _ordinal_date() -> re.Pattern:
    """A day written as an ordinal number before a month name ("17. Januar"): its full stop ends nothing."""
    from accord.press.dates import available_languages, calendar_words

    months = sorted({spelling for code in available_languages() if (words := calendar_words(code)) is not None
                     for spelling, (calendar, _) in words.months.items() if calendar == "gregorian"}, key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, months)) + r")\b", re.I)


ORDINAL = re.compile(r"(?<!\d)\d{1,2}\.$")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end]; no break after an abbreviation ("Jan. 17", "Art. 3")
    or inside an ordinal date ("am 17. Januar")."""
    end = len(text) if end is None else end
    abbreviation = _abbreviation()
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if "\n" not in m.group(0) and abbreviation.search(text, max(pos, m.start() - 8), m.start()):
            continue
        if "\n" not in m.group(0) and ORDINAL.search(text, max(pos, m.start() - 4), m.start()) \
                and _ordinal_date().match(text, m.start()):
            continue
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def clause_start(sentence: str, lang: LanguagePack, offset: int) -> int:
    """Start (within the sentence) of the clause that contains ``offset``."""
    start = 0
    for m in _clause_break(lang).finditer(sentence, 0, offset):
        start = m.end()
    return start


def clause_end(sentence: str, lang: LanguagePack, offset: int) -> int:
    """End (within the sentence) of the clause that contains ``offset``."""
    found = _clause_break(lang).search(sentence, offset)
    return found.start() if found else len(sentence)


def negated(sentence: str, offset: int, lang: LanguagePack, window: int = 70, end: int | None = None) -> bool:
    """Is there a negation cue of the language in the same clause, shortly before ``offset``, or, in a
    language whose verbs come last, shortly after ``end`` (the end of the words it would negate)?"""
    left = max(clause_start(sentence, lang, offset), offset - window)
    if lang.negation is not None and lang.negation.search(sentence, left, offset):
        return True
    if end is None or lang.negation_after is None:
        return False
    return bool(lang.negation_after.search(sentence, end, min(clause_end(sentence, lang, end), end + window)))
