"""Typed claims about a treaty and the verdicts they can receive.

A claim is something a text asserts about a treaty's content or life cycle
(the types follow the corpus claim schema).  The press layer extracts claims;
:mod:`accord.reasoning.check` judges them against the catalog.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict


class ClaimType(str, Enum):
    article_count = "article_count"  # int
    duration_years = "duration_years"  # int
    renewal = "renewal"  # "auto-5y" / "none" / "by-agreement"
    signed_on = "signed_on"  # ISO date
    signed_at = "signed_at"  # city
    signatory = "signatory"  # person name
    entry_into_force_rule = "entry_into_force_rule"  # e.g. "30 days after last notification"
    in_force = "in_force"  # bool or ISO date
    ratified_by = "ratified_by"  # "RUS" / "IRN" (+ body, date)
    replaces = "replaces"  # treaty id
    mutual_defense = "mutual_defense"  # bool
    non_assistance_to_aggressor = "non_assistance_to_aggressor"
    territory_not_used_against = "territory_not_used_against"
    intelligence_cooperation = "intelligence_cooperation"
    military_cooperation = "military_cooperation"
    consultation_on_threats = "consultation_on_threats"
    sanctions_opposition = "sanctions_opposition"
    payment_systems_link = "payment_systems_link"
    nuclear_energy_cooperation = "nuclear_energy_cooperation"
    covers_domain = "covers_domain"  # domain word
    directed_against_third_countries = "directed_against_third_countries"
    territorial_integrity = "territorial_integrity"
    needs_ratification = "needs_ratification"


class Verdict(str, Enum):
    supported = "supported"
    contradicted = "contradicted"
    unverifiable = "unverifiable"


class Claim(BaseModel):
    """What is asserted: of which treaty, which type, which value."""

    model_config = ConfigDict(frozen=True)

    treaty: str
    type: ClaimType
    value: Any


class Judgement(BaseModel):
    """A verdict with the evidence that decides it."""

    model_config = ConfigDict(frozen=True)

    verdict: Verdict
    citation: str  # "rus-irn-2025 Art. 3(3)" or "rus-irn-2025 life cycle: in_force 2025-10-02"
    reason: str  # one sentence, in our words
    sources: list[str] = []
