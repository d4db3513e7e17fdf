"""The per-document press pipeline: main text -> clean (and redact) -> paragraphs and languages ->
metadata -> duplicate keys -> claims -> verdicts, and implementation events.

``process`` is pure and returns a compact, picklable result, so it can run in a
process pool or on a distributed engine; storing is the services layer's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.knowledge.catalog import Catalog
from accord.press.claims import SUPPORTED_LANGUAGES, extract_document
from accord.press.clean import clean_text, extract_main_text, split_paragraphs
from accord.press.dedupe import content_hash, fingerprint
from accord.press.events import ExtractedEvent, extract_events
from accord.press.language import paragraph_languages
from accord.press.metadata import extract_metadata
from accord.press.read import RawDocument
from accord.press.redact import redact_field, redact_url
from accord.reasoning.check import judge


# Claim extraction costs about a millisecond per sentence, so a document's time grows with its length
# (linearly: measured by bench/bench_pipeline.py); past this many characters of cleaned text, about 150
# pages and far past any article, a document is a dump or an attack, and the rest of it is stored and
# searchable but not read for claims or events.  The ingest report carries a warning and counts the
# paragraphs under OVER_LIMIT in paragraphs_not_analysed.
MAX_ANALYSED_CHARS = 500_000
OVER_LIMIT = "over-length"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    lang: str | None
    analysed: bool


@dataclass(frozen=True)
class JudgedClaim:
    treaty: str
    type: str
    value: object
    start: int
    end: int
    quote: str
    lang: str
    verdict: str
    citation: str
    reason: str
    sources: list[str]


@dataclass(frozen=True)
class ProcessedDocument:
    id: str
    origin: str
    url: str | None
    text: str  # the cleaned, redacted text: the only text that is ever stored
    lang: str | None
    published: dt.date | None
    outlet: str | None
    author: str | None
    content_hash: str
    fingerprint: bytes
    removed_blocks: int
    redactions: dict[str, int]
    paragraphs: list[Paragraph]
    claims: list[JudgedClaim]
    not_analysed: dict[str, int] = field(default_factory=dict)
    events: list[ExtractedEvent] = field(default_factory=list)  # implementation events of the tracked treaties
    warnings: list[str] = field(default_factory=list)  # what was not done to this document, and why
    judged_as_of: dt.date | None = None  # the day the claims were judged on (publication, else the ingest day)
    catalog_version: str | None = None  # the catalog the verdicts were made against


def _document_language(paragraphs: list[Paragraph]) -> str | None:
    weights: dict[str, int] = {}
    for p in paragraphs:
        if p.lang:
            weights[p.lang] = weights.get(p.lang, 0) + (p.end - p.start)
    return max(weights, key=weights.get) if weights else None


def process(raw: RawDocument, catalog: Catalog, today: dt.date, *,
            max_analysed_chars: int = MAX_ANALYSED_CHARS) -> ProcessedDocument:
    """``today`` bounds plausible publication dates and is the day an undated document is taken
    to speak from ("is in force" claims)."""
    cleaned = clean_text(extract_main_text(raw))
    text = cleaned.text
    spans = split_paragraphs(text)
    langs = paragraph_languages(text, spans)
    if raw.lang and all(lang is None for lang in langs):
        langs = [raw.lang] * len(spans)  # nothing detectable: trust the declared language
    # Claims and events are read from the first MAX_ANALYSED_CHARS characters only (see there); the rest is stored.
    paragraphs = [Paragraph(a, b, lang, lang in SUPPORTED_LANGUAGES and b <= max_analysed_chars)
                  for (a, b), lang in zip(spans, langs)]
    analysed = [(p.start, p.end, p.lang) for p in paragraphs if p.end <= max_analysed_chars]
    beyond = len(paragraphs) - len(analysed)
    warnings = [f"claims and events read from the first {max_analysed_chars:,} characters only; "
                f"{beyond} paragraphs after them are stored but not analysed"] if beyond else []
    meta = extract_metadata(raw, text, today=today)
    extracted, not_analysed = extract_document(text, analysed, published=meta.published, today=today)
    if beyond:
        not_analysed[OVER_LIMIT] = beyond
    events = extract_events(text, analysed, meta.published, catalog=catalog, fallback_lang=raw.lang)
    claims = []
    for c in extracted:
        j = judge(c.claim, catalog, as_of=meta.published or today)
        claims.append(JudgedClaim(c.claim.treaty, c.claim.type.value, c.claim.value, c.start, c.end, c.quote, c.lang,
                                  j.verdict.value, j.citation, j.reason, list(j.sources)))
    # Every stored field is redacted, not only the text: ids, urls and outlet names are written by the same people.
    return ProcessedDocument(
        id=redact_field(raw.id), origin=redact_field(raw.origin), url=redact_url(raw.url), text=text,
        lang=_document_language(paragraphs) or raw.lang, published=meta.published, outlet=redact_field(meta.outlet),
        author=redact_field(meta.author), content_hash=content_hash(text),
        fingerprint=fingerprint(text).to_bytes(), removed_blocks=cleaned.removed_blocks,
        redactions=dict(cleaned.redactions), paragraphs=paragraphs, claims=claims, not_analysed=not_analysed,
        events=events, warnings=warnings, judged_as_of=meta.published or today, catalog_version=catalog.version,
    )
