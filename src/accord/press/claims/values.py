"""Reading values out of press text: numbers, dates, people and places, in English and Russian."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from accord.press.claims.gate import admits, fold

NUMBER_WORDS = {
    "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty-seven": 47, "fifty": 50,
    "пять": 5, "пяти": 5, "десять": 10, "десяти": 10, "двадцать": 20, "двадцати": 20, "двадцатилетн": 20,
    "тридцать": 30, "тридцати": 30, "сорок семь": 47, "сорока семи": 47,
}
NUMBER = r"(?:\d{1,3}|five|ten|twenty-five|twenty|thirty|forty-seven|fifty|пять|пяти|десять|десяти|двадцать|двадцати|тридцать|тридцати|сорок семь|сорока семи)"

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_EN_MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_RU_MONTH = r"(?P<mon>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
DATE = re.compile(
    rf"\b{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH.replace('mon', 'mon2')}(?:,?\s+(?P<year2>(?:19|20)\d\d))?\b"
    rf"|\b(?P<day3>\d{{1,2}})\s+{_RU_MONTH.replace('mon', 'mon3')}(?:\s+(?P<year3>(?:19|20)\d\d))?"
    rf"|\b(?:in|of|since|early|mid|late)[\s-]+{_EN_MONTH.replace('mon', 'mon4')}(?:,?\s+(?P<year4>(?:19|20)\d\d))?\b"
    rf"|(?<![А-Яа-яЁё])в\s+{_RU_MONTH.replace('mon', 'mon5')}(?:\s+(?P<year5>(?:19|20)\d\d))?"
    rf"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    rf"|\b(?:in|of|since)\s+(?P<year6>(?:19|20)\d\d)\b|(?<![А-Яа-яЁё])в\s+(?P<year7>(?:19|20)\d\d)\s+год",
    re.I,
)

PEOPLE = [
    (re.compile(r"\bPutin\b|Путин\w*", re.I), "Vladimir Putin"),
    (re.compile(r"\bPe[sz]e[sz]h?kia?y?an\b|\bPezeshkiyan\b|Пезешкиан\w*", re.I), "Masoud Pezeshkian"),
    (re.compile(r"\bKim Jong[- ]Un\b|Ким Чен Ын\w*", re.I), "Kim Jong Un"),
    (re.compile(r"\bLukashenk[oa]\b|Лукашенко", re.I), "Alexander Lukashenko"),
    (re.compile(r"\bKhatami\b|Хатами", re.I), "Mohammad Khatami"),
    (re.compile(r"\bShehbaz Sharif\b|Шахбаз\w* Шариф\w*", re.I), "Shehbaz Sharif"),
    (re.compile(r"\bMohammed bin Salman\b|\bMBS\b", re.I), "Mohammed bin Salman"),
]

PLACES = [
    (re.compile(r"Moscow|Kremlin|Москв\w*|Кремл\w*", re.I), "Moscow"),
    (re.compile(r"(?:Saint|St\.?)\s*Petersburg|Санкт-Петербург\w*|Петербург\w*", re.I), "Saint Petersburg"),
    (re.compile(r"Tehran|Тегеран\w*", re.I), "Tehran"),
    (re.compile(r"Pyongyang|Пхеньян\w*", re.I), "Pyongyang"),
    (re.compile(r"Minsk|Минск\w*", re.I), "Minsk"),
    (re.compile(r"Riyadh|Эр-Рияд\w*", re.I), "Riyadh"),
    (re.compile(r"Tashkent|Ташкент\w*", re.I), "Tashkent"),
    (re.compile(r"Washington|Вашингтон\w*", re.I), "Washington"),
]
PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|at|to)\s+(?:the\s+)?|(?<![А-Яа-яЁё])(?:в|во)\s+)$", re.I)
YEAR = re.compile(r"\b(20[12]\d|19[5-9]\d)\b")


def number(token: str) -> int | None:
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    for word, value in NUMBER_WORDS.items():
        if token.startswith(word):
            return value
    return None


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS[name]
    for stem, value in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if name.startswith(stem):
            return value
    raise ValueError(name)


def read_date(m: re.Match, default_year: int | None) -> str | None:
    """ISO date (or year-month / year, or --MM-DD when the year is not known) from a DATE match."""
    g = m.groupdict()
    if g.get("iso"):
        return g["iso"]
    for y in ("year6", "year7"):
        if g.get(y):
            return g[y]
    for mon, day, year in (("mon", "day", "year"), ("mon2", "day2", "year2"), ("mon3", "day3", "year3"), ("mon4", None, "year4"), ("mon5", None, "year5")):
        if g.get(mon):
            y = int(g[year]) if g.get(year) else default_year
            month = _month(g[mon])
            if y is None:  # "signed on January 17" with no year anywhere: ISO 8601's --MM-DD, not a guess
                return f"--{month:02d}-{int(g[day]):02d}" if day and g.get(day) else None
            if day and g.get(day):
                return f"{y:04d}-{month:02d}-{int(g[day]):02d}"
            return f"{y:04d}-{month:02d}"
    return None


def _own_gates(text: str) -> Callable[[re.Pattern], bool]:
    folded = fold(text)
    return lambda rx: admits(rx, folded)


def people(text: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, int, str]]:
    """Known people named in the text.  ``may_match`` rules out patterns that cannot match (see ``gate``)."""
    may_match = may_match or _own_gates(text)
    return [(m.start(), m.end(), name) for rx, name in PEOPLE if may_match(rx) for m in rx.finditer(text)]


def places_after_preposition(text: str, may_match: Callable[[re.Pattern], bool] | None = None) -> list[tuple[int, int, str]]:
    """Places introduced by in/at/to/в ("in Moscow", "в Кремле"), not places acting as subjects."""
    may_match = may_match or _own_gates(text)
    out = []
    for rx, name in PLACES:
        if not may_match(rx):
            continue
        for m in rx.finditer(text):
            if text.startswith(("'s", "’s"), m.end()):
                continue  # "in Moscow's parliament": the place owns something, it is not where things happen
            if PLACE_PREPOSITION.search(text[max(0, m.start() - 12): m.start()]):
                out.append((m.start(), m.end(), name))
    return out


ATTRIBUTIVE_YEAR = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def document_year(text: str, today: int | None = None) -> int | None:
    """For dates written without a year: the latest plausible year the document mentions
    (news speaks from its own present; older years are background)."""
    limit = today or dt.date.today().year
    # "the 2001 Treaty", "a 2020 joint declaration": a year used as a name is background, not the present
    years = [int(m.group(0)) for m in YEAR.finditer(text)
             if int(m.group(0)) <= limit and not ATTRIBUTIVE_YEAR.search(text, max(0, m.start() - 5), m.start())]
    return max(years) if years else None
