"""The date of an implementation event, read from the sentence that reports it.

News reports events relative to its own day ("on Wednesday", "tomorrow", "this week"), so
each phrase is resolved against the publication date; a phrase that needs it when there
is none gives no date rather than a guess.  Spelled-out dates ("26 September", "Feb. 19",
"в декабре") are read with the language pack's month words; a date without a year takes
the publication's year, or the year before when the month lies ahead of a report of
something already done.  A range or a vague period ("early 2026", "2027–2029") is given
as no date, as the annotation conventions ask; so is an impossible day ("31 February").

Dates are returned as ISO text: a day ``YYYY-MM-DD`` or a month ``YYYY-MM``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Arabic-Indic and Persian digits read as ASCII: one character for one, so offsets hold.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
YEAR = r"(?:19|20)\d\d"
ISO_DAY = re.compile(rf"\b(?P<year>{YEAR})-(?P<mon>\d\d)-(?P<day>\d\d)\b")
DAY_FIRST = r"(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:of\s+|de\s+|-?го\s+)?(?P<mon>{months})\.?(?:,?\s*(?:de\s+|del\s+)?(?P<year>{year}))?"
MONTH_FIRST = r"(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>{year}))?"
MONTH_ALONE = r"(?P<mon>{months})\.?(?:,?\s*(?:of\s+|de\s+|del\s+)?(?P<year>{year}))?"


@dataclass(frozen=True)
class EventDate:
    value: str | None  # "YYYY-MM-DD", "YYYY-MM" or None
    how: str  # "explicit", "relative", "period", "publication", "vague", "none"
    note: str | None = None  # why a date that was written could not be used

    @property
    def stated(self) -> bool:
        """Did the sentence itself say when (even if only vaguely)?"""
        return self.how in ("explicit", "relative", "vague")


class DateReader:
    """Reads event dates for one language pack's ``dates`` section."""

    def __init__(self, section: dict, *, after: dt.date | None = None):
        months = [re.compile(p, re.I) for p in section.get("months", [])]
        self.months = months
        names = "|".join(f"(?:{p.pattern})" for p in months) or r"(?!x)x"
        extra = [re.compile(p, re.I) for p in section.get("patterns", [])]
        self.absolute = [re.compile(t.format(months=names, year=YEAR), re.I) for t in (DAY_FIRST, MONTH_FIRST)] + extra + [ISO_DAY]
        self.month_alone = re.compile(MONTH_ALONE.format(months=names, year=YEAR), re.I)
        self.today = _optional(section.get("today"))
        self.tomorrow = _optional(section.get("tomorrow"))
        self.yesterday = _optional(section.get("yesterday"))
        self.weekdays = [re.compile(p, re.I) for p in section.get("weekdays", [])]
        self.period = _optional(section.get("this_period"))
        self.vague = _optional(section.get("vague"))

    def _month_number(self, text: str) -> int | None:
        if text.isdigit():
            number = int(text)
            return number if 1 <= number <= 12 else None
        for number, rx in enumerate(self.months, 1):
            if rx.fullmatch(text) or rx.match(text):
                return number
        return None

    def read(self, sentence: str, anchor: int, published: dt.date | None, *, ahead: bool,
             background: dt.date | None = None) -> EventDate:
        """The date of the event reported near ``anchor`` in ``sentence``.

        ``ahead``: the sentence reports something still to come, so a weekday or a month
        without a year points forward from the publication date, not back.  Dates on or before
        ``background`` (the treaty's signature) are history the sentence recalls ("the treaty
        of 17 January"), not the date of what it reports, when it gives another."""
        text = sentence.translate(DIGITS)
        found = self._absolute(text, anchor, published, ahead, background)
        if found is not None:
            return found
        if ahead and self.vague and self.vague.search(text):
            return EventDate(None, "vague")  # "expected in early 2026": no month to give
        relative = self._relative(text, published, ahead)
        if relative is not None:
            return relative
        return EventDate(None, "none")

    def latest_day(self, text: str) -> dt.date | None:
        """The latest full date written in a text: what its relative dates can lean on when it has
        no publication date (the annotators did the same)."""
        text = text.translate(DIGITS)
        days = []
        for rx in self.absolute:
            for m in rx.finditer(text):
                groups = m.groupdict()
                month = self._month_number(groups.get("mon") or "")
                if month is None or not groups.get("year") or not groups.get("day"):
                    continue
                try:
                    days.append(dt.date(int(groups["year"]), month, int(groups["day"])))
                except ValueError:
                    continue
        return max(days) if days else None

    def _absolute(self, text: str, anchor: int, published: dt.date | None, ahead: bool,
                  background: dt.date | None) -> EventDate | None:
        candidates = [(m, True) for rx in self.absolute for m in rx.finditer(text)]
        if not candidates:
            candidates = [(m, False) for m in self.month_alone.finditer(text)
                          if m.group("mon") and _word_edges(text, m.start("mon"), m.end("mon"))]
        read = [(m, with_day, self._resolve(m, with_day, published, ahead)) for m, with_day in candidates]
        read = [c for c in read if c[2] is not None]
        if background is not None and any(not _before(c[2], background) for c in read):
            read = [c for c in read if not _before(c[2], background)]
        if not read:
            return None
        return min(read, key=lambda c: (abs(c[0].start() - anchor), -len(c[0].group(0))))[2]

    def _resolve(self, m: re.Match, with_day: bool, published: dt.date | None, ahead: bool) -> EventDate | None:
        month = self._month_number(m.group("mon"))
        if month is None:
            return None
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if year is None:
            if published is None:
                return EventDate(None, "none", "a date without a year, and no publication date to give it one")
            year = published.year
            if not ahead and month > published.month:
                year -= 1  # "in December", reported as done in a January paper: last December
            elif ahead and month < published.month - 1:
                year += 1
        if with_day and groups.get("day"):
            try:
                return EventDate(dt.date(year, month, int(groups["day"])).isoformat(), "explicit")
            except ValueError:
                return EventDate(None, "explicit", f"impossible date {m.group(0)!r}")
        return EventDate(f"{year:04d}-{month:02d}", "explicit")

    def _relative(self, text: str, published: dt.date | None, ahead: bool) -> EventDate | None:
        shifts = ((self.tomorrow, 1), (self.yesterday, -1), (self.today, 0))
        for rx, days in shifts:
            if rx and rx.search(text):
                if published is None:
                    return EventDate(None, "relative", "a relative date and no publication date to resolve it against")
                return EventDate((published + dt.timedelta(days=days)).isoformat(), "relative")
        for number, rx in enumerate(self.weekdays):
            if rx.search(text):
                if published is None:
                    return EventDate(None, "relative", "a weekday and no publication date to resolve it against")
                if ahead:  # "will begin on Monday" in a Monday paper: that same day
                    delta = (number - published.weekday()) % 7
                else:
                    delta = -((published.weekday() - number) % 7)
                return EventDate((published + dt.timedelta(days=delta)).isoformat(), "relative")
        if self.period and self.period.search(text):
            if published is None:
                return EventDate(None, "relative", "a relative period and no publication date to resolve it against")
            return EventDate(f"{published.year:04d}-{published.month:02d}", "period")
        return None


def _before(found: EventDate, day: dt.date) -> bool:
    return found.value is not None and found.value <= day.isoformat()[: len(found.value)]


def _optional(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern, re.I) if pattern else None


def _word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalpha() and after.isascii())
