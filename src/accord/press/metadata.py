"""Publication date, outlet and author of a press document, each with where it came from.

Date, in order of trust: the ``published`` field given with the document; the page's
own metadata (HTML only, meta tags); a dateline or byline in the head of the cleaned text
("05.11.25", "January 20, 2025", "20 января 2025", "2025-01-20", "Published May 22,
2025"); the URL ("/2025/01/20/", "/20250120…", "/2025/05/").  In the text, candidates are
found by regular expression and only the candidates are given to ``dateparser.parse``
(``search_dates`` is slow and finds dates in every other word).  A date in the head counts
only on a short dateline or byline, or after a "published/updated" word: the first
sentence of an article is full of the dates of the events it reports.  Dates must be
plausible: not before 1900, not after today.

Outlet: the ``outlet`` field; the page's site name; a readable name for the URL host
(a small table of common outlets, else the registrable domain with ``www.`` and language
or mobile sub-domains stripped, Punycode decoded); a "Published in X" / "First published
by X" / "(IRNA) –" credit in the text.

Author: a byline in the head — "By NAME", "Автор: NAME", "Author: NAME", "Von NAME",
"Par NAME", "Por NAME", or "NAME, January 20, 2025" — or the page's author meta tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import dateparser

from accord.press.dates import ARABIC_SCRIPT, ARABIC_SCRIPT_LANGUAGES, GREGORIAN, available_languages, calendar_words
from accord.press.dates import reader as date_reader
from accord.press.read import RawDocument

HEAD_LINES = 8
DATELINE_MAX = 120
EARLIEST = date(1900, 1, 1)

# Arabic-Indic and Persian digits, read as ASCII for dates only.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
YEAR = r"(?:19|20)\d{2}"
DATE_CANDIDATES = re.compile(
    rf"(?P<iso>\b{YEAR}-\d{{1,2}}-\d{{1,2}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}[./]\d{{1,2}}[./](?:{YEAR}|\d{{2}})(?![\d./]))"
    rf"|(?P<words>\b\d{{1,2}}\.?(?:\s+de)?\s+(?:{MONTH_WORDS})\.?(?:\s+de)?,?\s+{YEAR}"
    rf"|\b(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR})",
    re.I,
)
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# The commonest spelled-out dates, read without dateparser (1.2 ms a call), with the month names of
# the English and Russian packs; the tests check that dateparser reads these shapes the same way.
def _month_names(lang: str, every_form: bool = False) -> dict[str, int]:
    """Gregorian month name -> number: the first form of each month in the pack, or every form."""
    names: dict[str, int] = {}
    for name, (calendar, number) in calendar_words(lang).months.items():
        if calendar == GREGORIAN and (every_form or number not in names.values()):
            names[name] = number
    return names


ENGLISH_MONTHS = _month_names("en")  # month-first dates ("January 20, 2025") are English
RUSSIAN_MONTHS = _month_names("ru")
ENGLISH_MONTH_FORMS = _month_names("en", every_form=True)
SPELLED_MONTHS = {**ENGLISH_MONTH_FORMS, **_month_names("ru", every_form=True)}
SPELLED_DATE = re.compile(r"(?:(?P<day>[0-9]{1,2}) (?P<month>[^\W\d_]+)|(?P<month2>[A-Za-z]+) (?P<day2>[0-9]{1,2}),?) (?P<year>[0-9]{4})")
PUBLISHED_WORD = re.compile(
    r"(?:published|posted|updated|publié|veröffentlicht|publicado|опубликовано|обновлено|дата публикации|^\W*date|^\W*дата)\W{0,3}$", re.I
)
# "Дата подписания 17 января 2025", "Date signed: …": the date of an event the page describes, not of the page.
EVENT_DATE_LABEL = re.compile(r"(?:дата|date)\s+(?!публикации|of publication|published|posted)\w+[^\n]{0,20}$", re.I)
URL_DAY = re.compile(rf"(?<!\d)(?P<y>{YEAR})[/_-](?P<m>\d{{1,2}})[/_-](?P<d>\d{{1,2}})(?!\d)")
URL_COMPACT = re.compile(rf"(?<![\d])(?P<y>{YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")
URL_MONTH = re.compile(rf"/(?P<y>{YEAR})/(?P<m>0?[1-9]|1[0-2])(?:/|$)")

NAME_WORD = r"(?:[A-ZА-ЯЁ][\w'’.-]*|de|van|von|der|al|el|bin|ibn|da|di|le|la)"
NAME = rf"[A-ZА-ЯЁ][\w'’.-]*(?:\s+{NAME_WORD}){{1,4}}"
BYLINE = re.compile(
    rf"^(?:by|written by|author|authors|автор|авторы|текст|von|par|por|di)\s*:?\s+(?P<name>{NAME}(?:\s+(?:and|и|&)\s+{NAME})?)"
    r"(?:\s*[,|–—-].*)?$",
    re.I,
)
NAME_DATE_BYLINE = re.compile(rf"^(?P<name>{NAME}),\s+(?:{DATE_CANDIDATES.pattern})\s*$", re.I)
NOT_NAMES = re.compile(
    r"\b(?:news|agency|press|times|media|staff|reuters|afp|tass|irna|ria|editor|редакция|the|forum|institute|center|centre"
    r"|council|ministry|university|foundation|group|club|review|journal|daily|post|tribune|service|office|desk|team)\b",
    re.I,
)

KNOWN_OUTLETS = {
    "tehrantimes.com": "Tehran Times", "irna.ir": "IRNA", "mehrnews.com": "Mehr News Agency", "tasnimnews.com": "Tasnim",
    "farsnews.ir": "Fars News", "presstv.ir": "Press TV", "iribnews.ir": "IRIB News", "isna.ir": "ISNA",
    "iranintl.com": "Iran International", "ria.ru": "RIA Novosti", "tass.ru": "TASS", "tass.com": "TASS",
    "rbc.ru": "РБК", "kommersant.ru": "Коммерсантъ", "gazeta.ru": "Газета.Ru", "iz.ru": "Известия", "lenta.ru": "Lenta.ru",
    "interfax.ru": "Интерфакс", "rg.ru": "Российская газета", "news.ru": "News.ru", "rt.com": "RT", "russiatoday.ru": "RT",
    "kremlin.ru": "Kremlin.ru", "mid.ru": "МИД России", "reuters.com": "Reuters", "apnews.com": "AP", "afp.com": "AFP",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "theguardian.com": "The Guardian", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera",
    "dw.com": "DW", "lemonde.fr": "Le Monde", "timesofisrael.com": "The Times of Israel", "middleeasteye.net": "Middle East Eye",
    "dawn.com": "Dawn", "moderndiplomacy.eu": "Modern Diplomacy", "alalam.ir": "Al-Alam", "al-vefagh.net": "Al-Vefagh",
    "onvista.de": "onvista", "skai.gr": "SKAI", "opovo.com.br": "O Povo", "uol.com.br": "UOL", "ifpnews.com": "IFP News",
}
COMMON_SUBDOMAINS = {"www", "m", "amp", "mobile", "en", "ar", "fa", "ru", "de", "fr", "es", "pt", "it", "tr", "uk", "web", "edition", "v2"}
SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "mil"}
TEXT_OUTLET = re.compile(
    r"(?:^|\n)(?:published in|first published (?:by|in)|originally published (?:by|in)|источник)\s*:?\s*[\"“«]?(?P<name>[^\"”»\n:.,]{2,60})",
    re.I,
)
DATELINE_AGENCY = re.compile(r"^[A-ZА-ЯЁ][\w/ -]{1,40},?\s+(?:\d{1,2}\s+\w+\s+)?[–—-]\s+(?P<name>[A-ZА-ЯЁ][\w .-]{1,30}?)\.\s", re.M)


@dataclass(frozen=True)
class Metadata:
    published: date | None
    outlet: str | None
    author: str | None
    date_precision: str | None = None  # "day", "month" or "year"
    date_source: str | None = None  # "field", "html", "text" or "url"
    outlet_source: str | None = None  # "field", "html", "url" or "text"


def extract_metadata(raw: RawDocument, cleaned: str, *, today: date) -> Metadata:
    """``today`` bounds plausible publication dates (a page cannot be published tomorrow)."""
    page = _html_metadata(raw) if raw.is_html else {}
    found = _date_from_field(raw.published, today)
    source = "field" if found else None
    if not found and page.get("date"):
        found, source = _date_from_field(page["date"], today), "html"
    if not found:
        found, source = _date_from_text(cleaned, today), "text"
    if not found and raw.url:
        found, source = _date_from_url(raw.url, today), "url"
    published, precision = found if found else (None, None)

    outlet, outlet_source = raw.outlet, "field"
    if not outlet and page.get("sitename"):
        outlet, outlet_source = page["sitename"], "html"
    if not outlet and (raw.url or page.get("url")):
        outlet, outlet_source = outlet_from_url(raw.url or page["url"]), "url"
    if not outlet:
        outlet, outlet_source = _outlet_from_text(cleaned), "text"

    author = _author_from_text(cleaned) or page.get("author")
    return Metadata(
        published=published,
        outlet=outlet or None,
        author=author,
        date_precision=precision,
        date_source=source if published else None,
        outlet_source=outlet_source if outlet else None,
    )


def _plausible(day: date, today: date) -> bool:
    return EARLIEST <= day <= today


def _make(year: int, month: int, day: int, today: date) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if _plausible(found, today) else None


def _date_from_field(value: str | None, today: date) -> tuple[date, str] | None:
    """An ISO date, year-month or year as given with a document."""
    if not value:
        return None
    match = re.match(rf"^\s*({YEAR})(?:-(\d{{1,2}})(?:-(\d{{1,2}}))?)?", value)
    if match:
        year, month, day = int(match.group(1)), match.group(2), match.group(3)
        found = _make(year, int(month or 1), int(day or 1), today)
        precision = "day" if day else "month" if month else "year"
        return (found, precision) if found else None
    parsed = _parse_candidate(value, today)
    return (parsed, "day") if parsed else None


def _parse_candidate(candidate: str, today: date) -> date | None:
    candidate = candidate.translate(DIGITS)
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", candidate)
    if numeric:  # day first, as in most of the world's press; month first only when it must be
        first, second, year = (int(x) for x in numeric.groups())
        year += 2000 if year < 100 and year <= today.year % 100 else 1900 if year < 100 else 0
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _make(year, month, day, today)
    iso = re.fullmatch(rf"({YEAR})-(\d{{1,2}})-(\d{{1,2}})", candidate)
    if iso:
        return _make(*(int(x) for x in iso.groups()), today)
    spelled = SPELLED_DATE.fullmatch(candidate)
    if spelled:  # "January 20, 2025", "20 January 2025", "20 января 2025": what dateparser reads them as, in microseconds
        day, month = spelled["day"] or spelled["day2"], (spelled["month"] or spelled["month2"]).lower()
        number = SPELLED_MONTHS.get(month) if spelled["month"] else ENGLISH_MONTH_FORMS.get(month)
        if number:
            return _make(int(spelled["year"]), number, int(day), today)
    parsed = dateparser.parse(candidate, settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed and _plausible(parsed.date(), today) else None


def _head_lines(cleaned: str) -> list[str]:
    lines = [line.strip() for line in cleaned.split("\n") if line.strip()]
    return lines[:HEAD_LINES]


def _date_from_text(cleaned: str, today: date) -> tuple[date, str] | None:
    previous = ""
    for line in _head_lines(cleaned):
        digits = line.translate(DIGITS)
        for match in DATE_CANDIDATES.finditer(digits):
            before = digits[: match.start()]
            on_dateline = len(line) <= DATELINE_MAX
            announced = PUBLISHED_WORD.search(before)
            if not (on_dateline or announced) or EVENT_DATE_LABEL.search(f"{previous}\n{before}"[-60:]):
                continue
            found = _parse_candidate(match.group(0), today)
            if found:
                return found, "day"
        found = _pack_dateline(line, previous, today)
        if found:
            return found, "day"
        previous = line
    return None


def _pack_dateline(line: str, previous: str, today: date) -> date | None:
    """A full date on a short dateline in any language with calendar words ("الخميس 02 أكتوبر 2025",
    "۱۹ فروردین ۱۴۰۴", "۱۴۰۳/۱۰/۲۷"): what the candidates above do not cover."""
    if len(line) > DATELINE_MAX:
        return None
    arabic = ARABIC_SCRIPT.search(line) is not None
    for lang in available_languages():
        if (lang in ARABIC_SCRIPT_LANGUAGES) != arabic:
            continue
        for found in date_reader(lang).find(line):
            if found.kind != "date" or not found.value or len(found.value) != 10:
                continue
            if EVENT_DATE_LABEL.search(f"{previous}\n{line[: found.start]}"[-60:]):
                continue
            day = date.fromisoformat(found.value)
            if _plausible(day, today):
                return day
    return None


def _date_from_url(url: str, today: date) -> tuple[date, str] | None:
    path = urlsplit(url).path
    for pattern in (URL_DAY, URL_COMPACT):
        for match in pattern.finditer(path):
            found = _make(int(match["y"]), int(match["m"]), int(match["d"]), today)
            if found:
                return found, "day"
    match = URL_MONTH.search(path)
    if match:
        found = _make(int(match["y"]), int(match["m"]), 1, today)
        if found:
            return found, "month"
    return None


def outlet_from_url(url: str) -> str | None:
    """A readable outlet name for a URL: a known outlet's name, else its registrable domain."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    if not host:
        return None
    try:
        host = host.encode("ascii").decode("idna")
    except UnicodeError:
        pass
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in COMMON_SUBDOMAINS:
        labels = labels[1:]
    domain = ".".join(labels)
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    registrable = ".".join(labels[-keep:])
    return KNOWN_OUTLETS.get(domain) or KNOWN_OUTLETS.get(registrable) or domain


def _outlet_from_text(cleaned: str) -> str | None:
    tail = cleaned[-2000:]
    match = TEXT_OUTLET.search(tail) or DATELINE_AGENCY.search(cleaned[:300])
    return match.group("name").strip() if match else None


def _author_from_text(cleaned: str) -> str | None:
    for line in _head_lines(cleaned):
        if len(line) > DATELINE_MAX:
            continue
        match = BYLINE.match(line) or NAME_DATE_BYLINE.match(line)
        if match and not NOT_NAMES.search(match.group("name")):
            return match.group("name").strip()
    return None


def _html_metadata(raw: RawDocument) -> dict[str, str]:
    """Date, site name, author and URL from the page's own meta tags (no guessing from its text)."""
    import trafilatura  # heavy; only HTML needs it

    try:
        document = trafilatura.extract_metadata(raw.text, default_url=raw.url, extensive=False)
    except Exception:  # noqa: BLE001 - a page lxml cannot parse simply has no metadata
        return {}
    if document is None:
        return {}
    found = {key: getattr(document, key, None) for key in ("date", "sitename", "author", "url")}
    return {key: value for key, value in found.items() if isinstance(value, str) and value.strip()}
