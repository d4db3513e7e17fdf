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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.contract.catalog import ObligationTypes as ObligationTypesAnswer
from accord.knowledge.model import Action, EventKind, Modality, Provision, Treaty

ATTACK_EVENTS = {EventKind.aggression, EventKind.armed_attack}
CRISIS_EVENTS = ATTACK_EVENTS | {EventKind.threat_of_aggression}
BINDING = {Modality.obligation, Modality.prohibition}
TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")


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


@dataclass(frozen=True)
class ObligationTypes:
    treaty: str
    defense: bool
    offense: bool
    neutrality: bool
    nonaggression: bool
    consultation: bool
    cited: dict[str, list[str]] = field(default_factory=dict)  # type -> ["Art. 4", ...]

    @property
    def cow_type(self) -> str | None:
        if self.defense:
            return "I"
        if self.neutrality or self.nonaggression:
            return "II"
        if self.consultation:
            return "III"
        return None

    def as_dict(self) -> dict:
        return ObligationTypesAnswer.model_validate(self).model_dump(mode="json")


def derive_types(treaty: Treaty) -> ObligationTypes:
    """Derive the five ATOP obligation types from the treaty's coded provisions."""
    cited: dict[str, list[str]] = {}
    for name, test in TESTS.items():
        hits = [p.citation for p in treaty.provisions if p.modality in BINDING and test(p)]
        if hits:
            cited[name] = list(dict.fromkeys(hits))
    return ObligationTypes(treaty=treaty.id, cited=cited, **{t: t in cited for t in TYPES})
