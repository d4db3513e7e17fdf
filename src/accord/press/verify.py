"""Check a piece of text: detect its language, extract its claims, judge each against the catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.knowledge.catalog import Catalog, default_catalog
from accord.press.claims import SUPPORTED_LANGUAGES, ExtractedClaim, extract_claims
from accord.press.language import detect_language
from accord.reasoning.check import judge
from accord.reasoning.claims import Judgement


class UnsupportedLanguage(ValueError):
    """The text is in a language without a claim extractor; nothing is guessed."""


@dataclass(frozen=True)
class CheckedClaim:
    extracted: ExtractedClaim
    judgement: Judgement

    def to_json(self) -> dict:
        c, j = self.extracted, self.judgement
        return {
            "treaty": c.claim.treaty, "type": c.claim.type.value, "value": c.claim.value, "quote": c.quote,
            "start": c.start, "end": c.end, "lang": c.lang, "verdict": j.verdict.value, "citation": j.citation,
            "reason": j.reason, "sources": list(j.sources),
        }


def check_text(text: str, lang: str | None = None, *, as_of: dt.date | None = None, catalog: Catalog | None = None) -> tuple[str, list[CheckedClaim]]:
    """(language, judged claims). Raises UnsupportedLanguage for languages without an extractor."""
    catalog = catalog or default_catalog()
    lang = lang or detect_language(text) or "unknown"
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(f"claims are extracted from {', '.join(sorted(SUPPORTED_LANGUAGES))} text; this text is '{lang}' and is not analysed")
    # No year is assumed for a date the text gives without one: "signed on January 17" is judged
    # on month and day, not read as this year's January 17.
    claims = extract_claims(text, lang, default_year=as_of.year if as_of else None)
    return lang, [CheckedClaim(c, judge(c.claim, catalog, as_of=as_of)) for c in claims]
