"""Conditions on provisions, evaluated against what an event says.

A condition (data on the provision, see :class:`accord.knowledge.model.Condition`)
is met (``True``), not met (``False``) or undecided (``None``) for an event.
Undecided means the event does not say enough — no place given for a place
condition, a threshold no event field can settle — and the finding is then
*conditional*, naming the condition and its article, never a plain duty.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from accord.knowledge.model import Condition, ConditionKind, Weapons

WMD = frozenset({Weapons.nuclear, Weapons.chemical, Weapons.biological})


@dataclass(frozen=True)
class Region:
    code: str
    names: tuple[str, ...]
    within: str | None
    near: tuple[str, ...]


@functools.cache
def regions() -> dict[str, Region]:
    raw = yaml.safe_load((resources.files("accord.knowledge") / "data" / "regions.yaml").read_text(encoding="utf-8"))
    return {r["code"]: Region(r["code"], tuple(r["names"]), r.get("within"), tuple(r.get("near", ()))) for r in raw["regions"]}


def region(value: str) -> str | None:
    """The region code for a code or name ("north-sea", "North Sea"), None if it is not a sea region."""
    key = value.strip().casefold()
    for r in regions().values():
        if key == r.code or key in (n.casefold() for n in r.names):
            return r.code
    return None


@dataclass(frozen=True)
class Place:
    """Where an event happens: a state's or territory's code, or a sea region."""

    code: str
    is_region: bool


@dataclass(frozen=True)
class Evaluation:
    condition: Condition
    holds: bool | None
    why: str

    @property
    def gates(self) -> bool:
        return self.condition.kind is not ConditionKind.decision

    def to_json(self) -> dict:
        return {"kind": self.condition.kind.value, "text": self.condition.text, "citation": self.condition.citation,
                "holds": self.holds, "why": self.why}


def _place(c: Condition, place: Place | None, members: set[str]) -> tuple[bool | None, str]:
    if place is None:
        return None, "the event does not say where it takes place"
    if place.is_region:
        seen, code = set(), place.code
        while code and code not in seen:
            if code in c.regions:
                return True, f"{place.code} lies in the area covered"
            seen.add(code)
            code = regions()[code].within if code in regions() else None
        near = set(regions()[place.code].near) & set(c.regions) if place.code in regions() else set()
        if near:  # a sea not plainly part of a covered region: say so rather than guess
            return None, f"whether {place.code} counts as part of {', '.join(sorted(near))} is a matter of interpretation"
        return False, f"{place.code} lies outside the area covered"
    if c.member_territory and place.code in members:
        return True, f"on the territory of a party ({place.code})"
    if place.code in c.territories:
        return True, f"{place.code} is a territory the condition names"
    return False, f"{place.code} is outside the area covered"


def _attacker(c: Condition, actors: set[str], actor_is_state: bool | None) -> tuple[bool | None, str]:
    if not actors or actor_is_state is None:
        return None, "the event does not say who carries it out"
    if actor_is_state:
        return True, "carried out by a state"
    return False, "carried out by a non-state actor, not by a state"


def _weapons(c: Condition, weapons: Weapons | None) -> tuple[bool | None, str]:
    if weapons is None:
        return None, "the event does not say what weapons are used"
    if weapons in c.weapons:
        return True, f"{weapons.value} weapons are among those named"
    if c.otherwise:
        return None, f"{weapons.value} weapons: only if {c.otherwise}, which the event cannot settle"
    return False, f"{weapons.value} weapons are not among those named"


def evaluate(c: Condition, *, place: Place | None, members: set[str], actors: set[str],
             actor_is_state: bool | None, weapons: Weapons | None) -> Evaluation:
    if c.kind is ConditionKind.place:
        holds, why = _place(c, place, members)
    elif c.kind is ConditionKind.attacker:
        holds, why = _attacker(c, actors, actor_is_state)
    elif c.kind is ConditionKind.weapons:
        holds, why = _weapons(c, weapons)
    else:
        holds, why = None, "decided by the parties when it arises"
    return Evaluation(c, holds, why)
