"""schema.org ClaimReview, as the claim pages carry it (JSON-LD) and the API and CLI serve it.

The keys are schema.org's (``@context``, ``@type``, ``claimReviewed`` …), so the models read and
write them by alias; the rating scale is documented in docs/claimreview.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from accord.contract.base import Answer


class _JsonLd(Answer):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class ReviewOrganization(_JsonLd):
    type: Literal["Organization"] = Field("Organization", alias="@type")
    name: str
    url: str | None = None


class ReviewAppearance(_JsonLd):
    type: Literal["CreativeWork"] = Field("CreativeWork", alias="@type")
    url: str | None = Field(None, description="Where the claim was published.")
    datePublished: str | None = None
    publisher: ReviewOrganization | None = Field(None, description="The outlet.")


class ReviewedClaim(_JsonLd):
    type: Literal["Claim"] = Field("Claim", alias="@type")
    appearance: ReviewAppearance
    datePublished: str | None = None
    inLanguage: str | None = None


class ReviewRating(_JsonLd):
    type: Literal["Rating"] = Field("Rating", alias="@type")
    ratingValue: int = Field(description="1 contradicted, 2 unverifiable, 3 supported.")
    bestRating: int
    worstRating: int
    alternateName: str = Field(description="The verdict in words.")
    ratingExplanation: str | None = None


class ClaimReview(_JsonLd):
    """One judged claim as a schema.org ClaimReview (`accord claims --format claimreview`, one a line)."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True, json_schema_extra={"examples": [{
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "http://127.0.0.1:8000/claims/12",
        "datePublished": "2025-02-01", "author": {"@type": "Organization", "name": "accord", "url": "http://127.0.0.1:8000/"},
        "claimReviewed": "Russia is now obliged to defend Iran militarily",
        "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork", "url": "https://example.org/a"}},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 3, "worstRating": 1,
                         "alternateName": "Contradicted"}}]})

    context: Literal["https://schema.org"] = Field("https://schema.org", alias="@context")
    type: Literal["ClaimReview"] = Field("ClaimReview", alias="@type")
    url: str = Field(description="The claim's page.")
    datePublished: str = Field(description="The day of the verdict.")
    author: ReviewOrganization
    claimReviewed: str
    itemReviewed: ReviewedClaim
    reviewRating: ReviewRating
    inLanguage: str | None = None
