"""Cut a stored document's text into paragraphs and spans, marking the spans that claims cover.

Only offsets are computed here; the template prints every piece with autoescaping,
so the stored text is never trusted as markup.  Claims may overlap: the text is cut at
every claim boundary, and each piece carries all the claims that cover it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale, UnknownLocaleError

# When claims with different verdicts overlap, the piece shows the most serious one.
SEVERITY = {"contradicted": 2, "unverifiable": 1, "supported": 0}


@dataclass
class Piece:
    text: str
    claims: list[dict] = field(default_factory=list)
    first_of: list[int] = field(default_factory=list)  # claim ids that start in this piece (for anchors)

    @property
    def verdict(self) -> str | None:
        if not self.claims:
            return None
        return max((c["verdict"] for c in self.claims), key=lambda v: SEVERITY.get(v, 0))

    @property
    def tooltip(self) -> str:
        return "; ".join(
            f"{c['type']} = {c['value']!s}: {c['verdict']} ({c.get('citation') or 'no citation'})" for c in self.claims
        )


@lru_cache(maxsize=None)
def direction(lang: str | None) -> str:
    """The writing direction of a language ("rtl" for Arabic, Persian, Urdu, Hebrew …, "ltr"), from
    the Unicode CLDR data Babel ships; "auto" (the browser reads the first strong letter) when unknown."""
    if not lang:
        return "auto"
    try:
        return Locale.parse(lang).text_direction
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"


@dataclass
class Block:
    index: int | None  # the stored paragraph index; None for text between paragraphs
    lang: str | None
    pieces: list[Piece]

    @property
    def dir(self) -> str:
        return direction(self.lang)


def _usable(claim: dict, size: int) -> bool:
    start, end = claim.get("start"), claim.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def _pieces(text: str, lo: int, hi: int, claims: list[dict]) -> list[Piece]:
    inside = [c for c in claims if c["start"] < hi and c["end"] > lo]
    cuts = sorted({lo, hi, *(max(lo, c["start"]) for c in inside), *(min(hi, c["end"]) for c in inside)})
    pieces: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [c for c in inside if c["start"] < b and c["end"] > a]
        starts = [c["id"] for c in covering if c["start"] == a]
        if pieces and not covering and not pieces[-1].claims:
            pieces[-1].text += text[a:b]
        else:
            pieces.append(Piece(text[a:b], covering, starts))
    return pieces


def highlight(text: str, paragraphs: list[dict], claims: list[dict]) -> tuple[list[Block], list[dict]]:
    """(blocks to print, claims whose offsets do not fit the text and so are listed but not marked)."""
    usable = [c for c in claims if _usable(c, len(text))]
    unplaced = [c for c in claims if not _usable(c, len(text))]
    spans = sorted(((p["start"], p["end"], p["idx"], p.get("lang")) for p in paragraphs), key=lambda s: s[0])
    blocks: list[Block] = []
    pos = 0
    for start, end, idx, lang in spans or [(0, len(text), None, None)]:
        if start > pos and text[pos:start].strip():
            blocks.append(Block(None, None, _pieces(text, pos, start, usable)))  # text outside any paragraph
        if end > start:
            blocks.append(Block(idx, lang, _pieces(text, start, end, usable)))
        pos = max(pos, end)
    if pos < len(text) and text[pos:].strip():
        blocks.append(Block(None, None, _pieces(text, pos, len(text), usable)))
    return blocks, unplaced
