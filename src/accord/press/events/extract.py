"""Implementation events from a cleaned press text: what the parties did under the treaty.

Each sentence of a paragraph in a language with an event pack is read for the event types
whose cues it carries, a cue already claimed by a more specific type (the pack lists those
first) not counting again; the topics of the sentence (or, when it names none, of its
paragraph) and the type give the provision through the catalog's implementation links.  The
status comes from how the sentence frames the event, the date from the sentence resolved
against the publication date (see ``dates``), the actors from the names it uses.

A text reports the same event several times (headline, lead, recap): within a document,
mentions of one type and provision with compatible dates are one event, quoted where it is
reported best (a sentence of the body with its own date before a headline).  Events dated
before the treaty's signature are background and are left out.  A document that does not
name both parties of the tracked treaty yields nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from accord.knowledge.catalog import Catalog
from accord.knowledge.implementation_links import ImplementationLinks, Period, implementation_links
from accord.press.claims.text import sentences
from accord.press.events.dates import EventDate
from accord.press.events.packs import EventPack, event_pack

DEFAULT_TREATY = "rus-irn-2025"
# One character for one, so offsets into the original text hold: zero-width joiners (Persian
# half-spaces) and the Arabic tatweel read as spaces.  Arabic and Persian letter forms (ي/ی,
# ك/ک) are left as written; the packs match both.
JOINERS = ("\u200c", "\u200d", "ـ")


def _fold(text: str) -> str:
    for joiner in JOINERS:  # replace() where one is present: far cheaper than translate() over every character
        if joiner in text:
            text = text.replace(joiner, " ")
    return text


class _Paragraph:
    """A folded paragraph and what its sentences may lean on, read only when a sentence needs it."""

    __slots__ = ("text", "pack", "_topics", "_both_named")

    def __init__(self, text: str, pack: EventPack):
        self.text, self.pack = text, pack
        self._topics: frozenset[str] | None = None
        self._both_named: bool | None = None

    @property
    def topics(self) -> frozenset[str]:
        if self._topics is None:
            self._topics = self.pack.topics_of(self.text)
        return self._topics

    @property
    def both_named(self) -> bool:
        if self._both_named is None:
            self._both_named = {"RUS", "IRN"} <= set(self.pack.actors_in(self.text))
        return self._both_named
HEADLINE = 160  # characters: a first line this short without a full stop is a headline


@dataclass(frozen=True)
class ExtractedEvent:
    treaty: str
    provision: str
    type: str
    actors: tuple[str, ...]
    date: str | None  # "YYYY-MM-DD", "YYYY-MM" or None
    status: str  # done, announced, planned, not_done
    start: int
    end: int
    quote: str
    lang: str
    date_how: str = "none"
    date_note: str | None = None
    topics: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {"treaty": self.treaty, "provision": self.provision, "type": self.type, "actors": list(self.actors),
                "event_date": self.date, "status": self.status, "start": self.start, "end": self.end,
                "quote": self.quote, "lang": self.lang, "date_how": self.date_how, "date_note": self.date_note}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _concerns(folded: str, packs: list[EventPack], codes: tuple[str, ...]) -> bool:
    """Does the text name every party of the treaty (in any of its languages)?  Only the parties'
    names are looked for, each until one is found."""
    return all(any(rx.search(folded) for pack in packs for actor, rx in pack.actors if actor == code) for code in codes)


def _signature(catalog: Catalog, treaty: str) -> dt.date | None:
    try:
        sig = catalog.treaty(treaty).signature
    except KeyError:
        return None
    return sig.date if sig is not None else None


STATED = ("explicit", "relative")
UNSTATED = ("none", "publication", "period")  # no day of its own: a mention that says when wins (a year alone stays)
# Acts that take both parties (talks, a signature): the sentence, or failing that its paragraph, must name both.
BILATERAL = frozenset({"consultation", "agreement_signed", "security_meeting"})
PROSPECTIVE = ("announced", "planned")


def _same_event(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Two mentions in one text of the same event: same type and provision, both reported as
    happening or both as to come, and no two different dates written for them."""
    if a.type != b.type or a.provision != b.provision or (a.status in PROSPECTIVE) != (b.status in PROSPECTIVE):
        return False
    if a.date_how not in STATED or b.date_how not in STATED or a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _merge_mentions(events: list[tuple[bool, ExtractedEvent]]) -> list[ExtractedEvent]:
    """One event per type, provision and date within a document: quoted at its first mention in
    the body (a headline only when the body never reports it), dated by the first mention that
    says when."""
    ranked = sorted(events, key=lambda pair: (pair[0], pair[1].start))
    groups: list[list[ExtractedEvent]] = []
    for _, event in ranked:
        group = next((g for g in groups if _same_event(g[0], event)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    kept = []
    for first, *others in groups:
        dated = next((e for e in others if e.date_how in STATED and e.date), None)
        if first.date_how in UNSTATED and dated is not None:
            first = replace(first, date=dated.date, date_how=dated.date_how)
        kept.append(first)
    return sorted(kept, key=lambda e: e.start)


def extract_events(
    text: str,
    paragraphs: list[tuple[int, int, str | None]],
    published: dt.date | None,
    *,
    catalog: Catalog,
    fallback_lang: str | None = None,
    treaty: str = DEFAULT_TREATY,
    links: ImplementationLinks | None = None,
) -> list[ExtractedEvent]:
    """Implementation events of ``treaty`` reported in ``text`` (offsets into ``text``); ``catalog``
    gives the treaty's signature, before which a reported action is background."""
    links = links or implementation_links(treaty)
    if links is None or not text:
        return []
    folded = _fold(text)
    fallback = event_pack(fallback_lang)
    packs_by_paragraph = [(a, b, event_pack(lang) or fallback) for a, b, lang in paragraphs]
    packs = list({id(p): p for _, _, p in packs_by_paragraph if p is not None}.values())
    if not packs or not _concerns(folded, packs, ("RUS", "IRN")):
        return []
    signed = _signature(catalog, treaty)
    anchor = published
    if anchor is None:  # relative dates lean on the latest full date the text gives, if after signature
        anchor = max((d for d in (p.dates.latest_day(folded) for p in packs) if d is not None), default=None)
        if anchor is not None and signed is not None and anchor <= signed:
            anchor = None
    first_line = text.lstrip().split("\n", 1)[0].strip()
    headline_end = (len(text) - len(text.lstrip()) + len(first_line)
                    if len(first_line) <= HEADLINE and not re.search(r"[.。]$", first_line) else 0)
    found: list[tuple[bool, ExtractedEvent]] = []
    in_text = {id(pack): pack.cues_admitted(folded) for pack in packs}  # a cue the whole text rules out, no paragraph needs
    for p_start, p_end, pack in packs_by_paragraph:
        if pack is None:
            continue
        paragraph = folded[p_start:p_end]
        live = pack.cues_admitted(paragraph, in_text[id(pack)])  # most paragraphs report no event: their cues cannot match
        if not live:
            continue
        facts = _Paragraph(paragraph, pack)
        for s_start, s_end in sentences(folded, p_start, p_end):
            for event in _read_sentence(text, folded, s_start, s_end, pack, links, anchor, published, signed, facts, live):
                if signed and event.date and event.date <= signed.isoformat()[: len(event.date)]:
                    continue  # the signing itself, or before it: background, not implementation
                found.append((event.start < headline_end, event))
    return _merge_mentions(found)


def _examined_month(periods: list[Period], sentence: str, paragraph: str, anchor: dt.date | None) -> str | None:
    """"Russia gave no help in the war": the examined period the sentence (else its paragraph) names,
    else the last one begun by the time of the report; dated by the month of most of its days up to
    the report (a report during the war speaks of the days so far)."""
    named = next((p for text in (sentence, paragraph) for p in periods if p.named_in(text)), None)
    if named is not None:
        return named.month_reported(anchor)
    begun = [p for p in periods if anchor is not None and p.start <= anchor]
    return max(begun, key=lambda p: p.start).month_reported(anchor) if begun else None


def _read_sentence(text: str, folded: str, start: int, end: int, pack: EventPack, links: ImplementationLinks,
                   anchor: dt.date | None, published: dt.date | None, signed: dt.date | None,
                   paragraph: _Paragraph, live: tuple) -> list[ExtractedEvent]:
    """The event a sentence reports, if any.  ``anchor`` resolves relative dates (the publication
    date, or failing it the text's latest date); a report with no time of its own takes the month
    of publication, and only of a real one: what is done is news of then, and what is to come
    without a time was stated then.  ``paragraph``: the sentence's paragraph (its topics, whether it
    names both parties, a period it names); ``live``: the types and cues that can match in it."""
    sentence = folded[start:end]
    if pack.treaty_content and pack.treaty_content.search(sentence):
        return []  # what the treaty says is a claim about it, judged elsewhere; not something a party did
    out, taken = [], []
    for event_type, cues in live:
        match = next((m for rx in cues for m in [rx.search(sentence)] if m), None)
        if match is None or any(match.start() < b and a < match.end() for a, b in taken):
            continue
        if event_type in BILATERAL and not paragraph.both_named:
            continue
        if event_type == "agreement_signed" and pack.treaty_itself and pack.treaty_itself.search(sentence):
            continue  # the treaty's own signature is what is being implemented, not an implementation event
        topics = pack.topics_of(sentence) or paragraph.topics  # "He urged Russia to finish its part": the paragraph says of what
        provision = links.provision_for(event_type, topics)
        if provision is None:
            continue
        status = "not_done" if event_type == "non_assistance_in_conflict" else pack.status(sentence)
        when: EventDate = pack.dates.read(sentence, match.start(), anchor, ahead=status in PROSPECTIVE, background=signed)
        date, how = when.value, when.how
        tracked = links.tracked(provision)
        if date is None and how != "explicit" and tracked is not None and tracked.periods:  # not for a day that does not exist
            date = _examined_month(tracked.periods, sentence, paragraph.text, anchor)
            how = "period" if date else how
        if how == "none" and published is not None and not when.note:
            # done: reported as news, so of the month of publication; to come with no time of its
            # own: the month it was stated in
            date, how = f"{published.year:04d}-{published.month:02d}", "publication"
        actors = tuple(pack.actors_in(sentence)) or ("RUS", "IRN")
        q_start, q_end = _trim(text, start, end)
        taken.append(match.span())
        out.append(ExtractedEvent(links.treaty, provision, event_type, actors, date, status, q_start, q_end,
                                  text[q_start:q_end], pack.lang, how, when.note, tuple(sorted(topics))))
    return out
