"""Treaty-text parser: a whole treaty text -> title, preamble, articles, paragraphs, annexed instruments.

Real copies are messy (missing spaces after full stops, Roman, Arabic-Indic or
spelled-out numbering, numbering that restarts in an annexed protocol, chapter
headings between articles, editorial notes in brackets).  The parser keys on
article *headings*: a line that opens with an article word of some language
("Article", "Статья", "Artículo", "ماده" … from ``data/text/structure.yaml``)
and a number, followed by nothing, by a separator and a title, or by a
capitalised title.  A cross-reference that merely starts a line ("Article 4 of
this Treaty shall …") continues in lower case and is never taken for a heading.

Every piece keeps its character span in the normalised text, so codings and
pages can cite the text to the character.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

import yaml

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Arabic-Indic and Persian digits read as their ASCII values (one character each, so spans keep).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"


class TextError(ValueError):
    """A text that cannot be parsed as a treaty; the message says why."""


class MixedLanguageError(TextError):
    """Article headings in more than one language: a multilingual copy, to be split first."""


def roman_to_int(token: str) -> int:
    total, prev = 0, 0
    for ch in reversed(token.upper()):
        value = ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


@functools.cache
def structure_data() -> dict:
    path = resources.files("accord.knowledge") / "data" / "text" / "structure.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _alternation(words) -> str:
    # Longest first, so "Secret Additional Protocol" wins over "Protocol"; a word ending in a
    # letter must end there ("Articles" is not "Article").
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(body if w.endswith(".") else body + r"(?!\w)")
    return "|".join(parts)


@dataclass(frozen=True)
class _Patterns:
    heading: re.Pattern
    word_langs: dict[str, set[str]]
    numbers: dict[str, int]
    part: re.Pattern
    part_kinds: dict[str, str]
    division: re.Pattern
    closing: re.Pattern


@functools.cache
def patterns() -> _Patterns:
    data = structure_data()
    word_langs: dict[str, set[str]] = {}
    for lang, words in data["article"].items():
        for w in words:
            word_langs.setdefault(w.casefold(), set()).add(lang)
    numbers = {w.casefold(): n for table in data["numbers"].values() for w, n in table.items()}
    number_alt = "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True))
    heading = re.compile(
        rf"^[ \t]*(?P<word>{_alternation(w for ws in data['article'].values() for w in ws)})[ \t]*(?:№[ \t]*)?"
        rf"(?P<num>{DIGIT}{{1,3}}|[IVXLCDM]{{1,7}}(?![\w])|(?:{number_alt})(?!\w))"
        r"(?P<suffix>°|º|\.º|\.°|er|ère|re|-я|-ая)?"
        r"[ \t]*(?P<sep>[.:)\-–—])?[ \t]*(?P<rest>[^\n]*?)[ \t]*$",
        re.IGNORECASE,
    )
    part_kinds = {w.casefold(): kind for kind, langs in data["part"].items() for ws in langs.values() for w in ws}
    part = re.compile(rf"^[ \t]*(?P<word>{_alternation(part_kinds)})(?P<rest>[^\n]{{0,100}})$", re.IGNORECASE)
    division = re.compile(
        rf"^[ \t]*(?:{_alternation(w for ws in data['division'].values() for w in ws)})[ \t]+"
        rf"(?:{DIGIT}{{1,3}}|[IVXLCDM]{{1,7}}|{number_alt})\b[^\n]{{0,80}}$",
        re.IGNORECASE,
    )
    cues = _alternation(c for cs in data["closing"].values() for c in cs)
    closing = re.compile(rf"(?:^|(?<=[.!?])|(?<=\n))[ \t]*(?={cues})", re.IGNORECASE | re.MULTILINE)
    return _Patterns(heading, word_langs, numbers, part, part_kinds, division, closing)


EDITORIAL = re.compile(r"^\s*\[[^\]\n]{0,400}\]\s*$")
# A place-and-date line that ends a text ("Moscow, August 23, 1939.", "Москва, 17 января 2025 года").
DATE_LINE = re.compile(r"^[ \t]*[^\W\d][^\n,]{1,40},[ \t]+[^\n]{0,30}\b\d{4}\b[^\n]{0,12}$")
PARAGRAPH_NUMBER = re.compile(rf"^[ \t]*(?:\((?P<a>{DIGIT}{{1,3}})\)|(?P<b>{DIGIT}{{1,3}})[.)](?!\d))[ \t]*")
ITEM_LABEL = re.compile(
    r"^[ \t]*(?:\((?P<a>[ivxlc]{1,6}|[a-zа-я]|[\u0621-\u064a])\)|(?P<b>[ivxlc]{1,6}|[a-zа-я]|[\u0621-\u064a])\)|(?P<c>[-–—•·])[ \t])[ \t]*"
)


def _number(token: str, numbers: dict[str, int]) -> int:
    token = token.translate(DIGITS)
    if token.isdigit():
        return int(token)
    if token.casefold() in numbers:
        return numbers[token.casefold()]
    return roman_to_int(token)


@dataclass
class Item:
    label: str
    start: int
    end: int


@dataclass
class Paragraph:
    number: str  # the printed number, or the position ("1", "2" …) when the article does not number them
    numbered: bool
    start: int
    end: int
    text: str
    items: list[Item] = field(default_factory=list)


@dataclass
class ParsedArticle:
    number: int
    heading: str
    part: str  # "" for the main treaty, else the annexed instrument's heading
    text: str
    start: int  # offset of the heading in the text
    end: int = 0
    title: str | None = None
    language: str | None = None  # the language(s) the heading word belongs to, when one
    paragraphs: list[Paragraph] = field(default_factory=list)
    body_start: int = 0

    @property
    def label(self) -> str:
        return self.heading


@dataclass
class Instrument:
    kind: str  # "treaty", "protocol", "annex"
    title: str
    start: int
    end: int
    articles: list[ParsedArticle] = field(default_factory=list)
    closing: str = ""
    closing_start: int | None = None


@dataclass
class ParsedTreaty:
    text: str  # the normalised text every offset points into
    title: str | None
    preamble: str
    instruments: list[Instrument]
    warnings: list[str]
    heading_languages: list[str] = field(default_factory=list)
    divisions: list[str] = field(default_factory=list)
    preamble_span: tuple[int, int] = (0, 0)

    @property
    def articles(self) -> list[ParsedArticle]:
        return [a for ins in self.instruments for a in ins.articles]

    @property
    def parts(self) -> list[str]:
        return [ins.title for ins in self.instruments[1:]]

    @property
    def closing(self) -> str:
        return "\n\n".join(ins.closing for ins in self.instruments if ins.closing)

    def main_articles(self) -> list[ParsedArticle]:
        return self.instruments[0].articles

    def article(self, number: int, part: str = "") -> ParsedArticle | None:
        return next((a for a in self.articles if a.number == number and a.part == part), None)


def normalise(text: str) -> str:
    """Line ends and no-break spaces made plain; a byte-order mark dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")


def _heading(line: str) -> re.Match | None:
    """The heading match if ``line`` is an article heading, else None (a cross-reference is not one)."""
    m = patterns().heading.match(line)
    if not m:
        return None
    rest, sep = m.group("rest"), m.group("sep")
    if not rest:
        return m
    first = rest[0]
    if rest.endswith((",", ";")):
        return None
    if sep:
        return m if not first.islower() else None
    # no separator: only a capitalised short title may follow ("Article 5 Collective defence")
    return m if first.isupper() and len(rest) <= 100 and not rest.endswith(".") else None


def _part(line: str) -> re.Match | None:
    m = patterns().part.match(line)
    if not m:
        return None
    stripped = line.strip()
    rest = m.group("rest").strip()
    if not stripped[0].isupper() and stripped[0].isalpha() and stripped[0].lower() != stripped[0].upper():
        return None  # a sentence that happens to begin with "protocol"
    if rest.endswith((",", ";")) or (rest[:1].islower() and len(rest.split()) > 6):
        return None
    if rest.endswith(".") and len(rest.split()) > 6:
        return None  # a sentence about an annex ("Annex I to this Treaty lists the …"), not its heading
    return m


def _continues_sentence(previous: str) -> bool:
    """A long line that stops mid-sentence: the next line is its continuation in a hard-wrapped copy
    ("… in accordance with" / "Article 5. …"), never a heading."""
    s = previous.rstrip()
    return len(s) > 50 and (s[-1].islower() or s[-1] == ",")


def _is_title_line(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 100 and not s.endswith((".", ",", ";", ":")) and not PARAGRAPH_NUMBER.match(s) and not ITEM_LABEL.match(s)


@dataclass
class _Line:
    start: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, raw))
        pos += len(raw) + 1
    return out


def _blocks(text: str, lines: list[_Line], skip: set[int]) -> list[tuple[int, int]]:
    """Spans of text blocks: runs of lines split at blank lines, skipped lines and numbered starts."""
    blocks: list[tuple[int, int]] = []
    cur: list[_Line] = []

    def flush():
        if cur:
            blocks.append((cur[0].start + len(cur[0].text) - len(cur[0].text.lstrip()), cur[-1].start + len(cur[-1].text.rstrip())))
            cur.clear()

    for idx, ln in enumerate(lines):
        if idx in skip or not ln.text.strip():
            flush()
            continue
        if cur and (PARAGRAPH_NUMBER.match(ln.text) or ITEM_LABEL.match(ln.text)):
            flush()
        cur.append(ln)
    flush()
    return blocks


def _paragraphs(text: str, blocks: list[tuple[int, int]], where: str, warnings: list[str]) -> list[Paragraph]:
    numbered = [b for b in blocks if PARAGRAPH_NUMBER.match(text[b[0]:b[1]])]
    paras: list[Paragraph] = []
    if len(numbered) >= 1 and (len(numbered) >= 2 or numbered[0] == blocks[0]):
        current: Paragraph | None = None
        for s, e in blocks:
            m = PARAGRAPH_NUMBER.match(text[s:e])
            if m:
                num = (m.group("a") or m.group("b")).translate(DIGITS)
                current = Paragraph(num, True, s, e, "")
                paras.append(current)
            elif current is None:
                # a chapeau before the first numbered paragraph is a paragraph of its own
                current = Paragraph("0", False, s, e, "")
                paras.append(current)
            else:
                item = ITEM_LABEL.match(text[s:e])
                if item:
                    current.items.append(Item((item.group("a") or item.group("b") or item.group("c")), s, e))
                current.end = e
        values = [int(p.number) for p in paras if p.numbered]
        _check_sequence(values, f"{where}, paragraphs", warnings)
    else:
        current = None
        for s, e in blocks:
            item = ITEM_LABEL.match(text[s:e])
            if item and current is not None:
                current.items.append(Item((item.group("a") or item.group("b") or item.group("c")), s, e))
                current.end = e
                continue
            current = Paragraph(str(len(paras) + 1), False, s, e, "")
            paras.append(current)
    for p in paras:
        p.text = text[p.start:p.end]
    return paras


def _check_sequence(numbers: list[int], where: str, warnings: list[str]) -> None:
    """Warnings that name duplicated, skipped and out-of-order numbers."""
    if not numbers:
        return
    for n, count in Counter(numbers).items():
        if count > 1:
            warnings.append(f"{where}: number {n} appears {count} times")
    prev = numbers[0]
    for n in numbers[1:]:
        if n < prev:
            warnings.append(f"{where}: {n} comes after {prev} (out of order)")
        elif n > prev + 1:
            missing = list(range(prev + 1, n))
            shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
            warnings.append(f"{where}: {shown} missing between {prev} and {n}")
        prev = max(prev, n)


def _heading_languages(matches: list[re.Match], warnings: list[str]) -> tuple[list[str], set[int]]:
    """The languages the article words agree on; raises when two languages each head several articles."""
    pats = patterns()
    sets = [frozenset(pats.word_langs[m.group("word").casefold().replace("  ", " ")] if m.group("word").casefold() in pats.word_langs else set()) for m in matches]
    counts = Counter(sets)
    common = frozenset.intersection(*sets) if sets else frozenset()
    if common or not sets:
        return sorted(common), set()
    # Group headings by compatible language sets; the largest group is the text's own.
    groups: dict[frozenset, list[int]] = {}
    for i, s in enumerate(sets):
        key = next((k for k in groups if k & s), s)
        groups.setdefault(key, []).append(i)
    ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    main_langs, main_idx = ranked[0]
    others = ranked[1:]
    words = {k: sorted({matches[i].group("word") for i in idx}) for k, idx in groups.items()}
    if any(len(idx) >= 2 for _, idx in others):
        described = "; ".join(f"{'/'.join(words[k])} ×{len(idx)} ({', '.join(sorted(k)) or '?'})" for k, idx in ranked)
        raise MixedLanguageError(
            f"article headings in more than one language ({described}): import each language's text separately with --lang"
        )
    stray = {i for _, idx in others for i in idx}
    for i in sorted(stray):
        warnings.append(f"heading '{matches[i].group(0).strip()}' is in another language than the others; read as text")
    del counts
    return sorted(main_langs), stray


def parse_treaty_text(text: str) -> ParsedTreaty:
    """Parse a whole treaty text; raises :class:`TextError` if it holds no article heading at all."""
    text = normalise(text)
    lines = _lines(text)
    pats = patterns()
    warnings: list[str] = []

    heading_at: dict[int, re.Match] = {}
    for i, ln in enumerate(lines):
        m = _heading(ln.text)
        if m and not (i and _continues_sentence(lines[i - 1].text)):
            heading_at[i] = m
    if not heading_at:
        raise TextError("no article headings found (expected lines such as 'Article 1', 'Art. V', 'Статья 1' or 'Artículo 1°')")
    order = sorted(heading_at)
    languages, stray = _heading_languages([heading_at[i] for i in order], warnings)
    for k in stray:
        del heading_at[order[k]]
    order = sorted(heading_at)

    # Division headings (a chapter and its title line) and editorial notes are not treaty text.
    skip: set[int] = set()
    divisions: list[str] = []
    for i, ln in enumerate(lines):
        if i in heading_at:
            continue
        if EDITORIAL.match(ln.text):
            skip.add(i)
        elif pats.division.match(ln.text):
            skip.add(i)
            title = [ln.text.strip()]
            j = i + 1
            while j < len(lines) and not lines[j].text.strip():
                j += 1
            if j < len(lines) and j not in heading_at and _is_title_line(lines[j].text) and len(lines[j].text.strip()) <= 80:
                skip.add(j)
                title.append(lines[j].text.strip())
            divisions.append(" — ".join(title))

    # Annexed instruments open at a protocol/annex heading placed after the first article.
    first_article = order[0]
    part_at: dict[int, re.Match] = {}
    for i, ln in enumerate(lines):
        if i > first_article and i not in heading_at and i not in skip:
            m = _part(ln.text)
            if m:
                part_at[i] = m

    # Title and preamble: everything before the first article heading.
    pre_lines = [ln for ln in lines[:first_article] if ln.text.strip()]
    title = None
    pre_start = pre_lines[0].start if pre_lines else 0
    if len(pre_lines) >= 2 and _is_title_line(pre_lines[0].text) or (pre_lines and pre_lines[0].text.strip().isupper() and len(pre_lines) >= 2):
        title = pre_lines[0].text.strip()
        pre_start = pre_lines[1].start
    pre_end = lines[first_article].start
    preamble = text[pre_start:pre_end].strip()

    instruments = [Instrument("treaty", title or "", 0, len(text))]
    boundaries = sorted(set(order) | set(part_at))
    for k, i in enumerate(boundaries):
        end_line = boundaries[k + 1] if k + 1 < len(boundaries) else len(lines)
        if i in part_at:
            m = part_at[i]
            instruments[-1].end = lines[i].start
            instruments.append(Instrument(pats.part_kinds[re.sub(r"\s+", " ", m.group("word")).casefold()], lines[i].text.strip().rstrip("."), lines[i].start, len(text)))
            continue
        m = heading_at[i]
        ins = instruments[-1]
        number = _number(m.group("num"), pats.numbers)
        heading_line = lines[i].text.strip()
        rest = m.group("rest")
        body_first = i + 1
        art_title = None
        inline_body = None
        if rest:
            if m.group("sep") == "." and (len(rest) > 80 or rest.endswith((".", ";", ":"))) and len(rest.split()) > 6:
                inline_body = lines[i].start + m.start("rest")  # "Article 1. The Parties undertake …" on one line
                heading_line = lines[i].text[: m.start("rest")].strip()
            else:
                art_title = rest
        else:
            # a title on the line after the heading ("Article 5" / "Collective defence")
            j = i + 1
            while j < end_line and not lines[j].text.strip():
                j += 1
            later = any(lines[x].text.strip() for x in range(j + 1, end_line) if x not in skip)
            if j < end_line and j not in skip and _is_title_line(lines[j].text) and later and len(lines[j].text.strip()) <= 80:
                art_title = lines[j].text.strip()
                body_first = j + 1
        body_lines = list(range(body_first, end_line))
        sub = [lines[x] for x in body_lines]
        sub_skip = {n for n, x in enumerate(body_lines) if x in skip}
        if inline_body is not None:
            sub = [_Line(inline_body, text[inline_body: lines[i].start + len(lines[i].text)])] + sub
            sub_skip = {n + 1 for n in sub_skip}
        blocks = _blocks(text, sub, sub_skip)
        last_of_instrument = k + 1 == len(boundaries) or boundaries[k + 1] in part_at
        if last_of_instrument and blocks:
            blocks, closing_start = _split_closing(text, blocks)
            if closing_start is not None:
                ins.closing_start = closing_start
                ins.closing = text[closing_start: blocks_end(text, lines, end_line)].strip()
        where = f"{ins.title + ', ' if ins.kind != 'treaty' else ''}Art. {number}"
        paragraphs = _paragraphs(text, blocks, where, warnings) if blocks else []
        start_body = blocks[0][0] if blocks else lines[i].start + len(lines[i].text)
        end_body = blocks[-1][1] if blocks else start_body
        article = ParsedArticle(
            number=number, heading=heading_line, part="" if ins.kind == "treaty" else ins.title,
            text=text[start_body:end_body], start=lines[i].start, end=end_body, title=art_title,
            language=languages[0] if len(languages) == 1 else None, paragraphs=paragraphs, body_start=start_body,
        )
        if not paragraphs:
            warnings.append(f"{where}: the article has no text")
        ins.articles.append(article)

    for ins in instruments:
        name = "main text" if ins.kind == "treaty" else ins.title
        _check_sequence([a.number for a in ins.articles], f"{name}, articles", warnings)
    return ParsedTreaty(
        text=text, title=title, preamble=preamble, instruments=instruments, warnings=warnings,
        heading_languages=languages, divisions=divisions, preamble_span=(pre_start, pre_start + len(text[pre_start:pre_end].rstrip())),
    )


def blocks_end(text: str, lines: list[_Line], end_line: int) -> int:
    return lines[end_line].start if end_line < len(lines) else len(text)


def _split_closing(text: str, blocks: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int | None]:
    """Cut the closing formula (and the signature block) off the last article of an instrument."""
    pats = patterns()
    for n, (s, e) in enumerate(blocks):
        chunk = text[s:e]
        m = pats.closing.search(chunk)
        if m is None and DATE_LINE.match(chunk) and len(chunk) <= 70 and n > 0:
            return blocks[:n], s
        if m is None:
            continue
        cut = s + m.start()
        while cut > s and text[cut - 1] in " \t":
            cut -= 1
        if cut == s:
            return blocks[:n], s
        kept = blocks[:n] + [(s, len(text[:cut].rstrip()))]
        return kept, cut + (len(text[cut:]) - len(text[cut:].lstrip()))
    return blocks, None
