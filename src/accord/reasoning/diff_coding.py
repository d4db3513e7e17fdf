"""`accord diff-coding ID`: the catalog's hand coding against the coding derived from an imported text.

Per article: what the hand coding has, what the text's coding has, and which
side lacks what.  Life-cycle facts (term, renewal, notice, entry into force,
languages) are compared too.  The text's coding is not taken as the truth:
both sides are shown, and the user decides.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from accord.knowledge.model import Action, Modality, Provision, Treaty
from accord.knowledge.text_record import TextRecord
from accord.reasoning.alliance import ATTACK_EVENTS

Status = Literal["only_in_text", "only_in_hand", "differ", "agree"]


class ArticleDiff(BaseModel):
    article: int
    status: Status
    hand: list[str] = Field(default_factory=list)  # the hand-coded provisions, one line each
    text: list[str] = Field(default_factory=list)  # the text's codings, one line each ("uncoded: why" included)
    hand_obligations: list[str] = Field(default_factory=list)
    text_obligations: list[str] = Field(default_factory=list)


class FactDiff(BaseModel):
    fact: str  # "term years", "renewal years", "notice months", "entry into force", "languages"
    hand: str | None
    text: str | None
    status: Literal["agree", "differ", "only_in_text", "only_in_hand"]


class CodingDiff(BaseModel):
    treaty: str
    language: str
    source: str
    lacking_in_hand: list[int]  # articles the text codes and the hand coding does not have
    articles: list[ArticleDiff]
    facts: list[FactDiff]


MILITARY = {Action.military_cooperation, Action.joint_exercises, Action.military_technical_cooperation, Action.military_training, Action.port_calls}
ECONOMIC = {Action.economic_cooperation, Action.energy_cooperation, Action.transport_cooperation, Action.link_payment_systems, Action.settle_in_national_currencies}


def provision_classes(p: Provision) -> set[str]:
    """Obligation classes of a hand-coded provision, in the vocabulary of the text codings."""
    attack = p.trigger is not None and bool(set(p.trigger.events) & ATTACK_EVENTS)
    if p.modality is Modality.obligation and p.action is Action.provide_military_assistance:
        return {"defense"} if attack else ({"offense"} if p.trigger else set())
    if p.modality is Modality.prohibition and p.action is Action.assist_aggressor:
        return {"neutrality", "non_assistance_to_aggressor"} if attack else {"non_assistance_to_aggressor"}
    if p.modality is Modality.prohibition and p.action is Action.allow_territory_use_against:
        return {"territory_not_used_against"}
    if p.action in (Action.use_force_against, Action.join_hostile_alliance) and p.modality is Modality.prohibition:
        return {"nonaggression"}
    if p.action is Action.consult and p.modality is Modality.obligation:
        return {"consultation"}
    if p.action in MILITARY:
        return {"military_cooperation"}
    if p.action is Action.exchange_intelligence:
        return {"intelligence_cooperation"}
    if p.action in ECONOMIC:
        return {"economic_cooperation"}
    return set()


def _describe(coding) -> str:
    if coding.kind == "uncoded":
        return f"uncoded: {coding.reason}"
    if coding.kind == "lifecycle":
        details = ", ".join(f"{k} {v}" for k, v in coding.details.items())
        return f"life cycle: {coding.lifecycle.replace('_', ' ')}" + (f" ({details})" if details else "")
    if coding.kind == "scope":
        return f"scope of Art. {coding.refers_to}"
    out = f"{coding.modality}: {coding.action.value.replace('_', ' ')}"
    if coding.trigger:
        out += f", if {coding.trigger.value.replace('_', ' ')}"
    return out + f" «{coding.action.span.text}»"


def diff_coding(treaty: Treaty, record: TextRecord) -> CodingDiff:
    hand = {a.number: a for a in treaty.articles if a.number is not None}
    articles: list[ArticleDiff] = []
    for art in record.articles:
        text_lines = list(dict.fromkeys(_describe(c) for p in art.paragraphs for c in p.coding))
        text_ob = sorted(set(art.obligations) - {"none"})
        h = hand.get(art.number)
        if h is None:
            articles.append(ArticleDiff(article=art.number, status="only_in_text", text=text_lines, text_obligations=text_ob))
            continue
        hand_lines = [f"{p.modality.value}: {p.action.value.replace('_', ' ')}" + (f", if {', '.join(e.value for e in p.trigger.events)}" if p.trigger else "") for p in h.provisions]
        hand_ob = sorted({c for p in h.provisions for c in provision_classes(p)})
        status: Status = "agree" if hand_ob == text_ob else "differ"
        articles.append(ArticleDiff(article=art.number, status=status, hand=hand_lines or [f"article noted: {h.topic}"], text=text_lines,
                                    hand_obligations=hand_ob, text_obligations=text_ob))
    in_text = {a.number for a in record.articles}
    for number, h in sorted(hand.items()):
        if number not in in_text:
            articles.append(ArticleDiff(article=number, status="only_in_hand", hand=[p.text for p in h.provisions] or [h.topic]))
    articles.sort(key=lambda a: a.article)
    return CodingDiff(
        treaty=treaty.id, language=record.language, source=record.source.name,
        lacking_in_hand=[a.article for a in articles if a.status == "only_in_text"], articles=articles,
        facts=_facts(treaty, record),
    )


def _facts(treaty: Treaty, record: TextRecord) -> list[FactDiff]:
    life: dict[str, dict] = {}
    for art in record.articles:
        for p in art.paragraphs:
            for c in p.coding:
                if c.kind == "lifecycle":
                    life.setdefault(c.lifecycle, c.details)
    for c in record.closing_coding:
        life.setdefault(c.lifecycle, c.details)
    term = treaty.term
    notice = life.get("notice", {})
    notice_months = notice.get("months") or (notice["years"] * 12 if "years" in notice else None)
    pairs = [
        ("term years", term.initial_years if term else None, life.get("term", {}).get("years")),
        ("renewal years", term.renewal_years if term else None, life.get("renewal", {}).get("years")),
        ("notice months", term.notice_months if term else None, notice_months),
        ("entry into force", treaty.entry_into_force.kind if treaty.entry_into_force else None, life.get("entry_into_force", {}).get("rule")),
        ("languages", ", ".join(sorted(treaty.languages)) or None, ", ".join(sorted(life.get("authentic_languages", {}).get("languages", []))) or None),
    ]
    out = []
    for fact, h, t in pairs:
        if h is None and t is None:
            continue
        h_s, t_s = (None if h is None else str(h)), (None if t is None else str(t))
        if h_s is None:
            status = "only_in_text"
        elif t_s is None:
            status = "only_in_hand"
        else:
            status = "agree" if h_s == t_s else "differ"
        out.append(FactDiff(fact=fact, hand=h_s, text=t_s, status=status))
    return out
