"""Answers about the catalog: the treaty list, one coded treaty, and a treaty's status on a day."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from accord.contract.base import Answer
from accord.knowledge.model import Treaty


class Coverage(Answer):
    """How much of the treaty's text is coded: silence means 'no' only over a complete coding."""

    coded_articles: int | None
    article_count: int | None
    text_public: bool
    complete: bool


class ObligationTypes(Answer):
    """The ATOP alliance-obligation types derived from a treaty's coded provisions: true (cited), false
    (on a stated basis) or null (the coding does not cover it)."""

    defense: bool | None
    offense: bool | None
    neutrality: bool | None
    nonaggression: bool | None
    consultation: bool | None
    cow_type: Literal["I", "II", "III"] | None = Field(description="COW type: the highest commitment.")
    cited: dict[str, list[str]] = Field(description="type -> the articles that make it true, e.g. [\"Art. 5\"].")
    basis: dict[str, str] = Field(description="type -> what decides it: provision, complete coding, statement, ATOP, "
                                              "instrument kind, not covered.")
    confidence: dict[str, str] = Field(description="type -> high, medium or low (absent when unknown).")
    coverage: Coverage


class ComparedTypes(ObligationTypes):
    text_public: bool = Field(description="False when the treaty's text is not public, so a 'no' may be unknown.")


class TreatyRow(Answer):
    """One line of the catalog (`accord treaties`)."""

    model_config = {"json_schema_extra": {"examples": [{
        "id": "rus-irn-2025", "title": "Russia–Iran Comprehensive Strategic Partnership Treaty",
        "parties": ["RUS", "IRN"], "signed": "2025-01-17", "articles": 47,
        "types": {"defense": False, "offense": False, "neutrality": True, "nonaggression": False, "consultation": True,
                  "cow_type": "II", "cited": {"neutrality": ["Art. 3(3)"], "consultation": ["Art. 3(4)"]}}}]}}

    id: str
    title: str
    parties: list[str]
    signed: dt.date | None
    articles: int | None = Field(description="Article count; null when unknown.")
    types: ObligationTypes


class TreatyRecord(Treaty):
    """The whole coded treaty (articles, provisions, life cycle, sources) plus its derived ``types``."""

    types: ObligationTypes


class StatusStep(Answer):
    kind: str
    state: Literal["done", "pending", "unknown"]
    date: dt.date | None
    date_text: str | None
    party: str | None
    body: str | None
    text: str
    confidence: str
    sources: list[str]


class StatusPosition(Answer):
    """One side's position on a contested question about the treaty's status."""

    question: str
    since: dt.date
    actors: list[str]
    status: str
    holds: str
    confidence: str
    sources: list[str]


class Status(Answer):
    """Is the treaty in force on a day? Phase, term, renewal, notice, contested positions, steps (`accord status`)."""

    model_config = {"json_schema_extra": {"examples": [{
        "treaty": "rus-irn-2025", "as_of": "2026-11-22", "phase": "in_force_initial_term", "in_force": True,
        "in_force_since": "2025-10-02", "in_force_by": None, "term_index": 0, "term_start": "2025-10-02",
        "term_end": "2045-10-01", "notice_deadline": None, "notice_note": "notice period unknown", "ended_on": None,
        "replaced_by": None, "contested": False, "positions": [], "steps": [], "note": "in force since 2025-10-02",
        "sources": []}]}}

    treaty: str
    as_of: dt.date
    phase: str = Field(description="not_signed, signed_awaiting_ratification, signed_status_unknown, in_force_initial_term, "
                                   "in_force_renewal_term, in_force, expired, terminated")
    in_force: bool | None = Field(description="null when the records cannot tell.")
    in_force_since: dt.date | None
    in_force_by: dt.date | None = Field(description="When the start is unknown: the earliest day a record proves it in force.")
    term_index: int | None = Field(description="0 = initial term, k = k-th renewal.")
    term_start: dt.date | None
    term_end: dt.date | None
    notice_deadline: dt.date | None = Field(description="Last day to give notice; null when the notice period is unknown.")
    notice_note: str | None
    ended_on: dt.date | None
    replaced_by: str | None
    contested: bool
    positions: list[StatusPosition]
    inferred: bool = Field(description="The phase rests on an inference (renewals, a successor), not on a record of the day.")
    steps: list[StatusStep]
    note: str
    sources: list[str]
