"""Typed model of treaties, articles, provisions, life cycles and parties.

This module imports nothing from the rest of accord: every other layer builds
on it.  Every fact-bearing object carries ``sources`` (at least one) and a
``confidence``; an object without a source fails validation, because a fact
with no source is a bug.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PartyCode = str  # ISO 3166 alpha-3 ("RUS") or a group code ("E3", "NATO")


class Confidence(str, Enum):
    high = "high"  # two independent sources or an official text
    medium = "medium"  # one reliable source
    low = "low"  # inferred or uncertain


class Modality(str, Enum):
    obligation = "obligation"
    prohibition = "prohibition"
    permission = "permission"
    aspiration = "aspiration"
    institutional = "institutional"
    effect = "effect"  # a legal effect that follows by itself (UNSCR 2231 para. 12): nobody's duty


class Strength(str, Enum):
    shall = "shall"  # a binding "shall"
    shall_strive = "shall_strive"  # best efforts: "shall strive", "will seek"
    may = "may"
    unknown = "unknown"  # the wording was not retrieved


class Action(str, Enum):
    """Controlled vocabulary of what a provision makes a party do or not do."""

    # security core
    provide_military_assistance = "provide_military_assistance"
    provide_assistance = "provide_assistance"  # assistance of an unspecified or non-military kind
    assist_aggressor = "assist_aggressor"
    allow_territory_use_against = "allow_territory_use_against"
    support_separatism = "support_separatism"
    use_force_against = "use_force_against"
    join_hostile_alliance = "join_hostile_alliance"  # agreements/blocs against the other
    consult = "consult"
    assist_dispute_settlement = "assist_dispute_settlement"
    report_to_security_council = "report_to_security_council"
    respect_sovereignty = "respect_sovereignty"  # sovereignty, territorial integrity, non-interference
    oppose_interference = "oppose_interference"
    regional_security_cooperation = "regional_security_cooperation"
    host_military_facilities = "host_military_facilities"
    nuclear_deterrence = "nuclear_deterrence"
    # military and intelligence cooperation
    exchange_intelligence = "exchange_intelligence"
    military_cooperation = "military_cooperation"
    joint_exercises = "joint_exercises"
    port_calls = "port_calls"
    military_training = "military_training"
    military_technical_cooperation = "military_technical_cooperation"
    arms_control_cooperation = "arms_control_cooperation"
    # economic and sanctions
    oppose_unilateral_coercive_measures = "oppose_unilateral_coercive_measures"
    join_sanctions_against = "join_sanctions_against"
    apply_coercive_measures_against = "apply_coercive_measures_against"
    link_payment_systems = "link_payment_systems"
    settle_in_national_currencies = "settle_in_national_currencies"
    energy_cooperation = "energy_cooperation"
    nuclear_energy_cooperation = "nuclear_energy_cooperation"
    transport_cooperation = "transport_cooperation"
    economic_cooperation = "economic_cooperation"
    # other fields
    information_security_cooperation = "information_security_cooperation"
    counter_terrorism = "counter_terrorism"
    counter_organised_crime = "counter_organised_crime"
    counter_money_laundering = "counter_money_laundering"
    counter_disinformation = "counter_disinformation"
    coordinate_in_organisations = "coordinate_in_organisations"
    legal_cooperation = "legal_cooperation"
    emergency_cooperation = "emergency_cooperation"
    environmental_cooperation = "environmental_cooperation"
    humanitarian_cooperation = "humanitarian_cooperation"
    political_cooperation = "political_cooperation"
    # procedures (UNSCR 2231 and the like)
    notify_non_performance = "notify_non_performance"
    vote_on_continuation = "vote_on_continuation"
    reimpose_sanctions = "reimpose_sanctions"
    # institutions and final clauses
    establish_body = "establish_body"
    avoid_conflicting_engagements = "avoid_conflicting_engagements"
    ratify = "ratify"
    withdraw = "withdraw"
    amend = "amend"


class EventKind(str, Enum):
    """Kinds of real-world events a provision can be triggered by."""

    aggression = "aggression"
    armed_attack = "armed-attack"
    threat_of_aggression = "threat-of-aggression"
    unilateral_sanctions = "unilateral-sanctions"
    separatist_support = "separatist-support"
    snapback_notification = "snapback-notification"


class Weapons(str, Enum):
    """What an event is carried out with, as far as a condition on a provision asks."""

    nuclear = "nuclear"
    chemical = "chemical"
    biological = "biological"
    conventional = "conventional"


class ConditionKind(str, Enum):
    place = "place"  # where the event must happen (NATO Art. 6)
    attacker = "attacker"  # who must carry it out (an attack "by one or more states")
    weapons = "weapons"  # what it is carried out with, or a threshold it must reach
    decision = "decision"  # who decides what the response is; does not gate the trigger


class Role(str, Enum):
    """Who, relative to the bearer, an event must be aimed at / come from."""

    other_party = "other_party"  # a party other than the bearer
    any_party = "any_party"  # any party, the bearer included
    non_party = "non_party"  # a state outside the treaty
    any = "any"


class BearerKind(str, Enum):
    each_party = "each_party"
    party = "party"  # a named party
    jointly = "jointly"  # the parties together
    body = "body"  # an organ (e.g. the Security Council)


class LifecycleKind(str, Enum):
    negotiated = "negotiated"
    signed = "signed"
    submitted = "submitted"
    ratified = "ratified"  # a legislative vote or approval
    approved = "approved"  # review or approval by another body
    law_signed = "law_signed"  # head of state signs / promulgates the law
    notified = "notified"  # notification of completed procedures / instruments exchanged
    in_force = "in_force"
    extended = "extended"
    terminated = "terminated"
    withdrawn = "withdrawn"
    other = "other"


class RenewalKind(str, Enum):
    automatic = "automatic"
    by_agreement = "by_agreement"
    none = "none"
    unknown = "unknown"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Sourced(_Strict):
    sources: list[str] = Field(min_length=1)
    confidence: Confidence

    @field_validator("sources")
    @classmethod
    def _no_blank_sources(cls, v: list[str]) -> list[str]:
        if any(not s.strip() for s in v):
            raise ValueError("a source may not be blank")
        return v


class Doubt(Sourced):
    """An open question or a conflict between sources, kept visible."""

    topic: str
    text: str


class Membership(Sourced):
    party: PartyCode
    joined: dt.date | None = None  # None = original party from entry into force
    left: dt.date | None = None
    signed: dt.date | None = None  # signature of the accession protocol, where recorded
    note: str | None = None

    def member_on(self, day: dt.date) -> bool:
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)


class Party(_Strict):
    code: PartyCode
    names: dict[str, list[str]]  # language -> names and aliases, first = preferred
    group: list[PartyCode] = Field(default_factory=list)  # fixed members, for group codes (E3)
    members: list[Membership] = Field(default_factory=list)  # members with their dates (EU)
    members_of: str | None = None  # the group is the membership of this treaty on the day (NATO)
    sources: list[str] = Field(default_factory=list)
    confidence: Confidence | None = None

    @property
    def is_group(self) -> bool:
        return bool(self.group or self.members or self.members_of)

    def name(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names.get("en") or [self.code])[0]


class Signature(Sourced):
    date: dt.date
    place: str | None = None
    signatories: list[str] = Field(default_factory=list)


class Term(Sourced):
    """Duration.  ``initial_years=None`` and ``indefinite=False`` means unknown."""

    initial_years: int | None = None
    indefinite: bool = False
    renewal: RenewalKind = RenewalKind.unknown
    renewal_years: int | None = None
    notice_months: int | None = None  # notice needed to stop renewal / withdraw; None = unknown
    notice_note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Term":
        if self.indefinite and self.initial_years is not None:
            raise ValueError("an indefinite term has no initial_years")
        if self.renewal is RenewalKind.automatic and self.renewal_years is None:
            raise ValueError("automatic renewal needs renewal_years")
        return self


class EntryIntoForceRule(Sourced):
    kind: Literal["days_after_last_notification", "on_exchange_of_instruments", "on_signature", "other", "unknown"]
    days: int | None = None
    text: str
    article: int | None = None  # None = article number not confirmed


class LifecycleEvent(Sourced):
    kind: LifecycleKind
    date: dt.date | None = None  # None = exact day unknown
    not_before: dt.date | None = None
    not_after: dt.date | None = None  # "completed before ..." bounds when the day is unknown
    date_text: str | None = None  # how the sources give an imprecise date
    party: PartyCode | None = None
    body: str | None = None
    text: str
    note: str | None = None
    renewals: int | None = Field(default=None, ge=1)  # for "extended": how many renewals the record proves

    @model_validator(mode="after")
    def _bounds(self) -> "LifecycleEvent":
        if self.not_before and self.not_after and self.not_before > self.not_after:
            raise ValueError("not_before is after not_after")
        return self

    def done_by(self, day: dt.date) -> bool | None:
        """True if certainly happened on or before ``day``, False if certainly not, None if unknown."""
        if self.date is not None:
            return self.date <= day
        if self.not_after is not None and self.not_after <= day:
            return True
        if self.not_before is not None and self.not_before > day:
            return False
        return None


class Condition(Sourced):
    """A condition a provision's trigger or content carries, as data the engine can evaluate.

    ``place``: covered when the event happens on the territory of a party
    (``member_territory``), on one of ``territories`` (ISO 3166-1 codes of
    dependent territories) or in one of ``regions`` (sea regions).
    ``attacker``: covered when the actor is a state (not a non-state actor).
    ``weapons``: covered when the event uses one of ``weapons``; with other
    weapons it still may be covered by ``otherwise`` (a threshold the event
    cannot decide), else it is not.  ``decision``: who decides the response;
    never gates the trigger, only qualifies what must be done.
    """

    kind: ConditionKind
    text: str
    citation: str  # the article that sets it ("Art. 6")
    member_territory: bool = False
    territories: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    weapons: list[Weapons] = Field(default_factory=list)
    otherwise: str | None = None


class Trigger(_Strict):
    """An event pattern with roles; roles are relative to the provision's bearer."""

    events: list[EventKind] = Field(min_length=1)
    target: Role = Role.other_party
    actor: Role = Role.any
    qualifiers: list[str] = Field(default_factory=list)  # e.g. "in Europe or North America"


class Bearer(_Strict):
    kind: BearerKind = BearerKind.each_party
    party: PartyCode | None = None  # for kind=party or body

    @model_validator(mode="after")
    def _named(self) -> "Bearer":
        if self.kind in (BearerKind.party, BearerKind.body) and not self.party:
            raise ValueError(f"bearer kind '{self.kind.value}' needs 'party'")
        return self


class Provision(Sourced):
    id: str  # "3.3" where numbered; a slug ("ucm") where only the topic is known
    article: int | None = None  # None = known by topic, article number not confirmed
    paragraph: str | None = None
    modality: Modality
    bearer: Bearer = Field(default_factory=Bearer)
    action: Action
    counterparty: str | None = None  # "other_party", "aggressor", "third_states", or a party code
    trigger: Trigger | None = None
    qualifiers: list[str] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    strength: Strength = Strength.unknown
    text: str  # our paraphrase
    quote: str | None = None  # a short verbatim fragment, where one is sourced
    cite_as: str | None = None  # an instrument's own citation form ("UNSCR 2231 para. 12")

    @property
    def citation(self) -> str:
        if self.cite_as:
            return self.cite_as
        if self.article is None:
            return "unnumbered provision"
        return f"Art. {self.article}" + (f"({self.paragraph})" if self.paragraph else "")


class Article(Sourced):
    number: int | None = None  # None for a group of provisions known only by topic
    key: str  # "3" or a topic slug for unnumbered provisions
    topic: str
    domains: list[str] = Field(default_factory=list)
    summary: str
    provisions: list[Provision] = Field(default_factory=list)
    note: str | None = None


class Position(Sourced):
    actors: list[PartyCode] = Field(min_length=1)
    holds: str  # what this side holds the status to be
    status: str  # a short machine label for the position, e.g. "sanctions_reimposed"
    in_force: bool | None = None  # what this side holds about the instrument being in force, if it says


class ContestedStatus(_Strict):
    since: dt.date
    question: str
    positions: list[Position] = Field(min_length=2)


class ProcedureStep(Sourced):
    id: str
    label: str
    offset_days: int | None = None  # days after the triggering notification
    deadline_kind: Literal["within", "on", "after"] = "on"
    citation: str
    fixed_date: dt.date | None = None  # a step on a calendar day (a sunset), not an offset
    bearer: PartyCode | None = None  # who must act by the deadline; None for a step that happens by itself


class Procedure(Sourced):
    """A time-bound procedure started by an event (the UNSCR 2231 snapback)."""

    id: str
    trigger: EventKind
    may_trigger: list[PartyCode] = Field(min_length=1)
    text: str
    steps: list[ProcedureStep] = Field(min_length=1)
    available_until: dt.date | None = None  # the procedure lapses with the instrument
    participants_only: bool = True  # only a party on the notification day may start it
    must_complete_by: dt.date | None = None  # every step must fall before this day to take effect


class Statement(Sourced):
    """An official statement on the treaty's character that is not itself a provision.

    ``topic`` uses the claim-type vocabulary ("mutual_defense",
    "directed_against_third_countries"), so a checker can use it as evidence
    where the coded provisions are silent.
    """

    topic: str
    value: bool | int | str
    by: list[str] = Field(default_factory=list)  # who said it ("Andrey Rudenko (RUS deputy FM)")
    date: dt.date | None = None
    text: str


class FactSource(Sourced):
    """Sources and confidence of a plain-valued fact field of a treaty (its languages, article count ...)."""

    note: str | None = None


# Fact fields whose value is a plain list or number: each carries its sources in ``fact_sources``.
SOURCED_FIELDS = ("languages", "replaces", "article_count", "titles", "text_public")


class AtopReference(Sourced):
    atopid: int
    codes: dict[Literal["defense", "offense", "neutral", "nonagg", "consul"], int]
    differences: str | None = None  # why the derived codes differ, if they do


class Treaty(Sourced):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    short_title: str | None = None
    titles: dict[str, str] = Field(default_factory=dict)  # language -> official title
    kind: Literal["treaty", "agreement", "programme", "resolution", "pact"] = "treaty"
    parties: list[Membership] = Field(min_length=1)
    signature: Signature | None = None
    languages: list[str] = Field(default_factory=list)
    article_count: int | None = None  # None = unknown
    term: Term | None = None  # None = unknown
    entry_into_force: EntryIntoForceRule | None = None
    replaces: list[str] = Field(default_factory=list)
    lifecycle: list[LifecycleEvent] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    procedures: list[Procedure] = Field(default_factory=list)
    contested: list[ContestedStatus] = Field(default_factory=list)
    doubts: list[Doubt] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    atop: AtopReference | None = None
    export_id: int | None = Field(default=None, ge=90001, le=99999)  # alliance id in exports where ATOP has none
    text_public: bool = True
    fact_sources: dict[str, FactSource] = Field(default_factory=dict)  # field name -> its sources
    note: str | None = None

    @model_validator(mode="after")
    def _fact_fields_sourced(self) -> "Treaty":
        unknown = sorted(set(self.fact_sources) - set(SOURCED_FIELDS))
        if unknown:
            raise ValueError(f"fact_sources for unknown field(s) {unknown}; known: {', '.join(SOURCED_FIELDS)}")
        stated = {"languages": bool(self.languages), "replaces": bool(self.replaces), "article_count": self.article_count is not None,
                  "titles": bool(self.titles), "text_public": not self.text_public}
        missing = [name for name, given in stated.items() if given and name not in self.fact_sources]
        if missing:
            raise ValueError(f"no sources for {', '.join(missing)}: add them under fact_sources")
        return self

    @model_validator(mode="after")
    def _unique_articles(self) -> "Treaty":
        seen: set[str] = set()
        for art in self.articles:
            if art.key in seen:
                raise ValueError(f"duplicated article '{art.key}'")
            seen.add(art.key)
            if art.number is not None and art.key != str(art.number):
                raise ValueError(f"article {art.number} must have key '{art.number}', not '{art.key}'")
        if self.article_count is not None:
            for art in self.articles:
                if art.number is not None and art.number > self.article_count:
                    raise ValueError(f"article {art.number} exceeds article_count {self.article_count}")
        ids = [p.id for p in self.provisions]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicated provision id(s): {sorted(dup)}")
        return self

    @property
    def provisions(self) -> list[Provision]:
        return [p for art in self.articles for p in art.provisions]

    def members_on(self, day: dt.date) -> list[PartyCode]:
        return [m.party for m in self.parties if m.member_on(day)]

    def all_members(self) -> list[PartyCode]:
        return list(dict.fromkeys(m.party for m in self.parties))

    def events_of(self, kind: LifecycleKind) -> list[LifecycleEvent]:
        return [e for e in self.lifecycle if e.kind is kind]
