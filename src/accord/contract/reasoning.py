"""Answers of the reasoning engine: scenarios and comparisons."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import AliasChoices, Field, model_serializer

from accord.contract.base import Answer
from accord.contract.catalog import ComparedTypes
from accord.knowledge.model import EventKind, Weapons
from accord.reasoning.implementation import ScenarioEvidence  # a model of its own (pydantic, no computing imports)


class ScenarioEvent(Answer):
    kind: EventKind
    by: str | None = Field(validation_alias=AliasChoices("by", "actor"), description="Acting party code or a non-state actor's label.")
    against: str | None = Field(validation_alias=AliasChoices("against", "target"), description="Targeted party code.")
    on: dt.date = Field(validation_alias=AliasChoices("on", "day"))
    where: str | None = Field(description="State, territory or sea region; null: the target's own territory.")
    weapons: Weapons | None


class ConditionCheck(Answer):
    """A condition on a provision, evaluated against the event."""

    kind: str
    text: str
    citation: str
    holds: bool | None = Field(description="null when the event does not decide it.")
    why: str


class Finding(Answer):
    """What one party must (duty), must not (prohibition) or may (permission) do, a decisive negative,
    a duty that depends on an undecided condition (conditional), or a breach by the acting party."""

    party: str
    kind: Literal["duty", "prohibition", "permission", "negative", "conditional", "breach"]
    action: str
    counterparty: str | None
    article: int | None = Field(description="null for an unnumbered provision and for negatives.")
    paragraph: str | None
    citation: str
    text: str
    confidence: str
    sources: list[str]
    because: list[str] = Field(description="For negatives: the articles that do apply.")
    condition: str | None = Field(description="conditional: the undecided condition; negative: the one not met.")
    if_met: str | None = Field(description="conditional: what it becomes when the condition is met.")
    conditions: list[ConditionCheck] = Field(description="Every condition evaluated.")
    statements: list[str] = Field(description="Negatives: official statements that support them.")


class SnapbackDeadline(Answer):
    id: str
    label: str
    date: dt.date
    kind: Literal["on", "within", "after"]
    citation: str


class SnapbackProcedure(Answer):
    """What a notification under a procedure sets off, or why it sets off nothing."""

    procedure: str
    notified_by: str | None
    notified_on: dt.date
    available: bool = Field(description="Could the notifier start the procedure on that day?")
    completes: bool = Field(description="Can every step fall before the instrument's sunset?")
    reason: str | None = Field(description="Why the notification has no effect, when it has none.")
    deadlines: list[SnapbackDeadline]
    note: str


class TreatyScenario(Answer):
    """One treaty binding the parties involved: in force or not, and what follows for each party."""

    treaty: str
    in_force: bool | None = Field(description="null: contested, or the records cannot tell.")
    in_force_known: bool = Field(description="False when the sources do not record the entry into force.")
    contested: bool
    note: str
    findings: list[Finding]
    procedure: SnapbackProcedure | None = Field(None, description="Only for a treaty whose procedure the event starts.")

    @model_serializer(mode="wrap")
    def _without_absent_procedure(self, handler: Any):  # no return annotation: the schema stays the model's
        data = handler(self)
        if data.get("procedure") is None:
            data.pop("procedure", None)
        return data


class ScenarioAnswer(Answer):
    """Per treaty and party, what an event obliges, forbids and permits (`accord scenario`)."""

    as_of: dt.date
    events: list[ScenarioEvent]
    treaties: list[TreatyScenario]
    evidence: ScenarioEvidence | None = Field(None, description="With --evidence: what the press reports each finding's "
                                                                "party did around the day.")

    @model_serializer(mode="wrap")
    def _without_absent_evidence(self, handler: Any):  # no return annotation: the schema stays the model's
        data = handler(self)
        if data.get("evidence") is None:
            data.pop("evidence", None)
        return data


class AtopDifference(Answer):
    derived: bool | None
    atop: bool
    why: str


class AtopCheck(Answer):
    atopid: int
    agrees: bool
    differences: dict[str, AtopDifference] = Field(description="type -> how accord and ATOP differ.")
    explanation: str | None


class Comparison(Answer):
    """Treaties by obligation type and cooperation domain, each cell cited (`accord compare`)."""

    treaties: list[str]
    types: dict[str, ComparedTypes]
    domains: dict[str, dict[str, list[str]]] = Field(description="treaty -> domain -> the articles covering it.")
    atop: dict[str, AtopCheck]
    type_names: list[str]
