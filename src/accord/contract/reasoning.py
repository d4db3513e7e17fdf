"""Answers of the reasoning engine: scenarios and comparisons."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import AliasChoices, Field, model_serializer

from accord.contract.base import Answer
from accord.contract.catalog import ComparedTypes


class ScenarioEvent(Answer):
    kind: str = Field(description="Event kind, e.g. aggression.")
    by: str | None = Field(validation_alias=AliasChoices("by", "actor"), description="Acting party code.")
    against: str | None = Field(validation_alias=AliasChoices("against", "target"), description="Targeted party code.")
    on: dt.date = Field(validation_alias=AliasChoices("on", "day"))


class Finding(Answer):
    """What one party must (duty), must not (prohibition) or may (permission) do, or a decisive negative."""

    party: str
    kind: Literal["duty", "prohibition", "permission", "negative"]
    action: str
    counterparty: str | None
    article: int | None = Field(description="null for an unnumbered provision and for negatives.")
    paragraph: str | None
    citation: str
    text: str
    confidence: str
    sources: list[str]
    because: list[str] = Field(description="For negatives: the articles that do apply.")


class SnapbackDeadline(Answer):
    id: str
    label: str
    date: dt.date
    kind: Literal["on", "within", "after"]
    citation: str


class SnapbackProcedure(Answer):
    procedure: str
    notified_on: dt.date
    available: bool
    deadlines: list[SnapbackDeadline]
    note: str


class TreatyScenario(Answer):
    """One treaty binding the parties involved: in force or not, and what follows for each party."""

    treaty: str
    in_force: bool
    in_force_known: bool = Field(description="False when the sources do not record the entry into force.")
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


class AtopCheck(Answer):
    atopid: int
    agrees: bool
    differences: dict[str, dict[str, bool]] = Field(description="type -> {derived, atop} where they differ.")
    explanation: str | None


class Comparison(Answer):
    """Treaties by obligation type and cooperation domain, each cell cited (`accord compare`)."""

    treaties: list[str]
    types: dict[str, ComparedTypes]
    domains: dict[str, dict[str, list[str]]] = Field(description="treaty -> domain -> the articles covering it.")
    atop: dict[str, AtopCheck]
    type_names: list[str]
