"""Alliance-obligation types derived from provisions, never hand-set.

Definitions follow the ATOP codebook (Leeds et al.), paraphrased:

- defense: a party must actively help militarily if an ally is attacked;
- offense: a party must actively help militarily in a conflict that does not
  begin with an attack on the ally;
- neutrality: a party must not join or aid a state attacking the ally
  (non-assistance to the aggressor is of this kind);
- nonaggression: parties must not attack or use force against each other;
- consultation: a party must consult in a crisis that could become a
  militarised conflict; a general promise to consult does not count.

The COW typology is the highest commitment: Type I (defence pact), Type II
(neutrality / non-aggression), Type III (entente: consultation).

Each type is true, false or unknown.  True needs a coded provision.  False
needs something that covers the text: a complete coding (the text is public
and every article is coded), an official statement that the treaty does not
create it, or ATOP's coding of the full text; otherwise "not coded" stays
unknown — it never becomes "no".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.contract.catalog import ObligationTypes as ObligationTypesAnswer
from accord.knowledge.model import Action, Confidence, EventKind, Modality, Provision, Statement, Treaty

ATTACK_EVENTS = {EventKind.aggression, EventKind.armed_attack}
CRISIS_EVENTS = ATTACK_EVENTS | {EventKind.threat_of_aggression}
BINDING = {Modality.obligation, Modality.prohibition}
TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")
ATOP_NAMES = {"defense": "defense", "offense": "offense", "neutrality": "neutral", "nonaggression": "nonagg", "consultation": "consul"}
RANK = {Confidence.low: 0, Confidence.medium: 1, Confidence.high: 2}
# A Security Council resolution binds states toward the UN; it allies no one with anyone.
NOT_ALLIANCES = {"resolution"}

# The claim topic under which an official statement speaks to an obligation type or a decisive action.
TYPE_TOPIC = {"defense": "mutual_defense"}
ACTION_TOPIC = {Action.provide_military_assistance: "mutual_defense"}


def _attack_on_ally(p: Provision) -> bool:
    return p.trigger is not None and bool(set(p.trigger.events) & ATTACK_EVENTS) and p.trigger.target.value in (
        "other_party",
        "any_party",
    )


def is_defense(p: Provision) -> bool:
    return p.modality is Modality.obligation and p.action is Action.provide_military_assistance and _attack_on_ally(p)


def is_offense(p: Provision) -> bool:
    return (
        p.modality is Modality.obligation
        and p.action is Action.provide_military_assistance
        and p.trigger is not None
        and not _attack_on_ally(p)
    )


def is_neutrality(p: Provision) -> bool:
    return p.modality is Modality.prohibition and p.action is Action.assist_aggressor and _attack_on_ally(p)


def is_nonaggression(p: Provision) -> bool:
    return (
        p.modality is Modality.prohibition
        and p.action is Action.use_force_against
        and p.counterparty in ("other_party", "each_other")
    )


def is_consultation(p: Provision) -> bool:
    # Only a duty to consult when a crisis arises counts; a standing promise does not.
    return (
        p.modality is Modality.obligation
        and p.action is Action.consult
        and p.trigger is not None
        and bool(set(p.trigger.events) & CRISIS_EVENTS)
    )


TESTS = {
    "defense": is_defense,
    "offense": is_offense,
    "neutrality": is_neutrality,
    "nonaggression": is_nonaggression,
    "consultation": is_consultation,
}


def coded_articles(treaty: Treaty) -> set[int]:
    return {a.number for a in treaty.articles if a.number is not None}


def fully_coded(treaty: Treaty) -> bool:
    """The text is public and every one of its articles is coded: silence then means 'no'."""
    count = treaty.article_count
    return treaty.text_public and count is not None and coded_articles(treaty) >= set(range(1, count + 1))


def coverage(treaty: Treaty) -> dict:
    coded = len(coded_articles(treaty))
    return {"coded_articles": coded, "article_count": treaty.article_count, "text_public": treaty.text_public,
            "complete": fully_coded(treaty)}


def _denials(treaty: Treaty, topic: str | None) -> list[Statement]:
    return [s for s in treaty.statements if topic and s.topic == topic and s.value is False]


def _weakest(levels: list[Confidence]) -> Confidence:
    return min(levels, key=RANK.__getitem__)


def negative_confidence(treaty: Treaty, action: Action, resting: list[Provision]) -> tuple[str, list[str]]:
    """Confidence of "no provision obliges ..." and the statements that support it.

    It follows the coverage (complete coding: high; otherwise low, unless an
    official statement denies the obligation) and never exceeds the weakest
    provision it rests on.
    """
    level = Confidence.high if fully_coded(treaty) else Confidence.low
    denials = _denials(treaty, ACTION_TOPIC.get(action))
    if denials:
        level = max([level, *(s.confidence for s in denials)], key=RANK.__getitem__)
    level = _weakest([level, *(p.confidence for p in resting)])
    said = [f"{'; '.join(s.by) or 'official statement'}{f' ({s.date.isoformat()})' if s.date else ''}: {s.text.strip()}" for s in denials]
    return level.value, said


@dataclass(frozen=True)
class ObligationTypes:
    treaty: str
    defense: bool | None
    offense: bool | None
    neutrality: bool | None
    nonaggression: bool | None
    consultation: bool | None
    cited: dict[str, list[str]] = field(default_factory=dict)  # type -> ["Art. 4", ...]
    basis: dict[str, str] = field(default_factory=dict)  # type -> provision | complete coding | statement | ATOP | not covered
    confidence: dict[str, str] = field(default_factory=dict)
    coverage: dict = field(default_factory=dict)

    @property
    def cow_type(self) -> str | None:
        if self.defense:
            return "I"
        if self.neutrality or self.nonaggression:
            return "II"
        if self.consultation:
            return "III"
        return None

    @property
    def any_obligation(self) -> bool:
        return any(getattr(self, t) for t in TYPES)

    def as_dict(self) -> dict:
        return ObligationTypesAnswer.model_validate(self).model_dump(mode="json")


def _absent(treaty: Treaty, name: str) -> tuple[bool | None, str, str | None]:
    """(value, basis, confidence) of a type no coded provision creates."""
    if treaty.kind in NOT_ALLIANCES:
        return False, "instrument kind", Confidence.high.value
    if fully_coded(treaty):
        return False, "complete coding", Confidence.high.value
    denials = _denials(treaty, TYPE_TOPIC.get(name))
    if denials:
        return False, "statement", max((s.confidence for s in denials), key=RANK.__getitem__).value
    if treaty.atop is not None and treaty.atop.codes.get(ATOP_NAMES[name]) == 0:
        return False, "ATOP", Confidence.medium.value
    return None, "not covered", None


def derive_types(treaty: Treaty) -> ObligationTypes:
    """Derive the five ATOP obligation types (true / false / unknown) from the treaty's coded provisions."""
    cited: dict[str, list[str]] = {}
    values: dict[str, bool | None] = {}
    basis: dict[str, str] = {}
    confidence: dict[str, str] = {}
    for name, test in TESTS.items():
        hits = [p for p in treaty.provisions if p.modality in BINDING and test(p)]
        if hits:
            cited[name] = list(dict.fromkeys(p.citation for p in hits))
            values[name], basis[name] = True, "provision"
            confidence[name] = max((p.confidence for p in hits), key=RANK.__getitem__).value
            continue
        values[name], basis[name], conf = _absent(treaty, name)
        if conf:
            confidence[name] = conf
    return ObligationTypes(treaty=treaty.id, cited=cited, basis=basis, confidence=confidence,
                           coverage=coverage(treaty), **values)


def derive_types_of(treaty_id: str, provisions: list[Provision], articles: int | None = None) -> ObligationTypes:
    """The five types from the provisions of a wholly coded text (every paragraph was read), so a type
    no provision creates is absent (false), on the basis of the complete coding."""
    cited: dict[str, list[str]] = {}
    for name, test in TESTS.items():
        hits = [p.citation for p in provisions if p.modality in BINDING and test(p)]
        if hits:
            cited[name] = list(dict.fromkeys(hits))
    basis = {t: "provision" if t in cited else "complete coding" for t in TYPES}
    return ObligationTypes(treaty=treaty_id, cited=cited, basis=basis,
                           coverage={"coded_articles": articles, "article_count": articles, "text_public": True, "complete": True},
                           **{t: t in cited for t in TYPES})
