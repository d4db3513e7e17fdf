"""The implementation tracker: what the parties did under each provision, from dated press reports.

Input: the events extracted from stored coverage (one row per report, with its document's
outlet, URL and date).  Reports of one event in several documents merge into one event that
lists all its sources: same provision and type, the same framing (done, to come, or not done)
and no two different dates.  Independent sources are outlets; a near-duplicate of another
document is the same source as the document it copies.

Per provision, a PAM-style level (Peace Accords Matrix, 0–3) with the rule that decided it:

* 0 not begun — nothing reported as done (plans and shortfalls only, or nothing);
* 1 minimal — something done, but one event or one independent source;
* 2 intermediate — at least two events done, confirmed by at least two independent sources;
* 3 complete — at least three events done in three different months, from at least three
  independent sources, and no shortfall reported after the latest of them.

A provision that only prohibits (Art. 3(3): no help to an aggressor) has no duty to act and
gets no level: the tracker looks in the examined periods (the wars on a party, catalog data)
for reports of a breach and, finding none, says "no evidence of breach" — never "complied",
since that would rest on silence.  Reports that point opposite ways in one month within one
group of provisions ("no request for help" against "military cooperation is no secret") are
shown side by side, not resolved.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable, Iterable, Literal

from pydantic import BaseModel, Field

from accord.knowledge.implementation_links import ImplementationLinks, TrackedProvision

Status = Literal["done", "announced", "planned", "not_done"]
LEVEL_NAMES = {0: "not begun", 1: "minimal", 2: "intermediate", 3: "complete"}


class EventSource(BaseModel):
    """One report of an event: the document and the quote (offsets into its cleaned text)."""

    doc_id: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    quote: str
    start: int
    end: int
    lang: str | None = None
    status: Status
    event_date: str | None = None


class TrackedEvent(BaseModel):
    provision: str
    type: str
    event_date: str | None = Field(description="YYYY-MM-DD or YYYY-MM: the date of the event, not of the reports")
    status: Status
    actors: list[str]
    independent_sources: int
    sources: list[EventSource] = Field(description="the reports of the event; an answer that lists at most M keeps "
                                                   "the M most recently published")
    sources_total: int = Field(description="how many reports the event has in all; more than the length of "
                                           "`sources` when the list was cut")
    date_notes: list[str] = Field(default_factory=list)


class Conflict(BaseModel):
    month: str
    note: str
    reports: list[TrackedEvent]


class ExaminedPeriod(BaseModel):
    label: str
    start: dt.date
    end: dt.date
    sources: list[str]
    reports: list[TrackedEvent] = Field(description="reports of this provision dated in the period")
    breach_reports: int
    finding: str


class ProvisionImplementation(BaseModel):
    provision: str
    label: str
    title: str
    catalog: str
    duty: Literal["act", "refrain"]
    level: int | None = Field(description="PAM-style 0-3; null for a provision with no duty to act")
    level_name: str
    finding: str
    rule: str
    independent_sources: int
    events: list[TrackedEvent] = Field(description="the provision's events in date order (undated last); an answer "
                                                   "that lists at most N keeps the N most recent")
    events_total: int = Field(description="how many events the provision has in all; more than the length of "
                                          "`events` when the list was cut")
    conflicts: list[Conflict] = Field(default_factory=list)
    periods_examined: list[ExaminedPeriod] = Field(default_factory=list)
    confidence: str
    doubts: str | None = None


class ImplementationReport(BaseModel):
    treaty: str
    since: dt.date | None = None
    provision: str | None = None
    reports: int = Field(description="event reports considered (one per document mention)")
    provisions: list[ProvisionImplementation]


def _framing(status: str) -> str:
    return "to come" if status in ("announced", "planned") else status


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False  # an undated report is only ever its own event
    return a.startswith(b) or b.startswith(a)


def source_key(row: dict) -> str:
    """Who independently reports: the outlet (a near-duplicate counts as the document it copies)."""
    return (row.get("outlet") or row.get("near_dup_of") or row["doc_id"]).strip().casefold()


def merge_reports(rows: Iterable[dict]) -> list[TrackedEvent]:
    """One event per (provision, type, framing, date), listing every report of it.  Each source
    keeps its own quote and offsets into its own document: nothing is joined across documents."""
    clusters: list[list[dict]] = []
    ordered = sorted(rows, key=lambda r: (-(len(r.get("event_date") or "")), r.get("event_date") or "", r["doc_id"], r["start"]))
    for row in ordered:
        home = next((c for c in clusters if c[0]["provision"] == row["provision"] and c[0]["type"] == row["type"]
                     and _framing(c[0]["status"]) == _framing(row["status"])
                     and _compatible(c[0].get("event_date"), row.get("event_date"))), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    events = []
    for cluster in clusters:
        statuses = [r["status"] for r in cluster]
        status = "announced" if "announced" in statuses else statuses[0]
        dates = [r.get("event_date") for r in cluster if r.get("event_date")]
        actors = list(dict.fromkeys(a for r in cluster for a in r.get("actors") or []))
        events.append(TrackedEvent(
            provision=cluster[0]["provision"], type=cluster[0]["type"],
            event_date=max(dates, key=len) if dates else None, status=status, actors=actors,
            independent_sources=len({source_key(r) for r in cluster}),
            sources=[EventSource(doc_id=r["doc_id"], url=r.get("url"), outlet=r.get("outlet"), published=r.get("published"),
                                 quote=r["quote"], start=r["start"], end=r["end"], lang=r.get("lang"), status=r["status"],
                                 event_date=r.get("event_date")) for r in cluster],
            sources_total=len(cluster),
            date_notes=sorted({r["date_note"] for r in cluster if r.get("date_note")}),
        ))
    return sorted(events, key=lambda e: (e.event_date is None, e.event_date or "", e.type))


def _in_period(event: TrackedEvent, start: dt.date, end: dt.date) -> bool:
    if not event.event_date:
        return False
    return start.isoformat()[: len(event.event_date)] <= event.event_date <= end.isoformat()[: len(event.event_date)]


def level(events: list[TrackedEvent], sources: set[str]) -> tuple[int, str]:
    """The PAM-style level of a provision that calls for action, and the rule that decided it."""
    done = [e for e in events if e.status == "done"]
    shortfalls = [e for e in events if e.status == "not_done"]
    if not done:
        planned = sum(e.status in ("announced", "planned") for e in events)
        return 0, (f"0 (not begun): no report of anything done; {planned} planned or announced, "
                   f"{len(shortfalls)} reported not done")
    months = {e.event_date[:7] for e in done if e.event_date}
    latest = max((e.event_date for e in done if e.event_date), default="")
    late_shortfall = any(e.event_date and e.event_date[:7] > latest[:7] for e in shortfalls)
    if len(done) >= 3 and len(months) >= 3 and len(sources) >= 3 and not late_shortfall:
        return 3, (f"3 (complete): {len(done)} events done in {len(months)} months, from {len(sources)} independent "
                   "sources, and no shortfall reported after the latest")
    if len(done) >= 2 and len(sources) >= 2:
        why = " (a shortfall is reported after the latest)" if late_shortfall and len(done) >= 3 else ""
        return 2, (f"2 (intermediate): {len(done)} events done, confirmed by {len(sources)} independent sources; "
                   f"3 needs 3 events in 3 months from 3 sources{why}")
    return 1, (f"1 (minimal): {len(done)} event(s) done from {len(sources)} independent source(s); "
               "2 needs 2 events from 2 sources")


def _refrain(tracked: TrackedProvision, events: list[TrackedEvent]) -> tuple[str, str, list[ExaminedPeriod]]:
    periods = []
    breaches_total = 0
    for period in tracked.periods:
        inside = [e for e in events if _in_period(e, period.start, period.end)]
        breaches = [e for e in inside if e.status == "done"]  # a report that the forbidden act happened
        breaches_total += len(breaches)
        if breaches:
            finding = f"{len(breaches)} report(s) of the prohibited conduct to examine"
        elif inside:
            finding = f"no evidence of breach; {len(inside)} report(s) of non-assistance"
        else:
            finding = "no evidence of breach; the press reports nothing either way"
        periods.append(ExaminedPeriod(label=period.label, start=period.start, end=period.end, sources=period.sources,
                                      reports=inside, breach_reports=len(breaches), finding=finding))
    if breaches_total:
        return ("no duty to act; reports of possible breach to examine",
                "a prohibition-only provision: reports that the prohibited conduct happened are listed for examination", periods)
    examined = "; ".join(f"{p.label} ({p.start} to {p.end})" for p in tracked.periods) or "none recorded"
    return ("no duty to act; no evidence of breach",
            f"a prohibition-only provision has no duty to act; no report of the prohibited conduct in the periods examined: "
            f"{examined}. This rests on the absence of reports, so it is not a finding of compliance.", periods)


def conflicts(events: list[TrackedEvent], links: ImplementationLinks) -> list[Conflict]:
    """Reports in one month and one group of provisions that point opposite ways: done and not done."""
    by_key: dict[tuple[str, str], list[TrackedEvent]] = defaultdict(list)
    for e in events:
        tracked = links.tracked(e.provision)
        if tracked and tracked.group and e.event_date:
            by_key[(tracked.group, e.event_date[:7])].append(e)
    out = []
    for (group, month), items in sorted(by_key.items(), key=lambda kv: kv[0][1]):
        done = [e for e in items if e.status == "done"]
        not_done = [e for e in items if e.status == "not_done"]
        if done and not_done:
            out.append(Conflict(month=month, note=f"{group} reports in {month} point opposite ways; the tracker does not resolve them",
                                reports=not_done + done))
    return out


def track(rows: Iterable[dict], links: ImplementationLinks, *, provision: str | None = None,
          since: dt.date | None = None) -> ImplementationReport:
    """Per provision of a tracked treaty: its events in date order, sources, and level or finding."""
    rows = [r for r in rows if r["treaty"] == links.treaty]
    if since is not None:  # an undated report cannot be shown to fall after the date
        rows = [r for r in rows if r.get("event_date") and r["event_date"] >= since.isoformat()[: len(r["event_date"])]]
    events = merge_reports(rows)
    all_conflicts = conflicts(events, links)
    out = []
    for tracked in links.provisions:
        if provision is not None and tracked.provision != provision:
            continue
        mine = [e for e in events if e.provision == tracked.provision]
        sources = {source_key({"doc_id": s.doc_id, "outlet": s.outlet}) for e in mine for s in e.sources}
        done_sources = {source_key({"doc_id": s.doc_id, "outlet": s.outlet}) for e in mine if e.status == "done" for s in e.sources}
        related = [c for c in all_conflicts if any(r.provision == tracked.provision for r in c.reports)]
        if tracked.duty == "refrain":
            finding, rule, periods = _refrain(tracked, mine)
            item = ProvisionImplementation(
                provision=tracked.provision, label=tracked.label, title=tracked.title, catalog=tracked.catalog,
                duty="refrain", level=None, level_name="no duty to act", finding=finding, rule=rule,
                independent_sources=len(sources), events=mine, events_total=len(mine), conflicts=related,
                periods_examined=periods,
                confidence=tracked.confidence, doubts=tracked.doubts)
        else:
            value, rule = level(mine, done_sources)
            item = ProvisionImplementation(
                provision=tracked.provision, label=tracked.label, title=tracked.title, catalog=tracked.catalog,
                duty="act", level=value, level_name=LEVEL_NAMES[value], finding=f"level {value}: {LEVEL_NAMES[value]}",
                rule=rule, independent_sources=len(sources), events=mine, events_total=len(mine), conflicts=related,
                confidence=tracked.confidence, doubts=tracked.doubts)
        out.append(item)
    return ImplementationReport(treaty=links.treaty, since=since, provision=provision, reports=len(rows), provisions=out)


def _latest(items: list, limit: int, recency) -> list:
    """The ``limit`` most recent of ``items`` by ``recency``, in their own order."""
    if len(items) <= limit:
        return items
    kept = {id(i) for i in sorted(items, key=recency)[len(items) - limit:]}
    return [i for i in items if id(i) in kept]


def _recency(field: str) -> Callable[[BaseModel], tuple[bool, str]]:
    """The sort key of an item by its date ``field``: an undated item cannot be shown to be recent, so
    it ranks below every dated one."""
    def key(item: BaseModel) -> tuple[bool, str]:
        day = getattr(item, field)
        return day is not None, day or ""
    return key


_event_recency, _source_recency = _recency("event_date"), _recency("published")


def _cut(event: TrackedEvent, sources: int) -> TrackedEvent:
    if len(event.sources) <= sources:
        return event
    return event.model_copy(update={"sources": _latest(event.sources, sources, _source_recency)})


def latest_events(report: ImplementationReport, events: int | None, sources: int | None = None) -> ImplementationReport:
    """The report listing, per provision, only its ``events`` most recent events (by event date, still
    in date order; the same for the reports of a period examined) and, per event, only its ``sources``
    most recently published reports (None: all of them).  Levels, findings, ``independent_sources`` and the
    totals stay those of every event and report: ``track`` computed them before the lists are cut."""
    def cut(items: list[TrackedEvent], limit: int | None) -> list[TrackedEvent]:
        kept = items if limit is None else _latest(items, limit, _event_recency)
        return kept if sources is None else [_cut(e, sources) for e in kept]

    provisions = []
    for item in report.provisions:
        provisions.append(item.model_copy(update={
            "events": cut(item.events, events),
            "conflicts": [c.model_copy(update={"reports": cut(c.reports, None)}) for c in item.conflicts],
            "periods_examined": [p.model_copy(update={"reports": cut(p.reports, events)}) for p in item.periods_examined],
        }))
    return report.model_copy(update={"provisions": provisions})


def evidence_window(rows: Iterable[dict], links: ImplementationLinks, *, party: str, action: str,
                    day: dt.date, days: int) -> list[TrackedEvent]:
    """What the press reports ``party`` did in the window around ``day`` that bears on ``action``."""
    bearing = {p.provision for p in links.provisions if action in p.evidence_for}
    start, end = day - dt.timedelta(days=days), day + dt.timedelta(days=days)
    mine = [r for r in rows if r["treaty"] == links.treaty and r["provision"] in bearing and party in (r.get("actors") or [])]
    return [e for e in merge_reports(mine) if _in_period(e, start, end)]


class FindingEvidence(BaseModel):
    """Next to one scenario finding: what the press reports the party did in the window."""

    treaty: str
    party: str
    kind: str
    action: str
    citation: str
    reading: str = Field(description="what the reports amount to; silence is never read as compliance")
    reports: list[TrackedEvent]


class ScenarioEvidence(BaseModel):
    day: dt.date
    window_days: int
    start: dt.date
    end: dt.date
    tracked: list[str] = Field(description="treaties whose implementation reports were searched")
    findings: list[FindingEvidence]


def _reading(kind: str, reports: list[TrackedEvent], links_of: dict[str, ImplementationLinks]) -> str:
    def refrains(e: TrackedEvent) -> bool:
        return any((t := links.tracked(e.provision)) is not None and t.duty == "refrain" for links in links_of.values())

    if kind in ("prohibition", "negative"):
        breaches = [e for e in reports if refrains(e) and e.status == "done"]
        if breaches:
            return f"{len(breaches)} report(s) of the prohibited conduct to examine"
        held_back = [e for e in reports if e.status == "not_done"]
        if held_back:
            return f"no evidence of breach: {len(held_back)} report(s) that the party did not act"
        if reports:
            return f"no evidence of breach; {len(reports)} related report(s)"
        return "no evidence of breach: the press reports nothing in the window (silence, not compliance)"
    done = [e for e in reports if e.status == "done"]
    if done:
        return f"{len(done)} report(s) of action in the window"
    return "no report of action in the window (silence is neither compliance nor breach)"


def scenario_evidence(findings: Iterable[tuple[str, object]], rows: list[dict], links_of: dict[str, ImplementationLinks],
                      *, day: dt.date, days: int) -> ScenarioEvidence:
    """``findings``: (treaty id, finding with party/kind/action/citation) pairs from a scenario answer."""
    out = []
    for treaty_id, f in findings:
        reports: list[TrackedEvent] = []
        for links in links_of.values():
            reports.extend(evidence_window(rows, links, party=f.party, action=f.action, day=day, days=days))
        out.append(FindingEvidence(treaty=treaty_id, party=f.party, kind=f.kind, action=f.action, citation=f.citation,
                                   reading=_reading(f.kind, reports, links_of), reports=reports))
    return ScenarioEvidence(day=day, window_days=days, start=day - dt.timedelta(days=days), end=day + dt.timedelta(days=days),
                            tracked=sorted(links_of), findings=out)
