"""schema.org ClaimReview for a judged claim: the markup fact-checking sites and search engines read.

The rating scale (documented in docs/claimreview.md) runs from 1 to 3, worst to best, so a reader
that only knows numbers still orders the verdicts correctly: a claim the catalog contradicts is
the worst rating, one it cannot decide sits in the middle, one it supports is the best.
``alternateName`` carries the verdict in words, which is what fact-check readers show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

RATING_SCALE: dict[str, tuple[int, str]] = {
    "contradicted": (1, "Contradicted"),
    "unverifiable": (2, "Unverifiable"),
    "supported": (3, "Supported"),
}
WORST, BEST = 1, 3


def claim_review(claim: Mapping[str, Any], document: Mapping[str, Any], *, page_url: str, instance_url: str,
                 reviewed_on: dt.date) -> dict[str, Any]:
    """The ClaimReview of one stored claim, as a JSON-LD object.

    ``claim`` is a stored judged claim (quote, verdict, citation, reason, lang); ``document`` the
    stored document it was read in (url, published, outlet). ``page_url`` is the claim's own page,
    ``instance_url`` the accord instance that reviews it, ``reviewed_on`` the day of the verdict.
    """
    value, label = RATING_SCALE[claim["verdict"]]
    explanation = " ".join(part for part in (_sentence(claim.get("reason")), _cited(claim.get("citation"))) if part)
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if document.get("url"):
        appearance["url"] = document["url"]
    if document.get("published"):
        appearance["datePublished"] = str(document["published"])
    if document.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": document["outlet"]}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if document.get("published"):
        item["datePublished"] = str(document["published"])
    if claim.get("lang"):
        item["inLanguage"] = claim["lang"]
    rating: dict[str, Any] = {"@type": "Rating", "ratingValue": value, "bestRating": BEST, "worstRating": WORST,
                              "alternateName": label}
    if explanation:
        rating["ratingExplanation"] = explanation
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "datePublished": reviewed_on.isoformat(),
        "author": {"@type": "Organization", "name": "accord", "url": instance_url},
        "claimReviewed": claim["quote"],
        "itemReviewed": item,
        "reviewRating": rating,
    }
    if claim.get("lang"):
        review["inLanguage"] = claim["lang"]
    return review


def _sentence(text: str | None) -> str | None:
    return f"{text.rstrip('. ')}." if text else None


def _cited(citation: str | None) -> str | None:
    return f"Decided by {citation}." if citation else None


def reviewed_on(claim: Mapping[str, Any]) -> dt.date:
    """The day of the review: the day the verdict was made (a re-judging moves it on), else the
    day the document was stored."""
    return dt.date.fromisoformat((claim.get("judged_on") or claim["ingested_at"])[:10])


def claim_page_url(base_url: str, claim_id: int) -> str:
    return f"{base_url.rstrip('/')}/claims/{claim_id}"


def stored_claim_reviews(claims: Iterable[Mapping[str, Any]], base_url: str) -> Iterator[dict[str, Any]]:
    """The ClaimReview of each stored claim row (as ``Store.iter_claims`` reads them, with the
    document's url, published and outlet, and the verdict's day), pointing to its page under
    ``base_url``: the objects the claim pages carry, one after the other."""
    instance = base_url.rstrip("/") + "/"
    for claim in claims:
        yield claim_review(claim, claim, page_url=claim_page_url(base_url, claim["id"]), instance_url=instance,
                           reviewed_on=reviewed_on(claim))
