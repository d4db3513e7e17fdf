"""Scenario engine: bind events to provision triggers by role and say what each party must do.

For an event (kind, actor, target, day), every treaty that binds an involved
party is examined on that day: whether it is in force, and per party the
duties, prohibitions and permissions its provisions create — plus the
explicit negatives that decide the real question ("no provision of
rus-irn-2025 obliges RUS to give military assistance to IRN").

Roles are relative to the bearer of a provision: a trigger whose target is
``other_party`` fires when the event is aimed at a member other than the
bearer.  The attacker never bears a duty triggered by its own attack.
``aggression`` and ``armed-attack`` are one family: a provision coded with
either fires on both, because the press and the texts use them
interchangeably and the catalog codes the treaty's own word.

Conditions on a provision (where the event happens, who carries it out, with
what weapons) are evaluated against the event: met, the finding stands; not
met, a negative says why the provision does not apply; undecided, the finding
is *conditional* and names the condition and its article.  When a party acts
against its own treaty partner, the provisions its act breaches are reported
as *breach* findings, and the victim is given no duty toward its aggressor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.knowledge.catalog import Catalog, LookupFailed, nearest
from accord.knowledge.model import Action, BearerKind, EventKind, Modality, Provision, Role, Treaty, Weapons
from accord.reasoning.alliance import negative_confidence
from accord.reasoning.conditions import Evaluation, Place, evaluate, region
from accord.reasoning.lifecycle import Status, status
from accord.reasoning.snapback import ProcedureAnswer, procedure_answer

ATTACKS = frozenset({EventKind.aggression, EventKind.armed_attack})
FAMILY: dict[EventKind, frozenset[EventKind]] = {k: ATTACKS for k in ATTACKS}

# Standing (untriggered) provisions that bear on an event aimed at a party.
STANDING: dict[EventKind, set[Action]] = {
    EventKind.aggression: {Action.allow_territory_use_against, Action.join_hostile_alliance},
    EventKind.armed_attack: {Action.allow_territory_use_against, Action.join_hostile_alliance},
    EventKind.threat_of_aggression: {Action.allow_territory_use_against, Action.join_hostile_alliance},
    EventKind.separatist_support: {Action.allow_territory_use_against, Action.support_separatism, Action.respect_sovereignty},
    EventKind.unilateral_sanctions: {Action.apply_coercive_measures_against},
    EventKind.snapback_notification: set(),
}

# The question a reader really asks of each event: is anyone obliged to do this? (action, wording, toward)
DECISIVE: dict[EventKind, list[tuple[Action, str, str]]] = {
    EventKind.aggression: [(Action.provide_military_assistance, "give military assistance to {target}", "target")],
    EventKind.armed_attack: [(Action.provide_military_assistance, "give military assistance to {target}", "target")],
    EventKind.separatist_support: [(Action.provide_military_assistance, "give military assistance to {target}", "target")],
    EventKind.unilateral_sanctions: [
        (Action.apply_coercive_measures_against, "impose counter-measures on {actor}", "actor"),
    ],
}

# What a party's own act against its treaty partner breaches: a prohibition of the act itself,
# or a duty the act runs against.
BREACHES: dict[EventKind, set[Action]] = {
    EventKind.aggression: {Action.use_force_against, Action.respect_sovereignty},
    EventKind.armed_attack: {Action.use_force_against, Action.respect_sovereignty},
    EventKind.threat_of_aggression: {Action.use_force_against},
    EventKind.unilateral_sanctions: {Action.apply_coercive_measures_against, Action.join_sanctions_against},
    EventKind.separatist_support: {Action.support_separatism, Action.respect_sovereignty, Action.allow_territory_use_against},
    EventKind.snapback_notification: set(),
}

KIND_OF = {
    Modality.obligation: "duty",
    Modality.institutional: "duty",
    Modality.aspiration: "duty",
    Modality.prohibition: "prohibition",
    Modality.permission: "permission",
}

VERB = {"duty": "must", "prohibition": "must not", "permission": "may"}


def parse_weapons(value: str | None) -> Weapons | None:
    if value is None or not value.strip():
        return None
    try:
        return Weapons(value.strip().lower())
    except ValueError:
        kinds = [w.value for w in Weapons]
        raise LookupFailed("weapons", value, nearest(value, kinds), known=kinds) from None


def parse_place(value: str | None, catalog: Catalog) -> str | None:
    """A sea region's code or a state's/territory's ISO 3166-1 alpha-3 code."""
    if value is None or not value.strip():
        return None
    sea = region(value)
    return sea if sea else catalog.party(value).code


def parse_event_kind(value: str) -> EventKind:
    """The event kind spelt ``value``; LookupFailed names the nearest kind (or all of them) otherwise."""
    try:
        return EventKind(value)
    except ValueError:
        kinds = [k.value for k in EventKind]
        raise LookupFailed("event kind", value, nearest(value, kinds), known=kinds) from None


@dataclass(frozen=True)
class Event:
    kind: EventKind
    actor: str | None  # a party code (a group is expanded when bound) or a non-state actor's label
    target: str | None
    day: dt.date
    where: str | None = None  # state/territory code or sea region; None = the target's own territory
    weapons: Weapons | None = None


@dataclass(frozen=True)
class Finding:
    party: str
    kind: str  # duty | prohibition | permission | negative | conditional | breach
    action: str
    counterparty: str | None
    article: int | None
    paragraph: str | None
    citation: str
    text: str
    confidence: str
    sources: list[str]
    because: list[str] = field(default_factory=list)  # for negatives: the articles that do apply
    condition: str | None = None  # conditional: the undecided condition; negative: the one not met
    if_met: str | None = None  # conditional: what it becomes when the condition is met (duty, permission ...)
    conditions: list[dict] = field(default_factory=list)  # every condition evaluated, with holds true/false/null
    statements: list[str] = field(default_factory=list)  # negatives: official statements that support them


@dataclass
class TreatyAnswer:
    treaty: str
    in_force: bool | None  # None: contested, or the records cannot tell
    in_force_known: bool
    note: str
    findings: list[Finding] = field(default_factory=list)
    procedure: ProcedureAnswer | None = None  # only for a treaty whose procedure the event starts
    contested: bool = False


@dataclass
class ScenarioResult:
    as_of: dt.date
    events: list[Event]
    treaties: list[TreatyAnswer]

    def answer(self, treaty_id: str) -> TreatyAnswer | None:
        return next((t for t in self.treaties if t.treaty == treaty_id), None)


def _fires(p: Provision, kind: EventKind) -> bool:
    if p.trigger is None:
        return False
    wanted = FAMILY.get(kind, frozenset({kind}))
    return bool(wanted & set(p.trigger.events))


def _role_ok(role: Role, who: set[str], bearer: str, members: set[str]) -> bool:
    if role is Role.any:
        return True
    if not who:
        return False
    if role is Role.other_party:
        return bool(who & members) and bearer not in who
    if role is Role.any_party:
        return bool(who & members)
    if role is Role.non_party:
        return not (who & members)
    return False


def _bearers(p: Provision, members: list[str]) -> list[str]:
    if p.bearer.kind in (BearerKind.party, BearerKind.body):
        return [p.bearer.party] if p.bearer.kind is BearerKind.body or p.bearer.party in members else []
    return list(members)


def _counterparty(p: Provision, bearer: str, actors: set[str], targets: set[str], members: list[str], actor: str | None, target: str | None) -> str | None:
    cp = p.counterparty
    if cp == "other_party":
        if target and targets & set(members) and bearer not in targets:
            return target
        others = [m for m in members if m != bearer]
        return others[0] if len(others) == 1 else "other parties"
    if cp == "aggressor":
        return actor or "the aggressor"
    if cp == "third_states":
        return actor if actor and not (actors & set(members)) else "third states"
    return cp


def _finding(p: Provision, bearer: str, counterparty: str | None, treaty: Treaty, evals: list[Evaluation] | None = None) -> Finding:
    kind = KIND_OF[p.modality]
    best = " (best efforts)" if p.modality is Modality.aspiration else ""
    evals = evals or []
    undecided = [e for e in evals if e.gates and e.holds is None]
    failed = [e for e in evals if e.gates and e.holds is False]
    common = dict(party=bearer, action=p.action.value, counterparty=counterparty, article=p.article, paragraph=p.paragraph,
                  citation=p.citation, confidence=p.confidence.value, sources=list(p.sources),
                  conditions=[e.to_json() for e in evals])
    if failed:
        e = failed[0]
        return Finding(kind="negative", condition=f"{e.condition.text} ({e.condition.citation})",
                       text=f"{p.citation} does not apply to {bearer}: {e.why} ({e.condition.citation})", **common)
    if undecided:
        e = undecided[0]
        return Finding(kind="conditional", if_met=kind, condition=f"{e.condition.text} ({e.condition.citation})",
                       text=f"{bearer} {VERB[kind]}{best}, if {e.condition.text} ({e.condition.citation}): {p.text}", **common)
    content = [e for e in evals if not e.gates]
    how = "".join(f"; {e.condition.text} ({e.condition.citation})" for e in content)
    return Finding(kind=kind, text=f"{bearer} {VERB[kind]}{best}: {p.text}{how}", **common)


def _place_of(event: Event, catalog: Catalog) -> Place | None:
    """Where the event happens: as given, else the target state's own territory."""
    if event.where:
        sea = region(event.where)
        return Place(sea or event.where, sea is not None)
    if event.target and catalog.is_state(event.target):
        return Place(event.target, False)
    return None


def _breaches(treaty: Treaty, event: Event, members: list[str], actors: set[str], targets: set[str]) -> list[Finding]:
    """A party acting against another party: the provisions its own act runs against."""
    victims = targets & set(members)
    if not (actors & set(members)) or not victims:
        return []
    out: list[Finding] = []
    for p in treaty.provisions:
        if p.action not in BREACHES.get(event.kind, set()) or p.trigger is not None:
            continue
        if p.modality not in (Modality.prohibition, Modality.obligation) or p.counterparty not in ("other_party", "each_other", None):
            continue
        for bearer in _bearers(p, members):
            if bearer not in actors:
                continue
            toward = ", ".join(sorted(victims - {bearer})) or None
            if toward is None:
                continue
            out.append(Finding(
                party=bearer, kind="breach", action=p.action.value, counterparty=toward, article=p.article,
                paragraph=p.paragraph, citation=p.citation,
                text=f"{bearer} acts against {toward}, in breach of {p.citation}: {p.text}",
                confidence=p.confidence.value, sources=list(p.sources),
            ))
    return out


def _bind(treaty: Treaty, event: Event, catalog: Catalog) -> tuple[list[Finding], list[str]]:
    """Findings of one treaty for one event, and notes on role binding."""
    members = treaty.members_on(event.day)
    mset = set(members)
    actors = set(catalog.expand(event.actor, event.day)) if event.actor else set()
    targets = set(catalog.expand(event.target, event.day)) if event.target else set()
    actor_is_state = all(catalog.is_state(a) for a in actors) if actors else None
    place = _place_of(event, catalog)
    notes: list[str] = []
    if actors & mset and targets & mset:
        notes.append(f"the actor {event.actor} is itself a party; it bears no duty triggered by its own act")
    findings: list[Finding] = []
    for p in treaty.provisions:
        if p.modality is Modality.effect:
            continue  # a legal effect follows by itself: it is a step of the procedure, nobody's duty
        triggered = _fires(p, event.kind)
        standing = p.trigger is None and p.action in STANDING.get(event.kind, set())
        if not (triggered or standing):
            continue
        for bearer in _bearers(p, members):
            if bearer in actors and event.kind is not EventKind.snapback_notification:
                continue  # never oblige the attacker under its own attack
            if triggered:
                if not _role_ok(p.trigger.target, targets, bearer, mset) or not _role_ok(p.trigger.actor, actors, bearer, mset):
                    continue
            else:
                # a standing duty toward the other party matters only when the event targets that party
                if not (targets & mset) or bearer in targets:
                    continue
            cp = _counterparty(p, bearer, actors, targets, members, event.actor, event.target)
            if bearer in targets and cp is not None and (cp in actors or cp == event.actor):
                continue  # the victim owes its aggressor nothing under the aggressor's own act
            evals = [evaluate(c, place=place, members=mset, actors=actors, actor_is_state=actor_is_state,
                              weapons=event.weapons) for c in p.conditions] if triggered else []
            findings.append(_finding(p, bearer, cp, treaty, evals))
    findings.extend(_breaches(treaty, event, members, actors, targets))
    findings.extend(_negatives(treaty, event, members, actors, targets, findings))
    return findings, notes


def _negatives(treaty: Treaty, event: Event, members: list[str], actors: set[str], targets: set[str], found: list[Finding]) -> list[Finding]:
    # A treaty silent on the event (no provision fires) answers nothing either way: no negatives.
    if not treaty.text_public or not found or not (targets & set(members)):
        return []
    out: list[Finding] = []
    for action, wording, toward in DECISIVE.get(event.kind, []):
        counterparty = event.target if toward == "target" else event.actor
        for bearer in members:
            if bearer in targets or bearer in actors:
                continue
            mine = [f for f in found if f.party == bearer and f.action == action.value]
            if any(f.kind in ("duty", "conditional") or (f.kind == "negative" and f.condition) for f in mine):
                continue  # the duty holds, hangs on a condition, or a negative already says why it does not apply
            applies = list(dict.fromkeys(f.citation for f in found if f.party == bearer and f.kind != "negative"))
            what = wording.format(target=event.target, actor=event.actor)
            because = f"; what applies: {', '.join(applies)}" if applies else ""
            resting = [p for p in treaty.provisions if p.citation in applies]
            confidence, statements = negative_confidence(treaty, action, resting)
            out.append(
                Finding(
                    party=bearer, kind="negative", action=action.value, counterparty=counterparty,
                    article=None, paragraph=None, citation=", ".join(applies) or "no applicable provision",
                    text=f"no provision of {treaty.id} obliges {bearer} to {what}{because}",
                    confidence=confidence, sources=list(treaty.sources), because=applies, statements=statements,
                )
            )
    return out


def _involved(treaty: Treaty, parties: set[str], day: dt.date) -> bool:
    """A treaty binds an involved party if that party is a member on the day (accessions count)."""
    return bool(set(treaty.members_on(day)) & parties)


def _answer(treaty: Treaty, st: Status, event: Event, catalog: Catalog) -> TreatyAnswer:
    known = st.in_force is not None
    note = st.note
    if st.contested:
        latest: dict[tuple, str] = {}
        for pos in st.positions:  # positions come oldest question first; keep each side's latest
            latest[tuple(pos["actors"])] = pos["status"]
        note += "; contested (" + "; ".join(f"{', '.join(a)}: {v}" for a, v in latest.items()) + ")"
    answer = TreatyAnswer(treaty.id, st.in_force if known or st.contested else False, known, note, contested=st.contested)
    if not known and not st.contested:
        answer.in_force = False
        answer.note = f"entry into force not found in the sources; provisions shown as signed. {st.note}"
    if st.in_force or not known:
        findings, notes = _bind(treaty, event, catalog)
        answer.findings = findings
        if notes:
            answer.note += "; " + "; ".join(notes)
        if not findings:
            answer.note += "; no coded provision bears on this event"
        if not treaty.text_public:
            answer.note += "; the text is not public: the absence of a provision is not evidence"
    if event.kind is EventKind.snapback_notification:
        actors = set(catalog.expand(event.actor, event.day)) if event.actor else set()
        for proc in treaty.procedures:
            if proc.trigger is not EventKind.snapback_notification:
                continue
            result = procedure_answer(treaty, proc, event.actor, actors, event.day)
            answer.procedure = result
            answer.note += f"; {result.note}"
            if not result.available:
                # not a notification the procedure knows: nothing it would set off is owed
                started = {p.action.value for p in treaty.provisions if p.trigger and event.kind in p.trigger.events}
                answer.findings = [f for f in answer.findings if f.action not in started]
            for d in result.duties:
                answer.findings.append(Finding(
                    party=d.bearer, kind="duty", action=d.id, counterparty=None, article=None, paragraph=None,
                    citation=d.citation, text=f"{d.label}: by {d.date.isoformat()}",
                    confidence=proc.confidence.value, sources=list(proc.sources),
                ))
    return answer


def _starts_procedure(treaty: Treaty, kind: EventKind) -> bool:
    return any(proc.trigger is kind for proc in treaty.procedures)


def run_scenario(events: list[Event], as_of: dt.date | None, catalog: Catalog) -> ScenarioResult:
    """Answer per treaty and party for each event; ``as_of`` defaults to the last event's day."""
    as_of = as_of or max(e.day for e in events)
    answers: list[TreatyAnswer] = []
    for event in events:
        parties = set()
        for who in (event.actor, event.target):
            if who:
                parties |= set(catalog.expand(who, event.day)) | {who}
        for treaty in catalog.treaties.values():
            # a procedure answers whoever starts it, party or not: the answer then says whether it could
            procedure = _starts_procedure(treaty, event.kind)
            if not procedure and not _involved(treaty, parties, event.day):
                continue
            st = status(treaty, event.day, catalog)
            if st.in_force is False and st.phase in ("terminated", "expired", "not_signed") and not st.contested and not procedure:
                continue  # no longer (or not yet) binding anyone: said by the successor's note instead
            answer = _answer(treaty, st, event, catalog)
            if st.phase == "signed_awaiting_ratification":
                then = [catalog.treaties[r] for r in treaty.replaces if r in catalog.treaties]
                live = [t.id for t in then if status(t, event.day, catalog).in_force]
                answer.note += f"; not in force on {event.day.isoformat()}" + (
                    f"; in force between the same parties then: {', '.join(live)}" if live else ""
                )
            answers.append(answer)
    answers.sort(key=lambda a: (not a.in_force, a.treaty))
    return ScenarioResult(as_of=as_of, events=events, treaties=answers)
