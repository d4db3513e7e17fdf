"""Which treaty a sentence speaks of: the flagship by default, a comparator when the text names it."""

from __future__ import annotations

import re
from typing import Callable

from accord.press.claims.gate import admits, fold

DEFAULT = "rus-irn-2025"
OTHER = "other"  # an agreement outside the catalog: claims about it are dropped

# Cues that name a treaty in the press (English and Russian). The flagship's cues let a
# nearer mention of Iran win over a comparator named further away in the same sentence.
CUES: list[tuple[str, re.Pattern]] = [
    ("rus-prk-2024", re.compile(r"North Korea\w*|\bDPRK\b|Pyongyang|Democratic People's Republic of Korea|Kim Jong[- ]Un|КНДР|Северн\w+ Коре\w+|Пхеньян\w*|Ким Чен Ын\w*", re.I)),
    ("rus-blr-2024", re.compile(r"Belarus\w*|\bMinsk\b|Lukashenk\w+|Белорус\w*|Беларус\w*|Минск\w*|Лукашенко", re.I)),
    (OTHER, re.compile(r"free[- ]trade (?:agreement|zone|deal)|Eurasian Economic Union|\bEAEU\b|\bЕАЭС\b|зон\w+ свободной торговли|Caspian Convention|Каспийск\w+ конвенци\w*", re.I)),
    ("nato-1949", re.compile(r"\bNATO\b|North Atlantic|НАТО|Североатлант\w*")),
    ("csto-1992", re.compile(r"\bCSTO\b|Collective Security Treaty|ОДКБ|Договор\w* о коллективной безопасности", re.I)),
    ("irn-chn-2021", re.compile(r"\bChin(?:a|ese)\b.{0,60}\b25[- ]year|\b25[- ]year\b.{0,60}\bChin(?:a|ese)\b|Кита\w*.{0,40}25", re.I)),
    ("jcpoa-2015", re.compile(r"\bJCPOA\b|snapback|\b2231\b|nuclear deal|СВПД|ядерн\w+ сделк\w*", re.I)),
    ("sau-pak-2025", re.compile(r"Saudi|Pakistan\w*|Саудов\w*|Пакистан\w*", re.I)),
    ("rus-irn-2001", re.compile(r"Khatami\b|Хатами|" 
        r"\b(?:in|of|from|since)\s+(?:March\s+)?2001\b|\b2001\s+(?:treaty|agreement|accord|pact)|"
        r"\b(?:previous|earlier|old|former|outdated)\s+(?:\w+\s+){0,3}(?:treaty|agreement)|2001 год\w*|прежн\w+ договор\w*|предыдущ\w+ договор\w*",
        re.I)),
    (DEFAULT, re.compile(r"\bIran\w*|Tehran|Иран\w*|Тегеран\w*|\bnew (?:treaty|agreement|pact)|нов\w+ договор\w*", re.I)),
]
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
