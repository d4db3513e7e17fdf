"""Judge a typed claim against the catalog: supported, contradicted or unverifiable, with evidence.

Verdicts come from catalog data only.  A claim about a fact the catalog
marks unknown is *unverifiable*, never supported.  Absence of a provision
decides a claim only when the absence is itself sourced (an official
statement on the treaty's character); otherwise a partially coded treaty
cannot say "there is no such clause".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from rapidfuzz import fuzz

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import Action, LifecycleKind, Modality, Provision, RenewalKind, Treaty
from accord.reasoning.alliance import is_defense, is_neutrality
from accord.reasoning.claims import Claim, ClaimType, Judgement, Verdict
from accord.reasoning.lifecycle import status

S, C, U = Verdict.supported, Verdict.contradicted, Verdict.unverifiable

# Which coded actions make a boolean claim type true.
ACTIONS: dict[ClaimType, tuple[set[Action], set[Modality] | None]] = {
    ClaimType.territory_not_used_against: ({Action.allow_territory_use_against}, {Modality.prohibition}),
    ClaimType.intelligence_cooperation: ({Action.exchange_intelligence}, None),
    ClaimType.military_cooperation: (
        {Action.military_cooperation, Action.joint_exercises, Action.port_calls, Action.military_training,
         Action.military_technical_cooperation}, None),
    ClaimType.consultation_on_threats: ({Action.consult}, None),
    ClaimType.sanctions_opposition: ({Action.oppose_unilateral_coercive_measures, Action.join_sanctions_against}, None),
    ClaimType.payment_systems_link: ({Action.link_payment_systems, Action.settle_in_national_currencies}, None),
    ClaimType.nuclear_energy_cooperation: ({Action.nuclear_energy_cooperation}, None),
    ClaimType.territorial_integrity: ({Action.respect_sovereignty}, None),
}

# Press words for a domain -> the catalog's domain vocabulary.
DOMAIN_SYNONYMS = {
    "defense": "defence", "military": "defence", "security": "security", "counterterrorism": "counter-terrorism",
    "terrorism": "counter-terrorism", "cyber": "cybersecurity", "information security": "cybersecurity",
    "organized-crime": "organised-crime", "organised crime": "organised-crime", "organized crime": "organised-crime",
    "money laundering": "money-laundering", "aml": "money-laundering", "sports": "sport", "banking": "finance",
    "finance": "finance", "trade": "trade", "scientific": "science", "technological": "technology",
    "transportation": "transport", "healthcare": "health", "climate": "environment", "ecology": "environment",
}


def _j(verdict: Verdict, treaty: Treaty, where: str, reason: str, sources: list[str]) -> Judgement:
    return Judgement(verdict=verdict, citation=f"{treaty.id} {where}".strip(), reason=reason, sources=list(dict.fromkeys(sources))[:6])


def _unknown(treaty: Treaty, what: str) -> Judgement:
    return _j(U, treaty, "record", f"the catalog does not know {what}", treaty.sources)


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _statement(treaty: Treaty, topic: str):
    return next((s for s in treaty.statements if s.topic == topic), None)


def _provisions(treaty: Treaty, actions: set[Action], modalities: set[Modality] | None) -> list[Provision]:
    return [p for p in treaty.provisions if p.action in actions and (modalities is None or p.modality in modalities)]


def _cite(provisions: list[Provision]) -> str:
    return ", ".join(dict.fromkeys(p.citation for p in provisions))


def _by_provisions(treaty: Treaty, claim: Claim, found: list[Provision], what: str, statement_topic: str | None = None) -> Judgement:
    value = _as_bool(claim.value)
    if value is None:
        return _j(U, treaty, "", f"cannot read '{claim.value}' as true or false", treaty.sources)
    if found:
        sources = [s for p in found for s in p.sources]
        verdict = S if value else C
        return _j(verdict, treaty, _cite(found), f"{what}: coded in {_cite(found)}", sources)
    stmt = _statement(treaty, statement_topic or claim.type.value)
    if stmt is not None and isinstance(stmt.value, bool):
        verdict = S if value == stmt.value else C
        return _j(verdict, treaty, "official statements", stmt.text.strip(), stmt.sources)
    return _j(U, treaty, "", f"no coded provision on {what}; the coded text is partial, so absence proves nothing", treaty.sources)


def _mutual_defense(treaty: Treaty, claim: Claim) -> Judgement:
    value = _as_bool(claim.value)
    defense = [p for p in treaty.provisions if is_defense(p)]
    if defense:
        return _j(S if value else C, treaty, _cite(defense), "the treaty obliges military assistance if a party is attacked",
                  [s for p in defense for s in p.sources])
    stmt = _statement(treaty, "mutual_defense")
    neutral = [p for p in treaty.provisions if is_neutrality(p)]
    if stmt is not None and stmt.value is False:
        where = _cite(neutral) or "official statements"
        reason = "no mutual-defence obligation" + (f"; {where} only bars help to an aggressor" if neutral else "") + f" ({stmt.text.strip()})"
        sources = [s for p in neutral for s in p.sources] + list(stmt.sources)
        return _j(C if value else S, treaty, where, reason, sources)
    return _j(U, treaty, "", "no defence provision is coded, but the coded text is partial", treaty.sources)


def _non_assistance(treaty: Treaty, claim: Claim) -> Judgement:
    found = [p for p in treaty.provisions if is_neutrality(p)]
    return _by_provisions(treaty, claim, found, "non-assistance to an aggressor")


def _date_prefix(value: Any) -> str | None:
    """A claimed date: YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD when the text gives no year."""
    text = str(value)
    return text if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}", text) else None


def _same_date(actual: dt.date, claimed: str) -> bool:
    """Does the claimed (possibly partial) date agree with the actual day? A year-less date
    agrees when month and day do."""
    if claimed.startswith("--"):
        return actual.strftime("--%m-%d") == claimed
    return actual.isoformat().startswith(claimed)


def _signed_on(treaty: Treaty, claim: Claim) -> Judgement:
    claimed = _date_prefix(claim.value)
    if treaty.signature is None or claimed is None:
        return _unknown(treaty, "the signature date") if claimed else _j(U, treaty, "", f"cannot read date '{claim.value}'", treaty.sources)
    actual = treaty.signature.date.isoformat()
    ok = _same_date(treaty.signature.date, claimed)
    return _j(S if ok else C, treaty, "life cycle: signed", f"signed on {actual}", treaty.signature.sources)


def _signed_at(treaty: Treaty, claim: Claim) -> Judgement:
    if treaty.signature is None or not treaty.signature.place:
        return _unknown(treaty, "the place of signature")
    place = treaty.signature.place
    ok = fuzz.partial_ratio(str(claim.value).lower(), place.lower()) >= 85
    return _j(S if ok else C, treaty, "life cycle: signed", f"signed at {place}", treaty.signature.sources)


def _same_person(claimed: str, known: str) -> bool:
    """Surnames must match (spelling variants allowed); a given first name must match too."""
    a, b = claimed.lower().split(), known.lower().split()
    if not a or not b or fuzz.ratio(a[-1], b[-1]) < 75:
        return False
    return len(a) == 1 or len(b) == 1 or fuzz.ratio(a[0], b[0]) >= 85


def _signatory(treaty: Treaty, claim: Claim) -> Judgement:
    if treaty.signature is None or not treaty.signature.signatories:
        return _unknown(treaty, "the signatories")
    names = treaty.signature.signatories
    ok = any(_same_person(str(claim.value), n) for n in names)
    return _j(S if ok else C, treaty, "life cycle: signed", f"signed by {', '.join(names)}", treaty.signature.sources)


def _article_count(treaty: Treaty, claim: Claim) -> Judgement:
    if treaty.article_count is None:
        return _unknown(treaty, "the number of articles")
    ok = int(claim.value) == treaty.article_count
    return _j(S if ok else C, treaty, "record: structure", f"{treaty.article_count} articles", treaty.sources)


def _duration(treaty: Treaty, claim: Claim) -> Judgement:
    term = treaty.term
    if term is None or (term.initial_years is None and not term.indefinite):
        return _unknown(treaty, "the treaty's duration")
    if term.indefinite:
        return _j(C, treaty, "record: term", "concluded for an indefinite period", term.sources)
    ok = int(claim.value) == term.initial_years
    return _j(S if ok else C, treaty, "record: term", f"initial term of {term.initial_years} years", term.sources)


def _renewal(treaty: Treaty, claim: Claim) -> Judgement:
    term = treaty.term
    if term is None or term.renewal is RenewalKind.unknown:
        return _unknown(treaty, "the renewal terms")
    text = str(claim.value).lower()
    actual = f"{term.renewal.value}" + (f", {term.renewal_years}-year periods" if term.renewal_years else "")
    if text.startswith("auto"):
        years = re.search(r"(\d+)", text)
        ok = term.renewal is RenewalKind.automatic and (years is None or int(years.group(1)) == term.renewal_years)
    elif text in ("none", "no"):
        ok = term.renewal is RenewalKind.none
    else:  # "extendable", "renewable", "by agreement"
        ok = term.renewal is not RenewalKind.none
    return _j(S if ok else C, treaty, "record: term", f"renewal: {actual}", term.sources)


def _entry_rule(treaty: Treaty, claim: Claim) -> Judgement:
    rule = treaty.entry_into_force
    if rule is None:
        return _unknown(treaty, "the entry-into-force rule")
    days = re.search(r"(\d+)\s*day", str(claim.value))
    if days and rule.days is not None:
        ok = int(days.group(1)) == rule.days
        return _j(S if ok else C, treaty, "record: entry into force", rule.text.strip(), rule.sources)
    return _j(U, treaty, "record: entry into force", f"cannot compare '{claim.value}' with: {rule.text.strip()}", rule.sources)


def _in_force(treaty: Treaty, claim: Claim, catalog: Catalog, as_of: dt.date | None) -> Judgement:
    entry = next((e for e in treaty.events_of(LifecycleKind.in_force) if e.date), None)
    claimed = _date_prefix(claim.value) if not isinstance(claim.value, bool) else None
    if claimed:
        if entry is None:
            return _unknown(treaty, "the day of entry into force")
        ok = _same_date(entry.date, claimed)
        return _j(S if ok else C, treaty, "life cycle: in force", f"entered into force on {entry.date.isoformat()}", entry.sources)
    value = _as_bool(claim.value)
    if as_of is None:
        return _j(U, treaty, "life cycle", "the day the claim speaks of is not known", treaty.sources)
    day = as_of
    st = status(treaty, day, catalog)
    if st.in_force is None or value is None:
        return _j(U, treaty, "life cycle", f"on {day.isoformat()}: {st.note}", treaty.sources)
    sources = entry.sources if entry else treaty.sources
    return _j(S if st.in_force == value else C, treaty, "life cycle", f"on {day.isoformat()}: {st.note}", sources)


def _ratified_by(treaty: Treaty, claim: Claim) -> Judgement:
    text = str(claim.value)
    party = text[:3].upper()
    steps = [e for e in treaty.lifecycle if e.kind in (LifecycleKind.ratified, LifecycleKind.approved, LifecycleKind.law_signed)]
    if not steps:
        return _unknown(treaty, "the ratification steps")
    mine = [e for e in steps if e.party == party]
    if not mine:
        return _j(C, treaty, "life cycle", f"no ratification step by {party} is recorded", treaty.sources)
    day = re.search(r"\d{4}-\d{2}(-\d{2})?|--\d{2}-\d{2}", text)
    if day:
        dated = [e for e in mine if e.date and _same_date(e.date, day.group(0))]
        if not dated:
            known = ", ".join(f"{e.body} {e.date.isoformat()}" for e in mine if e.date)
            return _j(C, treaty, "life cycle", f"{party}'s steps: {known}", [s for e in mine for s in e.sources])
        mine = dated
    best = mine[0]
    when = best.date.isoformat() if best.date else (best.date_text or "date unknown")
    return _j(S, treaty, f"life cycle: {best.kind.value} {party}", f"{best.body or party} {when}: {best.text}", best.sources)


def _replaces(treaty: Treaty, claim: Claim) -> Judgement:
    if not treaty.replaces:
        return _unknown(treaty, "which treaty this one replaces")
    ok = str(claim.value) in treaty.replaces
    return _j(S if ok else C, treaty, "record: replaces", f"replaces {', '.join(treaty.replaces)}", treaty.sources)


def _domain(treaty: Treaty, claim: Claim) -> Judgement:
    word = str(claim.value).strip().lower()
    domain = DOMAIN_SYNONYMS.get(word, word)
    arts = [a for a in treaty.articles if domain in a.domains]
    if arts:
        where = ", ".join(f"Art. {a.number}" if a.number else f"unnumbered provision ({a.key})" for a in arts[:3])
        return _j(S, treaty, where, f"the treaty covers {domain}", [s for a in arts for s in a.sources])
    return _j(U, treaty, "", f"no coded article covers '{domain}'", treaty.sources)


def _needs_ratification(treaty: Treaty, claim: Claim) -> Judgement:
    rule = treaty.entry_into_force
    steps = [e for e in treaty.lifecycle if e.kind in (LifecycleKind.ratified, LifecycleKind.approved)]
    if rule is None and not steps:
        return _unknown(treaty, "whether ratification is required")
    needs = bool(steps) or (rule is not None and rule.kind in ("days_after_last_notification", "on_exchange_of_instruments"))
    value = _as_bool(claim.value)
    sources = rule.sources if rule else steps[0].sources
    return _j(S if value == needs else C, treaty, "record: entry into force", "subject to ratification" if needs else "not subject to ratification", sources)


def _third_countries(treaty: Treaty, claim: Claim) -> Judgement:
    return _by_provisions(treaty, claim, [], "being directed against third countries")


# A rule judges one claim type: (treaty, claim, catalog, the day the text speaks from) -> verdict.
Rule = Callable[[Treaty, Claim, Catalog, "dt.date | None"], Judgement]


def _on_record(rule: Callable[[Treaty, Claim], Judgement]) -> Rule:
    """A rule that needs only the treaty's own record."""
    return lambda treaty, claim, catalog, as_of: rule(treaty, claim)


def _by_action(claim_type: ClaimType) -> Rule:
    """A rule for a claim that the treaty creates some kind of duty: true when a coded provision does."""
    actions, modalities = ACTIONS[claim_type]
    what = claim_type.value.replace("_", " ")
    return lambda treaty, claim, catalog, as_of: _by_provisions(treaty, claim, _provisions(treaty, actions, modalities), what)


# The verdict rules, one per claim type (a test checks that every claim type has one).
RULES: dict[ClaimType, Rule] = {
    **{t: _by_action(t) for t in ACTIONS},
    **{t: _on_record(rule) for t, rule in {
        ClaimType.mutual_defense: _mutual_defense,
        ClaimType.non_assistance_to_aggressor: _non_assistance,
        ClaimType.signed_on: _signed_on,
        ClaimType.signed_at: _signed_at,
        ClaimType.signatory: _signatory,
        ClaimType.article_count: _article_count,
        ClaimType.duration_years: _duration,
        ClaimType.renewal: _renewal,
        ClaimType.entry_into_force_rule: _entry_rule,
        ClaimType.ratified_by: _ratified_by,
        ClaimType.replaces: _replaces,
        ClaimType.covers_domain: _domain,
        ClaimType.needs_ratification: _needs_ratification,
        ClaimType.directed_against_third_countries: _third_countries,
    }.items()},
    ClaimType.in_force: _in_force,
}


def judge(claim: Claim, catalog: Catalog, as_of: dt.date | None = None) -> Judgement:
    """Verdict for ``claim``; ``as_of`` is the day the text speaks from (for "is in force" claims)."""
    treaty = catalog.treaty(claim.treaty)
    try:
        return RULES[claim.type](treaty, claim, catalog, as_of)
    except (TypeError, ValueError) as exc:
        return _j(U, treaty, "", f"cannot read the claimed value '{claim.value}': {exc}", treaty.sources)

