"""The scenario test-file format as typed models: what a file may say, and nothing else.

The models reject unknown keys, so a typo ("dutes:") is an error rather than an
expectation silently skipped; ``docs/scenario-test.schema.json`` is generated
from them (``ScenarioFile.model_json_schema()``) and a test keeps it current.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class EventSpec(_Spec):
    kind: str = Field(description="Event kind: aggression, armed-attack, threat-of-aggression, unilateral-sanctions, "
                                  "separatist-support, snapback-notification.")
    by: str | None = Field(None, description="Acting state, group or non-state actor.")
    against: str | None = Field(None, description="Target state or group.")
    on: dt.date
    where: str | None = Field(None, description="State, territory or sea region where the event happens.")
    weapons: str | None = Field(None, description="nuclear, chemical, biological or conventional.")


class FindingSpec(_Spec):
    action: str
    because: list[str] = Field(default_factory=list, description="Citations that must appear exactly ('Art. 3' does not match 'Art. 33').")
    condition: str | None = Field(None, description="A fragment of the finding's condition (conditional and negative findings).")
    confidence: Literal["high", "medium", "low"] | None = Field(None, description="The confidence the finding must carry.")


class AbsentSpec(_Spec):
    action: str
    kind: Literal["duty", "prohibition", "permission", "negative", "conditional", "breach"] | None = None


class PartySpec(_Spec):
    duties: list[FindingSpec] = Field(default_factory=list)
    prohibitions: list[FindingSpec] = Field(default_factory=list)
    permissions: list[FindingSpec] = Field(default_factory=list)
    negatives: list[FindingSpec] = Field(default_factory=list)
    conditionals: list[FindingSpec] = Field(default_factory=list)
    breaches: list[FindingSpec] = Field(default_factory=list)
    absent: list[str | AbsentSpec] = Field(default_factory=list, description=(
        "Actions that must not appear as a duty, prohibition, permission, conditional or breach "
        "(an action alone), or not as the one kind given."))


class TreatySpec(_Spec):
    present: bool | None = None
    in_force: bool | None = Field(None, description="true, false, or null for a contested or unknown status (give it explicitly).")
    contested: bool | None = None
    note_contains: list[str] = Field(default_factory=list)
    procedure: dict[str, dt.date | None] = Field(default_factory=dict, description="Deadline id -> date; null: the step must not be there.")
    procedure_available: bool | None = None
    parties: dict[str, PartySpec] = Field(default_factory=dict)


class PositionSpec(_Spec):
    actors: list[str] = Field(min_length=1)
    status: str


class StatusSpec(_Spec):
    treaty: str
    on: dt.date
    phase: str | None = None
    in_force: bool | None = None
    contested: bool | None = None
    inferred: bool | None = None
    term_end: dt.date | None = None
    notice_deadline: dt.date | None = None
    replaced_by: str | None = None
    note_contains: list[str] = Field(default_factory=list)
    positions: list[PositionSpec] = Field(default_factory=list)


class CompareSpec(_Spec):
    treaties: list[str] = Field(min_length=1)
    types: dict[str, dict[Literal["defense", "offense", "neutrality", "nonaggression", "consultation"], bool | None]] = Field(
        default_factory=dict, description="Treaty -> type -> true, false or null (unknown).")
    atop_disagrees: dict[str, list[str]] = Field(default_factory=dict, description="Treaty -> the types on which it differs from ATOP.")


class ExportSpec(_Spec):
    """One member spell the ATOP-style export must contain."""

    atopid: int
    member: int = Field(description="COW country code.")
    entry: dt.date
    exit: dt.date | None = Field(None, description="null: still a member.")
    codes: dict[Literal["defense", "offense", "neutral", "nonagg", "consul", "conditio", "defcon", "defcoloc"], int | None] = Field(default_factory=dict)


class ErrorSpec(_Spec):
    event: dict[str, str | dt.date] | None = Field(None, description="A scenario request, as the command line would take it.")
    status: dict[str, str | dt.date] | None = Field(None, description="A status request: {treaty, on}.")
    message: str = Field(description="A fragment of the one-line error (the command line exits with 2).")


class ScenarioFile(_Spec):
    name: str
    as_of: dt.date | None = None
    events: list[EventSpec] = Field(default_factory=list)
    expect: dict[str, TreatySpec] = Field(default_factory=dict)
    status: list[StatusSpec] = Field(default_factory=list)
    compare: list[CompareSpec] = Field(default_factory=list)
    export: list[ExportSpec] = Field(default_factory=list)
    errors: list[ErrorSpec] = Field(default_factory=list)
