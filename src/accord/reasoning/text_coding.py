"""From a text's codings to the model: provisions, obligation types per article, ATOP types.

The coder (:mod:`accord.knowledge.coder`) says what each paragraph's wording
does; this module reads those codings the way the catalog's hand coding is
read, so the alliance-obligation types derive from a text exactly as they
derive from hand-coded provisions (:func:`accord.reasoning.alliance.derive_types`).
"""

from __future__ import annotations

from accord.knowledge.coder import CodedArticle, Coding
from accord.knowledge.model import (
    Action, Bearer, BearerKind, Confidence, EventKind, Modality, Provision, Role, Strength, Trigger,
)
from accord.reasoning.alliance import ObligationTypes, derive_types_of

# Article-level obligation classes (the vocabulary of the treaty-text gold codings).
MILITARY = {"military_cooperation", "joint_exercises", "military_technical_cooperation", "military_training", "port_calls"}
ECONOMIC = {"economic_cooperation", "energy_cooperation", "transport_cooperation", "link_payment_systems", "settle_in_national_currencies"}
ATTACK_TRIGGERS = {"armed_attack", "aggression", "state_of_war"}

MODALITY = {"duty": Modality.obligation, "prohibition": Modality.prohibition, "permission": Modality.permission}
TRIGGER_EVENTS = {
    "armed_attack": [EventKind.armed_attack, EventKind.aggression],
    "aggression": [EventKind.aggression],
    "state_of_war": [EventKind.armed_attack, EventKind.aggression],  # a party at war with a third state
    "threat": [EventKind.threat_of_aggression],
}
ACTION = {
    "all_necessary_measures": Action.provide_assistance,
    "self_defence": Action.use_force_against,
}
BEARER = {"each_party": BearerKind.each_party, "parties": BearerKind.each_party, "jointly": BearerKind.jointly}


def coding_classes(coding: Coding) -> set[str]:
    """The obligation classes one provision coding creates (empty for none)."""
    if coding.kind != "provision" or coding.action is None:
        return set()
    action, modality = coding.action.value, coding.modality
    trigger = coding.trigger.value if coding.trigger else None
    if modality == "duty" and action == "provide_military_assistance":
        return {"defense"} if trigger in ATTACK_TRIGGERS else ({"offense"} if trigger else set())
    if modality == "prohibition" and action == "assist_aggressor":
        return {"neutrality", "non_assistance_to_aggressor"} if trigger in ATTACK_TRIGGERS else {"non_assistance_to_aggressor"}
    if modality == "prohibition" and action == "allow_territory_use_against":
        return {"territory_not_used_against"}
    if action == "use_force_against" and modality == "prohibition":
        return {"nonaggression"}
    if action == "join_hostile_alliance":
        return {"nonaggression"}  # a no-hostile-alignment pledge belongs with non-aggression
    if action == "consult" and modality == "duty":
        return {"consultation"}
    if modality in ("duty", "none") and action in MILITARY:
        return {"military_cooperation"}
    if modality in ("duty", "none") and action == "exchange_intelligence":
        return {"intelligence_cooperation"}
    if modality in ("duty", "none") and action in ECONOMIC:
        return {"economic_cooperation"}
    return set()


def article_classes(coded: list[CodedArticle]) -> dict[tuple[str, int], set[str]]:
    """(instrument, article number) -> obligation classes; a scope article carries the one it scopes."""
    out: dict[tuple[str, int], set[str]] = {}
    scopes: dict[tuple[str, int], int] = {}
    for ca in coded:
        key = (ca.instrument, ca.article.number)
        out[key] = set()
        for codings in ca.codings:
            for c in codings:
                out[key] |= coding_classes(c)
                if c.kind == "scope" and c.refers_to is not None:
                    scopes[key] = c.refers_to
    for key, target in scopes.items():
        out[key] |= out.get((key[0], target), set())
    return {k: (v or {"none"}) for k, v in out.items()}


def provisions(coded: list[CodedArticle], source: str) -> list[Provision]:
    """The text's provision codings as model provisions (main instrument only), cited to article and paragraph."""
    out: list[Provision] = []
    for ca in coded:
        if ca.instrument != "treaty":
            continue
        for index, codings in enumerate(ca.codings):
            para = ca.article.paragraphs[index]
            for k, c in enumerate(x for x in codings if x.kind == "provision"):
                p = to_provision(ca.article.number, para.number if para.numbered else None, k, c, source)
                if p is not None:
                    out.append(p)
    return out


def to_provision(article: int, paragraph: str | None, k: int, c: Coding, source: str) -> Provision | None:
    modality = MODALITY.get(c.modality)
    if modality is None or c.action is None:
        return None
    value = c.action.value
    action = ACTION.get(value) or Action.__members__.get(value)
    if action is None:
        return None
    trigger = None
    if c.trigger and c.trigger.value in TRIGGER_EVENTS:
        actor = Role.non_party if c.trigger.value == "state_of_war" else Role.any
        trigger = Trigger(events=TRIGGER_EVENTS[c.trigger.value], target=Role.other_party, actor=actor)
    counterparty = "other_party" if value in ("use_force_against", "join_hostile_alliance", "consult") else None
    if value == "assist_aggressor":
        counterparty = "aggressor"
    ident = f"{article}" + (f".{paragraph}" if paragraph else "") + (f"-{k + 1}" if k else "")
    strength = {"shall": Strength.shall, "best_efforts": Strength.shall_strive}.get(c.binding, Strength.unknown)
    if modality is Modality.permission:
        strength = Strength.may
    described = f"{c.modality} — {value.replace('_', ' ')}" + (f", if {c.trigger.value.replace('_', ' ')}" if c.trigger else "")
    return Provision(
        id=ident, article=article, paragraph=paragraph, modality=modality,
        bearer=Bearer(kind=BEARER.get(c.bearer.value if c.bearer else "", BearerKind.each_party)),
        action=action, counterparty=counterparty, trigger=trigger, strength=strength,
        qualifiers=[f"{x.value}: {x.span.text}" for x in c.conditions],
        text=f"Derived from the text: {described}.", sources=[source], confidence=Confidence.medium,
    )


def text_types(treaty_id: str, coded: list[CodedArticle], source: str) -> ObligationTypes:
    """ATOP obligation types derived from the text's codings through the catalog's own derivation."""
    return derive_types_of(treaty_id, provisions(coded, source))


def treaty_fields(record, source: str) -> dict:
    """Model fields a text gives for a catalog entry: languages, article count, term, entry into force,
    and one article per coded article (its provisions derived from the codings)."""
    from accord.knowledge.model import Article, EntryIntoForceRule, RenewalKind, Term

    life: dict[str, dict] = {}
    where: dict[str, int] = {}
    for art in record.articles:
        for p in art.paragraphs:
            for c in p.coding:
                if c.kind == "lifecycle" and c.lifecycle not in life:
                    life[c.lifecycle], where[c.lifecycle] = dict(c.details), art.number
    for c in record.closing_coding:
        life.setdefault(c.lifecycle, dict(c.details))
    fields: dict = {"article_count": max((a.number for a in record.articles), default=None)}
    languages = life.get("authentic_languages", {}).get("languages")
    if languages:
        fields["languages"] = list(languages)
    if "term" in life or "renewal" in life or "notice" in life:
        term, renewal, notice = life.get("term", {}), life.get("renewal", {}), life.get("notice", {})
        months = notice.get("months") or (notice["years"] * 12 if "years" in notice else None) or (None if "days" not in notice else None)
        fields["term"] = Term(
            initial_years=term.get("years"), indefinite=bool(term.get("indefinite")),
            renewal=RenewalKind.automatic if renewal.get("automatic") and renewal.get("years") else RenewalKind.unknown,
            renewal_years=renewal.get("years") if renewal.get("automatic") else None, notice_months=months,
            notice_note="derived from the text" if months else None, sources=[source], confidence=Confidence.medium,
        )
    if "entry_into_force" in life:
        rule = life["entry_into_force"].get("rule")
        kind = {"on_signature": "on_signature", "exchange": "on_exchange_of_instruments", "last_notification": "days_after_last_notification"}.get(rule, "other")
        days = life["entry_into_force"].get("days")
        if kind == "days_after_last_notification" and days is None:
            kind = "other"
        fields["entry_into_force"] = EntryIntoForceRule(kind=kind, days=days, text=f"Derived from the text: entry into force ({rule or 'rule not recognised'}).",
                                                        article=where.get("entry_into_force"), sources=[source], confidence=Confidence.medium)
    articles = []
    seen = set()
    for art in record.articles:
        if art.number in seen:
            continue
        seen.add(art.number)
        provs = []
        for p in art.paragraphs:
            for k, c in enumerate(x for x in p.coding if x.kind == "provision"):
                prov = to_provision(art.number, p.number if p.numbered else None, k, c, source)
                if prov is not None and prov.id not in {x.id for x in provs}:
                    provs.append(prov)
        domains = sorted({d for p in art.paragraphs for c in p.coding for d in c.domains})
        articles.append(Article(number=art.number, key=str(art.number), topic=art.title or f"Article {art.number}", domains=domains,
                                summary="Derived from the imported text: " + ", ".join(art.obligations) + ".",
                                provisions=provs, sources=[source], confidence=Confidence.medium))
    fields["articles"] = articles
    return fields
