"""Reading values out of press text: numbers, people and places, in English and Russian (dates: accord.press.dates)."""

from __future__ import annotations

import re
from typing import Callable

from accord.press.claims.gate import admits, fold

NUMBER_WORDS = {
    "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty-seven": 47, "fifty": 50,
    "пять": 5, "пяти": 5, "десять": 10, "десяти": 10, "двадцать": 20, "двадцати": 20, "двадцатилетн": 20,
    "тридцать": 30, "тридцати": 30, "сорок семь": 47, "сорока семи": 47,
}
NUMBER = r"(?:\d{1,3}|five|ten|twenty-five|twenty|thirty|forty-seven|fifty|пять|пяти|десять|десяти|двадцать|двадцати|тридцать|тридцати|сорок семь|сорока семи)"

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


def number(token: str) -> int | None:
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    for word, value in NUMBER_WORDS.items():
        if token.startswith(word):
            return value
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
