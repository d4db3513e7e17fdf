"""Arabic-script text folded to one spelling for matching, with offsets back into the original.

The same word reaches the press in many spellings that a reader does not notice and a
pattern does: Persian ی and ک against Arabic ي/ى and ك (keyboards and fonts mix them), the
hamza forms of alef (أ إ آ ٱ → ا), teh marbuta written as heh, optional short vowels and
shadda, the tatweel that stretches a word for layout, the zero-width non-joiner inside
Persian words ("می‌کنند" is also typed "میکنند" and "می کنند"), bidi controls left by
editors, the presentation forms of old PDFs and pages (ﺑﺰﺷﻜﻴﺎﻥ is بزشكيان), and digits in
Arabic-Indic (٠–٩) or Persian (۰–۹) script.

:func:`normalise` returns a :class:`Normalised` text in which all of these are folded
(the letters to one form each, the digits to ASCII, the Arabic comma, semicolon and
question mark to their Latin twins, the invisible and decorative marks removed), together
with the mapping of every normalised offset back to the original: patterns run on the
normalised text, and the spans they find are reported in the original.  A span mapped
back covers exactly the original characters that fold to the normalised span, including a
short vowel that trails its last letter.

:func:`fold` is the same folding without offsets, for vocabularies: a pack's cue words go
through it once so that they compare with normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# Marks that a reader sees through: short vowels, tanwin, shadda, sukun, dagger alef and
# Quranic annotation marks; tatweel; joiners and bidi controls; soft hyphen, BOM, zero-width space.
_VOWELS_AND_MARKS = "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0610-\u061a"
_INVISIBLE = "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
_PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefe"
# Everything that changes length: removed, or expanded from a presentation form.
SPECIAL = re.compile(f"[{_VOWELS_AND_MARKS}{_INVISIBLE}{_PRESENTATION_FORMS}]")
# Marks that belong to the letter before them: a span ending on that letter takes them along.
TRAILING_MARK = re.compile(f"[{_VOWELS_AND_MARKS}\u0640]*")

# One character for one: the canonical form of each letter variant, ASCII digits and punctuation.
_LETTERS = {
    "ی": "ي", "ى": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",  # yeh: Persian, alef maksura, Pashto/Kurdish forms
    "ک": "ك", "ڪ": "ك",  # kaf
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",  # alef with hamza or madda, wasla
    "ة": "ه", "ۀ": "ه", "ۃ": "ه", "ھ": "ه", "ە": "ه",  # teh marbuta and heh forms
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
}
_DIGITS = {a: str(i) for i, a in enumerate("٠١٢٣٤٥٦٧٨٩")} | {p: str(i) for i, p in enumerate("۰۱۲۳۴۵۶۷۸۹")}
ONE_FOR_ONE = str.maketrans(_LETTERS | _DIGITS)
# Only texts with one of these need the translation at all.
_TRANSLATED = re.compile("[" + "".join(_LETTERS) + "".join(_DIGITS) + "]")


@lru_cache(maxsize=4096)
def _replacement(char: str) -> str:
    """What one length-changing character becomes: nothing, or its folded compatibility form."""
    if not ("\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufefe"):
        return ""
    expanded = unicodedata.normalize("NFKC", char).strip()
    return SPECIAL.sub("", expanded).translate(ONE_FOR_ONE)


@dataclass(frozen=True)
class Normalised:
    """A folded text and the way back.  ``segments`` holds, in order, (normalised start,
    original start, proportional): in a proportional segment the i-th character comes from
    the i-th original one; otherwise (an expanded presentation form) every character comes
    from the one original character at its start."""

    text: str
    original: str
    _starts: list[int] = field(default_factory=list, repr=False)
    _origins: list[int] = field(default_factory=list, repr=False)
    _proportional: list[bool] = field(default_factory=list, repr=False)

    @property
    def identity(self) -> bool:
        """True when every offset is the same in both texts."""
        return not self._starts

    def to_original(self, offset: int) -> int:
        """The original offset of the character at normalised ``offset`` (or of the text's end)."""
        if not self._starts:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        i = max(0, bisect_right(self._starts, offset) - 1)
        start, origin = self._starts[i], self._origins[i]
        return origin + (offset - start) if self._proportional[i] else origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span whose characters fold to ``text[start:end]``."""
        if not self._starts:
            return start, end
        if end <= start:
            at = self.to_original(start)
            return at, at
        first = self.to_original(start)
        last = self.to_original(end - 1) + 1
        last = TRAILING_MARK.match(self.original, last).end()
        return first, last

    def to_normalised(self, offset: int) -> int:
        """The normalised offset of original ``offset``; a removed character maps to what follows it."""
        if not self._starts or offset <= 0:
            return max(offset, 0)
        if offset >= len(self.original):
            return len(self.text)
        i = bisect_right(self._origins, offset) - 1
        if i < 0:  # inside characters removed at the very start
            return 0
        start, origin = self._starts[i], self._origins[i]
        if not self._proportional[i]:
            return start if offset == origin else self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        position = start + (offset - origin)
        following = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return min(position, following)


def normalise(text: str) -> Normalised:
    """``text`` folded for matching (see the module's docstring), with the offsets back."""
    if SPECIAL.search(text) is None:  # nothing changes length: offsets are the identity
        folded = text.translate(ONE_FOR_ONE) if _TRANSLATED.search(text) else text
        return Normalised(folded, text)
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    proportional: list[bool] = []
    size = 0  # length of the normalised text so far
    position = 0  # end of the original text consumed so far

    def segment(normalised_start: int, origin: int, linear: bool) -> None:
        if starts and starts[-1] == normalised_start:  # an empty segment before this one: replace it
            origins[-1], proportional[-1] = origin, linear
        else:
            starts.append(normalised_start)
            origins.append(origin)
            proportional.append(linear)

    segment(0, 0, True)
    for match in SPECIAL.finditer(text):
        at = match.start()
        if at > position:
            pieces.append(text[position:at])
            size += at - position
        replacement = _replacement(match.group())
        if replacement:
            segment(size, at, len(replacement) == 1)
            pieces.append(replacement)
            size += len(replacement)
        position = at + 1
        segment(size, position, True)
    pieces.append(text[position:])
    folded = "".join(pieces)
    if _TRANSLATED.search(folded):
        folded = folded.translate(ONE_FOR_ONE)
    if starts and starts[-1] >= len(folded) and len(starts) > 1:
        starts.pop(), origins.pop(), proportional.pop()  # a segment opening at the very end maps nothing
    return Normalised(folded, text, starts, origins, proportional)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` folded as :func:`normalise` folds it, without the offsets (for vocabularies)."""
    return normalise(text).text
