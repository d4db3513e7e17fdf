"""A time-bound procedure (the UNSCR 2231 snapback) as a small state machine over catalog data.

No date lives here: offsets, the sunset day and the citations come from the
treaty's :class:`~accord.knowledge.model.Procedure`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.knowledge.model import Procedure


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
