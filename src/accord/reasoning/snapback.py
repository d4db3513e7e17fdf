"""A time-bound procedure (the UNSCR 2231 snapback) as a small state machine over catalog data.

No date lives here: offsets, the sunset day and the citations come from the
treaty's :class:`~accord.knowledge.model.Procedure`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.knowledge.model import Procedure, Treaty


@dataclass(frozen=True)
class Deadline:
    id: str
    label: str
    date: dt.date
    kind: str  # "on" | "within" (by that day) | "after" (once that day has passed)
    citation: str


@dataclass(frozen=True)
class Timeline:
    procedure: str
    notified_on: dt.date
    available: bool  # was the procedure still available on the notification day?
    available_until: dt.date | None
    deadlines: list[Deadline]
    note: str

    def deadline(self, step_id: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.id == step_id), None)

    @property
    def window_end(self) -> dt.date:
        return max((d.date for d in self.deadlines if d.kind == "within"), default=self.notified_on)

    def phase_on(self, day: dt.date) -> str:
        """not_notified / notified / window_open / window_closed / lapsed (or unavailable)."""
        if not self.available:
            return "unavailable"
        if day < self.notified_on:
            return "not_notified"
        if self.available_until is not None and day >= self.available_until:
            return "lapsed"
        if day == self.notified_on:
            return "notified"
        return "window_open" if day <= self.window_end else "window_closed"


def timeline(procedure: Procedure, notified_on: dt.date) -> Timeline:
    """Deadlines that follow from a notification on ``notified_on``."""
    available = procedure.available_until is None or notified_on < procedure.available_until
    deadlines: list[Deadline] = []
    for step in procedure.steps:
        if step.fixed_date is not None:
            deadlines.append(Deadline(step.id, step.label, step.fixed_date, "on", step.citation))
        elif step.offset_days is not None:
            day = notified_on + dt.timedelta(days=step.offset_days)
            deadlines.append(Deadline(step.id, step.label, day, step.deadline_kind, step.citation))
    deadlines.sort(key=lambda d: (d.date, d.kind != "on"))
    if not available:
        note = f"the procedure lapsed on {procedure.available_until.isoformat()}; a notification on {notified_on.isoformat()} has no effect under it"
    else:
        end = max((d.date for d in deadlines if d.kind == "within"), default=notified_on)
        note = f"notified {notified_on.isoformat()}; window for a continuation resolution ends {end.isoformat()}"
    return Timeline(procedure.id, notified_on, available, procedure.available_until, deadlines, note)


@dataclass(frozen=True)
class ProcedureDuty:
    id: str
    label: str
    date: dt.date
    citation: str
    bearer: str


@dataclass(frozen=True)
class ProcedureAnswer:
    """What a notification under a procedure sets off — or why it sets off nothing."""

    procedure: str
    notified_by: str | None
    notified_on: dt.date
    available: bool  # could the notifier start the procedure on that day?
    completes: bool  # can every step fall before the instrument's sunset?
    reason: str | None
    deadlines: list[Deadline]
    duties: list[ProcedureDuty]
    note: str


def _not_entitled(treaty: Treaty, procedure: Procedure, notifiers: set[str], day: dt.date) -> str | None:
    """Why these notifiers may not start the procedure on ``day``, or None if they may."""
    if not notifiers:
        return "no notifying state given"
    if treaty.signature is not None and day < treaty.signature.date:
        return f"{treaty.id} did not exist yet (adopted {treaty.signature.date.isoformat()})"
    if procedure.participants_only:
        members = set(treaty.members_on(day))
        for who in sorted(notifiers - members):
            left = [m.left for m in treaty.parties if m.party == who and m.left and m.left <= day]
            since = f" (ceased participating on {max(left).isoformat()})" if left else ""
            return f"{who} was not a participant on {day.isoformat()}{since}; only a participant may notify"
    outside = sorted(notifiers - set(procedure.may_trigger))
    if outside:
        return f"{', '.join(outside)} may not start this procedure"
    return None


def procedure_answer(treaty: Treaty, procedure: Procedure, notifier: str | None, notifiers: set[str], day: dt.date) -> ProcedureAnswer:
    """Run the procedure with its conditions: who may notify, until when, and whether it can complete."""
    tl = timeline(procedure, day)
    reason = None if tl.available else tl.note
    reason = reason or _not_entitled(treaty, procedure, notifiers, day)
    if reason:
        return ProcedureAnswer(procedure.id, notifier, day, False, False, reason, [], [],
                               f"no effect under {procedure.id}: {reason}")
    deadline_of = {s.id: s for s in procedure.steps}
    window_end = tl.window_end
    completes = procedure.must_complete_by is None or window_end < procedure.must_complete_by
    deadlines = tl.deadlines if completes else [d for d in tl.deadlines if d.kind != "after"]
    note = tl.note
    if not completes:
        note += (f"; the window ends on or after {procedure.must_complete_by.isoformat()}, when the instrument "
                 "terminates: the procedure cannot complete and nothing is re-imposed")
    else:
        note += "".join(f"; {d.label.lower()} after {d.date.isoformat()}" for d in deadlines if d.kind == "after")
    duties = [ProcedureDuty(d.id, d.label, d.date, d.citation, deadline_of[d.id].bearer)
              for d in deadlines if d.kind == "within" and deadline_of[d.id].bearer]
    return ProcedureAnswer(procedure.id, notifier, day, True, completes, None, deadlines, duties, note)
