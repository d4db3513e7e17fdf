"""Provision coder: each paragraph of a parsed treaty text -> codings cited by character span.

A coding says what the wording does, never more: the modality (duty,
prohibition, permission or none), who is bound, what triggers it, under what
conditions (place, weapons, who decides), the action from the model's
vocabulary, the domains, and the life-cycle clauses (term, renewal, notice,
entry into force, withdrawal, depositary, authentic languages, prevailing
text).  The cue vocabulary is data, one file per language under
``data/text/cues/``.  A paragraph whose wording matches no action and no
life-cycle cue is coded as *uncoded*, with the reason: nothing is guessed.

Spans are offsets into the parsed (normalised) text, so a coding can be
highlighted on the page and checked against the words it cites.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from accord.knowledge.text import ParsedArticle, ParsedTreaty, Paragraph

CUE_DIR = resources.files("accord.knowledge") / "data" / "text" / "cues"

Modality = Literal["duty", "prohibition", "permission", "none"]
TriggerKind = Literal["armed_attack", "aggression", "threat", "request", "state_of_war", "none"]
LIFECYCLE_KINDS = (
    "term", "renewal", "notice", "withdrawal", "entry_into_force", "ratification", "accession",
    "depositary", "authentic_languages", "prevailing_text", "review", "amendment",
)


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    text: str


class Cue(BaseModel):
    model_config = ConfigDict(frozen=True)
    value: str
    span: Span


class Coding(BaseModel):
    """One thing a paragraph does.  ``kind`` says which fields are set."""

    kind: Literal["provision", "lifecycle", "scope", "uncoded"]
    span: Span  # the sentence or clause the coding reads
    modality: Modality = "none"
    binding: Literal["shall", "best_efforts", "none"] = "none"
    modality_cue: Cue | None = None
    bearer: Cue | None = None
    trigger: Cue | None = None  # value: armed_attack, aggression, threat, request, state_of_war
    conditions: list[Cue] = Field(default_factory=list)  # value: place, weapons, who_decides
    action: Cue | None = None
    domains: list[str] = Field(default_factory=list)
    lifecycle: str | None = None  # one of LIFECYCLE_KINDS
    details: dict[str, str | int | bool | list[str]] = Field(default_factory=dict)
    refers_to: int | None = None  # the article whose scope a "scope" paragraph defines
    reason: str | None = None  # why an "uncoded" paragraph could not be coded

    def key(self) -> tuple:
        """What the coding says and the words it cites (spacing aside): equal keys, equal codings,
        wherever the paragraph sits in its text."""
        rel = lambda c: None if c is None else (c.value, " ".join(c.span.text.split()))  # noqa: E731
        return (
            self.kind, self.modality, self.binding, rel(self.bearer), rel(self.trigger),
            tuple(rel(c) for c in self.conditions), rel(self.action), tuple(self.domains), self.lifecycle,
            tuple(sorted((k, str(v)) for k, v in self.details.items())), self.refers_to,
        )


@dataclass(frozen=True)
class _Action:
    name: str
    patterns: tuple[re.Pattern, ...]
    modality: str | None
    yields_to: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    language: str
    numbers: dict[str, int]
    language_names: dict[str, str]
    modal: dict[str, tuple[re.Pattern, ...]]
    saving: tuple[re.Pattern, ...]
    scope: tuple[re.Pattern, ...]
    bearer: dict[str, tuple[re.Pattern, ...]]
    conditional: re.Pattern
    trigger: dict[str, tuple[re.Pattern, ...]]
    conditions: dict[str, tuple[re.Pattern, ...]]
    actions: tuple[_Action, ...]
    domains: dict[str, tuple[re.Pattern, ...]]
    lifecycle: dict[str, tuple[re.Pattern, ...]]
    markers: re.Pattern | None = None


def available_languages() -> list[str]:
    return sorted(p.name.removesuffix(".yaml") for p in CUE_DIR.iterdir() if p.name.endswith(".yaml"))


@functools.cache
def cues(language: str) -> Cues:
    path = CUE_DIR / f"{language}.yaml"
    if not path.is_file():
        raise KeyError(language)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    numbers = {str(k).casefold(): int(v) for k, v in data.get("numbers", {}).items()}
    num = r"(?:\d{1,4}|" + "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True)) + r")"
    flags = re.IGNORECASE | re.UNICODE

    def comp(patterns) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p.replace("NUM", num), flags) for p in patterns or ())

    def table(section) -> dict[str, tuple[re.Pattern, ...]]:
        return {k: comp(v) for k, v in (section or {}).items()}

    actions = []
    for name, spec in data["actions"].items():
        if isinstance(spec, dict):
            actions.append(_Action(name, comp(spec["patterns"]), spec.get("modality"), tuple(spec.get("yields_to", ()))))
        else:
            actions.append(_Action(name, comp(spec), None, ()))
    return Cues(
        language=language, numbers=numbers, language_names={k.casefold(): v for k, v in data.get("language_names", {}).items()},
        modal=table(data["modal"]), saving=comp(data.get("saving")), scope=comp(data.get("scope")),
        bearer=table(data["bearer"]), conditional=re.compile(data["conditional"], flags), trigger=table(data["trigger"]),
        conditions=table(data["conditions"]), actions=tuple(actions), domains=table(data.get("domains")),
        lifecycle=table(data["lifecycle"]),
        markers=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data["markers"]) + r")(?!\w)", flags) if data.get("markers") else None,
    )


def guess_language(text: str, minimum: int = 2) -> str | None:
    """The coded language whose function words the text uses most, when it clearly leads; else None.
    Cheap: no model to build.  ``marker_hits`` tells a text in none of them (ask a statistical
    detector) from one that is merely short or ambiguous."""
    counts = {}
    for lang in available_languages():
        c = cues(lang)
        if c.markers is not None:
            counts[lang] = len(c.markers.findall(text))
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def marker_hits(text: str) -> int:
    return sum(len(cues(lang).markers.findall(text)) for lang in available_languages() if cues(lang).markers is not None)


# Sentences end at . ! ? (also without the space real copies drop: "area.Any") and clauses at ;.
_SENTENCE_END = re.compile(r"(?<=[.!?;])[ \t\n]*(?=[^\W\d_a-zа-яё]|[\"'(«])|\n\s*\n")
_ABBREVIATION = re.compile(r"(?:\b(?:Art|Arts|No|Nos|para|paras|St|Mr|Dr|U\.S|e\.g|i\.e|v|ст|п)\.|\b[A-ZА-Я]\.)$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(pos, m.start() - 6), m.start()):
            continue
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _span(text: str, m: re.Match, base: int) -> Span:
    g = 1 if m.re.groups and m.group(1) is not None else 0
    s, e = base + m.start(g), base + m.end(g)
    return Span(start=s, end=e, text=text[s:e])


def _first(patterns, chunk: str) -> re.Match | None:
    hits = [m for p in patterns for m in [p.search(chunk)] if m]
    return min(hits, key=lambda m: m.start()) if hits else None


def _last_before(patterns, chunk: str, limit: int) -> re.Match | None:
    best = None
    for p in patterns:
        for m in p.finditer(chunk, 0, limit):
            if best is None or m.start() > best.start():
                best = m
    return best


def _number(token: str, c: Cues) -> int | None:
    token = token.strip().casefold()
    if token.isdigit():
        return int(token)
    return c.numbers.get(token)


def _lifecycle(text: str, s: int, e: int, c: Cues) -> list[Coding]:
    chunk = text[s:e]
    found: list[Coding] = []
    sentence = Span(start=s, end=e, text=chunk)
    eif_details: dict = {}
    for kind in ("eif_on_signature", "eif_days", "eif_last_notification", "eif_exchange", "eif_deposit"):
        m = _first(c.lifecycle.get(kind, ()), chunk)
        if m:
            eif_details.setdefault("rule", kind.removeprefix("eif_"))
            if "n" in m.re.groupindex and m.group("n"):
                eif_details["days"] = _number(m.group("n"), c)
    for kind in LIFECYCLE_KINDS:
        m = _first(c.lifecycle.get(kind, ()), chunk)
        if not m:
            continue
        details: dict = {}
        groups = m.re.groupindex
        if "n" in groups and m.group("n"):
            n = _number(m.group("n"), c)
            unit = ((m.group("unit") if "unit" in groups else None) or (m.group("unit2") if "unit2" in groups else None) or "").casefold()
            if n is not None:
                details[_unit_key(unit)] = n
        if "indefinite" in groups and m.group("indefinite"):
            details["indefinite"] = True
        if "automatic" in groups and m.group("automatic"):
            details["automatic"] = True
        if "who" in groups and m.group("who"):
            details["depositary"] = m.group("who").strip()
        if "langs" in groups and m.group("langs"):
            names = re.split(r",\s*|\s+(?:and|or|и|et|y|e)\s+", m.group("langs"))
            codes = [c.language_names.get(n.strip().casefold()) for n in names]
            if not codes or None in codes:
                continue  # a capitalised phrase that is not a list of languages
            details["languages"] = codes
        if "lang" in groups and m.group("lang"):
            code = c.language_names.get(m.group("lang").casefold())
            if code is None:
                continue
            details["language"] = code
        if kind == "entry_into_force":
            details.update(eif_details)
        found.append(Coding(kind="lifecycle", lifecycle=kind, span=sentence, action=Cue(value=kind, span=_span(text, m, s)), details=details))
    return found


def _unit_key(unit: str) -> str:
    for key, stems in (("days", ("day", "дн", "ден", "jour", "día", "dia")), ("months", ("month", "месяц", "mois", "mes")), ("years", ("year", "год", "лет", "an", "año", "ano"))):
        if unit.startswith(stems):
            return key
    return "years"


def _modality(chunk: str, at: int, c: Cues, fixed: str | None) -> tuple[Modality, str, Cue | None, int]:
    if fixed:
        return fixed, "none", None, 0  # type: ignore[return-value]
    window_start = max(0, at - 90)
    neg = _last_before(c.modal.get("negation", ()), chunk, at)
    best = None
    for kind in ("duty", "best_efforts", "permission"):
        m = _last_before(c.modal.get(kind, ()), chunk, at)
        if m and (best is None or m.start() > best[1].start() or (m.start() == best[1].start() and kind == "best_efforts")):
            best = (kind, m)
    if neg and neg.start() >= window_start:
        return "prohibition", "shall", None, neg.start()
    if best is None:
        # the object may come before its verb ("by mutual aid, will maintain …"): the clause's first modal after it
        for kind in ("best_efforts", "duty", "permission"):
            # the verb itself may be the cue ("se consultent"): look from just before the action on
            m = _first(c.modal.get(kind, ()), chunk[max(0, at - 4):])
            if m and (best is None or m.start() < best[1].start()):
                best = (kind, m)
        if best is None:
            return "none", "none", None, -1
        kind, m = best
        return ("permission", "none", None, -1) if kind == "permission" else ("duty", "best_efforts" if kind == "best_efforts" else "shall", None, -1)
    kind, m = best
    if kind == "permission":
        return "permission", "none", None, m.start()
    return "duty", ("best_efforts" if kind == "best_efforts" else "shall"), None, m.start()


def _cue(text: str, patterns, chunk: str, base: int, value: str) -> Cue | None:
    m = _first(patterns, chunk)
    return Cue(value=value, span=_span(text, m, base)) if m else None


def _provisions(text: str, s: int, e: int, c: Cues) -> list[Coding]:
    chunk = text[s:e]
    sentence = Span(start=s, end=e, text=chunk)
    taken: list[tuple[str, Span]] = []
    for action in c.actions:
        m = _first(action.patterns, chunk)
        if not m:
            continue
        span = _span(text, m, s)
        if any(a in action.yields_to for a, _ in taken) or any(t.start < span.end and span.start < t.end for _, t in taken):
            continue
        taken.append((action.name, span))
    saving = _first(c.saving, chunk)
    out = []
    for name, span in taken:
        spec = next(a for a in c.actions if a.name == name)
        at = span.start - s
        if saving and saving.start() < at and spec.modality != "permission":
            continue  # what a saving clause keeps intact is not a new duty
        modality, binding, _, modal_at = _modality(chunk, at, c, spec.modality)
        modal_cue = None
        if modality == "prohibition":
            neg = _last_before(c.modal["negation"], chunk, at)
            modal_cue = Cue(value="prohibition", span=_span(text, neg, s))
        elif modal_at >= 0 and not spec.modality:
            m = _last_before(c.modal["best_efforts" if binding == "best_efforts" else ("permission" if modality == "permission" else "duty")], chunk, at)
            if m:
                modal_cue = Cue(value=modality, span=_span(text, m, s))
        bearer = None
        for kind, pats in c.bearer.items():
            m = _last_before(pats, chunk, at)
            if m and (bearer is None or m.start() > bearer[1].start()):
                bearer = (kind, m)
        trigger = None
        cond = c.conditional.search(chunk)
        if cond:
            found = [(m.start(), kind, m) for kind, pats in c.trigger.items() for m in [_first(pats, chunk[cond.start():])] if m]
            if found:
                _, kind, m = min(found, key=lambda x: x[0])  # "a threat of aggression" is a threat
                trigger = Cue(value=kind, span=_span(text, m, s + cond.start()))
        conditions = [cue for kind, pats in c.conditions.items() for cue in [_cue(text, pats, chunk, s, kind)] if cue]
        domains = [d for d, pats in c.domains.items() if _first(pats, chunk)]
        out.append(Coding(
            kind="provision", span=sentence, modality=modality, binding=binding, modality_cue=modal_cue,
            bearer=Cue(value=bearer[0], span=_span(text, bearer[1], s)) if bearer else None,
            trigger=trigger, conditions=conditions, action=Cue(value=name, span=span), domains=domains,
        ))
    return out


def code_paragraph(text: str, paragraph: Paragraph, language: str) -> list[Coding]:
    """Codings of one paragraph (its sentences and clauses); one *uncoded* coding when none applies."""
    c = cues(language)
    codings: list[Coding] = []
    scope_of = None
    saving = False
    modal_seen = False
    for s, e in sentences(text, paragraph.start, paragraph.end):
        chunk = text[s:e]
        m = _first(c.scope, chunk)
        if m and scope_of is None:
            token = m.group(1)
            scope_of = int(token) if token.isdigit() else _roman(token)
            codings.append(Coding(kind="scope", span=Span(start=s, end=e, text=chunk), refers_to=scope_of,
                                  action=Cue(value="scope", span=_span(text, m, s)),
                                  conditions=[cue for k, pats in c.conditions.items() for cue in [_cue(text, pats, text[paragraph.start:paragraph.end], paragraph.start, k)] if cue]))
            continue
        life = [x for x in _lifecycle(text, s, e, c) if not any(y.lifecycle == x.lifecycle and y.details == x.details for y in codings)]
        codings += life
        if _first(c.saving, chunk):
            saving = True
        provisions = _provisions(text, s, e, c)
        if any(x.lifecycle in ("review", "amendment") for x in life):
            provisions = [p for p in provisions if p.action and p.action.value != "consult"]  # consulting on the treaty itself
        codings += provisions
        modal_seen = modal_seen or bool(_first(c.modal.get("duty", ()), chunk))
    if not codings:
        if saving:
            reason = "a saving clause: it keeps other rights and duties intact and creates none"
        elif modal_seen:
            reason = "binding wording, but no action from the vocabulary (modality and action not coded)"
        else:
            reason = "no duty, prohibition, permission or life-cycle clause recognised"
        codings.append(Coding(kind="uncoded", span=Span(start=paragraph.start, end=paragraph.end, text=paragraph.text), reason=reason))
    return codings


def _roman(token: str) -> int:
    from accord.knowledge.text import roman_to_int

    return roman_to_int(token)


def code_closing(text: str, start: int, end: int, language: str) -> list[Coding]:
    """Life-cycle clauses of a closing formula ("Done in two copies, in Russian and English, both texts
    being equally authentic"): the only codings a closing formula can carry."""
    c = cues(language)
    out: list[Coding] = []
    for s, e in sentences(text, start, end):
        out += [x for x in _lifecycle(text, s, e, c) if x.lifecycle in ("authentic_languages", "prevailing_text", "depositary")]
    return out


@dataclass
class CodedArticle:
    article: ParsedArticle
    instrument: str  # "treaty", or the annexed instrument's title
    codings: list[list[Coding]]  # per paragraph


def code_treaty(parsed: ParsedTreaty, language: str) -> list[CodedArticle]:
    """Code every paragraph of every article of every instrument."""
    out = []
    for ins in parsed.instruments:
        for art in ins.articles:
            out.append(CodedArticle(art, "treaty" if ins.kind == "treaty" else ins.title,
                                    [code_paragraph(parsed.text, p, language) for p in art.paragraphs]))
    return out
