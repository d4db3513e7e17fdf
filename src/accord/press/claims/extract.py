"""Typed claims from press text in every language that has a pack, with character spans.

Each sentence is scanned by the cues of its language's pack (``accord.press.lang``):
one engine, every language read the same way.  A claim's treaty is the one the sentence names nearest to the
matched words (the flagship by default); its polarity flips when a negation
cue stands shortly before it in the same clause ("does not constitute a
mutual defence pact" -> mutual_defense = false), which also covers reported
speech ("Rudenko said the treaty contains no military commitments").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from accord.press.claims.gate import GateSet, admits, fold
from accord.press.claims.names import BODIES, CUES, PARTY_CUES, PEOPLE, PLACES
from accord.press.claims.text import clause_start, negated, sentences
from accord.press.claims.treaty_ref import DEFAULT, DEFENCE_COMPARATORS, OTHER, mentions, resolve
from accord.press.claims.values import people, places_after_preposition
from accord.press.dates import DateContext, document_years
from accord.press.dates import reader as date_reader
from accord.press.lang import LanguagePack, analysed_languages, pack
from accord.press.script import Normalised, normalise
from accord.reasoning.claims import Claim, ClaimType

SUPPORTED_LANGUAGES = frozenset(analysed_languages())
YEAR_ONLY = re.compile(r"^\d{4}$")
SIGN_LABEL_FILLER = re.compile(r"[\s|:•*-]+|\bby\b", re.I)
LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•*·▪]|\d{1,2}[.)])[ \t]+")


@lru_cache(maxsize=None)
def _gate_set(lang: str) -> GateSet:
    """Gates for everything a sentence scan may run: the pack, treaty cues, people, places."""
    shared = [rx for _, rx in CUES] + [rx for rx, _ in PEOPLE] + [rx for rx, _ in PLACES]
    shared += list(PARTY_CUES.values()) + [rx for rx, _, _ in BODIES]
    return GateSet([*pack(lang).patterns(), *shared])


@lru_cache(maxsize=None)
def _step_starters(lang: str) -> dict[str, frozenset[int] | None]:
    """Per step of a sentence scan, the ids of the patterns it runs whatever else it found (the cues
    it starts from); every other pattern of the step runs only around a match of one of these.
    None for a step one of whose starters has no gate (it may match anything)."""
    lex = pack(lang)
    starters = {
        "mutual_defense": [lex.mutual_defense],
        "booleans": [*lex.booleans.values(), lex.third_countries],
        "counts": [*lex.article_count],
        "terms": [lex.renewal, lex.five_years, *lex.duration, *lex.entry_rule],
        "life_cycle": [*lex.entry_rule, lex.in_force_true, lex.in_force_false, lex.needs_ratification, lex.replaces],
        "signing": [lex.sign_cue],  # and the names, after a "Signed by" label: see _SentenceScan.run
        "ratification": [lex.ratify],
        # the domains that need no scope cue; all of them in a list of fields: see _SentenceScan.run
        "domains": [lex.scope_cue, lex.mutual_defense, *(rx for name, rx in lex.domains.items() if name in lex.no_scope_needed)],
        "treaty_cues": [rx for _, rx in CUES],
    }
    gated = _gate_set(lang).gated
    out: dict[str, frozenset[int] | None] = {}
    for step, patterns in starters.items():
        ids = frozenset(id(rx) for rx in patterns if rx is not None)
        out[step] = ids if ids <= gated else None
    return out


@lru_cache(maxsize=None)
def _starters(lang: str) -> frozenset[int] | None:
    """Ids of the patterns a sentence scan starts from in any step, or None when one has no gate."""
    steps = _step_starters(lang).values()
    return None if None in steps else frozenset().union(*steps)


def _quiet(lang: str, admitted: frozenset[int]) -> bool:
    """Can no step of a scan find anything in a sentence whose gates admit ``admitted``?  (Then the
    scan emits nothing, names no treaty and opens no list, and need not run.)"""
    starters = _starters(lang)
    return starters is not None and starters.isdisjoint(admitted)


@dataclass(frozen=True)
class ExtractedClaim:
    claim: Claim
    start: int  # offsets into the text given to the extractor
    end: int
    quote: str
    lang: str


class _Sink:
    """Collects claims of one document, one per (treaty, type, value).  The scans read ``text``; when
    that is a folded view of the document (Arabic script), spans and quotes are given in the original."""

    def __init__(self, text: str, lang: str, view: Normalised | None = None):
        self.text, self.lang, self.view = text, lang, view
        self.claims: list[ExtractedClaim] = []
        self._seen: set[tuple] = set()

    def add(self, treaty: str, type_: ClaimType, value, start: int, end: int) -> None:
        key = (treaty, type_, str(value).lower())
        if key in self._seen:
            return
        self._seen.add(key)
        claim = Claim(treaty=treaty, type=type_, value=value)
        original = self.text
        if self.view is not None:
            start, end = self.view.span(start, end)
            original = self.view.original
        self.claims.append(ExtractedClaim(claim, start, end, original[start:end], self.lang))


def _nearest(items: list[tuple[int, int, object]], anchor: int) -> tuple[int, int, object] | None:
    return min(items, key=lambda it: abs(it[0] - anchor), default=None)


class _SentenceScan:
    """One sentence through every pattern of its language.

    Patterns run through :meth:`find` and :meth:`search`: a pattern whose literal words
    are missing from the sentence (``accord.press.claims.gate``) is not run at all, and one
    used by several steps runs once.  Both only skip work whose outcome is known.
    """

    def __init__(self, sink: _Sink, a: int, b: int, lang: str, when: DateContext, carry: str | None,
                 list_scope: bool = False, after_sign_label: bool = False,
                 admitted: tuple[str, frozenset[int]] | None = None):
        self.sink, self.a, self.lang, self.when, self.carry = sink, a, lang, when, carry
        self.list_scope = list_scope  # an item of a list introduced by "cooperation in these sectors:"
        self.after_sign_label = after_sign_label  # the value cell of an infobox row "Signed by | …"
        self.s = sink.text[a:b]
        self.lex: LanguagePack = pack(lang)
        self._gates = _gate_set(lang)
        # (folded sentence, ids of the patterns its gates admit), when the caller has them already
        self.folded, self._admitted = admitted or _admitted(self.s, lang)
        self._found: dict[int, list[re.Match]] = {}  # by id(pattern): hashing a pattern is slow
        self._treaty_cues: list[tuple[int, str]] | None = None
        self._dates: list[tuple[int, int, str | None]] | None = None

    def may_match(self, pattern: re.Pattern) -> bool:
        key = id(pattern)
        if key in self._gates.gated:
            return key in self._admitted
        return admits(pattern, self.folded)  # a pattern the gate set does not know: its own gate

    def find(self, pattern: re.Pattern | None) -> list[re.Match]:
        """Every match of ``pattern`` in the sentence (none when the pack has no such cue)."""
        if pattern is None:
            return []
        found = self._found.get(id(pattern))
        if found is None:
            found = self._found[id(pattern)] = list(pattern.finditer(self.s)) if self.may_match(pattern) else []
        return found

    def first(self, pattern: re.Pattern) -> re.Match | None:
        found = self.find(pattern)
        return found[0] if found else None

    def search(self, pattern: re.Pattern | None, pos: int, endpos: int) -> re.Match | None:
        if pattern is None:
            return None
        return pattern.search(self.s, pos, endpos) if self.may_match(pattern) else None

    def treaty_cues(self) -> list[tuple[int, str]]:
        if self._treaty_cues is None:
            self._treaty_cues = mentions(self.s, self.may_match)
        return self._treaty_cues

    def resolve(self, offset: int, fallback: str = DEFAULT, reach: int = 90) -> str:
        return resolve(self.s, offset, fallback=fallback, reach=reach, cues=self.treaty_cues())

    def dates(self) -> list[tuple[int, int, str | None]]:
        """(start, end, ISO value or None) of every date in the sentence (``accord.press.dates``), read once."""
        if self._dates is None:
            dates = date_reader(self.lang)
            self._dates = [(d.start, d.end, d.value) for d in dates.find(self.s, self.when)] if dates else []
        return self._dates

    def emit(self, treaty: str, type_: ClaimType, value, start: int, end: int) -> None:
        if treaty == OTHER:
            return  # the sentence speaks of an agreement outside the catalog
        self.sink.add(treaty, type_, value, self.a + start, self.a + end)

    def run(self) -> str | None:
        starters = _step_starters(self.lang)
        for name, step in (("mutual_defense", self.mutual_defense), ("booleans", self.booleans), ("counts", self.counts),
                           ("terms", self.terms), ("life_cycle", self.life_cycle), ("signing", self.signing),
                           ("ratification", self.ratification), ("domains", self.domains)):
            if self._silent(starters[name]) and not (name == "signing" and self.after_sign_label) \
                    and not (name == "domains" and self.list_scope):
                continue  # none of the cues the step starts from can match: it would find nothing
            step()
        if self._silent(starters["treaty_cues"]):
            return None
        cues = [tid for _, tid in self.treaty_cues()]
        return cues[-1] if cues else None

    def _silent(self, starters: frozenset[int] | None) -> bool:
        return starters is not None and starters.isdisjoint(self._admitted)

    # --- security core -------------------------------------------------------------------------
    def mutual_defense(self) -> None:
        if self.s.rstrip().endswith("?"):
            return  # a question asserts nothing
        last_negated_end = None
        for m in self.find(self.lex.mutual_defense):
            if self.search(self.lex.desire, max(clause_start(self.s, self.lex, m.start()), m.start() - 60), m.start()):
                continue  # a wish or a proposal, not a statement of what the treaty provides
            positive = not negated(self.s, m.start(), self.lex, end=m.end())
            if positive and last_negated_end is not None and m.start() - last_negated_end < 120 \
                    and clause_start(self.s, self.lex, m.start()) <= last_negated_end:
                positive = False  # "does not provide for an alliance and the provision of military assistance"
            if not positive:
                last_negated_end = m.end()
            fallback = self.carry if self.carry in DEFENCE_COMPARATORS else DEFAULT
            named = {tid for _, tid in self.treaty_cues()}
            cued = named & DEFENCE_COMPARATORS
            if positive and DEFAULT not in named and len(cued) == 1:
                fallback = next(iter(cued))  # "… a pact with North Korea, which provides for mutual assistance"
            near = self.resolve(m.start(), fallback=fallback, reach=60)
            if near in DEFENCE_COMPARATORS and positive:
                self.emit(near, ClaimType.mutual_defense, True, m.start(), m.end())
                continue
            target = DEFAULT if near in DEFENCE_COMPARATORS else near
            self.emit(target, ClaimType.mutual_defense, positive, m.start(), m.end())
            if not positive:  # "unlike the DPRK treaty", "like NATO's Article 5": the contrast names real pacts
                for tid in sorted(cued):
                    self.emit(tid, ClaimType.mutual_defense, True, m.start(), m.end())

    def booleans(self) -> None:
        territory_use = self.first(self.lex.booleans.get("territory_not_used_against"))
        for name, pattern in self.lex.booleans.items():
            if name == "territorial_integrity" and territory_use:
                continue  # "territory used against ... territorial integrity" is the territory clause
            for m in self.find(pattern):
                value = True
                if name not in self.lex.not_negatable and negated(self.s, m.start(), self.lex, window=40, end=m.end()):
                    value = False
                self.emit(self.resolve(m.start(), reach=60), ClaimType(name), value, m.start(), m.end())
        for m in self.find(self.lex.third_countries):
            value = not negated(self.s, m.start(), self.lex, window=40, end=m.end())
            self.emit(self.resolve(m.start(), reach=60), ClaimType.directed_against_third_countries, value, m.start(), m.end())

    # --- structure and term ----------------------------------------------------------------------
    def counts(self) -> None:
        for m in (m for pattern in self.lex.article_count for m in self.find(pattern)):
            n = self.lex.number(m.group("n"))
            if n is not None and 3 <= n <= 300:
                self.emit(self.resolve(m.start(), reach=60), ClaimType.article_count, n, m.start(), m.end())

    def terms(self) -> None:
        renewals = [m.start() for m in self.find(self.lex.renewal)] + [m.start() for m in self.find(self.lex.five_years)]
        for m in (m for pattern in self.lex.duration for m in self.find(pattern)):
            n = self.lex.number(m.group("n"))
            if n is None or not 2 <= n <= 99 or self.search(self.lex.duration_exclude, max(0, m.start() - 20), m.end()):
                continue
            if any(abs(r - m.start()) < 60 for r in renewals) and self.lex.five_years is not None and self.lex.five_years.search(m.group(0)):
                continue  # "extended for five years" is the renewal period, not the term
            self.emit(self.resolve(m.start(), reach=120), ClaimType.duration_years, n, m.start(), m.end())
        for m in self.find(self.lex.renewal):
            automatic = bool(self.first(self.lex.automatic))
            five = bool(self.first(self.lex.five_years))
            value = ("auto-5y" if five else "auto") if automatic else "extendable"
            self.emit(self.resolve(m.start(), reach=120), ClaimType.renewal, value, m.start(), m.end())
        for m in (m for pattern in self.lex.entry_rule for m in self.find(pattern)):
            n = self.lex.number(m.group("n"))
            if n:
                what = next((name for stem, name in self.lex.entry_rule_events if m.group("what").lower().startswith(stem)), m.group("what").lower())
                self.emit(self.resolve(m.start(), reach=60), ClaimType.entry_into_force_rule, f"{n} days after {what}", m.start(), m.end())

    def life_cycle(self) -> None:
        if not any(self.find(p) for p in self.lex.entry_rule):
            for m in self.find(self.lex.in_force_true):
                if self.search(self.lex.in_force_future, max(0, m.start() - 30), m.end()) or negated(self.s, m.start(), self.lex, window=25, end=m.end()):
                    continue
                dates = self.dates()
                # distance from the verb's nearer edge: "came into force on 2 October" reads the date after it
                gap = lambda d: d[0] - m.end() if d[0] >= m.end() else m.start() - d[1]  # noqa: E731
                # a date before the verb, across a comma, belongs to the previous clause ("signed on 17 January, enters into force …")
                candidates = [d for d in dates if d[2] and abs(gap(d)) < 60
                              and not (d[1] <= m.start() and any(p in self.s[d[1]:m.start()] for p in ",;"))]
                near = min(candidates, key=lambda d: abs(gap(d)), default=None)
                value = near[2] if near else True
                self.emit(self.resolve(m.start(), reach=60), ClaimType.in_force, value, min(m.start(), near[0]) if near else m.start(), max(m.end(), near[1]) if near else m.end())
        for m in self.find(self.lex.in_force_false):
            self.emit(self.resolve(m.start(), reach=60), ClaimType.in_force, False, m.start(), m.end())
        for m in self.find(self.lex.needs_ratification):
            self.emit(self.resolve(m.start(), reach=60), ClaimType.needs_ratification, True, m.start(), m.end())
        for m in self.find(self.lex.replaces):
            self.emit(DEFAULT, ClaimType.replaces, "rus-irn-2001", m.start(), m.end())

    def is_sign_label(self) -> bool:
        """Is this sentence only a label such as "Подписали |" or "Signed by:" (an infobox row's key)?"""
        if not self.first(self.lex.sign_cue):
            return False
        return len(SIGN_LABEL_FILLER.sub("", self.lex.sign_cue.sub("", self.s))) <= 3

    def signing(self) -> None:
        cues = [m for m in self.find(self.lex.sign_cue) if not negated(self.s, m.start(), self.lex, window=20, end=m.end())]
        if not cues:
            if self.after_sign_label:
                self._signatories(self.carry or DEFAULT)
            return
        anchor = cues[0].start()
        law = self.first(self.lex.ratify)
        law_signing = law is not None and any(word in law.group(0).lower() for word in self.lex.law)
        treaty = self.resolve(anchor, reach=120)
        if law_signing:
            return  # "signed the ratification law on 21 April in Moscow": a step of ratification, not the signing
        self._signatories(treaty)
        dates = self.dates()
        other_event = self.lex.not_a_signing_date
        dates = [d for d in dates if d[2] and not (other_event and other_event.search(self.s[max(0, d[0] - 40): d[0]]))]
        sign_ends = [c.end() for c in cues]
        # a year alone dates a signing only next to its verb: after it, or, where verbs come last, before it
        sign_starts = [c.start() for c in cues] if self.lex.verb_final else []
        dates = [d for d in dates if not YEAR_ONLY.match(d[2]) or any(0 <= d[0] - e <= 45 for e in sign_ends)
                 or any(0 <= c - d[1] <= 45 for c in sign_starts)]
        if self.lex.verb_final:  # "… در ۲۸ دی ۱۴۰۳ امضا شد، از ۱۰ مهر لازم‌الاجرا شد": a date precedes its own verb
            dates = [d for d in dates if d[1] <= cues[-1].start()] or dates
        near = _nearest(dates, anchor)
        if near:
            dated_treaty = "rus-irn-2001" if str(near[2]).startswith("2001") else self.resolve(near[0], fallback=treaty, reach=60)
            self.emit(dated_treaty, ClaimType.signed_on, near[2], near[0], near[1])
        places = places_after_preposition(self.s, self.may_match, self.lex.place_before)
        place = min(places, key=lambda p: min(abs(p[0] - c.start()) for c in cues), default=None)
        if place and min(abs(place[0] - c.start()) for c in cues) < 120:
            self.emit(treaty, ClaimType.signed_at, place[2], place[0], place[1])

    def _signatories(self, treaty: str) -> None:
        for start, end, name in people(self.s, self.may_match):
            self.emit(treaty, ClaimType.signatory, name, start, end)

    def ratification(self) -> None:
        for m in self.find(self.lex.ratify):
            verb = m.group(0).lower()
            if self.search(self.lex.ratify_future, max(0, m.start() - 25), m.end()) or negated(self.s, m.start(), self.lex, window=20, end=m.end()):
                continue
            # verb-final languages name the ratifying body at the head of the clause, often far from the verb
            left = self.s[: m.start()] if self.lex.verb_final else self.s[max(0, m.start() - 70): m.start()]
            right = self.s[m.end(): m.end() + 70]
            window = left + " " + right
            body, body_party = next(((name, party) for rx_, name, party in BODIES if rx_.search(window) or rx_.search(verb)), (None, None))
            explicit = verb.startswith(self.lex.ratify_explicit) or any(word in verb for word in self.lex.law)
            if body is None and not explicit:
                continue  # "approved"/"adopted" alone is too vague to be a ratification step
            # a date between a signing verb and this one is the signing's ("signed on January 17 and ratified later")
            signing = [c.start() for c in self.find(self.lex.sign_cue)]
            dates = [d for d in self.dates() if d[2] and abs(d[0] - m.start()) < 50
                     and not any(c < d[0] < m.start() for c in signing)]
            near = _nearest(dates, m.start())
            detail = ", ".join(x for x in (body, near[2] if near else None) if x)
            treaty = self.resolve(m.start(), reach=40)
            for party in self._ratifying_parties(left, right, body_party):
                self.emit(treaty, ClaimType.ratified_by, f"{party} ({detail})" if detail else party, m.start(), m.end())

    def _ratifying_parties(self, left: str, right: str, body_party: str | None = None) -> list[str]:
        # Passive "ratified by Russia ... and Iran": the parties after "by"; else the nearest subject on the left.
        by = self.lex.ratify_agent.match(right) if self.lex.ratify_agent else None
        agents = next((g for g in by.groups() if g is not None), "") if by else ""
        found: list[tuple[int, str]] = []
        if agents:
            for party, rx_ in PARTY_CUES.items():
                m = rx_.search(agents)
                if m:
                    found.append((m.start(), party))
            if found:
                return [p for _, p in sorted(found)]
        if body_party is not None:
            return [body_party]  # "the State Duma … ratified the treaty with Iran": the parliament's own state
        for party, rx_ in PARTY_CUES.items():
            hits = list(rx_.finditer(left))
            if hits:
                found.append((hits[0].start() if self.lex.verb_final else hits[-1].start(), party))
        if not found:
            return []
        return [min(found)[1]] if self.lex.verb_final else [max(found)[1]]

    # --- scope -----------------------------------------------------------------------------------
    def introduces_scope_list(self) -> bool:
        """Does this sentence open a list of fields ("The agreement details cooperation in these sectors:")?"""
        return self.s.rstrip().endswith(":") and bool(self.first(self.lex.scope_cue))

    def domains(self) -> None:
        scoped = self.list_scope or bool(self.first(self.lex.scope_cue))
        defence_phrases = [(m.start(), m.end()) for m in self.find(self.lex.mutual_defense)]
        for domain, pattern in self.lex.domains.items():
            if not scoped and domain not in self.lex.no_scope_needed:
                continue
            for m in self.find(pattern):
                if any(a <= m.start() < b for a, b in defence_phrases):
                    continue
                treaty = self.resolve(m.start(), reach=40)
                if treaty == "rus-irn-2001":
                    treaty = DEFAULT  # "2001" near a list of fields is a date, not a subject
                self.emit(treaty, ClaimType.covers_domain, domain, m.start(), m.end())
                break


def _admitted(sentence: str, lang: str) -> tuple[str, frozenset[int]]:
    folded = fold(sentence)
    return folded, _gate_set(lang).admitted(folded)


@dataclass(frozen=True)
class _Carry:
    """The treaty of the previous paragraph, held until the next paragraph shows it refers back."""

    treaty: str | None


def _date_context(text: str, lang: str, published: dt.date | None, default_year: int | None,
                  today: dt.date | None) -> DateContext:
    """What dates without a year are read against: the publication date; else a year given by the
    caller; else the latest year the document mentions (per calendar)."""
    if published is not None:
        return DateContext(published=published)
    if default_year is not None:
        return DateContext(years=(("gregorian", default_year),))
    return DateContext(years=document_years(text, lang, today))


def extract_document(text: str, paragraphs: list[tuple[int, int, str | None]], *, default_year: int | None = None,
                     published: dt.date | None = None, today: dt.date | None = None) -> tuple[list[ExtractedClaim], dict[str, int]]:
    """Claims of a whole document; ``paragraphs`` are (start, end, lang). Returns claims and
    the number of paragraphs not analysed, per language.  Dates without a year are read against
    ``published`` (weekdays too), else ``default_year``, else the years the document mentions."""
    contexts: dict[str, DateContext] = {}
    not_analysed: dict[str, int] = {}
    sinks: dict[str, _Sink] = {}
    view: Normalised | None = None  # the document folded for Arabic-script packs, made once if needed
    carry, list_scope, sign_label = None, False, False
    for start, end, lang in paragraphs:
        if lang not in SUPPORTED_LANGUAGES:
            key = lang or "unknown"
            not_analysed[key] = not_analysed.get(key, 0) + 1
            carry = None
            continue
        source, first, last = text, start, end
        if pack(lang).folds_script:
            view = view or normalise(text)
            source, first, last = view.text, view.to_normalised(start), view.to_normalised(end)
        sink = sinks.get(lang) or sinks.setdefault(lang, _Sink(source, lang, view if source is not text else None))
        if isinstance(carry, _Carry):  # the previous paragraph's treaty, only for "This treaty …"
            anaphora = pack(lang).anaphora
            carry = carry.treaty if anaphora is not None and anaphora.match(source, first, last) else None
        spans = sentences(source, first, last)
        # the paragraph folded and scanned for gate strings once, for all its sentences (folding keeps offsets)
        folded = fold(source[first:last])
        admitted_sets = _gate_set(lang).admitted_spans(folded, [(a - first, b - first) for a, b in spans])
        for (a, b), admitted_set in zip(spans, admitted_sets):
            item = list_scope and bool(LIST_ITEM.match(source, a))
            when = contexts.get(lang) or contexts.setdefault(lang, _date_context(text, lang, published, default_year, today))
            admitted = (folded[a - first : b - first], admitted_set)
            if not item and not sign_label and _quiet(lang, admitted[1]):
                carry, list_scope = None, False  # what the scan would have left: most sentences end here
                continue
            scan = _SentenceScan(sink, a, b, lang, when, carry, list_scope=item, after_sign_label=sign_label,
                                 admitted=admitted)
            carry = scan.run()
            list_scope = item or scan.introduces_scope_list()
            sign_label = scan.is_sign_label()
        # A treaty named only in the previous paragraph is not this one's subject, unless that
        # paragraph introduced a quotation from it ("Article 4 of the treaty with the DPRK states:").
        if not text[start:end].rstrip().endswith(":"):
            carry = _Carry(carry)
    claims: list[ExtractedClaim] = []
    seen: set[tuple] = set()
    for sink in sinks.values():
        for c in sink.claims:
            key = (c.claim.treaty, c.claim.type, str(c.claim.value).lower())
            if key not in seen:
                seen.add(key)
                claims.append(c)
    claims.sort(key=lambda c: c.start)
    return claims, not_analysed


def extract_claims(text: str, lang: str, *, default_year: int | None = None, published: dt.date | None = None,
                   today: dt.date | None = None) -> list[ExtractedClaim]:
    """Claims of one text in a language that has a pack; other languages give none."""
    if lang not in SUPPORTED_LANGUAGES:
        return []
    claims, _ = extract_document(text, [(0, len(text), lang)], default_year=default_year, published=published, today=today)
    return claims
