"""Check a piece of text: detect its language, extract its claims, judge each against the catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.contract import JudgedClaim
from accord.knowledge.catalog import Catalog
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

    def answer(self) -> JudgedClaim:
        c, j = self.extracted, self.judgement
        return JudgedClaim(treaty=c.claim.treaty, type=c.claim.type, value=c.claim.value, quote=c.quote, start=c.start,
                           end=c.end, lang=c.lang, verdict=j.verdict, citation=j.citation, reason=j.reason,
                           sources=list(j.sources))


def check_text(text: str, lang: str | None = None, *, catalog: Catalog, today: dt.date | None = None,
               as_of: dt.date | None = None) -> tuple[str, list[CheckedClaim]]:
    """(language, judged claims). Raises UnsupportedLanguage for languages without an extractor.

    ``as_of`` is the day the text speaks from (its publication day), which also dates its year-less
    dates; without it, "is in force" claims are judged on ``today``, and without either they are
    unverifiable."""
    lang = lang or detect_language(text) or "unknown"
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(f"claims are extracted from {', '.join(sorted(SUPPORTED_LANGUAGES))} text; this text is '{lang}' and is not analysed")
    # No year is assumed for a date the text gives without one: "signed on January 17" is judged
    # on month and day, not read as this year's January 17.
    claims = extract_claims(text, lang, default_year=as_of.year if as_of else None, today=today)
    return lang, [CheckedClaim(c, judge(c.claim, catalog, as_of=as_of or today)) for c in claims]
