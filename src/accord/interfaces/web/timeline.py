"""The events of a treaty's life, gathered for the timeline chart and its table.

Everything comes from library calls over catalog data: the life-cycle steps and
terms from :func:`accord.reasoning.lifecycle.status` (walked term by term, so the
chart can never disagree with the status), the snapback milestones from
:func:`accord.reasoning.snapback.timeline`, and the contested periods and
successors from the treaty records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.interfaces.web import i18n
from accord.knowledge.catalog import Catalog
from accord.knowledge.model import LifecycleKind, Procedure, Treaty
from accord.reasoning.lifecycle import ONE_DAY, status
from accord.reasoning.snapback import timeline as snapback_timeline

LANES = ("Life cycle", "Term", "Procedure", "Contested")  # msgids too: the chart names them in the page's language


def N_(message: str) -> str:  # marks a msgid for the extractor
    return message


N_("Life cycle"), N_("Term"), N_("Procedure"), N_("Contested")
IN_FORCE_PHASES = ("in_force_initial_term", "in_force_renewal_term")
RENEWALS_AHEAD = 1  # renewal windows drawn beyond the current term


@dataclass
class TimelineEvent:
    lane: str
    kind: str  # a life-cycle kind, "term", "renewal", "notice", a procedure step id, "contested", "replaced"
    label: str
    date: dt.date | None  # None: the day is not known (then date_text says what is)
    end: dt.date | None = None  # set for periods (terms, renewal windows, contested periods)
    open_ended: bool = False  # a period still running at the chart's right edge
    date_text: str | None = None
    party: str | None = None
    state: str = "unknown"  # done / pending / unknown, as of the chosen day
    citation: str | None = None
    sources: list[str] = field(default_factory=list)
    number: int = 0  # its row in the table, also written on its mark in the chart
    label_is_data: bool = False  # the label is the catalog's own (English) text, not words of this module

    @property
    def is_period(self) -> bool:
        return self.end is not None or self.open_ended


def _state(on: dt.date | None, day: dt.date) -> str:
    return "unknown" if on is None else ("done" if on <= day else "pending")


def _life_cycle(treaty: Treaty, day: dt.date, catalog: Catalog, _) -> list[TimelineEvent]:
    out = []
    if treaty.signature and not treaty.events_of(LifecycleKind.signed):
        sig = treaty.signature
        out.append(TimelineEvent("Life cycle", "signed", _("Signed at %(place)s") % {"place": sig.place} if sig.place else _("Signed"), sig.date,
                                 state=_state(sig.date, day), sources=list(sig.sources)))
    for step in status(treaty, day, catalog).steps:
        who = step.party or ""
        if step.body:
            who = f"{who}, {step.body}" if who else step.body
        out.append(TimelineEvent("Life cycle", step.kind, step.text, step.date, date_text=step.date_text,
                                 party=who or None, state=step.state, sources=step.sources, label_is_data=True))
    return out


def _successors(treaty: Treaty, day: dt.date, catalog: Catalog, _) -> list[TimelineEvent]:
    if treaty.events_of(LifecycleKind.terminated) or treaty.events_of(LifecycleKind.withdrawn):
        return []  # an explicit end is already a life-cycle step
    out = []
    for succ in catalog.successors(treaty.id):
        starts = [e for e in succ.events_of(LifecycleKind.in_force) if e.date]
        if starts:
            start = starts[0]
            out.append(TimelineEvent("Life cycle", "replaced", _("Replaced by %(treaty)s on its entry into force (end inferred from the succession)") % {"treaty": succ.id},
                                     start.date, state=_state(start.date, day), sources=list(start.sources)))
    return out


def _terms(treaty: Treaty, day: dt.date, catalog: Catalog, _) -> list[TimelineEvent]:
    """The initial term and renewal windows, asking the status at each term's first day."""
    st = status(treaty, day, catalog)
    since = st.in_force_since
    if since is None or treaty.term is None:
        return []
    sources = list(treaty.term.sources)
    out: list[TimelineEvent] = []
    probe = since
    last_index = (st.term_index or 0) + RENEWALS_AHEAD
    while True:
        term = status(treaty, probe, catalog)
        if term.phase not in IN_FORCE_PHASES or term.term_end is None or term.term_index is None:
            break
        k = term.term_index
        label = _("Initial term") if k == 0 else _("Renewal term %(k)s (automatic)") % {"k": k}
        out.append(TimelineEvent("Term", "term" if k == 0 else "renewal", label, term.term_start, end=term.term_end,
                                 state=_state(term.term_start, day), sources=sources))
        if term.notice_deadline:
            end_of = _("Last day to give notice before the end of the initial term") if k == 0 else \
                _("Last day to give notice before the end of renewal term %(k)s") % {"k": k}
            out.append(TimelineEvent("Term", "notice", end_of,
                                     term.notice_deadline, state=_state(term.notice_deadline, day), sources=sources))
        if k >= last_index:
            break
        probe = term.term_end + ONE_DAY
    return out


def _notification_day(treaty: Treaty, procedure: Procedure, catalog: Catalog) -> dt.date | None:
    """The day a state entitled to start the procedure did so, read from the life-cycle records."""
    entitled = set(procedure.may_trigger)
    for event in treaty.lifecycle:
        if event.date and event.party and set(catalog.expand(event.party)) & entitled:
            return event.date
    return None


def _procedures(treaty: Treaty, day: dt.date, catalog: Catalog, _) -> list[TimelineEvent]:
    out = []
    for procedure in treaty.procedures:
        notified = _notification_day(treaty, procedure, catalog)
        if notified is None:
            continue
        for deadline in snapback_timeline(procedure, notified).deadlines:
            step = next((s for s in procedure.steps if s.id == deadline.id), None)
            prefix = {"within": _("By this day:") + " ", "after": _("After this day:") + " "}.get(deadline.kind, "")
            out.append(TimelineEvent("Procedure", deadline.id, f"{procedure.id}: {prefix}{deadline.label}", deadline.date, label_is_data=True,
                                     state=_state(deadline.date, day), citation=deadline.citation,
                                     sources=list(step.sources) if step else list(procedure.sources)))
    return out


def _contested(treaty: Treaty, day: dt.date, _) -> list[TimelineEvent]:
    out = []
    for contest in treaty.contested:
        sides = "; ".join(f"{', '.join(p.actors)}: {p.status.replace('_', ' ')}" for p in contest.positions)
        sources = list(dict.fromkeys(s for p in contest.positions for s in p.sources))
        out.append(TimelineEvent("Contested", "contested", _("Contested: %(question)s (%(sides)s)") % {"question": contest.question, "sides": sides}, contest.since,
                                 open_ended=True, state=_state(contest.since, day), sources=sources))
    return out


def _sort_key_in_reading_order(events: list[TimelineEvent]) -> list[TimelineEvent]:
    # Undated steps keep their place after the last dated step before them (the records are chronological).
    keyed, last = [], dt.date.min
    for i, e in enumerate(events):
        if e.date is not None:
            last = e.date
        keyed.append(((e.date or last), i, e))
    return [e for _, _, e in sorted(keyed, key=lambda k: (k[0], k[1]))]


def treaty_timeline(treaty: Treaty, day: dt.date, catalog: Catalog, language: str = i18n.SOURCE_LANGUAGE) -> list[TimelineEvent]:
    """Every event of the treaty's life, numbered in date order; the words this module adds (term
    names, deadlines) in the page's language, the catalog's own texts as recorded."""
    _ = i18n.gettext_for(language)
    life = _life_cycle(treaty, day, catalog, _) + _successors(treaty, day, catalog, _)
    others = _terms(treaty, day, catalog, _) + _procedures(treaty, day, catalog, _) + _contested(treaty, day, _)
    events = _sort_key_in_reading_order(life + others)
    for n, event in enumerate(events, start=1):
        event.number = n
    return events
