"""Turn a raw press document into the cleaned text everything downstream reads and stores.

``extract_main_text`` takes the article out of an HTML page (trafilatura); plain text
passes through.  ``clean_text`` then

1. normalises characters: Unicode NFC, no-break and other odd spaces to a plain space,
   zero-width and bidi control characters removed (a zero-width non-joiner inside
   Persian or Arabic words is kept: it is spelling there), line endings to ``\\n``;
2. tidies whitespace and rebuilds paragraphs as blank-line-separated blocks.  A single
   line break becomes a paragraph break unless the next line visibly continues the
   sentence (the line ends without punctuation and the next one starts in lower case),
   in which case it stays as a soft break inside the paragraph — scraped text puts one
   paragraph per line, hard-wrapped and page-broken text does not;
3. drops page furniture (``accord.press.boilerplate``);
4. redacts personal data (``accord.press.redact``) — last, on exactly what is kept, so
   nothing unredacted is ever returned, let alone stored.

Offsets of claims and paragraphs refer to this cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import trafilatura

from accord.press.boilerplate import SENTENCE_END, remove_furniture
from accord.press.read import RawDocument
from accord.press.redact import redact

# Replaced by pattern, not by str.translate: a translation table falls back to a slow
# character-by-character loop as soon as the text holds a non-ASCII letter.
ODD_SPACES = re.compile("[\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t]")
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen,
# bidi marks and embeddings, and C0/C1 controls other than the line break.
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# ZWNJ/ZWJ are spelling in Arabic-script and Indic words; elsewhere they are noise.
JOINER_OUTSIDE_WORDS = re.compile(r"(?<![\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u0900-\u0dff])[\u200c\u200d]")
SPACE_RUNS = re.compile(r" {2,}")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
NON_SPACE = re.compile(r"\S")
LIST_MARKER = re.compile(r"^(?:[•*·▪‣◦–—-]\s|\d{1,3}[.)]\s|\(\w\)\s)")


@dataclass(frozen=True)
class CleanResult:
    text: str
    removed_blocks: int = 0
    redactions: dict[str, int] = field(default_factory=dict)


def extract_main_text(raw: RawDocument) -> str:
    """The article text of an HTML page, paragraphs separated by blank lines; plain text unchanged."""
    if not raw.is_html:
        return raw.text
    text = trafilatura.extract(raw.text, url=raw.url, include_comments=False, include_tables=True, output_format="txt")
    if not text:
        # Too little for the extractor to call an article (a short fragment or a bare page):
        # take all visible text, block by block, and let clean_text drop the furniture.
        try:
            text = trafilatura.baseline(raw.text)[1]
        except Exception:  # noqa: BLE001 - lxml rejects some inputs outright; fall through to tag stripping
            text = ""
        if not text:
            text = re.sub(r"<[^>]+>", "\n", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw.text))
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def normalise_characters(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = LINE_BREAKS.sub("\n", text)
    text = INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:  # the pattern opens with a look-behind: tried at every position
        text = JOINER_OUTSIDE_WORDS.sub("", text)
    return ODD_SPACES.sub(" ", text)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` (a hard wrap, not a new paragraph)."""
    if not previous or not line or previous.endswith(tuple(SENTENCE_END)) or LIST_MARKER.match(line):
        return False
    if previous.endswith((",", "-", "‐", "–")):
        return True
    return line[0].islower()


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of normalised text: each a list of its lines joined by single line breaks."""
    paragraphs: list[list[str]] = []
    blank_before = True
    for raw_line in text.split("\n"):
        line = SPACE_RUNS.sub(" ", raw_line.strip())
        if not line:
            blank_before = True
            continue
        last = paragraphs[-1][-1] if paragraphs else ""
        # across a blank line only a long line may continue (a page break mid-sentence, not a heading)
        if paragraphs and _continues(last, line) and (not blank_before or len(last) >= 40):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
        blank_before = False
    return ["\n".join(lines) for lines in paragraphs]


def clean_text(text: str) -> CleanResult:
    """Normalise, re-paragraph, drop furniture and redact personal data (see the module docstring)."""
    paragraphs = paragraphs_of(normalise_characters(text))
    kept, removed = remove_furniture(paragraphs)
    cleaned, redactions = redact("\n\n".join(kept))
    return CleanResult(text=cleaned, removed_blocks=removed, redactions=redactions)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the paragraphs (blank-line-separated blocks) of a text.

    A paragraph runs from a non-space character to the last non-space character before the
    first blank line (a line break, spaces or tabs, a line break) after it, or before the end
    of the text — except that a paragraph of one character runs on to the next blank line,
    as the lazy pattern that first defined these spans (kept in the tests) has it.  Found by
    jumping from blank line to blank line, at a tenth of that pattern's cost.
    """
    spans = []
    start = _next_non_space(text, 0)
    while start < len(text):
        end, blank = None, BLANK_LINE.search(text, start)
        while blank is not None:
            end = blank.start()
            while text[end - 1].isspace():  # back to where the whitespace around the blank line begins
                end -= 1
            if end > start + 1:
                break
            end, blank = None, BLANK_LINE.search(text, blank.end())
        if end is None:
            end = len(text.rstrip())
        spans.append((start, end))
        start = _next_non_space(text, end)
    return spans


def _next_non_space(text: str, position: int) -> int:
    found = NON_SPACE.search(text, position)
    return found.start() if found else len(text)
