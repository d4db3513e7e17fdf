"""Dates in press text, in every language with a pack, in the Gregorian, Solar Hijri and Hijri calendars.

The calendar words of a language — month names per calendar, weekdays, the words that
introduce a month, a weekday or a year alone, "last"/"next" — are data, in the
``calendar.yaml`` of its language pack (``accord/press/lang/<code>/``).  From them
:class:`DateReader` builds a few patterns and reads, with character spans:

* full dates: "17 January 2025", "January 17, 2025", "17 января 2025", "17 يناير/كانون
  الثاني 2025", "۲۸ دی ۱۴۰۳", "28 دی‌ماه 1403", "2025-01-17", "17.01.2025", "۱۴۰۳/۱۰/۲۷";
* a day and month without a year, given the year the document speaks from, or left as
  ISO 8601's ``--MM-DD`` when no year is known (never a guess);
* a month alone ("signed last January", "في منتصف يناير الماضي", "مهرماه ۱۴۰۴") as ``YYYY-MM``;
* a year alone after a cue ("in 2001", "در سال ۲۰۰۱") as ``YYYY``;
* a weekday alone ("on Friday", "le vendredi", "в пятницу", "روز جمعه", "الجمعة"),
  resolved against the publication date: the nearest such day (three days either way),
  or the previous/next one when "last"/"next" says so.  Without a publication date a
  weekday alone is no date.

Calendar conversion is the libraries' (jdatetime for the Solar Hijri calendar of the
Iranian press, hijridate for the Umm al-Qura Hijri calendar); an impossible date
(31 Mehr, 30 February, month 13) gives no date, never an exception.

Text in Arabic script is read through :mod:`accord.press.script` (digits, letter variants,
joiners), and spans are given in the text as passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml

from accord.press.script import fold as fold_arabic_script
from accord.press.script import normalise

# libyaml when PyYAML has it: the same values as safe_load in a tenth of the time, which counts
# in the start-up of a one-sentence `accord check`.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

GREGORIAN, SOLAR_HIJRI, HIJRI = "gregorian", "solar_hijri", "hijri"
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa"})
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")
# Plausible years written in each calendar (press of the last decades and the next ones).
YEARS = {GREGORIAN: (1900, 2100), SOLAR_HIJRI: (1300, 1480), HIJRI: (1350, 1520)}
WORD = r"[^\W\d_]"
B = rf"(?<!{WORD})"  # word start that works for every script (\b treats digits as word characters)
E = rf"(?!{WORD})"
NEAREST_WEEKDAY = 3  # days either way of the publication date


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or "--MM-DD"; None when it cannot be resolved
    kind: str  # "date", "month", "year" or "weekday"


@dataclass(frozen=True)
class DateContext:
    """What a date without a year is read against: the publication date, else the latest year
    the document mentions in each calendar."""

    published: dt.date | None = None
    years: tuple[tuple[str, int], ...] = ()

    def year(self, calendar: str) -> int | None:
        return dict(self.years).get(calendar)


def _to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a date in ``calendar``; None for a day that does not exist."""
    low, high = YEARS[calendar]
    if not (low <= year <= high and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        if calendar == GREGORIAN:
            return dt.date(year, month, day)
        if calendar == SOLAR_HIJRI:
            import jdatetime

            return jdatetime.date(year, month, day).togregorian()
        from hijridate import Hijri

        found = Hijri(year, month, day).to_gregorian()
        return dt.date(found.year, found.month, found.day)
    except (ValueError, OverflowError):
        return None


def _calendar_year(calendar: str, day: dt.date) -> int:
    """The year of ``day`` in ``calendar``."""
    if calendar == GREGORIAN:
        return day.year
    if calendar == SOLAR_HIJRI:
        import jdatetime

        return jdatetime.date.fromgregorian(date=day).year
    from hijridate import Gregorian

    return Gregorian(day.year, day.month, day.day).to_hijri().year


def _mid_month(calendar: str, year: int, month: int) -> dt.date | None:
    """The Gregorian day in the middle of a month of ``calendar`` (which Gregorian month it mostly is)."""
    return _to_gregorian(calendar, year, month, 15)


@dataclass(frozen=True)
class CalendarWords:
    """One language's calendar words, folded for matching."""

    lang: str
    months: dict[str, tuple[str, int]]  # spelling -> (calendar, month)
    weekdays: dict[str, int]  # spelling -> weekday (Monday 0)
    day_words: dict[str, int]
    month_first: bool
    day_suffixes: tuple[str, ...]
    between_day_and_month: tuple[str, ...]
    before_year: tuple[str, ...]
    month_suffix: tuple[str, ...]
    month_cues: tuple[str, ...]
    weekday_cues: tuple[str, ...]
    weekday_alone: bool
    year_cues: tuple[str, ...]
    year_words: tuple[str, ...]
    after_year: tuple[str, ...]
    relative: dict[str, str]  # word -> "last", "next" or "this"
    needs_year: frozenset[str]
    numeric_calendar: str


def _fold(lang: str, word: object) -> str:
    if not isinstance(word, str):  # YAML reads a bare on/no/yes as a boolean: quote such words
        raise ValueError(f"{lang}/calendar.yaml: {word!r} is not a word; put it in quotes")
    word = " ".join(word.split()).lower()
    return fold_arabic_script(word) if lang in ARABIC_SCRIPT_LANGUAGES else word


def available_languages() -> list[str]:
    """Languages whose pack has calendar words."""
    root = resources.files("accord.press") / "lang"
    return sorted(p.name for p in root.iterdir() if (p / "calendar.yaml").is_file())


@lru_cache(maxsize=None)
def calendar_words(lang: str) -> CalendarWords | None:
    """The calendar words of ``lang``'s pack, or None when the language has none."""
    path = resources.files("accord.press") / "lang" / lang / "calendar.yaml"
    if not path.is_file():
        return None
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}

    def words(key: str) -> tuple[str, ...]:
        return tuple(_fold(lang, w) for w in data.get(key) or ())

    months: dict[str, tuple[str, int]] = {}
    for calendar, names in (data.get("months") or {}).items():
        if calendar not in YEARS:
            raise ValueError(f"{lang}/calendar.yaml: unknown calendar {calendar!r}; known: {', '.join(YEARS)}")
        for number, spellings in enumerate(names, 1):
            for spelling in spellings:
                months.setdefault(_fold(lang, spelling), (calendar, number))
    weekdays = {_fold(lang, s): i for i, spellings in enumerate(data.get("weekdays") or ()) for s in spellings}
    day_words = {_fold(lang, s): i for i, spellings in enumerate(data.get("day_words") or (), 1) for s in spellings}
    relative = {_fold(lang, w): kind for kind, ws in (data.get("relative") or {}).items() for w in ws}
    return CalendarWords(
        lang=lang, months=months, weekdays=weekdays, day_words=day_words, month_first=bool(data.get("month_first")),
        day_suffixes=words("day_suffixes"), between_day_and_month=words("between_day_and_month"),
        before_year=words("before_year"), month_suffix=words("month_suffix"), month_cues=words("month_cues"),
        weekday_cues=words("weekday_cues"), weekday_alone=bool(data.get("weekday_alone")), year_cues=words("year_cues"),
        year_words=words("year_words"), after_year=words("after_year"), relative=relative,
        needs_year=frozenset(data.get("needs_year") or ()), numeric_calendar=data.get("numeric_calendar") or GREGORIAN,
    )


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "سه شنبه" wins over "شنبه" and "sept" over "sep"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern  # day month [year], with the weekday around it
    month_day: re.Pattern | None  # month day[,] [year] (English)
    month: re.Pattern  # [cue] month [suffix] [year] [relative]
    numeric: re.Pattern
    weekday: re.Pattern
    year: re.Pattern


@lru_cache(maxsize=None)
def _patterns(lang: str) -> _Patterns:
    w = calendar_words(lang)
    month = f"(?:{_alternation(w.months)})"
    weekday = f"(?:{_alternation(w.weekdays)})"
    abbreviation_dot = r"\.(?=\s*\d)"  # "Jan. 17", not the full stop after "in January."
    suffix = rf"(?:{abbreviation_dot}|\s*(?:{_alternation(w.month_suffix)}))?" if w.month_suffix else rf"(?:{abbreviation_dot})?"
    second_name = rf"(?:\s*/\s*{month})?"  # "يناير/كانون الثاني": the same month in two sets of names
    relative = rf"(?:\s+(?P<rel>{_alternation(w.relative)}){E})?" if w.relative else ""
    year = r"(?P<year>\d{4})(?!\d)"
    before_year = rf"(?:,?\s+(?:(?:{_alternation(w.before_year)})\s+)?{year}(?:\s*(?:{_alternation(w.after_year)}){E}\.?)?)"
    day_number = r"\d{1,2}(?!\d)"
    day = rf"(?P<day>{day_number}|{_alternation(w.day_words)})" if w.day_words else rf"(?P<day>{day_number})"
    day_suffix = rf"(?:{_alternation(w.day_suffixes)})?" if w.day_suffixes else ""
    between = rf"(?:\s+(?:{_alternation(w.between_day_and_month)}))?" if w.between_day_and_month else ""
    weekday_before = rf"(?:(?P<wd_before>{weekday})\s*,?\s*)?"
    full = re.compile(
        rf"{B}{weekday_before}(?<![\d/.-]){day}{day_suffix}{between}\s+(?P<month>{month}){second_name}{suffix}{E}{before_year}?{relative}",
        re.I,
    )
    month_day = None
    if w.month_first:
        month_day = re.compile(
            rf"{B}(?:(?P<wd_before>{weekday}),?\s+)?(?P<month>{month})\.?\s+(?P<day>{day_number}){day_suffix}{E}(?:,?\s+{year})?", re.I)
    cue = rf"(?:(?P<cue>{_alternation(w.month_cues)})[\s-]+(?:(?:the|of|de)\s+)?)?" if w.month_cues else ""
    month_alone = re.compile(rf"{B}{cue}(?P<month>{month}){second_name}(?P<suffix>{suffix}){E}{before_year}?{relative}", re.I)
    numeric = re.compile(
        r"(?<![\d/.-])(?:(?P<iso>(?:19|20)\d\d-\d\d-\d\d)|(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"
        r"|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2}))(?![\d/.-]*\d)"
    )
    weekday_cue = rf"(?:(?P<cue>{_alternation(w.weekday_cues)})\s+)?" if w.weekday_cues else ""
    relative_before = rf"(?:(?P<rel_before>{_alternation(w.relative)})\s+)?" if w.relative else ""
    weekday_alone = re.compile(rf"{B}{weekday_cue}{relative_before}(?P<weekday>{weekday}){E}{relative}", re.I)
    year_words = rf"\s+(?:{_alternation(w.year_words)}){E}" if w.year_words else ""
    year_alone = re.compile(rf"{B}(?:{_alternation(w.year_cues)})\s+{year}{year_words}", re.I) if w.year_cues else re.compile(r"(?!x)x")
    return _Patterns(full, month_day, month_alone, numeric, weekday_alone, year_alone)


class DateReader:
    """Reads the dates of one language's text (see the module's docstring)."""

    def __init__(self, lang: str):
        words = calendar_words(lang)
        if words is None:
            raise ValueError(f"no calendar words for language {lang!r}; known: {', '.join(available_languages())}")
        self.lang, self.words, self.patterns = lang, words, _patterns(lang)

    def find(self, text: str, context: DateContext = DateContext()) -> list[FoundDate]:
        """Every date in ``text``, in order, spans into ``text``; overlapping readings keep the longest."""
        if self.lang in ARABIC_SCRIPT_LANGUAGES or ARABIC_SCRIPT.search(text):
            view = normalise(text)
            found = self._find(view.text, context)
            return [FoundDate(*view.span(f.start, f.end), f.value, f.kind) for f in found]
        return self._find(text, context)

    def _find(self, text: str, context: DateContext) -> list[FoundDate]:
        p, candidates = self.patterns, []
        for m in p.numeric.finditer(text):
            candidates.append(FoundDate(m.start(), m.end(), self._numeric(m), "date"))
        for pattern in (p.full, p.month_day):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                candidates.append(FoundDate(m.start(), m.end(), self._day_month(m, context), "date"))
        for m in p.month.finditer(text):
            value = self._month_alone(m, context)
            if value is not False:
                candidates.append(FoundDate(m.start(), m.end(), value, "month"))
        for m in p.year.finditer(text):
            candidates.append(FoundDate(m.start(), m.end(), m.group("year") if self._plausible_year(int(m.group("year"))) else None, "year"))
        for m in p.weekday.finditer(text):
            if m.group("cue") or m.group("rel") or (m.groupdict().get("rel_before")) or self.words.weekday_alone:
                candidates.append(FoundDate(m.start(), m.end(), self._weekday(m, context), "weekday"))
        return _longest_first(candidates)

    # --- readings -------------------------------------------------------------------------------
    @staticmethod
    def _plausible_year(year: int) -> bool:
        return YEARS[GREGORIAN][0] <= year <= YEARS[GREGORIAN][1]

    def _numeric(self, m: re.Match) -> str | None:
        if m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            return _iso(_to_gregorian(GREGORIAN, y, mo, d))
        if m.group("y"):
            return _iso(_to_gregorian(GREGORIAN, int(m.group("y")), int(m.group("m")), int(m.group("d"))))
        year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        calendar = GREGORIAN if YEARS[GREGORIAN][0] <= year else self.words.numeric_calendar
        return _iso(_to_gregorian(calendar, year, month, day))

    def _month_of(self, name: str) -> tuple[str, int]:
        return self.words.months[" ".join(name.lower().split())]

    def _day(self, token: str) -> int:
        return int(token) if token.isdigit() else self.words.day_words[" ".join(token.lower().split())]

    def _day_month(self, m: re.Match, context: DateContext) -> str | None:
        calendar, month = self._month_of(m.group("month"))
        day = self._day(m.group("day"))
        weekday_word = m.groupdict().get("wd_before")
        weekday = self.words.weekdays.get(" ".join(weekday_word.lower().split())) if weekday_word else None
        if m.group("year"):
            return _iso(_to_gregorian(calendar, int(m.group("year")), month, day))
        if calendar in self.words.needs_year:
            return None
        year = self._year_for(calendar, month, day, context, weekday, m.groupdict().get("rel"))
        if year is None:
            if calendar != GREGORIAN or not 1 <= day <= 31:
                return None
            try:
                dt.date(2000, month, day)  # a leap year: 29 February is a day
            except ValueError:
                return None
            return f"--{month:02d}-{day:02d}"  # ISO 8601 for a day of the year whose year is not known
        return _iso(_to_gregorian(calendar, year, month, day))

    def _year_for(self, calendar: str, month: int, day: int, context: DateContext, weekday: int | None,
                  relative: str | None, ahead: int = 62) -> int | None:
        """The year of a date written without one; ``ahead``: how far past the publication date a
        date without "next" may lie (news tells of the recent past and the near future)."""
        kind = self.words.relative.get(" ".join(relative.lower().split())) if relative else None
        if context.published is not None:
            published = context.published
            base = _calendar_year(calendar, published)
            options = [(y, _to_gregorian(calendar, y, month, day)) for y in (base - 1, base, base + 1)]
            options = [(y, d) for y, d in options if d is not None]
            if weekday is not None and any(d.weekday() == weekday for _, d in options):
                options = [(y, d) for y, d in options if d.weekday() == weekday]
            if kind == "last":
                past = [(y, d) for y, d in options if d <= published]
                return max(past, key=lambda o: o[1])[0] if past else None
            if kind == "next":
                future = [(y, d) for y, d in options if d >= published]
                return min(future, key=lambda o: o[1])[0] if future else None
            horizon = published + dt.timedelta(days=ahead)
            recent = [(y, d) for y, d in options if d <= horizon]
            return max(recent, key=lambda o: o[1])[0] if recent else None
        year = context.year(calendar)
        if year is None:
            return self._year_from_gregorian(calendar, month, day, context, weekday)
        if weekday is not None:  # "Wednesday 31 Ordibehesht": the year in which that day is a Wednesday
            for y in (year, year + 1, year - 1):
                found = _to_gregorian(calendar, y, month, day)
                if found is not None and found.weekday() == weekday:
                    return y
        return year

    @staticmethod
    def _year_from_gregorian(calendar: str, month: int, day: int, context: DateContext, weekday: int | None) -> int | None:
        """A Solar Hijri or Hijri day without a year in a document that only gives Gregorian years
        ("دهم مهرماه" beside "۱۷ ژانویه ۲۰۲۵"): the year that puts it in that Gregorian year."""
        gregorian = context.year(GREGORIAN)
        if gregorian is None or calendar == GREGORIAN:
            return None
        middle = _calendar_year(calendar, dt.date(gregorian, 7, 1))
        fitting = [y for y in (middle - 1, middle, middle + 1)
                   if (found := _to_gregorian(calendar, y, month, day)) is not None and found.year == gregorian
                   and (weekday is None or found.weekday() == weekday)]
        return fitting[0] if len(fitting) == 1 else None

    def _month_alone(self, m: re.Match, context: DateContext) -> str | None | bool:
        """``YYYY-MM`` for a month alone; None when its year is unknown; False when it is no date at all."""
        calendar, month = self._month_of(m.group("month"))
        has_year = bool(m.group("year"))
        if not (m.group("cue") if "cue" in m.groupdict() else None) and not (m.group("suffix") or "").strip(" .") and not has_year:
            return False  # "May", "مهر", "دی" alone are words as often as months
        if calendar in self.words.needs_year and not has_year:
            return False
        if has_year:
            year = int(m.group("year"))
        else:
            rel = m.groupdict().get("rel")
            kind = self.words.relative.get(" ".join(rel.lower().split())) if rel else None
            # a month alone lies ahead only when it is about to begin ("in December", said in late November)
            year = self._year_for(calendar, month, 1, context, None, rel, ahead=20) if kind != "this" else (
                _calendar_year(calendar, context.published) if context.published else context.year(calendar))
            if year is None:
                return None
        middle = _mid_month(calendar, year, month)
        return f"{middle.year:04d}-{middle.month:02d}" if middle else None

    def _weekday(self, m: re.Match, context: DateContext) -> str | None:
        if context.published is None:
            return None
        target = self.words.weekdays[" ".join(m.group("weekday").lower().split())]
        rel = m.group("rel") or m.groupdict().get("rel_before")
        kind = self.words.relative.get(" ".join(rel.lower().split())) if rel else None
        published = context.published
        offset = (target - published.weekday()) % 7  # 0..6 days ahead
        if kind == "next":
            offset = offset or 7
        elif kind == "last":
            offset = offset - 7 if offset else -7
        elif offset > NEAREST_WEEKDAY:
            offset -= 7
        return (published + dt.timedelta(days=offset)).isoformat()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _longest_first(candidates: list[FoundDate]) -> list[FoundDate]:
    """Non-overlapping readings, the longest (then the most precise) winning each overlap, in text order."""
    rank = {"date": 0, "month": 1, "weekday": 2, "year": 3}
    chosen: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), rank[c.kind], c.start)):
        if any(c.start < b and a < c.end for a, b in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


@lru_cache(maxsize=None)
def reader(lang: str) -> DateReader | None:
    """The date reader of ``lang``, or None for a language without calendar words."""
    return DateReader(lang) if calendar_words(lang) is not None else None


_GREGORIAN_YEAR = re.compile(r"(?<!\d)(20[12]\d|19[5-9]\d)(?!\d)")  # 2000s years are the old treaty's
_SOLAR_HIJRI_YEAR = re.compile(r"(?<!\d)(13[3-9]\d|14[0-3]\d)(?!\d)")
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def document_years(text: str, lang: str | None = None, today: dt.date | None = None) -> tuple[tuple[str, int], ...]:
    """For dates written without a year: per calendar, the latest plausible year the document
    mentions (news speaks from its own present; older years are background).  A year used as
    a name ("the 2001 Treaty") does not count.  ``today`` rules out years still to come; without it
    (no present is known) no year is ruled out — the clock is never read here."""
    digits = normalise(text).text if ARABIC_SCRIPT.search(text) else text
    years: dict[str, int] = {}
    found = [int(m.group(1)) for m in _GREGORIAN_YEAR.finditer(digits)
             if (today is None or int(m.group(1)) <= today.year)
             and not _ATTRIBUTIVE_YEAR.search(digits, max(0, m.start() - 5), m.start())]
    if found:
        years[GREGORIAN] = max(found)
    words = calendar_words(lang) if lang else None
    if words is not None and any(c == SOLAR_HIJRI for c, _ in words.months.values()):
        limit = _calendar_year(SOLAR_HIJRI, today) if today is not None else None
        solar = [int(m.group(1)) for m in _SOLAR_HIJRI_YEAR.finditer(digits) if limit is None or int(m.group(1)) <= limit]
        if solar:
            years[SOLAR_HIJRI] = max(solar)
    return tuple(sorted(years.items()))
