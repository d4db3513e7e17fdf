"""The date of an implementation event, read from the sentence that reports it.

Dates themselves are read by the project's one date reader, :mod:`accord.press.dates` (every
language with calendar words: full dates, a month alone, a weekday resolved against the
publication date, Solar Hijri and Hijri calendars, impossible days refused).  This module
only decides which of a sentence's dates is the event's, and adds what events need beyond
that, from the event pack's ``dates`` words:

* "today", "tomorrow", "yesterday" (and their equivalents) against the publication date;
* "this week", "recently": the month of publication; "last week": the month of the week before;
* a vague period or a range of years ("early 2026", "2027–2029") for something still to
  come, and a year alone or "this year" for anything ("held in 2025", "work begun in 2019 goes
  on"): no date, since not even the month is known, as the annotation conventions ask.

Of several dates in a sentence, the one nearest the event's cue wins; a date on or before the
treaty's signature is history the sentence recalls ("the treaty of 17 January") when it gives
another.  A relative date with no publication date, a day with no known year, or an impossible
day gives no date, with a note saying why: never a guess.

For a language without calendar words (Italian, Croatian, Japanese for now) the event pack's
``dates.months`` and ``dates.patterns`` are read here, in the same way.

Dates are returned as ISO text: a day ``YYYY-MM-DD`` or a month ``YYYY-MM``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from accord.press.dates import DateContext, reader

# Arabic-Indic and Persian digits read as ASCII: one character for one, so offsets hold.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
YEAR = r"(?:19|20)\d\d"
DAY_FIRST = r"(?P<day>\d{{1,2}})(?:st|nd|rd|th|º|°)?\.?\s*(?:of\s+|de\s+)?(?P<mon>{months})\.?(?:,?\s*(?:de\s+|del\s+)?(?P<year>{year}))?"
MONTH_ALONE = r"(?P<mon>{months})\.?(?:,?\s*(?:of\s+|de\s+|del\s+)?(?P<year>{year}))?"


@dataclass(frozen=True)
class EventDate:
    value: str | None  # "YYYY-MM-DD", "YYYY-MM" or None
    how: str  # "explicit", "relative", "period", "vague", "none"
    note: str | None = None  # why a date that was written could not be used


@dataclass(frozen=True)
class _Found:
    start: int
    value: str | None
    kind: str  # "date", "month", "weekday"
    text: str


class EventDates:
    """Reads event dates in one language: the project's date reader plus the event pack's words."""

    def __init__(self, lang: str, section: dict):
        self.lang = lang
        self.calendar = reader(lang)
        self.today = _optional(section.get("today"))
        self.tomorrow = _optional(section.get("tomorrow"))
        self.yesterday = _optional(section.get("yesterday"))
        self.period = _optional(section.get("this_period"))
        self.last_week = _optional(section.get("last_week"))
        self.vague = _optional(section.get("vague"))
        self.year_only = _optional(section.get("year_only"))
        # only for a language without calendar words
        self.months = [re.compile(p, re.I) for p in section.get("months", [])]
        names = "|".join(f"(?:{p.pattern})" for p in self.months) or r"(?!x)x"
        self.own_full = [re.compile(p, re.I) for p in section.get("patterns", [])] + [
            re.compile(DAY_FIRST.format(months=names, year=YEAR), re.I)]
        self.own_month = re.compile(MONTH_ALONE.format(months=names, year=YEAR), re.I)

    # --- finding the sentence's dates ---------------------------------------------------------
    def _found(self, text: str, published: dt.date | None) -> list[_Found]:
        if self.calendar is not None:
            context = DateContext(published=published)
            return [_Found(f.start, f.value, f.kind, text[f.start:f.end]) for f in self.calendar.find(text, context)]
        return self._own(text.translate(DIGITS), published)

    def _own(self, text: str, published: dt.date | None) -> list[_Found]:
        out = []
        for rx in self.own_full:
            for m in rx.finditer(text):
                out.append(_Found(m.start(), self._own_value(m, published, with_day=True), "date", m.group(0)))
        if not out:
            for m in self.own_month.finditer(text):
                before = text[m.start() - 1] if m.start() else " "
                if not before.isalnum():
                    out.append(_Found(m.start(), self._own_value(m, published, with_day=False), "month", m.group(0)))
        return out

    def _own_value(self, m: re.Match, published: dt.date | None, *, with_day: bool) -> str | None:
        name = m.group("mon")
        month = int(name) if name.isdigit() else next((n for n, rx in enumerate(self.months, 1) if rx.match(name)), None)
        if month is None or not 1 <= month <= 12:
            return None
        year = int(m.group("year")) if m.groupdict().get("year") else (published.year if published else None)
        if year is None:
            return None
        if with_day and m.groupdict().get("day"):
            try:
                return dt.date(year, month, int(m.group("day"))).isoformat()
            except ValueError:
                return None
        return f"{year:04d}-{month:02d}"

    # --- the event's date ---------------------------------------------------------------------
    def read(self, sentence: str, anchor: int, published: dt.date | None, *, ahead: bool,
             background: dt.date | None = None) -> EventDate:
        """The date of the event reported near offset ``anchor`` of ``sentence``.  ``ahead``: the
        sentence reports something still to come; ``background``: the treaty's signature."""
        found = self._found(sentence, published)
        years = [f for f in found if f.kind == "year"]
        found = [f for f in found if f.kind != "year"]
        usable = [f for f in found if f.value and not f.value.startswith("--")]
        if background is not None and any(not _on_or_before(f.value, background) for f in usable):
            usable = [f for f in usable if not _on_or_before(f.value, background)]
        if usable:
            best = min(usable, key=lambda f: (abs(f.start - anchor), -len(f.text)))
            if best.kind == "weekday":
                day = dt.date.fromisoformat(best.value)
                if published is not None and not ahead and day > published:
                    day -= dt.timedelta(days=7)  # "held on Monday" in a Friday paper: the Monday before
                elif published is not None and ahead and day < published:
                    day += dt.timedelta(days=7)  # "will begin on Monday" in a Friday paper: the Monday after
                return EventDate(day.isoformat(), "relative")
            value = best.value
            if not ahead and published is not None and value > published.isoformat()[: len(value)]:
                # a month or day read into the future of a report of something done: last year's
                year = int(value[:4]) - 1
                value = f"{year:04d}{value[4:]}"
                if len(value) == 10:
                    try:
                        dt.date.fromisoformat(value)
                    except ValueError:
                        return EventDate(None, "explicit", f"no such day as {best.text!r} a year earlier")
            return EventDate(value, "explicit")
        if found and not ahead:
            dates = [f for f in found if f.kind == "date"]
            if dates:
                why = "no year known" if any((f.value or "").startswith("--") for f in dates) else "impossible date"
                return EventDate(None, "explicit", f"{why} {dates[0].text!r}")
        if ahead and self.vague and self.vague.search(sentence.translate(DIGITS)):
            return EventDate(None, "vague")  # "expected in early 2026": no month to give
        relative = self._relative(sentence, published)
        if relative is not None:
            return relative
        if years or (self.year_only and self.year_only.search(sentence)):
            return EventDate(None, "vague")  # "in 2026", "since 2019", "this year": the month is not known
        if any(f.kind == "weekday" for f in found):
            return EventDate(None, "relative", "a weekday and no publication date to resolve it against")
        if any(f.kind == "date" and f.value is None for f in found):
            return EventDate(None, "explicit", f"impossible date {next(f.text for f in found if f.kind == 'date')!r}")
        return EventDate(None, "none")

    def _relative(self, sentence: str, published: dt.date | None) -> EventDate | None:
        for rx, days in ((self.tomorrow, 1), (self.yesterday, -1), (self.today, 0)):
            if rx and rx.search(sentence):
                if published is None:
                    return EventDate(None, "relative", "a relative date and no publication date to resolve it against")
                return EventDate((published + dt.timedelta(days=days)).isoformat(), "relative")
        if self.last_week and self.last_week.search(sentence):
            if published is None:
                return EventDate(None, "relative", "a relative period and no publication date to resolve it against")
            week_before = published - dt.timedelta(days=7)
            return EventDate(f"{week_before.year:04d}-{week_before.month:02d}", "period")
        if self.period and self.period.search(sentence):
            if published is None:
                return EventDate(None, "relative", "a relative period and no publication date to resolve it against")
            return EventDate(f"{published.year:04d}-{published.month:02d}", "period")
        return None

    def latest_day(self, text: str) -> dt.date | None:
        """The latest full date written in a text: what its relative dates can lean on when it has
        no publication date (the annotators did the same)."""
        days = []
        for f in self._found(text, None):
            if f.kind == "date" and f.value and len(f.value) == 10 and not f.value.startswith("--"):
                days.append(dt.date.fromisoformat(f.value))
        return max(days) if days else None


def _on_or_before(value: str, day: dt.date) -> bool:
    return value <= day.isoformat()[: len(value)]


def _optional(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern, re.I) if pattern else None
