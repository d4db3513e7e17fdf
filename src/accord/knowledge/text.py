"""Treaty-text parser: split a whole treaty text into preamble, articles, annexes and closing.

Real copies are messy (missing spaces after full stops, Roman or Arabic
numbering, numbering that restarts in an annexed protocol, chapter headings
between articles, editorial notes in brackets).  The parser keys on article
*headings* — a line that is only "Article 5", "Article V." or "Статья 5" —
so a reference inside a sentence ("under Article 51 of the Charter") is
never taken for a new article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

HEADING = re.compile(
    r"^\s*(?:Article|ARTICLE|Art\.|Статья|СТАТЬЯ)\s+(?P<num>\d{1,3}|[IVXLCDM]{1,8})\s*\.?\s*(?P<title>[^\n]{0,80}?)\s*$"
)
# Headings that open a new part whose article numbers start again (an annexed protocol).
PART = re.compile(r"^\s*(?:(?:Secret\s+)?(?:Additional\s+)?Protocol|Annex|Appendix|Приложение|Протокол)\b[^\n]{0,80}$", re.I)
CHAPTER = re.compile(r"^\s*(?:CHAPTER|Chapter|Глава|ГЛАВА|PART|Part|Раздел)\s+[\dIVXLCDM]+\b.{0,80}$")
EDITORIAL = re.compile(r"^\s*\[[^\]]{0,300}\]\s*$")
PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\(?(\d{1,2})[.)]|\((\w)\))\s+")
CLOSING = re.compile(
    r"(?:In witness whereof|Done (?:at|in)\b|Done in duplicate|Совершено в|В удостоверение чего"
    # a signature block: "Moscow, August 23, 1939." on a line of its own
    r"|^[A-Z][\w .-]{1,30}, (?:the )?(?:\d{1,2} )?[A-Z][a-z]+ \d{1,2}?,? ?\d{4}\.?$)",
    re.I | re.M,
)


def roman_to_int(token: str) -> int:
    total, prev = 0, 0
    for ch in reversed(token.upper()):
        value = ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


@dataclass
class ParsedArticle:
    number: int
    heading: str
    part: str  # "" for the main treaty, else the annex/protocol heading
    text: str
    start: int  # offset of the heading in the source text
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class ParsedTreaty:
    preamble: str
    articles: list[ParsedArticle]
    closing: str
    parts: list[str]
    warnings: list[str]

    def main_articles(self) -> list[ParsedArticle]:
        return [a for a in self.articles if not a.part]

    def article(self, number: int, part: str = "") -> ParsedArticle | None:
        return next((a for a in self.articles if a.number == number and a.part == part), None)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else roman_to_int(token)


def _paragraphs(body: str) -> list[str]:
    """Numbered paragraphs ("1. ...") when the article has them, else blank-line blocks."""
    # numbered paragraphs may sit on consecutive lines without a blank line between them
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n(?=\s*\(?\d{1,2}[.)]\s)", body) if b.strip()]
    numbered = [b for b in blocks if PARAGRAPH_NUMBER.match(b)]
    return numbered if len(numbered) >= 2 else blocks


def _split_closing(body: str) -> tuple[str, str]:
    match = CLOSING.search(body)
    if not match:
        return body, ""
    return body[: match.start()].rstrip(), body[match.start():].strip()


def parse_treaty_text(text: str) -> ParsedTreaty:
    """Parse a whole treaty text; raises ValueError if it holds no article heading at all."""
    text = text.replace("\r\n", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    heads: list[tuple[int, int, str, str]] = []  # (line index, number, heading, part)
    part, parts, warnings = "", [], []
    for i, line in enumerate(lines):
        if PART.match(line) and not HEADING.match(line):
            part = line.strip().rstrip(".")
            parts.append(part)
            heads.append((i, -1, line.strip(), part))
            continue
        m = HEADING.match(line)
        if m and not m.group("title").endswith((",", ";")):
            heads.append((i, _number(m.group("num")), line.strip(), part))
    articles = [h for h in heads if h[1] >= 0]
    if not articles:
        raise ValueError("no article headings found (expected lines such as 'Article 1' or 'Article I.')")

    preamble = "\n".join(lines[: heads[0][0]]).strip()
    parsed: list[ParsedArticle] = []
    closing = ""
    for k, (i, number, heading, part_name) in enumerate(heads):
        if number < 0:
            continue
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body_lines = [ln for ln in lines[i + 1 : end] if not EDITORIAL.match(ln) and not CHAPTER.match(ln)]
        body = "\n".join(body_lines).strip()
        if k + 1 == len(heads) or (k + 1 < len(heads) and heads[k + 1][1] < 0):
            body, tail = _split_closing(body)
            closing = "\n\n".join(x for x in (closing, tail) if x)
        parsed.append(ParsedArticle(number, heading, part_name, body, offsets[i], _paragraphs(body)))

    by_part: dict[str, list[int]] = {}
    for art in parsed:
        by_part.setdefault(art.part, []).append(art.number)
    for name, numbers in by_part.items():
        expected = list(range(numbers[0], numbers[0] + len(numbers)))
        if numbers != expected:
            warnings.append(f"{name or 'main text'}: article numbers not consecutive: {numbers}")
        if any(not a.text for a in parsed if a.part == name):
            warnings.append(f"{name or 'main text'}: an article has no text")
    return ParsedTreaty(preamble=preamble, articles=parsed, closing=closing, parts=parts, warnings=warnings)
