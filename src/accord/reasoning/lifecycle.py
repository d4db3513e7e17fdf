"""Life cycle: what phase a treaty is in on a given day, and its term arithmetic.

Term arithmetic (exact days):

- A term of N years that starts on day S covers S up to and including the day
  before the N-th anniversary of S.  In force on 2025-10-02 for 20 years: the
  initial term ends on 2045-10-01 and the first 5-year renewal runs
  2045-10-02 .. 2050-10-01.  An anniversary on 29 February falls on 28 February.
- The last day to give notice, where the notice period is known, is the term's
  last day minus the notice period (notice "at least one year before the end"
  of a term ending 2045-10-01 must be given by 2044-10-01).
- Where the day of entry into force is unknown, the status says so and still
  answers from what is known: the treaty is in force by the earliest day a
  record proves it (e.g. an extension), and ends when a successor that
  replaces it enters into force (an inference, flagged as such).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import LifecycleEvent, LifecycleKind, Position, RenewalKind, Treaty

ONE_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic; a day past the month's end is clamped to its last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class Step:
    kind: str
    state: str  # "done" | "pending" | "unknown" (a step whose day is not known)
    date: dt.date | None
    date_text: str | None
    party: str | None
    body: str | None
    text: str
    confidence: str
    sources: list[str]

    @classmethod
    def of(cls, event: LifecycleEvent, day: dt.date) -> "Step":
        done = event.done_by(day)
        state = {True: "done", False: "pending", None: "unknown"}[done]
        return cls(
            kind=event.kind.value,
            state=state,
            date=event.date,
            date_text=event.date_text,
            party=event.party,
            body=event.body,
            text=event.text,
            confidence=event.confidence.value,
            sources=list(event.sources),
        )


@dataclass(frozen=True)
class Status:
    treaty: str
    as_of: dt.date
    phase: str
    in_force: bool | None  # None: the records cannot tell
    in_force_since: dt.date | None = None
    in_force_by: dt.date | None = None  # earliest day the records prove it in force, if the start is unknown
    term_index: int | None = None  # 0 = initial term, k = k-th renewal
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    notice_deadline: dt.date | None = None
    notice_note: str | None = None
    ended_on: dt.date | None = None
    replaced_by: str | None = None
    contested: bool = False
    positions: list[dict] = field(default_factory=list)
    inferred: bool = False  # the phase rests on an inference (renewals, a successor), not on a record of the day
    steps: list[Step] = field(default_factory=list)
    note: str = ""
    sources: list[str] = field(default_factory=list)



def _first(treaty: Treaty, kind: LifecycleKind) -> LifecycleEvent | None:
    events = treaty.events_of(kind)
    return events[0] if events else None


def _proven_in_force_by(treaty: Treaty) -> tuple[dt.date | None, LifecycleEvent | None]:
    """Earliest day some record proves the treaty in force, when the exact start is unknown.

    A record of k automatic renewals by day D proves more: the treaty must have
    been in force since D minus the initial term and the k-1 renewal terms
    before the last one (it could not otherwise have reached its k-th renewal).
    """
    candidates: list[tuple[dt.date, LifecycleEvent]] = []
    term = treaty.term
    for event in treaty.lifecycle:
        if event.kind in (LifecycleKind.in_force, LifecycleKind.extended):
            proof = event.date or event.not_after
            if not proof:
                continue
            if (event.kind is LifecycleKind.extended and event.renewals and term is not None
                    and term.initial_years and term.renewal is RenewalKind.automatic and term.renewal_years):
                back = add_years(proof, -(term.initial_years + (event.renewals - 1) * term.renewal_years))
                proof = min(proof, back)
            candidates.append((proof, event))
    return min(candidates, key=lambda c: c[0]) if candidates else (None, None)


RATIFICATION_STEPS = (LifecycleKind.ratified, LifecycleKind.approved, LifecycleKind.law_signed)
NEEDS_RATIFICATION = ("days_after_last_notification", "on_exchange_of_instruments")


def _all_ratified(treaty: Treaty, day: dt.date) -> bool:
    """Every party has a ratification step recorded and all its ratification steps are done by ``day``."""
    for party in treaty.all_members():
        steps = [e for e in treaty.lifecycle if e.kind in RATIFICATION_STEPS and e.party == party]
        if not steps or not all(e.done_by(day) for e in steps):
            return False
    return True


def _contest(treaty: Treaty, day: dt.date) -> list[Position] | None:
    """The positions of the latest contest on the day that disagree on whether the instrument is in force."""
    for contest in sorted((c for c in treaty.contested if c.since <= day), key=lambda c: c.since, reverse=True):
        held = {p.in_force for p in contest.positions if p.in_force is not None}
        if len(held) > 1:
            return list(contest.positions)
    return None


def _current_term(treaty: Treaty, start: dt.date, day: dt.date) -> tuple[int | None, dt.date | None, dt.date | None, bool]:
    """(term index, term start, term end, expired) on ``day`` for a treaty in force since ``start``."""
    term = treaty.term
    if term is None or term.indefinite or term.initial_years is None:
        return None, None, None, False
    end = add_years(start, term.initial_years) - ONE_DAY
    if day <= end:
        return 0, start, end, False
    if term.renewal is not RenewalKind.automatic or not term.renewal_years:
        return None, start, end, True
    k, term_start = 0, start
    while day > end:  # walk renewal periods; a handful of iterations at most
        k += 1
        term_start = end + ONE_DAY
        end = add_years(term_start, term.renewal_years) - ONE_DAY
    return k, term_start, end, False


def _positions(treaty: Treaty, day: dt.date) -> tuple[bool, list[dict]]:
    out: list[dict] = []
    for contest in treaty.contested:
        if contest.since <= day:
            for pos in contest.positions:
                out.append(_position_json(contest.question, contest.since, pos))
    return bool(out), out


def _position_json(question: str, since: dt.date, pos: Position) -> dict:
    return {
        "question": question,
        "since": since.isoformat(),
        "actors": list(pos.actors),
        "status": pos.status,
        "holds": pos.holds,
        "confidence": pos.confidence.value,
        "sources": list(pos.sources),
    }


def _successor_start(treaty: Treaty, catalog: Catalog) -> tuple[str | None, dt.date | None]:
    for succ in catalog.successors(treaty.id):
        event = _first(succ, LifecycleKind.in_force)
        if event and event.date:
            return succ.id, event.date
    return None, None


def status(treaty: Treaty, day: dt.date, catalog: Catalog) -> Status:
    """The treaty's phase on ``day``, with term, notice, contested positions and steps.

    Where the parties disagree on whether the instrument is in force that day,
    the answer is theirs, not ours: ``in_force`` is null, the phase
    ``contested``, each position with its holders and sources.
    """
    st = _status(treaty, day, catalog)
    positions = _contest(treaty, day)
    if positions is None:
        return st
    sides = "; ".join(f"{', '.join(p.actors)}: {'in force' if p.in_force else 'not in force'} ({p.status})"
                      for p in positions if p.in_force is not None)
    return dataclasses.replace(st, phase="contested", in_force=None, contested=True,
                               note=f"{sides}; the records say: {st.note}")


def _successor_signed(treaty: Treaty, catalog: Catalog, day: dt.date) -> str | None:
    for succ in catalog.successors(treaty.id):
        if succ.signature and succ.signature.date <= day:
            return f"; successor {succ.id} signed {succ.signature.date.isoformat()}, not yet in force"
    return None


def _status(treaty: Treaty, day: dt.date, catalog: Catalog) -> Status:
    steps = [Step.of(e, day) for e in treaty.lifecycle]
    contested, positions = _positions(treaty, day)
    base = dict(treaty=treaty.id, as_of=day, steps=steps, contested=contested, positions=positions, sources=list(treaty.sources))
    signature = treaty.signature

    if signature and day < signature.date:
        return Status(phase="not_signed", in_force=False, note=f"not signed until {signature.date.isoformat()}", **base)

    ended = [e for e in treaty.lifecycle if e.kind in (LifecycleKind.terminated, LifecycleKind.withdrawn) and e.date]
    ended_on = min((e.date for e in ended), default=None)
    successor, successor_start = _successor_start(treaty, catalog)
    inferred_end = False
    if ended_on is None and successor_start is not None:
        ended_on, inferred_end = successor_start, True

    entry = _first(treaty, LifecycleKind.in_force)
    since = entry.date if entry else None
    proven_by, proof = (None, None) if since else _proven_in_force_by(treaty)

    if ended_on is not None and day >= ended_on:
        how = (
            f"replaced by {successor}, which entered into force on {ended_on.isoformat()} (end inferred from the succession)"
            if inferred_end
            else f"ended on {ended_on.isoformat()}"
        )
        return Status(
            phase="terminated", in_force=False, in_force_since=since, in_force_by=proven_by,
            ended_on=ended_on, replaced_by=successor if inferred_end or (successor_start and successor_start <= day) else None,
            inferred=inferred_end, note=how, **base,
        )

    pending_successor = _successor_signed(treaty, catalog, day) or ""
    needs_ratification = treaty.entry_into_force is not None and treaty.entry_into_force.kind in NEEDS_RATIFICATION
    if signature and day == signature.date and needs_ratification and (since is None or since > day):
        return Status(phase="signed_awaiting_ratification", in_force=False,
                      note="signed today; subject to ratification, so not yet in force", **base)

    if since is None:
        if proven_by is not None and day >= proven_by:
            derived = proof is not None and (proof.date or proof.not_after) != proven_by
            how = (f"inferred in force by {proven_by.isoformat()} from the record of renewals ({proof.text.rstrip('.')})"
                   if derived else f"in force by {proven_by.isoformat()} ({proof.text if proof else 'record'})")
            return Status(
                phase="in_force", in_force=True, in_force_by=proven_by, inferred=True,
                note=f"day of entry into force unknown; {how}{pending_successor}",
                **base,
            )
        if proven_by is not None:
            return Status(
                phase="signed_status_unknown", in_force=None, in_force_by=proven_by,
                note=f"day of entry into force unknown; the records prove it in force only from {proven_by.isoformat()}",
                **base,
            )
        if treaty.entry_into_force is None and entry is None:
            # Neither a rule nor a record: whether it entered into force is simply unknown.
            return Status(phase="signed_status_unknown", in_force=None,
                          note="signed; entry into force not found in the sources", **base)
        return Status(phase="signed_awaiting_ratification", in_force=False, note="signed, awaiting ratification", **base)

    if day < since:
        if _all_ratified(treaty, day):
            return Status(
                phase="ratified_awaiting_entry_into_force", in_force=False,
                note=f"ratified by every party, awaiting entry into force (entered into force on {since.isoformat()})", **base,
            )
        return Status(
            phase="signed_awaiting_ratification", in_force=False,
            note=f"signed, not yet in force (entered into force later, on {since.isoformat()})", **base,
        )

    k, term_start, term_end, expired = _current_term(treaty, since, day)
    extensions = [e for e in treaty.events_of(LifecycleKind.extended) if e.done_by(day)]
    if expired and extensions:
        # Extended by a later instrument whose own term is not coded: in force, term unknown.
        last = extensions[-1]
        return Status(
            phase="in_force", in_force=True, in_force_since=since,
            note=f"in force since {since.isoformat()}; extended ({last.text.rstrip('.')}); current term end not recorded{pending_successor}",
            **base,
        )
    if expired:
        return Status(phase="expired", in_force=False, in_force_since=since, term_end=term_end,
                      ended_on=term_end + ONE_DAY if term_end else None, note="initial term ended without renewal", **base)
    notice_deadline, notice_note = None, None
    if treaty.term is not None:
        notice_note = treaty.term.notice_note
        if term_end is not None and treaty.term.notice_months is not None:
            notice_deadline = add_months(term_end, -treaty.term.notice_months)
    inferred = False
    renews = treaty.term is not None and treaty.term.renewal is RenewalKind.automatic and treaty.term.renewal_years
    if k is None:
        phase, term_label = "in_force", ("no fixed term" if treaty.term and treaty.term.indefinite else "term unknown")
    elif k == 0:
        phase, term_label = "in_force_initial_term", f"initial term ends {term_end.isoformat()}"
        if renews:
            term_label += f", then renews automatically for {treaty.term.renewal_years} years unless notice is given"
    else:
        # A renewal the records do not show happened only if no party gave notice: say so.
        recorded = any(e.done_by(day) for e in treaty.events_of(LifecycleKind.extended))
        inferred = not recorded
        phase = "in_force_renewal_term"
        term_label = f"renewal term {k} ends {term_end.isoformat()}" + ("" if recorded else " (renewed automatically unless notice is given)")
    return Status(
        phase=phase, in_force=True, in_force_since=since, term_index=k, term_start=term_start,
        term_end=term_end, notice_deadline=notice_deadline, notice_note=notice_note, inferred=inferred,
        note=f"in force since {since.isoformat()}; {term_label}{pending_successor}", **base,
    )


def ended_on(treaty: Treaty, catalog: Catalog) -> dt.date | None:
    """The day the treaty stopped binding anyone: a termination or withdrawal record, else its successor's entry into force."""
    ended = [e.date for e in treaty.lifecycle if e.kind in (LifecycleKind.terminated, LifecycleKind.withdrawn) and e.date]
    if ended:
        return min(ended)
    return _successor_start(treaty, catalog)[1]
