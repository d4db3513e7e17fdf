"""Names the press uses for treaties, parties, people, places and parliaments, in every script."""

from __future__ import annotations

import re

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
PARTY_CUES = {
    "IRN": re.compile(r"\bIran\w*|\bMajlis\b|\bGuardian Council\b|\bTehran\b|\bPezeshkian\b|Иран\w*|Меджлис\w*|Совет\w*\s+стражей|Тегеран\w*|Пезешкиан\w*", re.I),
    "RUS": re.compile(r"\bRussia\w*|\bDuma\b|\bFederation Council\b|\bPutin\b|\bKremlin\b|\bMoscow\b|Росси\w*|Госдум\w*|Государственн\w*\s+Дум\w*|Совет\w*\s+Федерации|Путин\w*|Кремл\w*|Москв\w*", re.I),
}
BODIES = [
    (re.compile(r"State Duma|\bDuma\b|lower house|Госдум\w*|Государственн\w*\s+Дум\w*", re.I), "State Duma"),
    (re.compile(r"Federation Council|upper house|Совет\w*\s+Федерации|Совфед\w*", re.I), "Federation Council"),
    (re.compile(r"Guardian Council|Совет\w*\s+стражей", re.I), "Guardian Council"),
    (re.compile(r"Majlis|parliament|lawmakers|legislat\w+|Меджлис\w*|парламент\w*", re.I), "parliament"),
    (re.compile(r"\bsigned\b.{0,40}\b(?:law|legislation)|president|подписал\w*\s+закон|президент\w*", re.I), "President"),
]
