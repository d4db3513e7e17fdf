"""Sentences, clauses and negation scope, with character offsets into the text."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZА-ЯЁ0-9])|\n+")
# A clause ends at strong punctuation or a contrastive connective; negation does not cross it.
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|,\s*(?:but|while|whereas|although|unlike|however|despite|instead)\b|\s(?:but|whereas|however)\s"
    r"|,\s*(?:но|а|однако|хотя|в отличие)\b|\sно\s",
    re.I,
)
NEGATION = {
    "en": re.compile(
        r"\b(?:not|no|never|without|neither|nor|lacks?|lacking|avoids?|avoiding|excludes?|excluding|absence|free of"
        r"|rather than|instead of|stops? short|stopping short|falls? short|short of|far from|isn't|wasn't|doesn't|don't"
        r"|didn't|won't|cannot|can't|denied|denies|deny|rules? out|ruled out|devoid|omit\w*|minus)\b|n't\b",
        re.I,
    ),
    "ru": re.compile(r"(?<![А-Яа-яЁё])(?:не|нет|без|ни|отсутств\w*|исключа\w*)(?![А-Яа-яЁё])", re.I),
}


ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Art|Arts|para|vs|Gen|Lt|Col|Sen|Rep|Gov|Pres|Prof|U\.S|U\.N|U\.K|e\.g|i\.e|etc|ст|г|гг|т\.е|т\.д|им|пп|п)|\b[A-ZА-Я])\.$"
)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end]; no break after an abbreviation ("Jan. 17", "Art. 3")."""
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if "\n" not in m.group(0) and ABBREVIATION.search(text, max(pos, m.start() - 8), m.start()):
            continue
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def clause_start(sentence: str, offset: int) -> int:
    """Start (within the sentence) of the clause that contains ``offset``."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence, 0, offset):
        start = m.end()
    return start


def negated(sentence: str, offset: int, lang: str, window: int = 70) -> bool:
    """Is there a negation cue in the same clause, shortly before ``offset``?"""
    left = max(clause_start(sentence, offset), offset - window)
    return bool(NEGATION[lang].search(sentence, left, offset))
